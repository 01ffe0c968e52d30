// Keyed hashes of conversation ids and phone numbers, for audit rows, logs and storage keys.
// A plain hash of a phone number can be reversed by trying every number, so the hash is keyed
// with a secret that every instance sharing the database agrees on, and that a copy of the
// database does not hold.
import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Database } from '../store/database';

export type IdHasher = (id: string) => string;

export function createIdHasher(secret: string): IdHasher {
  return (id) => createHmac('sha256', secret).update(id).digest('base64url').slice(0, 22);
}

/** Where a development instance keeps the key it made: beside its data, never in the database. */
export const idHashSecretFile = (dataDir: string): string => path.join(dataDir, 'id-hash.secret');

/**
 * The configured key (production requires one: see config), or for development the one in
 * DATA_DIR, made on first start. A key an earlier version kept in the database is moved out to
 * that file, so the hashes it made still match and a dump no longer holds it.
 */
export async function resolveIdHashSecret(db: Database, configured: string | undefined, dataDir: string): Promise<string> {
  if (configured) return configured;
  const file = idHashSecretFile(dataDir);
  const kept = readSecretFile(file);
  if (kept) return kept;
  const legacy = (await db.query<{ value: string }>("select value from app_secret where name = 'id-hash'"))[0]?.value;
  mkdirSync(dataDir, { recursive: true });
  try {
    // "wx": of two instances starting together, one writes and the other reads what it wrote.
    writeFileSync(file, legacy ?? randomBytes(32).toString('base64url'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const secret = readSecretFile(file);
  if (!secret) throw new Error(`The key for hashing ids could not be read from ${file}`);
  if (legacy) await db.query("delete from app_secret where name = 'id-hash'");
  return secret;
}

function readSecretFile(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').trim() || undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The configured Direct Line token key, or one kept in the database (made by the first instance), so every instance honours every token. */
export async function resolveTokenSecret(db: Database, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  await db.query("insert into app_secret (name, value) values ('directline-token', $1) on conflict (name) do nothing", [
    randomBytes(32).toString('base64url'),
  ]);
  const secret = (await db.query<{ value: string }>("select value from app_secret where name = 'directline-token'"))[0]?.value;
  if (!secret) throw new Error('The Direct Line token key could not be read from the database');
  return secret;
}
