// Short references people can type by text ("H1K4", "B1K5"): a letter for the kind, then a
// database sequence in Crockford's base 32 (no I, L, O or U to misread). Deterministic, unique
// across instances sharing the database, and case-insensitive.
import type { Queryable } from './database';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export type ReferenceKind = 'H' | 'B';

export async function nextReference(db: Queryable, kind: ReferenceKind): Promise<string> {
  const [row] = await db.query<{ value: string }>("select nextval('reference_number')::text as value");
  if (!row) throw new Error('The reference sequence did not answer');
  let value = BigInt(row.value);
  let code = '';
  do {
    code = ALPHABET[Number(value % 32n)] + code;
    value /= 32n;
  } while (value > 0n);
  return `${kind}${code}`;
}

/** A typed reference, normalised: upper case, and the letters people confuse with digits read as digits. */
export function normaliseReference(typed: string): string | undefined {
  const upper = typed.trim().toUpperCase();
  if (!/^[HB][0-9A-Z]{2,8}$/.test(upper)) return undefined;
  return upper[0] + upper.slice(1).replace(/[IL]/g, '1').replace(/O/g, '0');
}
