// A stand-in for a Bot Framework channel's connector on 127.0.0.1: the serviceUrl that proactive
// messages (a person's reply, a reminder) are posted to, recording each activity's text.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeConnector {
  url: string;
  /** Texts posted, with the conversation they were posted to. */
  posted: Array<{ conversationId: string; text: string }>;
  close(): Promise<void>;
}

export async function startFakeConnector(): Promise<FakeConnector> {
  const posted: FakeConnector['posted'] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    req.on('end', () => {
      const match = /^\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '');
      if (req.method === 'POST' && match) {
        const activity = JSON.parse(body || '{}') as { text?: string };
        posted.push({ conversationId: decodeURIComponent(match[1] ?? ''), text: activity.text ?? '' });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `posted-${posted.length}` }));
        return;
      }
      res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    posted,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
