// PGlite on a worker thread of its own. PGlite runs PostgreSQL compiled to WebAssembly, and
// every query runs to its end on the thread that called it: on the bot's main thread, turns,
// HTTP and timers waited behind each one, which gave turns multi-second tails under load. Here
// the main thread only posts messages; queries still run one at a time, as on one connection.
import { Worker } from 'node:worker_threads';
import type { Queryable } from './database';

// The worker's code is plain JavaScript run with `eval`, so the same file serves the compiled
// bot and the tests (which run the TypeScript sources, where no worker file exists on disk).
// A transaction is held open in the worker until the main thread ends it.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { PGlite } = require(workerData.pglite);
const transactions = new Map();
const opened = PGlite.create(workerData.directory);
const run = async (message) => {
  const db = await opened;
  const on = message.tx === undefined ? db : transactions.get(message.tx).tx;
  switch (message.op) {
    case 'query':
      return (await on.query(message.sql, message.params)).rows;
    case 'exec':
      await on.exec(message.sql);
      return undefined;
    case 'begin':
      return new Promise((entered, failed) => {
        const held = {};
        held.settled = db.transaction((tx) => new Promise((finish, abort) => {
          Object.assign(held, { tx, finish, abort });
          transactions.set(message.id, held);
          entered(message.id);
        }));
        held.settled.catch(failed);
      });
    case 'end': {
      const held = transactions.get(message.tx);
      transactions.delete(message.tx);
      if (message.commit) held.finish();
      else held.abort(new Error('rolled back'));
      try {
        await held.settled;
      } catch (error) {
        if (message.commit) throw error;
      }
      return undefined;
    }
    case 'close':
      await db.close();
      return undefined;
  }
  throw new Error('unknown operation ' + message.op);
};
parentPort.on('message', (message) => {
  run(message).then(
    (result) => parentPort.postMessage({ id: message.id, result }),
    (error) => parentPort.postMessage({ id: message.id, error: { message: String(error && error.message), code: error && error.code, name: error && error.name } }),
  );
});
opened.then(
  () => parentPort.postMessage({ id: 0 }),
  (error) => parentPort.postMessage({ id: 0, error: { message: String(error && error.message) } }),
);
`;

type Operation =
  | { op: 'query'; sql: string; params: unknown[]; tx?: number }
  | { op: 'exec'; sql: string; tx?: number }
  | { op: 'begin' }
  | { op: 'end'; tx: number; commit: boolean }
  | { op: 'close' };

interface Answer {
  id: number;
  result?: unknown;
  error?: { message: string; code?: string; name?: string };
}

export interface PgliteThread {
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
  exec(sql: string): Promise<void>;
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Starts PGlite on `directory` in a worker thread; resolves once it is open. */
export async function startPgliteThread(directory: string): Promise<PgliteThread> {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { directory, pglite: require.resolve('@electric-sql/pglite') },
  });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let sequence = 0;
  let failure: Error | undefined;

  const settle = (answer: Answer) => {
    const waiter = pending.get(answer.id);
    if (!waiter) return;
    pending.delete(answer.id);
    if (answer.error) {
      const error = Object.assign(new Error(answer.error.message), answer.error.code ? { code: answer.error.code } : {});
      if (answer.error.name) error.name = answer.error.name;
      waiter.reject(error);
    } else waiter.resolve(answer.result);
  };
  const fail = (error: Error) => {
    failure = error;
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  };
  worker.on('message', settle);
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`PGlite thread exited (${code})`)));

  const call = (operation: Operation): Promise<unknown> => {
    if (failure) return Promise.reject(failure);
    const id = ++sequence;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, ...operation });
    });
  };

  await new Promise((resolve, reject) => pending.set(0, { resolve, reject }));

  const queryOn =
    (tx?: number) =>
    async <Row>(sql: string, params: unknown[] = []): Promise<Row[]> =>
      (await call({ op: 'query', sql, params, ...(tx === undefined ? {} : { tx }) })) as Row[];

  return {
    query: queryOn(),
    async exec(sql) {
      await call({ op: 'exec', sql });
    },
    async transaction(work) {
      const tx = (await call({ op: 'begin' })) as number;
      let result;
      try {
        result = await work({ query: queryOn(tx) });
      } catch (error) {
        await call({ op: 'end', tx, commit: false }).catch(() => undefined);
        throw error;
      }
      await call({ op: 'end', tx, commit: true });
      return result;
    },
    async close() {
      try {
        await call({ op: 'close' });
      } finally {
        worker.removeAllListeners('exit');
        await worker.terminate();
      }
    },
  };
}
