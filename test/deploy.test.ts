// The image's layout, tried without a Docker engine: the runtime folder the Dockerfile's build
// stage gathers (deploy/stageRuntime.ts), here with links, and the bot started from it as the
// image starts it: production, no compiler, only production packages to be found.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { projectRoot } from '../bot/platform/paths';
import { productionPackages, stageRuntime } from '../deploy/stageRuntime';
import { freePort } from './support/processes';

let folder: string;
let child: ChildProcess | undefined;
let url = '';
let output = '';

beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'helpline-runtime-'));
  stageRuntime(projectRoot, folder, { link: true });
  const port = await freePort();
  // Links are followed as where they stand, so a package is found only if it was staged.
  child = spawn(process.execPath, ['--preserve-symlinks', '--preserve-symlinks-main', '--no-deprecation', 'dist/bot/server.js'], {
    cwd: folder,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      ID_HASH_SECRET: 'deploy-test-secret-0123456789',
      DATA_DIR: path.join(folder, 'data'),
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const listening = new Promise<void>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('helpline bot listening on')) resolve();
    };
    child?.stdout?.on('data', read);
    child?.stderr?.on('data', read);
    child?.once('exit', (code) => reject(new Error(`the bot exited (${code}):\n${output}`)));
  });
  await listening;
  url = `http://127.0.0.1:${port}`;
}, 120_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child?.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  rmSync(folder, { recursive: true, force: true });
});

describe('the runtime folder the image is built from', () => {
  it("holds no test or lint tool, and the bot's own packages", () => {
    const staged = productionPackages(projectRoot);
    const { devDependencies } = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    const tools = ['jest', 'ts-jest', 'eslint', 'prettier', 'nock', 'playwright-core'];
    for (const name of tools) expect(devDependencies).toHaveProperty(name);
    expect(tools.filter((name) => staged.includes(path.join('node_modules', name)))).toEqual([]);
    expect(staged).toEqual(
      expect.arrayContaining(['botbuilder', 'pg', '@electric-sql/pglite'].map((name) => path.join('node_modules', name))),
    );
  });

  it('starts in production and serves the probes, the widget page and a turn', async () => {
    expect((await fetch(`${url}/livez`)).status).toBe(200);
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('999');
    const turn = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        text: 'hello',
        channelId: 'local',
        serviceUrl: 'http://127.0.0.1:9',
        conversation: { id: 'deploy-1' },
        from: { id: 'someone' },
        recipient: { id: 'bot' },
        deliveryMode: 'expectReplies',
      }),
    });
    const { activities } = (await turn.json()) as { activities: Array<{ text?: string }> };
    expect(activities.map((activity) => activity.text ?? '').join('\n')).toContain('Who is writing?');
  });
});
