// A turn's commit: what a turn leaves behind besides its dialog state (the widget's replies, the
// texts it owes a phone, its audit rows) is written with that state in one transaction when the
// turn ends. A crash or a failed save leaves all of it or none: no "call 999" audited that was
// never said, no reply shown for a step the conversation did not take. A failed turn's held
// writes are dropped, and the fail-safe is delivered at once.
import type { Activity, TurnContext } from 'botbuilder';
import type { Queryable } from '../store/database';

export type TurnWrite = (tx: Queryable) => Promise<void>;

interface OpenCommit {
  writes: TurnWrite[];
  afterCommit: Array<() => Promise<void>>;
  state: 'open' | 'committed' | 'abandoned';
}

const TURN_COMMIT = Symbol('helpline.turnCommit');
/** Set on an activity that must not wait for the commit (the fail-safe of a slow turn). */
const DELIVER_AT_ONCE = Symbol('helpline.deliverAtOnce');

const openCommitOf = (context: TurnContext): OpenCommit | undefined => {
  const commit = context.turnState.get<OpenCommit | undefined>(TURN_COMMIT);
  return commit?.state === 'open' ? commit : undefined;
};

/** Called by the turn runner inside the conversation's lock, before anything of the turn runs. */
export function openTurnCommit(context: TurnContext): void {
  context.turnState.set(TURN_COMMIT, { writes: [], afterCommit: [], state: 'open' } satisfies OpenCommit);
}

/**
 * Holds `write` for the turn's commit. False when no commit is open (outside a turn runner, or
 * after the commit or a failure): the caller then writes at once itself.
 */
export function writeWithTurn(context: TurnContext, write: TurnWrite): boolean {
  const commit = openCommitOf(context);
  if (!commit) return false;
  commit.writes.push(write);
  return true;
}

/** Writes `write` with the turn's commit, or at once on the store itself when no commit is open. */
export async function writeWithTurnOrNow(context: TurnContext, write: (on?: Queryable) => Promise<void>): Promise<void> {
  if (!writeWithTurn(context, write)) await write();
}

/** Runs `work` once the turn's writes are committed (at once when no commit is open). */
export async function whenCommitted(context: TurnContext, work: () => Promise<void>): Promise<void> {
  const commit = openCommitOf(context);
  if (commit) commit.afterCommit.push(work);
  else await work();
}

/** Whether replies sent now should be held for the commit rather than delivered. */
export function holdsReplies(context: TurnContext, activity: object): boolean {
  return openCommitOf(context) !== undefined && !(activity as { [DELIVER_AT_ONCE]?: boolean })[DELIVER_AT_ONCE];
}

/** Marks an activity to be delivered at once, even while the turn's replies are held. */
export function deliveredAtOnce<A extends object>(activity: A): A {
  // A symbol key survives the copies botbuilder makes of an activity and never reaches JSON.
  return Object.assign(activity, { [DELIVER_AT_ONCE]: true });
}

/**
 * Writes what the turn holds with `save` (the store's transaction, given the writes), then runs
 * what waited for the commit. Nothing happens when the turn already committed or failed.
 */
export async function commitTurn(context: TurnContext, save: (writes: TurnWrite[]) => Promise<void>): Promise<void> {
  const commit = openCommitOf(context);
  if (!commit) return;
  // Writes held while this commit runs belong to no transaction: they are written at once.
  commit.state = 'committed';
  try {
    await save(commit.writes.splice(0));
  } catch (error) {
    commit.state = 'abandoned';
    commit.afterCommit = [];
    throw error;
  }
  for (const work of commit.afterCommit.splice(0)) await work();
}

/** A failed turn: what it held is dropped, and what it sends from now on is delivered at once. */
export function abandonTurnCommit(context: TurnContext): void {
  const commit = context.turnState.get<OpenCommit | undefined>(TURN_COMMIT);
  if (!commit || commit.state !== 'open') return;
  commit.state = 'abandoned';
  commit.writes = [];
  commit.afterCommit = [];
}

/**
 * For an adapter that sends as it is asked (the Bot Framework connector): the turn's replies
 * wait for its commit and then go out together, so a turn whose save fails shows only the
 * fail-safe, not steps the conversation never took.
 */
export function holdRepliesUntilCommitted(
  context: TurnContext,
  /** Also written in the commit: the replies as they stand then. */
  alsoKeep?: (tx: Queryable, replies: Array<Partial<Activity>>) => Promise<void>,
): void {
  const held: Array<Partial<Activity>> = [];
  context.onSendActivities(async (_context, activities, next) => {
    if (!activities.every((activity) => holdsReplies(context, activity))) return next();
    if (held.length === 0) {
      if (alsoKeep) writeWithTurn(context, (tx) => alsoKeep(tx, held));
      void whenCommitted(context, async () => void (await context.sendActivities(held.splice(0).map(deliveredAtOnce))));
    }
    held.push(...activities);
    // As the adapter would on sending: "did this turn answer?" is asked before the commit.
    if (activities.some((activity) => activity.type !== 'trace')) context.responded = true;
    return activities.map(() => ({ id: '' }));
  });
}
