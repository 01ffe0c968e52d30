// Starting and stopping the processes a bench measures, and reading their peak memory; and ports
// for the stand-ins that a bench takes down and brings back.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { projectPath } from '../../bot/platform/paths';

/** The build this bench runs from (dist/, or another --outDir): the processes it starts come from it too. */
const buildRoot = path.resolve(__dirname, '..', '..');

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
  /** What the process logged (pino's lines on stdout, at LOG_LEVEL warn unless told) and wrote to stderr, counted by message. */
  logs: Map<string, number>;
}

/** Spawns `<build>/<script>` with only the environment given (plus PATH) and waits for /healthz 200. */
export async function startProcess(script: string, env: Record<string, string>, nodeArgs: string[] = []): Promise<Started> {
  const port = await freePort();
  const began = performance.now();
  const child = spawn(process.execPath, ['--no-deprecation', ...nodeArgs, path.join(buildRoot, ...script.split('/'))], {
    cwd: projectPath(),
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs = new Map<string, number>();
  for (const stream of [child.stdout, child.stderr]) {
    let pending = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.trim()) continue;
        const key = logKey(line);
        logs.set(key, (logs.get(key) ?? 0) + 1);
      }
    });
  }
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

export async function stopProcess(started: Started, signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
  const { child } = started;
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

export function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const failed = (error: Error) => reject(error);
    server.once('error', failed);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', failed);
      resolve();
    });
  });
}

/** The lowest port the kernel hands to outgoing connections. */
function ephemeralPortsFrom(): number {
  try {
    return Number(/^(\d+)/.exec(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8'))?.[1] ?? 32768);
  } catch {
    return 32768;
  }
}

/**
 * Listens on a free port below the ephemeral range. A stand-in that stops listening for a while
 * (a provider that is down) can listen on the same port again: no outgoing connection is given a
 * port there meanwhile, as it may be one taken from the ephemeral range.
 */
export async function listenOnSteadyPort(server: Server): Promise<number> {
  const below = ephemeralPortsFrom();
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const port = below - 1 - Math.floor(Math.random() * Math.min(10_000, below - 1025));
    try {
      await listen(server, port);
      return port;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    }
  }
  throw new Error(`no free port below ${below}`);
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
