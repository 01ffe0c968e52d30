// A counting TCP proxy between the measured bot and the PostgreSQL server: it passes every byte
// through and reads the client's side of the wire protocol, counting the messages the client
// then waits on (a simple Query, or the Sync that ends an extended-protocol query). Each is one
// round trip, whatever the SQL, and only the bot's own connections are counted. It runs on a
// worker thread: on the bench's own thread, busy with fifty simulated people, every query of
// the bot would wait for that thread too. A bench can also stop it (every connection dropped,
// new ones refused: the database gone), at once or just as a COMMIT has passed to the server
// (committed there, its answer never back), and start it again.
import { connect, createServer, type Server, type Socket } from 'node:net';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { listen, listenOnSteadyPort } from './processes';

export interface PgProxy {
  /** The bot's DATABASE_URL: `databaseUrl` with its host and port pointed at the proxy. */
  url: string;
  roundTrips(): Promise<number>;
  /** Drops every connection and stops listening, so that new ones are refused. */
  stop(): Promise<void>;
  /**
   * Stops as the next COMMIT has been passed on to the server, or after `withinMs` if none comes;
   * resolves to whether a COMMIT stopped it.
   */
  stopAtNextCommit(withinMs: number): Promise<boolean>;
  /** Listens again, on the same port. */
  start(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Reads the frontend message stream (the untyped start-up and SSL request, then type + length
 * frames) and calls `onMessage` with each message's type and body.
 */
function frontendReader(onMessage: (type: string, body: Buffer) => void): (chunk: Buffer) => void {
  let pending: Buffer = Buffer.alloc(0);
  let untyped = true;
  return (chunk) => {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    for (;;) {
      if (untyped) {
        if (pending.length < 8) return;
        const length = pending.readInt32BE(0);
        if (pending.length < length) return;
        // 80877103: SSLRequest, after which the start-up message itself comes, untyped too.
        untyped = pending.readInt32BE(4) === 80877103;
        pending = pending.subarray(length);
        continue;
      }
      if (pending.length < 5) return;
      const length = pending.readInt32BE(1);
      if (pending.length < 1 + length) return;
      onMessage(String.fromCharCode(pending[0] ?? 0), pending.subarray(5, 1 + length));
      pending = pending.subarray(1 + length);
    }
  };
}

/** A simple Query whose text is COMMIT (how pg ends a transaction it began with BEGIN). */
const isCommit = (type: string, body: Buffer) => type === 'Q' && /^\s*commit\b/i.test(body.toString('utf8'));

interface Serving {
  port: number;
  roundTrips: () => number;
  stop: () => Promise<void>;
  stopAtNextCommit: (withinMs: number) => Promise<boolean>;
  start: () => Promise<void>;
}

async function serve(databaseUrl: string): Promise<Serving> {
  const target = new URL(databaseUrl);
  const sockets = new Set<Socket>();
  let count = 0;
  let onCommitPassed: (() => void) | undefined;
  const server: Server = createServer((client) => {
    const upstream = connect(Number(target.port || 5432), target.hostname);
    sockets.add(client);
    sockets.add(upstream);
    let commitInChunk = false;
    const read = frontendReader((type, body) => {
      if (type === 'Q' || type === 'S') count += 1;
      if (isCommit(type, body)) commitInChunk = true;
    });
    client.on('data', (chunk: Buffer) => {
      commitInChunk = false;
      read(chunk);
      upstream.write(chunk);
      // Once written, the COMMIT reaches the server even as the connection closes after it.
      if (commitInChunk) setImmediate(() => onCommitPassed?.());
    });
    upstream.pipe(client);
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', end);
    upstream.on('close', end);
    client.on('error', end);
    upstream.on('error', end);
  });
  // A port it can listen on again once stopped.
  const port = await listenOnSteadyPort(server);
  let listening = true;
  const stop = () =>
    new Promise<void>((resolve) => {
      onCommitPassed = undefined;
      for (const socket of sockets) socket.destroy();
      if (!listening) return resolve();
      listening = false;
      server.close(() => resolve());
    });
  return {
    port,
    roundTrips: () => count,
    stop,
    stopAtNextCommit: (withinMs) =>
      new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => void stop().then(() => resolve(false)), withinMs);
        onCommitPassed = () => {
          clearTimeout(timer);
          void stop().then(() => resolve(true));
        };
      }),
    async start() {
      if (listening) return;
      await listen(server, port);
      listening = true;
    },
  };
}

type Request = { kind: 'count' | 'stop' | 'start' | 'close' } | { kind: 'stopAtNextCommit'; withinMs: number };

/** Starts the proxy on a worker thread running this file. */
export async function startPgProxy(databaseUrl: string): Promise<PgProxy> {
  const worker = new Worker(__filename, { workerData: { databaseUrl } });
  const waiting = new Map<number, (value: number) => void>();
  let asked = 0;
  worker.on('message', ({ id, value }: { id: number; value: number }) => {
    waiting.get(id)?.(value);
    waiting.delete(id);
  });
  const ask = (request: Request | { kind: 'port' }) =>
    new Promise<number>((resolve) => {
      const id = ++asked;
      waiting.set(id, resolve);
      worker.postMessage({ id, request });
    });
  const port = await ask({ kind: 'port' });
  const proxied = new URL(databaseUrl);
  proxied.hostname = '127.0.0.1';
  proxied.port = String(port);
  return {
    url: proxied.toString(),
    roundTrips: () => ask({ kind: 'count' }),
    stop: async () => void (await ask({ kind: 'stop' })),
    stopAtNextCommit: async (withinMs) => (await ask({ kind: 'stopAtNextCommit', withinMs })) === 1,
    start: async () => void (await ask({ kind: 'start' })),
    async close() {
      await ask({ kind: 'close' });
      await worker.terminate();
    },
  };
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  const serving = serve((workerData as { databaseUrl: string }).databaseUrl);
  port.on('message', ({ id, request }: { id: number; request: Request | { kind: 'port' } }) => {
    const answer = (value: number) => port.postMessage({ id, value });
    void serving.then(async (proxy) => {
      switch (request.kind) {
        case 'port':
          return answer(proxy.port);
        case 'count':
          return answer(proxy.roundTrips());
        case 'start':
          await proxy.start();
          return answer(0);
        case 'stopAtNextCommit':
          return answer((await proxy.stopAtNextCommit(request.withinMs)) ? 1 : 0);
        case 'stop':
        case 'close':
          await proxy.stop();
          return answer(0);
      }
    });
  });
}
