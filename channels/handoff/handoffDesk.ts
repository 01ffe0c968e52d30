// Escalation to a human: a handoff gets a short reference, the area's on-call numbers get a
// handover by SMS (no child's name; the user's number only if they agreed), and an on-call
// person's reply "<reference> <message>" is relayed into the user's conversation, marked as
// from a person; "<reference> done" ends it. Only numbers listed in the area file can relay.
// Once a person has answered, the user's own messages are passed on to them by text, until the
// user goes back to the bot ("bot") or the handoff ends.
import type { AuditLog } from '../../bot/store/audit';
import type { Clock } from '../../bot/platform/clock';
import { DEFAULT_LOCALE, type Role } from '../../bot/content/vocabulary';
import { type Area } from '../../bot/content/areaSchema';
import type { Queryable } from '../../bot/store/database';
import { addressSchema, type Deliverer } from '../../bot/turn/delivery';
import type { Localiser } from '../../bot/content/i18n';
import type { Logger } from '../../bot/platform/logger';
import { nextReference, normaliseReference } from '../../bot/store/references';
import type { SmsSender } from '../sms/smsSender';
import { OPEN_HANDOFF_HOURS, type HandoffRequest, type PersonAlerter } from '../../bot/turn/ports';
import { createRateLimiter } from '../../bot/http/rateLimit';
import { createRateWindows } from '../../bot/store/rateLimitWindows';
import { DateTime } from 'luxon';

/** The most of a user's message passed on in one text to the person (a long text costs several). */
const PASSED_ON_MAX = 600;

/**
 * Handoffs that alert the on-call phones, a day: for one conversation, and for one client (a
 * phone, the network address of a widget's page) across its conversations. Enough for a family
 * that asks again after the team has closed a request, or a few people behind one school's
 * network; too few for one client to flood the team's phones.
 */
export const ALERT_LIMITS = { perConversation: 3, perClient: 5, windowMs: 24 * 3_600_000 };

export type StaffTextResult = 'relayed' | 'ended' | 'not-delivered' | 'unknown-reference' | 'usage';

export interface HandoffDesk extends PersonAlerter {
  isOnCall(phone: string): boolean;
  /** A text from an on-call number. */
  handleStaffText(phone: string, body: string): Promise<StaffTextResult>;
}

interface HandoffRow {
  reference: string;
  conversation_hash: string;
  channel: string;
  address: unknown;
  locale: string;
}

export function createHandoffDesk(deps: {
  db: Queryable;
  clock: Clock;
  area: Area;
  localiser: Localiser;
  sms: SmsSender;
  deliverer: Deliverer;
  audit: AuditLog;
  hashId: (id: string) => string;
  logger: Logger;
  /** The area's time zone: times in the handover are local. */
  timeZone: string;
}): HandoffDesk {
  const { area } = deps;
  const staff = deps.localiser.messages(DEFAULT_LOCALE);
  const limiterDeps = { windows: createRateWindows(deps.db), clock: deps.clock, hashId: deps.hashId, logger: deps.logger };
  const alertsPerConversation = createRateLimiter(
    { name: 'handoff-conversation', limit: ALERT_LIMITS.perConversation, windowMs: ALERT_LIMITS.windowMs },
    limiterDeps,
  );
  const alertsPerClient = createRateLimiter(
    { name: 'handoff-client', limit: ALERT_LIMITS.perClient, windowMs: ALERT_LIMITS.windowMs },
    limiterDeps,
  );
  const onCallByPhone = new Map(area.handoff.onCall.map((person) => [person.phone, person]));
  /** When a handoff opened before now stands no longer. */
  const openSince = () => new Date(deps.clock.now().getTime() - OPEN_HANDOFF_HOURS * 3_600_000);

  const describeRole = (role: Role | undefined) => staff.t(`handoff.roles.${role ?? 'unknown'}`);
  /** " Said: age 12; gone since 24/11 21:00; no phone." or nothing. */
  const describeSaid = ({ ageYears, goneSince, stated }: HandoffRequest['said']): string => {
    const items = [
      ...(ageYears === undefined ? [] : [staff.t('handoff.facts.age', { age: ageYears })]),
      ...(goneSince
        ? [staff.t('handoff.facts.since', { when: DateTime.fromJSDate(goneSince, { zone: deps.timeZone }).toFormat('dd/MM HH:mm') })]
        : []),
      ...stated.map((fact) => staff.t(`handoff.facts.${fact}`)),
    ];
    return items.length > 0 ? ` ${staff.t('handoff.said', { items: items.join('; ') })}` : '';
  };

  return {
    async connected(conversationId) {
      const [row] = await deps.db.query<{ reference: string; connected_phone: string }>(
        `select reference, connected_phone from handoff
         where conversation_hash = $1 and status = 'open' and connected_phone is not null and opened_at > $2
         order by opened_at desc limit 1`,
        [deps.hashId(conversationId), openSince()],
      );
      const person = row && onCallByPhone.get(row.connected_phone);
      return row && person ? { reference: row.reference, name: person.name, phone: row.connected_phone } : undefined;
    },

    async passOn(person, conversationId, channel, role, text) {
      const message = text.trim().slice(0, PASSED_ON_MAX);
      const body = staff.t('handoff.staff.fromUser', { reference: person.reference, role: describeRole(role), message });
      const result = await deps.sms.send(person.phone, body, { conversationId });
      if (result !== 'sent') {
        deps.logger.warn({ reference: person.reference, result }, "user's message not passed on");
        return 'failed';
      }
      await deps.audit.record({ conversationId, channel, kind: 'handoff-passed-on', ruleId: 'SYS-HANDOFF-PASSED-ON' });
      return 'sent';
    },

    async leave(person, conversationId, channel) {
      await deps.db.query(`update handoff set connected_phone = null where reference = $1`, [person.reference]);
      await deps.sms.send(person.phone, staff.t('handoff.staff.userLeft', { reference: person.reference }), { conversationId });
      await deps.audit.record({ conversationId, channel, kind: 'handoff-left', ruleId: 'SYS-HANDOFF-LEFT' });
    },

    async open(request) {
      // Asking again while the team has the request alerts no one twice: one open handoff a conversation.
      const [open] = await deps.db.query<{ reference: string }>(
        `select reference from handoff where conversation_hash = $1 and status = 'open' and opened_at > $2 order by opened_at desc limit 1`,
        [deps.hashId(request.conversationId), openSince()],
      );
      if (open) return { reference: open.reference, alerted: 0, already: true };
      const byConversation = await alertsPerConversation.take(request.conversationId);
      const byClient = await alertsPerClient.take(request.client);
      if (!byConversation.allowed || !byClient.allowed) {
        deps.logger.warn({ limit: byConversation.allowed ? 'client' : 'conversation' }, 'handoff not opened: over the limit of alerts');
        await deps.audit.record({
          conversationId: request.conversationId,
          channel: request.channel,
          kind: 'handoff-limited',
          ruleId: 'SYS-HANDOFF-LIMITED',
        });
        return { alerted: 0, limited: true };
      }
      const reference = await nextReference(deps.db, 'H');
      await deps.db.query(
        `insert into handoff (reference, conversation_hash, channel, address, locale, status, opened_at)
         values ($1, $2, $3, $4::jsonb, $5, 'open', $6)`,
        [
          reference,
          deps.hashId(request.conversationId),
          request.channel,
          JSON.stringify(request.address),
          request.locale,
          deps.clock.now(),
        ],
      );
      const handover = staff.t('handoff.alert', {
        reference,
        role: describeRole(request.role),
        channel: staff.t(request.channel === 'sms' ? 'handoff.channels.sms' : 'handoff.channels.chat'),
        step: request.step,
        flags: request.riskFlags.length > 0 ? request.riskFlags.join(', ') : staff.t('handoff.noFlags'),
        said: describeSaid(request.said),
        callback: request.callbackPhone ?? staff.t('handoff.noCallback'),
      });
      let alerted = 0;
      // Without a live gateway a text is only logged: nobody is alerted, and the user is told so.
      const onCall = deps.sms.live ? area.handoff.onCall : [];
      if (!deps.sms.live) deps.logger.warn({ reference }, 'handoff not alerted: texts cannot be sent');
      for (const person of onCall) {
        const result = await deps.sms.send(person.phone, handover, { conversationId: request.conversationId });
        if (result !== 'sent') continue;
        alerted += 1;
        await deps.audit.record({
          conversationId: request.conversationId,
          channel: request.channel,
          kind: 'human-alerted',
          ruleId: 'G-HUMAN-IN-HOURS',
        });
      }
      return { reference, alerted };
    },

    isOnCall: (phone) => onCallByPhone.has(phone),

    async handleStaffText(phone, body) {
      const reply = (key: string, variables: Record<string, string> = {}) =>
        deps.sms.send(phone, staff.t(key, variables), { conversationId: `staff-${deps.hashId(phone)}` });
      const person = onCallByPhone.get(phone);
      if (!person) return 'usage';
      const [first = '', ...rest] = body.trim().split(/\s+/);
      const reference = normaliseReference(first);
      const message = rest.join(' ').trim();
      if (!reference || message === '') {
        await reply('handoff.staff.usage');
        return 'usage';
      }
      const [row] = await deps.db.query<HandoffRow>(
        `select reference, conversation_hash, channel, address, locale from handoff where reference = $1 and status = 'open'`,
        [reference],
      );
      const address = addressSchema.safeParse(row?.address);
      if (!row || !address.success) {
        await reply('handoff.staff.unknown', { reference });
        return 'unknown-reference';
      }
      const conversationHash = row.conversation_hash;
      const user = deps.localiser.messages(row.locale);
      const ending = message.toLowerCase() === 'done';
      const text = ending
        ? user.t('handoff.ended', { team: area.handoff.team })
        : user.t('handoff.relayed', { name: person.name, team: area.handoff.team, message });
      const result = await deps.deliverer.deliver(address.data, [text], { conversationHash });
      if (result !== 'sent' && !ending) {
        deps.logger.warn({ reference, result }, 'handoff reply not delivered');
        await deps.audit.record({
          conversationHash,
          channel: row.channel,
          kind: 'handoff-relay-failed',
          ruleId: 'SYS-HANDOFF-RELAY-FAILED',
        });
        await reply('handoff.staff.notDelivered', { reference });
        return 'not-delivered';
      }
      if (ending) {
        await deps.db.query(`update handoff set status = 'closed', closed_at = $2, address = null where reference = $1`, [
          reference,
          deps.clock.now(),
        ]);
        await deps.audit.record({ conversationHash, channel: row.channel, kind: 'handoff-ended', ruleId: 'SYS-HANDOFF-ENDED' });
        await reply('handoff.staff.ended', { reference });
        return 'ended';
      }
      // The person who answered is the one the user's next words go to.
      await deps.db.query(`update handoff set connected_phone = $2 where reference = $1`, [reference, phone]);
      await deps.audit.record({ conversationHash, channel: row.channel, kind: 'handoff-relayed', ruleId: 'SYS-HANDOFF-RELAYED' });
      await reply('handoff.staff.sent', { reference });
      return 'relayed';
    },
  };
}
