// The young person's journey: are you safe; away or back; away -> help tonight and a person to
// talk to; back -> the offer of a missing conversation or an independent return interview,
// and, if they want one, a booking inside the 72 hours (or a decline, recorded, door open).
import {
  WaterfallDialog,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { WITH_WHOM, type WithWhom } from '../../bot/bookings';
import type { BookingPlace } from '../../bot/content';
import { addressSchema, type Address } from '../../bot/delivery';
import { smsPhoneOf } from '../../channels/sms/smsAdapter';
import { advise, adviseFirst } from '../base/advice';
import { Choices } from '../base/choices';
import { ChoiceQuestion } from '../base/choiceQuestion';
import { flagRisk } from '../base/conversationFacts';
import { HANDOFF_DIALOG, type HandoffOptions } from '../base/handoffDialog';
import { InterruptibleDialog } from '../base/interruptibleDialog';
import { PastMomentDialog, type PastMoment } from '../base/pastMomentDialog';
import { Question, type Answer } from '../base/question';
import { messagesFor, turnLocale, type DialogServices } from '../base/services';
import { yesNoQuestion, yesNoUnsureQuestion, type YesNo, type YesNoUnsure } from '../base/yesNo';
import { alertBookingTeam, describeBooking, readMobile, scheduleBookingReminder, type BookingWords } from './bookingHelpers';
import { SlotQuestion } from './slotQuestion';

export const YOUNG_PERSON_JOURNEY = 'youngPerson';
const MAIN = 'youngPerson.main';
const AWAY = 'youngPerson.away';
const OFFER_FLOW = 'youngPerson.offerFlow';
const DETAILS = 'youngPerson.details';
const SAFE = 'youngPerson.safe';
const WHERE = 'youngPerson.where';
const TALK = 'youngPerson.talk';
const OFFER = 'youngPerson.offer';
const WHO = 'youngPerson.who';
const RETURNED = 'youngPerson.returned';
const PLACE = 'youngPerson.place';
const WHEN = 'youngPerson.when';
const CONTACT_THIS = 'youngPerson.contactThis';
const CONTACT_WEB = 'youngPerson.contactWeb';
const NUMBER = 'youngPerson.number';
const CONFIRM = 'youngPerson.confirm';

type Where = 'away' | 'back';
type OfferChoice = 'trusted' | 'independent' | 'no';
type TrustedPerson = Exclude<WithWhom, 'independent'>;

/** Options whose words live under `<key of value>.title` and `.synonyms`. */
const choicesOf = <Value extends string>(values: readonly Value[], keyOf: (value: Value) => string) =>
  new Choices<Value>(values.map((value) => ({ value, title: `${keyOf(value)}.title`, synonyms: `${keyOf(value)}.synonyms` })));

const whereChoices = choicesOf<Where>(['away', 'back'], (value) => `youngPerson.where.options.${value}`);
const offerChoices = choicesOf<OfferChoice>(['trusted', 'independent', 'no'], (value) => `youngPerson.offer.options.${value}`);
const whoChoices = choicesOf<TrustedPerson>(
  WITH_WHOM.filter((who): who is TrustedPerson => who !== 'independent'),
  (value) => `youngPerson.who.options.${value}`,
);

interface DetailsOptions {
  withWhom: WithWhom;
  returnedAt: string;
}

interface DetailsValues extends DetailsOptions {
  place?: BookingPlace;
  slot?: string;
  contact?: Address | null;
}

export class YoungPersonJourneyDialog extends InterruptibleDialog {
  private readonly placeChoices: Choices<BookingPlace>;

  constructor(services: DialogServices) {
    super(YOUNG_PERSON_JOURNEY, services);
    this.placeChoices = choicesOf<BookingPlace>(services.area.returnInterviews.places, (value) => `youngPerson.place.options.${value}`);
    this.addDialog(yesNoUnsureQuestion(SAFE, 'youngPerson.safe.ask', services));
    this.addDialog(new ChoiceQuestion({ id: WHERE, ask: 'youngPerson.where.ask', retry: 'common.choiceRetry', choices: whereChoices }, services));
    this.addDialog(yesNoQuestion(TALK, 'youngPerson.away.talk', services));
    this.addDialog(new ChoiceQuestion({ id: OFFER, ask: 'youngPerson.offer.ask', retry: 'common.choiceRetry', choices: offerChoices }, services));
    this.addDialog(new ChoiceQuestion({ id: WHO, ask: 'youngPerson.who.ask', retry: 'common.choiceRetry', choices: whoChoices }, services));
    this.addDialog(
      new PastMomentDialog(
        RETURNED,
        {
          ask: 'youngPerson.returned.ask',
          confirm: 'youngPerson.returned.confirm',
          unreadable: 'youngPerson.returned.unreadable',
          future: 'youngPerson.returned.future',
          again: 'youngPerson.returned.again',
        },
        services,
      ),
    );
    this.addDialog(new ChoiceQuestion({ id: PLACE, ask: 'youngPerson.place.ask', retry: 'common.choiceRetry', choices: this.placeChoices }, services));
    this.addDialog(new SlotQuestion(WHEN, services));
    this.addDialog(yesNoQuestion(CONTACT_THIS, 'youngPerson.contact.thisNumber', services));
    this.addDialog(yesNoQuestion(CONTACT_WEB, 'youngPerson.contact.wantText', services));
    this.addDialog(
      new Question<string>(
        {
          id: NUMBER,
          ask: 'youngPerson.contact.number',
          skippable: true,
          parse: (text) => {
            const phone = readMobile(text);
            return phone ? { ok: true, value: phone } : { ok: false, retry: 'youngPerson.contact.badNumber' };
          },
        },
        services,
      ),
    );
    this.addDialog(yesNoQuestion(CONFIRM, 'youngPerson.confirm.ask', services));
    this.addDialog(new WaterfallDialog(MAIN, [(step) => step.beginDialog(SAFE), (step) => this.afterSafe(step), (step) => this.afterWhere(step)]));
    this.addDialog(new WaterfallDialog(AWAY, [(step) => step.beginDialog(TALK), (step) => this.afterTalk(step), (step) => this.close(step)]));
    this.addDialog(
      new WaterfallDialog(OFFER_FLOW, [
        (step) => step.beginDialog(OFFER),
        (step) => this.afterOffer(step),
        (step) => this.afterWho(step),
        (step) => this.afterReturned(step),
      ]),
    );
    this.addDialog(
      new WaterfallDialog(DETAILS, [
        (step) => this.askPlace(step),
        (step) => this.afterPlace(step),
        (step) => this.afterSlot(step),
        (step) => this.afterContactAnswer(step),
        (step) => this.afterNumber(step),
        (step) => this.afterConfirm(step),
      ]),
    );
    this.initialDialogId = MAIN;
  }

  private async afterSafe(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const safeNow = step.result as YesNoUnsure;
    if (safeNow !== 'yes') {
      await flagRisk(step.context, this.services, 'danger-now');
      await adviseFirst(step.context, this.services, 'yp-safe', { ypSafeNow: safeNow });
    }
    return step.beginDialog(WHERE);
  }

  private async afterWhere(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const where = step.result as Where;
    await adviseFirst(step.context, this.services, 'yp-where', { ypWhere: where });
    return step.replaceDialog(where === 'away' ? AWAY : OFFER_FLOW);
  }

  private async afterTalk(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if ((step.result as YesNo) === 'yes') return step.beginDialog(HANDOFF_DIALOG, { step: AWAY } satisfies HandoffOptions);
    return step.next();
  }

  private async close(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await step.context.sendActivity(messagesFor(step.context, this.services).t('youngPerson.close'));
    return step.endDialog();
  }

  private async afterOffer(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const choice = step.result as OfferChoice;
    if (choice === 'no') {
      await adviseFirst(step.context, this.services, 'yp-decline', { returnChoice: 'no' });
      return step.endDialog();
    }
    (step.values as { withWhom?: WithWhom }).withWhom = 'independent';
    if (choice === 'trusted') return step.beginDialog(WHO);
    return step.next();
  }

  private async afterWho(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as { withWhom?: WithWhom };
    if (step.result) values.withWhom = step.result as TrustedPerson;
    return step.beginDialog(RETURNED);
  }

  private async afterReturned(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { withWhom = 'independent' } = step.values as { withWhom?: WithWhom };
    const returned = step.result as PastMoment;
    return step.replaceDialog(DETAILS, { withWhom, returnedAt: returned.at } satisfies DetailsOptions);
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
      return step.replaceDialog(DETAILS, { withWhom: values.withWhom, returnedAt: values.returnedAt } satisfies DetailsOptions);
    }
    const { place, slot } = values;
    if (!place || !slot) return step.replaceDialog(DETAILS, { withWhom: values.withWhom, returnedAt: values.returnedAt } satisfies DetailsOptions);
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
      return step.replaceDialog(DETAILS, { withWhom: values.withWhom, returnedAt: values.returnedAt } satisfies DetailsOptions);
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

