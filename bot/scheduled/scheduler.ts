// Reminders and other messages due at a time, kept in the database so they survive restarts.
// Each tick claims what is due with FOR UPDATE SKIP LOCKED, so however many instances tick at
// once, each reminder is claimed once. A claim left by an instance that stopped is taken over
// later; the reminder's delivery key says whether that instance had sent it, so it is not sent
// twice: the widget records the key with the message itself, other channels as soon as the
// provider has accepted it.
import { DateTime } from 'luxon';
import type { AuditLog } from '../store/audit';
import type { Clock } from '../platform/clock';
import type { Database, Queryable } from '../store/database';
import { recordDeliveryKey, wasDelivered } from '../store/deliveryKeys';
import { addressSchema, type Address, type Deliverer } from '../turn/delivery';
import type { Localiser } from '../content/i18n';
import type { Logger } from '../platform/logger';

const BATCH = 20;
const RECLAIM_AFTER_MS = 10 * 60 * 1000;
/** Later than this (the bot was down, the database away), a reminder says when it was due. */
const LATE_NOTE_AFTER_MS = 10 * 60 * 1000;
/**
 * Later than this it is not sent at all: "the meeting is in two hours" or "review now, at 02:00"
 * five hours on would mislead more than help. It is logged and marked skipped.
 */
const STALE_AFTER_MS = 3 * 60 * 60 * 1000;

export interface ReminderRequest {
  conversationId: string;
  /** What the reminder belongs to (a booking reference, an absence): cancelling it cancels them all. */
  subject: string;
  channel: string;
  address: Address;
  locale: string;
  messageKey: string;
  variables?: Record<string, string | number>;
  /** The rule that called for it, recorded when it is sent. */
  ruleId: string;
  dueAt: Date;
}

export interface Scheduler {
  /** Keeps a reminder (written `on` the turn's transaction, when given: a failed turn leaves none). */
  schedule(reminder: ReminderRequest, on?: Queryable): Promise<void>;
  /** Cancels the pending reminders of a subject; returns how many. */
  cancel(subject: string): Promise<number>;
  pending(subject: string): Promise<Array<{ messageKey: string; dueAt: Date }>>;
  /** Sends what is due now; returns how many were sent. */
  tick(): Promise<number>;
  start(everyMs?: number): void;
  stop(): void;
}

interface ReminderRow {
  id: string;
  conversation_hash: string;
  channel: string;
  address: unknown;
  locale: string;
  message_key: string;
  variables: Record<string, string | number>;
  rule_id: string;
  due_at: Date;
}

export function createScheduler(deps: {
  db: Database;
  clock: Clock;
  deliverer: Deliverer;
  localiser: Localiser;
  audit: AuditLog;
  hashId: (id: string) => string;
  logger: Logger;
  /** The area's zone: a late reminder says when it was due in local time. */
  timeZone: string;
}): Scheduler {
  let timer: NodeJS.Timeout | undefined;
  let ticking: Promise<number> | undefined;

  const deliveryKeyOf = (row: ReminderRow) => `reminder:${row.id}`;

  /** Sent: the key, the status and the audit row land together. */
  const finishSent = (row: ReminderRow) =>
    deps.db.transaction(async (tx) => {
      const now = deps.clock.now();
      await recordDeliveryKey(tx, deliveryKeyOf(row), now);
      await tx.query(`update reminder set status = 'sent', done_at = $2, address = null where id = $1`, [row.id, now]);
      await deps.audit.record(
        { conversationHash: row.conversation_hash, channel: row.channel, kind: 'reminder-sent', ruleId: row.rule_id },
        tx,
      );
    });

  const finish = (id: string, status: string) =>
    deps.db.query('update reminder set status = $2, done_at = $3, address = null where id = $1', [id, status, deps.clock.now()]);

  const tickOnce = async (): Promise<number> => {
    const now = deps.clock.now();
    const due = await deps.db.transaction((tx) =>
      tx.query<ReminderRow>(
        `update reminder set status = 'sending', claimed_at = $1
         where id in (
           select id from reminder
           where (status = 'pending' and due_at <= $1) or (status = 'sending' and claimed_at < $2)
           order by due_at limit ${BATCH} for update skip locked)
         returning id, conversation_hash, channel, address, locale, message_key, variables, rule_id, due_at`,
        [now, new Date(now.getTime() - RECLAIM_AFTER_MS)],
      ),
    );
    let sent = 0;
    // UPDATE ... RETURNING keeps no order: send the earliest first.
    for (const row of due.sort((a, b) => new Date(a.due_at).getTime() - new Date(b.due_at).getTime())) {
      // Taken over from an instance that stopped after sending it: only the bookkeeping is left.
      if (await wasDelivered(deps.db, deliveryKeyOf(row))) {
        await finishSent(row);
        continue;
      }
      const address = addressSchema.safeParse(row.address);
      if (!address.success) {
        await finish(row.id, 'skipped');
        continue;
      }
      const late = now.getTime() - new Date(row.due_at).getTime();
      if (late > STALE_AFTER_MS) {
        deps.logger.warn({ reminder: row.id, rule: row.rule_id, minutesLate: Math.round(late / 60_000) }, 'reminder too late to send');
        await finish(row.id, 'skipped');
        continue;
      }
      const messages = deps.localiser.messages(row.locale);
      const reminder = messages.t(row.message_key, row.variables);
      const due = DateTime.fromJSDate(new Date(row.due_at), { zone: deps.timeZone }).toFormat('HH:mm');
      const text = late > LATE_NOTE_AFTER_MS ? `${reminder} ${messages.t('common.reminderLate', { due })}` : reminder;
      const result = await deps.deliverer.deliver(address.data, [text], { conversationHash: row.conversation_hash }, deliveryKeyOf(row));
      if (result === 'sent') {
        sent += 1;
        await finishSent(row);
      } else {
        await finish(row.id, result === 'opted-out' ? 'skipped' : 'failed');
      }
    }
    return sent;
  };

  const tick = async (): Promise<number> => {
    // One tick at a time in this process; other instances are kept apart by SKIP LOCKED.
    while (ticking) await ticking.catch(() => undefined);
    ticking = tickOnce();
    try {
      return await ticking;
    } finally {
      ticking = undefined;
    }
  };

  return {
    async schedule(reminder, on = deps.db) {
      await on.query(
        `insert into reminder (conversation_hash, subject, channel, address, locale, message_key, variables, rule_id, due_at, status)
         values ($1, $2, $3, $4::jsonb, $5, $6, $7::jsonb, $8, $9, 'pending')`,
        [
          deps.hashId(reminder.conversationId),
          reminder.subject,
          reminder.channel,
          JSON.stringify(reminder.address),
          reminder.locale,
          reminder.messageKey,
          JSON.stringify(reminder.variables ?? {}),
          reminder.ruleId,
          reminder.dueAt,
        ],
      );
    },
    async cancel(subject) {
      const rows = await deps.db.query(
        `update reminder set status = 'cancelled', done_at = $2, address = null where subject = $1 and status = 'pending' returning id`,
        [subject, deps.clock.now()],
      );
      return rows.length;
    },
    async pending(subject) {
      const rows = await deps.db.query<{ message_key: string; due_at: Date }>(
        `select message_key, due_at from reminder where subject = $1 and status = 'pending' order by due_at`,
        [subject],
      );
      return rows.map((row) => ({ messageKey: row.message_key, dueAt: new Date(row.due_at) }));
    },
    tick,
    start(everyMs = 30_000) {
      if (timer) return;
      timer = setInterval(() => {
        tick().catch((err: unknown) => deps.logger.warn({ err }, 'reminder tick failed; will retry'));
      }, everyMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}
