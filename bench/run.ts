// Measures the bot as a user meets it: cold start to a healthy /healthz, then turns per second
// and latency of single-turn conversations at 50 concurrent users, next to a bare botbuilder
// echo bot measured in the same run. Prints the figures; asserts nothing.
//   npm run bench            (BENCH_SECONDS, BENCH_CONNECTIONS to change the load)
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { projectPath } from '../bot/platform/paths';

const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function start(script: string, env: Record<string, string>): Promise<{ url: string; child: ChildProcess; ms: number }> {
  const port = await freePort();
  const began = performance.now();
  const child = spawn(process.execPath, ['--no-deprecation', projectPath('dist', ...script.split('/'))], {
    cwd: projectPath(),
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    try {
      if ((await fetch(`${url}/healthz`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { url, child, ms: performance.now() - began };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function load(url: string): Promise<autocannon.Result> {
  let sequence = 0;
  return autocannon({
    url,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path: '/api/messages',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => ({
          ...request,
          body: JSON.stringify({
            type: 'message',
            text: 'hello',
            channelId: 'bench',
            serviceUrl: 'http://127.0.0.1:9/unused',
            deliveryMode: 'expectReplies',
            conversation: { id: `bench-${process.pid}-${++sequence}` },
            from: { id: `user-${sequence}` },
            recipient: { id: 'bot' },
          }),
        }),
      },
    ],
  });
}

function describe(name: string, result: autocannon.Result): string {
  return [
    name.padEnd(28),
    `${result.requests.average.toFixed(0).padStart(6)} turns/s`,
    `p50 ${String(result.latency.p50).padStart(5)} ms`,
    `p99 ${String(result.latency.p99).padStart(5)} ms`,
    `errors ${result.errors + result.non2xx}`,
  ].join('  ');
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'helpline-bench-'));
  try {
    const fresh = await start('bot/server.js', { DATA_DIR: dataDir });
    await stop(fresh.child);
    const bot = await start('bot/server.js', { DATA_DIR: dataDir });
    const echo = await start('bench/echoBot.js', {});
    console.log(
      `cold start to /healthz 200: ${fresh.ms.toFixed(0)} ms (new DATA_DIR), ${bot.ms.toFixed(0)} ms (existing); echo bot ${echo.ms.toFixed(0)} ms`,
    );
    console.log(`load: ${connections} concurrent users, ${seconds} s each, one message per new conversation, expectReplies`);
    const echoResult = await load(echo.url);
    const botResult = await load(bot.url);
    console.log(describe('bare botbuilder echo bot', echoResult));
    console.log(describe(`helpline bot (PGlite)`, botResult));
    await Promise.all([stop(bot.child), stop(echo.child)]);

    if (process.env.BENCH_DATABASE_URL) {
      const onServer = await start('bot/server.js', { DATABASE_URL: process.env.BENCH_DATABASE_URL });
      console.log(describe('helpline bot (PostgreSQL)', await load(onServer.url)));
      await stop(onServer.child);
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
