// A counting TCP proxy between the measured bot and the PostgreSQL server: it passes every byte
// through and reads the client's side of the wire protocol, counting the messages the client
// then waits on (a simple Query, or the Sync that ends an extended-protocol query). Each is one
// round trip, whatever the SQL, and only the bot's own connections are counted.
import { connect, createServer, type Server, type Socket } from 'node:net';

export interface PgProxy {
  /** The bot's DATABASE_URL: `databaseUrl` with its host and port pointed at the proxy. */
  url: string;
  roundTrips(): number;
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

export async function startPgProxy(databaseUrl: string): Promise<PgProxy> {
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
  const proxied = new URL(databaseUrl);
  proxied.hostname = '127.0.0.1';
  proxied.port = String(typeof address === 'object' && address ? address.port : 0);
  return {
    url: proxied.toString(),
    roundTrips: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
