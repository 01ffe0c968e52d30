// What reading a message costs: the understanding step over every message of the corpus in
// test/corpus (both corpora, every language), many times over, in one process. Prints
// microseconds per message: the mean, and the median and 99th percentile of single readings.
//   npm run bench:understanding
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { loadContent } from '../bot/content/loadContent';
import { projectPath } from '../bot/platform/paths';
import { createUnderstanding } from '../bot/understanding/understand';
import { dangerModelFrom } from '../bot/understanding/trainedModel';
import { corpusFiles, readCorpusFile } from '../bot/understanding/training/corpus';

const rounds = Number(process.env.BENCH_ROUNDS ?? 20);
const messages = [
  ...['danger.csv', 'first-messages.csv', 'answers.csv'].flatMap((file) =>
    parse<{ message: string }>(readFileSync(projectPath('test', 'corpus', file)), { columns: true }).map((row) => row.message),
  ),
  ...[...corpusFiles('train'), ...corpusFiles('heldout')].flatMap(readCorpusFile).map((row) => row.message),
];
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

/** Single readings, each timed: the median and the 99th percentile in microseconds. */
const spread = (work: (message: string) => unknown): string => {
  const each: number[] = [];
  for (const message of messages) {
    const start = performance.now();
    work(message);
    each.push((performance.now() - start) * 1000);
  }
  each.sort((a, b) => a - b);
  const at = (share: number) => (each[Math.min(each.length - 1, Math.floor(share * each.length))] ?? 0).toFixed(1);
  return `p50 ${at(0.5)} µs, p99 ${at(0.99)} µs`;
};
console.log(`understanding step: built in ${built.toFixed(0)} ms; ${messages.length} messages x ${rounds} rounds`);
console.log(
  `  read (danger, disclosures, writer, situation, question, facts): ${time((m) => understanding.read(m, 'en-GB')).toFixed(1)} µs a message (${spread((m) => understanding.read(m, 'en-GB'))})`,
);
const model = dangerModelFrom(content.models.danger);
console.log(
  `  of which the trained danger reader:   ${time((m) => model.judge(m)).toFixed(1)} µs a message (${spread((m) => model.judge(m))})`,
);
console.log(
  `  everyday answer (yes/no/not known/skip):                 ${time((m) => understanding.everyday(m, 'en-GB')).toFixed(1)} µs a message`,
);
console.log(
  `  age:                                                     ${time((m) => understanding.age(m, 'en-GB')).toFixed(1)} µs a message`,
);
