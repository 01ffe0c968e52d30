// Danger the words said ("he'll hurt me if I talk") goes with the conversation's booking, by kind
// only: kept in the conversation for a booking made later, and added to one already made (while
// changing it, or later in the chat), with the return interview team told. A trained reader's
// guess, put to the user as a question, is not carried: they may well have said no.
import type { TurnContext } from 'botbuilder';
import { dangerKinds, DEFAULT_LOCALE, type DangerCategory } from '../../bot/content/vocabulary';
import { afterTurn } from '../../bot/turn/runTurn';
import type { DialogServices } from '../../bot/turn/services';
import { conversationFactsRecord } from './conversationFacts';

export async function keepDangerForBooking(context: TurnContext, services: DialogServices, said: readonly DangerCategory[]): Promise<void> {
  if (said.length === 0) return;
  await conversationFactsRecord(services).update(context, (facts) => ({
    ...facts,
    dangerSaid: dangerKinds(facts.dangerSaid, said),
  }));
  const conversationId = context.activity.conversation.id;
  const booking = await services.bookings.noteSafety(conversationId, said);
  if (!booking) return;
  const staff = services.localiser.messages(DEFAULT_LOCALE);
  const text = staff.t('youngPerson.team.safety.later', { reference: booking.reference, kinds: booking.safety.join(', ') });
  await afterTurn(context, () => services.sms.send(services.area.returnInterviews.team.phone, text, { conversationId }));
}
