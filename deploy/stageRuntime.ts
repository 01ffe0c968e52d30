// What a server runs, gathered in one folder: the compiled bot, the files it reads at run time,
// and the production dependencies only (no compiler, no test tools). The image's build stage runs
// it (Dockerfile); test/deploy.test.ts runs it with links instead of copies and starts the bot
// from the folder, so the image's layout is tried where no Docker engine runs.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../bot/platform/paths';

/** The project's own files the running bot needs: its code, its words and rules, its migrations, the widget page. */
export const RUNTIME_PATHS = [
  'package.json',
  'package-lock.json',
  'dist/bot',
  'dist/channels',
  'dist/dialogs',
  'content',
  'bot/store/migrations',
  'channels/webchat/page',
] as const;

/**
 * The installed packages production needs, as their folders under node_modules ("node_modules/pg",
 * "node_modules/@electric-sql/pglite"): what `npm ls --omit=dev` lists, by top-level folder (a
 * package nested in another comes with it).
 */
export function productionPackages(root: string): string[] {
  const listed = spawnSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: root, encoding: 'utf8' });
  // npm exits 1 on a peer range it dislikes (Web Chat's React) and still lists every package.
  const folders = listed.stdout
    .split('\n')
    .map((line) => path.relative(root, line.trim()))
    .filter((relative) => relative.startsWith('node_modules'))
    .map((relative) => {
      const [, scopeOrName = '', name = ''] = relative.split(path.sep);
      return path.join('node_modules', ...(scopeOrName.startsWith('@') ? [scopeOrName, name] : [scopeOrName]));
    });
  if (folders.length === 0) throw new Error(`npm ls listed no production packages in ${root}:\n${listed.stderr}`);
  return [...new Set(folders)].sort();
}

/** Copies (or, with `link`, links) the runtime files and production packages of `root` into `out`. */
export function stageRuntime(root: string, out: string, { link = false }: { link?: boolean } = {}): void {
  for (const relative of [...RUNTIME_PATHS, ...productionPackages(root)]) {
    const from = path.join(root, relative);
    const to = path.join(out, relative);
    mkdirSync(path.dirname(to), { recursive: true });
    if (link) symlinkSync(from, to);
    else cpSync(from, to, { recursive: true, verbatimSymlinks: true });
  }
}

if (require.main === module) {
  const out = process.argv[2];
  if (!out) throw new Error('usage: node dist/deploy/stageRuntime.js <folder>');
  stageRuntime(projectRoot, path.resolve(out));
}
