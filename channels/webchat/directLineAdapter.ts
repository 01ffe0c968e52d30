// A Bot Framework adapter for the self-hosted Direct Line: a turn's replies are written to the
// conversation's activities in the database (no call out to a serviceUrl, so it works the same
// with or without Azure credentials), and whoever streams or polls that conversation sees them.
import { ActivityTypes, BotAdapter, TurnContext, type Activity, type ConversationReference, type ResourceResponse } from 'botbuilder';
import { setTurnChannel } from '../../bot/turn/turnChannel';
import { holdsReplies, whenCommitted, writeWithTurn } from '../../bot/turn/turnCommit';
import type { DirectLineStore } from './directLineStore';

export const WEBCHAT_CHANNEL = 'webchat';
export const DIRECTLINE_SERVICE_URL = 'urn:helpline:directline';
export const BOT_ACCOUNT = { id: 'helpline-bot', name: 'Helpline', role: 'bot' };
const HELD_REPLIES = Symbol('helpline.directLineHeldReplies');

export class DirectLineAdapter extends BotAdapter {
  constructor(private readonly deps: { store: DirectLineStore; notify(conversationId: string): void }) {
    super();
  }

  /** Runs a turn for an activity already stored (the user's message, or the join), sent from `client`'s network address. */
  async processActivity(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>, client?: string): Promise<void> {
    const context = new TurnContext(this, {
      ...activity,
      channelId: WEBCHAT_CHANNEL,
      serviceUrl: DIRECTLINE_SERVICE_URL,
      recipient: BOT_ACCOUNT,
    });
    markDirectLineTurn(context, client);
    await this.runMiddleware(context, logic);
  }

  /**
   * Sends messages of the bot into a conversation outside a turn (a relayed reply, a reminder).
   * With a delivery key they are written once: a second send under the key writes nothing.
   */
  async sendProactive(conversationId: string, texts: string[], deliveryKey?: string): Promise<void> {
    const activities = texts.map((text) => ({ type: ActivityTypes.Message, from: BOT_ACCOUNT, text }));
    if (deliveryKey) {
      await this.deps.store.appendOnce(conversationId, activities, deliveryKey);
    } else {
      for (const activity of activities) await this.deps.store.append(conversationId, activity);
    }
    this.deps.notify(conversationId);
  }

  override async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const conversationId = context.activity.conversation.id;
    const responses: ResourceResponse[] = [];
    let appended = false;
    for (const activity of activities) {
      if (activity.type === 'delay') continue;
      const reply = {
        ...activity,
        from: BOT_ACCOUNT,
        recipient: context.activity.from,
        replyToId: activity.replyToId ?? context.activity.id,
        channelId: WEBCHAT_CHANNEL,
        serviceUrl: DIRECTLINE_SERVICE_URL,
      };
      if (holdsReplies(context, activity)) {
        this.holdForCommit(context, reply);
        // Numbered when written: nothing in a turn reads a reply's id back.
        responses.push({ id: '' });
        continue;
      }
      const stored = await this.deps.store.append(conversationId, reply);
      appended = true;
      responses.push({ id: stored.activity.id ?? '' });
    }
    if (appended) this.deps.notify(conversationId);
    return responses;
  }

  /** The turn's replies are written with its state, and the page told once they are. */
  private holdForCommit(context: TurnContext, reply: Partial<Activity>): void {
    const conversationId = context.activity.conversation.id;
    let held = context.turnState.get<Array<Partial<Activity>> | undefined>(HELD_REPLIES);
    if (!held) {
      const replies: Array<Partial<Activity>> = [];
      held = replies;
      context.turnState.set(HELD_REPLIES, replies);
      writeWithTurn(context, async (tx) => {
        await this.deps.store.appendWithin(tx, conversationId, replies);
      });
      void whenCommitted(context, async () => this.deps.notify(conversationId));
    }
    held.push(reply);
  }

  override async updateActivity(): Promise<void> {
    throw new Error('Activities sent through the self-hosted Direct Line are not changed');
  }

  override async deleteActivity(): Promise<void> {
    throw new Error('Activities sent through the self-hosted Direct Line are not deleted');
  }

  override async continueConversation(
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    const context = new TurnContext(
      this,
      TurnContext.applyConversationReference({ type: ActivityTypes.Event, name: 'continueConversation' }, reference, true),
    );
    markDirectLineTurn(context);
    await this.runMiddleware(context, logic);
  }
}

/** Later messages to this conversation are appended to it, where the page streams or polls them. */
function markDirectLineTurn(context: TurnContext, client?: string): void {
  setTurnChannel(context, {
    address: { channel: 'directline', conversationId: context.activity.conversation.id },
    showsCards: true,
    ...(client ? { client: `ip:${client}` } : {}),
  });
}
