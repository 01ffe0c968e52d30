// Runs the built bot (dist/bot/server.js) as a separate process, as `npm start` does.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { projectPath } from '../../bot/platform/paths';

export interface BotProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  stop(): Promise<number | null>;
}

const serverScript = projectPath('dist', 'bot', 'server.js');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Starts the bot and waits for /healthz, or for the process to exit (then `url` is empty). */
export async function startBotProcess(env: Record<string, string>, timeoutMs = 30_000): Promise<BotProcess> {
  if (!existsSync(serverScript))
    throw new Error('dist/bot/server.js is missing: run `npm run build` (the jest global setup, test/support/globalSetup.ts, builds it)');
  const port = await freePort();
  const child = spawn(process.execPath, ['--no-deprecation', serverScript], {
    cwd: projectPath(),
    // A busy machine must not make an ordinary turn a slow one (test/slowTurn.test.ts tries the deadline).
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: String(port), TURN_DEADLINE_MS: '30000', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  let ready = false;
  let hasExited = false;
  void exited.then(() => (hasExited = true));
  while (!ready && !hasExited && Date.now() < deadline) {
    try {
      ready = (await fetch(`${url}/healthz`)).status === 200;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  if (!ready && !hasExited) {
    child.kill('SIGKILL');
    throw new Error(`bot did not become healthy in ${timeoutMs} ms:\n${output}`);
  }
  return {
    url: ready ? url : '',
    child,
    output: () => output,
    exited,
    async stop() {
      if (!hasExited) child.kill('SIGTERM');
      return exited;
    },
  };
}
