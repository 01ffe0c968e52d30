// The long fuzz run: 10,000 malformed requests at each edge (/api/messages, /api/sms,
// /v3/directline) against the real app on an embedded database, with Twilio's signature check
// on. Prints the answers by status, any 5xx or non-JSON 4xx, and memory before and after.
//   npm run fuzz            (FUZZ_COUNT to change the number, FUZZ_SEED the seed)
import { buildApp } from '../bot/app';
import { loadConfig } from '../bot/config';
import { ManualClock } from '../bot/platform/clock';
import { createLogger } from '../bot/platform/logger';
import { openMemoryPglite } from '../bot/store/database';
import {
  malformedDirectLineRequest,
  malformedMessagesRequest,
  malformedSmsRequest,
  seededRandom,
  type MalformedRequest,
} from './malformed';

const count = Number(process.env.FUZZ_COUNT ?? 10_000);
const seed = Number(process.env.FUZZ_SEED ?? 1);

async function main(): Promise<void> {
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    TWILIO_ACCOUNT_SID: `AC${'1'.repeat(32)}`,
    TWILIO_AUTH_TOKEN: 'fuzz-auth-token',
    TWILIO_FROM_NUMBER: '+447700900999',
    PUBLIC_BASE_URL: 'https://helpline.example.org',
    // Replies to texts go to a gateway that is not there: they fail fast and are audited.
    TWILIO_API_BASE_URL: 'http://127.0.0.1:9',
    TWILIO_MAX_ATTEMPTS: '1',
  });
  const app = await buildApp({
    config,
    clock: new ManualClock('2026-11-24T12:00:00Z'),
    database: await openMemoryPglite(),
    logger: createLogger('silent'),
    startScheduler: false,
  });
  const url = await app.listen(0, '127.0.0.1');
  const generated = (await (await fetch(`${url}/v3/directline/tokens/generate`, { method: 'POST' })).json()) as {
    token: string;
    conversationId: string;
  };
  const edges: Array<[string, (random: () => number) => MalformedRequest]> = [
    ['/api/messages', malformedMessagesRequest],
    ['/api/sms', malformedSmsRequest],
    ['/v3/directline', (random) => malformedDirectLineRequest(random, generated.token, generated.conversationId)],
  ];
  let failed = false;
  const rssBefore = process.memoryUsage().rss;
  for (const [edge, make] of edges) {
    const random = seededRandom(seed);
    const statuses = new Map<number, number>();
    const problems: string[] = [];
    const began = performance.now();
    for (let index = 0; index < count; index += 1) {
      const request = make(random);
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), 10_000);
      try {
        const response = await fetch(`${url}${request.path}`, {
          method: request.method,
          headers: request.headers,
          body: request.body,
          signal: controller.signal,
        });
        const body = await response.text();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        const jsonError =
          response.status < 400 || ((response.headers.get('content-type') ?? '').includes('json') && body.includes('"message"'));
        if (response.status >= 500 || !jsonError)
          problems.push(`#${index} ${request.method} ${request.path.slice(0, 80)} -> ${response.status} ${body.slice(0, 120)}`);
      } catch (error) {
        problems.push(`#${index} ${request.method} ${request.path.slice(0, 80)} -> no answer (${(error as Error).name})`);
      } finally {
        clearTimeout(timer);
      }
    }
    const seconds = (performance.now() - began) / 1000;
    const summary = [...statuses]
      .sort(([a], [b]) => a - b)
      .map(([status, times]) => `${status}: ${times}`)
      .join(', ');
    console.log(`${edge.padEnd(15)} ${count} requests in ${seconds.toFixed(1)} s; ${summary}; problems: ${problems.length}`);
    for (const problem of problems.slice(0, 10)) console.log(`  ${problem}`);
    failed ||= problems.length > 0;
  }
  const rssAfter = process.memoryUsage().rss;
  console.log(`memory (rss): ${(rssBefore / 2 ** 20).toFixed(0)} MB before, ${(rssAfter / 2 ** 20).toFixed(0)} MB after`);
  await app.close();
  process.exitCode = failed ? 1 : 0;
}

void main();
