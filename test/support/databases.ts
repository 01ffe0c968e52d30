// The storage back ends tests run on: PGlite always, and a real PostgreSQL server when
// TEST_DATABASE_URL is set (each test file gets a schema of its own, dropped afterwards).
// PGlite in memory is a schema in the instance the jest worker shares (sharedPglite.ts); PGlite
// in DATA_DIR is an instance of its own, as its tests are about the files.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { openPglite, openPostgres, type Database, type Queryable } from '../../bot/store/database';
import { migrate } from '../../bot/store/migrate';
import { openSharedPgliteSchema } from './sharedPglite';

export interface BackEnd {
  name: string;
  /** Opens a migrated database; calling it again reaches the same data (a restart). */
  open(): Promise<Database>;
  cleanUp(): Promise<void>;
}

export const postgresUrl = process.env.TEST_DATABASE_URL;

export async function pgliteOnDisk(): Promise<BackEnd> {
  const directory = mkdtempSync(path.join(tmpdir(), 'helpline-pglite-'));
  return {
    name: 'PGlite in DATA_DIR',
    open: async () => migrated(await openPglite(directory)),
    cleanUp: async () => undefined,
  };
}

/** A migrated memory PGlite database: a schema of its own in the worker's shared instance. */
export async function pgliteInMemory(): Promise<Database> {
  return migrated(await openSharedPgliteSchema());
}

export async function postgresSchema(): Promise<BackEnd & { url: string }> {
  if (!postgresUrl) throw new Error('TEST_DATABASE_URL is not set');
  const schema = `test_${process.pid}_${Date.now().toString(36)}_${Math.floor(performance.now())}`;
  const admin = new Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const url = withSearchPath(postgresUrl, schema);
  return {
    name: 'PostgreSQL server',
    url,
    open: async () => migrated(await openPostgres(url)),
    cleanUp: async () => {
      const client = new Client({ connectionString: postgresUrl });
      await client.connect();
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
    },
  };
}

function withSearchPath(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('options', `-c search_path=${schema}`);
  return parsed.toString();
}

async function migrated(db: Database): Promise<Database> {
  await migrate(db);
  return db;
}

/** The database with `before` run ahead of every statement, in a transaction or not: a test's way to break one. */
export function beforeEachStatement(real: Database, before: (sql: string, params: unknown[]) => Promise<void> | void): Database {
  return {
    ...real,
    query: async <Row>(sql: string, params: unknown[] = []) => {
      await before(sql, params);
      return real.query<Row>(sql, params);
    },
    transaction: (work) =>
      real.transaction((tx) =>
        work({
          query: async <Row>(sql: string, params: unknown[] = []) => {
            await before(sql, params);
            return tx.query<Row>(sql, params);
          },
        } satisfies Queryable),
      ),
  };
}

/** A database that works until told to fail, as a server that goes away mid-conversation. */
export async function failingDatabase(): Promise<{ db: Database; fail(): void; recover(): void }> {
  const real = await pgliteInMemory();
  let failing = false;
  const guard = () => {
    if (failing) throw new Error('connection terminated unexpectedly');
  };
  return {
    fail: () => (failing = true),
    recover: () => (failing = false),
    db: {
      ...real,
      async query(sql, params) {
        guard();
        return real.query(sql, params);
      },
      async transaction(work) {
        guard();
        return real.transaction(work);
      },
      async withExclusiveLock(key, work) {
        guard();
        return real.withExclusiveLock(key, work);
      },
      close: () => real.close(),
    },
  };
}

/** An in-memory PGlite, and a schema of its own on the PostgreSQL server when TEST_DATABASE_URL is set. */
export function databasesUnderTest(): Array<[string, () => Promise<{ db: Database; cleanUp(): Promise<void> }>]> {
  const backEnds: Array<[string, () => Promise<{ db: Database; cleanUp(): Promise<void> }>]> = [
    ['PGlite', async () => ({ db: await pgliteInMemory(), cleanUp: async () => undefined })],
  ];
  if (postgresUrl) {
    backEnds.push([
      'PostgreSQL',
      async () => {
        const schema = await postgresSchema();
        return { db: await openPostgres(schema.url), cleanUp: () => schema.cleanUp() };
      },
    ]);
  }
  return backEnds;
}

/**
 * A database whose conversation locks are slow to come while `slow` is set, as when another
 * instance's stuck turn holds one, or the server is overloaded.
 */
export async function slowLockDatabase(delayMs: number): Promise<{ db: Database; slow(on: boolean): void }> {
  const real = await pgliteInMemory();
  let slow = false;
  return {
    slow: (on) => (slow = on),
    db: {
      ...real,
      query: (sql, params) => real.query(sql, params),
      transaction: (work) => real.transaction(work),
      async withExclusiveLock(key, work) {
        if (slow && key.startsWith('helpline-bot:turn:')) await new Promise((resolve) => setTimeout(resolve, delayMs));
        return real.withExclusiveLock(key, work);
      },
      close: () => real.close(),
    },
  };
}
