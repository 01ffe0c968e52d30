// Starting and stopping the processes a bench measures, and reading their peak memory.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { projectPath } from '../../bot/platform/paths';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
    server.on('error', reject);
  });
}

export interface Started {
  name: string;
  url: string;
  child: ChildProcess;
  /** From spawn to /healthz 200. */
  startMs: number;
  /** What the process wrote to stderr (its warn/error logs), counted by message. */
  logs: Map<string, number>;
}

/** Spawns `dist/<script>` with only the environment given (plus PATH) and waits for /healthz 200. */
export async function startProcess(script: string, env: Record<string, string>, nodeArgs: string[] = []): Promise<Started> {
  const port = await freePort();
  const began = performance.now();
  const child = spawn(process.execPath, ['--no-deprecation', ...nodeArgs, projectPath('dist', ...script.split('/'))], {
    cwd: projectPath(),
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const logs = new Map<string, number>();
  let pending = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.trim()) continue;
      const key = logKey(line);
      logs.set(key, (logs.get(key) ?? 0) + 1);
    }
  });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    try {
      if ((await fetch(`${url}/healthz`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}: ${[...logs.keys()].join(' | ')}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { name: script, url, child, startMs: performance.now() - began, logs };
}

/** A pino line as "level: message (err type)"; anything else as its first 160 characters. */
function logKey(line: string): string {
  try {
    const entry = JSON.parse(line) as { level?: number; msg?: string; err?: { type?: string; message?: string } };
    const level = { 40: 'warn', 50: 'error', 60: 'fatal' }[entry.level ?? 0] ?? String(entry.level);
    const cause = entry.err ? ` (${entry.err.type ?? 'Error'}: ${(entry.err.message ?? '').slice(0, 120)})` : '';
    return `${level}: ${entry.msg ?? ''}${cause}`;
  } catch {
    return line.slice(0, 160);
  }
}

export async function stopProcess(started: Started): Promise<void> {
  const { child } = started;
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Peak resident set size of a live process in MiB (VmHWM), or undefined when it cannot be read. */
export function peakRssMiB(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}
