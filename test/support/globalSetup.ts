// Before any test file: the JavaScript that tests run as processes of their own (dist/bot/server.js,
// dist/bench/readingAge.js and what they import). `npm test` type-checks the whole project with
// `tsc --noEmit` first, so here each changed file is only transpiled (tsconfig has isolatedModules,
// so file by file gives what tsc gives), in about a second, and only when dist/ is older than it.
// `npm run build` and `npm start` still build dist/ with tsc.
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectPath, projectRoot } from '../../bot/platform/paths';

/** The folders whose code runs outside jest; test/ never does. */
const SOURCE_FOLDERS = ['bot', 'dialogs', 'channels', 'bench'];

export default async function globalSetup(): Promise<void> {
  const stale = SOURCE_FOLDERS.flatMap((folder) => sources(projectPath(folder))).filter((source) => {
    const built = output(source);
    try {
      return statSync(built).mtimeMs < statSync(source).mtimeMs;
    } catch {
      return true;
    }
  });
  if (stale.length === 0) return;
  const ts = await import('typescript');
  const configFile = ts.readConfigFile(projectPath('tsconfig.json'), (file) => ts.sys.readFile(file));
  if (configFile.error) throw new Error(ts.flattenDiagnosticMessageText(configFile.error.messageText, '\n'));
  const { options } = ts.parseJsonConfigFileContent(configFile.config, ts.sys, projectRoot);
  const compilerOptions = { ...options, noEmit: false, incremental: false, tsBuildInfoFile: undefined };
  for (const source of stale) {
    const built = output(source);
    const { outputText, sourceMapText } = ts.transpileModule(readFileSync(source, 'utf8'), { compilerOptions, fileName: source });
    mkdirSync(path.dirname(built), { recursive: true });
    // Written aside then renamed: a process starting meanwhile never reads half a file.
    if (sourceMapText) writeAtomically(`${built}.map`, sourceMapText);
    writeAtomically(built, outputText);
  }
}

function sources(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sources(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

const output = (source: string) => path.join(projectPath('dist'), path.relative(projectRoot, source)).replace(/\.ts$/, '.js');

function writeAtomically(file: string, text: string): void {
  const aside = `${file}.${process.pid}.tmp`;
  writeFileSync(aside, text);
  renameSync(aside, file);
}
