// A Bot Framework adapter over texts, shaped like the SDK's channel adapters: an inbound text
// becomes a message activity (the conversation is the sender's number, as a keyed hash, so no
// storage key or log holds the number), and the turn's replies are rendered for SMS (numbered
// options, cards as plain text) and sent together, in order, when the turn ends.
import {
  ActivityTypes,
  BotAdapter,
  TurnContext,
  type Activity,
  type ConversationReference,
  type ResourceResponse,
} from 'botbuilder';
import type { Localiser } from '../../bot/i18n';
import type { IdHasher } from '../../bot/ids';
import type { Clock } from '../../bot/clock';
import { messagesFor } from '../../dialogs/base/services';
import { renderForSms } from './renderForSms';
import { SMS_CHANNEL, type DeliveryResult, type SmsSender } from './smsSender';

const TURN_PHONE = Symbol('helpline.smsPhone');
const TURN_OUTBOX = Symbol('helpline.smsOutbox');
const BOT = { id: 'helpline-bot', name: 'Helpline' };

export interface InboundText {
  phone: string;
  body: string;
  messageSid: string;
}

export class SmsAdapter extends BotAdapter {
  private replySequence = 0;

  constructor(
    private readonly deps: { sender: SmsSender; localiser: Localiser; hashId: IdHasher; clock: Clock },
  ) {
    super();
  }

  conversationIdFor(phone: string): string {
    return `sms-${this.deps.hashId(phone)}`;
  }

  /** Runs one turn for an inbound text, then sends its replies; returns how they went out. */
  async processText(inbound: InboundText, logic: (context: TurnContext) => Promise<void>): Promise<DeliveryResult | 'silent'> {
    const conversationId = this.conversationIdFor(inbound.phone);
    const activity: Partial<Activity> = {
      type: ActivityTypes.Message,
      id: inbound.messageSid,
      channelId: SMS_CHANNEL,
      serviceUrl: 'urn:helpline:sms',
      timestamp: this.deps.clock.now(),
      conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
      from: { id: conversationId, name: '' },
      recipient: BOT,
      text: inbound.body,
    };
    const context = new TurnContext(this, activity);
    context.turnState.set(TURN_PHONE, inbound.phone);
    context.turnState.set(TURN_OUTBOX, []);
    await this.runMiddleware(context, logic);
    const outbox = context.turnState.get(TURN_OUTBOX) as string[];
    if (outbox.length === 0) return 'silent';
    return this.deps.sender.send(inbound.phone, outbox.join('\n\n'), { conversationId });
  }

  override async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const outbox = context.turnState.get(TURN_OUTBOX) as string[] | undefined;
    if (!outbox) throw new Error('SMS replies are sent within a turn begun by processText');
    const messages = messagesFor(context, this.deps);
    for (const activity of activities) {
      if (activity.type === ActivityTypes.Message) {
        const text = renderForSms(activity, messages);
        if (text !== '') outbox.push(text);
      }
    }
    return activities.map(() => ({ id: `sms-reply-${++this.replySequence}` }));
  }

  override async updateActivity(): Promise<void> {
    throw new Error('A sent text cannot be changed');
  }

  override async deleteActivity(): Promise<void> {
    throw new Error('A sent text cannot be deleted');
  }

  /** Proactive texts go through SmsSender with the number kept for that purpose, not a reference. */
  override async continueConversation(_reference: Partial<ConversationReference>): Promise<void> {
    throw new Error('Texts are sent proactively through SmsSender');
  }
}

/** The sender's number, within a turn begun by an inbound text. */
export function smsPhoneOf(context: TurnContext): string | undefined {
  const phone: unknown = context.turnState.get(TURN_PHONE);
  return typeof phone === 'string' ? phone : undefined;
}
