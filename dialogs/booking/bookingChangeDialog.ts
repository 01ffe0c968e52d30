// "cancel <reference>" and "change <reference>", typed at any point: only the conversation that
// made the booking can touch it. Cancelling stops its reminder; changing picks a new slot in
// the same window. The team is told, and each is an audit row.
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { z } from 'zod';
import { normaliseReference } from '../../bot/store/references';
import { words } from '../../bot/understanding/text';
import type { Messages } from '../../bot/content/i18n';
import { advise } from '../../bot/turn/advice';
import { messagesFor, turnLocale, type DialogServices } from '../../bot/turn/services';
import { isoInstant, optionsOf, resultOf, yesNoResult } from '../base/stepData';
import { yesNoQuestion } from '../base/yesNo';
import { alertBookingTeam, describeBooking, scheduleBookingReminder } from './bookingHelpers';
import { futureTimesIn, SlotQuestion, type SlotQuestionOptions } from './slotQuestion';
import type { Booking } from '../../bot/bookings/bookingDesk';
import type { BookingPlace } from '../../bot/content/vocabulary';
import type { Choices } from '../base/choices';
import { optionMentioned } from '../../bot/understanding/openQuestion';
import { bookingPlaceChoices } from './bookingDetailsDialog';

export const BOOKING_CHANGE_DIALOG = 'booking.change';
const NEW_SLOT = 'booking.change.slot';
const CONFIRM_CANCEL = 'booking.change.confirmCancel';

const bookingCommand = z.object({
  action: z.enum(['cancel', 'change']),
  reference: z.string().min(1),
  /** Asked in their own words ("cancel it", "can we do friday instead"): a cancel is confirmed first, a time said is read at once. */
  ownWords: z.boolean().optional(),
});
export type BookingCommand = z.infer<typeof bookingCommand>;

/** "cancel B1K4" or "change b1k4" as the whole message (a bare "cancel" is an SMS opt-out). */
export function readBookingCommand(text: string, messages: Messages): BookingCommand | undefined {
  const said = words(text);
  if (said.length !== 2) return undefined;
  const [verb = '', typed = ''] = said;
  const reference = normaliseReference(typed);
  if (!reference?.startsWith('B')) return undefined;
  for (const action of ['cancel', 'change'] as const) {
    if (messages.list(`youngPerson.commands.${action}`).includes(verb)) return { action, reference };
  }
  return undefined;
}

export class BookingChangeDialog extends ComponentDialog {
  private readonly places: Choices<BookingPlace>;

  constructor(private readonly services: DialogServices) {
    super(BOOKING_CHANGE_DIALOG);
    this.places = bookingPlaceChoices(services);
    this.addDialog(new SlotQuestion(NEW_SLOT, services));
    this.addDialog(yesNoQuestion(CONFIRM_CANCEL, 'youngPerson.commands.confirmCancel', services));
    this.addDialog(new WaterfallDialog(`${BOOKING_CHANGE_DIALOG}.steps`, [(step) => this.start(step), (step) => this.finish(step)]));
    this.initialDialogId = `${BOOKING_CHANGE_DIALOG}.steps`;
  }

  private async start(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { action, reference, ownWords } = optionsOf(step, bookingCommand);
    const conversationId = step.context.activity.conversation.id;
    const messages = messagesFor(step.context, this.services);
    const booking = await this.services.bookings.find(reference, conversationId);
    if (!booking || booking.status !== 'booked') {
      await step.context.sendActivity(messages.t('youngPerson.commands.notFound', { reference }));
      return step.endDialog();
    }
    if (action === 'change') {
      // "can we change it to the library instead": the place named, at the same time unless one is said too.
      const named = ownWords ? this.placeNamed(step) : undefined;
      const place = named !== booking.place ? named : undefined;
      if (place && futureTimesIn(step.context.activity.text ?? '', step.context, this.services).length === 0) {
        const moved = await this.services.bookings.movePlace(reference, conversationId, place);
        if (moved) await this.tellMoved(step, moved);
        return step.endDialog();
      }
      // With a time too, the place changes with it, once the time is settled.
      (step.values as { place?: BookingPlace }).place = place;
      return step.beginDialog(NEW_SLOT, {
        returnedAt: booking.returnedAt.toISOString(),
        readSaid: ownWords ?? false,
        place: place ?? booking.place,
        current: booking.slotStart.toISOString(),
      } satisfies SlotQuestionOptions);
    }
    if (ownWords) {
      const { when } = describeBooking(this.services, messages, booking);
      return step.beginDialog(CONFIRM_CANCEL, { variables: { when, reference } });
    }
    await this.cancel(step, reference);
    return step.endDialog();
  }

  private async finish(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { action, reference } = optionsOf(step, bookingCommand);
    if (action === 'change') return this.move(step);
    if (resultOf(step, yesNoResult) === 'yes') await this.cancel(step, reference);
    else await step.context.sendActivity(messagesFor(step.context, this.services).t('youngPerson.commands.kept', { reference }));
    return step.endDialog();
  }

  private async cancel(step: WaterfallStepContext, reference: string): Promise<void> {
    const cancelled = await this.services.bookings.cancel(reference, step.context.activity.conversation.id);
    if (!cancelled) return;
    await this.services.scheduler.cancel(reference);
    await advise(step.context, this.services, this.services.rules.get('Y-BOOKING-CANCELLED'), { reference });
    await alertBookingTeam(step.context, this.services, 'youngPerson.team.cancelled', cancelled);
  }

  private async move(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { reference } = optionsOf(step, bookingCommand);
    const { context } = step;
    const conversationId = context.activity.conversation.id;
    const messages = messagesFor(context, this.services);
    const rescheduled = await this.services.bookings.reschedule(reference, conversationId, new Date(resultOf(step, isoInstant)));
    const { place } = step.values as { place?: BookingPlace };
    const moved = rescheduled && place ? await this.services.bookings.movePlace(reference, conversationId, place) : rescheduled;
    if (!moved) {
      await context.sendActivity(messages.t('youngPerson.confirm.taken'));
      return step.endDialog();
    }
    await this.services.scheduler.cancel(reference);
    await scheduleBookingReminder(context, this.services, turnLocale(context), moved);
    await this.tellMoved(step, moved);
    return step.endDialog();
  }

  /** What they asked for is said back, and the team is asked to confirm it. */
  private async tellMoved(step: WaterfallStepContext, moved: Booking): Promise<void> {
    const messages = messagesFor(step.context, this.services);
    await advise(step.context, this.services, this.services.rules.get('Y-BOOKING-CHANGED'), {
      reference: moved.reference,
      ...describeBooking(this.services, messages, moved),
    });
    await alertBookingTeam(step.context, this.services, 'youngPerson.team.changed', moved);
  }

  /** A place the area offers, named in the message that asked for the change. */
  private placeNamed(step: WaterfallStepContext): BookingPlace | undefined {
    const messages = messagesFor(step.context, this.services);
    const named = optionMentioned(step.context.activity.text ?? '', this.places.described, messages, this.services.understanding);
    return this.services.area.returnInterviews.places.find((place) => place === named);
  }
}
