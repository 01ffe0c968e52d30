// The labelled corpus in test/corpus: what `npm run train` learns from (the training split) and
// what the figures are measured on (the held-out split, written by other people and never used
// to write phrases or choose thresholds). Rows are checked as they are read.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { projectPath } from '../../platform/paths';
import { DANGER_CATEGORIES, ROLES, SITUATIONS } from '../../content/vocabulary';

export const CORPUS_DIRECTORY = projectPath('test', 'corpus');
export const SPLITS = ['train', 'heldout'] as const;
export type Split = (typeof SPLITS)[number];

const row = z.object({
  message: z.string().min(1),
  /** "unknown": the writers could not tell; absent: the file does not say (danger.csv has no situation). */
  writer: z.enum([...ROLES, 'unknown']).optional(),
  situation: z.enum([...SITUATIONS, 'unknown']).optional(),
  danger: z.enum(['none', ...DANGER_CATEGORIES]),
  /** How urgent: an emergency (999 now) or a concern (a real risk, not clearly this minute). */
  level: z.enum(['emergency', 'concern', 'none']).optional(),
});

export interface LabelledMessage extends z.infer<typeof row> {
  /** The language the message is written in ("en", "pl", "ro", "ar"). */
  language: string;
  /** Where it came from, as `split/file:line`, for reports. */
  from: string;
}

/** The files of a split: the split's folder; the training split also has the first corpus's two files. */
export function corpusFiles(split: Split): string[] {
  const folder = path.join(CORPUS_DIRECTORY, split);
  const own = readdirSync(folder)
    .filter((file) => file.endsWith('.csv'))
    .sort()
    .map((file) => path.join(folder, file));
  return split === 'train' ? [path.join(CORPUS_DIRECTORY, 'danger.csv'), path.join(CORPUS_DIRECTORY, 'first-messages.csv'), ...own] : own;
}

/** A file's language is the start of its name ("pl.csv", "en-b.csv"); the first corpus is English. */
function languageOfFile(file: string): string {
  const match = /^([a-z]{2})(?:[-.])/.exec(path.basename(file));
  return match?.[1] ?? 'en';
}

/**
 * The first corpus labelled a young person hurt at home, or made to do things, as a disclosure
 * with no danger; the corpus now labels what it says as harm (violence, exploitation).
 */
function withDisclosureAsDanger(record: Record<string, string>): Record<string, string> {
  if (record.danger !== 'none' || !record.disclosure) return record;
  const danger = DISCLOSURE_HARM[record.disclosure];
  return danger ? { ...record, danger } : record;
}

const DISCLOSURE_HARM: Record<string, string> = {
  hurtAtHome: 'violenceAbuse',
  madeToDoThings: 'exploitation',
  childExploited: 'exploitation',
};

export function readCorpusFile(file: string): LabelledMessage[] {
  const records: Array<Record<string, string>> = parse(readFileSync(file), { columns: true, skip_empty_lines: true, trim: true });
  const language = languageOfFile(file);
  const name = path.relative(CORPUS_DIRECTORY, file);
  return records.map((record, at) => {
    const parsed = row.safeParse(withDisclosureAsDanger(record));
    if (!parsed.success)
      throw new Error(`${name}:${at + 2}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}`);
    return { ...parsed.data, language, from: `${name}:${at + 2}` };
  });
}

export function readCorpus(split: Split): LabelledMessage[] {
  return corpusFiles(split).flatMap(readCorpusFile);
}
