// Personal data stays out of logs, and state is deleted when the retention period ends.
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { ConfigError, loadConfig } from '../bot/config';
import { ManualClock } from '../bot/platform/clock';
import { createIdHasher, idHashSecretFile, resolveIdHashSecret } from '../bot/platform/ids';
import { createLogger } from '../bot/platform/logger';
import { purgeExpiredState } from '../bot/scheduled/retention';
import { PostgresStorage } from '../bot/store/postgresStorage';
import { pgliteInMemory } from './support/databases';
import { startHarness } from './support/harness';

it('logs censor message text, bodies, senders, phone numbers and auth headers', () => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const logger = createLogger('info', sink);
  logger.info(
    {
      text: 'Jane Doe, 14',
      activity: { text: 'Jane' },
      from: { id: '+447700900123' },
      phone: '+447700900123',
      body: 'Body=Jane',
      req: { headers: { authorization: 'Bearer secret' } },
    },
    'turn',
  );
  const output = lines.join('');
  for (const secret of ['Jane', '+447700900123', 'Bearer secret']) expect(output).not.toContain(secret);
});

it('conversation ids are hashed with a key: stable, and not the id', () => {
  const hash = createIdHasher('a-secret-of-sixteen+');
  expect(hash('+447700900123')).toBe(hash('+447700900123'));
  expect(hash('+447700900123')).not.toContain('7700900123');
  expect(createIdHasher('another-secret-16+')('+447700900123')).not.toBe(hash('+447700900123'));
});

describe('the key for hashing ids is never kept beside the hashes', () => {
  const idHashRows = async (db: Awaited<ReturnType<typeof pgliteInMemory>>) =>
    db.query("select value from app_secret where name = 'id-hash'");

  it('production refuses to start without ID_HASH_SECRET', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/ID_HASH_SECRET/);
    expect(loadConfig({ NODE_ENV: 'production', ID_HASH_SECRET: 'a-secret-of-sixteen+' }).ID_HASH_SECRET).toBe('a-secret-of-sixteen+');
  });

  it('in development the key made is kept in DATA_DIR, readable by its owner only, and kept across restarts', async () => {
    const db = await pgliteInMemory();
    const dataDir = mkdtempSync(path.join(tmpdir(), 'helpline-secret-'));
    const made = await resolveIdHashSecret(db, undefined, dataDir);
    expect(made.length).toBeGreaterThanOrEqual(32);
    expect(await resolveIdHashSecret(db, undefined, dataDir)).toBe(made);
    expect(statSync(idHashSecretFile(dataDir)).mode & 0o077).toBe(0);
    expect(await idHashRows(db)).toEqual([]);
    expect(await resolveIdHashSecret(db, 'a-secret-of-sixteen+', dataDir)).toBe('a-secret-of-sixteen+');
    await db.close();
  });

  it('a key an earlier version kept in the database moves out to DATA_DIR, so old hashes still match', async () => {
    const db = await pgliteInMemory();
    await db.query("insert into app_secret (name, value) values ('id-hash', 'kept-by-an-earlier-version')");
    const dataDir = mkdtempSync(path.join(tmpdir(), 'helpline-secret-'));
    expect(await resolveIdHashSecret(db, undefined, dataDir)).toBe('kept-by-an-earlier-version');
    expect(readFileSync(idHashSecretFile(dataDir), 'utf8')).toBe('kept-by-an-earlier-version');
    expect(await idHashRows(db)).toEqual([]);
    await db.close();
  });
});

it('state untouched for RETENTION_DAYS is deleted; newer state stays', async () => {
  const db = await pgliteInMemory();
  const clock = new ManualClock('2026-10-01T12:00:00Z');
  const storage = new PostgresStorage(db, clock);
  await storage.write({ old: { child: 'name' } });
  clock.set('2026-10-30T12:00:00Z');
  await storage.write({ recent: { child: 'name' } });
  clock.set('2026-11-01T12:00:01Z');
  expect(await purgeExpiredState(db, clock, 31)).toBe(1);
  expect(Object.keys(await storage.read(['old', 'recent']))).toEqual(['recent']);
  await db.close();
});

describe('numbers kept to reach a person', () => {
  const YOUNG_TO_BOOKING = [
    '2',
    'Yes',
    "I'm back",
    'Someone new',
    'last night',
    'Yes',
    'Library',
    '3',
    'Text my mobile',
    '07700 900126',
    'Yes',
  ];

  it('"delete my data" clears the booking\'s number, cancels its reminder and closes a handoff', async () => {
    const harness = await startHarness({ now: '2026-11-24T11:00:00Z' });
    try {
      const conversation = harness.conversation();
      await conversation.join();
      for (const answer of YOUNG_TO_BOOKING) await conversation.say(answer);
      await conversation.say('talk to a person');
      const hash = harness.app.hashId(conversation.id);
      expect(JSON.stringify(await harness.app.db.query('select contact from booking where conversation_hash = $1', [hash]))).toContain(
        '447700900126',
      );
      await conversation.say('delete my data');
      expect(await harness.app.db.query('select contact from booking where conversation_hash = $1', [hash])).toEqual([{ contact: null }]);
      expect(await harness.app.db.query('select status, address from reminder where conversation_hash = $1', [hash])).toEqual([
        { status: 'cancelled', address: null },
      ]);
      expect(await harness.app.db.query('select status, address from handoff where conversation_hash = $1', [hash])).toEqual([
        { status: 'closed', address: null },
      ]);
    } finally {
      await harness.close();
    }
  });

  it('the retention purge clears numbers of past bookings and old handoffs', async () => {
    const harness = await startHarness({ now: '2026-11-24T11:00:00Z', env: { RETENTION_DAYS: '7' } });
    try {
      const conversation = harness.conversation();
      await conversation.join();
      for (const answer of YOUNG_TO_BOOKING) await conversation.say(answer);
      await conversation.say('talk to a person');
      harness.clock.set('2026-12-10T11:00:00Z');
      await purgeExpiredState(harness.app.db, harness.clock, 7);
      const hash = harness.app.hashId(conversation.id);
      expect(await harness.app.db.query('select contact from booking where conversation_hash = $1', [hash])).toEqual([{ contact: null }]);
      expect(await harness.app.db.query('select address from handoff where conversation_hash = $1', [hash])).toEqual([{ address: null }]);
      expect(await harness.app.db.query('select key from bot_state where key like $1', [`%${conversation.id}%`])).toEqual([]);
    } finally {
      await harness.close();
    }
  });
});

it('each request is logged by its route as declared, status and time: never a conversation id, a number or what was said', async () => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const { buildApp } = await import('../bot/app');
  const app = await buildApp({
    config: loadConfig({ LOG_LEVEL: 'info', ID_HASH_SECRET: 'test-secret-test-secret' }),
    database: await pgliteInMemory(),
    logger: createLogger('info', sink),
    startScheduler: false,
  });
  try {
    const url = await app.listen(0, '127.0.0.1');
    const { token, conversationId } = (await (await fetch(`${url}/v3/directline/tokens/generate`, { method: 'POST' })).json()) as {
      token: string;
      conversationId: string;
    };
    await fetch(`${url}/v3/directline/conversations/${conversationId}/activities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'my son Zebedee 07700 900123', from: { id: 'u' } }),
    });
    await fetch(`${url}/livez`);
    const requests = lines.map((line) => JSON.parse(line) as { msg: string; route?: string; status?: number; ms?: number });
    const logged = requests.filter((line) => line.msg === 'request');
    expect(logged).toContainEqual(
      expect.objectContaining({ route: '/v3/directline/conversations/:conversationId/activities', status: 200, ms: expect.any(Number) }),
    );
    expect(logged.some((line) => line.route === '/livez')).toBe(false);
    const output = lines.join('');
    for (const secret of [conversationId, token, 'Zebedee', '900123']) expect(output).not.toContain(secret);
  } finally {
    await app.close();
  }
});
