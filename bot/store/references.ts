// Short references people can type by text ("H7Q2KX4", "B3MZ0RT"): a letter for the kind, five
// characters in Crockford's base 32 (no I, L, O or U to misread) and a check character. The five
// come from a database sequence spread over the whole range, so references are unique across
// instances sharing the database but do not follow one another; the check character (Luhn mod 32)
// makes any one character typed wrong, or two neighbours swapped (all but "0" and "Z"), a
// reference that does not exist, never another family's.
import type { Queryable } from './database';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BASE = BigInt(ALPHABET.length);
const CODE_LENGTH = 5;
const RANGE = BASE ** BigInt(CODE_LENGTH);
/** Odd, so multiplying by it mod 32^5 visits every number once: sequence numbers spread out, none repeated. */
const SPREAD = 21_117_301n;

export type ReferenceKind = 'H' | 'B';

export async function nextReference(db: Queryable, kind: ReferenceKind): Promise<string> {
  const [row] = await db.query<{ value: string }>("select nextval('reference_number')::text as value");
  if (!row) throw new Error('The reference sequence did not answer');
  let value = (BigInt(row.value) * SPREAD) % RANGE;
  let code = '';
  for (let at = 0; at < CODE_LENGTH; at += 1) {
    code = ALPHABET[Number(value % BASE)] + code;
    value /= BASE;
  }
  return `${kind}${code}${checkCharacter(code)}`;
}

/**
 * A typed reference, normalised: upper case, and the letters people confuse with digits read as
 * digits; undefined when it is not one, including when its check character does not fit.
 */
export function normaliseReference(typed: string): string | undefined {
  const upper = typed.trim().toUpperCase();
  if (!new RegExp(`^[HB][0-9A-Z]{${CODE_LENGTH + 1}}$`).test(upper)) return undefined;
  const reference = upper[0] + upper.slice(1).replace(/[IL]/g, '1').replace(/O/g, '0');
  const code = reference.slice(1, -1);
  if ([...reference.slice(1)].some((character) => !ALPHABET.includes(character))) return undefined;
  return checkCharacter(code) === reference.slice(-1) ? reference : undefined;
}

/** Luhn mod 32: catches every single character changed, and every two neighbours swapped but "0Z". */
function checkCharacter(code: string): string {
  let sum = 0;
  let factor = 2;
  for (let at = code.length - 1; at >= 0; at -= 1) {
    const doubled = factor * ALPHABET.indexOf(code[at] ?? '0');
    sum += Math.floor(doubled / ALPHABET.length) + (doubled % ALPHABET.length);
    factor = factor === 2 ? 1 : 2;
  }
  return ALPHABET[(ALPHABET.length - (sum % ALPHABET.length)) % ALPHABET.length] ?? '0';
}
