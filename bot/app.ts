// Builds the whole bot from a config object: database, content, dialogs, adapter and HTTP
// routes. Tests call this in process; bot/server.ts only listens and handles signals.
import type { AddressInfo } from 'node:net';
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConversationState,
  UserState,
  type TurnContext,
} from 'botbuilder';
import restify, { type Server } from 'restify';
import { createMessagesHandler } from '../channels/botframework/messagesEndpoint';
import { createHandoffDesk } from '../channels/handoff/handoffDesk';
import { createBookingsHandler } from '../channels/staff/bookingsEndpoint';
import { mountDirectLine, type DirectLine } from '../channels/webchat/directLineEndpoints';
import { createDirectLineStore } from '../channels/webchat/directLineStore';
import { createTokenIssuer } from '../channels/webchat/tokens';
import { mountPages } from '../channels/webchat/pageRoutes';
import { SmsAdapter } from '../channels/sms/smsAdapter';
import { createSmsHandler } from '../channels/sms/smsEndpoint';
import { createSmsInbox, type SmsInbox } from '../channels/sms/smsInbox';
import { createOptOuts, createSmsSender, type SmsSender } from '../channels/sms/smsSender';
import { createLoggingGateway, createTwilioGateway } from '../channels/sms/textGateway';
import { RootDialog } from '../dialogs/root/rootDialog';
import type { DialogServices } from '../dialogs/base/services';
import { createAuditLog, type AuditLog } from './audit';
import { systemClock, type Clock } from './clock';
import type { Config } from './config';
import { loadContent, type Content } from './content';
import { createDangerDetector } from './danger';
import { createDateReader } from './dateReader';
import { createDeliverer } from './delivery';
import { createBookingDesk } from './bookings';
import { createScheduler, type Scheduler } from './scheduler';
import { openDatabase, type Database } from './db/database';
import { migrate } from './db/migrate';
import { HelplineBot } from './helplineBot';
import { createLocaliser } from './i18n';
import { createIdHasher, resolveSecret, type IdHasher } from './ids';
import { createLogger, type Logger } from './logger';
import { forgetConversation, startRetentionJob } from './retention';
import { RuleBook } from './rules';
import { PostgresStorage } from './storage/postgresStorage';
import { createTurnErrorHandler, failSafeMessage } from './turnErrorHandler';
import { createTurnLock } from './turnLock';

export interface AppOptions {
  config: Config;
  clock?: Clock;
  logger?: Logger;
  /** An already open database (tests); otherwise one is opened from the config. */
  database?: Database;
  contentDirectory?: string;
  /** Tests tick the scheduler themselves, with the clock set. */
  startScheduler?: boolean;
}

export interface App {
  readonly config: Config;
  readonly server: Server;
  readonly adapter: CloudAdapter;
  readonly db: Database;
  readonly content: Content;
  readonly audit: AuditLog;
  readonly services: DialogServices;
  readonly scheduler: Scheduler;
  readonly hashId: IdHasher;
  readonly logger: Logger;
  readonly sms: { sender: SmsSender; inbox: SmsInbox; conversationIdFor(phone: string): string };
  /** Runs one turn through the per-conversation lock and the bot. */
  runTurn(context: TurnContext): Promise<void>;
  listen(port?: number, host?: string): Promise<string>;
  /** Stops taking requests, lets turns in flight finish, then closes the database. */
  close(): Promise<void>;
}

export async function buildApp(options: AppOptions): Promise<App> {
  const { config } = options;
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const content = loadContent({ area: config.AREA, directory: options.contentDirectory });

  const db = options.database ?? (await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR }));
  let retention: { stop(): void } | undefined;
  let scheduler: Scheduler | undefined;
  try {
    await migrate(db);
    const hashId = createIdHasher(await resolveSecret(db, 'id-hash', config.ID_HASH_SECRET));
    const audit = createAuditLog(db, clock, hashId, content.version);
    const storage = new PostgresStorage(db, clock);
    const conversationState = new ConversationState(storage);
    const userState = new UserState(storage);
    const localiser = createLocaliser(content);
    const rules = new RuleBook(content.rules);

    const adapter = new CloudAdapter(
      new ConfigurationBotFrameworkAuthentication({
        MicrosoftAppId: config.MICROSOFT_APP_ID,
        MicrosoftAppPassword: config.MICROSOFT_APP_PASSWORD,
        MicrosoftAppType: config.MICROSOFT_APP_TYPE,
        MicrosoftAppTenantId: config.MICROSOFT_APP_TENANT_ID,
      }),
    );
    const gateway =
      config.TWILIO_ACCOUNT_SID && config.TWILIO_AUTH_TOKEN && config.TWILIO_FROM_NUMBER
        ? createTwilioGateway({
            accountSid: config.TWILIO_ACCOUNT_SID,
            authToken: config.TWILIO_AUTH_TOKEN,
            from: config.TWILIO_FROM_NUMBER,
            apiBaseUrl: config.TWILIO_API_BASE_URL,
            maxAttempts: config.TWILIO_MAX_ATTEMPTS,
            retryBaseMs: config.TWILIO_RETRY_BASE_MS,
            timeoutMs: config.TWILIO_TIMEOUT_MS,
            logger,
          })
        : createLoggingGateway(logger);
    const sms = createSmsSender({ gateway, optOuts: createOptOuts(db, clock, hashId), audit, logger, hashId });
    const smsAdapter = new SmsAdapter({ sender: sms, localiser, hashId, clock });
    // The widget's Direct Line is mounted on the server below; proactive messages wait for it.
    let directLine: DirectLine | undefined;
    const deliverer = createDeliverer({
      sms: (phone, texts, auditKey) => sms.send(phone, texts.join('\n\n'), auditKey),
      directline: async (conversationId, texts) => {
        if (!directLine) return 'failed';
        await directLine.adapter.sendProactive(conversationId, texts);
        return 'sent';
      },
      conversation: async (reference, texts) => {
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
          logger.warn({ err, channel: reference.channelId }, 'proactive message not delivered');
          return 'failed';
        }
      },
    });
    const handoff = createHandoffDesk({ db, clock, area: content.area, localiser, sms, deliverer, audit, hashId, logger });
    const bookings = createBookingDesk({ db, clock, area: content.area, timeZone: config.TZ, hashId });
    scheduler = createScheduler({ db, clock, deliverer, localiser, audit, hashId, logger });
    const services: DialogServices = {
      clock,
      timeZone: config.TZ,
      area: content.area,
      localiser,
      rules,
      audit,
      danger: createDangerDetector(content.danger),
      dates: createDateReader({ clock, timeZone: config.TZ }),
      conversationState,
      userState,
      retentionDays: config.RETENTION_DAYS,
      handoff,
      bookings,
      scheduler,
      sms,
    };
    const bot = new HelplineBot({
      conversationState,
      userState,
      root: new RootDialog(services),
      services,
      forget: (conversationId) => forgetConversation(db, clock, conversationId, hashId(conversationId)),
    });

    const onTurnError = createTurnErrorHandler({ logger, localiser, rules, hashId });
    adapter.onTurnError = onTurnError;
    smsAdapter.onTurnError = onTurnError;

    const turnLock = createTurnLock(db);
    const runTurn = (context: TurnContext) =>
      turnLock.run(`${context.activity.channelId}/${context.activity.conversation.id}`, () => bot.run(context));

    let shuttingDown = false;
    const server = createHttpServer(config, logger);
    server.get('/healthz', async (_req, res) => {
      if (shuttingDown) {
        res.send(503, { status: 'shutting-down' });
        return;
      }
      try {
        await db.query('select 1');
        res.send(200, { status: 'ok' });
      } catch {
        res.send(503, { status: 'storage-unavailable' });
      }
    });
    server.post('/api/messages', createMessagesHandler({ adapter, runTurn, isShuttingDown: () => shuttingDown }));
    directLine = mountDirectLine({
      server,
      store: createDirectLineStore(db, clock),
      tokens: createTokenIssuer(await resolveSecret(db, 'directline-token', config.DIRECTLINE_TOKEN_SECRET), clock, config.DIRECTLINE_TOKEN_TTL_SECONDS),
      runTurn,
      onTurnError,
      logger,
      isShuttingDown: () => shuttingDown,
      generateRate: { burst: config.DIRECTLINE_GENERATE_BURST, perSecond: config.DIRECTLINE_GENERATE_PER_SECOND },
    });
    const smsInbox = createSmsInbox({
      db,
      clock,
      adapter: smsAdapter,
      sender: sms,
      handoff,
      localiser,
      rules,
      turnLock,
      runBot: (context) => bot.run(context),
      failSafeText: failSafeMessage(localiser, rules),
      logger,
    });
    server.post(
      '/api/sms',
      createSmsHandler({
        twilio:
          gateway.live && config.TWILIO_AUTH_TOKEN && config.PUBLIC_BASE_URL
            ? { authToken: config.TWILIO_AUTH_TOKEN, publicBaseUrl: config.PUBLIC_BASE_URL }
            : undefined,
        inbox: smsInbox,
        failSafeText: failSafeMessage(localiser, rules),
        logger,
        isShuttingDown: () => shuttingDown,
      }),
    );
    void smsInbox.recover().catch((err: unknown) => logger.warn({ err }, 'pending texts could not be recovered'));

    mountPages({ server, localiser, quickExitUrl: config.QUICK_EXIT_URL, retentionDays: config.RETENTION_DAYS });
    server.get('/api/bookings', createBookingsHandler({ token: config.STAFF_API_TOKEN, bookings, timeZone: config.TZ }));

    retention = startRetentionJob({ db, clock, retentionDays: config.RETENTION_DAYS, logger });
    if (options.startScheduler ?? true) scheduler.start(config.SCHEDULER_INTERVAL_MS);
    if (!config.TWILIO_ACCOUNT_SID) logger.info('Twilio is not configured: SMS are not sent; outbound texts are logged instead.');

    const close = async () => {
      if (shuttingDown) return;
      shuttingDown = true;
      retention?.stop();
      scheduler?.stop();
      // Open streams would keep the server from closing.
      directLine?.close();
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      const grace = new Promise<void>((resolve) => setTimeout(resolve, config.SHUTDOWN_GRACE_MS).unref());
      await Promise.race([Promise.all([smsInbox.idle(), turnLock.idle(), stopped]), grace]);
      await db.close();
    };

    return {
      config,
      server,
      adapter,
      db,
      content,
      audit,
      services,
      scheduler,
      hashId,
      logger,
      sms: { sender: sms, inbox: smsInbox, conversationIdFor: (phone) => smsAdapter.conversationIdFor(phone) },
      runTurn,
      async listen(port = config.PORT, host = config.HOST) {
        await new Promise<void>((resolve, reject) => {
          server.once('error', reject);
          server.listen(port, host, () => resolve());
        });
        const address = server.address() as AddressInfo;
        return `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
      },
      close,
    };
  } catch (error) {
    retention?.stop();
    scheduler?.stop();
    if (!options.database) await db.close().catch(() => undefined);
    throw error;
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function createHttpServer(config: Config, logger: Logger): Server {
  const server = restify.createServer({ name: 'helpline-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: config.MAX_BODY_BYTES, mapParams: false, mapFiles: false }));
  // Clients see no internals on a 5xx; the log has the detail and the request id.
  server.on('restifyError', (req, _res, err, callback) => {
    if ((err.statusCode ?? 500) >= 500) {
      logger.error({ err, requestId: req.id() }, 'request failed');
      err.toJSON = () => ({ code: 'InternalError', message: 'Something went wrong.', requestId: req.id() });
    }
    return callback();
  });
  server.on('after', (req, res) => {
    logger.debug({ requestId: req.id(), method: req.method, path: req.path(), status: res.statusCode }, 'request');
  });
  return server;
}
