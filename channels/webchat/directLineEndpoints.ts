// The Direct Line 3.0 subset that Web Chat uses, self-hosted under /v3/directline: tokens,
// conversations, activities with watermarks, and a WebSocket stream. Every call is checked
// against a token scoped to one conversation before anything is read or parsed; activities
// live in the database, so any instance answers any poll or stream.
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Activity, TurnContext } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import { WebSocketServer, type WebSocket } from 'ws';
import { z } from 'zod';
import { LANGUAGE_TAG } from '../../bot/content/localeSchema';
import type { ClientAddressReader } from '../../bot/http/clientAddress';
import type { RateLimiter } from '../../bot/http/rateLimit';
import type { Logger } from '../../bot/platform/logger';
import { DirectLineAdapter } from './directLineAdapter';
import type { DirectLineStore } from './directLineStore';
import type { TokenClaims, TokenIssuer } from './tokens';

const BASE = '/v3/directline';
const STREAM_PATH = /^\/v3\/directline\/conversations\/([A-Za-z0-9_-]{1,64})\/stream$/;
const KEEP_ALIVE_MS = 25_000;
const POLL_MS = 1_000;

const userActivitySchema = z
  .object({
    type: z.enum(['message', 'event', 'typing']),
    text: z.string().max(4000).optional(),
    locale: z.string().max(35).optional(),
    name: z.string().max(256).optional(),
    value: z.unknown().optional(),
    from: z
      .object({ id: z.string().max(256).optional(), name: z.string().max(256).optional() })
      .passthrough()
      .optional(),
    channelData: z
      .object({ clientActivityID: z.string().max(256).optional() })
      .passthrough()
      .optional(),
    attachments: z.array(z.unknown()).max(0, { message: 'attachments are not accepted' }).optional(),
  })
  .passthrough()
  // The activity is kept as JSON in the database, which refuses NUL and half surrogate pairs.
  .refine((activity) => storable(activity), { message: 'contains a NUL character or broken unicode' });

// eslint-disable-next-line no-control-regex -- NUL is exactly what is looked for
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function storable(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return !UNSTORABLE.test(value);
  if (depth > 32 || value === null || typeof value !== 'object') return depth <= 32;
  return Object.entries(value).every(([key, inner]) => !UNSTORABLE.test(key) && storable(inner, depth + 1));
}

export interface DirectLineOptions {
  server: Server;
  store: DirectLineStore;
  tokens: TokenIssuer;
  /** Runs a turn through the conversation's lock and the bot. */
  runTurn: (context: TurnContext) => Promise<void>;
  onTurnError: (context: TurnContext, error: Error) => Promise<void>;
  logger: Logger;
  isShuttingDown: () => boolean;
  /** New conversations per client (POST /tokens/generate). */
  generateLimit: RateLimiter;
  clientAddress: ClientAddressReader;
  /** Proxies stand in front (TRUST_PROXY): only then is X-Forwarded-Proto believed. */
  behindProxy: boolean;
  /** The bot's public address (PUBLIC_BASE_URL): when set, stream URLs are built from it, never from the request. */
  publicBaseUrl?: string;
}

/** The WebSocket origin of a public address: "https://help.example" -> "wss://help.example". */
export const streamOriginOf = (publicBaseUrl: string): string => {
  const url = new URL(publicBaseUrl);
  return `${url.protocol === 'https:' ? 'wss' : 'ws'}://${url.host}`;
};

/** A Host header as a browser sends it: a name or address, and a port. Anything else is not reflected. */
const HOST_HEADER = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

export interface DirectLine {
  adapter: DirectLineAdapter;
  close(): void;
}

const generateBodySchema = z
  .object({
    locale: z.string().regex(LANGUAGE_TAG).optional(),
  })
  .optional();

export function mountDirectLine(options: DirectLineOptions): DirectLine {
  const { server, store, tokens, logger } = options;
  const activity = new EventEmitter().setMaxListeners(0);
  const adapter = new DirectLineAdapter({ store, notify: (conversationId) => activity.emit(conversationId) });
  adapter.onTurnError = options.onTurnError;

  const issue = (claims: TokenClaims) => {
    const issued = tokens.issue(claims);
    return issued && { token: issued.token, expires_in: issued.expiresIn };
  };
  /** The bot's own address as the client reached it, believing a forwarded scheme only from trusted proxies. */
  const publicOrigin = options.publicBaseUrl ? streamOriginOf(options.publicBaseUrl) : undefined;
  const origin = (req: Request): string => {
    if (publicOrigin) return publicOrigin;
    const forwarded = options.behindProxy ? req.header('x-forwarded-proto') : '';
    const secure = forwarded ? forwarded === 'https' : (req.socket as { encrypted?: boolean }).encrypted === true;
    const host = req.header('host');
    const address = req.socket.localAddress ?? '127.0.0.1';
    const own = `${address.includes(':') ? `[${address}]` : address}:${req.socket.localPort ?? 80}`;
    return `${secure ? 'wss' : 'ws'}://${host && HOST_HEADER.test(host) ? host : own}`;
  };
  const streamUrl = (req: Request, claims: TokenClaims, token: string, watermark?: string) => {
    const query = new URLSearchParams({ t: token, ...(watermark ? { watermark } : {}) });
    return `${origin(req)}${BASE}/conversations/${claims.conversationId}/stream?${query}`;
  };

  /** The token's claims; on a bad token the response is sent and undefined returned. */
  const authorise = (req: Request, res: Response, conversationId?: string): { claims: TokenClaims; token: string } | undefined => {
    const token = /^Bearer (.+)$/.exec(req.header('authorization') ?? '')?.[1] ?? '';
    const claims = token ? tokens.verify(token) : undefined;
    if (!claims) {
      // Direct Line 3.0: an expired token is a 403 TokenExpired, which clients act on by getting a new one.
      if (token && tokens.expired(token)) res.send(403, { error: { code: 'TokenExpired', message: 'The token has expired.' } });
      else res.send(401, { error: { code: 'TokenInvalid', message: 'A valid, unexpired token is required.' } });
      return undefined;
    }
    if (conversationId !== undefined && conversationId !== claims.conversationId) {
      res.send(403, { error: { code: 'Forbidden', message: 'This token is for another conversation.' } });
      return undefined;
    }
    return { claims, token };
  };

  const runJoin = async (claims: TokenClaims) => {
    const user = { id: claims.userId, name: '', role: 'user' };
    await adapter.processActivity(
      {
        type: 'conversationUpdate',
        membersAdded: [user],
        from: user,
        conversation: { id: claims.conversationId, isGroup: false, conversationType: 'personal', name: '' },
        ...(claims.locale ? { locale: claims.locale } : {}),
      },
      options.runTurn,
    );
  };

  // CORS for a page on another origin: tokens, not cookies, carry the authority.
  server.pre((req, res, next) => {
    if (!req.url?.startsWith(BASE)) return next();
    res.header('Access-Control-Allow-Origin', '*');
    res.header('Access-Control-Allow-Headers', 'Authorization, Content-Type, x-ms-bot-agent');
    res.header('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    res.header('Access-Control-Max-Age', '600');
    if (req.method === 'OPTIONS') {
      res.send(204);
      return next(false);
    }
    return next();
  });

  server.post(`${BASE}/tokens/generate`, async (req: Request, res: Response) => {
    const verdict = await options.generateLimit.take(options.clientAddress(req));
    if (!verdict.allowed) {
      res.header('Retry-After', String(verdict.retryAfterSeconds));
      res.send(429, {
        error: {
          code: 'TooManyRequests',
          message: `Too many new conversations from this address; try again in ${verdict.retryAfterSeconds} seconds.`,
          retryAfterSeconds: verdict.retryAfterSeconds,
        },
      });
      return;
    }
    const conversationId = `dl${randomBytes(12).toString('base64url')}`;
    const userId = `dl_${randomBytes(9).toString('base64url')}`;
    // The widget says the page's language; anything else is ignored, never refused.
    const asked = generateBodySchema.safeParse(req.body);
    const locale = asked.success ? asked.data?.locale : undefined;
    await store.create(conversationId);
    res.send(200, { conversationId, userId, ...issue({ conversationId, userId, ...(locale ? { locale } : {}) }) });
  });

  // A conversation's tokens are not renewed after "delete my data", nor past their maximum life:
  // the token in hand runs out (at most DIRECTLINE_TOKEN_TTL_SECONDS), and until then the user can
  // still write, so a message about danger still gets its answer.
  server.post(`${BASE}/tokens/refresh`, async (req: Request, res: Response) => {
    const auth = authorise(req, res);
    if (!auth) return;
    const renewed = (await store.forgotten(auth.claims.conversationId)) ? undefined : issue(auth.claims);
    if (!renewed) {
      res.send(403, {
        error: { code: 'TokenExpired', message: 'This conversation can no longer be renewed: start a new chat.' },
      });
      return;
    }
    res.send(200, { conversationId: auth.claims.conversationId, ...renewed });
  });

  server.post(`${BASE}/conversations`, async (req: Request, res: Response) => {
    const auth = authorise(req, res);
    if (!auth) return;
    const { claims, token } = auth;
    if (!(await store.exists(claims.conversationId))) {
      res.send(404, { error: { code: 'BadArgument', message: 'Conversation not found.' } });
      return;
    }
    if (await store.start(claims.conversationId)) await runJoin(claims);
    res.send(201, {
      conversationId: claims.conversationId,
      token,
      expires_in: tokens.secondsLeft(token),
      streamUrl: streamUrl(req, claims, token),
    });
  });

  server.get(`${BASE}/conversations/:conversationId`, async (req: Request, res: Response) => {
    const auth = authorise(req, res, conversationIdOf(req));
    if (!auth) return;
    const watermark = new URL(req.url ?? '/', 'http://x').searchParams.get('watermark') ?? undefined;
    res.send(200, {
      conversationId: auth.claims.conversationId,
      token: auth.token,
      expires_in: tokens.secondsLeft(auth.token),
      streamUrl: streamUrl(req, auth.claims, auth.token, watermark),
    });
  });

  server.post(`${BASE}/conversations/:conversationId/activities`, async (req: Request, res: Response) => {
    const auth = authorise(req, res, conversationIdOf(req));
    if (!auth) return;
    if (options.isShuttingDown()) {
      res.send(503, { error: { code: 'ServiceUnavailable', message: 'The bot is restarting; try again in a moment.' } });
      return;
    }
    const parsed = userActivitySchema.safeParse(req.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      res.send(400, {
        error: { code: 'BadArgument', message: `${issue?.path.join('.') || 'activity'}: ${issue?.message ?? 'is not an activity'}` },
      });
      return;
    }
    const { claims } = auth;
    if (!(await store.exists(claims.conversationId))) {
      res.send(404, { error: { code: 'BadArgument', message: 'Conversation not found.' } });
      return;
    }
    if (parsed.data.type === 'typing') {
      res.send(200, { id: `${claims.conversationId}|typing` });
      return;
    }
    // The user is who the token says, whatever the page wrote in `from`.
    const from = { id: claims.userId, name: parsed.data.from?.name ?? '', role: 'user' };
    const stored = await store.append(claims.conversationId, { ...(parsed.data as Partial<Activity>), from });
    activity.emit(claims.conversationId);
    await adapter.processActivity(stored.activity, options.runTurn, options.clientAddress(req));
    res.send(200, { id: stored.activity.id });
  });

  server.get(`${BASE}/conversations/:conversationId/activities`, async (req: Request, res: Response) => {
    const auth = authorise(req, res, conversationIdOf(req));
    if (!auth) return;
    const after = watermarkOf(new URL(req.url ?? '/', 'http://x'));
    if (after === undefined) {
      res.send(400, { error: { code: 'BadArgument', message: 'watermark: must be a whole number from 0.' } });
      return;
    }
    const rows = await store.after(auth.claims.conversationId, after);
    res.send(200, { activities: rows.map((row) => row.activity), watermark: String(rows[rows.length - 1]?.seq ?? after) });
  });

  // The stream: the token in the query (browsers cannot set headers on a WebSocket).
  const sockets = new WebSocketServer({ noServer: true });
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const match = STREAM_PATH.exec(url.pathname);
    if (!match) return;
    const claims = tokens.verify(url.searchParams.get('t') ?? '');
    if (!claims || claims.conversationId !== match[1]) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    const watermark = watermarkOf(url);
    if (watermark === undefined) {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => stream(ws, claims.conversationId, watermark));
  };
  server.server.on('upgrade', onUpgrade);

  const stream = (ws: WebSocket, conversationId: string, from: number) => {
    let watermark = from;
    let busy = false;
    let again = false;
    const flush = async () => {
      if (busy) {
        again = true;
        return;
      }
      busy = true;
      try {
        do {
          again = false;
          const rows = await store.after(conversationId, watermark);
          const lastRow = rows[rows.length - 1];
          if (lastRow && ws.readyState === ws.OPEN) {
            watermark = lastRow.seq;
            ws.send(JSON.stringify({ activities: rows.map((row) => row.activity), watermark: String(watermark) }));
          }
        } while (again);
      } catch (err) {
        logger.warn({ err }, 'Direct Line stream could not read activities');
      } finally {
        busy = false;
      }
    };
    const onActivity = () => void flush();
    activity.on(conversationId, onActivity);
    // Other instances write too: look now and then, and keep the connection alive.
    const poll = setInterval(() => void flush(), POLL_MS);
    const keepAlive = setInterval(() => ws.readyState === ws.OPEN && ws.send(''), KEEP_ALIVE_MS);
    ws.on('close', () => {
      activity.off(conversationId, onActivity);
      clearInterval(poll);
      clearInterval(keepAlive);
    });
    void flush();
  };

  return {
    adapter,
    close() {
      server.server.off('upgrade', onUpgrade);
      for (const client of sockets.clients) client.terminate();
      sockets.close();
    },
  };
}

/** The activities' numbers are a 32-bit sequence; a larger or malformed watermark is refused, not sent to storage. */
const watermarkSchema = z.coerce
  .number()
  .int()
  .min(0)
  .max(2 ** 31 - 1);

/** The `watermark` in a URL: 0 when absent, undefined when it is not a watermark. */
function watermarkOf(url: URL): number | undefined {
  const given = url.searchParams.get('watermark');
  if (given === null || given === '') return 0;
  const parsed = watermarkSchema.safeParse(given);
  return parsed.success ? parsed.data : undefined;
}

/** The conversation named in the path; restify's params are untyped. */
function conversationIdOf(req: Request): string | undefined {
  const { conversationId } = req.params as { conversationId?: unknown };
  return typeof conversationId === 'string' ? conversationId : undefined;
}
