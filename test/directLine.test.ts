// The self-hosted Direct Line without a browser: tokens scoped and expiring, watermarks,
// the stream, CORS, and proactive messages into the widget's conversation.
import { request as httpRequest } from 'node:http';
import { activitiesAfter, listen, openSession, postActivity, waitFor } from './support/directLine';
import { startHarness, type Harness } from './support/harness';
import { startSmsHarness, type SmsHarness } from './support/sms';
import { CARER_RISKS } from '../bot/content/vocabulary';

let harness: SmsHarness;
beforeAll(async () => {
  harness = await startSmsHarness({ now: '2026-11-24T11:00:00Z', env: { DIRECTLINE_GENERATE_BURST: '200' } });
});
afterAll(() => harness.close());
/** The public stream address reached as the proxy in front of the bot would reach it. */
const throughProxy = (streamUrl: string) => streamUrl.replace('wss://helpline.example.org', harness.url.replace(/^http/, 'ws'));

describe('tokens and conversations', () => {
  it('a new conversation gets the welcome, with the options as suggested actions', async () => {
    const session = await openSession(harness.url);
    // The stream is at the public address (PUBLIC_BASE_URL), as a proxy in front would serve it.
    expect(session.streamUrl).toMatch(
      new RegExp(`^wss://helpline\\.example\\.org/v3/directline/conversations/${session.conversationId}/stream\\?t=`),
    );
    const { body } = await activitiesAfter(harness.url, session);
    expect(body.activities.map((activity) => activity.text).join('\n')).toContain('999');
    expect(body.activities.flatMap((activity) => activity.suggestedActions?.actions.map((action) => action.title) ?? [])).toHaveLength(4);
  });

  it('without PUBLIC_BASE_URL the stream address believes X-Forwarded-Proto only behind trusted proxies, and never reflects a Host that is not a host', async () => {
    const withoutPublicAddress = await startHarness({ now: '2026-11-24T11:00:00Z' });
    const post = (path: string, headers: Record<string, string>) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const request = httpRequest(`${withoutPublicAddress.url}${path}`, { method: 'POST', headers }, (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString()));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
        });
        request.on('error', reject);
        request.end();
      });
    const { token } = JSON.parse((await post('/v3/directline/tokens/generate', {})).body) as { token: string };
    const started = await post('/v3/directline/conversations', {
      authorization: `Bearer ${token}`,
      'x-forwarded-proto': 'https',
      host: 'evil.example/"><script>',
    });
    expect(started.status).toBe(201);
    const { streamUrl } = JSON.parse(started.body) as { streamUrl: string };
    // No TRUST_PROXY here: the scheme is the connection's, and the bad Host gives way to the bot's own address.
    expect(streamUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/v3\/directline\//);
    await withoutPublicAddress.close();
  });

  it("the user's activity is echoed with an id and its clientActivityID, then the bot answers", async () => {
    const session = await openSession(harness.url);
    const { body: before } = await activitiesAfter(harness.url, session);
    const posted = await postActivity(harness.url, session, '1', 'client-42');
    expect(posted.status).toBe(200);
    const { body } = await activitiesAfter(harness.url, session, before.watermark);
    const [echo, ...replies] = body.activities;
    expect(echo).toMatchObject({
      id: posted.body.id,
      text: '1',
      from: { id: session.userId, role: 'user' },
      channelData: { clientActivityID: 'client-42' },
    });
    expect(replies.map((reply) => reply.text).join('\n')).toContain('missing now, or are they back');
  });

  it('a token for conversation A is refused on conversation B (403), and a bad token (401)', async () => {
    const a = await openSession(harness.url);
    const b = await openSession(harness.url);
    const crossed = await fetch(`${harness.url}/v3/directline/conversations/${b.conversationId}/activities`, {
      headers: { authorization: `Bearer ${a.token}` },
    });
    expect(crossed.status).toBe(403);
    const posted = await postActivity(harness.url, { ...b, token: a.token }, 'hello');
    expect(posted.status).toBe(403);
    const forged = await fetch(`${harness.url}/v3/directline/conversations/${a.conversationId}/activities`, {
      headers: { authorization: `Bearer ${a.token}x` },
    });
    expect(forged.status).toBe(401);
  });

  it('an expired token is refused with 403 TokenExpired, as Direct Line 3.0 answers; a refreshed one works', async () => {
    const session = await openSession(harness.url);
    const refreshed = (await (
      await fetch(`${harness.url}/v3/directline/tokens/refresh`, { method: 'POST', headers: { authorization: `Bearer ${session.token}` } })
    ).json()) as { token: string };
    harness.clock.advance(3601 * 1000);
    try {
      const expired = await fetch(`${harness.url}/v3/directline/conversations/${session.conversationId}/activities`, {
        headers: { authorization: `Bearer ${session.token}` },
      });
      expect(expired.status).toBe(403);
      expect(((await expired.json()) as { error: { code: string } }).error.code).toBe('TokenExpired');
    } finally {
      harness.clock.set('2026-11-24T11:00:00Z');
    }
    expect((await activitiesAfter(harness.url, { ...session, token: refreshed.token })).status).toBe(200);
  });

  it('refreshing never carries a conversation past DIRECTLINE_TOKEN_MAX_LIFE_SECONDS (a day) from its first token, and expires_in says so', async () => {
    const refresh = async (token: string) =>
      fetch(`${harness.url}/v3/directline/tokens/refresh`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    const session = await openSession(harness.url);
    let token = session.token;
    let minutes = 0;
    try {
      for (;;) {
        harness.clock.advance(50 * 60 * 1000);
        minutes += 50;
        const response = await refresh(token);
        if (response.status !== 200) {
          expect(response.status).toBe(403);
          break;
        }
        const renewed = (await response.json()) as { token: string; expires_in: number };
        expect(minutes * 60 + renewed.expires_in).toBeLessThanOrEqual(24 * 3600);
        // Reconnecting says how long the token in hand has left, not the usual lifetime.
        const reconnect = await fetch(`${harness.url}/v3/directline/conversations/${session.conversationId}`, {
          headers: { authorization: `Bearer ${renewed.token}` },
        });
        expect(((await reconnect.json()) as { expires_in: number }).expires_in).toBe(renewed.expires_in);
        token = renewed.token;
      }
      expect(minutes).toBeGreaterThanOrEqual(23 * 60);
      expect(minutes).toBeLessThanOrEqual(25 * 60);
    } finally {
      harness.clock.set('2026-11-24T11:00:00Z');
    }
  });

  it('each reply says its language, so the widget can follow a switch made in the chat', async () => {
    const session = await openSession(harness.url);
    const { body: welcome } = await activitiesAfter(harness.url, session);
    expect(welcome.activities.map((activity) => activity.locale)).toContain('en-GB');
    await postActivity(harness.url, session, 'Polski');
    const { body } = await activitiesAfter(harness.url, session, welcome.watermark);
    const replies = body.activities.filter((activity) => activity.from?.role !== 'user');
    expect(replies.length).toBeGreaterThan(0);
    for (const reply of replies) expect(reply.locale).toBe('pl');
  });

  it('malformed activities get a clear 400 and change nothing', async () => {
    const session = await openSession(harness.url);
    const { body: before } = await activitiesAfter(harness.url, session);
    for (const body of [
      '{"type": "message",',
      JSON.stringify({ type: 'payment', text: 'x' }),
      JSON.stringify({ type: 'message', text: 'y'.repeat(5000) }),
      // What the database cannot keep as JSON: a NUL, half a surrogate pair (in text or deeper).
      JSON.stringify({ type: 'message', text: 'a\u0000b' }),
      '{"type": "message", "text": "\\ud800 alone"}',
      JSON.stringify({ type: 'message', text: 'ok', channelData: { note: '\udc00' } }),
    ]) {
      const response = await fetch(`${harness.url}/v3/directline/conversations/${session.conversationId}/activities`, {
        method: 'POST',
        headers: { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' },
        body,
      });
      expect(response.status).toBe(400);
    }
    expect((await activitiesAfter(harness.url, session, before.watermark)).body.activities).toEqual([]);
  });

  it('watermark paging returns each activity once', async () => {
    const session = await openSession(harness.url);
    const seen: string[] = [];
    let watermark: string | undefined;
    for (const text of ['1', 'Missing now', 'No']) {
      await postActivity(harness.url, session, text);
      const { body } = await activitiesAfter(harness.url, session, watermark);
      seen.push(...body.activities.map((activity) => activity.id));
      watermark = body.watermark;
    }
    expect(new Set(seen).size).toBe(seen.length);
    const { body: all } = await activitiesAfter(harness.url, session);
    expect(seen).toEqual(all.activities.map((activity) => activity.id));
    expect((await activitiesAfter(harness.url, session, watermark)).body.activities).toEqual([]);
  });

  it('the WebSocket stream delivers the echo and the replies in order', async () => {
    const session = await openSession(harness.url);
    const stream = listen(throughProxy(session.streamUrl));
    await stream.ready;
    try {
      await waitFor(() => stream.messages.length > 0);
      await postActivity(harness.url, session, '1');
      await postActivity(harness.url, session, 'Missing now');
      const texts = () => stream.messages.flatMap((message) => message.activities.map((activity) => activity.text ?? ''));
      await waitFor(() => texts().some((text) => text.includes('First: do you think')));
      const all = texts();
      expect(all.indexOf('1')).toBeLessThan(all.findIndex((text) => text.includes('missing now, or are they back')));
      expect(all.indexOf('Missing now')).toBeLessThan(all.findIndex((text) => text.includes('First: do you think')));
      const watermarks = stream.messages.map((message) => Number(message.watermark));
      expect([...watermarks].sort((a, b) => a - b)).toEqual(watermarks);
    } finally {
      stream.close();
    }
  });

  it('a stream with a token for another conversation is refused', async () => {
    const a = await openSession(harness.url);
    const b = await openSession(harness.url);
    const stream = listen(throughProxy(b.streamUrl).replace(/t=[^&]+/, `t=${a.token}`));
    await expect(stream.ready).rejects.toThrow(/403/);
  });

  it('CORS allows the headers Web Chat sends', async () => {
    const response = await fetch(`${harness.url}/v3/directline/conversations`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://www.kent.gov.uk',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,x-ms-bot-agent',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-headers')).toMatch(/Authorization.*x-ms-bot-agent/);
  });
});

describe('proactive messages into the widget', () => {
  it("the on-call person's reply reaches the widget conversation", async () => {
    const session = await openSession(harness.url);
    await postActivity(harness.url, session, 'talk to a person');
    const { body } = await activitiesAfter(harness.url, session);
    const reference = /reference is (H[0-9A-Z]+)/.exec(body.activities.map((activity) => activity.text ?? '').join('\n'))?.[1] ?? '';
    expect(reference).not.toBe('');
    await harness.text('+447700900101', `${reference} Hello from the team`);
    const { body: after } = await activitiesAfter(harness.url, session, body.watermark);
    expect(after.activities.map((activity) => activity.text)).toEqual([
      'Duty worker from the Missing Children\'s Team: Hello from the team (Your replies here go to them. To go back to the bot, write "bot".)',
    ]);
  });
});

describe('reminders in the widget', () => {
  // Thames Valley's guidance has the hourly reviews of an unauthorised absence.
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ now: '2026-11-24T11:00:00Z', env: { AREA: 'thames-valley' } });
  });
  afterAll(() => harness.close());

  it("a carer's hourly review arrives in the widget conversation by itself", async () => {
    const session = await openSession(harness.url);
    // Not known when they went: the reviews count from now. No to each risk question; yes to reminders.
    const answers = ['3', 'No', 'I know where they are', 'idk', ...CARER_RISKS.map(() => 'No'), 'Yes'];
    for (const text of answers) await postActivity(harness.url, session, text);
    const { body } = await activitiesAfter(harness.url, session);
    harness.clock.set('2026-11-24T12:00:30Z');
    try {
      await harness.app.scheduler.tick();
    } finally {
      harness.clock.set('2026-11-24T11:00:00Z');
    }
    const { body: after } = await activitiesAfter(harness.url, session, body.watermark);
    expect(after.activities.map((activity) => activity.text)).toEqual([expect.stringContaining('Hourly review (1 of 6)')]);
    expect(after.activities[0]?.from.id).toBe('helpline-bot');
  });
});

describe('rate limit', () => {
  it('tokens/generate is limited per address', async () => {
    const limited = await startSmsHarness({ env: { DIRECTLINE_GENERATE_BURST: '3', DIRECTLINE_GENERATE_PER_SECOND: '1' } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i += 1)
        statuses.push((await fetch(`${limited.url}/v3/directline/tokens/generate`, { method: 'POST' })).status);
      expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
      expect(statuses).toContain(429);
    } finally {
      await limited.close();
    }
  });
});

describe('personal data in the widget', () => {
  it('"delete my data" removes what was said, keeping only the answer that it was done', async () => {
    const session = await openSession(harness.url);
    await postActivity(harness.url, session, '1');
    await postActivity(harness.url, session, 'my son Zebedee has not come home');
    await postActivity(harness.url, session, 'delete my data');
    const { body } = await activitiesAfter(harness.url, session);
    const texts = body.activities.map((activity) => activity.text ?? '');
    expect(texts.join('\n')).not.toContain('Zebedee');
    expect(texts).toHaveLength(1);
    expect(texts[0]).toContain('deleted');
  });

  it('after "delete my data" the token is not renewed, and until it runs out danger still gets its answer', async () => {
    const session = await openSession(harness.url);
    await postActivity(harness.url, session, 'delete my data');
    const refresh = await fetch(`${harness.url}/v3/directline/tokens/refresh`, {
      method: 'POST',
      headers: { authorization: `Bearer ${session.token}` },
    });
    expect(refresh.status).toBe(403);
    const { body: before } = await activitiesAfter(harness.url, session);
    expect((await postActivity(harness.url, session, 'he has a knife')).status).toBe(200);
    const { body } = await activitiesAfter(harness.url, session, before.watermark);
    expect(body.activities.map((activity) => activity.text ?? '').join('\n')).toContain('999');
  });

  it('widget conversations are deleted when the retention period ends', async () => {
    const { purgeExpiredState } = await import('../bot/scheduled/retention');
    const session = await openSession(harness.url);
    await postActivity(harness.url, session, 'hello');
    harness.clock.advance(31 * 24 * 3600 * 1000);
    try {
      await purgeExpiredState(harness.app.db, harness.clock, 30);
      expect(await harness.app.db.query('select 1 from dl_activity where conversation_id = $1', [session.conversationId])).toEqual([]);
    } finally {
      harness.clock.set('2026-11-24T11:00:00Z');
    }
  });
});
