// A Direct Line client as Web Chat uses the self-hosted endpoints: token, conversation,
// activities with watermarks, and the WebSocket stream.
import WebSocket from 'ws';

export interface DirectLineSession {
  conversationId: string;
  token: string;
  userId: string;
  streamUrl: string;
}

export async function openSession(baseUrl: string): Promise<DirectLineSession> {
  const generated = (await (await fetch(`${baseUrl}/v3/directline/tokens/generate`, { method: 'POST' })).json()) as {
    conversationId: string;
    token: string;
    userId: string;
  };
  const started = await fetch(`${baseUrl}/v3/directline/conversations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${generated.token}` },
  });
  if (started.status !== 201) throw new Error(`conversation not started: ${started.status}`);
  const { streamUrl } = (await started.json()) as { streamUrl: string };
  return { ...generated, streamUrl };
}

export interface DlActivity {
  id: string;
  type: string;
  text?: string;
  locale?: string;
  from: { id: string; role?: string };
  channelData?: { clientActivityID?: string };
  suggestedActions?: { actions: Array<{ title: string }> };
}

export async function postActivity(
  baseUrl: string,
  session: DirectLineSession,
  text: string,
  clientActivityID = `c${Date.now()}${Math.random()}`,
) {
  const response = await fetch(`${baseUrl}/v3/directline/conversations/${session.conversationId}/activities`, {
    method: 'POST',
    headers: { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'message', text, from: { id: 'whoever' }, locale: 'en-GB', channelData: { clientActivityID } }),
  });
  return { status: response.status, body: (await response.json()) as { id?: string } };
}

export async function activitiesAfter(baseUrl: string, session: DirectLineSession, watermark?: string) {
  const query = watermark === undefined ? '' : `?watermark=${watermark}`;
  const response = await fetch(`${baseUrl}/v3/directline/conversations/${session.conversationId}/activities${query}`, {
    headers: { authorization: `Bearer ${session.token}` },
  });
  return { status: response.status, body: (await response.json()) as { activities: DlActivity[]; watermark: string } };
}

/** Collects what the stream pushes until `done` says enough (or the time runs out). */
export function listen(streamUrl: string): {
  messages: Array<{ activities: DlActivity[]; watermark: string }>;
  ready: Promise<void>;
  close(): void;
} {
  const socket = new WebSocket(streamUrl);
  const messages: Array<{ activities: DlActivity[]; watermark: string }> = [];
  socket.on('message', (data) => {
    const text = Buffer.isBuffer(data) ? data.toString('utf8') : '';
    if (text !== '') messages.push(JSON.parse(text) as { activities: DlActivity[]; watermark: string });
  });
  return {
    messages,
    ready: new Promise((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    }),
    close: () => socket.close(),
  };
}

export async function waitFor(condition: () => boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
