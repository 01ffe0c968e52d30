// A tiny stand-in for Twilio's REST API on loopback: the bot's outbound texts (POST
// /2010-04-01/Accounts/<sid>/Messages.json, form-encoded) are answered 201 with a message
// resource in JSON, counted, and kept per recipient so a simulated texter can wait for the
// replies to what it sent. Also signs inbound webhooks as Twilio does, and can be made slow,
// failing (500s) or down (connections refused) for a while.
import { createServer, type Server } from 'node:http';
import twilio from 'twilio';
import { listen, listenOnSteadyPort } from './processes';

export const TWILIO = {
  accountSid: `AC${'b'.repeat(32)}`,
  authToken: 'bench-auth-token',
  from: '+447700900999',
  publicBaseUrl: 'https://helpline.bench.example',
};

export interface Text {
  to: string;
  body: string;
  at: number;
}

/** How the API misbehaves: each send answered late, answered 500 and not sent, or not listening at all. */
export type TwilioFault = { kind: 'slow'; delayMs: number } | { kind: 'failing' } | { kind: 'down' };

interface Waiter {
  from: number;
  check: (texts: Text[]) => void;
}

export interface FakeTwilio {
  url: string;
  /** Texts sent by the bot since start (or the last reset). */
  count(): number;
  /** Texts that were not Messages.json posts, or could not be read. */
  unexpected(): number;
  reset(): void;
  /** Texts sent to `to` from index `from` on (an index of `sentTo(to).length` taken before sending). */
  sentTo(to: string): Text[];
  /**
   * Resolves with the texts sent to `to` from index `from` once `matches` holds for them and no
   * other text has come for `quietMs` (a turn's reply may be sent in several parts), or with
   * whatever came by `timeoutMs`. `lastAt` is when the last of them came.
   */
  waitFor(
    to: string,
    from: number,
    matches: (texts: Text[]) => boolean,
    timeoutMs: number,
    quietMs: number,
  ): Promise<{ texts: Text[]; matched: boolean; lastAt: number | undefined }>;
  /** Drops what is kept for a number (its journey is over). */
  forget(to: string): void;
  /** The X-Twilio-Signature Twilio would send with these form fields to PUBLIC_BASE_URL/api/sms. */
  sign(params: Record<string, string>): string;
  /** From now on the API misbehaves so; undefined puts it right. */
  setFault(fault: TwilioFault | undefined): Promise<void>;
  /** Sends answered 500 so far. */
  refused(): number;
  close(): Promise<void>;
}

/** The bot's settings for texting through this fake, signed as `sign` signs. */
export function twilioEnv(fake: Pick<FakeTwilio, 'url'>): Record<string, string> {
  return {
    TWILIO_ACCOUNT_SID: TWILIO.accountSid,
    TWILIO_AUTH_TOKEN: TWILIO.authToken,
    TWILIO_FROM_NUMBER: TWILIO.from,
    PUBLIC_BASE_URL: TWILIO.publicBaseUrl,
    TWILIO_API_BASE_URL: fake.url,
  };
}

/** `delayMs`: how long each send takes to be answered (a slow provider). */
export async function startFakeTwilio(delayMs = 0): Promise<FakeTwilio> {
  const byNumber = new Map<string, Text[]>();
  const waiters = new Map<string, Set<Waiter>>();
  let total = 0;
  let odd = 0;
  let failed = 0;
  let sequence = 0;
  let fault: TwilioFault | undefined;
  const messagesPath = `/2010-04-01/Accounts/${TWILIO.accountSid}/Messages.json`;

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== messagesPath) {
        odd += 1;
        res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 20404, message: 'Not Found', status: 404 }));
        return;
      }
      if (fault?.kind === 'failing') {
        failed += 1;
        res
          .writeHead(500, { 'content-type': 'application/json' })
          .end(JSON.stringify({ code: 20500, message: 'Internal Server Error', status: 500 }));
        return;
      }
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const text: Text = { to: form.get('To') ?? '', body: form.get('Body') ?? '', at: performance.now() };
      total += 1;
      const list = byNumber.get(text.to) ?? [];
      list.push(text);
      byNumber.set(text.to, list);
      for (const waiter of waiters.get(text.to) ?? []) waiter.check(list.slice(waiter.from));
      const sid = `SM${(++sequence).toString(16).padStart(32, '0')}`;
      const now = new Date().toUTCString();
      const answer = () =>
        res.writeHead(201, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            sid,
            account_sid: TWILIO.accountSid,
            to: text.to,
            from: form.get('From') ?? TWILIO.from,
            body: text.body,
            status: 'queued',
            num_segments: '1',
            direction: 'outbound-api',
            api_version: '2010-04-01',
            date_created: now,
            date_updated: now,
            uri: `${messagesPath.replace('.json', '')}/${sid}.json`,
          }),
        );
      const answerAfterMs = fault?.kind === 'slow' ? fault.delayMs : delayMs;
      if (answerAfterMs > 0) setTimeout(answer, answerAfterMs);
      else answer();
    });
  });
  server.keepAliveTimeout = 5_000;
  // A port it can listen on again after being down.
  const port = await listenOnSteadyPort(server);
  const stopListening = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });

  return {
    url: `http://127.0.0.1:${port}`,
    count: () => total,
    unexpected: () => odd,
    reset() {
      total = 0;
      odd = 0;
      byNumber.clear();
    },
    sentTo: (to) => byNumber.get(to) ?? [],
    waitFor(to, from, matches, timeoutMs, quietMs) {
      return new Promise((resolve) => {
        const set = waiters.get(to) ?? new Set<Waiter>();
        waiters.set(to, set);
        let quiet: NodeJS.Timeout | undefined;
        const finish = (matched: boolean) => {
          clearTimeout(timer);
          clearTimeout(quiet);
          set.delete(waiter);
          if (set.size === 0) waiters.delete(to);
          const texts = (byNumber.get(to) ?? []).slice(from);
          resolve({ texts, matched, lastAt: texts[texts.length - 1]?.at });
        };
        // Once the texts match, the turn may still be sending its last parts: wait for a pause.
        const check = (texts: Text[]) => {
          if (!matches(texts)) return;
          clearTimeout(quiet);
          quiet = setTimeout(() => finish(true), quietMs);
        };
        const waiter: Waiter = { from, check };
        const timer = setTimeout(() => finish(false), timeoutMs);
        set.add(waiter);
        check((byNumber.get(to) ?? []).slice(from));
      });
    },
    forget: (to) => {
      byNumber.delete(to);
    },
    sign: (params) => twilio.getExpectedTwilioSignature(TWILIO.authToken, `${TWILIO.publicBaseUrl}/api/sms`, params),
    async setFault(next) {
      const wasDown = fault?.kind === 'down';
      fault = next;
      if (next?.kind === 'down' && !wasDown) await stopListening();
      if (next?.kind !== 'down' && wasDown) await listen(server, port);
    },
    refused: () => failed,
    close: async () => {
      if (fault?.kind !== 'down') await stopListening();
    },
  };
}
