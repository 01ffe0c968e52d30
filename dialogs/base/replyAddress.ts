// Where a person's later messages (a relayed reply, a reminder) reach this user: their phone
// on SMS, the widget's conversation on the self-hosted Direct Line, otherwise the channel's
// conversation reference.
import { TurnContext } from 'botbuilder';
import { addressSchema, type Address } from '../../bot/delivery';
import { smsPhoneOf } from '../../channels/sms/smsAdapter';
import { isDirectLineTurn } from '../../channels/webchat/directLineAdapter';

export function replyAddressOf(context: TurnContext): Address {
  const phone = smsPhoneOf(context);
  if (phone) return { channel: 'sms', phone };
  if (isDirectLineTurn(context)) return { channel: 'directline', conversationId: context.activity.conversation.id };
  return addressSchema.parse({
    channel: 'conversation',
    reference: JSON.parse(JSON.stringify(TurnContext.getConversationReference(context.activity))),
  });
}
