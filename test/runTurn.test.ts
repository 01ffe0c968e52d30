// A turn's held replies (SMS) leave after the conversation's lock is let go, so a slow provider
// holds no lock; one conversation's sends still leave in the order of its turns.
import type { TurnContext } from 'botbuilder';
import { createTurnRunner, whenTurnEnds } from '../bot/turn/runTurn';
import type { TurnLock } from '../bot/turn/turnLock';

/** One lock per key, in process, writing down each time it is let go. */
function recordingLock(order: string[]): TurnLock {
  const tails = new Map<string, Promise<unknown>>();
  return {
    run(key, turn) {
      const run = (tails.get(key) ?? Promise.resolve()).then(async () => {
        try {
          return await turn({ held: true });
        } finally {
          order.push('unlocked');
        }
      });
      tails.set(
        key,
        run.catch(() => undefined),
      );
      return run;
    },
    idle: async () => undefined,
  };
}

const contextFor = (conversationId: string): TurnContext =>
  ({ activity: { channelId: 'sms', conversation: { id: conversationId } }, turnState: new Map() }) as unknown as TurnContext;

it('a slow send runs with the lock let go, and the next turn of the conversation does not wait for it', async () => {
  const order: string[] = [];
  const lock = recordingLock(order);
  let finishSlowSend!: () => void;
  const runner = createTurnRunner({
    lock,
    failSafe: { onTurnError: async () => undefined },
    bot: {
      run: async (context) => {
        const text = (context as unknown as { activity: { text?: string } }).activity.text ?? '';
        order.push(`turn ${text}`);
        whenTurnEnds(context, async () => {
          order.push(`send ${text}`);
          if (text === 'first') await new Promise<void>((resolve) => (finishSlowSend = resolve));
          order.push(`sent ${text}`);
        });
      },
    },
  });
  const first = contextFor('c');
  (first.activity as { text?: string }).text = 'first';
  const second = contextFor('c');
  (second.activity as { text?: string }).text = 'second';
  const firstDone = runner.run(first);
  const secondDone = runner.run(second);
  // The second turn runs while the first reply is still being sent; its own send waits its turn.
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(order).toEqual(['turn first', 'unlocked', 'turn second', 'send first', 'unlocked']);
  finishSlowSend();
  await Promise.all([firstDone, secondDone]);
  expect(order.slice(5)).toEqual(['sent first', 'send second', 'sent second']);
});
