// The booking itself, for a young person or for a parent booking for their child: a neutral
// place, a slot inside the window (or their own words, checked), a number for a reminder with
// consent, a summary to confirm; then the booking, its reminder and the team told.
import { senderPhoneOf } from '../../bot/turn/turnChannel';
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { z } from 'zod';
import { WITH_WHOM } from '../../bot/bookings/bookingDesk';
import { BOOKING_PLACES, type BookingPlace } from '../../bot/content/vocabulary';
import { addressSchema } from '../../bot/turn/delivery';
import { advise } from '../../bot/turn/advice';
import { Choices } from '../base/choices';
import { ChoiceQuestion } from '../base/choiceQuestion';
import { mobileNumberQuestion } from '../base/mobileNumber';
import { isoInstant, optionsOf, resultOf, stepValues, textAnswerResult, yesNoResult } from '../base/stepData';
import { messagesFor, turnLocale, type DialogServices } from '../../bot/turn/services';
import { yesNoQuestion } from '../base/yesNo';
import { alertBookingTeam, describeBooking, scheduleBookingReminder, type BookingWords } from './bookingHelpers';
import { SlotQuestion } from './slotQuestion';

export const BOOKING_DETAILS_DIALOG = 'booking.details';
const STEPS = 'booking.details.steps';
const PLACE = 'youngPerson.place';
const WHEN = 'youngPerson.when';
const CONTACT_THIS = 'youngPerson.contactThis';
const CONTACT_WEB = 'youngPerson.contactWeb';
const NUMBER = 'youngPerson.number';
const CONFIRM = 'youngPerson.confirm';

/** Who the meeting is with, and when the child came back (ISO): the window runs from there. */
const detailsOptions = z.object({ withWhom: z.enum(WITH_WHOM), returnedAt: isoInstant });
export type DetailsOptions = z.infer<typeof detailsOptions>;

/** What the steps gather: the options, then the place, the slot, and the contact (null: none). */
const detailsValues = stepValues(
  detailsOptions.extend({
    place: z.enum(BOOKING_PLACES).optional(),
    slot: isoInstant.optional(),
    contact: addressSchema.nullable().optional(),
  }),
);
type DetailsValues = ReturnType<typeof detailsValues.read>;

export class BookingDetailsDialog extends ComponentDialog {
  constructor(private readonly services: DialogServices) {
    super(BOOKING_DETAILS_DIALOG);
    const places = Choices.keyed<BookingPlace>(services.area.returnInterviews.places, (value) => `youngPerson.place.options.${value}`);
    this.addDialog(new ChoiceQuestion({ id: PLACE, ask: 'youngPerson.place.ask', retry: 'common.choiceRetry', choices: places }, services));
    this.addDialog(new SlotQuestion(WHEN, services));
    this.addDialog(yesNoQuestion(CONTACT_THIS, 'youngPerson.contact.thisNumber', services));
    this.addDialog(yesNoQuestion(CONTACT_WEB, 'youngPerson.contact.wantText', services));
    this.addDialog(mobileNumberQuestion(NUMBER, 'youngPerson.contact.number', 'youngPerson.contact.badNumber', services));
    this.addDialog(yesNoQuestion(CONFIRM, 'youngPerson.confirm.ask', services));
    this.addDialog(
      new WaterfallDialog(STEPS, [
        (step) => this.askPlace(step),
        (step) => this.afterPlace(step),
        (step) => this.afterSlot(step),
        (step) => this.afterContactAnswer(step),
        (step) => this.afterNumber(step),
        (step) => this.afterConfirm(step),
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
    return step.beginDialog(WHEN, { returnedAt: values.returnedAt });
  }

  private async afterSlot(step: WaterfallStepContext): Promise<DialogTurnResult> {
    detailsValues.keep(step, { slot: resultOf(step, isoInstant) });
    return step.beginDialog(senderPhoneOf(step.context) ? CONTACT_THIS : CONTACT_WEB);
  }

  private async afterContactAnswer(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const phone = senderPhoneOf(step.context);
    const yes = resultOf(step, yesNoResult) === 'yes';
    if (phone && yes) {
      detailsValues.keep(step, { contact: { channel: 'sms', phone } });
      return step.next();
    }
    detailsValues.keep(step, { contact: null });
    // By text and "no": another number may do; on the web, "yes" needs a number.
    if (phone || yes) return step.beginDialog(NUMBER);
    return step.next();
  }

  private async afterNumber(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answer = resultOf(step, textAnswerResult.optional());
    const values =
      answer?.kind === 'value' ? detailsValues.keep(step, { contact: { channel: 'sms', phone: answer.value } }) : detailsValues.read(step);
    return step.beginDialog(CONFIRM, { variables: { ...this.describe(step, values) } });
  }

  private async afterConfirm(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = detailsValues.read(step);
    const messages = messagesFor(step.context, this.services);
    if (resultOf(step, yesNoResult) !== 'yes') {
      await step.context.sendActivity(messages.t('youngPerson.confirm.again'));
      return step.replaceDialog(STEPS, { withWhom: values.withWhom, returnedAt: values.returnedAt } satisfies DetailsOptions);
    }
    const { place, slot } = values;
    if (!place || !slot)
      return step.replaceDialog(STEPS, { withWhom: values.withWhom, returnedAt: values.returnedAt } satisfies DetailsOptions);
    const booking = await this.services.bookings.book({
      conversationId: step.context.activity.conversation.id,
      channel: step.context.activity.channelId,
      returnedAt: new Date(values.returnedAt),
      withWhom: values.withWhom,
      place,
      slotStart: new Date(slot),
      contact: values.contact ?? undefined,
    });
    if (!booking) {
      await step.context.sendActivity(messages.t('youngPerson.confirm.taken'));
      return step.replaceDialog(STEPS, { withWhom: values.withWhom, returnedAt: values.returnedAt } satisfies DetailsOptions);
    }
    const variables = { ...this.describe(step, values), reference: booking.reference };
    const rule = this.services.rules.decide('yp-booked', { bookingLate: booking.late });
    if (rule) await advise(step.context, this.services, rule, variables);
    await scheduleBookingReminder(
      this.services,
      step.context.activity.conversation.id,
      step.context.activity.channelId,
      turnLocale(step.context),
      booking,
    );
    await alertBookingTeam(this.services, 'youngPerson.team.booked', booking, step.context.activity.conversation.id);
    return step.endDialog();
  }

  private describe(step: WaterfallStepContext, values: DetailsValues): BookingWords {
    return describeBooking(this.services, messagesFor(step.context, this.services), {
      withWhom: values.withWhom,
      place: values.place ?? 'phone',
      slotStart: new Date(values.slot ?? this.services.clock.now()),
      contact: values.contact ?? undefined,
    });
  }
}
