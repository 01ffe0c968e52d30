// What every dialog may use, handed in once at construction, and the per-turn helpers.
import type { ConversationState, TurnContext, UserState } from 'botbuilder';
import type { AuditLog } from '../store/audit';
import type { Clock } from '../platform/clock';
import type { Area } from '../content/areaSchema';
import type { Reading, Understanding } from '../understanding/understand';
import type { DateReader } from '../understanding/dateReader';
import type { Localiser, Messages } from '../content/i18n';
import type { RuleBook } from '../content/ruleBook';
import type { BookingDesk } from '../bookings/bookingDesk';
import type { Scheduler } from '../scheduled/scheduler';
import type { PersonAlerter, TextSender } from './ports';

export interface DialogServices {
  clock: Clock;
  timeZone: string;
  area: Area;
  localiser: Localiser;
  rules: RuleBook;
  audit: AuditLog;
  /** Reads every message: danger, disclosures, who is writing, everyday answers. */
  understanding: Understanding;
  dates: DateReader;
  /** Where journeys keep what they gathered (zod-checked JSON, see ./record.ts). */
  conversationState: ConversationState;
  userState: UserState;
  /** Escalation to a person on call. */
  handoff: PersonAlerter;
  bookings: BookingDesk;
  scheduler: Scheduler;
  /** Texts to staff (the return interview team); logged instead of sent without Twilio. */
  sms: TextSender;
}

/** turnState key: the locale chosen for this turn. */
export const TURN_LOCALE = Symbol('helpline.locale');
/** turnState key: set when the user chose a language this turn; kept for the conversation. */
export const TURN_LOCALE_CHOSEN = Symbol('helpline.localeChosen');
/** turnState key: set when the user asked for their data to be deleted this turn. */
export const TURN_DELETE_DATA = Symbol('helpline.deleteData');

export function turnLocale(context: TurnContext): string {
  const locale: unknown = context.turnState.get(TURN_LOCALE);
  return typeof locale === 'string' ? locale : 'en-GB';
}

/** The user chose a language: this turn's replies and every later turn speak it. */
export function chooseLocale(context: TurnContext, locale: string): void {
  context.turnState.set(TURN_LOCALE, locale);
  context.turnState.set(TURN_LOCALE_CHOSEN, locale);
}

export function messagesFor(context: TurnContext, services: Pick<DialogServices, 'localiser'>): Messages {
  return services.localiser.messages(turnLocale(context));
}

const TURN_READING = Symbol('helpline.reading');

/** What the understanding step read in this turn's message, read once per turn. */
export function readingOf(context: TurnContext, services: Pick<DialogServices, 'understanding'>): Reading {
  const cached = context.turnState.get<Reading | undefined>(TURN_READING);
  if (cached) return cached;
  const reading = services.understanding.read(context.activity.text ?? '', turnLocale(context));
  context.turnState.set(TURN_READING, reading);
  return reading;
}
