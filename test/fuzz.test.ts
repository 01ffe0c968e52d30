// Malformed requests at every edge get a 4xx with a JSON error (or a normal answer), never a
// 5xx or a crash, and memory stays bounded. A sample runs here; `npm run fuzz` runs 10,000 each.
import {
  malformedDirectLineRequest,
  malformedMessagesRequest,
  malformedSmsRequest,
  seededRandom,
  type MalformedRequest,
} from '../bench/malformed';
import { startSmsHarness, type SmsHarness } from './support/sms';

const SAMPLE = Number(process.env.FUZZ_SAMPLE ?? 250);

let sms: SmsHarness;
beforeAll(async () => {
  sms = await startSmsHarness();
});
afterAll(() => sms.close());

async function send(request: MalformedRequest): Promise<{ status: number; contentType: string; body: string }> {
  const response = await fetch(`${sms.url}${request.path}`, { method: request.method, headers: request.headers, body: request.body });
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', body: await response.text() };
}

/** restify's `{ code, message }`, or Direct Line's own `{ error: { code, message } }`. */
function isJsonError(body: string): boolean {
  const parsed = JSON.parse(body) as { message?: unknown; error?: { message?: unknown } };
  return typeof (parsed.message ?? parsed.error?.message) === 'string';
}

async function fuzz(make: (random: () => number) => MalformedRequest, seed: number): Promise<string[]> {
  const random = seededRandom(seed);
  const problems: string[] = [];
  for (let index = 0; index < SAMPLE; index += 1) {
    const request = make(random);
    const { status, contentType, body } = await send(request);
    const label = `#${index} ${request.method} ${request.path.slice(0, 80)} -> ${status}`;
    if (status >= 500) problems.push(`${label}: ${body.slice(0, 200)}`);
    else if (status >= 400 && (!contentType.includes('json') || !isJsonError(body))) {
      problems.push(`${label}: not a JSON error (${contentType})`);
    }
  }
  return problems;
}

it('POST /api/messages: malformed activities get a 4xx with a JSON error, never a 5xx', async () => {
  expect(await fuzz(malformedMessagesRequest, 1)).toEqual([]);
});

it('POST /api/sms: malformed or unsigned webhooks get a 4xx, never a 5xx, and nothing is stored', async () => {
  const before = await sms.app.db.query<{ count: string }>('select count(*)::text as count from sms_inbound');
  expect(await fuzz(malformedSmsRequest, 2)).toEqual([]);
  expect(await sms.app.db.query('select count(*)::text as count from sms_inbound')).toEqual(before);
});

it('/v3/directline: forged tokens, other conversations and malformed activities get a 4xx, never a 5xx', async () => {
  const generated = (await (await fetch(`${sms.url}/v3/directline/tokens/generate`, { method: 'POST' })).json()) as {
    token: string;
    conversationId: string;
  };
  expect(await fuzz((random) => malformedDirectLineRequest(random, generated.token, generated.conversationId), 3)).toEqual([]);
});

it('the server is still healthy afterwards', async () => {
  expect((await fetch(`${sms.url}/healthz`)).status).toBe(200);
});
