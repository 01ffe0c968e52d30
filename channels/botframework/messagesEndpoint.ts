// POST /api/messages: the Bot Framework endpoint. The activity is checked before it reaches
// the adapter, and each conversation's turns run one at a time.
import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Request, Response } from 'restify';
import { z } from 'zod';

const id = z.string().min(1).max(256);

export const inboundActivitySchema = z
  .object({
    type: z.string().min(1).max(64),
    id: z.string().max(256).optional(),
    channelId: z.string().min(1).max(64),
    serviceUrl: z.string().min(1).max(2048),
    conversation: z.object({ id }).passthrough(),
    from: z.object({ id }).passthrough(),
    recipient: z
      .object({ id: z.string().max(256) })
      .passthrough()
      .optional(),
    text: z.string().max(4000).optional(),
    locale: z.string().max(35).optional(),
  })
  .passthrough();

export interface MessagesEndpointOptions {
  adapter: CloudAdapter;
  runTurn: (context: TurnContext) => Promise<void>;
  isShuttingDown: () => boolean;
}

export function createMessagesHandler({ adapter, runTurn, isShuttingDown }: MessagesEndpointOptions) {
  return async (req: Request, res: Response): Promise<void> => {
    if (isShuttingDown()) {
      res.send(503, { code: 'ShuttingDown', message: 'The bot is restarting; try again in a moment.' });
      return;
    }
    const parsed = inboundActivitySchema.safeParse(req.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      res.send(400, {
        code: 'InvalidActivity',
        message: `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'is not a Bot Framework activity'}`,
      });
      return;
    }
    await adapter.process(req, res, runTurn);
  };
}
