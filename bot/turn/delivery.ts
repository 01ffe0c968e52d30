// Proactive messages (a person's reply relayed from the on-call phone, reminders) reach a
// conversation through the channel it lives on. Each channel registers how as it mounts; an
// address is plain JSON kept in the database with the handoff, booking or reminder it serves.
import { z } from 'zod';
import type { Logger } from '../platform/logger';
import { providerNumberSchema } from '../platform/phoneNumbers';

const account = z.object({ id: z.string(), name: z.string().default('') }).passthrough();

export const addressSchema = z.discriminatedUnion('channel', [
  z.object({ channel: z.literal('sms'), phone: providerNumberSchema }).strict(),
  // A conversation of the self-hosted Direct Line (the council's widget).
  z.object({ channel: z.literal('directline'), conversationId: z.string().min(1).max(64) }).strict(),
  z
    .object({
      channel: z.literal('conversation'),
      // A Bot Framework conversation reference (widget, Direct Line, Teams...): no personal data.
      reference: z
        .object({
          channelId: z.string(),
          serviceUrl: z.string(),
          conversation: z
            .object({
              id: z.string(),
              name: z.string().default(''),
              isGroup: z.boolean().default(false),
              conversationType: z.string().default('personal'),
            })
            .passthrough(),
          user: account.optional(),
          bot: account.optional(),
          locale: z.string().optional(),
        })
        .passthrough(),
    })
    .strict(),
]);
export type Address = z.infer<typeof addressSchema>;

export type DeliveryResult = 'sent' | 'opted-out' | 'failed';

/** Which conversation an audit row about the delivery belongs to. */
export type AuditKey = { conversationId: string } | { conversationHash: string };

export interface Deliverer {
  /**
   * Sends each text as a message of the bot, in order. With a `deliveryKey`, a channel that
   * can (the widget's, written to the database) records it with the messages and sends nothing
   * when it was recorded before.
   */
  deliver(address: Address, texts: string[], audit: AuditKey, deliveryKey?: string): Promise<DeliveryResult>;
}

export type DeliveryChannel = Address['channel'];
export type AddressOn<C extends DeliveryChannel> = Extract<Address, { channel: C }>;
export type DeliveryRoute<C extends DeliveryChannel> = (
  address: AddressOn<C>,
  texts: string[],
  audit: AuditKey,
  deliveryKey?: string,
) => Promise<DeliveryResult>;

type RouteTable = { [C in DeliveryChannel]?: DeliveryRoute<C> };

export interface DeliveryRoutes extends Deliverer {
  /** Called by a channel as it mounts: how messages reach the conversations it carries. */
  register<C extends DeliveryChannel>(channel: C, route: NonNullable<RouteTable[C]>): void;
}

/**
 * Starts empty, so it can be handed to the handoff desk and the scheduler before any channel
 * exists. An address on a channel nobody registered is not delivered: 'failed', and logged.
 */
export function createDeliverer(logger: Pick<Logger, 'warn'>): DeliveryRoutes {
  const routes: RouteTable = {};

  const via = async <C extends DeliveryChannel>(
    route: DeliveryRoute<C> | undefined,
    address: AddressOn<C>,
    texts: string[],
    audit: AuditKey,
    deliveryKey: string | undefined,
  ): Promise<DeliveryResult> => {
    if (route) return route(address, texts, audit, deliveryKey);
    logger.warn({ channel: address.channel }, 'no channel delivers to this address; message not delivered');
    return 'failed';
  };

  return {
    register(channel, route) {
      if (routes[channel]) throw new Error(`a delivery route for "${channel}" is registered already`);
      routes[channel] = route;
    },
    deliver(address, texts, audit, deliveryKey) {
      switch (address.channel) {
        case 'sms':
          return via(routes.sms, address, texts, audit, deliveryKey);
        case 'directline':
          return via(routes.directline, address, texts, audit, deliveryKey);
        case 'conversation':
          return via(routes.conversation, address, texts, audit, deliveryKey);
      }
    },
  };
}
