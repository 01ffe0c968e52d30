// Danger as read on the frozen held-out split (test/corpus/heldout): messages written by people
// who never saw the phrase lists, the training messages or the code. Nothing is tuned on it.
// The floors below are what the step reaches today, so that a change that hears less fails here;
// DANGER_TARGETS are what the project aims for, printed beside the figures.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadContent } from '../bot/content/loadContent';
import { createUnderstanding } from '../bot/understanding/understand';
import { CORPUS_DIRECTORY, corpusFiles, readCorpus } from '../bot/understanding/training/corpus';
import { describeFigures, evaluate, type Rate } from '../bot/understanding/training/evaluate';

const content = loadContent({ area: 'kent' });
const understanding = createUnderstanding(content, { dangerAlwaysIn: content.area.languages });
const figures = evaluate(understanding, readCorpus('heldout'));
const share = (rate: Rate | undefined) => (rate && rate.of > 0 ? rate.found / rate.of : 0);

/**
 * Floors per language: recall (either reader) and the most false alarms allowed. On 5 December
 * 2026 four held-out writers came in with many safe messages in danger's words (the phrase book
 * raises more of them: the false-alarm ceilings rose with them), and eight training writers; later
 * that day four more training writers and a danger reader with longer character n-grams. Later
 * still, phrases for danger a fresh walk typed in Arabic raised one more of the Arabic safe
 * messages (80 of 1,309): the Arabic ceiling is 6.2 %.
 */
const FLOORS: Record<string, { recall: number; falseAlarms: number }> = {
  all: { recall: 0.924, falseAlarms: 0.084 },
  en: { recall: 0.952, falseAlarms: 0.086 },
  pl: { recall: 0.931, falseAlarms: 0.101 },
  ro: { recall: 0.963, falseAlarms: 0.1 },
  ar: { recall: 0.852, falseAlarms: 0.062 },
};
const IMMEDIATE_FLOOR = 0.96;
/** Who is writing and what is happening, where the writers labelled them: the words, or else the trained readers. */
const WRITER_FLOOR = 0.755;
// 62 %: words that say gone are no longer overruled by the trained reader's guess of back (a
// child taken for back is no longer looked for), which costs a point where the guess was right.
const SITUATION_FLOOR = 0.62;
/** The most guesses allowed on messages whose writers could not tell who writes or what is happening. */
const GUESSED_UNSAID_CEILING = { writer: 0.45, situation: 0.35 };
/** What the project aims for (issue "Hear what a person means"); printed, not yet reached. */
const DANGER_TARGETS = { recall: 0.97, immediate: 1, falseAlarms: 0.03 };
const READING_TARGET = 0.95;

describe('the held-out split', () => {
  it('is frozen: every file matches its checksum, and no file is unlisted', () => {
    const listed = readFileSync(path.join(CORPUS_DIRECTORY, 'heldout', 'SHA256SUMS'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => line.split(/\s+/))
      .map(([sum, file]) => ({ sum, file: file ?? '' }));
    for (const { sum, file } of listed) {
      expect(
        createHash('sha256')
          .update(readFileSync(path.join(CORPUS_DIRECTORY, 'heldout', file)))
          .digest('hex'),
      ).toBe(sum);
    }
    expect(
      corpusFiles('heldout')
        .map((file) => path.basename(file))
        .sort(),
    ).toEqual(listed.map(({ file }) => file).sort());
  });

  it('is at least a quarter of each language and never read in training', () => {
    const train = readCorpus('train');
    const heldout = readCorpus('heldout');
    const trainMessages = new Set(train.map((row) => row.message));
    expect(heldout.filter((row) => trainMessages.has(row.message))).toEqual([]);
    for (const language of ['en', 'pl', 'ro', 'ar']) {
      const held = heldout.filter((row) => row.language === language).length;
      const all = held + train.filter((row) => row.language === language).length;
      expect(held / all).toBeGreaterThanOrEqual(0.25);
    }
    for (const model of Object.values(content.models)) {
      expect(model.trainedOn.some((entry) => entry.file.startsWith('heldout'))).toBe(false);
    }
  });

  it('danger is heard at or above the floors, per language, with false alarms under their ceilings', () => {
    console.log(
      `${describeFigures('heldout', figures)}\n  targets: recall ${DANGER_TARGETS.recall * 100} % per language, ${DANGER_TARGETS.immediate * 100} % for immediate danger, false alarms at most ${DANGER_TARGETS.falseAlarms * 100} %`,
    );
    for (const [language, floor] of Object.entries(FLOORS)) {
      const found = figures.byLanguage[language];
      expect(share(found?.recall)).toBeGreaterThanOrEqual(floor.recall);
      expect(share(found?.falseAlarms)).toBeLessThanOrEqual(floor.falseAlarms);
    }
    expect(share(figures.byCategory.immediate)).toBeGreaterThanOrEqual(IMMEDIATE_FLOOR);
  });

  it(`who is writing and what is happening are read at or above their floors (target ${READING_TARGET * 100} %)`, () => {
    expect(share(figures.writer)).toBeGreaterThanOrEqual(WRITER_FLOOR);
    expect(share(figures.situation)).toBeGreaterThanOrEqual(SITUATION_FLOOR);
    // Not bought by guessing: where the writers could not tell, a guess is seldom made.
    expect(share(figures.writerGuessedUnsaid)).toBeLessThanOrEqual(GUESSED_UNSAID_CEILING.writer);
    expect(share(figures.situationGuessedUnsaid)).toBeLessThanOrEqual(GUESSED_UNSAID_CEILING.situation);
  });
});
