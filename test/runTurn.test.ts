// A turn's held replies (SMS) leave after the conversation's lock is let go, so a slow provider
// holds no lock; one conversation's sends still leave in the order of its turns.
import { BotAdapter, TurnContext, type Activity, type ResourceResponse } from 'botbuilder';
import { answersSlowTurnsItself, createTurnRunner, whenTurnEnds } from '../bot/turn/runTurn';
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
  ({
    activity: { channelId: 'sms', conversation: { id: conversationId } },
    turnState: new Map(),
    onSendActivities() {
      return this;
    },
  }) as unknown as TurnContext;

it('a slow send runs with the lock let go, and the next turn of the conversation does not wait for it', async () => {
  const order: string[] = [];
  const lock = recordingLock(order);
  let finishSlowSend!: () => void;
  const runner = createTurnRunner({
    lock,
    failSafe: { onTurnError: async () => undefined, onSlowTurn: async () => undefined },
    commit: async () => undefined,
    deadlineMs: 30_000,
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

describe('a turn past TURN_DEADLINE_MS with nothing sent gives the fail-safe then, and its answer after', () => {
  class RecordingAdapter extends BotAdapter {
    readonly sent: string[] = [];
    override async sendActivities(_context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
      this.sent.push(...activities.map((activity) => activity.text ?? ''));
      return activities.map(() => ({ id: 'sent' }));
    }
    override async updateActivity(): Promise<void> {}
    override async deleteActivity(): Promise<void> {}
    override async continueConversation(): Promise<void> {}
  }
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const runnerFor = (bot: (context: TurnContext) => Promise<void>) =>
    createTurnRunner({
      lock: recordingLock([]),
      failSafe: { onTurnError: async () => undefined, onSlowTurn: async (context) => void (await context.sendActivity('fail-safe 999')) },
      commit: async () => undefined,
      deadlineMs: 30,
      bot: { run: bot },
    });
  const turn = (adapter: BotAdapter) =>
    new TurnContext(adapter, {
      type: 'message',
      channelId: 'test',
      conversation: { id: 'c', isGroup: false, conversationType: '', name: '' },
    });

  it('a slow turn: the fail-safe, then the answer', async () => {
    const adapter = new RecordingAdapter();
    await runnerFor(async (context) => {
      await pause(120);
      await context.sendActivity('answer');
    }).run(turn(adapter));
    expect(adapter.sent).toEqual(['fail-safe 999', 'answer']);
  });

  it('a turn that answered in time and then works on: no fail-safe', async () => {
    const adapter = new RecordingAdapter();
    await runnerFor(async (context) => {
      await context.sendActivity('answer');
      await pause(120);
    }).run(turn(adapter));
    expect(adapter.sent).toEqual(['answer']);
  });

  it("a channel that answers slow turns itself (SMS, in the webhook's reply) gets no second fail-safe", async () => {
    const adapter = new RecordingAdapter();
    const context = turn(adapter);
    answersSlowTurnsItself(context);
    await runnerFor(async (inTurn) => {
      await pause(120);
      await inTurn.sendActivity('answer');
    }).run(context);
    expect(adapter.sent).toEqual(['answer']);
  });
});
