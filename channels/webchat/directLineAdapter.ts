// A Bot Framework adapter for the self-hosted Direct Line: a turn's replies are written to the
// conversation's activities in the database (no call out to a serviceUrl, so it works the same
// with or without Azure credentials), and whoever streams or polls that conversation sees them.
import { ActivityTypes, BotAdapter, TurnContext, type Activity, type ConversationReference, type ResourceResponse } from 'botbuilder';
import { setTurnChannel } from '../../bot/turn/turnChannel';
import type { DirectLineStore } from './directLineStore';

export const WEBCHAT_CHANNEL = 'webchat';
export const DIRECTLINE_SERVICE_URL = 'urn:helpline:directline';
export const BOT_ACCOUNT = { id: 'helpline-bot', name: 'Helpline', role: 'bot' };

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
    for (const activity of activities) {
      if (activity.type === 'delay') continue;
      const stored = await this.deps.store.append(conversationId, {
        ...activity,
        from: BOT_ACCOUNT,
        recipient: context.activity.from,
        replyToId: activity.replyToId ?? context.activity.id,
        channelId: WEBCHAT_CHANNEL,
        serviceUrl: DIRECTLINE_SERVICE_URL,
      });
      responses.push({ id: stored.activity.id ?? '' });
    }
    this.deps.notify(conversationId);
    return responses;
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
