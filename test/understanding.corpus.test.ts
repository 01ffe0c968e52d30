// The understanding step against the labelled corpus in test/corpus/: recall and precision per
// label, printed. Danger recall must be 100 %; the other figures must not fall below their floors.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { loadContent } from '../bot/content/loadContent';
import { createLocaliser } from '../bot/content/i18n';
import { createUnderstanding } from '../bot/understanding/understand';
import { readAnswer } from '../bot/understanding/openQuestion';
import type { Choices } from '../dialogs/base/choices';
import { whereaboutsChoices } from '../dialogs/carer/carerJourneyDialog';
import { situationChoices } from '../dialogs/parent/parentJourneyDialog';
import { offerChoices, whereChoices } from '../dialogs/youngPerson/youngPersonJourneyDialog';

const content = loadContent({ area: 'kent' });
const understanding = createUnderstanding(content, { dangerAlwaysIn: content.area.languages });
const corpus = (file: string): Array<Record<string, string>> =>
  parse(readFileSync(path.join(__dirname, 'corpus', file)), { columns: true, skip_empty_lines: true, trim: true });

interface Tally {
  truePositive: number;
  falsePositive: number;
  falseNegative: number;
}

/** Per label: how often it was given when right (precision) and found when due (recall). */
function score(pairs: Array<{ expected: string; got: string }>): Map<string, Tally> {
  const tallies = new Map<string, Tally>();
  const tally = (label: string) => {
    const found = tallies.get(label) ?? { truePositive: 0, falsePositive: 0, falseNegative: 0 };
    tallies.set(label, found);
    return found;
  };
  for (const { expected, got } of pairs) {
    if (expected === got) tally(expected).truePositive += 1;
    else {
      tally(expected).falseNegative += 1;
      tally(got).falsePositive += 1;
    }
  }
  return tallies;
}

const percent = (part: number, whole: number) => (whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)} %`);

function report(title: string, tallies: Map<string, Tally>, misses: string[]): void {
  const rows = [...tallies]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(
      ([label, t]) =>
        `  ${label.padEnd(34)} recall ${percent(t.truePositive, t.truePositive + t.falseNegative).padStart(8)}  precision ${percent(t.truePositive, t.truePositive + t.falsePositive).padStart(8)}  (n=${t.truePositive + t.falseNegative})`,
    );
  console.log([`${title}`, ...rows, ...(misses.length ? ['  misses:', ...misses.slice(0, 40).map((m) => `    ${m}`)] : [])].join('\n'));
}

const recall = (t: Tally | undefined) => (t ? t.truePositive / Math.max(1, t.truePositive + t.falseNegative) : 1);
const accuracy = (pairs: Array<{ expected: string; got: string }>) => pairs.filter((p) => p.expected === p.got).length / pairs.length;

describe('the understanding step on the corpus', () => {
  const danger = [...corpus('danger.csv'), ...corpus('first-messages.csv')].map((row) => {
    const found = understanding.read(row.message ?? '', 'en-GB').danger;
    const expected = row.danger ?? 'none';
    // A message in danger counts as found when its category, or any other, is given: all give 999.
    const got =
      expected !== 'none' && found.length > 0
        ? found.includes(expected as never)
          ? expected
          : `${expected}(as ${found[0]})`
        : (found[0] ?? 'none');
    return { message: row.message ?? '', expected, got: got.includes('(as') ? expected : got, category: got };
  });

  it('finds every message in danger (recall 100 %) and prints the false-alarm rate', () => {
    const tallies = score(
      danger.map(({ expected, got }) => ({ expected: expected === 'none' ? 'none' : 'danger', got: got === 'none' ? 'none' : 'danger' })),
    );
    const categories = score(
      danger
        .filter((d) => d.expected !== 'none')
        .map(({ expected, category }) => ({
          expected,
          got: category.includes('(as') ? (category.split('(as ')[1]?.replace(')', '') ?? '') : category,
        })),
    );
    const safe = danger.filter((d) => d.expected === 'none');
    const falseAlarms = safe.filter((d) => d.got !== 'none');
    report(
      'danger (any category)',
      tallies,
      danger.filter((d) => d.expected !== 'none' && d.got === 'none').map((d) => `missed: ${d.message}`),
    );
    report('danger category', categories, []);
    console.log(
      `false alarms: ${falseAlarms.length} of ${safe.length} safe messages (${percent(falseAlarms.length, safe.length)})\n${falseAlarms.map((d) => `    ${d.got}: ${d.message}`).join('\n')}`,
    );
    expect(danger.filter((d) => d.expected !== 'none' && d.got === 'none').map((d) => d.message)).toEqual([]);
  });

  const first = corpus('first-messages.csv').map((row) => ({ row, reading: understanding.read(row.message ?? '', 'en-GB') }));

  it.each([
    ['writer', (r: ReturnType<typeof understanding.read>) => r.writer ?? 'unknown', 0.8],
    ['situation', (r: ReturnType<typeof understanding.read>) => r.situation ?? 'unknown', 0.7],
    ['disclosure', (r: ReturnType<typeof understanding.read>) => r.disclosures[0] ?? 'none', 0.85],
  ] as const)('reads the first message for %s', (column, pick, floor) => {
    const pairs = first.map(({ row, reading }) => {
      const expected = row[column] ?? '';
      const got = column === 'disclosure' && reading.disclosures.includes(expected as never) ? expected : pick(reading);
      return { expected, got, message: row.message ?? '' };
    });
    report(
      `first message: ${column} (accuracy ${percent(pairs.filter((p) => p.expected === p.got).length, pairs.length)})`,
      score(pairs),
      pairs.filter((p) => p.expected !== p.got).map((p) => `${p.expected} -> ${p.got}: ${p.message}`),
    );
    expect(accuracy(pairs)).toBeGreaterThanOrEqual(floor);
  });

  it('reads every disclosure a young person makes (recall of each kind)', () => {
    const due = first.filter(({ row }) => row.disclosure !== 'none');
    const missed = due.filter(({ row, reading }) => !reading.disclosures.includes(row.disclosure as never));
    console.log(
      `disclosures found ${due.length - missed.length} of ${due.length}${missed.map(({ row }) => `\n    missed ${row.disclosure}: ${row.message}`).join('')}`,
    );
    expect(recall({ truePositive: due.length - missed.length, falsePositive: 0, falseNegative: missed.length })).toBeGreaterThanOrEqual(
      0.9,
    );
  });
});

describe('answers to the question asked, as people type them', () => {
  const messages = createLocaliser(content).messages('en-GB');
  const choiceQuestions: Record<string, Choices<string>> = {
    'choice:parent.situation': situationChoices,
    'choice:youngPerson.offer': offerChoices,
    'choice:youngPerson.where': whereChoices,
    'choice:carer.whereabouts': whereaboutsChoices,
  };
  const answer = (asked: string, message: string): string => {
    if (asked === 'yesno') return understanding.everyday(message, 'en-GB') ?? 'none';
    if (asked === 'age')
      return String(understanding.age(message, 'en-GB') ?? (understanding.everyday(message, 'en-GB') === 'unknown' ? 'unknown' : 'none'));
    const choices = choiceQuestions[asked];
    if (!choices) throw new Error(`test/corpus/answers.csv: no question "${asked}"`);
    return readAnswer(message, choices.asked(asked), messages, understanding).option ?? 'none';
  };
  const rows = corpus('answers.csv');
  const kinds = [...new Set(rows.map((row) => row.asked ?? ''))];

  it.each(kinds)('%s', (asked) => {
    const pairs = rows
      .filter((row) => row.asked === asked)
      .map((row) => ({ expected: row.answer ?? '', got: answer(asked, row.message ?? ''), message: row.message ?? '' }));
    report(
      `answers to ${asked} (accuracy ${percent(pairs.filter((p) => p.expected === p.got).length, pairs.length)})`,
      score(pairs),
      pairs.filter((p) => p.expected !== p.got).map((p) => `${p.expected} -> ${p.got}: ${p.message}`),
    );
    expect(accuracy(pairs)).toBeGreaterThanOrEqual(0.85);
  });
});
