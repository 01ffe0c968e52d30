// What every dialog may use, handed in once at construction, and the per-turn helpers.
import type { ConversationState, TurnContext, UserState } from 'botbuilder';
import type { AuditLog } from '../../bot/audit';
import type { Clock } from '../../bot/clock';
import type { Area } from '../../bot/content';
import type { DangerDetector } from '../../bot/danger';
import type { DateReader } from '../../bot/dateReader';
import type { Localiser, Messages } from '../../bot/i18n';
import type { RuleBook } from '../../bot/rules';
import type { BookingDesk } from '../../bot/bookings';
import type { Scheduler } from '../../bot/scheduler';
import type { HandoffDesk } from '../../channels/handoff/handoffDesk';
import type { SmsSender } from '../../channels/sms/smsSender';

export interface DialogServices {
  clock: Clock;
  timeZone: string;
  area: Area;
  localiser: Localiser;
  rules: RuleBook;
  audit: AuditLog;
  danger: DangerDetector;
  dates: DateReader;
  /** Where journeys keep what they gathered (zod-checked JSON, see ./record.ts). */
  conversationState: ConversationState;
  userState: UserState;
  retentionDays: number;
  /** Escalation to a person on call. */
  handoff: HandoffDesk;
  bookings: BookingDesk;
  scheduler: Scheduler;
  /** Texts to staff (the return interview team); logged instead of sent without Twilio. */
  sms: SmsSender;
}

/** turnState key: the locale chosen for this turn. */
export const TURN_LOCALE = Symbol('helpline.locale');
/** turnState key: set when the user asked for their data to be deleted this turn. */
export const TURN_DELETE_DATA = Symbol('helpline.deleteData');

export function turnLocale(context: TurnContext): string {
  const locale: unknown = context.turnState.get(TURN_LOCALE);
  return typeof locale === 'string' ? locale : 'en-GB';
}

export function messagesFor(context: TurnContext, services: Pick<DialogServices, 'localiser'>): Messages {
  return services.localiser.messages(turnLocale(context));
}
