// What the booking steps share with changing and cancelling a booking: the words that
// describe it, its reminder, and the text to the return interview team.
import type { TurnContext } from 'botbuilder';
import { afterCommittedTurn, afterTurn } from '../../bot/turn/runTurn';
import { writeWithTurnOrNow } from '../../bot/turn/turnCommit';
import { reminderAddressOf, type Booking } from '../../bot/bookings/bookingDesk';
import { DEFAULT_LOCALE } from '../../bot/content/vocabulary';
import type { Messages } from '../../bot/content/i18n';
import { DateTime } from 'luxon';
import type { DialogServices } from '../../bot/turn/services';

type Described = Pick<Booking, 'withWhom' | 'place' | 'slotStart' | 'reach'> & Partial<Pick<Booking, 'askedBy'>>;

export interface BookingWords {
  who: string;
  place: string;
  when: string;
  contact: string;
}

export function describeBooking(services: DialogServices, messages: Messages, booking: Described): BookingWords {
  return {
    // A parent hears "their key worker", a young person "your worker".
    who: messages.t(booking.askedBy === 'parent' ? `parent.back.with.${booking.withWhom}` : `youngPerson.with.${booking.withWhom}`),
    place: messages.t(`youngPerson.place.options.${booking.place}.title`),
    when: DateTime.fromJSDate(booking.slotStart, { zone: services.timeZone })
      .setLocale(messages.locale)
      .toFormat(messages.t('common.dateTimeFormat')),
    contact: messages.t(`youngPerson.reach.described.${booking.reach?.how ?? 'none'}`),
  };
}

/** The reminder before the meeting, by text, when they chose to be reached by text. */
export async function scheduleBookingReminder(
  context: TurnContext,
  services: DialogServices,
  locale: string,
  booking: Booking,
): Promise<void> {
  const address = reminderAddressOf(booking);
  if (!address) return;
  const rule = services.rules.get('Y-BOOKING-REMINDER');
  const dueAt = new Date(booking.slotStart.getTime() - services.area.returnInterviews.reminderMinutesBefore * 60 * 1000);
  if (dueAt.getTime() <= services.clock.now().getTime()) return;
  const messages = services.localiser.messages(locale);
  const { when, place } = describeBooking(services, messages, booking);
  const reminder = {
    conversationId: context.activity.conversation.id,
    subject: booking.reference,
    channel: context.activity.channelId,
    address,
    locale,
    messageKey: rule.say,
    variables: { when, place, reference: booking.reference },
    ruleId: rule.id,
    dueAt,
  };
  // Kept with the turn: a turn that failed leaves no reminder of a booking nobody was given.
  await writeWithTurnOrNow(context, (on) => services.scheduler.schedule(reminder, on));
}

/**
 * Tells the area's return interview team (by text; logged without Twilio), once the turn is over.
 * No names. A new booking is told only when its turn commits: otherwise nobody was given it.
 */
export async function alertBookingTeam(
  context: TurnContext,
  services: DialogServices,
  key: string,
  booking: Booking,
  { newBooking = false }: { newBooking?: boolean } = {},
): Promise<void> {
  const staff = services.localiser.messages(DEFAULT_LOCALE);
  const { who, place, when } = describeBooking(services, staff, booking);
  const late = booking.late ? staff.t('youngPerson.team.late') : '';
  // Who asked, and the age band that decides the team in some areas: never a name.
  const asked = booking.askedBy ? staff.t(`youngPerson.team.asked.${booking.askedBy}`) : '';
  const age = booking.ageBand ? staff.t(`youngPerson.team.age.${booking.ageBand}`) : '';
  const safety = booking.safety.length > 0 ? staff.t('youngPerson.team.safety.said', { kinds: booking.safety.join(', ') }) : '';
  const wish = booking.workerWish ? staff.t(`youngPerson.team.workerWish.${booking.workerWish}`) : '';
  const text = staff.t(key, { reference: booking.reference, who, place, when, late, asked, age, safety, wish });
  const conversationId = context.activity.conversation.id;
  const send = () => services.sms.send(services.area.returnInterviews.team.phone, text, { conversationId });
  await (newBooking ? afterCommittedTurn(context, send) : afterTurn(context, send));
}
