// A memory PGlite database for one app or one test: a fresh schema, its own search path, in
// the PGlite instance this jest worker shares between its test files (test/support/environment.ts).
// Starting PGlite takes seconds; a schema takes milliseconds. Run under another environment,
// the instance is shared by the test file alone.
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { openPgliteSchema, type Database, type SharedPglite } from '../../bot/store/database';

const SHARED_PGLITE = '__helplineSharedPglite';

let ownInstance: Promise<PGlite> | undefined;

/** A new, empty memory PGlite database (not migrated). Closing it drops its schema. */
export async function openSharedPgliteSchema(): Promise<Database> {
  const fromWorker = (globalThis as Record<string, unknown>)[SHARED_PGLITE] as (() => Promise<SharedPglite>) | undefined;
  const pglite = fromWorker ? inThisRealm(await fromWorker()) : await (ownInstance ??= PGlite.create());
  return openPgliteSchema(pglite, `h_${randomBytes(6).toString('hex')}`);
}

/** Rows and errors come from the worker's realm: remade here, so `instanceof Date`, `toStrictEqual` and the like hold. */
function inThisRealm(pglite: SharedPglite): SharedPglite {
  return {
    transaction: (work) =>
      pglite
        .transaction((tx) =>
          work({
            query: async <Row>(sql: string, params?: unknown[]) => {
              try {
                const result = await tx.query<Row>(sql, params);
                return { rows: result.rows.map(local) as Row[] };
              } catch (error) {
                throw localError(error);
              }
            },
            exec: async (sql) => {
              try {
                await tx.exec(sql);
              } catch (error) {
                throw localError(error);
              }
            },
          }),
        )
        .catch((error: unknown) => {
          throw localError(error);
        }),
  };
}

function local(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(local);
  const tag = Object.prototype.toString.call(value);
  if (tag === '[object Date]') return new Date((value as Date).getTime());
  if (ArrayBuffer.isView(value)) return Uint8Array.from(value as Uint8Array);
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, local(item)]));
}

/** An error from the other realm as an Error of this one, with its fields (code, detail, ...). */
function localError(error: unknown): unknown {
  if (error instanceof Error || error === null || typeof error !== 'object') return error;
  const foreign = error as Error & Record<string, unknown>;
  const copy = new Error(foreign.message) as Error & Record<string, unknown>;
  for (const [key, value] of Object.entries(foreign)) copy[key] = local(value);
  copy.name = foreign.name;
  if (foreign.stack) copy.stack = foreign.stack;
  return copy;
}
