// Where a measured bot keeps its data, and what the bench reads from it: a fresh schema on a
// PostgreSQL server (BENCH_DATABASE_URL) or a fresh PGlite DATA_DIR, the state stored per
// conversation, and (on PostgreSQL) the round trips the bot made, counted by a proxy.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { openPglite } from '../../bot/store/database';
import { startPgProxy } from './pgProxy';

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
  dispose(): Promise<void>;
}

const STATE_SQL = `select count(*)::int as rows,
  count(*) filter (where key like '%/conversations/%')::int as conversations,
  coalesce(avg(length(doc::text)), 0)::float8 as avg_row,
  coalesce(sum(length(doc::text)), 0)::float8 as total
  from bot_state`;

function stateFrom(row: { rows: number; conversations: number; avg_row: number; total: number } | undefined): StateSize {
  const rows = Number(row?.rows ?? 0);
  const conversations = Number(row?.conversations ?? 0);
  return {
    rows,
    conversations,
    avgRowBytes: Number(row?.avg_row ?? 0),
    bytesPerConversation: conversations > 0 ? Number(row?.total ?? 0) / conversations : 0,
  };
}

export function pgliteStorage(): Storage {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'helpline-journeys-'));
  return {
    kind: 'pglite',
    env: { DATA_DIR: dataDir },
    roundTrips: async () => undefined,
    async stateSize() {
      const db = await openPglite(dataDir);
      try {
        const [row] = await db.query<{ rows: number; conversations: number; avg_row: number; total: number }>(STATE_SQL);
        return stateFrom(row);
      } finally {
        await db.close();
      }
    },
    async dispose() {
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A schema of its own on the server, reached through a counting proxy; dropped on dispose. */
export async function postgresStorage(baseUrl: string): Promise<Storage> {
  const schema = `bench_journeys_${process.pid}`;
  const once = async <Row>(sql: string): Promise<Row[]> => {
    const client = new Client({ connectionString: baseUrl });
    await client.connect();
    try {
      return (await client.query(sql)).rows as Row[];
    } finally {
      await client.end();
    }
  };
  await once(`drop schema if exists ${schema} cascade; create schema ${schema}`);
  const proxy = await startPgProxy(baseUrl);
  const botUrl = new URL(proxy.url);
  botUrl.searchParams.set('options', `-c search_path=${schema}`);
  return {
    kind: 'postgres',
    env: { DATABASE_URL: botUrl.toString() },
    roundTrips: () => proxy.roundTrips(),
    async stateSize() {
      const [row] = await once<{ rows: number; conversations: number; avg_row: number; total: number }>(
        STATE_SQL.replace('from bot_state', `from ${schema}.bot_state`),
      );
      return stateFrom(row);
    },
    async dispose() {
      await proxy.close();
      await once(`drop schema if exists ${schema} cascade`);
    },
  };
}
