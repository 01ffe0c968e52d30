// The SMS channel. Texts out (Twilio, or the log when it is not configured) exist before the
// bot does, since the dialogs and the handoff desk send them; texts in (POST /api/sms, the
// inbox, the adapter) mount with the other channels, each text one turn of its sender's
// conversation.
import type { Config } from '../../bot/config';
import type { Localiser } from '../../bot/content/i18n';
import type { RuleBook } from '../../bot/content/ruleBook';
import type { Clock } from '../../bot/platform/clock';
import type { IdHasher } from '../../bot/platform/ids';
import type { Logger } from '../../bot/platform/logger';
import type { AuditLog } from '../../bot/store/audit';
import type { Database } from '../../bot/store/database';
import type { Metrics } from '../../bot/platform/metrics';
import type { ChannelHost } from '../channelHost';
import type { HandoffDesk } from '../handoff/handoffDesk';
import { SmsAdapter } from './smsAdapter';
import { createSmsHandler } from './smsEndpoint';
import { createSmsInbox, type SmsInbox } from './smsInbox';
import { createSmsOutbox, type SmsOutbox } from './smsOutbox';
import { createOptOuts, createSmsSender, type SmsSender } from './smsSender';
import { createLoggingGateway, createTwilioGateway } from './textGateway';

type TwilioSettings = Pick<
  Config,
  | 'TWILIO_ACCOUNT_SID'
  | 'TWILIO_AUTH_TOKEN'
  | 'TWILIO_FROM_NUMBER'
  | 'TWILIO_API_BASE_URL'
  | 'TWILIO_MAX_ATTEMPTS'
  | 'TWILIO_RETRY_BASE_MS'
  | 'TWILIO_TIMEOUT_MS'
>;

/** Texts out, through Twilio when all its settings are given (the config checks they come together). */
export function openSmsSender(deps: {
  config: TwilioSettings;
  db: Database;
  clock: Clock;
  audit: AuditLog;
  logger: Logger;
  hashId: IdHasher;
  metrics?: Pick<Metrics, 'smsSegments'>;
}): SmsSender {
  const { config, logger } = deps;
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
  if (!gateway.live) logger.info('Twilio is not configured: SMS are not sent; outbound texts are logged instead.');
  return createSmsSender({
    gateway,
    optOuts: createOptOuts(deps.db, deps.clock, deps.hashId),
    audit: deps.audit,
    logger,
    hashId: deps.hashId,
    ...(deps.metrics ? { metrics: deps.metrics } : {}),
  });
}

export interface SmsChannel {
  sender: SmsSender;
  inbox: SmsInbox;
  outbox: SmsOutbox;
  /**
   * Picks up what an instance that stopped left undone: texts received and never handled, and
   * replies committed and never sent. Returns how many.
   */
  sweep(): Promise<number>;
  /** Sweeps every `everyMs` until stopped (each instance; claims keep them from doing a text twice). */
  startSweeping(everyMs: number): void;
  stopSweeping(): void;
  /** The conversation a number's texts belong to: a keyed hash, never the number. */
  conversationIdFor(phone: string): string;
}

export function mountSms(
  host: ChannelHost,
  deps: {
    config: Pick<Config, 'TWILIO_AUTH_TOKEN' | 'PUBLIC_BASE_URL' | 'TURN_DEADLINE_MS'>;
    db: Database;
    clock: Clock;
    sender: SmsSender;
    handoff: HandoffDesk;
    localiser: Localiser;
    rules: RuleBook;
    hashId: IdHasher;
    /** Whether a text speaks of danger: a phone that sent STOP is still answered then. */
    speaksOfDanger: (text: string) => boolean;
    /** Whether Twilio's webhook (/api/sms) is served: texts can be sent without it. */
    inbound?: boolean;
  },
): SmsChannel {
  const { config, sender } = deps;
  const { logger } = host;
  const outbox = createSmsOutbox({ db: deps.db, clock: deps.clock, sender, logger });
  const adapter = new SmsAdapter({ sender, outbox, localiser: deps.localiser, hashId: deps.hashId, clock: deps.clock });
  adapter.onTurnError = host.failSafe.onTurnError;
  const inbox = createSmsInbox({
    db: deps.db,
    clock: deps.clock,
    adapter,
    sender,
    handoff: deps.handoff,
    localiser: deps.localiser,
    rules: deps.rules,
    runTurn: host.runTurn,
    failSafe: host.failSafe,
    speaksOfDanger: deps.speaksOfDanger,
    logger,
  });
  host.delivery.register('sms', ({ phone }, texts, audit) => sender.send(phone, texts.join('\n\n'), audit));
  if (deps.inbound !== false)
    host.server.post(
      '/api/sms',
      createSmsHandler({
        twilio:
          sender.live && config.TWILIO_AUTH_TOKEN && config.PUBLIC_BASE_URL
            ? { authToken: config.TWILIO_AUTH_TOKEN, publicBaseUrl: config.PUBLIC_BASE_URL }
            : undefined,
        inbox,
        failSafeText: host.failSafe.text(),
        replyWaitMs: config.TURN_DEADLINE_MS,
        logger,
        isShuttingDown: host.isShuttingDown,
      }),
    );
  const sweep = async () => (await outbox.recover()) + (await inbox.recover());
  const sweepLogged = () => void sweep().catch((err: unknown) => logger.warn({ err }, 'pending texts could not be recovered'));
  sweepLogged();
  let sweeping: NodeJS.Timeout | undefined;
  return {
    sender,
    inbox,
    outbox,
    sweep,
    startSweeping(everyMs) {
      sweeping ??= setInterval(sweepLogged, everyMs);
      sweeping.unref();
    },
    stopSweeping() {
      clearInterval(sweeping);
      sweeping = undefined;
    },
    conversationIdFor: (phone) => adapter.conversationIdFor(phone),
  };
}
