// One turn of a conversation, as every channel runs it: the conversation's turns wait in line
// (see turnLock.ts), then `first` may claim the turn (an SMS keyword, an on-call person's
// relay), and otherwise the bot answers. A failure gets the fail-safe reply inside the turn.
import type { Activity, TurnContext } from 'botbuilder';
import type { FailSafe } from './failSafe';
import type { HeldLock } from '../store/database';
import type { TurnLock } from './turnLock';
import type { Metrics } from '../platform/metrics';
import { abandonTurnCommit, commitTurn, openTurnCommit, whenCommitted, type TurnWrite } from './turnCommit';

/** Runs inside the lock before the bot; true when it handled the turn and the bot stays out. */
export type FirstStep = (context: TurnContext) => Promise<boolean>;

export type RunTurn = (context: TurnContext, first?: FirstStep) => Promise<void>;

export interface TurnRunner {
  run: RunTurn;
  /** Resolves when no turn is running or waiting (graceful shutdown). */
  idle(): Promise<void>;
}

/** The key a conversation's turns queue on, in this process and across instances. */
export function lockKeyOf(activity: Pick<Activity, 'channelId' | 'conversation'>): string {
  return `${activity.channelId}/${activity.conversation.id}`;
}

const TURN_END = Symbol('helpline.turnEnd');
const SLOW_TURNS_ANSWERED_BY_CHANNEL = Symbol('helpline.slowTurnsAnsweredByChannel');
const TURN_AFTER = Symbol('helpline.afterTurn');
const TURN_LOCK = Symbol('helpline.turnLock');

/**
 * False when the conversation's lock went with its database connection during the turn:
 * another instance may be running the conversation's next turn, so this one must not save.
 */
export function turnStillLocked(context: TurnContext): boolean {
  return context.turnState.get<HeldLock | undefined>(TURN_LOCK)?.held ?? true;
}

/**
 * For a channel that holds a turn's replies and sends them together (SMS joins them into one
 * text): `send` runs when the turn ends, after the conversation's lock is let go, so a slow
 * provider holds no lock connection; a conversation's sends still leave one after another, in
 * the order of its turns.
 */
export function whenTurnEnds(context: TurnContext, send: () => Promise<void>): void {
  context.turnState.set(TURN_END, send);
}

/**
 * For a channel that answers a turn past its deadline itself (SMS: in the answer to Twilio's
 * webhook), so the runner does not add its own fail-safe to the replies held for the turn's end.
 */
export function answersSlowTurnsItself(context: TurnContext): void {
  context.turnState.set(SLOW_TURNS_ANSWERED_BY_CHANNEL, true);
}

/**
 * Work a turn causes but need not wait for, whose result the reply does not depend on (a text to
 * the return interview team): it runs once the conversation's lock is let go, so a slow provider
 * holds neither the lock nor the reply. Outside a turn runner it runs at once.
 */
export async function afterTurn(context: TurnContext, task: () => Promise<unknown>): Promise<void> {
  const tasks = context.turnState.get<Array<() => Promise<unknown>> | undefined>(TURN_AFTER);
  if (tasks) tasks.push(task);
  else await task();
}

/** As `afterTurn`, only when the turn commits: a failed turn's booking is told to nobody. */
export async function afterCommittedTurn(context: TurnContext, task: () => Promise<unknown>): Promise<void> {
  await whenCommitted(context, () => afterTurn(context, task));
}

export function createTurnRunner(deps: {
  lock: TurnLock;
  bot: { run(context: TurnContext): Promise<void> };
  failSafe: Pick<FailSafe, 'onTurnError' | 'onSlowTurn'>;
  /** Writes a turn's held writes in one transaction, when the bot has not committed them with its state. */
  commit: (writes: TurnWrite[]) => Promise<void>;
  /**
   * A turn that has sent nothing this long after it came in (waiting for the conversation's lock
   * or a slow store) sends the fail-safe then; its own replies follow when it ends.
   */
  deadlineMs: number;
  metrics?: Pick<Metrics, 'turns' | 'turnSeconds' | 'turnsInFlight' | 'replies'>;
}): TurnRunner {
  const sends = new SendQueues();
  const background = new Set<Promise<unknown>>();
  return {
    run: async (context, first) => {
      const key = lockKeyOf(context.activity);
      let released!: () => void;
      const afterLock = new Promise<void>((resolve) => {
        released = resolve;
      });
      let sending: Promise<void> | undefined;
      const after: Array<() => Promise<unknown>> = [];
      context.turnState.set(TURN_AFTER, after);
      const channel = channelLabel(context.activity.channelId);
      const timer = deps.metrics?.turnSeconds.startTimer({ channel });
      deps.metrics?.turnsInFlight.inc();
      let replied = false;
      context.onSendActivities(async (_context, activities, next) => {
        replied = true;
        deps.metrics?.replies.inc({ channel }, activities.filter((activity) => activity.type === 'message').length);
        return next();
      });
      const deadline = setTimeout(() => {
        if (!replied && !context.turnState.get(SLOW_TURNS_ANSWERED_BY_CHANNEL)) void deps.failSafe.onSlowTurn(context);
      }, deps.deadlineMs);
      deadline.unref();
      try {
        await deps.lock.run(key, async (lock) => {
          context.turnState.set(TURN_LOCK, lock);
          openTurnCommit(context);
          try {
            const claimed = first ? await first(context) : false;
            if (!claimed) await deps.bot.run(context);
            // What the bot did not commit with its state (a keyword's turn, "delete my data").
            await commitTurn(context, deps.commit);
          } catch (error) {
            abandonTurnCommit(context);
            // Answered here rather than by the adapter, so an SMS apology leaves with the turn's other replies.
            await deps.failSafe.onTurnError(context, error instanceof Error ? error : new Error(String(error)));
          }
          const end = context.turnState.get<(() => Promise<void>) | undefined>(TURN_END);
          // Queued while the lock is held, so the next turn's send queues behind this one.
          if (end) sending = sends.add(key, () => afterLock.then(end));
        });
      } finally {
        clearTimeout(deadline);
        deps.metrics?.turnsInFlight.dec();
        deps.metrics?.turns.inc({ channel });
        timer?.();
        released();
        // Failures are the task's own to log; nothing waits on them but a graceful stop.
        for (const task of after) {
          const running: Promise<unknown> = task()
            .catch(() => undefined)
            .finally(() => background.delete(running));
          background.add(running);
        }
      }
      await sending;
    },
    idle: async () => {
      await deps.lock.idle();
      await sends.idle();
      await Promise.all([...background]);
    },
  };
}

/** Bot Framework channels a council may connect, and ours; any other id a client sends counts as "other". */
const CHANNEL_LABELS = new Set(['directline', 'sms', 'webchat', 'msteams', 'emulator', 'test', 'facebook', 'telegram', 'slack']);
const channelLabel = (channelId: string | undefined): string => (channelId && CHANNEL_LABELS.has(channelId) ? channelId : 'other');

/** Each conversation's sends, one after another; a failed send does not stop the next. */
class SendQueues {
  private readonly tails = new Map<string, Promise<void>>();

  add(key: string, send: () => Promise<void>): Promise<void> {
    const next = (this.tails.get(key) ?? Promise.resolve()).then(send, send);
    const tail = next.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return next;
  }

  async idle(): Promise<void> {
    await Promise.all([...this.tails.values()]);
  }
}
