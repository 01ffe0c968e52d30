// Migrations run once each, in order; one changed after it ran stops the start with its name
// (its change would otherwise never be applied), and databases from before checksums adopt them.
import { cpSync, mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openSharedPgliteSchema } from './support/sharedPglite';
import { migrate, migrationsDirectory, MigrationChangedError } from '../bot/store/migrate';

const copyOfMigrations = () => {
  const directory = mkdtempSync(path.join(tmpdir(), 'helpline-migrations-'));
  cpSync(migrationsDirectory, directory, { recursive: true });
  return directory;
};

it('each file runs once; a file changed after it ran is refused by name; a new file still runs', async () => {
  const db = await openSharedPgliteSchema();
  const directory = copyOfMigrations();
  expect((await migrate(db, directory)).length).toBeGreaterThan(0);
  expect(await migrate(db, directory)).toEqual([]);

  const first = path.join(directory, '001_foundation.sql');
  const original = readFileSync(first, 'utf8');
  writeFileSync(first, `${original}\n-- edited after it ran\n`);
  await expect(migrate(db, directory)).rejects.toThrow(MigrationChangedError);
  await expect(migrate(db, directory)).rejects.toThrow(/001_foundation\.sql/);

  writeFileSync(first, original);
  writeFileSync(path.join(directory, '999_later.sql'), 'create table later_change (id int);\n');
  expect(await migrate(db, directory)).toEqual(['999_later.sql']);
  await db.close();
});

it('a database migrated before checksums were kept takes the files as they are, then holds them to it', async () => {
  const db = await openSharedPgliteSchema();
  const directory = copyOfMigrations();
  await migrate(db, directory);
  await db.query('update schema_migrations set checksum = null');
  expect(await migrate(db, directory)).toEqual([]);
  expect(await db.query('select 1 from schema_migrations where checksum is null')).toEqual([]);
  writeFileSync(path.join(directory, '002_sms_and_handoff.sql'), '-- changed\n');
  await expect(migrate(db, directory)).rejects.toThrow(/002_sms_and_handoff\.sql/);
  await db.close();
});
