// Asks when something happened, reads it with the shared date reader, says back what it read
// ("Monday 23 November at 21:00, 2 hours ago") and lets the user correct it.
import type { TurnContext } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { DateTime } from 'luxon';
import type { Messages } from '../../bot/content/i18n';
import { Choices } from './choices';
import { Question, type Answer } from './question';
import { TURN_ALREADY_ANSWERED } from './waitingDialog';
import { pastMomentResult } from './stepData';
import type { ReadMoment } from '../../bot/understanding/dateReader';
import type { StatedFact } from '../../bot/content/vocabulary';
import { messagesFor, readingOf, type DialogServices } from '../../bot/turn/services';

import { languageOf } from '../../bot/understanding/understand';
import { yesNoQuestion, type YesNo } from './yesNo';

/** Facts that tell of a call made: a time beside one is the call's. */
const CALLS_MADE: readonly StatedFact[] = ['policeTold', 'ambulanceCalled'];

/** The words say a call was made to the police or for an ambulance ("ive rung 999", "paramedics are on the way"). */
export const callMadeSaid = (facts: { said: readonly StatedFact[] }): boolean => facts.said.some((fact) => CALLS_MADE.includes(fact));

/** A time read within this of the message itself is "now": when it was written, not when they went. */
const SAID_NOW_WITHIN_MS = 2 * 60_000;

export interface PastMomentKeys {
  ask: string;
  confirm: string;
  /** Read back a moment said in an earlier message ("since sat morning" two questions ago), where "I read that as" would puzzle. */
  confirmSaid?: string;
  unreadable: string;
  future: string;
  again: string;
  /**
   * Said back to a time asked for ahead ("can it be thursday after school", at "when did you get
   * back?"): what the question will be asked for next, and the question again. Without it, a day
   * asked for ahead is read as the past day.
   */
  askedAhead?: string;
}

/** "can it be thursday after school", "could we do friday": a time asked for, not one that was. */
const ASKED_AHEAD = /^(?:ok(?:ay)?\s+|so\s+)?(?:can|could|cn)\s+(?:it|we|i|u|you)\s+(?:be|do|have|make|meet|come)\b/i;

export interface PastMoment {
  at: string;
  precision: 'minute' | 'day' | 'period';
  /** The other reading of an hour said without am or pm, offered when it is read back. */
  alternative?: string;
}

/** A moment the date reader read, as the dialog keeps and returns it. */
export function pastMomentOf({ at, precision, alternative }: ReadMoment): PastMoment {
  return { at: at.toISOString(), precision, ...(alternative ? { alternative: alternative.toISOString() } : {}) };
}

/** What a journey may begin the dialog with: the moment already said, to confirm. */
export interface PastMomentBegin {
  said?: PastMoment;
  /** The moment was said in an earlier message, not in answer to this question. */
  earlier?: boolean;
}

export interface PastMomentOptions {
  /** "idk" goes on: the dialog ends with no moment, and what it feeds says "not known". */
  allowUnknown?: boolean;
  /**
   * The moment asked is when a child was last seen or went: a day said beside danger words with no
   * word of going ("one of his mates had a knife last week") is the danger's, and is not taken.
   */
  lastSeen?: boolean;
  /** The question asks when they went or were due back: "due back 10" is a time. */
  dueBack?: boolean;
}

const DAYS = ['today', 'yesterday', 'dayBefore'] as const;
type Day = (typeof DAYS)[number];
const DAYS_AGO: Record<Day, number> = { today: 0, yesterday: 1, dayBefore: 2 };
const DAY_CHOICES = Choices.keyed(DAYS, (day) => `common.moment.days.${day}`);

export class PastMomentDialog extends ComponentDialog {
  constructor(
    id: string,
    private readonly keys: PastMomentKeys,
    private readonly services: DialogServices,
    private readonly options: PastMomentOptions = {},
  ) {
    super(id);
    this.addDialog(
      new Question<PastMoment>(
        {
          id: `${id}.ask`,
          ask: keys.ask,
          skippable: options.allowUnknown ?? false,
          asksFor: 'moment',
          // For whoever cannot say when in words the bot reads (any language): the day alone.
          fallback: {
            choices: DAY_CHOICES,
            valueOf: (choice) => {
              const daysAgo = DAYS_AGO[choice as Day] ?? 0;
              const day = DateTime.fromJSDate(services.clock.now(), { zone: services.timeZone }).startOf('day').minus({ days: daysAgo });
              return { at: day.toJSDate().toISOString(), precision: 'day' };
            },
          },
          parse: (text, context, messages) => {
            if (keys.askedAhead && ASKED_AHEAD.test(text.trim())) return { ok: false, retry: keys.askedAhead };
            // "went out at 4 said she'd be back by 8, its 10 now": the time beside the words of going.
            const cued = options.lastSeen
              ? services.understanding.lastSeenWords(text, messages.locale, { dueBack: options.dueBack ?? false })
              : undefined;
            const fromCue = cued === undefined ? undefined : this.readMoment(cued, messages.locale);
            const reading = fromCue?.kind === 'read' ? fromCue : this.readMoment(text, messages.locale);
            if (reading.kind === 'unreadable' || (reading.kind === 'read' && this.aboutTheDanger(context, text, reading.moment)))
              return { ok: false, retry: keys.unreadable };
            if (reading.kind === 'future') return { ok: false, retry: keys.future };
            // "idk what i do now": not knowing, and a question of their own; "ok im ringing them now":
            // the call. Neither "now" is when they went.
            const callSaid = callMadeSaid(readingOf(context, services).facts);
            if (this.isNow(reading.moment) && (callSaid || services.understanding.everyday(text, messages.locale) === 'unknown'))
              return { ok: false, retry: keys.unreadable };
            return { ok: true, value: pastMomentOf(reading.moment) };
          },
        },
        services,
      ),
    );
    // "sorry i meant wednesday at 4" at "is that right?" says no, and the time it gives is confirmed next.
    const confirming = (questionId: string, ask: string) =>
      yesNoQuestion(
        questionId,
        ask,
        services,
        (context) =>
          readingOf(context, services).answer?.option !== 'yes' && (this.correctionSaid(context) || this.numberTakenBack(context))
            ? 'no'
            : undefined,
        { asksFor: 'moment' },
      );
    this.addDialog(confirming(`${id}.confirm`, keys.confirm));
    if (keys.confirmSaid) this.addDialog(confirming(`${id}.confirmSaid`, keys.confirmSaid));
    this.addDialog(
      new WaterfallDialog(`${id}.steps`, [
        // Said already ("got home last nite"): read back to confirm, not asked again.
        (step) => {
          const said = pastMomentResult.safeParse((step.options as { said?: unknown } | undefined)?.said);
          return said.success ? step.next({ kind: 'value', value: said.data } satisfies Answer<PastMoment>) : step.beginDialog(`${id}.ask`);
        },
        (step) => this.confirm(step),
        (step) => this.settle(step),
      ]),
    );
    this.initialDialogId = `${id}.steps`;
  }

  private async confirm(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answer = step.result as Answer<PastMoment>;
    if (answer.kind !== 'value') return this.options.allowUnknown ? step.endDialog(undefined) : step.replaceDialog(this.initialDialogId);
    (step.values as { moment?: PastMoment }).moment = answer.value;
    const messages = messagesFor(step.context, this.services);
    const earlier = (step.options as PastMomentBegin | undefined)?.earlier === true && this.keys.confirmSaid !== undefined;
    return step.beginDialog(`${this.id}.${earlier ? 'confirmSaid' : 'confirm'}`, {
      variables: describeMoment(answer.value, messages, this.services),
    });
  }

  private async settle(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { moment } = step.values as { moment?: PastMoment };
    if ((step.result as YesNo) === 'yes' && moment) {
      // Confirmed: the other reading was offered and not taken.
      const { alternative: _notMeant, ...confirmed } = moment;
      return step.endDialog(confirmed);
    }
    const messages = messagesFor(step.context, this.services);
    // "sorry i meant 6 not 5", at "5 hours ago": the moment read back, with the number put right.
    const numberTakenBack = this.numberTakenBack(step.context);
    const corrected = (moment && numberTakenBack && this.movedBy(moment, numberTakenBack)) || this.correctionSaid(step.context);
    if (corrected) return step.replaceDialog(this.initialDialogId, { said: corrected } satisfies PastMomentBegin);
    await step.context.sendActivity(messages.t(this.keys.again));
    return step.replaceDialog(this.initialDialogId);
  }

  /** A time given at "is that right?", to confirm next; not "2", which picks "No" where the options are numbered. */
  private correctionSaid(context: TurnContext): PastMoment | undefined {
    const reading = readingOf(context, this.services);
    if (reading.answer?.by === 'number') return undefined;
    const text = context.activity.text ?? '';
    const { locale } = messagesFor(context, this.services);
    // "the police know, i rang them again tonight": when the call was made, not when they went.
    if (callMadeSaid(reading.facts) && this.options.lastSeen && this.services.understanding.lastSeenWords(text, locale) === undefined)
      return undefined;
    return this.correctionIn(text, locale);
  }

  private numberTakenBack(context: TurnContext): { meant: number; takenBack: number } | undefined {
    return this.services.understanding.numberTakenBack(context.activity.text ?? '', messagesFor(context, this.services).locale);
  }

  /**
   * The moment read back with one of its numbers put right: its hour on the clock ("at 5" -> 6),
   * or how many hours, minutes or days ago it was ("5 hours ago" -> 6). Never into the future, and
   * not guessed where both fit and disagree ("17:00 (5 hours ago)", at 22:00).
   */
  private movedBy(moment: PastMoment, { meant, takenBack }: { meant: number; takenBack: number }): PastMoment | undefined {
    const at = DateTime.fromISO(moment.at, { zone: this.services.timeZone });
    const now = DateTime.fromJSDate(this.services.clock.now(), { zone: this.services.timeZone });
    const ago = now.diff(at);
    const shift = meant - takenBack;
    const byClock = moment.precision === 'minute' && meant <= 12 && at.hour % 12 === takenBack % 12 ? at.plus({ hours: shift }) : undefined;
    const byAgo =
      moment.precision === 'minute' && Math.round(ago.as('hours')) === takenBack
        ? at.minus({ hours: shift })
        : moment.precision === 'minute' && Math.round(ago.as('minutes')) === takenBack
          ? at.minus({ minutes: shift })
          : Math.round(now.startOf('day').diff(at.startOf('day')).as('days')) === takenBack
            ? at.minus({ days: shift })
            : undefined;
    if (byClock && byAgo && !byClock.equals(byAgo)) return undefined;
    const moved = byClock ?? byAgo;
    if (!moved || moved > now) return undefined;
    return { at: moved.toUTC().toISO() ?? moment.at, precision: moment.precision };
  }

  private readMoment(text: string, locale: string) {
    // "what do i do now", "do i tell her social worker tonight": their own question, not a time.
    const said = this.services.understanding.withoutQuestions(text, locale, { keepDoubtful: true });
    return this.services.dates.readPast(said, languageOf(locale), { dueBack: this.options.dueBack ?? false });
  }

  /**
   * A day or part of one, or "now", in a message just answered for its danger, with no word of
   * going: when the danger was or the call was made ("ive rung 999 now"), not when they went.
   */
  private aboutTheDanger(context: TurnContext, text: string, moment: ReadMoment): boolean {
    if (!this.options.lastSeen || (moment.precision === 'minute' && !this.isNow(moment)) || !context.turnState.get(TURN_ALREADY_ANSWERED))
      return false;
    return this.services.understanding.lastSeenWords(text, messagesFor(context, this.services).locale) === undefined;
  }

  /** "now" read as the time: the moment of the message itself. */
  private isNow(moment: ReadMoment): boolean {
    return Math.abs(moment.at.getTime() - this.services.clock.now().getTime()) < SAID_NOW_WITHIN_MS;
  }

  /** A time said in place of yes or no at "is that right?" ("no, wednesday at 4"): the moment meant instead. */
  private correctionIn(text: string, locale: string): PastMoment | undefined {
    if (this.services.understanding.everyday(text, locale, { wholeMessage: true }) !== undefined) return undefined;
    const reading = this.readMoment(text, locale);
    return reading.kind === 'read' ? pastMomentOf(reading.moment) : undefined;
  }
}

/** `when` (absolute, in the area's zone) and `ago` (relative to the clock), for messages. */
export function describeMoment(
  moment: PastMoment,
  messages: Messages,
  services: Pick<DialogServices, 'clock' | 'timeZone'>,
): { when: string; ago: string } {
  const at = DateTime.fromISO(moment.at, { zone: services.timeZone }).setLocale(messages.locale);
  const now = DateTime.fromJSDate(services.clock.now(), { zone: services.timeZone });
  const format = moment.precision === 'day' ? 'common.dateFormat' : 'common.dateTimeFormat';
  const when = at.toFormat(messages.t(format));
  const alternative = moment.alternative && DateTime.fromISO(moment.alternative, { zone: services.timeZone }).setLocale(messages.locale);
  // The other reading on another day ("04:00, or 16:00 yesterday?") says its day.
  const alternativeFormat = alternative && alternative.hasSame(at, 'day') ? 'common.timeFormat' : 'common.dateTimeFormat';
  return {
    when: alternative
      ? messages.t('common.moment.orAlternative', { when, alternative: alternative.toFormat(messages.t(alternativeFormat)) })
      : when,
    // A day alone is "yesterday", not "31 hours ago" from its midnight; this minute is "just now", not "in 0 minutes".
    ago:
      moment.precision === 'day'
        ? (at.toRelativeCalendar({ base: now, locale: messages.locale, unit: 'days' }) ?? '')
        : Math.abs(now.diff(at).as('minutes')) < 1
          ? messages.t('common.moment.justNow')
          : (at.toRelative({ base: now, locale: messages.locale, unit: pickUnit(now.diff(at).as('minutes')) }) ?? ''),
  };
}

function pickUnit(minutes: number): 'minutes' | 'hours' | 'days' {
  if (minutes < 90) return 'minutes';
  if (minutes < 48 * 60) return 'hours';
  return 'days';
}
