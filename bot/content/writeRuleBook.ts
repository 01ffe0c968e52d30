// `npm run rulebook -- --area <id>`: writes the area's rule book page (every area without --area)
// to dist/rulebook/<id>.html, for a safeguarding lead to read and sign off.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectPath } from '../platform/paths';
import { loadContent } from './loadContent';
import { renderRuleBook } from './ruleBookPage';

const at = process.argv.indexOf('--area');
const areas = at >= 0 ? [process.argv[at + 1] ?? ''] : readdirSync(projectPath('content', 'areas')).sort();
const folder = projectPath('dist', 'rulebook');
mkdirSync(folder, { recursive: true });
for (const area of areas) {
  const file = path.join(folder, `${area}.html`);
  writeFileSync(file, renderRuleBook(loadContent({ area })));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
