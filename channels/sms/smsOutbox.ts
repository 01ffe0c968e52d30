// Texts a turn owes a phone. They are written with the turn's state (see turnCommit.ts) and sent
// once the conversation's lock is let go, oldest first; a text an instance committed but never
// sent (it stopped) goes with the conversation's next turn or with the recovery sweep, unless it
// is too old to make sense then. The number and body are cleared once a text is done with.
import type { Clock } from '../../bot/platform/clock';
import type { Database, Queryable } from '../../bot/store/database';
import type { Logger } from '../../bot/platform/logger';
import type { DeliveryResult, SmsSender } from './smsSender';

/** A text claimed this long ago and still not done is taken to be lost with its instance. */
const RECLAIM_AFTER_MS = 2 * 60 * 1000;
/** A committed text nobody has claimed this long after its turn is swept up. */
const UNCLAIMED_AFTER_MS = 60 * 1000;
/** Older than this, a reply would answer a conversation that has moved on: it is not sent. */
const EXPIRED_AFTER_MS = 60 * 60 * 1000;

export interface OwedText {
  conversationId: string;
  phone: string;
  body: string;
  evenIfOptedOut: boolean;
  /** The inbound text's MessageSid: marked handled in the same transaction, so it is never run twice. */
  answering?: string;
}

export interface SmsOutbox {
  /** Within the turn's transaction: the text is owed to the phone from the moment it commits. */
  owe(tx: Queryable, text: OwedText): Promise<void>;
  /**
   * Sends what is owed to the conversation, oldest first. Resolves to 'failed' when any text
   * failed, or undefined when nothing was owed (another instance is sending it).
   */
  deliverOwed(conversationId: string): Promise<DeliveryResult | undefined>;
  /** Sends texts of turns whose instance committed them and stopped; returns how many. */
  recover(): Promise<number>;
}

interface OwedRow {
  id: string;
  conversation_id: string;
  to_number: string;
  body: string;
  even_if_opted_out: boolean;
  created_at: Date;
}

export function createSmsOutbox(deps: { db: Database; clock: Clock; sender: SmsSender; logger: Logger }): SmsOutbox {
  const claim = (where: string, params: unknown[]) =>
    deps.db.query<OwedRow>(
      `with due as (
         select id from sms_outbound where done_at is null and to_number is not null and (${where})
         order by id for update skip locked)
       update sms_outbound o set claimed_at = $1 from due where o.id = due.id
       returning o.id, o.conversation_id, o.to_number, o.body, o.even_if_opted_out, o.created_at`,
      [deps.clock.now(), ...params],
    );

  const finish = (id: string, result: DeliveryResult | 'expired') =>
    deps.db.query('update sms_outbound set done_at = $2, result = $3, to_number = null, body = null where id = $1', [
      id,
      deps.clock.now(),
      result,
    ]);

  const send = async (rows: OwedRow[]): Promise<DeliveryResult | undefined> => {
    let worst: DeliveryResult | undefined;
    const now = deps.clock.now().getTime();
    for (const row of rows.sort((a, b) => Number(a.id) - Number(b.id))) {
      if (now - new Date(row.created_at).getTime() > EXPIRED_AFTER_MS) {
        deps.logger.warn({ outbound: row.id }, 'owed text not sent: too old to answer the conversation now');
        await finish(row.id, 'expired');
        continue;
      }
      const result = await deps.sender.send(row.to_number, row.body, {
        conversationId: row.conversation_id,
        evenIfOptedOut: row.even_if_opted_out,
      });
      await finish(row.id, result);
      if (worst !== 'failed') worst = result;
    }
    return worst;
  };

  return {
    async owe(tx, text) {
      await tx.query(
        `insert into sms_outbound (conversation_id, to_number, body, even_if_opted_out, created_at) values ($1, $2, $3, $4, $5)`,
        [text.conversationId, text.phone, text.body, text.evenIfOptedOut, deps.clock.now()],
      );
      if (text.answering)
        await tx.query('update sms_inbound set processed_at = coalesce(processed_at, $2) where message_sid = $1', [
          text.answering,
          deps.clock.now(),
        ]);
    },
    async deliverOwed(conversationId) {
      const stale = new Date(deps.clock.now().getTime() - RECLAIM_AFTER_MS);
      return send(await claim('conversation_id = $2 and (claimed_at is null or claimed_at < $3)', [conversationId, stale]));
    },
    async recover() {
      const now = deps.clock.now().getTime();
      const rows = await claim('(claimed_at is null and created_at < $2) or claimed_at < $3', [
        new Date(now - UNCLAIMED_AFTER_MS),
        new Date(now - RECLAIM_AFTER_MS),
      ]);
      const byConversation = new Map<string, OwedRow[]>();
      for (const row of rows) byConversation.set(row.conversation_id, [...(byConversation.get(row.conversation_id) ?? []), row]);
      for (const owed of byConversation.values()) await send(owed);
      return rows.length;
    },
  };
}
