// Malformed requests for the HTTP edges, made from a seed so a failure can be replayed: wrong
// types, huge strings, deep JSON, broken unicode, missing ids, wrong content types, forged
// signatures and tokens.
export interface MalformedRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** A small, fast, seeded generator (mulberry32): the same seed gives the same requests. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Any value as text, whatever its shape (a "toString" key, lone surrogates). */
function asText(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
  return text.replace(/[\ud800-\udfff]/g, '\ufffd');
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

function oddValue(random: () => number, depth = 0): unknown {
  switch (Math.floor(random() * 12)) {
    case 0:
      return null;
    case 1:
      return Math.floor(random() * 2 ** 53) * (random() < 0.5 ? -1 : 1);
    case 2:
      return random() < 0.5;
    case 3:
      return 'x'.repeat(Math.floor(random() * 20_000));
    case 4:
      return '\ud800\udfff\ud800'.repeat(Math.floor(random() * 50) + 1); // lone surrogates
    case 5:
      return '\u0000\u202e<script>alert(1)</script>%00%s%n';
    case 6:
      return depth > 3 ? [] : Array.from({ length: Math.floor(random() * 5) }, () => oddValue(random, depth + 1));
    case 7:
      return depth > 3
        ? {}
        : { id: oddValue(random, depth + 1), [pick(random, ['__proto__', 'constructor', 'toString', 'id'])]: oddValue(random, depth + 1) };
    case 8:
      return 1e308 * 10;
    case 9:
      return '';
    case 10:
      return pick(random, ['message', 'conversationUpdate', 'event', 'invoke', 'typing', 'endOfConversation']);
    default:
      return `conv-${Math.floor(random() * 1000)}`;
  }
}

function deepJson(levels: number): string {
  return `${'['.repeat(levels)}1${']'.repeat(levels)}`;
}

function brokenJson(random: () => number): string {
  return pick(random, [
    '{"type": "message",',
    '{"type": "message", "text": "\\ud800"}',
    '\u0000\u0001\u0002',
    '{"a":1}{"b":2}',
    'null',
    '"just a string"',
    '12345',
    '[]',
    '{',
    '\ufeff{"type":"message"}',
    deepJson(5_000),
    `{"type":"message","text":${JSON.stringify('é'.repeat(5000))}}`,
  ]);
}

function activity(random: () => number): Record<string, unknown> {
  const base: Record<string, unknown> = {
    type: 'message',
    channelId: 'test',
    serviceUrl: 'http://127.0.0.1:9/unused',
    conversation: { id: `fuzz-${Math.floor(random() * 1e9)}` },
    from: { id: 'user' },
    recipient: { id: 'bot' },
    text: 'hello',
    deliveryMode: 'expectReplies',
  };
  // deliveryMode stays expectReplies: otherwise replies go out to the serviceUrl, which is not this edge.
  const fields = [
    'type',
    'channelId',
    'serviceUrl',
    'conversation',
    'from',
    'recipient',
    'text',
    'locale',
    'id',
    'attachments',
    'entities',
    'value',
  ];
  for (let changes = Math.floor(random() * 4) + 1; changes > 0; changes -= 1) {
    const field = pick(random, fields);
    if (random() < 0.3) delete base[field];
    else base[field] = oddValue(random);
  }
  return base;
}

export function malformedMessagesRequest(random: () => number): MalformedRequest {
  const headers = {
    'content-type': pick(random, [
      'application/json',
      'application/json',
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/json; charset=latin1',
    ]),
  };
  const body = random() < 0.3 ? brokenJson(random) : JSON.stringify(activity(random));
  return { method: 'POST', path: '/api/messages', headers, body };
}

export function malformedSmsRequest(random: () => number): MalformedRequest {
  const fields: Record<string, string> = {};
  for (const name of ['From', 'Body', 'MessageSid', 'To', 'AccountSid']) {
    if (random() < 0.7) fields[name] = asText(oddValue(random));
  }
  const body = random() < 0.2 ? brokenJson(random) : new URLSearchParams(fields).toString();
  const headers: Record<string, string> = {
    'content-type': pick(random, [
      'application/x-www-form-urlencoded',
      'application/x-www-form-urlencoded',
      'application/json',
      'text/plain',
    ]),
  };
  if (random() < 0.8) headers['x-twilio-signature'] = pick(random, ['', 'forged', 'a'.repeat(500), 'bm90IGEgc2lnbmF0dXJl']);
  return { method: 'POST', path: '/api/sms', headers, body };
}

export function malformedDirectLineRequest(random: () => number, validToken: string, conversationId: string): MalformedRequest {
  const token = pick(random, [validToken, validToken, 'forged.token.here', '', 'x'.repeat(3000), `${validToken}x`]);
  const id = pick(random, [conversationId, conversationId, 'other-conversation', '../../etc/passwd', '%00', 'x'.repeat(300)]);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (random() < 0.9) headers.authorization = pick(random, [`Bearer ${token}`, token, 'Basic abc', 'Bearer']);
  switch (Math.floor(random() * 4)) {
    case 0:
      return {
        method: 'GET',
        path: `/v3/directline/conversations/${encodeURIComponent(id)}/activities?watermark=${encodeURIComponent(asText(oddValue(random)))}`,
        headers,
      };
    case 1:
      return { method: 'POST', path: '/v3/directline/tokens/refresh', headers, body: random() < 0.5 ? brokenJson(random) : '{}' };
    default: {
      const body =
        random() < 0.3
          ? brokenJson(random)
          : JSON.stringify({ ...activity(random), from: random() < 0.5 ? { id: 'user' } : oddValue(random) });
      return { method: 'POST', path: `/v3/directline/conversations/${encodeURIComponent(id)}/activities`, headers, body };
    }
  }
}
