// Where the project's own files are, whether running from source (tests) or from dist/.
import { existsSync } from 'node:fs';
import path from 'node:path';

function findProjectRoot(start: string): string {
  let directory = start;
  while (!existsSync(path.join(directory, 'package.json'))) {
    const parent = path.dirname(directory);
    if (parent === directory) throw new Error(`package.json not found above ${start}`);
    directory = parent;
  }
  return directory;
}

export const projectRoot = findProjectRoot(__dirname);

export const projectPath = (...segments: string[]): string => path.join(projectRoot, ...segments);
