// Personal data does not outlive RETENTION_DAYS: conversation and user state not changed for
// that long is deleted, and so are the ways back to a person (a handoff's phone number or
// conversation reference, how a booking's team may reach them) and recorded texts. What a
// person chose to keep for a set time (a profile prepared in advance) lasts exactly that time.
// "delete my data" does the same for one conversation at once.
import { releaseHeldSeats } from '../bookings/bookingDesk';
import type { Clock } from '../platform/clock';
import type { Queryable } from '../store/database';
import type { Logger } from '../platform/logger';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A Bot Framework activity's replies are kept this long for a retry of it: they can name a child. */
export const REPLAY_KEPT_MS = 60 * 60 * 1000;

export async function purgeExpiredState(db: Queryable, clock: Clock, retentionDays: number): Promise<number> {
  const cutoff = new Date(clock.now().getTime() - retentionDays * DAY_MS);
  // A state property carrying its own `keepUntil` (a profile kept as long as the parent chose)
  // goes when that time ends, and until then keeps its row past the cutoff.
  await db.query(
    `update bot_state s set version = version + 1, doc = (
       select coalesce(jsonb_object_agg(e.key, e.value), '{}'::jsonb) from jsonb_each(s.doc) e
       where coalesce((e.value->>'keepUntil')::timestamptz > $1, true))
     where exists (select 1 from jsonb_each(s.doc) e where (e.value->>'keepUntil')::timestamptz <= $1)`,
    [clock.now()],
  );
  const deleted = await db.query(
    `delete from bot_state s where updated_at < $1
     and not exists (select 1 from jsonb_each(s.doc) e where (e.value->>'keepUntil')::timestamptz > $2) returning key`,
    [cutoff, clock.now()],
  );
  await db.query('delete from sms_inbound where received_at < $1', [cutoff]);
  await db.query('delete from sms_outbound where created_at < $1', [cutoff]);
  await db.query('delete from activity_replay where at < $1', [new Date(clock.now().getTime() - REPLAY_KEPT_MS)]);
  await db.query(
    `update handoff set address = null, status = 'closed', closed_at = coalesce(closed_at, $2) where opened_at < $1 and address is not null`,
    [cutoff, clock.now()],
  );
  // A booking whose turn never committed: nobody was given its reference.
  await releaseHeldSeats(db, clock.now());
  await db.query('update booking set contact = null where updated_at < $1 and slot_start < $2 and contact is not null', [
    cutoff,
    clock.now(),
  ]);
  await db.query(`update reminder set address = null, status = 'cancelled', done_at = $2 where status = 'pending' and due_at < $1`, [
    cutoff,
    clock.now(),
  ]);
  // Delivery keys matter only while a reminder's claim may be taken over; kept as long as the rest.
  await db.query('delete from delivery_key where at < $1', [cutoff]);
  // Rate limits count windows of seconds or minutes; a day back is long past.
  await db.query('delete from rate_limit_window where window_start < $1', [new Date(clock.now().getTime() - DAY_MS)]);
  // Widget conversations hold what people typed: gone with the rest.
  await db.query(
    `delete from dl_conversation c where c.created_at < $1
     and not exists (select 1 from dl_activity a where a.conversation_id = c.id and a.at >= $1)`,
    [cutoff],
  );
  return deleted.length;
}

/**
 * Removes what the bot keeps of this conversation's person (its state is deleted by the bot):
 * the ways to reach them, and in the widget what was said up to their "delete my data" (the
 * bot's answer to it stays, so the page still shows that it was done) and the renewal of its
 * tokens.
 */
export async function forgetConversation(db: Queryable, clock: Clock, conversationId: string, conversationHash: string): Promise<void> {
  const now = clock.now();
  await db.query(
    `delete from dl_activity where conversation_id = $1 and seq <= coalesce(
       (select max(seq) from dl_activity where conversation_id = $1 and activity->'from'->>'role' = 'user'), 0)`,
    [conversationId],
  );
  await db.query('delete from activity_replay where conversation_hash = $1', [conversationHash]);
  await db.query('update dl_conversation set forgotten_at = coalesce(forgotten_at, $2) where id = $1', [conversationId, now]);
  await db.query(`update handoff set address = null, status = 'closed', closed_at = coalesce(closed_at, $2) where conversation_hash = $1`, [
    conversationHash,
    now,
  ]);
  await db.query('update booking set contact = null, updated_at = $2 where conversation_hash = $1', [conversationHash, now]);
  await db.query(
    `update reminder set address = null, status = 'cancelled', done_at = $2 where conversation_hash = $1 and status = 'pending'`,
    [conversationHash, now],
  );
}

export interface RetentionJob {
  stop(): void;
}

export function startRetentionJob(options: {
  db: Queryable;
  clock: Clock;
  retentionDays: number;
  logger: Logger;
  everyMs?: number;
}): RetentionJob {
  const run = () =>
    purgeExpiredState(options.db, options.clock, options.retentionDays)
      .then((count) => {
        if (count > 0) options.logger.info({ count }, 'expired conversation state deleted');
      })
      .catch((err: unknown) => options.logger.warn({ err }, 'retention purge failed; will retry'));
  void run();
  const timer = setInterval(() => void run(), options.everyMs ?? 60 * 60 * 1000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
