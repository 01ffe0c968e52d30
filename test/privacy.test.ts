// Personal data stays out of logs, and state is deleted when the retention period ends.
import { Writable } from 'node:stream';
import { ManualClock } from '../bot/clock';
import { createIdHasher } from '../bot/ids';
import { createLogger } from '../bot/logger';
import { purgeExpiredState } from '../bot/retention';
import { PostgresStorage } from '../bot/storage/postgresStorage';
import { pgliteInMemory } from './support/databases';

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
