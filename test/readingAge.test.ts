// What young people read is written for a reading age of 11 or below (Flesch-Kincaid grade + 5).
// text-readability is an ES module, which jest on Node 20 cannot load, so the compiled
// reading-age script (the one `npm run reading-age` runs) is run and its figures read.
import { spawnSync } from 'node:child_process';
import { projectPath } from '../bot/platform/paths';

it.each(['kent', 'medway', 'thames-valley', 'set'])(
  'every young-person message in the %s pack, and all of them together, read at 11 years or below',
  (area) => {
    const run = spawnSync(process.execPath, [projectPath('dist', 'bench', 'readingAge.js'), '--json'], {
      encoding: 'utf8',
      env: { ...process.env, AREA: area },
    });
    expect(run.stderr).toBe('');
    const figures = JSON.parse(run.stdout) as { overall: number; messages: Array<{ key: string; age: number }> };
    expect(figures.messages.length).toBeGreaterThan(20);
    expect(figures.messages.filter((message) => message.age > 11)).toEqual([]);
    expect(figures.overall).toBeLessThanOrEqual(11);
  },
);
