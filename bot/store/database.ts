// One small SQL interface over the two back ends: embedded PGlite (default) and a PostgreSQL
// server through a `pg` pool. Everything else in the bot speaks only to this interface.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Pool, type PoolClient } from 'pg';
import { lock as lockDirectory } from 'proper-lockfile';
import { startPgliteThread, type PgliteThread } from './pgliteThread';

export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs several statements with no parameters (migrations). */
  exec(sql: string): Promise<void>;
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Runs `work` while this process holds the cluster-wide lock named `key`. On a server it is a
   * PostgreSQL advisory lock, so processes sharing the database take turns; PGlite serves one
   * process only, so there it is simply `work()`.
   */
  withExclusiveLock<T>(key: string, work: (lock: HeldLock) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A lock being held. An advisory lock lives as long as its connection: if that dies, so does the lock. */
export interface HeldLock {
  /** False once the lock has gone with its connection, and another process may hold it. */
  readonly held: boolean;
}

const ALWAYS_HELD: HeldLock = { held: true };

export class DataDirInUseError extends Error {
  override readonly name = 'DataDirInUseError';
}

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
  /** PostgreSQL only: the longest a connection or a statement may take. */
  timeoutMs?: number;
}

/** How long a PostgreSQL server may take before a query gives up, unless the council says otherwise. */
export const DEFAULT_DATABASE_TIMEOUT_MS = 5000;

/**
 * Waiting for another turn of the same conversation to finish may take longer than one
 * statement (that turn may be sending texts), but not for ever.
 */
const TURN_LOCK_WAIT_FACTOR = 3;

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options.timeoutMs) : openPglite(options.dataDir);
}

export async function openPostgres(connectionString: string, timeoutMs = DEFAULT_DATABASE_TIMEOUT_MS): Promise<Database> {
  // A slow server is a failing one: a connection, a statement or a lock wait that takes too long
  // ends in an error, and the user gets the fail-safe reply instead of silence.
  const pool = new Pool({
    connectionString,
    max: 10,
    connectionTimeoutMillis: timeoutMs,
    statement_timeout: timeoutMs,
    lock_timeout: timeoutMs,
    // The client's own limit, for a server that does not answer at all.
    query_timeout: timeoutMs * 2,
  });
  // Lock holders get connections of their own: were they taken from the query pool, ten turns
  // holding locks would leave none for their own queries, and every turn would wait for ever.
  const lockPool = new Pool({
    connectionString,
    max: 10,
    connectionTimeoutMillis: timeoutMs,
    lock_timeout: timeoutMs * TURN_LOCK_WAIT_FACTOR,
    query_timeout: timeoutMs * (TURN_LOCK_WAIT_FACTOR + 1),
  });
  // An idle client that loses its connection must not crash the process.
  pool.on('error', () => undefined);
  lockPool.on('error', () => undefined);
  await pool.query('select 1');

  const onClient = async <T>(work: (client: PoolClient, connection: HeldLock) => Promise<T>, from = pool): Promise<T> => {
    const client = await from.connect();
    // A connection killed while checked out (the server restarted, an administrator ended it)
    // emits 'error' on its client; unheard, that would end the process. The query in flight
    // fails on its own, and the broken client is not given back to the pool.
    let lost: Error | undefined;
    const onError = (error: Error) => {
      lost = error;
    };
    client.on('error', onError);
    try {
      return await work(client, {
        get held() {
          return lost === undefined;
        },
      });
    } finally {
      client.off('error', onError);
      client.release(lost);
    }
  };

  return {
    kind: 'postgres',
    async query<Row>(sql: string, params: unknown[] = []) {
      const result = await pool.query(sql, params);
      return result.rows as Row[];
    },
    async exec(sql) {
      await pool.query(sql);
    },
    transaction: (work) =>
      onClient(async (client) => {
        await client.query('begin');
        try {
          const result = await work({
            query: async <Row>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as Row[],
          });
          await client.query('commit');
          return result;
        } catch (error) {
          await client.query('rollback').catch(() => undefined);
          throw error;
        }
      }),
    withExclusiveLock: (key, work) =>
      onClient(async (client, connection) => {
        await client.query('select pg_advisory_lock(hashtextextended($1, 0))', [key]);
        try {
          return await work(connection);
        } finally {
          await client.query('select pg_advisory_unlock(hashtextextended($1, 0))', [key]).catch(() => undefined);
        }
      }, lockPool),
    close: async () => {
      await Promise.all([pool.end(), lockPool.end()]);
    },
  };
}

/**
 * Opens PGlite in `<dataDir>/pglite` on a thread of its own (pgliteThread.ts), refusing to
 * start when another process holds it: two PGlite processes on one directory would corrupt it.
 */
export async function openPglite(dataDir: string): Promise<Database> {
  const directory = path.resolve(dataDir, 'pglite');
  mkdirSync(directory, { recursive: true });
  const lockOptions = { stale: 15_000, update: 5_000, realpath: false, onCompromised: () => undefined };
  const inUse = () =>
    new DataDirInUseError(
      `DATA_DIR ${path.resolve(dataDir)} is in use by another bot process; the embedded database serves one process only. Stop the other process, choose another DATA_DIR, or set DATABASE_URL to share a PostgreSQL server.`,
    );
  const lockOrRefuse = async () => {
    try {
      return await lockDirectory(directory, lockOptions);
    } catch (error) {
      throw (error as NodeJS.ErrnoException).code === 'ELOCKED' ? inUse() : error;
    }
  };
  let releaseDirectory: () => Promise<void>;
  try {
    releaseDirectory = await lockOrRefuse();
  } catch (error) {
    // A process killed with the lock held leaves it for `stale` ms; one known dead is not waited for.
    if (!(error instanceof DataDirInUseError) || !ownerIsGone(directory)) throw error;
    // proper-lockfile's own unlock is for a lock this process took: its lock directory goes instead.
    rmSync(`${directory}.lock`, { recursive: true, force: true });
    releaseDirectory = await lockOrRefuse();
  }
  writeFileSync(ownerFile(directory), JSON.stringify({ pid: process.pid, host: hostname() }));
  lockedHere.add(directory);
  const release = releaseDirectory;
  releaseDirectory = async () => {
    lockedHere.delete(directory);
    await release();
  };

  let thread: PgliteThread;
  try {
    thread = await startPgliteThread(directory);
  } catch (error) {
    await releaseDirectory();
    throw error;
  }
  return {
    kind: 'pglite',
    query: (sql, params) => thread.query(sql, params),
    exec: (sql) => thread.exec(sql),
    transaction: (work) => thread.transaction(work),
    withExclusiveLock: (_key, work) => work(ALWAYS_HELD),
    async close() {
      try {
        await thread.close();
      } finally {
        await releaseDirectory();
      }
    },
  };
}

const ownerFile = (directory: string) => `${directory}.owner`;
/** Directories this process holds now: its own lock is never taken for a dead one's. */
const lockedHere = new Set<string>();

/**
 * Whether the process that holds the directory's lock is known to have ended: it ran on this
 * machine and no process has its id, or it had this process's own id (a container restarted
 * with the same pid). Anything unsure counts as alive: two processes on one PGlite corrupt it.
 */
function ownerIsGone(directory: string): boolean {
  let owner: { pid?: unknown; host?: unknown };
  try {
    owner = JSON.parse(readFileSync(ownerFile(directory), 'utf8')) as { pid?: unknown; host?: unknown };
  } catch {
    return false;
  }
  if (owner.host !== hostname() || typeof owner.pid !== 'number') return false;
  if (owner.pid === process.pid) return !lockedHere.has(directory);
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** PGlite held in memory only; for tests that need no files. */
export async function openMemoryPglite(): Promise<Database> {
  return wrapPglite(await PGlite.create(), async () => undefined);
}

function wrapPglite(pglite: PGlite, release: () => Promise<void>): Database {
  return {
    kind: 'pglite',
    async query<Row>(sql: string, params: unknown[] = []) {
      return (await pglite.query<Row>(sql, params)).rows;
    },
    async exec(sql) {
      await pglite.exec(sql);
    },
    transaction: (work) =>
      pglite.transaction((tx) =>
        work({ query: async <Row>(sql: string, params: unknown[] = []) => (await tx.query<Row>(sql, params)).rows }),
      ),
    withExclusiveLock: (_key, work) => work(ALWAYS_HELD),
    async close() {
      try {
        await pglite.close();
      } finally {
        await release();
      }
    },
  };
}

/** What a schema of a shared PGlite needs from the instance: PGlite itself has it. */
export interface SharedPglite {
  transaction<T>(work: (tx: SharedPgliteTransaction) => Promise<T>): Promise<T>;
}

export interface SharedPgliteTransaction {
  query<Row>(sql: string, params?: unknown[]): Promise<{ rows: Row[] }>;
  exec(sql: string): Promise<unknown>;
}

/**
 * A database in one schema of a PGlite instance that others use too (tests give each app a
 * schema of its own in one instance per process: starting PGlite takes seconds). PGlite is a
 * single connection, so every call runs in a transaction of its own that first sets the search
 * path with `set local`: calls of two schemas take turns and never see each other's tables, and
 * the instance's own search path is left as it was. SQL given to `exec` must not begin or commit
 * transactions itself. Closing drops the schema and leaves the instance open for the others.
 * Nothing else in the bot uses this: `openPglite` and `openMemoryPglite` are unchanged.
 */
export async function openPgliteSchema(pglite: SharedPglite, schema: string): Promise<Database> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`not a plain schema name: ${schema}`);
  let closed = false;
  const inSchema = <T>(work: (tx: SharedPgliteTransaction) => Promise<T>): Promise<T> => {
    if (closed) return Promise.reject(new Error('PGlite is closed'));
    return pglite.transaction(async (tx) => {
      await tx.exec(`set local search_path to ${schema}`);
      return work(tx);
    });
  };
  await pglite.transaction((tx) => tx.exec(`create schema ${schema}`));
  return {
    kind: 'pglite',
    query: <Row>(sql: string, params: unknown[] = []) => inSchema(async (tx) => (await tx.query<Row>(sql, params)).rows),
    exec: (sql) =>
      inSchema(async (tx) => {
        await tx.exec(sql);
      }),
    transaction: (work) =>
      inSchema((tx) => work({ query: async <Row>(sql: string, params: unknown[] = []) => (await tx.query<Row>(sql, params)).rows })),
    withExclusiveLock: (_key, work) => work(ALWAYS_HELD),
    async close() {
      if (closed) return;
      closed = true;
      await pglite.transaction((tx) => tx.exec(`drop schema ${schema} cascade`));
    },
  };
}
