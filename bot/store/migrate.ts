// Applies the plain SQL files in bot/store/migrations in name order, each once, each in a
// transaction, and keeps each file's checksum: a file changed after it ran stops the start with
// a message naming it, rather than being silently skipped (its change would never be applied).
import { createHash } from 'node:crypto';
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
    await db.exec('alter table schema_migrations add column if not exists checksum text');
    const applied = new Map(
      (await db.query<{ name: string; checksum: string | null }>('select name, checksum from schema_migrations')).map((row) => [
        row.name,
        row.checksum,
      ]),
    );
    const newlyApplied: string[] = [];
    for (const name of files) {
      const sql = readFileSync(path.join(directory, name), 'utf8');
      // Line endings as checked out (a Windows clone) are not a change.
      const checksum = createHash('sha256').update(sql.replace(/\r\n/g, '\n')).digest('hex');
      if (applied.has(name)) {
        const kept = applied.get(name);
        // Applied before checksums were kept: this file is taken as the one that ran.
        if (kept === null) await db.query('update schema_migrations set checksum = $2 where name = $1', [name, checksum]);
        else if (kept !== checksum) throw new MigrationChangedError(name);
        continue;
      }
      await db.transaction(async (tx) => {
        for (const statement of splitStatements(sql)) await tx.query(statement);
        await tx.query('insert into schema_migrations (name, checksum) values ($1, $2)', [name, checksum]);
      });
      newlyApplied.push(name);
    }
    return newlyApplied;
  });
}

export class MigrationChangedError extends Error {
  override readonly name = 'MigrationChangedError';
  constructor(file: string) {
    super(
      `Migration ${file} was changed after it ran on this database, so its change would never be applied. Put the change in a new migration file and restore ${file} as it was.`,
    );
  }
}

/** Our migration files keep one statement per `;`-terminated block and no `;` inside literals. */
function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*(?:\r?\n|$)/)
    .map((statement) => statement.replace(/^\s*--.*$/gm, '').trim())
    .filter((statement) => statement.length > 0);
}
