// What reading a message costs: the understanding step over every message of the corpus in
// test/corpus, many times over, in one process. Prints microseconds per message.
//   npm run bench:understanding
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { loadContent } from '../bot/content/loadContent';
import { projectPath } from '../bot/platform/paths';
import { createUnderstanding } from '../bot/understanding/understand';

const rounds = Number(process.env.BENCH_ROUNDS ?? 20);
const messages = ['danger.csv', 'first-messages.csv', 'answers.csv'].flatMap((file) =>
  parse<{ message: string }>(readFileSync(projectPath('test', 'corpus', file)), { columns: true }).map((row) => row.message),
);
const began = performance.now();
const content = loadContent({ area: 'kent' });
const understanding = createUnderstanding(content, { dangerAlwaysIn: content.area.languages });
const built = performance.now() - began;
understanding.read('warm up', 'en-GB');

const time = (work: (message: string) => unknown): number => {
  const start = performance.now();
  for (let round = 0; round < rounds; round += 1) for (const message of messages) work(message);
  return ((performance.now() - start) * 1000) / (rounds * messages.length);
};
console.log(`understanding step: built in ${built.toFixed(0)} ms; ${messages.length} messages x ${rounds} rounds`);
console.log(
  `  read (danger, disclosures, writer, situation, question): ${time((m) => understanding.read(m, 'en-GB')).toFixed(1)} µs a message`,
);
console.log(
  `  everyday answer (yes/no/not known/skip):                 ${time((m) => understanding.everyday(m, 'en-GB')).toFixed(1)} µs a message`,
);
console.log(
  `  age:                                                     ${time((m) => understanding.age(m, 'en-GB')).toFixed(1)} µs a message`,
);
