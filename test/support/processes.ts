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

/** What bot/server.ts logs once it serves requests. */
const READY_LINE = 'helpline bot listening on';

/** Starts the bot and waits for its ready line, or for the process to exit (then `url` is empty). */
export async function startBotProcess(env: Record<string, string>, guardMs = 120_000): Promise<BotProcess> {
  if (!existsSync(serverScript))
    throw new Error('dist/bot/server.js is missing: run `npm run build` (the jest global setup, test/support/globalSetup.ts, builds it)');
  const port = await freePort();
  const child = spawn(process.execPath, ['--no-deprecation', serverScript], {
    cwd: projectPath(),
    // Info, for the server's ready line. A busy machine must not make an ordinary turn slow (test/slowTurn.test.ts tries the deadline).
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', HOST: '127.0.0.1', PORT: String(port), TURN_DEADLINE_MS: '30000', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  // Ready when the server says it listens (a busy machine may take long to start: no health
  // poll against a fixed deadline); not when it exits first. The guard only stops a hung start.
  let readyAt: () => void = () => undefined;
  const said = new Promise<'ready'>((resolve) => (readyAt = () => resolve('ready')));
  const onOutput = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.includes(READY_LINE)) readyAt();
  };
  child.stdout?.on('data', onOutput);
  child.stderr?.on('data', onOutput);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  let guard: ReturnType<typeof setTimeout> | undefined;
  const outcome = await Promise.race([
    said,
    exited.then(() => 'exited' as const),
    new Promise<'hung'>((resolve) => (guard = setTimeout(() => resolve('hung'), guardMs))),
  ]);
  clearTimeout(guard);
  if (outcome === 'hung') {
    child.kill('SIGKILL');
    throw new Error(`bot did not say it was listening in ${guardMs} ms:\n${output}`);
  }
  const ready = outcome === 'ready';
  let hasExited = false;
  void exited.then(() => (hasExited = true));
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
