// The booking itself, for a young person or for a parent booking for their child: a neutral
// place, a slot inside the window (or their own words, checked), a number for a reminder with
// consent, a summary to confirm; then the booking, its reminder and the team told.
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { WithWhom } from '../../bot/bookings';
import type { BookingPlace } from '../../bot/content';
import { addressSchema, type Address } from '../../bot/delivery';
import { smsPhoneOf } from '../../channels/sms/smsAdapter';
import { advise } from '../base/advice';
import { Choices } from '../base/choices';
import { ChoiceQuestion } from '../base/choiceQuestion';
import { mobileNumberQuestion } from '../base/mobileNumber';
import type { Answer } from '../base/question';
import { messagesFor, turnLocale, type DialogServices } from '../base/services';
import { yesNoQuestion, type YesNo } from '../base/yesNo';
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

export interface DetailsOptions {
  withWhom: WithWhom;
  returnedAt: string;
}

interface DetailsValues extends DetailsOptions {
  place?: BookingPlace;
  slot?: string;
  contact?: Address | null;
}

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
    Object.assign(step.values, step.options as DetailsOptions);
    return step.beginDialog(PLACE);
  }

  private async afterPlace(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as DetailsValues;
    values.place = step.result as BookingPlace;
    return step.beginDialog(WHEN, { returnedAt: values.returnedAt });
  }

  private async afterSlot(step: WaterfallStepContext): Promise<DialogTurnResult> {
    (step.values as DetailsValues).slot = step.result as string;
    return step.beginDialog(smsPhoneOf(step.context) ? CONTACT_THIS : CONTACT_WEB);
  }

  private async afterContactAnswer(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as DetailsValues;
    const phone = smsPhoneOf(step.context);
    const yes = (step.result as YesNo) === 'yes';
    if (phone && yes) {
      values.contact = { channel: 'sms', phone };
      return step.next();
    }
    values.contact = null;
    // By text and "no": another number may do; on the web, "yes" needs a number.
    if (phone || yes) return step.beginDialog(NUMBER);
    return step.next();
  }

  private async afterNumber(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as DetailsValues;
    const answer = step.result as Answer<string> | undefined;
    if (answer?.kind === 'value') values.contact = addressSchema.parse({ channel: 'sms', phone: answer.value });
    return step.beginDialog(CONFIRM, { variables: { ...this.describe(step, values) } });
  }

  private async afterConfirm(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as DetailsValues;
    const messages = messagesFor(step.context, this.services);
    if ((step.result as YesNo) !== 'yes') {
      await step.context.sendActivity(messages.t('youngPerson.confirm.again'));
      return step.replaceDialog(STEPS, { withWhom: values.withWhom, returnedAt: values.returnedAt } satisfies DetailsOptions);
    }
    const { place, slot } = values;
    if (!place || !slot) return step.replaceDialog(STEPS, { withWhom: values.withWhom, returnedAt: values.returnedAt } satisfies DetailsOptions);
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
    await scheduleBookingReminder(this.services, step.context.activity.conversation.id, step.context.activity.channelId, turnLocale(step.context), booking);
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
