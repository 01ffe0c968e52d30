// Where a measured bot keeps its data, and what the bench reads from it: a fresh schema on a
// PostgreSQL server (BENCH_DATABASE_URL) or a fresh PGlite DATA_DIR, the state stored per
// conversation, and (on PostgreSQL) the round trips the bot made, counted by a proxy that a
// bench can also stop and start.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { openPglite } from '../../bot/store/database';
import { startPgProxy, type PgProxy } from './pgProxy';

export interface StateSize {
  rows: number;
  conversations: number;
  /** avg(length(doc::text)) over every row of bot_state (conversation and user state). */
  avgRowBytes: number;
  /** sum(length(doc::text)) / conversations: all the state one conversation leaves. */
  bytesPerConversation: number;
}

export interface Storage {
  kind: 'pglite' | 'postgres';
  /** The bot's environment for this storage. */
  env: Record<string, string>;
  /** Database round trips the bot has made so far; undefined on PGlite (in process, not observable). */
  roundTrips(): Promise<number | undefined>;
  /** Read after the bot has stopped (PGlite serves one process at a time). */
  stateSize(): Promise<StateSize>;
  /** Runs one statement on the bot's tables; on PGlite only while no bot runs on them. */
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
  dispose(): Promise<void>;
}

export interface PostgresStorage extends Storage {
  kind: 'postgres';
  /** The bot's schema on the server. */
  schema: string;
  /** The server itself, not through the proxy: for a bench's own connections (a table locked from outside). */
  serverUrl: string;
  /** Between the bot and the server. */
  proxy: PgProxy;
}

const STATE_SQL = `select count(*)::int as rows,
  count(*) filter (where key like '%/conversations/%')::int as conversations,
  coalesce(avg(length(doc::text)), 0)::float8 as avg_row,
  coalesce(sum(length(doc::text)), 0)::float8 as total
  from bot_state`;

type StateRow = { rows: number; conversations: number; avg_row: number; total: number };

function stateFrom(row: StateRow | undefined): StateSize {
  const rows = Number(row?.rows ?? 0);
  const conversations = Number(row?.conversations ?? 0);
  return {
    rows,
    conversations,
    avgRowBytes: Number(row?.avg_row ?? 0),
    bytesPerConversation: conversations > 0 ? Number(row?.total ?? 0) / conversations : 0,
  };
}

export function pgliteStorage(name = 'journeys'): Storage {
  const dataDir = mkdtempSync(path.join(tmpdir(), `helpline-${name}-`));
  const query = async <Row>(sql: string, params?: unknown[]): Promise<Row[]> => {
    const db = await openPglite(dataDir);
    try {
      return await db.query<Row>(sql, params);
    } finally {
      await db.close();
    }
  };
  return {
    kind: 'pglite',
    env: { DATA_DIR: dataDir },
    roundTrips: async () => undefined,
    stateSize: async () => stateFrom((await query<StateRow>(STATE_SQL))[0]),
    query,
    async dispose() {
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The server's URL with `schema` first on the search path. */
function inSchema(url: string, schema: string): string {
  const withSchema = new URL(url);
  withSchema.searchParams.set('options', `-c search_path=${schema}`);
  return withSchema.toString();
}

/** A schema of its own on the server, reached through a counting proxy; dropped on dispose. */
export async function postgresStorage(baseUrl: string, name = 'journeys'): Promise<PostgresStorage> {
  const schema = `bench_${name}_${process.pid}`;
  const once = async <Row>(sql: string, params?: unknown[], url = baseUrl): Promise<Row[]> => {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as Row[];
    } finally {
      await client.end();
    }
  };
  await once(`drop schema if exists ${schema} cascade; create schema ${schema}`);
  const proxy = await startPgProxy(baseUrl);
  const serverUrl = inSchema(baseUrl, schema);
  return {
    kind: 'postgres',
    env: { DATABASE_URL: inSchema(proxy.url, schema) },
    schema,
    serverUrl,
    proxy,
    roundTrips: () => proxy.roundTrips(),
    stateSize: async () => stateFrom((await once<StateRow>(STATE_SQL, [], serverUrl))[0]),
    query: (sql, params) => once(sql, params, serverUrl),
    async dispose() {
      await proxy.close();
      await once(`drop schema if exists ${schema} cascade`);
    },
  };
}
