// The Bot Framework Storage contract, run alike on every back end.
import { ManualClock } from '../bot/platform/clock';
import type { Database } from '../bot/store/database';
import { ETagConflictError, PostgresStorage } from '../bot/store/postgresStorage';
import { pgliteOnDisk, postgresSchema, postgresUrl, type BackEnd } from './support/databases';

const backEnds: Array<[string, () => Promise<BackEnd>]> = [['PGlite in DATA_DIR', pgliteOnDisk]];
if (postgresUrl) backEnds.push(['PostgreSQL server', postgresSchema]);

describe.each(backEnds)('Storage on %s', (_name, makeBackEnd) => {
  let backEnd: BackEnd;
  let db: Database;
  let storage: PostgresStorage;
  const clock = new ManualClock('2026-11-24T20:00:00Z');

  beforeAll(async () => {
    backEnd = await makeBackEnd();
    db = await backEnd.open();
    storage = new PostgresStorage(db, clock);
  });
  afterAll(async () => {
    await db.close();
    await backEnd.cleanUp();
  });

  it('reads nothing for unknown keys', async () => {
    expect(await storage.read(['nobody'])).toEqual({});
    expect(await storage.read([])).toEqual({});
  });

  it('writes and reads back JSON faithfully, with an eTag', async () => {
    const document = { nested: { list: [1, 'two', { three: true }], accents: 'Zoë 👋' }, count: 3, none: null };
    await storage.write({ a: document });
    const read = await storage.read(['a', 'missing']);
    expect(Object.keys(read)).toEqual(['a']);
    expect(read.a).toEqual({ ...document, eTag: expect.any(String) });
  });

  it('"*" and no eTag overwrite unconditionally and change the eTag', async () => {
    await storage.write({ b: { value: 1 } });
    const first = (await storage.read(['b'])).b?.eTag;
    await storage.write({ b: { value: 2, eTag: '*' } });
    const second = await storage.read(['b']);
    expect(second.b).toMatchObject({ value: 2 });
    expect(second.b?.eTag).not.toBe(first);
  });

  it('a matching eTag writes; a stale one is a conflict and changes nothing', async () => {
    await storage.write({ c: { step: 1 } });
    const stale = (await storage.read(['c'])).c?.eTag as string;
    await storage.write({ c: { step: 2, eTag: stale } });
    await expect(storage.write({ c: { step: 3, eTag: stale } })).rejects.toBeInstanceOf(ETagConflictError);
    expect((await storage.read(['c'])).c).toMatchObject({ step: 2 });
  });

  it('two writers with the same stale eTag at the same moment: exactly one wins', async () => {
    await storage.write({ d: { writer: 'none' } });
    const eTag = (await storage.read(['d'])).d?.eTag as string;
    const results = await Promise.allSettled(['left', 'right', 'third'].map((writer) => storage.write({ d: { writer, eTag } })));
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
    expect(rejected.every((result) => result.reason instanceof ETagConflictError)).toBe(true);
  });

  it('an eTag that is not ours is a conflict, not an error of another kind', async () => {
    await storage.write({ e: { ok: true } });
    await expect(storage.write({ e: { ok: false, eTag: 'W/"abc"' } })).rejects.toBeInstanceOf(ETagConflictError);
  });

  it('writing with an eTag to an absent key creates it (as MemoryStorage does)', async () => {
    await storage.write({ f: { created: true, eTag: '41' } });
    expect((await storage.read(['f'])).f).toMatchObject({ created: true });
  });

  it('deletes, and deleting an absent key is fine', async () => {
    await storage.write({ g: { x: 1 } });
    await storage.delete(['g', 'never-written']);
    expect(await storage.read(['g'])).toEqual({});
  });

  it('keeps state across a restart of the database connection', async () => {
    await storage.write({ durable: { answer: 42 } });
    await db.close();
    db = await backEnd.open();
    storage = new PostgresStorage(db, clock);
    expect((await storage.read(['durable'])).durable).toMatchObject({ answer: 42 });
  });

  it('rejects calls without keys or changes', async () => {
    await expect(storage.read(undefined as unknown as string[])).rejects.toThrow(TypeError);
    await expect(storage.write(undefined as unknown as Record<string, never>)).rejects.toThrow(TypeError);
    await expect(storage.delete(undefined as unknown as string[])).rejects.toThrow(TypeError);
  });
});
