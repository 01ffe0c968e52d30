// The booking itself, for a young person or for a parent booking for their child: a neutral
// place, a slot inside the window (or their own words, checked), how the team may reach them to
// confirm (with consent; a number by text also gets the reminder), a summary to confirm; then
// the request, its reminder and the team told. The team confirms: unit leads decide who meets them.
import { senderPhoneOf } from '../../bot/turn/turnChannel';
import { writeWithTurnOrNow } from '../../bot/turn/turnCommit';
import { findUkMobile } from '../../bot/platform/phoneNumbers';
import type { TurnContext } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { AGE_BANDS, ageBandOf, ASKED_BY, REACH_WAYS, reachSchema, WITH_WHOM, type Reach } from '../../bot/bookings/bookingDesk';
import { BOOKING_PLACES, type BookingPlace } from '../../bot/content/vocabulary';
import { advise } from '../../bot/turn/advice';
import { Choices } from '../base/choices';
import { conversationFactsRecord } from '../base/conversationFacts';
import { ChoiceQuestion } from '../base/choiceQuestion';
import { mobileNumberQuestion } from '../base/mobileNumber';
import { Question, type Parsed } from '../base/question';
import { isoInstant, optionsOf, resultOf, stepValues, textAnswerResult, yesNoResult } from '../base/stepData';
import { messagesFor, readingOf, turnLocale, type DialogServices } from '../../bot/turn/services';
import { yesNoQuestion } from '../base/yesNo';
import { alertBookingTeam, describeBooking, scheduleBookingReminder, type BookingWords } from './bookingHelpers';
import { futureTimesIn, SlotQuestion } from './slotQuestion';
import type { PastMoment } from '../base/pastMomentDialog';

export const BOOKING_DETAILS_DIALOG = 'booking.details';
const STEPS = 'booking.details.steps';
const PLACE = 'youngPerson.place';
const WHEN = 'youngPerson.when';
const REACH_BY_TEXT = 'youngPerson.reachByText';
const REACH = 'youngPerson.reach';
const NUMBER = 'youngPerson.number';
const CARER_WHO = 'youngPerson.reachCarer';
const SCHOOL_WHO = 'youngPerson.reachSchool';

const MAX_WHO = 300;
const whoAnswer = (text: string): Parsed<string> =>
  text.length > MAX_WHO ? { ok: false, retry: 'youngPerson.reach.tooLong', variables: { max: MAX_WHO } } : { ok: true, value: text };

/** The ways offered: by text, "this number" is the sender's own; elsewhere a mobile is asked for. */
const REACH_ANSWERS = [...REACH_WAYS, 'none'] as const;
type ReachAnswer = (typeof REACH_ANSWERS)[number];
const reachChoices = (text: 'thisNumber' | 'mobile') =>
  Choices.keyed<ReachAnswer>(
    REACH_ANSWERS,
    (value) => `youngPerson.reach.options.${value === 'text' ? text : value}`,
    // A plain "no" to being contacted is no contact, not a miss.
    { no: 'none' },
  );
const CONFIRM = 'youngPerson.confirm';
const CONFIRMING = 'youngPerson.confirming';
/** The questions asked while a booking is being made: "cancel it" at one of them stops it. */
export const BOOKING_QUESTIONS: ReadonlySet<string> = new Set([
  PLACE,
  WHEN,
  REACH_BY_TEXT,
  REACH,
  NUMBER,
  CARER_WHO,
  SCHOOL_WHO,
  CONFIRM,
  CONFIRMING,
]);

/**
 * Who the meeting is with, and when the child came back (ISO): the window runs from there. Who
 * asked for it, and the child's age band when known, go to the team with the request.
 */
const detailsOptions = z.object({
  withWhom: z.enum(WITH_WHOM),
  returnedAt: isoInstant,
  askedBy: z.enum(ASKED_BY),
  ageBand: z.enum(AGE_BANDS).optional(),
});
export type DetailsOptions = z.infer<typeof detailsOptions>;

/**
 * The options for a booking asked for by `askedBy`, with the child's age band when their age is
 * known. A return known only by its day ("yesterday") counts from that day's end: the days to meet
 * in are never cut short by a time nobody said.
 */
export const detailsFor = (
  askedBy: DetailsOptions['askedBy'],
  withWhom: DetailsOptions['withWhom'],
  returned: Pick<PastMoment, 'at' | 'precision'>,
  ageYears: number | undefined,
  timeZone: string,
): DetailsOptions => {
  const ageBand = ageBandOf(ageYears);
  const returnedAt =
    returned.precision === 'day'
      ? (DateTime.fromISO(returned.at, { zone: timeZone }).endOf('day').toUTC().toISO() ?? returned.at)
      : returned.at;
  return { withWhom, returnedAt, askedBy, ...(ageBand ? { ageBand } : {}) };
};

/** What the steps gather: the options, then the place, the slot, the way chosen and the reach (null: none). */
const detailsValuesSchema = detailsOptions.extend({
  place: z.enum(BOOKING_PLACES).optional(),
  slot: isoInstant.optional(),
  way: z.enum(REACH_ANSWERS).optional(),
  reach: reachSchema.nullable().optional(),
});
const detailsValues = stepValues(detailsValuesSchema);
type DetailsValues = ReturnType<typeof detailsValues.read>;

/** The options to start again with, from what was gathered. */
const startAgainWith = ({ withWhom, returnedAt, askedBy, ageBand }: DetailsValues): DetailsOptions => ({
  withWhom,
  returnedAt,
  askedBy,
  ...(ageBand ? { ageBand } : {}),
});

/** The places the area offers to meet, as options. */
export function bookingPlaceChoices(services: Pick<DialogServices, 'area'>): Choices<BookingPlace> {
  return Choices.keyed<BookingPlace>(services.area.returnInterviews.places, (value) => `youngPerson.place.options.${value}`);
}

export class BookingDetailsDialog extends ComponentDialog {
  constructor(private readonly services: DialogServices) {
    super(BOOKING_DETAILS_DIALOG);
    const places = bookingPlaceChoices(services);
    this.addDialog(new ChoiceQuestion({ id: PLACE, ask: 'youngPerson.place.ask', retry: 'common.choiceRetry', choices: places }, services));
    this.addDialog(new SlotQuestion(WHEN, services));
    // A mobile number typed here ("07700 900456") is the way and the number at once.
    const reach = (id: string, choices: Choices<ReachAnswer>) =>
      new ChoiceQuestion(
        {
          id,
          ask: 'youngPerson.reach.ask',
          retry: 'common.choiceRetry',
          choices,
          read: (context) => (findUkMobile(context.activity.text ?? '') ? 'text' : undefined),
          plainAnswerBesideHarm: true,
        },
        services,
      );
    this.addDialog(reach(REACH_BY_TEXT, reachChoices('thisNumber')));
    this.addDialog(reach(REACH, reachChoices('mobile')));
    this.addDialog(mobileNumberQuestion(NUMBER, 'youngPerson.contact.number', 'youngPerson.contact.badNumber', services));
    const who = (id: string, ask: string) => new Question<string>({ id, ask, skippable: true, parse: whoAnswer }, services);
    this.addDialog(who(CARER_WHO, 'youngPerson.reach.carerWho'));
    this.addDialog(who(SCHOOL_WHO, 'youngPerson.reach.schoolWho'));
    // "sorry i meant wednesday at 4" at the summary is no to it, and the time it gives is read next.
    this.addDialog(
      yesNoQuestion(CONFIRM, 'youngPerson.confirm.ask', services, (context) =>
        readingOf(context, services).answer?.option !== 'yes' && this.timeIn(context) ? 'no' : undefined,
      ),
    );
    this.addDialog(
      new WaterfallDialog(STEPS, [
        (step) => this.askPlace(step),
        (step) => this.afterPlace(step),
        (step) => this.afterSlot(step),
        (step) => this.afterReach(step),
        (step) => this.afterReachDetail(step),
      ]),
    );
    this.addDialog(
      new WaterfallDialog(CONFIRMING, [
        (step) => this.askConfirm(step),
        (step) => this.afterConfirm(step),
        (step) => this.afterNewTime(step),
      ]),
    );
    this.initialDialogId = STEPS;
  }

  private async askPlace(step: WaterfallStepContext): Promise<DialogTurnResult> {
    detailsValues.keep(step, optionsOf(step, detailsOptions));
    return step.beginDialog(PLACE);
  }

  private async afterPlace(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = detailsValues.keep(step, { place: resultOf(step, z.enum(BOOKING_PLACES)) });
    // "the library, thursday at 4" says when too: it is read at once, not asked again. A place
    // given by its number or button ("3") says nothing of when.
    const placeInWords = readingOf(step.context, this.services).answer?.by === 'meaning';
    return step.beginDialog(WHEN, { returnedAt: values.returnedAt, readSaid: placeInWords, place: values.place });
  }

  private async afterSlot(step: WaterfallStepContext): Promise<DialogTurnResult> {
    detailsValues.keep(step, { slot: resultOf(step, isoInstant) });
    return step.beginDialog(senderPhoneOf(step.context) ? REACH_BY_TEXT : REACH);
  }

  private async afterReach(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const way = resultOf(step, z.enum(REACH_ANSWERS));
    // "text me on 07700 900123": the number given with the choice is not asked for again, and
    // by text it is the number meant, not the one texting.
    const typed = way === 'text' ? findUkMobile(step.context.activity.text ?? '') : undefined;
    const phone = typed ?? senderPhoneOf(step.context);
    detailsValues.keep(step, { way, reach: way === 'text' && phone ? { how: 'text', phone } : null });
    switch (way) {
      case 'text':
        return phone ? step.next() : step.beginDialog(NUMBER);
      case 'carer':
        return step.beginDialog(CARER_WHO);
      case 'school':
        return step.beginDialog(SCHOOL_WHO);
      case 'none':
        return step.next();
    }
  }

  /** The mobile typed, or whom to ask for; skipped, the way stands without it (a number cannot). */
  private async afterReachDetail(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answer = resultOf(step, textAnswerResult.optional());
    const { way, reach } = detailsValues.read(step);
    const given = answer?.kind === 'value' ? answer.value : undefined;
    let chosen: Reach | null = reach ?? null;
    if (way === 'text' && !chosen && given) chosen = { how: 'text', phone: given };
    if (way === 'carer' || way === 'school') chosen = given ? { how: way, who: given } : { how: way };
    return step.replaceDialog(CONFIRMING, detailsValues.keep(step, { reach: chosen }));
  }

  private async askConfirm(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = detailsValues.keep(step, optionsOf(step, detailsValuesSchema));
    return step.beginDialog(CONFIRM, { variables: { ...this.describe(step, values) } });
  }

  /** A time said at the summary ("no, wednesday at 4"), from now on; not "2", which picks "No" where the options are numbered. */
  private timeIn(context: TurnContext): boolean {
    if (readingOf(context, this.services).answer?.by === 'number') return false;
    return futureTimesIn(context.activity.text ?? '', context, this.services).length > 0;
  }

  private async afterConfirm(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = detailsValues.read(step);
    const messages = messagesFor(step.context, this.services);
    if (resultOf(step, yesNoResult) !== 'yes' && this.timeIn(step.context)) {
      // Only the time changes: it is read and checked as at "when can you meet?", and the rest stands.
      return step.beginDialog(WHEN, { returnedAt: values.returnedAt, readSaid: true, ...(values.place ? { place: values.place } : {}) });
    }
    if (resultOf(step, yesNoResult) !== 'yes') {
      await step.context.sendActivity(messages.t('youngPerson.confirm.again'));
      return step.replaceDialog(STEPS, startAgainWith(values));
    }
    const { place, slot } = values;
    if (!place || !slot) return step.replaceDialog(STEPS, startAgainWith(values));
    const { dangerSaid, workerWish } = await conversationFactsRecord(this.services).get(step.context);
    const booking = await this.services.bookings.book({
      conversationId: step.context.activity.conversation.id,
      channel: step.context.activity.channelId,
      returnedAt: new Date(values.returnedAt),
      withWhom: values.withWhom,
      place,
      slotStart: new Date(slot),
      reach: values.reach ?? undefined,
      askedBy: values.askedBy,
      ageBand: values.ageBand,
      // What was said in the chat ("he'll hurt me if I talk") goes with the booking, as its kind only.
      safety: dangerSaid,
      workerWish,
    });
    if (!booking) {
      await step.context.sendActivity(messages.t('youngPerson.confirm.taken'));
      return step.replaceDialog(STEPS, startAgainWith(values));
    }
    // The booking stands when this turn commits, with the reply that gives its reference.
    await writeWithTurnOrNow(step.context, (on) => this.services.bookings.confirm(booking.reference, on));
    const variables = { ...this.describe(step, values), reference: booking.reference };
    const rule = this.services.rules.decide('yp-booked', { bookingLate: booking.late });
    if (rule) await advise(step.context, this.services, rule, variables);
    await scheduleBookingReminder(step.context, this.services, turnLocale(step.context), booking);
    await alertBookingTeam(step.context, this.services, 'youngPerson.team.booked', booking, { newBooking: true });
    return step.endDialog();
  }

  private async afterNewTime(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.replaceDialog(CONFIRMING, { ...detailsValues.read(step), slot: resultOf(step, isoInstant) });
  }

  private describe(step: WaterfallStepContext, values: DetailsValues): BookingWords {
    return describeBooking(this.services, messagesFor(step.context, this.services), {
      withWhom: values.withWhom,
      place: values.place ?? 'phone',
      slotStart: new Date(values.slot ?? this.services.clock.now()),
      reach: values.reach ?? undefined,
      askedBy: values.askedBy,
    });
  }
}
