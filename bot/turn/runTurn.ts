// One turn of a conversation, as every channel runs it: the conversation's turns wait in line
// (see turnLock.ts), then `first` may claim the turn (an SMS keyword, an on-call person's
// relay), and otherwise the bot answers. A failure gets the fail-safe reply inside the turn.
import type { Activity, TurnContext } from 'botbuilder';
import type { FailSafe } from './failSafe';
import type { HeldLock } from '../store/database';
import type { TurnLock } from './turnLock';

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
 * text): `send` runs when the turn ends, still inside the lock, so the replies to one
 * conversation's messages leave in the order the messages came.
 */
export function whenTurnEnds(context: TurnContext, send: () => Promise<void>): void {
  context.turnState.set(TURN_END, send);
}

export function createTurnRunner(deps: {
  lock: TurnLock;
  bot: { run(context: TurnContext): Promise<void> };
  failSafe: Pick<FailSafe, 'onTurnError'>;
}): TurnRunner {
  return {
    run: (context, first) =>
      deps.lock.run(lockKeyOf(context.activity), async (lock) => {
        context.turnState.set(TURN_LOCK, lock);
        try {
          const claimed = first ? await first(context) : false;
          if (!claimed) await deps.bot.run(context);
        } catch (error) {
          // Answered here rather than by the adapter, so an SMS apology leaves with the turn's other replies.
          await deps.failSafe.onTurnError(context, error instanceof Error ? error : new Error(String(error)));
        }
        const end = context.turnState.get<(() => Promise<void>) | undefined>(TURN_END);
        await end?.();
      }),
    idle: () => deps.lock.idle(),
  };
}
