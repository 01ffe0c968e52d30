// What every dialog may use, handed in once at construction, and the per-turn helpers.
import type { ConversationState, TurnContext, UserState } from 'botbuilder';
import type { AuditLog } from '../store/audit';
import type { Clock } from '../platform/clock';
import type { Area } from '../content/areaSchema';
import type { Reading, Understanding } from '../understanding/understand';
import {
  matchCommand,
  readAnswer,
  readExit,
  type AnswerReading,
  type JourneyExits,
  type OpenQuestion,
} from '../understanding/openQuestion';
import type { Command } from '../content/vocabulary';
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
const TURN_OPEN_QUESTION = Symbol('helpline.openQuestion');
const OPEN_QUESTION_PROPERTY = 'openQuestion';
const TURN_JOURNEY_EXITS = Symbol('helpline.journeyExits');
const JOURNEY_EXITS_PROPERTY = 'journeyExits';

/** The turn's one reading of the message: what it says, and what it answers of what the conversation waits for. */
export interface TurnReading extends Reading {
  /** The answer to the question the conversation was waiting on, when one was. */
  answer: AnswerReading | undefined;
  /** A command that holds everywhere ("help", "talk to a person"), said as one. */
  command: Command | undefined;
  /** The way out of the journey under way that the message takes ("found them"), and that journey. */
  exit: { journey: string; value: string } | undefined;
}

type ReadingServices = Pick<DialogServices, 'understanding' | 'localiser'>;

/**
 * Reads this turn's message once, before any dialog, against the question the conversation is
 * waiting on (kept in conversation state by the dialog that asked it). Called again, it returns
 * the same reading.
 */
export async function readTurn(
  context: TurnContext,
  services: ReadingServices & Pick<DialogServices, 'conversationState'>,
): Promise<TurnReading> {
  const waiting = await services.conversationState.createProperty<OpenQuestion | undefined>(OPEN_QUESTION_PROPERTY).get(context);
  context.turnState.set(TURN_OPEN_QUESTION, waiting);
  context.turnState.set(
    TURN_JOURNEY_EXITS,
    await services.conversationState.createProperty<JourneyExits | undefined>(JOURNEY_EXITS_PROPERTY).get(context),
  );
  return readingOf(context, services);
}

/** The question the conversation waits on, read from its state before the turn's reading. */
export async function questionStored(
  context: TurnContext,
  services: Pick<DialogServices, 'conversationState'>,
): Promise<OpenQuestion | undefined> {
  return services.conversationState.createProperty<OpenQuestion | undefined>(OPEN_QUESTION_PROPERTY).get(context);
}

/** The question the conversation was waiting on when this turn's message came, if any. */
export function questionWaiting(context: TurnContext): OpenQuestion | undefined {
  return context.turnState.get<OpenQuestion | undefined>(TURN_OPEN_QUESTION);
}

/** The turn's reading when the turn has read its message; undefined when nothing read it (a keyword, a relay). */
export function readingIfRead(context: TurnContext): TurnReading | undefined {
  return context.turnState.get<TurnReading | undefined>(TURN_READING);
}

export function readingOf(context: TurnContext, services: ReadingServices): TurnReading {
  const cached = context.turnState.get<TurnReading | undefined>(TURN_READING);
  if (cached) return cached;
  const text = context.activity.text ?? '';
  const messages = messagesFor(context, services);
  const waiting = context.turnState.get<OpenQuestion | undefined>(TURN_OPEN_QUESTION);
  const journey = context.turnState.get<JourneyExits | undefined>(TURN_JOURNEY_EXITS);
  const exit = journey ? readExit(text, journey, messages, services.understanding) : undefined;
  const reading: TurnReading = {
    ...services.understanding.read(text, turnLocale(context)),
    answer: waiting ? readAnswer(text, waiting, messages, services.understanding) : undefined,
    command: matchCommand(text, (key) => messages.list(key), services.understanding.commandRequestWords(messages.locale)),
    exit: journey && exit !== undefined ? { journey: journey.journey, value: exit } : undefined,
  };
  context.turnState.set(TURN_READING, reading);
  return reading;
}

/**
 * The turn's reading, changed by what the turn has learnt since it was read (what the conversation
 * said before, an answer held over or taken back), for every dialog that reads it after.
 */
export function amendReading(context: TurnContext, services: ReadingServices, change: (reading: TurnReading) => TurnReading): TurnReading {
  const amended = change(readingOf(context, services));
  context.turnState.set(TURN_READING, amended);
  return amended;
}

/** An option given in an earlier message and held over (while another question came first), taken as this turn's answer. */
export function takeHeldAnswer(context: TurnContext, services: ReadingServices, held: { questionId: string; option: string }): void {
  amendReading(context, services, (reading) => ({
    ...reading,
    answer: {
      questionId: held.questionId,
      option: held.option,
      by: 'words',
      tapped: false,
      everyday: undefined,
      asksAboutRisk: false,
      asksFor: undefined,
      plainAnswerBesideHarm: false,
      opensWithIt: true,
    },
  }));
}

/** The message answers nothing after all ("no i cant call", where the "no" is about calling): the question on screen is asked again. */
export function dropAnswer(context: TurnContext, services: ReadingServices): void {
  amendReading(context, services, (reading) => ({
    ...reading,
    answer: reading.answer && { ...reading.answer, option: undefined, by: undefined },
  }));
}

/** The question now asked: the next message is read against it. */
export async function waitFor(
  context: TurnContext,
  services: Pick<DialogServices, 'conversationState'>,
  question: OpenQuestion,
): Promise<void> {
  await services.conversationState.createProperty<OpenQuestion>(OPEN_QUESTION_PROPERTY).set(context, question);
}

/** The journey now under way: its ways out are read in every message from the next one on. */
export async function enterJourney(
  context: TurnContext,
  services: Pick<DialogServices, 'conversationState'>,
  exits: JourneyExits,
): Promise<void> {
  await services.conversationState.createProperty<JourneyExits>(JOURNEY_EXITS_PROPERTY).set(context, exits);
}

/**
 * This turn's answer to the question described: the turn's reading of it, or, where the
 * conversation was waiting on another question (a conversation saved by an earlier release), the
 * same reading made against this one.
 */
export function answerTo(context: TurnContext, services: ReadingServices, question: OpenQuestion): AnswerReading {
  const { answer } = readingOf(context, services);
  if (answer?.questionId === question.id) return answer;
  return readAnswer(context.activity.text ?? '', question, messagesFor(context, services), services.understanding);
}
