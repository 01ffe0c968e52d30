// Sends a text to a phone as the bot: nothing to numbers that opted out, long texts split on
// sentence boundaries into parts of at most 3 segments, parts sent in order, and a send that
// still fails after the gateway's retries logged and audited (the conversation itself is kept).
import type { AuditLog } from '../../bot/store/audit';
import type { AuditKey, DeliveryResult } from '../../bot/turn/delivery';
import type { Clock } from '../../bot/platform/clock';
import type { Queryable } from '../../bot/store/database';
import type { IdHasher } from '../../bot/platform/ids';
import type { Logger } from '../../bot/platform/logger';
import type { Metrics } from '../../bot/platform/metrics';
import { countSegments, splitForSms } from './segments';
import type { TextGateway } from './textGateway';

export const SMS_CHANNEL = 'sms';
export const MAX_SEGMENTS_PER_TEXT = 3;

export type { DeliveryResult } from '../../bot/turn/delivery';

export interface OptOuts {
  isOptedOut(phone: string): Promise<boolean>;
  optOut(phone: string): Promise<void>;
  /** Returns whether the number had opted out. */
  optIn(phone: string): Promise<boolean>;
}

export function createOptOuts(db: Queryable, clock: Clock, hashId: IdHasher): OptOuts {
  return {
    async isOptedOut(phone) {
      return (await db.query('select 1 from sms_opt_out where phone_hash = $1', [hashId(phone)])).length > 0;
    },
    async optOut(phone) {
      await db.query('insert into sms_opt_out (phone_hash, at) values ($1, $2) on conflict (phone_hash) do nothing', [
        hashId(phone),
        clock.now(),
      ]);
    },
    async optIn(phone) {
      return (await db.query('delete from sms_opt_out where phone_hash = $1 returning phone_hash', [hashId(phone)])).length > 0;
    },
  };
}

export interface SmsSender {
  readonly live: boolean;
  readonly optOuts: OptOuts;
  /**
   * `conversationId` is what the audit row is keyed by. `evenIfOptedOut` is only for an answer to
   * a text the phone just sent: HELP, how to turn texts back on, or a reply to danger.
   */
  send(phone: string, text: string, options: AuditKey & { evenIfOptedOut?: boolean }): Promise<DeliveryResult>;
}

export function createSmsSender(deps: {
  gateway: TextGateway;
  optOuts: OptOuts;
  audit: AuditLog;
  logger: Logger;
  hashId: IdHasher;
  metrics?: Pick<Metrics, 'smsSegments'>;
}): SmsSender {
  return {
    live: deps.gateway.live,
    optOuts: deps.optOuts,
    async send(phone, text, { evenIfOptedOut = false, ...auditKey }) {
      if (!evenIfOptedOut && (await deps.optOuts.isOptedOut(phone))) return 'opted-out';
      for (const part of splitForSms(text, MAX_SEGMENTS_PER_TEXT)) {
        const outcome = await deps.gateway.send(phone, part);
        if (outcome.status === 'sent' && deps.gateway.live) deps.metrics?.smsSegments.inc(countSegments(part).segments);
        if (outcome.status === 'opted-out') {
          await deps.optOuts.optOut(phone);
          return 'opted-out';
        }
        if (outcome.status === 'failed') {
          deps.logger.error({ to: deps.hashId(phone), reason: outcome.reason }, 'text could not be sent');
          await deps.audit.record({ ...auditKey, channel: SMS_CHANNEL, kind: 'sms-failed', ruleId: 'SYS-SMS-FAILED' });
          return 'failed';
        }
      }
      return 'sent';
    },
  };
}
