// What the channel of a turn tells the core: where the bot's later messages (a relayed reply, a
// reminder) reach this user, and whether cards render there. Channels set it when they begin a
// turn; dialogs ask here and never import a channel.
import { TurnContext, type Activity } from 'botbuilder';
import { addressSchema, type Address } from './delivery';

export interface TurnChannel {
  /** Where later messages reach this user: their phone by text, the widget's conversation, or a reference. */
  address: Address;
  /** Cards render; otherwise a card's content goes as plain text, which the channel splits as it must. */
  showsCards: boolean;
  /**
   * Who is asking, as the channel knows them across conversations: the phone by text, the network
   * address of the widget's page. Counted for limits only, and hashed before it is stored.
   */
  client?: string;
}

const TURN_CHANNEL = Symbol('helpline.turnChannel');

export function setTurnChannel(context: TurnContext, channel: TurnChannel): void {
  context.turnState.set(TURN_CHANNEL, channel);
}

/** Bot Framework channels (Teams, Azure's Web Chat...) are reached through the conversation reference. */
export function turnChannelOf(context: TurnContext): TurnChannel {
  const channel = context.turnState.get<TurnChannel | undefined>(TURN_CHANNEL);
  return (
    channel ?? {
      address: addressSchema.parse({
        channel: 'conversation',
        reference: JSON.parse(JSON.stringify(TurnContext.getConversationReference(context.activity))) as unknown,
      }),
      showsCards: true,
    }
  );
}

export function replyAddressOf(context: TurnContext): Address {
  return turnChannelOf(context).address;
}

/** Who is asking, for limits: the channel's own word, or else the channel's user id. */
export function clientOf(context: TurnContext): string {
  const { activity } = context;
  return turnChannelOf(context).client ?? `${activity.channelId}:${activity.from?.id ?? activity.conversation.id}`;
}

/** The sender's number, when they write by text: used only where they agreed, never kept beyond that. */
export function senderPhoneOf(context: TurnContext): string | undefined {
  const address = replyAddressOf(context);
  return address.channel === 'sms' ? address.phone : undefined;
}

/**
 * Marks a question's options as words to type, not numbers to pick: the answer itself may be a
 * number ("How many times?", "How old?"), so a channel with no buttons must not number them.
 */
const OPTIONS_BY_WORD = 'optionsByWord';

export function withOptionsByWord<A extends Partial<Activity>>(activity: A): A {
  const channelData = (activity.channelData ?? {}) as Record<string, unknown>;
  return { ...activity, channelData: { ...channelData, [OPTIONS_BY_WORD]: true } };
}

export const optionsByWord = (activity: Partial<Activity>): boolean =>
  (activity.channelData as Record<string, unknown> | undefined)?.[OPTIONS_BY_WORD] === true;
