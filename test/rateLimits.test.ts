// Limits on new widget conversations: per client address, read from X-Forwarded-For only
// behind trusted proxies (TRUST_PROXY), shared by instances on one database, and refused with
// a JSON 429 that says when to come back (Retry-After).
import { buildApp, type App } from '../bot/app';
import { loadConfig } from '../bot/config';
import { clientAddressReader } from '../bot/http/clientAddress';
import { ManualClock } from '../bot/platform/clock';
import { createLogger } from '../bot/platform/logger';
import { openPostgres, type Database } from '../bot/store/database';
import { pgliteInMemory, postgresSchema, postgresUrl } from './support/databases';
import { startHarness, type Harness } from './support/harness';

const NOW = '2026-11-24T11:00:00Z';
/** Two new conversations per address, in a window of two seconds. */
const LIMIT = { DIRECTLINE_GENERATE_BURST: '2', DIRECTLINE_GENERATE_PER_SECOND: '1' };

const generate = (url: string, forwardedFor?: string) =>
  fetch(`${url}/v3/directline/tokens/generate`, {
    method: 'POST',
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  });

async function statuses(url: string, forwardedFor: Array<string | undefined>): Promise<number[]> {
  const result: number[] = [];
  for (const header of forwardedFor) {
    const response = await generate(url, header);
    await response.arrayBuffer();
    result.push(response.status);
  }
  return result;
}

describe('whose request it is', () => {
  const request = (remoteAddress: string, forwardedFor?: string) => ({
    socket: { remoteAddress } as never,
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  });

  it.each([
    ['no proxy trusted: the header is ignored', 0, '198.51.100.7', '203.0.113.9', '198.51.100.7'],
    ['one proxy: the entry it added', 1, '10.0.0.2', '203.0.113.66, 203.0.113.9', '203.0.113.9'],
    ['two proxies: the entry the outer one added', 2, '10.0.0.2', '203.0.113.66, 203.0.113.9, 10.0.0.1', '203.0.113.9'],
    ['a trusted proxy but no header: the connected address', 1, '198.51.100.7', undefined, '198.51.100.7'],
    ['IPv4 in IPv6 form is the same client', 0, '::ffff:198.51.100.7', undefined, '198.51.100.7'],
  ])('%s', (_name, trusted, remote, header, expected) => {
    expect(clientAddressReader(trusted)(request(remote, header))).toBe(expected);
  });
});

describe('over HTTP', () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  it('without TRUST_PROXY a forged X-Forwarded-For does not get round the limit', async () => {
    harness = await startHarness({ now: NOW, env: LIMIT });
    expect(await statuses(harness.url, ['203.0.113.1', '203.0.113.2', '203.0.113.3'])).toEqual([200, 200, 429]);
  });

  it('with TRUST_PROXY each client behind the proxy has its own limit, and entries forged to the left are ignored', async () => {
    harness = await startHarness({ now: NOW, env: { ...LIMIT, TRUST_PROXY: 'true' } });
    expect(await statuses(harness.url, ['203.0.113.1', '203.0.113.2', '203.0.113.3'])).toEqual([200, 200, 200]);
    // The proxy appends the address it saw (203.0.113.1); what the client wrote before it changes nothing.
    expect(await statuses(harness.url, ['1.1.1.1, 203.0.113.1', '2.2.2.2, 203.0.113.1'])).toEqual([200, 429]);
  });

  it('429 carries Retry-After and a JSON error; once the window has passed, the client is let in again', async () => {
    harness = await startHarness({ now: NOW, env: LIMIT });
    await statuses(harness.url, [undefined, undefined]);
    harness.clock.advance(500);
    const refused = await generate(harness.url);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('2');
    expect(await refused.json()).toEqual({
      error: { code: 'TooManyRequests', message: expect.stringContaining('try again in 2 seconds'), retryAfterSeconds: 2 },
    });
    harness.clock.advance(1500);
    expect((await generate(harness.url)).status).toBe(200);
  });

  it('the address is kept only as a keyed hash', async () => {
    harness = await startHarness({ now: NOW, env: { ...LIMIT, TRUST_PROXY: '1' } });
    await statuses(harness.url, ['203.0.113.77']);
    const keys = await harness.app.db.query<{ key: string }>('select key from rate_limit_window');
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.map((row) => row.key).join(' ')).not.toContain('203.0.113.77');
  });
});

const backEnds: Array<[string, () => Promise<{ first: Database; second: Database; cleanUp(): Promise<void> }>]> = [
  [
    'PGlite',
    async () => {
      const db = await pgliteInMemory();
      // Both apps use one schema; it is dropped once, when the first closes.
      return { first: db, second: { ...db, close: async () => undefined }, cleanUp: async () => undefined };
    },
  ],
];
if (postgresUrl) {
  backEnds.push([
    'PostgreSQL',
    async () => {
      const schema = await postgresSchema();
      return { first: await openPostgres(schema.url), second: await openPostgres(schema.url), cleanUp: () => schema.cleanUp() };
    },
  ]);
}

describe.each(backEnds)('two instances on one %s database', (_name, open) => {
  it('share one limit: what one let in counts at the other', async () => {
    const { first, second, cleanUp } = await open();
    const config = loadConfig({ LOG_LEVEL: 'silent', ID_HASH_SECRET: 'test-secret-test-secret', ...LIMIT });
    const clock = new ManualClock(NOW);
    const apps: App[] = [];
    try {
      for (const database of [first, second]) {
        apps.push(await buildApp({ config, clock, database, logger: createLogger('silent'), startScheduler: false }));
      }
      const [a, b] = await Promise.all(apps.map((app) => app.listen(0, '127.0.0.1')));
      expect(await statuses(a ?? '', [undefined])).toEqual([200]);
      expect(await statuses(b ?? '', [undefined])).toEqual([200]);
      expect(await statuses(a ?? '', [undefined])).toEqual([429]);
      expect(await statuses(b ?? '', [undefined])).toEqual([429]);
    } finally {
      for (const app of apps.reverse()) await app.close();
      await cleanUp();
    }
  });
});
