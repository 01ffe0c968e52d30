// Where texts leave the bot: Twilio's REST API (or a compatible gateway at TWILIO_API_BASE_URL),
// or, with no Twilio settings, the log. Failures that may pass (5xx, 429, timeouts, network)
// are retried with backoff a bounded number of times; a recipient who has unsubscribed is
// reported as such, not retried.
import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';
import type { Logger } from '../../bot/platform/logger';
import { countSegments } from './segments';

export type SendOutcome = { status: 'sent'; sid: string } | { status: 'opted-out' } | { status: 'failed'; reason: string };

export interface TextGateway {
  readonly live: boolean;
  send(to: string, body: string): Promise<SendOutcome>;
}

/** Twilio's error for a recipient who texted STOP. */
const UNSUBSCRIBED_RECIPIENT = 21610;
const TWILIO_API = 'https://api.twilio.com';

export interface TwilioGatewayOptions {
  accountSid: string;
  authToken: string;
  from: string;
  apiBaseUrl?: string | undefined;
  maxAttempts: number;
  retryBaseMs: number;
  timeoutMs: number;
  logger: Logger;
}

export function createTwilioGateway(options: TwilioGatewayOptions): TextGateway {
  const httpClient = new RebasingRequestClient(options.apiBaseUrl, options.timeoutMs);
  const client = twilio(options.accountSid, options.authToken, { httpClient });
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  return {
    live: true,
    async send(to, body) {
      let reason = '';
      for (let attempt = 1; attempt <= options.maxAttempts; attempt += 1) {
        try {
          const message = await client.messages.create({ to, from: options.from, body });
          return { status: 'sent', sid: message.sid };
        } catch (error) {
          const { status, code } = error as { status?: number; code?: number };
          if (code === UNSUBSCRIBED_RECIPIENT) return { status: 'opted-out' };
          reason = status ? `HTTP ${status}${code ? ` (Twilio ${code})` : ''}` : (error as Error).message;
          const retryable = status === undefined || status === 429 || status >= 500;
          options.logger.warn({ attempt, reason, retryable }, 'text not sent');
          if (!retryable) break;
          if (attempt < options.maxAttempts) await sleep(options.retryBaseMs * 2 ** (attempt - 1));
        }
      }
      return { status: 'failed', reason };
    },
  };
}

/** With no Twilio settings the bot still runs; what it would send is logged (length, not words). */
export function createLoggingGateway(logger: Logger): TextGateway {
  let sequence = 0;
  return {
    live: false,
    async send(_to, body) {
      sequence += 1;
      const { segments, encoding } = countSegments(body);
      logger.info({ characters: body.length, segments, encoding }, 'text not sent: Twilio is not configured');
      return { status: 'sent', sid: `logged-${sequence}` };
    },
  };
}

type RequestOptions<TData> = RequestClient.RequestOptions<TData>;

/** Sends Twilio's REST calls to another base URL (a compatible gateway, or a local fake). */
class RebasingRequestClient extends twilio.RequestClient {
  constructor(
    private readonly baseUrl: string | undefined,
    timeout: number,
  ) {
    // A connection per text: texts are few, and this way the same code runs under the tests'
    // nock fake of Twilio, which does not answer keep-alive requests (nock issue 2918).
    super({ timeout, keepAlive: false });
  }

  override request<TData>(opts: RequestOptions<TData>) {
    const uri = this.baseUrl && opts.uri.startsWith(TWILIO_API) ? `${this.baseUrl}${opts.uri.slice(TWILIO_API.length)}` : opts.uri;
    return super.request<TData>({ ...opts, uri });
  }
}
