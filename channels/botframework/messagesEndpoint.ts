// POST /api/messages: the Bot Framework endpoint. The activity is checked before it reaches
// the adapter, and each conversation's turns run one at a time.
import type { CloudAdapter } from 'botbuilder';
import type { Request, Response } from 'restify';
import { z } from 'zod';
import type { RunTurn } from '../../bot/turn/runTurn';
import { holdRepliesUntilCommitted } from '../../bot/turn/turnCommit';
import type { ActivityReplay } from './activityReplay';

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
  runTurn: RunTurn;
  replay: ActivityReplay;
  isShuttingDown: () => boolean;
  /**
   * No app id is set, so no request is authenticated: the endpoint is for a local emulator, and
   * replies go only to a serviceUrl on this machine, never to one a stranger names.
   */
  localOnly: boolean;
}

/** A serviceUrl on this machine (the Bot Framework Emulator's). */
export function isLoopbackUrl(serviceUrl: string): boolean {
  try {
    const { hostname } = new URL(serviceUrl);
    return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
  } catch {
    return false;
  }
}

export function createMessagesHandler({ adapter, runTurn, replay, isShuttingDown, localOnly }: MessagesEndpointOptions) {
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
    if (localOnly && !isLoopbackUrl(parsed.data.serviceUrl)) {
      res.send(403, {
        code: 'ServiceUrlNotAllowed',
        message:
          'Without MICROSOFT_APP_ID this endpoint answers only a local emulator (a serviceUrl on this machine). Set MICROSOFT_APP_ID to connect Azure Bot Service.',
      });
      return;
    }
    await adapter.process(req, res, (context) => {
      holdRepliesUntilCommitted(context, (tx, replies) => replay.keep(tx, context, replies));
      return runTurn(context, () => replay.replayed(context));
    });
  };
}
