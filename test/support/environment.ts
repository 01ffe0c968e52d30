// jest's node environment, plus one memory PGlite per worker process for every test file the
// worker runs. Starting PGlite takes seconds (initdb in WASM), so each app a test builds gets a
// schema of its own in this one instance (see sharedPglite.ts) rather than an instance.
//
// This module is loaded once per worker, outside the test files' sandboxes, so the instance
// outlives each file; it is a different realm from the tests', so what crosses over is
// converted on each side: parameters here (PGlite's serializers test `instanceof Date`), rows
// and errors in sharedPglite.ts.
import type { PGlite, Transaction } from '@electric-sql/pglite';
import type { EnvironmentContext, JestEnvironmentConfig } from '@jest/environment';
import { TestEnvironment } from 'jest-environment-node';
import type { SharedPglite, SharedPgliteTransaction } from '../../bot/store/database';

export const SHARED_PGLITE = '__helplineSharedPglite';

let instance: Promise<PGlite> | undefined;
/** Closes the instance once no file has used it for a moment (see teardown). */
let idleClose: NodeJS.Timeout | undefined;

function sharedInstance(): Promise<PGlite> {
  if (!instance) {
    const opening = import('@electric-sql/pglite').then(({ PGlite }) => PGlite.create());
    // A failed start is not kept: the next file tries again.
    opening.catch(() => {
      if (instance === opening) instance = undefined;
    });
    instance = opening;
  }
  return instance;
}

/** Parameters made in the test's realm, remade in this one where PGlite looks at their class. */
function paramHere(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(paramHere);
  const tag = Object.prototype.toString.call(value);
  if (tag === '[object Date]') return new Date((value as Date).getTime());
  if (ArrayBuffer.isView(value) && tag === '[object Uint8Array]') return new Uint8Array(value as Uint8Array);
  // Anything else goes to JSON.stringify, which works across realms.
  return value;
}

export default class HelplineEnvironment extends TestEnvironment {
  /** Transactions this file started that have not settled. */
  private inFlight = 0;

  constructor(config: JestEnvironmentConfig, context: EnvironmentContext) {
    super(config, context);
    clearTimeout(idleClose);
    const open = async (): Promise<SharedPglite> => {
      const pglite = await sharedInstance();
      return {
        transaction: async <T>(work: (tx: SharedPgliteTransaction) => Promise<T>): Promise<T> => {
          this.inFlight += 1;
          try {
            return await pglite.transaction((tx: Transaction) =>
              work({
                query: <Row>(sql: string, params: unknown[] = []) => tx.query<Row>(sql, params.map(paramHere)),
                exec: (sql: string) => tx.exec(sql),
              }),
            );
          } finally {
            this.inFlight -= 1;
          }
        },
      };
    };
    this.global[SHARED_PGLITE] = open;
  }

  override async teardown(): Promise<void> {
    // A transaction left waiting (a test timed out inside one) would hold PGlite's only
    // connection for ever; the next file gets an instance of its own rather than wait on it.
    if (this.inFlight > 0) instance = undefined;
    // PGlite keeps a timer of its own (PostgreSQL's idle statistics flush, 10 s), which would
    // keep an idle worker, or jest running in band, from exiting. The next file of this worker
    // starts within milliseconds and cancels this; after the last one the instance is closed.
    idleClose = setTimeout(() => {
      const closing = instance;
      instance = undefined;
      void closing?.then((pglite) => pglite.close()).catch(() => undefined);
    }, 500).unref();
    await super.teardown();
  }
}
