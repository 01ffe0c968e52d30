// Proactive messages (a person's reply relayed from the on-call phone, reminders) reach a
// conversation through the channel it lives on. Each channel registers how; an address is
// plain JSON kept in the database with the handoff, booking or reminder it serves.
import { z } from 'zod';

const account = z.object({ id: z.string(), name: z.string().default('') }).passthrough();

export const addressSchema = z.discriminatedUnion('channel', [
  z.object({ channel: z.literal('sms'), phone: z.string().regex(/^\+?[0-9]{3,15}$/) }).strict(),
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
  /** Sends each text as a message of the bot, in order. */
  deliver(address: Address, texts: string[], audit: AuditKey): Promise<DeliveryResult>;
}

export function createDeliverer(routes: {
  sms: (phone: string, texts: string[], audit: AuditKey) => Promise<DeliveryResult>;
  directline: (conversationId: string, texts: string[]) => Promise<DeliveryResult>;
  conversation: (reference: Extract<Address, { channel: 'conversation' }>['reference'], texts: string[]) => Promise<DeliveryResult>;
}): Deliverer {
  return {
    deliver(address, texts, audit) {
      switch (address.channel) {
        case 'sms':
          return routes.sms(address.phone, texts, audit);
        case 'directline':
          return routes.directline(address.conversationId, texts);
        case 'conversation':
          return routes.conversation(address.reference, texts);
      }
    },
  };
}
