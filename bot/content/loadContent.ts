// Loads and checks everything the bot says and decides from: locales (i18next resources),
// the area's service directory, and the rule files. A broken file stops start-up with a
// message naming the file and the path inside it.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { projectPath } from '../platform/paths';
import { normalise, words } from '../understanding/text';

import { areaSchema, type Area } from './areaSchema';
import { flattenKeys, localeMetaSchema, localeTreeSchema, variablesOf, type LocaleMeta, type LocaleResources } from './localeSchema';
import { LIMIT_NAMES, ruleFileSchema, thresholdsOf, type Rule } from './ruleSchema';
import { dangerPhrasesSchema, understandingSchema, type DangerPhrases, type UnderstandingLexicon } from './understandingSchema';
import { DEFAULT_LOCALE } from './vocabulary';
import { MODEL_HEADS, modelFileSchema, type ModelFiles, type ModelName } from '../understanding/trainedModel';

export interface Content {
  /** A short hash of every content file: recorded with each audit row. */
  version: string;
  locales: Record<string, LocaleResources>;
  /** Each locale's name in itself, its direction and whether it still awaits review. */
  localeMeta: Record<string, LocaleMeta>;
  area: Area;
  rules: Rule[];
  danger: DangerPhrases;
  /** How typed text is read, by language ("en", "pl"...). */
  understanding: Record<string, UnderstandingLexicon>;
  /** The trained readers: danger beside the phrase book, and who is writing and what is happening (`npm run train`). */
  models: ModelFiles;
}

const META_FILE = '_meta.json';

export class ContentError extends Error {
  override readonly name = 'ContentError';
}

export interface LoadContentOptions {
  directory?: string;
  area: string;
}

export function loadContent({ directory = projectPath('content'), area }: LoadContentOptions): Content {
  const hash = createHash('sha256');
  const readJson = (file: string): unknown => {
    const relative = path.relative(path.dirname(directory), file);
    let raw: string;
    try {
      raw = readFileSync(file, 'utf8');
    } catch {
      throw new ContentError(`${relative}: cannot be read`);
    }
    hash.update(relative).update('\0').update(raw).update('\0');
    try {
      return JSON.parse(raw);
    } catch (error) {
      throw new ContentError(`${relative}: is not valid JSON (${(error as Error).message})`);
    }
  };
  const parse = <T>(schema: z.ZodType<T>, file: string): T => {
    const result = schema.safeParse(readJson(file));
    if (result.success) return result.data;
    const issue = result.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : '(top level)';
    throw new ContentError(`${path.relative(path.dirname(directory), file)}: ${where}: ${issue?.message ?? 'invalid'}`);
  };
  const jsonFiles = (folder: string) =>
    readdirSync(folder)
      .filter((name) => name.endsWith('.json'))
      .sort();

  const localesDirectory = path.join(directory, 'locales');
  const locales: Record<string, LocaleResources> = {};
  const localeMeta: Record<string, LocaleMeta> = {};
  for (const locale of readdirSync(localesDirectory).sort()) {
    const tree: LocaleResources = {};
    for (const file of jsonFiles(path.join(localesDirectory, locale))) {
      if (file === META_FILE) continue;
      tree[file.replace(/\.json$/, '')] = parse(localeTreeSchema, path.join(localesDirectory, locale, file));
    }
    locales[locale] = tree;
    localeMeta[locale] = parse(localeMetaSchema, path.join(localesDirectory, locale, META_FILE));
  }
  if (!locales[DEFAULT_LOCALE]) throw new ContentError(`content/locales/${DEFAULT_LOCALE}: missing`);

  const areaFile = path.join(directory, 'areas', `${area}.json`);
  const areaContent = parse(areaSchema, areaFile);

  const rulesDirectory = path.join(directory, 'rules');
  const danger = parse(dangerPhrasesSchema, path.join(rulesDirectory, 'danger-phrases.json'));
  const rules: Rule[] = [];
  for (const file of jsonFiles(rulesDirectory).filter((name) => name !== 'danger-phrases.json')) {
    rules.push(...parse(ruleFileSchema, path.join(rulesDirectory, file)).rules);
  }

  const understandingDirectory = path.join(directory, 'understanding');
  const understanding: Record<string, UnderstandingLexicon> = {};
  for (const file of jsonFiles(understandingDirectory)) {
    understanding[file.replace(/\.json$/, '')] = parse(understandingSchema, path.join(understandingDirectory, file));
  }
  if (!understanding.en) throw new ContentError('content/understanding/en.json: missing');
  const models = Object.fromEntries(
    (Object.keys(MODEL_HEADS) as ModelName[]).map((name) => [name, parse(modelFileSchema, path.join(understandingDirectory, 'model', `${name}.json`))]),
  ) as ModelFiles;

  const content: Content = { version: hash.digest('hex').slice(0, 12), locales, localeMeta, area: areaContent, rules, danger, understanding, models };
  checkConsistency(content);
  return content;
}

/** Checks across files: unique rule ids, the limits, every rule's message in every locale, the same keys in every locale. */
function checkConsistency(content: Content): void {
  const seen = new Set<string>();
  for (const rule of content.rules) {
    if (seen.has(rule.id)) throw new ContentError(`content/rules: rule id ${rule.id} is used twice`);
    seen.add(rule.id);
  }
  checkLimits(content);
  const reference = flattenKeys(content.locales[DEFAULT_LOCALE] ?? {});
  // en-GB first: a key missing there is named there, not as extra in every translation.
  const inOrder = Object.entries(content.locales).sort(([a], [b]) => Number(b === DEFAULT_LOCALE) - Number(a === DEFAULT_LOCALE));
  for (const [locale, tree] of inOrder) {
    const keys = flattenKeys(tree);
    for (const rule of content.rules) {
      if (typeof keys.get(rule.say) !== 'string') {
        throw new ContentError(`content/locales/${locale}: ${rule.say}: message of rule ${rule.id} is missing`);
      }
    }
    for (const [key, english] of reference) {
      const translated = keys.get(key);
      if (translated === undefined) throw new ContentError(`content/locales/${locale}: ${key}: missing (present in ${DEFAULT_LOCALE})`);
      if (variablesOf(translated).join() !== variablesOf(english).join()) {
        throw new ContentError(`content/locales/${locale}: ${key}: uses {{${variablesOf(translated).join('}}, {{')}}}, ${DEFAULT_LOCALE} uses {{${variablesOf(english).join('}}, {{')}}}`);
      }
      if (locale !== DEFAULT_LOCALE && leftInEnglish(translated, english)) {
        throw new ContentError(`content/locales/${locale}: ${key}: left in English`);
      }
    }
    for (const key of keys.keys()) {
      if (!reference.has(key)) throw new ContentError(`content/locales/${locale}: ${key}: not in ${DEFAULT_LOCALE}`);
    }
  }
  checkOptionsAreNotCommands(content);
  for (const locale of content.area.languages) {
    if (!content.locales[locale]) throw new ContentError(`content/areas/${content.area.id}.json: languages: ${locale} has no content/locales/${locale}`);
  }
  for (const [category, { phrases }] of Object.entries(content.danger.categories)) {
    for (const [language, list] of Object.entries(phrases)) {
      for (const phrase of list) {
        if (words(phrase).length === 0) throw new ContentError(`content/rules/danger-phrases.json: categories.${category}.phrases.${language}: "${phrase}" has no words`);
      }
    }
  }
}

/**
 * Commands are read before answers, so an option's title or synonym that is also a command in any
 * language would do the command when tapped (Romanian "Gata" is both Done and stop).
 */
function checkOptionsAreNotCommands(content: Content): void {
  const commandWords = new Map<string, string>();
  for (const [locale, tree] of Object.entries(content.locales)) {
    for (const [key, value] of flattenKeys(tree)) {
      if (!key.startsWith('commands.') || !key.endsWith('.synonyms') || !Array.isArray(value)) continue;
      for (const synonym of value) commandWords.set(normalise(synonym), `${locale} ${key}`);
    }
  }
  for (const [locale, tree] of Object.entries(content.locales)) {
    for (const [key, value] of flattenKeys(tree)) {
      if (key.startsWith('commands.') || !(key.endsWith('.title') || key.endsWith('.synonyms'))) continue;
      for (const word of Array.isArray(value) ? value : [value]) {
        const command = commandWords.get(normalise(word));
        if (command) throw new ContentError(`content/locales/${locale}: ${key}: "${word}" is also a command (${command})`);
      }
    }
  }
}

/**
 * Each limit is carried by exactly one rule; every rule that compares a limit's fact with a
 * number uses one of that fact's limits; and the area's return interview window is the
 * guidance's (the rule is the source of truth; the area's copy must agree until it goes).
 */
function checkLimits(content: Content): void {
  const carriers = content.rules.filter((rule) => rule.limit);
  for (const name of LIMIT_NAMES) {
    const ids = carriers.filter((rule) => rule.limit?.name === name).map((rule) => rule.id);
    if (ids.length === 0) throw new ContentError(`content/rules: no rule carries the limit ${name}`);
    if (ids.length > 1) throw new ContentError(`content/rules: the limit ${name} is carried by ${ids.join(' and ')}; one rule only`);
  }
  for (const rule of content.rules) {
    for (const { fact, value } of thresholdsOf(rule.when)) {
      const limits = carriers.flatMap((carrier) => (carrier.limit?.fact === fact ? [carrier.limit] : []));
      if (limits.length > 0 && !limits.some((limit) => limit.value === value)) {
        const allowed = limits.map((limit) => `${limit.value} (${limit.name})`).join(', ');
        throw new ContentError(`content/rules: rule ${rule.id} compares ${fact} with ${value}, but the limits on ${fact} are ${allowed}`);
      }
    }
  }
  const window = carriers.find((rule) => rule.limit?.name === 'returnInterviewHours')?.limit?.value;
  if (content.area.returnInterviews.windowHours !== window) {
    throw new ContentError(
      `content/areas/${content.area.id}.json: returnInterviews.windowHours: must be ${window}, the limit returnInterviewHours in content/rules`,
    );
  }
}

/**
 * A message is left in English when it is the English message word for word and has words to
 * translate: numbers, names and codes alone ("999", "{{area}}") may stay as they are. A list may
 * keep English entries beside its own (people mix languages), not only English ones.
 */
function leftInEnglish(translated: string | string[], english: string | string[]): boolean {
  if (Array.isArray(translated)) {
    const englishEntries = new Set(Array.isArray(english) ? english : [english]);
    return translated.every((entry) => englishEntries.has(entry)) && translated.some((entry) => hasWords(entry));
  }
  return translated === english && hasWords(english);
}

function hasWords(text: string): boolean {
  // Date formats ("d LLLL yyyy") repeat one letter: they are not words.
  const runs = text.replace(/\{\{\s*\w+\s*\}\}/g, '').match(/\p{L}{3,}/gu) ?? [];
  return runs.some((run) => !/^(\p{L})\1+$/u.test(run));
}
