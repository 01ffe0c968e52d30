// Figures for the understanding step on a split of the corpus: danger recall and false alarms per
// language and per category, by the phrase book, the trained reader and the two OR-ed; who is
// writing and what is happening where the writers labelled them. `npm run corpus` prints them;
// the corpus test asserts on the held-out split's.
import type { Understanding } from '../understand';
import { readCorpus, type LabelledMessage, type Split } from './corpus';

export interface Rate {
  found: number;
  of: number;
}

export interface DangerFigures {
  /** Danger messages found by either reader (999 or the caring question). */
  recall: Rate;
  /** Safe messages that raised either. */
  falseAlarms: Rate;
  phraseBookRecall: Rate;
  phraseBookFalseAlarms: Rate;
}

export interface CorpusFigures {
  byLanguage: Record<string, DangerFigures>;
  byCategory: Record<string, Rate>;
  /** Messages labelled `emergency`: found by either reader. */
  emergencies: Rate;
  writer: Rate;
  situation: Rate;
  /** Messages whose writers could not tell, given a guess all the same. */
  writerGuessedUnsaid: Rate;
  situationGuessedUnsaid: Rate;
  misses: LabelledMessage[];
  falseAlarmMessages: LabelledMessage[];
}

const empty = (): DangerFigures => ({
  recall: { found: 0, of: 0 },
  falseAlarms: { found: 0, of: 0 },
  phraseBookRecall: { found: 0, of: 0 },
  phraseBookFalseAlarms: { found: 0, of: 0 },
});

const count = (rate: Rate, hit: boolean): void => {
  rate.of += 1;
  if (hit) rate.found += 1;
};

export function evaluate(understanding: Understanding, rows: readonly LabelledMessage[]): CorpusFigures {
  const figures: CorpusFigures = {
    byLanguage: {},
    byCategory: {},
    emergencies: { found: 0, of: 0 },
    writer: { found: 0, of: 0 },
    situation: { found: 0, of: 0 },
    writerGuessedUnsaid: { found: 0, of: 0 },
    situationGuessedUnsaid: { found: 0, of: 0 },
    misses: [],
    falseAlarmMessages: [],
  };
  for (const row of rows) {
    const reading = understanding.read(row.message, row.language);
    const byPhrases = reading.danger.length > 0;
    const heard = byPhrases || reading.concern.length > 0;
    const language = (figures.byLanguage[row.language] ??= empty());
    const all = (figures.byLanguage.all ??= empty());
    for (const figuresFor of [language, all]) {
      if (row.danger === 'none') {
        count(figuresFor.falseAlarms, heard);
        count(figuresFor.phraseBookFalseAlarms, byPhrases);
      } else {
        count(figuresFor.recall, heard);
        count(figuresFor.phraseBookRecall, byPhrases);
      }
    }
    if (row.danger !== 'none') {
      count((figures.byCategory[row.danger] ??= { found: 0, of: 0 }), heard);
      if (!heard) figures.misses.push(row);
    } else if (heard) figures.falseAlarmMessages.push(row);
    if (row.level === 'emergency') count(figures.emergencies, heard);
    // What the bot says it understood and asks about: the best guess.
    if (row.writer !== undefined && row.writer !== 'unknown') count(figures.writer, reading.likely.writer === row.writer);
    if (row.situation !== undefined && row.situation !== 'unknown') count(figures.situation, reading.likely.situation === row.situation);
    // A guess where the writers could not tell: the bot asks "is that right?" about something not said.
    if (row.writer === 'unknown') count(figures.writerGuessedUnsaid, reading.likely.writer !== undefined);
    if (row.situation === 'unknown') count(figures.situationGuessedUnsaid, reading.likely.situation !== undefined);
  }
  return figures;
}

export const percent = (rate: Rate): string => (rate.of === 0 ? 'n/a' : `${((100 * rate.found) / rate.of).toFixed(1)} %`);

export function describeFigures(split: Split, figures: CorpusFigures): string {
  const lines = [`${split} split`];
  for (const [language, f] of Object.entries(figures.byLanguage)) {
    lines.push(
      `  ${language.padEnd(4)} danger recall ${percent(f.recall).padStart(7)} (n=${f.recall.of})  false alarms ${percent(f.falseAlarms).padStart(7)} (n=${f.falseAlarms.of})  | phrase book alone: recall ${percent(f.phraseBookRecall).padStart(7)}, false alarms ${percent(f.phraseBookFalseAlarms).padStart(7)}`,
    );
  }
  for (const [category, rate] of Object.entries(figures.byCategory))
    lines.push(`  ${category.padEnd(16)} recall ${percent(rate).padStart(7)} (n=${rate.of})`);
  lines.push(`  emergencies (level)  recall ${percent(figures.emergencies)} (n=${figures.emergencies.of})`);
  lines.push(
    `  writer where labelled ${percent(figures.writer)} (n=${figures.writer.of}); situation where labelled ${percent(figures.situation)} (n=${figures.situation.of})`,
  );
  lines.push(
    `  guessed where the writers could not tell: writer ${percent(figures.writerGuessedUnsaid)} (n=${figures.writerGuessedUnsaid.of}), situation ${percent(figures.situationGuessedUnsaid)} (n=${figures.situationGuessedUnsaid.of})`,
  );
  return lines.join('\n');
}

export function evaluateSplit(understanding: Understanding, split: Split): CorpusFigures {
  return evaluate(understanding, readCorpus(split));
}
