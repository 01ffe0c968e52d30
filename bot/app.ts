// Builds the whole bot from a config object and returns it. buildApp reads as a table of
// contents: storage and content, the services the dialogs use, the bot and the one way to run
// its turns, then each channel mounted on the HTTP server. Tests call this in process;
// bot/server.ts only listens and handles signals.
import { ConversationState, UserState, type CloudAdapter } from 'botbuilder';
import type { Duplex } from 'node:stream';
import restify, { type Request, type Response, type Server } from 'restify';
import { mountBotFramework } from '../channels/botframework/botFrameworkChannel';
import type { ChannelHost } from '../channels/channelHost';
import { createHandoffDesk } from '../channels/handoff/handoffDesk';
import { mountSms, openSmsSender, type SmsChannel } from '../channels/sms/smsChannel';
import { mountStaff } from '../channels/staff/staffChannel';
import { mountWebChat } from '../channels/webchat/webChatChannel';
import { RootDialog } from '../dialogs/root/rootDialog';
import type { DialogServices } from './turn/services';
import { createAuditLog, type AuditLog } from './store/audit';
import { systemClock, type Clock } from './platform/clock';
import type { Config } from './config';
import { councilFactsOf, isConfirmed, renderRuleBook } from './content/ruleBookPage';
import { loadContent, type Content } from './content/loadContent';
import { createUnderstanding, dangerLanguagesOf } from './understanding/understand';
import { DEFAULT_LOCALE } from './content/vocabulary';
import { createDateReader } from './understanding/dateReader';
import { createDeliverer, type Deliverer } from './turn/delivery';
import { createBookingDesk } from './bookings/bookingDesk';
import { createScheduler, type Scheduler } from './scheduled/scheduler';
import { openDatabase, type Database } from './store/database';
import { migrate } from './store/migrate';
import { HelplineBot } from './turn/helplineBot';
import { createLocaliser } from './content/i18n';
import { createIdHasher, resolveIdHashSecret, type IdHasher } from './platform/ids';
import { createLogger, type Logger } from './platform/logger';
import { forgetConversation, startRetentionJob } from './scheduled/retention';
import { RuleBook } from './content/ruleBook';
import { PostgresStorage } from './store/postgresStorage';
import { createFailSafe } from './turn/failSafe';
import { createMetrics, type Metrics } from './platform/metrics';
import { createTurnRunner, type RunTurn } from './turn/runTurn';
import { createTurnLock } from './turn/turnLock';
import { clientAddressReader } from './http/clientAddress';
import { bearerTokenCheck } from './http/bearerToken';

/** What restify hands its error event: the error, and how a client is to see it. */
type RestifyError = Error & { statusCode?: number; toJSON?: () => object };

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
  /** The Bot Framework adapter, when the endpoint is offered (`CHANNELS`). */
  readonly adapter: CloudAdapter | undefined;
  readonly db: Database;
  readonly content: Content;
  readonly audit: AuditLog;
  readonly services: DialogServices;
  readonly scheduler: Scheduler;
  /** Messages to a conversation outside its turns, through the channel it lives on. */
  readonly deliverer: Deliverer;
  readonly hashId: IdHasher;
  readonly logger: Logger;
  readonly sms: SmsChannel;
  /** Runs one turn as every channel does: the conversation's lock, then `first`, then the bot. */
  readonly runTurn: RunTurn;
  listen(port?: number, host?: string): Promise<string>;
  /** Stops taking requests, lets turns in flight finish, then closes the database. */
  close(): Promise<void>;
}

export async function buildApp(options: AppOptions): Promise<App> {
  const { config } = options;
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const content = loadContent({ area: config.AREA, directory: options.contentDirectory });
  const unconfirmed = councilFactsOf(content).filter(({ fact }) => !isConfirmed(fact));
  if (unconfirmed.length > 0) {
    logger.warn(
      { area: content.area.id, unconfirmed: unconfirmed.map(({ where }) => where) },
      `${unconfirmed.length} council facts in the ${content.area.name} pack are not yet confirmed by the council: see /rules`,
    );
  }
  if (content.area.guidance.incomplete)
    logger.warn({ area: content.area.id }, `the ${content.area.name} pack is incomplete: ${content.area.guidance.incomplete}`);
  const db =
    options.database ??
    (await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, timeoutMs: config.DATABASE_TIMEOUT_MS }));
  let retention: { stop(): void } | undefined;
  let scheduler: Scheduler | undefined;
  try {
    await migrate(db);
    const hashId = createIdHasher(await resolveIdHashSecret(db, config.ID_HASH_SECRET, config.DATA_DIR));
    const audit = createAuditLog(db, clock, hashId, content.version);
    const localiser = createLocaliser(content);
    const rules = new RuleBook(content.rules);
    const metrics = createMetrics();
    const failSafe = createFailSafe({ localiser, rules, logger, hashId, metrics });
    // Empty until the channels mount and register their routes; nothing delivers before then.
    const delivery = createDeliverer(logger);
    // Texts out exist before the bot: the dialogs and the handoff desk send them.
    const textSender = openSmsSender({ config, db, clock, audit, logger, hashId, metrics });

    const storage = new PostgresStorage(db, clock);
    const conversationState = new ConversationState(storage);
    const userState = new UserState(storage);
    const handoff = createHandoffDesk({
      db,
      clock,
      timeZone: config.TZ,
      area: content.area,
      localiser,
      sms: textSender,
      deliverer: delivery,
      audit,
      hashId,
      logger,
    });
    const bookings = createBookingDesk({ db, clock, area: content.area, timeZone: config.TZ, hashId });
    scheduler = createScheduler({ db, clock, deliverer: delivery, localiser, audit, hashId, logger, timeZone: config.TZ });
    const services: DialogServices = {
      clock,
      timeZone: config.TZ,
      area: content.area,
      localiser,
      rules,
      audit,
      // Danger is heard in every language it has words for, offered or not ("ځان وژني" in Kent).
      understanding: createUnderstanding(content, { dangerAlwaysIn: [...content.area.languages, ...dangerLanguagesOf(content)] }),
      dates: createDateReader({
        clock,
        timeZone: config.TZ,
        sayings: content.understanding.en?.times,
        sayingsByLanguage: Object.fromEntries(Object.entries(content.understanding).map(([language, words]) => [language, words.times])),
        schoolDayByLanguage: Object.fromEntries(
          Object.entries(content.understanding).map(([language, words]) => [language, words.schoolDay]),
        ),
        notThenByLanguage: Object.fromEntries(Object.entries(content.understanding).map(([language, words]) => [language, words.notThen])),
        halfPastByLanguage: Object.fromEntries(
          Object.entries(content.understanding).map(([language, words]) => [language, words.halfPast]),
        ),
        takenBackByLanguage: Object.fromEntries(
          Object.entries(content.understanding).map(([language, words]) => [language, words.timeTakenBack]),
        ),
      }),
      conversationState,
      userState,
      handoff,
      bookings,
      scheduler,
      sms: textSender,
    };
    const bot = new HelplineBot({
      conversationState,
      userState,
      root: new RootDialog(services),
      services,
      forget: (conversationId) => forgetConversation(db, clock, conversationId, hashId(conversationId)),
      saveTogether: (save, alsoWrite) => storage.writeTogether(save, alsoWrite),
      metrics,
    });
    const turns = createTurnRunner({
      lock: createTurnLock(db),
      bot,
      failSafe,
      commit: (writes) => storage.writeTogether(async () => undefined, writes),
      deadlineMs: config.TURN_DEADLINE_MS,
      metrics,
    });

    // The channels, each mounted on the server; they register their delivery routes as they do.
    let shuttingDown = false;
    const server = createHttpServer(config, logger);
    mountHealth(server, db, () => shuttingDown);
    mountMetrics(server, metrics, config.METRICS_TOKEN);
    mountRuleBook(server, content);
    const host: ChannelHost = {
      server,
      runTurn: turns.run,
      failSafe,
      delivery,
      logger,
      clientAddress: clientAddressReader(config.TRUST_PROXY),
      isShuttingDown: () => shuttingDown,
    };
    const channels = new Set(config.CHANNELS);
    const adapter = channels.has('botframework') ? mountBotFramework(host, { config, db, clock, hashId }).adapter : undefined;
    const webChat = channels.has('widget') ? await mountWebChat(host, { config, db, clock, localiser, hashId }) : undefined;
    // Texts to staff and reminders by text still go out without the inbound webhook.
    const speaksOfDanger = (text: string): boolean => {
      const reading = services.understanding.read(text, DEFAULT_LOCALE);
      return reading.danger.length > 0 || reading.concern.length > 0 || reading.disclosures.length > 0;
    };
    const sms = mountSms(host, {
      config,
      db,
      clock,
      sender: textSender,
      handoff,
      localiser,
      rules,
      hashId,
      speaksOfDanger,
      inbound: channels.has('sms'),
    });
    mountStaff(host, { config, bookings, db, clock, hashId });

    retention = startRetentionJob({ db, clock, retentionDays: config.RETENTION_DAYS, logger });
    // The date recognizers build their tables on first use (a third of a second, far more on a busy
    // machine): do it once the server is up, not inside the first person's turn at a time question.
    setImmediate(() => services.dates.readPast('yesterday at 9pm'));
    if (options.startScheduler ?? true) {
      scheduler.start(config.SCHEDULER_INTERVAL_MS);
      sms.startSweeping(config.SCHEDULER_INTERVAL_MS);
    }

    const close = async () => {
      if (shuttingDown) return;
      shuttingDown = true;
      retention?.stop();
      scheduler?.stop();
      sms.stopSweeping();
      webChat?.close();
      const stopped = new Promise<void>((resolve) => {
        server.close(() => resolve());
      });
      const grace = new Promise<void>((resolve) => setTimeout(resolve, config.SHUTDOWN_GRACE_MS).unref());
      await Promise.race([Promise.all([sms.inbox.idle(), turns.idle(), stopped]), grace]);
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
      deliverer: delivery,
      hashId,
      logger,
      sms,
      runTurn: turns.run,
      listen: (port = config.PORT, address = config.HOST) => listen(server, port, address),
      close,
    };
  } catch (error) {
    retention?.stop();
    scheduler?.stop();
    if (!options.database) await db.close().catch(() => undefined);
    throw error;
  }
}

/** GET /rules: the rule book the bot is serving, for anyone to read (no personal data in it). */
function mountRuleBook(server: Server, content: Content): void {
  // Drawn on first request: a quarter of a second that a start need not wait for.
  let page: string | undefined;
  server.get('/rules', async (_req, res) => {
    page ??= renderRuleBook(content);
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy':
        "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
      'Cache-Control': 'no-cache',
    });
    res.end(page);
  });
}

/**
 * GET /livez: 200 while the process serves requests (a liveness probe: a database blip must not
 * restart the pod). GET /readyz and /healthz: 200 once storage answers; 503 while it does not, or
 * while shutting down (a readiness probe takes the instance out of the load balancer).
 */
function mountHealth(server: Server, db: Database, isShuttingDown: () => boolean): void {
  server.get('/livez', async (_req, res) => {
    res.send(200, { status: 'alive' });
  });
  const ready = async (_req: Request, res: Response): Promise<void> => {
    if (isShuttingDown()) {
      res.send(503, { status: 'shutting-down' });
      return;
    }
    try {
      await db.query('select 1');
      res.send(200, { status: 'ok' });
    } catch {
      res.send(503, { status: 'storage-unavailable' });
    }
  };
  server.get('/readyz', ready);
  server.get('/healthz', ready);
}

/**
 * GET /metrics in Prometheus's text format, for a scraper holding METRICS_TOKEN (compared in
 * constant time, whatever its length); off without one.
 */
function mountMetrics(server: Server, metrics: Metrics, token: string | undefined): void {
  const carriesToken = bearerTokenCheck(token);
  server.get('/metrics', async (req: Request, res: Response) => {
    if (!carriesToken) {
      res.send(404, { code: 'NotFound', message: 'Metrics are off: set METRICS_TOKEN to turn them on.' });
      return;
    }
    if (!carriesToken(req)) {
      res.header('WWW-Authenticate', 'Bearer');
      res.send(401, { code: 'Unauthorized', message: 'A valid metrics token is required.' });
      return;
    }
    res.sendRaw(200, await metrics.registry.metrics(), { 'Content-Type': metrics.registry.contentType });
  });
}

async function listen(server: Server, port: number, host: string): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  return `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
}

/** What a client is told of a failure inside the bot: nothing of its internals, and the numbers to call. */
const INTERNAL_ERROR_MESSAGE = 'Something went wrong. In danger now, call 999. Police non-emergency: 101. Missing People: 116 000.';

const QUIET_ROUTES = new Set(['/livez', '/readyz', '/healthz', '/metrics']);

const KEEP_ALIVE_MS = 65_000;

function createHttpServer(config: Config, logger: Logger): Server {
  const server = restify.createServer({ name: 'helpline-bot', handleUncaughtExceptions: false });
  // Longer than a proxy's idle timeout (commonly 60 s): the server never closes a kept-alive
  // connection just as the proxy (or a busy client) sends on it, which the client sees as a reset.
  server.server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.server.headersTimeout = KEEP_ALIVE_MS + 1000;
  server.use(restify.plugins.bodyParser({ maxBodySize: config.MAX_BODY_BYTES, mapParams: false, mapFiles: false }));
  // Served over HTTPS, browsers are told to come back only that way: a parent on public wifi is
  // not turned to a look-alike page.
  if (config.PUBLIC_BASE_URL?.startsWith('https:')) {
    server.pre((_req: Request, res: Response, next: () => void) => {
      res.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
      next();
    });
  }
  // Clients see no internals on a 5xx; the log has the detail and the request id.
  server.on('restifyError', (req: Request, _res: Response, err: RestifyError, callback: () => void) => {
    if ((err.statusCode ?? 500) >= 500) {
      logger.error({ err, requestId: req.id() }, 'request failed');
      // A handler's rejection (a database error, say) would otherwise be sent as restify's
      // InternalError with the rejection's own text: given a status, it is sent as itself, this way.
      const body = { code: 'InternalError', message: INTERNAL_ERROR_MESSAGE, requestId: req.id() };
      Object.assign(err, { statusCode: err.statusCode ?? 500, body });
      err.toJSON = () => body;
    }
    return callback();
  });
  // Requests Node refuses before restify sees them (a URL or headers too large, a malformed
  // request line) still get a JSON error, as every other bad request does.
  server.server.removeAllListeners('clientError');
  server.server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable) return socket.destroy();
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const body = JSON.stringify({
      error: {
        code: tooLarge ? 'HeadersTooLarge' : 'BadRequest',
        message: tooLarge ? 'The request line or headers are too large.' : 'Malformed request.',
      },
    });
    socket.end(
      `HTTP/1.1 ${tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request'}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
  // One line a request: the route as declared (":conversationId", never the id), the status and
  // the time taken. Probes and scrapes, many a minute, only at debug.
  server.on('after', (req: Request, res: Response) => {
    const route = req.getRoute()?.path;
    const line = {
      requestId: req.id(),
      method: req.method,
      route: typeof route === 'string' ? route : 'unrouted',
      status: res.statusCode,
      ms: Date.now() - req.time(),
    };
    if (QUIET_ROUTES.has(line.route)) logger.debug(line, 'request');
    else logger.info(line, 'request');
  });
  return server;
}
