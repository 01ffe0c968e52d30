// Reading age of what the bot says to young people: the Flesch-Kincaid grade (text-readability,
// a port of textstat) of every young-person message, rendered with the area's words, plus five
// years for the UK reading age. Prints the figures; the content test holds the line.
//   npm run reading-age        (--json for the figures as JSON; the test reads them so)
import { loadContent } from '../bot/content/loadContent';
import { flattenKeys } from '../bot/content/localeSchema';
import { createLocaliser } from '../bot/content/i18n';
import { youngPersonMessages, readingAge } from './readability';

const content = loadContent({ area: process.env.AREA ?? 'kent' });
const messages = createLocaliser(content).messages('en-GB');
const texts = youngPersonMessages(flattenKeys(content.locales['en-GB'] ?? {}), messages);
const rows = texts.map(({ key, text }) => ({ key, age: readingAge(text) })).sort((a, b) => b.age - a.age);
const overall = readingAge(texts.map((entry) => entry.text).join(' '));
if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ overall, messages: rows }));
  process.exit(0);
}
console.log(`young-person messages: ${texts.length}; reading age of them all together: ${overall.toFixed(1)} years`);
console.log('hardest five:');
for (const row of rows.slice(0, 5)) console.log(`  ${row.age.toFixed(1).padStart(5)}  ${row.key}`);
