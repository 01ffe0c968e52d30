// A Bot Framework adapter over texts, shaped like the SDK's channel adapters: an inbound text
// becomes a message activity (the conversation is the sender's number, as a keyed hash, so no
// storage key or log holds the number), and the turn's replies are rendered for SMS (numbered
// options, cards as plain text) and sent together, in order, when the turn ends.
import { ActivityTypes, BotAdapter, TurnContext, type Activity, type ConversationReference, type ResourceResponse } from 'botbuilder';
import type { Localiser } from '../../bot/content/i18n';
import type { IdHasher } from '../../bot/platform/ids';
import type { Clock } from '../../bot/platform/clock';
import { messagesFor } from '../../bot/turn/services';
import { answersSlowTurnsItself, whenTurnEnds } from '../../bot/turn/runTurn';
import { senderPhoneOf, setTurnChannel } from '../../bot/turn/turnChannel';
import { holdsReplies, whenCommitted, writeWithTurn } from '../../bot/turn/turnCommit';
import type { SmsOutbox } from './smsOutbox';
import { renderForSms } from './renderForSms';
import { SMS_CHANNEL, type DeliveryResult, type SmsSender } from './smsSender';

/** Replies sent at once (a failed turn's fail-safe), not owed through the outbox. */
const TURN_OUTBOX = Symbol('helpline.smsOutbox');
/** Replies held for the turn's commit, owed to the phone once it commits. */
const TURN_HELD = Symbol('helpline.smsHeld');
const TURN_OWES = Symbol('helpline.smsOwes');
const REPLY_EVEN_IF_OPTED_OUT = Symbol('helpline.smsReplyEvenIfOptedOut');

/** This turn's replies go to the phone even though it sent STOP: it wrote of danger. */
export function replyEvenIfOptedOut(context: TurnContext): void {
  context.turnState.set(REPLY_EVEN_IF_OPTED_OUT, true);
}
const evenIfOptedOut = (context: TurnContext): boolean => context.turnState.get<boolean | undefined>(REPLY_EVEN_IF_OPTED_OUT) ?? false;
const BOT = { id: 'helpline-bot', name: 'Helpline' };

export interface InboundText {
  phone: string;
  body: string;
  messageSid: string;
}

export class SmsAdapter extends BotAdapter {
  private replySequence = 0;

  constructor(private readonly deps: { sender: SmsSender; outbox: SmsOutbox; localiser: Localiser; hashId: IdHasher; clock: Clock }) {
    super();
  }

  conversationIdFor(phone: string): string {
    return `sms-${this.deps.hashId(phone)}`;
  }

  /**
   * Runs one turn for an inbound text; its replies are sent together when the turn ends.
   * Resolves to how the replies went ('failed' when any could not be sent), or undefined when none were due.
   */
  async processText(inbound: InboundText, logic: (context: TurnContext) => Promise<void>): Promise<DeliveryResult | undefined> {
    let delivery: DeliveryResult | undefined;
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
    setTurnChannel(context, { address: { channel: 'sms', phone: inbound.phone }, showsCards: false, client: inbound.phone });
    context.turnState.set(TURN_OUTBOX, []);
    const sendReplies = async () => {
      if (context.turnState.get(TURN_OWES) === true) {
        context.turnState.set(TURN_OWES, false);
        const result = await this.deps.outbox.deliverOwed(conversationId);
        if (result && delivery !== 'failed') delivery = result;
      }
      const outbox = context.turnState.get<string[]>(TURN_OUTBOX).splice(0);
      if (outbox.length === 0) return;
      const result = await this.deps.sender.send(inbound.phone, outbox.join('\n\n'), {
        conversationId,
        evenIfOptedOut: evenIfOptedOut(context),
      });
      if (delivery !== 'failed') delivery = result;
    };
    whenTurnEnds(context, sendReplies);
    // A slow turn is answered in the webhook's TwiML: a fail-safe held here would go only at the end.
    answersSlowTurnsItself(context);
    await this.runMiddleware(context, logic);
    // Held here only when the turn never began (its lock failed) and the adapter's onTurnError answered.
    await sendReplies();
    return delivery;
  }

  override async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const outbox = context.turnState.get<string[] | undefined>(TURN_OUTBOX);
    if (!outbox) throw new Error('SMS replies are sent within a turn begun by processText');
    const messages = messagesFor(context, this.deps);
    for (const activity of activities) {
      if (activity.type === ActivityTypes.Message) {
        const text = renderForSms(activity, messages);
        if (text === '') continue;
        if (holdsReplies(context, activity)) this.heldForCommit(context).push(text);
        else outbox.push(text);
      }
    }
    return activities.map(() => ({ id: `sms-reply-${++this.replySequence}` }));
  }

  /** The turn's replies, owed to the phone in the same transaction as the turn's state. */
  private heldForCommit(context: TurnContext): string[] {
    const held = context.turnState.get<string[] | undefined>(TURN_HELD);
    if (held) return held;
    const replies: string[] = [];
    context.turnState.set(TURN_HELD, replies);
    const { conversation, id: messageSid } = context.activity;
    const phone = senderPhoneOf(context);
    if (!phone) throw new Error('an SMS turn without its phone');
    writeWithTurn(context, async (tx) => {
      await this.deps.outbox.owe(tx, {
        conversationId: conversation.id,
        phone,
        body: replies.join('\n\n'),
        evenIfOptedOut: evenIfOptedOut(context),
        answering: messageSid,
      });
    });
    void whenCommitted(context, async () => void context.turnState.set(TURN_OWES, true));
    return replies;
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
