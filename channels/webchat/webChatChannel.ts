// The council's widget: its pages (/, /chat, /privacy, /embed.js) and the self-hosted Direct
// Line they talk to. Later messages to a widget conversation are appended to it, where the
// page streams or polls them.
import type { Config } from '../../bot/config';
import type { Localiser } from '../../bot/content/i18n';
import { createRateLimiter } from '../../bot/http/rateLimit';
import type { Clock } from '../../bot/platform/clock';
import { resolveTokenSecret, type IdHasher } from '../../bot/platform/ids';
import type { Database } from '../../bot/store/database';
import { createRateWindows } from '../../bot/store/rateLimitWindows';
import type { ChannelHost } from '../channelHost';
import { mountDirectLine } from './directLineEndpoints';
import { createDirectLineStore } from './directLineStore';
import { withHeldActivities } from './heldActivities';
import { mountPages } from './pageRoutes';
import { createTokenIssuer } from './tokens';

type WebChatSettings = Pick<
  Config,
  | 'DIRECTLINE_TOKEN_SECRET'
  | 'DIRECTLINE_TOKEN_TTL_SECONDS'
  | 'DIRECTLINE_TOKEN_MAX_LIFE_SECONDS'
  | 'DIRECTLINE_GENERATE_BURST'
  | 'DIRECTLINE_GENERATE_PER_SECOND'
  | 'QUICK_EXIT_URL'
  | 'WIDGET_EMBED_ORIGINS'
  | 'RETENTION_DAYS'
  | 'TRUST_PROXY'
  | 'PUBLIC_BASE_URL'
>;

export interface WebChatChannel {
  /** Ends the open streams, which would otherwise keep the server from closing. */
  close(): void;
}

export async function mountWebChat(
  host: ChannelHost,
  { config, db, clock, localiser, hashId }: { config: WebChatSettings; db: Database; clock: Clock; localiser: Localiser; hashId: IdHasher },
): Promise<WebChatChannel> {
  const tokenSecret = await resolveTokenSecret(db, config.DIRECTLINE_TOKEN_SECRET);
  const directLine = mountDirectLine({
    server: host.server,
    // With the database down, the user's message and the fail-safe reply are held, not lost.
    store: withHeldActivities(createDirectLineStore(db, clock), { clock, logger: host.logger }),
    tokens: createTokenIssuer(tokenSecret, clock, config.DIRECTLINE_TOKEN_TTL_SECONDS, config.DIRECTLINE_TOKEN_MAX_LIFE_SECONDS),
    runTurn: host.runTurn,
    onTurnError: host.failSafe.onTurnError,
    logger: host.logger,
    isShuttingDown: host.isShuttingDown,
    // The burst, refilled at PER_SECOND: that many in a window as long as the refill takes.
    generateLimit: createRateLimiter(
      {
        name: 'directline-generate',
        limit: config.DIRECTLINE_GENERATE_BURST,
        windowMs: Math.ceil(config.DIRECTLINE_GENERATE_BURST / config.DIRECTLINE_GENERATE_PER_SECOND) * 1000,
      },
      { windows: createRateWindows(db), clock, hashId, logger: host.logger },
    ),
    clientAddress: host.clientAddress,
    behindProxy: config.TRUST_PROXY > 0,
    ...(config.PUBLIC_BASE_URL ? { publicBaseUrl: config.PUBLIC_BASE_URL } : {}),
  });
  host.delivery.register('directline', async ({ conversationId }, texts, _audit, deliveryKey) => {
    await directLine.adapter.sendProactive(conversationId, texts, deliveryKey);
    return 'sent';
  });
  mountPages({
    server: host.server,
    localiser,
    quickExitUrl: config.QUICK_EXIT_URL,
    retentionDays: config.RETENTION_DAYS,
    embedOrigins: config.WIDGET_EMBED_ORIGINS,
    ...(config.PUBLIC_BASE_URL ? { publicBaseUrl: config.PUBLIC_BASE_URL } : {}),
  });
  return { close: () => directLine.close() };
}
