// Loads and checks everything the bot says and decides from: locales (i18next resources), the
// area's pack (its guidance, services, rule changes and messages), the base rule book, and the
// guidance documents every quote is checked against. A broken file stops start-up with a message
// naming the file and the path inside it.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { projectPath } from '../platform/paths';
import { normalise, words } from '../understanding/text';

import { areaSchema, type Area } from './areaSchema';
import { AreaPackError, serveRules, type ServedRule } from './areaPack';
import { documentCatalogueSchema, GuidanceLibrary, type DocumentCatalogue } from './guidance';
import { flattenKeys, localeMetaSchema, localeTreeSchema, variablesOf, type LocaleMeta, type LocaleResources } from './localeSchema';
import { areaRulesSchema, LIMIT_NAMES, REQUIRED_LIMITS, ruleFileSchema, thresholdsOf, type AreaRules, type Rule } from './ruleSchema';
import { isPassage, type Source } from './sourceSchema';
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
  /** The rules the area serves (the base rule book with the area's changes), by decision point in order. */
  rules: Rule[];
  /** The same rules with how each stands in the area, for the rule book a safeguarding lead signs. */
  servedRules: ServedRule[];
  /** Base rules the area does not use, each with its reason. */
  removedRules: Array<{ id: string; reason: string }>;
  /** The guidance documents: whose, for which area, when (content/guidance/documents.json). */
  guidance: DocumentCatalogue;
  danger: DangerPhrases;
  /** How typed text is read, by language ("en", "pl"...). */
  understanding: Record<string, UnderstandingLexicon>;
  /** The trained readers: danger beside the phrase book, and who is writing and what is happening (`npm run train`). */
  models: ModelFiles;
}

const META_FILE = '_meta.json';

/** How the carer's reminder question names each point an area may set while a child is missing. */
const MISSING_POINT_MESSAGES = {
  missingSeniorAlertHours: 'area.carer.missingPoints.day',
  missingStrategyMeetingHours: 'area.carer.missingPoints.twoDays',
} as const;

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

  const areasDirectory = path.join(directory, 'areas');
  const areaDirectory = path.join(areasDirectory, area);
  if (!existsSync(path.join(areaDirectory, 'area.json'))) {
    const packs = readdirSync(areasDirectory).filter((name) => existsSync(path.join(areasDirectory, name, 'area.json')));
    throw new ContentError(`content/areas/${area}: no such area pack (there are: ${packs.sort().join(', ')})`);
  }
  const areaContent = parse(areaSchema, path.join(areaDirectory, 'area.json'));
  if (areaContent.id !== area) throw new ContentError(`content/areas/${area}/area.json: id: must be "${area}", the pack's folder`);
  const areaRulesFile = path.join(areaDirectory, 'rules.json');
  const areaRules: AreaRules = existsSync(areaRulesFile)
    ? parse(areaRulesSchema, areaRulesFile)
    : { summary: 'none', remove: [], replace: [], add: [], borrow: [], council: [] };
  const areaLocales = path.join(areaDirectory, 'locales');
  if (existsSync(areaLocales)) {
    for (const file of jsonFiles(areaLocales)) {
      const locale = file.replace(/\.json$/, '');
      const tree = locales[locale];
      if (!tree) throw new ContentError(`content/areas/${area}/locales/${file}: no content/locales/${locale}`);
      tree.area = parse(localeTreeSchema, path.join(areaLocales, file));
    }
  }

  const rulesDirectory = path.join(directory, 'rules');
  const danger = parse(dangerPhrasesSchema, path.join(rulesDirectory, 'danger-phrases.json'));
  const baseRules: Rule[] = [];
  for (const file of jsonFiles(rulesDirectory).filter((name) => name !== 'danger-phrases.json')) {
    baseRules.push(...parse(ruleFileSchema, path.join(rulesDirectory, file)).rules);
  }
  const catalogue = parse(documentCatalogueSchema, path.join(directory, 'guidance', 'documents.json'));
  const guidance = GuidanceLibrary.load(path.join(directory, 'guidance'), (file) => {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      throw new ContentError(`${path.relative(path.dirname(directory), file)}: cannot be read`);
    }
  });
  checkQuotes(guidance, [
    ...baseRules.flatMap((rule) => rule.source.filter(isPassage).map((source) => ({ where: `content/rules: rule ${rule.id}`, source }))),
    ...[...areaRules.replace, ...areaRules.add].flatMap((rule) =>
      rule.source.filter(isPassage).map((source) => ({ where: `content/areas/${area}/rules.json: rule ${rule.id}`, source })),
    ),
    ...[...danger.source, ...Object.values(danger.categories).flatMap((category) => category.source)].map((source) => ({
      where: 'content/rules/danger-phrases.json',
      source,
    })),
    ...Object.entries(areaContent.services).flatMap(([id, service]) =>
      (service.source ?? []).map((source) => ({ where: `content/areas/${area}/area.json: services.${id}`, source })),
    ),
    ...areaContent.guidance.forReview.flatMap((entry) => entry.source.map((source) => ({ where: `content/areas/${area}/area.json: guidance.forReview`, source }))),
    ...Object.entries(areaContent.model).flatMap(([part, entry]) => (entry?.source ?? []).map((source) => ({ where: `content/areas/${area}/area.json: model.${part}`, source }))),
  ]);
  let servedRules: ServedRule[];
  try {
    servedRules = serveRules(baseRules, areaRules, areaContent);
  } catch (error) {
    if (error instanceof AreaPackError) throw new ContentError(error.message);
    throw error;
  }
  const rules = servedRules.map((served) => served.rule);

  const understandingDirectory = path.join(directory, 'understanding');
  const understanding: Record<string, UnderstandingLexicon> = {};
  for (const file of jsonFiles(understandingDirectory)) {
    understanding[file.replace(/\.json$/, '')] = parse(understandingSchema, path.join(understandingDirectory, file));
  }
  if (!understanding.en) throw new ContentError('content/understanding/en.json: missing');
  const models = Object.fromEntries(
    (Object.keys(MODEL_HEADS) as ModelName[]).map((name) => [name, parse(modelFileSchema, path.join(understandingDirectory, 'model', `${name}.json`))]),
  ) as ModelFiles;

  const content: Content = {
    version: hash.digest('hex').slice(0, 12),
    locales,
    localeMeta,
    area: areaContent,
    rules,
    servedRules,
    removedRules: areaRules.remove,
    guidance: catalogue,
    danger,
    understanding,
    models,
  };
  checkConsistency(content);
  return content;
}

/** Every quoted passage is in its document word for word (case, line breaks and quote shapes aside). */
function checkQuotes(guidance: GuidanceLibrary, cited: Array<{ where: string; source: Source }>): void {
  for (const { where, source } of cited) {
    if (!guidance.holds(source)) throw new ContentError(`${where}: "${source.quote}" is not in content/guidance/${source.file} word for word`);
  }
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
      for (const key of [rule.say, ...(rule.sayAgain ? [rule.sayAgain] : [])]) {
        if (typeof keys.get(key) !== 'string') throw new ContentError(`content/locales/${locale}: ${key}: message of rule ${rule.id} is missing`);
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
    if (!content.locales[locale]) throw new ContentError(`content/areas/${content.area.id}/area.json: languages: ${locale} has no content/locales/${locale}`);
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
    if (ids.length === 0 && REQUIRED_LIMITS.includes(name)) throw new ContentError(`content/rules: no rule carries the limit ${name}`);
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
  // The carer is offered a reminder at each point the area sets while a child is missing, named by its own words.
  const english = flattenKeys(content.locales[DEFAULT_LOCALE] ?? {});
  for (const [name, key] of Object.entries(MISSING_POINT_MESSAGES)) {
    if (carriers.some((rule) => rule.limit?.name === name) && typeof english.get(key) !== 'string') {
      throw new ContentError(`content/areas/${content.area.id}/locales/${DEFAULT_LOCALE}.json: ${key.replace(/^area\./, '')}: missing (the area sets ${name})`);
    }
  }
  const window = carriers.find((rule) => rule.limit?.name === 'returnInterviewHours')?.limit?.value;
  if (content.area.returnInterviews.windowHours !== window) {
    throw new ContentError(
      `content/areas/${content.area.id}/area.json: returnInterviews.windowHours: must be ${window}, the limit returnInterviewHours in content/rules`,
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
