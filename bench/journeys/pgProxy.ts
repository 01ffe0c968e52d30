// A counting TCP proxy between the measured bot and the PostgreSQL server: it passes every byte
// through and reads the client's side of the wire protocol, counting the messages the client
// then waits on (a simple Query, or the Sync that ends an extended-protocol query). Each is one
// round trip, whatever the SQL, and only the bot's own connections are counted. It runs on a
// worker thread: on the bench's own thread, busy with fifty simulated people, every query of
// the bot would wait for that thread too.
import { connect, createServer, type Server, type Socket } from 'node:net';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

export interface PgProxy {
  /** The bot's DATABASE_URL: `databaseUrl` with its host and port pointed at the proxy. */
  url: string;
  roundTrips(): Promise<number>;
  close(): Promise<void>;
}

/** Reads the frontend message stream: the untyped start-up (and SSL request), then type + length frames. */
function counter(onRoundTrip: () => void): (chunk: Buffer) => void {
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
      const type = String.fromCharCode(pending[0] ?? 0);
      if (type === 'Q' || type === 'S') onRoundTrip();
      pending = pending.subarray(1 + length);
    }
  };
}

async function serve(databaseUrl: string): Promise<{ port: number; roundTrips: () => number; close: () => Promise<void> }> {
  const target = new URL(databaseUrl);
  const sockets = new Set<Socket>();
  let count = 0;
  const server: Server = createServer((client) => {
    const upstream = connect(Number(target.port || 5432), target.hostname);
    sockets.add(client);
    sockets.add(upstream);
    const read = counter(() => {
      count += 1;
    });
    client.on('data', (chunk: Buffer) => {
      read(chunk);
      upstream.write(chunk);
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
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    roundTrips: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

type Request = 'count' | 'close';

/** Starts the proxy on a worker thread running this file. */
export async function startPgProxy(databaseUrl: string): Promise<PgProxy> {
  const worker = new Worker(__filename, { workerData: { databaseUrl } });
  const answers: Array<(value: number) => void> = [];
  worker.on('message', (value: number) => answers.shift()?.(value));
  const next = () => new Promise<number>((resolve) => answers.push(resolve));
  const ask = (request: Request) => {
    const answer = next();
    worker.postMessage(request);
    return answer;
  };
  const port = await next();
  const proxied = new URL(databaseUrl);
  proxied.hostname = '127.0.0.1';
  proxied.port = String(port);
  return {
    url: proxied.toString(),
    roundTrips: () => ask('count'),
    async close() {
      await ask('close');
      await worker.terminate();
    },
  };
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  void serve((workerData as { databaseUrl: string }).databaseUrl).then((proxy) => {
    port.postMessage(proxy.port);
    port.on('message', (request: Request) => {
      if (request === 'count') port.postMessage(proxy.roundTrips());
      else void proxy.close().then(() => port.postMessage(0));
    });
  });
}
