// Bot Framework `Storage` on PostgreSQL (or PGlite): JSONB documents with eTag optimistic
// concurrency. An eTag of "*" (or none) writes unconditionally; any other eTag must match
// the stored version or the write fails, so of two writers holding the same stale eTag
// exactly one wins.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import type { Clock } from '../platform/clock';
import type { Database, Queryable } from './database';

export class ETagConflictError extends Error {
  override readonly name = 'ETagConflictError';
  constructor(readonly key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
  }
}

interface StateRow {
  key: string;
  doc: Record<string, unknown>;
  version: string;
}

interface ReadBatch {
  keys: Set<string>;
  /** Keys already handed to a reader of this batch: a second reader of one gets a copy. */
  handed: Set<string>;
  rows: Promise<Map<string, StoreItem>>;
}

export class PostgresStorage implements Storage {
  private readonly heldWrites = new AsyncLocalStorage<StoreItems>();
  private batch: ReadBatch | undefined;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  /**
   * Runs `work` holding back its writes, then makes them in one transaction with `alsoWrite`: a
   * turn's conversation and user state, its replies and its audit rows land together or not at all.
   */
  async writeTogether(work: () => Promise<void>, alsoWrite: Array<(tx: Queryable) => Promise<void>> = []): Promise<void> {
    const held: StoreItems = {};
    await this.heldWrites.run(held, work);
    if (alsoWrite.length === 0) return this.write(held);
    const now = this.clock.now();
    await this.db.transaction(async (tx) => {
      for (const [key, item] of Object.entries(held)) await writeOne(tx, key, item as StoreItem, now);
      for (const write of alsoWrite) await write(tx);
    });
  }

  /**
   * Reads asked for in the same tick go to the database as one query: a turn loads its
   * conversation and its user state together, and that is one round trip instead of two.
   */
  async read(keys: string[]): Promise<StoreItems> {
    if (!Array.isArray(keys)) throw new TypeError('Keys are required when reading.');
    const items: StoreItems = {};
    if (keys.length === 0) return items;
    let batch = this.batch;
    if (!batch) {
      const wanted = new Set<string>();
      const rows = new Promise<void>((resolve) => process.nextTick(resolve)).then(async () => {
        this.batch = undefined;
        const found = await this.db.query<StateRow>(
          'select key, doc, version::text as version from bot_state where key = any($1::text[])',
          [[...wanted]],
        );
        return new Map(found.map((row) => [row.key, { ...row.doc, eTag: row.version }]));
      });
      batch = { keys: wanted, handed: new Set(), rows };
      this.batch = batch;
    }
    for (const key of keys) batch.keys.add(key);
    const rows = await batch.rows;
    for (const key of keys) {
      const item = rows.get(key);
      if (!item) continue;
      items[key] = batch.handed.has(key) ? structuredClone(item) : item;
      batch.handed.add(key);
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes || typeof changes !== 'object') throw new TypeError('Changes are required when writing.');
    const held = this.heldWrites.getStore();
    if (held) {
      Object.assign(held, changes);
      return;
    }
    const entries = Object.entries(changes);
    if (entries.length === 0) return;
    const now = this.clock.now();
    // One key (each BotState save) needs no transaction: every statement of writeOne is
    // atomic and conditional on its own.
    const [only] = entries;
    if (entries.length === 1 && only) return writeOne(this.db, only[0], only[1] as StoreItem, now);
    await this.db.transaction(async (tx) => {
      for (const [key, item] of entries) await writeOne(tx, key, item as StoreItem, now);
    });
  }

  async delete(keys: string[]): Promise<void> {
    if (!Array.isArray(keys)) throw new TypeError('Keys are required when deleting.');
    if (keys.length === 0) return;
    await this.db.query('delete from bot_state where key = any($1::text[])', [keys]);
  }
}

async function writeOne(tx: Queryable, key: string, item: StoreItem, now: Date): Promise<void> {
  const { eTag, ...document } = item ?? {};
  const doc = JSON.stringify(document);
  if (eTag === undefined || eTag === null || eTag === '' || eTag === '*') {
    await tx.query(
      `insert into bot_state (key, doc, version, updated_at) values ($1, $2::jsonb, 1, $3)
       on conflict (key) do update set doc = excluded.doc, version = bot_state.version + 1, updated_at = excluded.updated_at`,
      [key, doc, now],
    );
    return;
  }
  const expected = typeof eTag === 'string' && /^\d{1,18}$/.test(eTag) ? eTag : null;
  if (expected !== null) {
    const updated = await tx.query(
      `update bot_state set doc = $2::jsonb, version = version + 1, updated_at = $3
       where key = $1 and version = $4::bigint returning version`,
      [key, doc, now, expected],
    );
    if (updated.length === 1) return;
  }
  // No row with that version: a missing row is created (as Bot Framework's MemoryStorage does),
  // an existing one with another version is a conflict.
  const inserted = await tx.query(
    `insert into bot_state (key, doc, version, updated_at) values ($1, $2::jsonb, 1, $3)
     on conflict (key) do nothing returning version`,
    [key, doc, now],
  );
  if (inserted.length === 0) throw new ETagConflictError(key);
}
