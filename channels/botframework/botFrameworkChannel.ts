// The Bot Framework channel: POST /api/messages through the SDK's CloudAdapter (JWT auth as
// Azure Bot Service requires when MICROSOFT_APP_ID is set), and later messages to a stored
// conversation reference (Teams, Azure's Web Chat...) through the same adapter.
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { CachedBotFrameworkAuthentication } from './cachedAuthentication';
import type { Config } from '../../bot/config';
import type { ChannelHost } from '../channelHost';
import { createMessagesHandler } from './messagesEndpoint';
import { createActivityReplay } from './activityReplay';
import type { Clock } from '../../bot/platform/clock';
import type { IdHasher } from '../../bot/platform/ids';
import type { Queryable } from '../../bot/store/database';

type BotFrameworkSettings = Pick<
  Config,
  'MICROSOFT_APP_ID' | 'MICROSOFT_APP_PASSWORD' | 'MICROSOFT_APP_TYPE' | 'MICROSOFT_APP_TENANT_ID' | 'PROACTIVE_TIMEOUT_MS'
>;

export function mountBotFramework(
  host: ChannelHost,
  { config, db, clock, hashId }: { config: BotFrameworkSettings; db: Queryable; clock: Clock; hashId: IdHasher },
): { adapter: CloudAdapter } {
  const adapter = new CloudAdapter(
    new CachedBotFrameworkAuthentication(
      new ConfigurationBotFrameworkAuthentication({
        MicrosoftAppId: config.MICROSOFT_APP_ID,
        MicrosoftAppPassword: config.MICROSOFT_APP_PASSWORD,
        // Without an app id the endpoint is unauthenticated (local use), which botbuilder allows only as MultiTenant.
        MicrosoftAppType: config.MICROSOFT_APP_ID ? config.MICROSOFT_APP_TYPE : 'MultiTenant',
        MicrosoftAppTenantId: config.MICROSOFT_APP_TENANT_ID,
      }),
    ),
  );
  adapter.onTurnError = host.failSafe.onTurnError;
  host.server.post(
    '/api/messages',
    createMessagesHandler({
      adapter,
      runTurn: host.runTurn,
      replay: createActivityReplay({ db, clock, hashId }),
      isShuttingDown: host.isShuttingDown,
      localOnly: !config.MICROSOFT_APP_ID,
    }),
  );

  host.delivery.register('conversation', async ({ reference }, texts) => {
    try {
      // The connector retries an unreachable channel for a long time; a reminder or a relay
      // must not hold up the others, so it counts as failed after PROACTIVE_TIMEOUT_MS.
      await withTimeout(
        adapter.continueConversationAsync(config.MICROSOFT_APP_ID ?? '', reference, async (context) => {
          for (const text of texts) await context.sendActivity(text);
        }),
        config.PROACTIVE_TIMEOUT_MS,
      );
      return 'sent';
    } catch (err) {
      host.logger.warn({ err, channel: reference.channelId }, 'proactive message not delivered');
      return 'failed';
    }
  });

  return { adapter };
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
