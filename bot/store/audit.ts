// The audit table: one row per escalation (999 or 101 advised, a human requested, ...).
// Rows hold a keyed hash of the conversation, the rule id, the content version and the channel;
// never a name, a phone number or message text.
import type { Clock } from '../platform/clock';
import type { AuditKind } from '../content/vocabulary';
import type { Queryable } from './database';
import type { IdHasher } from '../platform/ids';

export type AuditEntry = ({ conversationId: string } | { conversationHash: string }) & {
  channel: string;
  kind: AuditKind;
  ruleId: string;
};

export interface AuditRow {
  at: Date;
  conversationHash: string;
  channel: string;
  kind: string;
  ruleId: string;
  contentVersion: string;
}

export interface AuditLog {
  /** Writes the row; `within` a transaction when it must land with other changes or not at all. */
  record(entry: AuditEntry, within?: Queryable): Promise<void>;
  /** Rows of one conversation, oldest first (staff review and tests). */
  forConversation(conversationId: string): Promise<AuditRow[]>;
}

export function createAuditLog(db: Queryable, clock: Clock, hashId: IdHasher, contentVersion: string): AuditLog {
  return {
    async record(entry, within = db) {
      await within.query(
        `insert into audit_log (at, conversation_hash, channel, kind, rule_id, content_version)
         values ($1, $2, $3, $4, $5, $6)`,
        [
          clock.now(),
          'conversationHash' in entry ? entry.conversationHash : hashId(entry.conversationId),
          entry.channel,
          entry.kind,
          entry.ruleId,
          contentVersion,
        ],
      );
    },
    async forConversation(conversationId) {
      const rows = await db.query<{
        at: Date;
        conversation_hash: string;
        channel: string;
        kind: string;
        rule_id: string;
        content_version: string;
      }>(
        `select at, conversation_hash, channel, kind, rule_id, content_version
         from audit_log where conversation_hash = $1 order by id`,
        [hashId(conversationId)],
      );
      return rows.map((row) => ({
        at: new Date(row.at),
        conversationHash: row.conversation_hash,
        channel: row.channel,
        kind: row.kind,
        ruleId: row.rule_id,
        contentVersion: row.content_version,
      }));
    },
  };
}
