// Keyed hashes of conversation ids and phone numbers, for audit rows, logs and storage keys.
// A plain hash of a phone number can be reversed by trying every number, so the hash is keyed
// with a secret that every instance sharing the database agrees on.
import { createHmac, randomBytes } from 'node:crypto';
import type { Database } from '../store/database';

export type IdHasher = (id: string) => string;

export function createIdHasher(secret: string): IdHasher {
  return (id) => createHmac('sha256', secret).update(id).digest('base64url').slice(0, 22);
}

/** The configured secret, or the one kept in the database (created by the first instance). */
export async function resolveSecret(db: Database, name: 'id-hash' | 'directline-token', configured: string | undefined): Promise<string> {
  if (configured) return configured;
  await db.query('insert into app_secret (name, value) values ($1, $2) on conflict (name) do nothing', [
    name,
    randomBytes(32).toString('base64url'),
  ]);
  const rows = await db.query<{ value: string }>('select value from app_secret where name = $1', [name]);
  const secret = rows[0]?.value;
  if (!secret) throw new Error(`The ${name} secret could not be read from the database`);
  return secret;
}
