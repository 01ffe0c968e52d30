// Loads and checks everything the bot says and decides from: locales (i18next resources),
// the area's service directory, and the rule files. A broken file stops start-up with a
// message naming the file and the path inside it.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { projectPath } from './paths';
import { words } from './text';

export const GUIDANCE_FILES = [
  '000_ed78f7103242404a.txt',
  '001_03c1220fa8561956.txt',
  '002_dbb4aa10625d9156.txt',
  '003_4454952f043df8a0.txt',
  '004_aa5a32e21878de7f.txt',
] as const;

export const DEFAULT_LOCALE = 'en-GB';

export const ROLES = ['parent', 'youngPerson', 'carer', 'professional'] as const;
export type Role = (typeof ROLES)[number];

export const COMMANDS = ['help', 'startAgain', 'talkToPerson', 'stop', 'deleteMyData'] as const;
export type Command = (typeof COMMANDS)[number];

export const CARER_ENQUIRIES = ['searchPremises', 'leads', 'residents', 'phoneRound', 'hospitalsCustody'] as const;
export type CarerEnquiry = (typeof CARER_ENQUIRIES)[number];

export const BOOKING_PLACES = ['school', 'youthHub', 'library', 'cafe', 'home', 'phone', 'video'] as const;
export type BookingPlace = (typeof BOOKING_PLACES)[number];

export const SEARCH_ITEMS = [
  'contactChild',
  'bedroomHouse',
  'gardenArea',
  'leads',
  'household',
  'friendsSchool',
  'hospitalsCustody',
] as const;
export type SearchItem = (typeof SEARCH_ITEMS)[number];

/** The facts rules may test, with the type each must have. Dialogs supply them. */
export const factSchemas = {
  dangerPhrase: z.boolean(),
  command: z.enum(COMMANDS),
  officeOpen: z.boolean(),
  handoffAlerted: z.boolean(),
  role: z.enum(ROLES),
  turnFailed: z.boolean(),
  parentDangerNow: z.enum(['yes', 'no', 'unsure']),
  ageYears: z.number(),
  searchItem: z.enum(SEARCH_ITEMS),
  reportToPolice: z.boolean(),
  riskFactorCount: z.number(),
  episodes90d: z.number(),
  daysMissing: z.number(),
  childBack: z.boolean(),
  ypSafeNow: z.enum(['yes', 'no', 'unsure']),
  ypWhere: z.enum(['away', 'back']),
  returnChoice: z.enum(['trusted', 'independent', 'no']),
  bookingLate: z.boolean(),
  carerDangerNow: z.enum(['yes', 'no', 'unsure']),
  whereaboutsKnown: z.boolean(),
  secureOrder: z.boolean(),
  carerEnquiry: z.enum(CARER_ENQUIRIES),
  reviewHour: z.number(),
  hoursMissing: z.number(),
} as const;
export type FactName = keyof typeof factSchemas;
export type Facts = { [K in FactName]?: z.infer<(typeof factSchemas)[K]> };

export const AUDIT_KINDS = [
  'advised-999',
  'advised-101',
  'human-requested',
  'human-alerted',
  'handoff-relayed',
  'handoff-ended',
  'handoff-relay-failed',
  'sms-failed',
  'booking-made',
  'booking-changed',
  'booking-cancelled',
  'return-interview-declined',
  'reminder-sent',
  'notify-advised',
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

const sourceSchema = z
  .object({
    file: z.enum(GUIDANCE_FILES, { message: `must be one of the guidance files: ${GUIDANCE_FILES.join(', ')}` }),
    section: z.string().min(3),
  })
  .strict();
export type Source = z.infer<typeof sourceSchema>;

type Scalar = string | number | boolean;
export type Condition =
  | { fact: FactName; equals: Scalar }
  | { fact: FactName; oneOf: Scalar[] }
  | { fact: FactName; atLeast: number }
  | { fact: FactName; below: number }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

const factName = z.enum(Object.keys(factSchemas) as [FactName, ...FactName[]], {
  message: `must be a known fact: ${Object.keys(factSchemas).join(', ')}`,
});
const scalar = z.union([z.string(), z.number(), z.boolean()]);

const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ fact: factName, equals: scalar }).strict(),
    z.object({ fact: factName, oneOf: z.array(scalar).min(1) }).strict(),
    z.object({ fact: factName, atLeast: z.number() }).strict(),
    z.object({ fact: factName, below: z.number() }).strict(),
    z.object({ all: z.array(conditionSchema).min(1) }).strict(),
    z.object({ any: z.array(conditionSchema).min(1) }).strict(),
    z.object({ not: conditionSchema }).strict(),
  ]),
);

/** Each value a condition compares a fact with must be of that fact's type. */
function checkFactValues(condition: Condition, ctx: z.RefinementCtx, at: (string | number)[]): void {
  if ('all' in condition) condition.all.forEach((c, i) => checkFactValues(c, ctx, [...at, 'all', i]));
  else if ('any' in condition) condition.any.forEach((c, i) => checkFactValues(c, ctx, [...at, 'any', i]));
  else if ('not' in condition) checkFactValues(condition.not, ctx, [...at, 'not']);
  else {
    const schema: z.ZodType = factSchemas[condition.fact];
    const values = 'equals' in condition ? [condition.equals] : 'oneOf' in condition ? condition.oneOf : [];
    for (const value of values) {
      if (!schema.safeParse(value).success) {
        ctx.addIssue({ code: 'custom', path: at, message: `${JSON.stringify(value)} is not a possible value of fact "${condition.fact}"` });
      }
    }
    if (('atLeast' in condition || 'below' in condition) && !schema.safeParse(0).success) {
      ctx.addIssue({ code: 'custom', path: at, message: `fact "${condition.fact}" is not a number` });
    }
  }
}

const ruleSchema = z
  .object({
    id: z.string().regex(/^[A-Z]{1,2}(-[A-Z0-9]+)+$/, { message: 'must look like P-REPORT-101' }),
    point: z.string().regex(/^[a-z][a-z-]*$/),
    summary: z.string().min(5),
    when: conditionSchema,
    say: z.string().regex(/^[a-zA-Z]+(\.[a-zA-Z0-9]+)+$/, { message: 'must be a message key such as safety.danger.call999' }),
    audit: z.enum(AUDIT_KINDS).optional(),
    source: z.array(sourceSchema).min(1, { message: 'every rule needs at least one source in the guidance' }),
  })
  .strict()
  .superRefine((rule, ctx) => checkFactValues(rule.when, ctx, ['when']));
export type Rule = z.infer<typeof ruleSchema>;

const ruleFileSchema = z.object({ summary: z.string(), rules: z.array(ruleSchema).min(1) }).strict();

const dangerPhrasesSchema = z
  .object({
    summary: z.string(),
    source: z.array(sourceSchema).min(1),
    languages: z.record(
      z.string().regex(/^[a-z]{2,3}$/),
      z.object({ phrases: z.array(z.string().min(2)).min(1), negations: z.array(z.string().min(2)) }).strict(),
    ),
  })
  .strict()
  .refine((file) => 'en' in file.languages, { message: 'English phrases are required', path: ['languages', 'en'] });
export type DangerPhrases = z.infer<typeof dangerPhrasesSchema>;

const localeValue: z.ZodType<LocaleTree | string | string[]> = z.lazy(() =>
  z.union([z.string().min(1), z.array(z.string().min(1)).min(1), localeTreeSchema]),
);
type LocaleTree = { [key: string]: LocaleTree | string | string[] };
const localeTreeSchema: z.ZodType<LocaleTree> = z.record(z.string().regex(/^[a-zA-Z0-9]+$/), localeValue);

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'must be a time such as 09:00' });
const serviceSchema = z
  .object({
    name: z.string().min(2),
    phone: z.string().regex(/^[0-9 ]{3,16}$/).optional(),
    text: z.string().regex(/^[0-9 ]{3,16}$/).optional(),
    email: z.string().email().optional(),
    hours: z.enum(['always', 'office']),
    /** Where the value comes from when the guidance gives the service but not this detail. */
    note: z.string().min(5).optional(),
    source: sourceSchema,
  })
  .strict();
const areaSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    name: z.string().min(2),
    timeZone: z.string(),
    officeHours: z
      .object({
        days: z.array(z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'])).min(1),
        open: time,
        close: time,
        source: z.string().min(5),
      })
      .strict()
      .refine((hours) => hours.open < hours.close, { message: 'open must be before close', path: ['close'] }),
    services: z
      .object({
        emergency: serviceSchema,
        policeNonEmergency: serviceSchema,
        missingPeople: serviceSchema,
        earlyHelp: serviceSchema,
        specialistChildrensServices: serviceSchema,
        outOfHours: serviceSchema,
      })
      .catchall(serviceSchema),
    returnInterviews: z
      .object({
        windowHours: z.number().int().min(1).max(24 * 14),
        bookable: z
          .object({ days: z.array(z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'])).min(1), open: time, close: time })
          .strict()
          .refine((hours) => hours.open < hours.close, { message: 'open must be before close', path: ['close'] }),
        slotMinutes: z.number().int().min(15).max(240),
        seatsPerSlot: z.number().int().min(1).max(50),
        leadMinutes: z.number().int().min(0).max(24 * 60),
        reminderMinutesBefore: z.number().int().min(10).max(24 * 60),
        places: z.array(z.enum(BOOKING_PLACES)).min(1),
        team: z.object({ name: z.string().min(2), phone: z.string().regex(/^\+[1-9][0-9]{6,14}$/) }).strict(),
        source: z.string().min(5),
      })
      .strict(),
    handoff: z
      .object({
        team: z.string().min(2),
        replyWithinMinutes: z.number().int().min(1).max(24 * 60),
        onCall: z
          .array(
            z
              .object({
                name: z.string().min(2),
                phone: z.string().regex(/^\+[1-9][0-9]{6,14}$/, { message: 'must be an E.164 number such as +447700900123' }),
              })
              .strict(),
          )
          .min(1),
        source: z.string().min(5),
      })
      .strict(),
  })
  .strict();
export type Area = z.infer<typeof areaSchema>;
export type LocaleResources = LocaleTree;

export interface Content {
  /** A short hash of every content file: recorded with each audit row. */
  version: string;
  locales: Record<string, LocaleResources>;
  area: Area;
  rules: Rule[];
  danger: DangerPhrases;
}

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
  for (const locale of readdirSync(localesDirectory).sort()) {
    const tree: LocaleResources = {};
    for (const file of jsonFiles(path.join(localesDirectory, locale))) {
      tree[file.replace(/\.json$/, '')] = parse(localeTreeSchema, path.join(localesDirectory, locale, file));
    }
    locales[locale] = tree;
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

  const content: Content = { version: hash.digest('hex').slice(0, 12), locales, area: areaContent, rules, danger };
  checkConsistency(content);
  return content;
}

/** Checks across files: unique rule ids, every rule's message in every locale, the same keys in every locale. */
function checkConsistency(content: Content): void {
  const seen = new Set<string>();
  for (const rule of content.rules) {
    if (seen.has(rule.id)) throw new ContentError(`content/rules: rule id ${rule.id} is used twice`);
    seen.add(rule.id);
  }
  const reference = flattenKeys(content.locales[DEFAULT_LOCALE] ?? {});
  for (const [locale, tree] of Object.entries(content.locales)) {
    const keys = flattenKeys(tree);
    for (const rule of content.rules) {
      if (typeof keys.get(rule.say) !== 'string') {
        throw new ContentError(`content/locales/${locale}: ${rule.say}: message of rule ${rule.id} is missing`);
      }
    }
    for (const key of reference.keys()) {
      if (!keys.has(key)) throw new ContentError(`content/locales/${locale}: ${key}: missing (present in ${DEFAULT_LOCALE})`);
    }
    for (const key of keys.keys()) {
      if (!reference.has(key)) throw new ContentError(`content/locales/${locale}: ${key}: not in ${DEFAULT_LOCALE}`);
    }
  }
  for (const [language, list] of Object.entries(content.danger.languages)) {
    for (const phrase of [...list.phrases, ...list.negations]) {
      if (words(phrase).length === 0) throw new ContentError(`content/rules/danger-phrases.json: languages.${language}: "${phrase}" has no words`);
    }
  }
}

/** Every leaf of a locale tree by its dotted key. */
export function flattenKeys(tree: LocaleResources, prefix = ''): Map<string, string | string[]> {
  const keys = new Map<string, string | string[]>();
  for (const [key, value] of Object.entries(tree)) {
    const dotted = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string' || Array.isArray(value)) keys.set(dotted, value);
    else for (const [inner, leaf] of flattenKeys(value, dotted)) keys.set(inner, leaf);
  }
  return keys;
}
