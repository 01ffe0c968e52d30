// Applies the plain SQL files in bot/store/migrations in name order, each once, each in a transaction.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { projectPath } from '../platform/paths';
import type { Database } from './database';

export const migrationsDirectory = projectPath('bot', 'store', 'migrations');

export async function migrate(db: Database, directory = migrationsDirectory): Promise<string[]> {
  const files = readdirSync(directory)
    .filter((name) => /^\d{3}_[a-z0-9_]+\.sql$/.test(name))
    .sort();
  // Two instances starting together on one server must not both apply the same file.
  return db.withExclusiveLock('helpline-bot:migrations', async () => {
    await db.exec('create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now())');
    const applied = new Set((await db.query<{ name: string }>('select name from schema_migrations')).map((row) => row.name));
    const newlyApplied: string[] = [];
    for (const name of files) {
      if (applied.has(name)) continue;
      const sql = readFileSync(path.join(directory, name), 'utf8');
      await db.transaction(async (tx) => {
        for (const statement of splitStatements(sql)) await tx.query(statement);
        await tx.query('insert into schema_migrations (name) values ($1)', [name]);
      });
      newlyApplied.push(name);
    }
    return newlyApplied;
  });
}

/** Our migration files keep one statement per `;`-terminated block and no `;` inside literals. */
function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*(?:\r?\n|$)/)
    .map((statement) => statement.replace(/^\s*--.*$/gm, '').trim())
    .filter((statement) => statement.length > 0);
}
