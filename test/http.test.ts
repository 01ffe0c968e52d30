// The HTTP edge: health, body limits, malformed input, and a graceful shutdown.
import { get } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { buildApp } from '../bot/app';
import { ManualClock } from '../bot/platform/clock';
import { loadConfig } from '../bot/config';
import type { Database } from '../bot/store/database';
import { createLogger } from '../bot/platform/logger';
import { pgliteInMemory } from './support/databases';
import { allText, Conversation, startHarness, type Harness } from './support/harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ env: { MAX_BODY_BYTES: '8192' } });
});
afterAll(() => harness.close());

const postRaw = (body: string, contentType = 'application/json') =>
  fetch(`${harness.url}/api/messages`, { method: 'POST', headers: { 'content-type': contentType }, body });

it('GET /healthz answers {"status":"ok"} once storage is ready', async () => {
  const response = await fetch(`${harness.url}/healthz`);
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ status: 'ok' });
});

it.each([
  ['invalid JSON', '{"type": "message",', 400],
  ['a JSON array', '[]', 400],
  ['an activity without a conversation', JSON.stringify({ type: 'message', channelId: 'test', serviceUrl: 'x', from: { id: 'u' } }), 400],
  ['an activity without a type', JSON.stringify({ channelId: 'test', serviceUrl: 'x', conversation: { id: 'c' }, from: { id: 'u' } }), 400],
  [
    'a conversation id of 10 kB',
    JSON.stringify({ type: 'message', channelId: 'test', serviceUrl: 'x', conversation: { id: 'c'.repeat(10_000) }, from: { id: 'u' } }),
    413,
  ],
  ['a body over MAX_BODY_BYTES', JSON.stringify({ type: 'message', text: 'x'.repeat(9000) }), 413],
])('%s gets a clear JSON error (%s) and stores nothing', async (_name, body, status) => {
  const before = await harness.app.db.query<{ count: string }>('select count(*)::text as count from bot_state');
  const response = await postRaw(body);
  expect(response.status).toBe(status);
  const json = (await response.json()) as { code?: string; message?: string };
  expect(typeof json.code).toBe('string');
  expect(typeof json.message).toBe('string');
  const after = await harness.app.db.query<{ count: string }>('select count(*)::text as count from bot_state');
  expect(after).toEqual(before);
});

it('without MICROSOFT_APP_ID, an activity naming a serviceUrl off this machine is refused and stores nothing', async () => {
  const before = await harness.app.db.query<{ count: string }>('select count(*)::text as count from bot_state');
  const activity = { type: 'message', channelId: 'emulator', conversation: { id: 'far-away' }, from: { id: 'u' }, text: 'hi' };
  const response = await postRaw(JSON.stringify({ ...activity, serviceUrl: 'https://attacker.example/' }));
  expect(response.status).toBe(403);
  expect(((await response.json()) as { code: string }).code).toBe('ServiceUrlNotAllowed');
  expect(await harness.app.db.query('select count(*)::text as count from bot_state')).toEqual(before);
  // The emulator on this machine is still answered.
  const local = await postRaw(JSON.stringify({ ...activity, serviceUrl: 'http://localhost:9/', deliveryMode: 'expectReplies' }));
  expect(local.status).toBe(200);
});

it('text longer than a message should be is refused with the field named', async () => {
  const response = await postRaw(
    JSON.stringify({
      type: 'message',
      channelId: 'test',
      serviceUrl: 'x',
      conversation: { id: 'c' },
      from: { id: 'u' },
      text: 'y'.repeat(4001),
    }),
  );
  expect(response.status).toBe(400);
  expect(((await response.json()) as { message: string }).message).toMatch(/^text: /);
});

it('a URL too long for the server still gets a JSON error, not a bare refusal', async () => {
  const response = await fetch(`${harness.url}/v3/directline/conversations/x/activities?watermark=${'x'.repeat(20_000)}`);
  expect(response.status).toBe(431);
  expect(((await response.json()) as { error: { message: string } }).error.message).toContain('too large');
});

it("the chat page follows ?lang= before the browser's languages, and only to an approved language", async () => {
  const page = async (query: string) =>
    (await (await fetch(`${harness.url}/chat${query}`, { headers: { 'accept-language': 'en-GB' } })).text())
      .match(/<html lang="([^"]+)" dir="([^"]+)"/)
      ?.slice(1);
  expect(await page('?lang=pl')).toEqual(['pl', 'ltr']);
  expect(await page('?lang=ar')).toEqual(['ar', 'rtl']);
  expect(await page('?lang=cy')).toEqual(['en-GB', 'ltr']);
  expect(await page('')).toEqual(['en-GB', 'ltr']);
});

it('no site but this one may show the chat in a frame, unless the council names it (WIDGET_EMBED_ORIGINS)', async () => {
  const policy = (await fetch(`${harness.url}/chat`)).headers.get('content-security-policy') ?? '';
  expect(policy).toContain("frame-ancestors 'self'");
  expect(policy).not.toMatch(/frame-ancestors[^;]*\*/);
  // The page may open connections to this server only, not to any WebSocket host.
  expect(policy).toMatch(/connect-src 'self'(;|$)/);
  expect(policy).not.toMatch(/connect-src[^;]*(ws:|wss:)\s/);
  expect((await fetch(`${harness.url}/chat`)).headers.get('strict-transport-security')).toBeNull();
});

it('with an https PUBLIC_BASE_URL: HSTS on every answer, the stream URL and connect-src from it, whatever Host says', async () => {
  const behindTls = await startHarness({ env: { PUBLIC_BASE_URL: 'https://help.example.gov.uk' } });
  try {
    const page = await fetch(`${behindTls.url}/chat`);
    expect(page.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
    expect(page.headers.get('content-security-policy')).toContain("connect-src 'self' wss://help.example.gov.uk;");
    expect((await fetch(`${behindTls.url}/nothing-here`)).headers.get('strict-transport-security')).toMatch(/max-age/);
    const { token } = (await (await fetch(`${behindTls.url}/v3/directline/tokens/generate`, { method: 'POST' })).json()) as {
      token: string;
    };
    const started = await fetch(`${behindTls.url}/v3/directline/conversations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, host: 'evil.example' },
    });
    const { streamUrl } = (await started.json()) as { streamUrl: string };
    expect(streamUrl).toMatch(/^wss:\/\/help\.example\.gov\.uk\/v3\/directline\/conversations\//);
  } finally {
    await behindTls.close();
  }
});

it("the page's own words in another approved language (the widget follows a switch made in the chat); any other is a 404", async () => {
  const polish = await fetch(`${harness.url}/widget/words?lang=pl`);
  expect(polish.status).toBe(200);
  const words = (await polish.json()) as { locale: string; dir: string; text: Record<string, string>; html: Record<string, string> };
  expect(words).toMatchObject({ locale: 'pl', dir: 'ltr', text: { quickExit: 'Szybkie wyjście' } });
  expect(words.html.dangerLine).toContain('<a href="tel:999">999</a>');
  expect(((await (await fetch(`${harness.url}/widget/words?lang=ar`)).json()) as { dir: string }).dir).toBe('rtl');
  for (const lang of ['xx', 'cy', '<script>', ''])
    expect((await fetch(`${harness.url}/widget/words?lang=${encodeURIComponent(lang)}`)).status).toBe(404);
});

/** A GET with exactly these headers, its body as sent (fetch would ask for and undo compression itself). */
const rawGet = (url: string, headers: Record<string, string>) =>
  new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    get(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });

it("the Web Chat bundle is sent compressed as the browser accepts, with an ETag, and cached for good at the page's versioned address", async () => {
  const page = await (await fetch(`${harness.url}/chat`)).text();
  const bundleUrl = /<script src="(\/widget\/webchat\.js\?v=[\w-]+)"/.exec(page)?.[1] ?? '';
  expect(bundleUrl).not.toBe('');
  const plain = await rawGet(`${harness.url}${bundleUrl}`, {});
  expect(plain.headers['content-encoding']).toBeUndefined();
  expect(plain.headers['cache-control']).toContain('immutable');
  const brotli = await rawGet(`${harness.url}${bundleUrl}`, { 'accept-encoding': 'gzip, deflate, br' });
  expect(brotli.headers['content-encoding']).toBe('br');
  expect(brotli.body.length).toBeLessThan(plain.body.length / 4);
  expect(brotliDecompressSync(brotli.body).equals(plain.body)).toBe(true);
  const gzip = await rawGet(`${harness.url}${bundleUrl}`, { 'accept-encoding': 'gzip;q=1, br;q=0' });
  expect(gzip.headers['content-encoding']).toBe('gzip');
  expect(gunzipSync(gzip.body).equals(plain.body)).toBe(true);
  // A browser that has it asks again with its ETag and gets nothing to load.
  const again = await rawGet(`${harness.url}${bundleUrl}`, { 'accept-encoding': 'br', 'if-none-match': String(brotli.headers.etag) });
  expect(again.status).toBe(304);
  expect(again.body.length).toBe(0);
  // The bare address still works, for pages that name it, but is cached only for an hour.
  const bare = await rawGet(`${harness.url}/widget/webchat.js`, {});
  expect(bare.body.equals(plain.body)).toBe(true);
  expect(bare.headers['cache-control']).toBe('public, max-age=3600');
  for (const asset of ['widget.js', 'widget.css']) expect(page.includes(`/widget/${asset}?v=`)).toBe(true);
});

it('unknown routes answer JSON 404', async () => {
  const response = await fetch(`${harness.url}/nothing-here`);
  expect(response.status).toBe(404);
  expect(await response.json()).toHaveProperty('code');
});

it('expectReplies returns every reply of the turn in the body', async () => {
  const replies = await harness.conversation().join();
  expect(replies.length).toBeGreaterThanOrEqual(2);
  expect(replies.every((reply) => reply.type === 'message')).toBe(true);
});

it('shutdown lets a turn in flight finish, then closes the database', async () => {
  const real = await pgliteInMemory();
  let closedAt = 0;
  let releaseRead: () => void = () => undefined;
  let signalReadStarted: () => void = () => undefined;
  const readStarted = new Promise<void>((resolve) => (signalReadStarted = resolve));
  let held = false;
  // The first state read of the turn waits until the test lets it go.
  const database: Database = {
    ...real,
    async query(sql, params) {
      if (!held && sql.startsWith('select key, doc')) {
        held = true;
        const released = new Promise<void>((release) => (releaseRead = release));
        signalReadStarted();
        await released;
      }
      return real.query(sql, params);
    },
    close: async () => {
      closedAt = Date.now();
      await real.close();
    },
  };
  const app = await buildApp({
    config: loadConfig({ LOG_LEVEL: 'silent', ID_HASH_SECRET: 'test-secret-test-secret' }),
    clock: new ManualClock('2026-11-24T20:00:00Z'),
    database,
    logger: createLogger('silent'),
  });
  const url = await app.listen(0, '127.0.0.1');
  const turn = new Conversation(url, 'in-flight').join();
  await readStarted;
  const closing = app.close();
  releaseRead();
  const replies = await turn;
  const repliedAt = Date.now();
  await closing;
  expect(allText(replies)).toContain('999');
  expect(closedAt).toBeGreaterThanOrEqual(repliedAt - 50);
  expect(closedAt).toBeGreaterThan(0);
});

it('CHANNELS leaves a way in out entirely: without botframework there is no /api/messages; without the widget, no page', async () => {
  const widgetAndTexts = await startHarness({ env: { CHANNELS: 'widget,sms' } });
  try {
    const messages = await fetch(`${widgetAndTexts.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(messages.status).toBe(404);
    expect((await fetch(`${widgetAndTexts.url}/`)).status).toBe(200);
    expect((await fetch(`${widgetAndTexts.url}/livez`)).status).toBe(200);
  } finally {
    await widgetAndTexts.close();
  }
  const endpointOnly = await startHarness({ env: { CHANNELS: 'botframework' } });
  try {
    expect((await fetch(`${endpointOnly.url}/`)).status).toBe(404);
    expect((await fetch(`${endpointOnly.url}/api/sms`, { method: 'POST' })).status).toBe(404);
    expect((await endpointOnly.conversation().say('hello')).length).toBeGreaterThan(0);
  } finally {
    await endpointOnly.close();
  }
});
