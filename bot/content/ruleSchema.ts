// The shape of a rule file: a decision point, a typed condition over named facts, the message
// key it produces, its source in the guidance, and, where the guidance gives a number that code
// counts with (hours until a review), that number as a named limit. Conditions are data, never
// code in strings.
import { z } from 'zod';
import { councilFactSchema, ruleSourceSchema } from './sourceSchema';
import {
  AUDIT_KINDS,
  CARER_ENQUIRIES,
  CARER_RISKS,
  CHILD_GROUPS,
  COMMANDS,
  DANGER_CATEGORIES,
  DISCLOSURES,
  GUIDANCE_FILES,
  PROFESSIONAL_SITUATIONS,
  PROFESSIONS,
  QUESTIONS_ASKED,
  QUESTION_UNANSWERED,
  ROLES,
  SEARCH_ITEMS,
} from './vocabulary';

function carerRiskFacts(): Record<`risk.${(typeof CARER_RISKS)[number]}`, z.ZodBoolean> {
  return Object.fromEntries(CARER_RISKS.map((risk) => [`risk.${risk}`, z.boolean()])) as Record<
    `risk.${(typeof CARER_RISKS)[number]}`,
    z.ZodBoolean
  >;
}

/** The facts rules may test, with the type each must have. Dialogs supply them. */
export const factSchemas = {
  dangerPhrase: z.boolean(),
  dangerCategory: z.enum(DANGER_CATEGORIES),
  /** Whom talk of ending a life is about, where the words say only one: the writer, or someone else. */
  dangerOf: z.enum(['writer', 'someoneElse']),
  /** The message says the child is gone now ("hasnt been home for 2 days"), from an adult. */
  childMissing: z.boolean(),
  /** 999 was advised, without an "if", earlier in this conversation. */
  emergencyAdvised: z.boolean(),
  /** The danger words say it is happening now (on a bridge, a knife out), beside another category. */
  dangerNow: z.boolean(),
  /** A young person is back home (said or chosen): somewhere safe is inside, not out. */
  ypBack: z.boolean(),
  /** The message names pills, tablets or something taken ("one of them gave me some pills", "i took some stuff"). */
  pillsSaid: z.boolean(),
  /** A missing child has been in touch, said by an adult while the child is still gone. */
  childInTouch: z.boolean(),
  /** Where a missing child is or was seen, learned by an adult while the child is still gone. */
  childSighted: z.boolean(),
  /** After a medical emergency in this conversation, they say they will not call 999 or go to hospital. */
  emergencyHelpRefused: z.boolean(),
  disclosure: z.enum(DISCLOSURES),
  questionAsked: z.enum([...QUESTIONS_ASKED, QUESTION_UNANSWERED]),
  command: z.enum(COMMANDS),
  /** The phone sent STOP and has not sent START since: texts to it are off. */
  textsOff: z.boolean(),
  officeOpen: z.boolean(),
  handoffAlerted: z.boolean(),
  /** The conversation asked for a person again while its first request is open. */
  handoffAlready: z.boolean(),
  role: z.enum(ROLES),
  turnFailed: z.boolean(),
  parentDangerNow: z.enum(['yes', 'no', 'unsure']),
  ageYears: z.number(),
  /** It is dark out where the area is (20:00 to 07:00): a young child out alone is in danger. */
  afterDark: z.boolean(),
  parentBelievesAtRisk: z.enum(['yes', 'no', 'unsure']),
  searchItem: z.enum(SEARCH_ITEMS),
  reportToPolice: z.boolean(),
  riskFactorCount: z.number(),
  episodes90d: z.number(),
  daysMissing: z.number(),
  /** Last seen before midnight, and gone 6 hours or more since: out all night. */
  goneOvernight: z.boolean(),
  childBack: z.boolean(),
  childHurtOrUnwell: z.enum(['yes', 'no', 'unsure']),
  reportedMissing: z.enum(['yes', 'no', 'unsure']),
  /** The conversation has said the child was harmed or exploited (a disclosure, or danger words of that kind). */
  harmSaid: z.boolean(),
  ypSafeNow: z.enum(['yes', 'no', 'unsure']),
  /** The question on screen asks a young person whether they are safe right now. */
  safetyAsked: z.boolean(),
  /** A young person was already asked straight, in this conversation, whether they are thinking of ending their life. */
  askedStraightBefore: z.boolean(),
  /** Danger was answered in this conversation in the last half hour ("im gonna jump", then "bye"). */
  dangerToldRecently: z.boolean(),
  /** "Call 999 now", without an "if", was said in this conversation in the last half hour. */
  callToldRecently: z.boolean(),
  /** 999 was advised in the last half hour for someone else in danger (a friend, the child), not the writer. */
  othersDangerToldRecently: z.boolean(),
  /** The question names 999, not 101 ("should i call 999 myself?"). */
  asks999: z.boolean(),
  /** The parent said they have already called the police (999 or 101). */
  policeTold: z.boolean(),
  /** The police already know the child is back, or have seen them since: not told to ring and say so. */
  policeKnowBack: z.boolean(),
  /** The parent rang the police and was told to wait: no report was taken. */
  policeSaidWait: z.boolean(),
  /** An ambulance is called or there already (said with the danger). */
  ambulanceCalled: z.boolean(),
  /** Out in the cold or with nowhere to stay, said just now. */
  nowhereToStay: z.boolean(),
  /** A young person's answer to being asked straight whether they are thinking of ending their life. */
  ypThinkingOfSuicide: z.enum(['yes', 'no', 'unsure']),
  /** With that answer, when or how they would act ("yes tonight", "ive got it all planned"). */
  ypActingSoon: z.boolean(),
  ypWhere: z.enum(['away', 'back']),
  /** Who a young person says is gone: someone else ("my mate hasnt been home since friday"). */
  missingOf: z.enum(['writer', 'someoneElse']),
  ypHomeSafe: z.enum(['yes', 'no', 'unsure']),
  returnChoice: z.enum(['trusted', 'independent', 'no']),
  bookingLate: z.boolean(),
  carerDangerNow: z.enum(['yes', 'no', 'unsure']),
  whereaboutsKnown: z.boolean(),
  secureOrder: z.boolean(),
  carerEnquiry: z.enum(CARER_ENQUIRIES),
  /** The child has no phone with them (said in passing): nobody is told to phone them. */
  noPhone: z.boolean(),
  /** Where the child never came back from, when not home (said in passing): the enquiries start there. */
  missingFrom: z.enum(['contact', 'school']),
  /** The child went missing in a public place (said in passing). */
  missingFromPublicPlace: z.boolean(),
  /** A known risk the carer said yes to (one fact per risk: rules test each by name). */
  ...carerRiskFacts(),
  /** Review points of an unauthorised absence already passed when the carer wrote. */
  reviewsOverdue: z.number(),
  reviewHour: z.number(),
  hoursMissing: z.number(),
  /** The carer's time for enquiries before the police are told is over (the area's council setting). */
  enquiryTimeOver: z.boolean(),
  profession: z.enum(PROFESSIONS),
  professionalSituation: z.enum(PROFESSIONAL_SITUATIONS),
  childGroup: z.enum(CHILD_GROUPS),
} as const;
export type FactName = keyof typeof factSchemas;
export type Facts = { [K in FactName]?: z.infer<(typeof factSchemas)[K]> };


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

/** The numbers from the guidance that code counts with, by the name code asks for them. */
export const LIMIT_NAMES = [
  /** An unauthorised absence is reviewed every hour up to this many hours, then treated as missing. */
  'unauthorisedAbsenceHours',
  /** Missing this long: the Head of Service alerts senior leaders (the carer's first reminder). */
  'missingSeniorAlertHours',
  /** Missing this long: a strategy meeting is held (the carer's second reminder). */
  'missingStrategyMeetingHours',
  /** A return interview takes place within this many hours of the child's return. */
  'returnInterviewHours',
] as const;
export type LimitName = (typeof LIMIT_NAMES)[number];
/** The limits every area must give; the others are optional (an area may not use that category). */
export const REQUIRED_LIMITS: readonly LimitName[] = ['returnInterviewHours'];

const numericFacts = (Object.keys(factSchemas) as FactName[]).filter((fact) => factSchemas[fact].safeParse(0).success);

/**
 * A number the guidance gives, carried by the rule that cites it (the rule's source is the
 * limit's source). `fact`: the fact rules compare with this number, when they do; each such
 * comparison must use a limit's value, so the condition and the count cannot drift apart.
 */
const limitSchema = z
  .object({
    name: z.enum(LIMIT_NAMES, { message: `must be a known limit: ${LIMIT_NAMES.join(', ')}` }),
    value: z.number().int().positive(),
    unit: z.literal('hours'),
    fact: z.enum(numericFacts as [FactName, ...FactName[]], { message: `must be a number fact: ${numericFacts.join(', ')}` }).optional(),
  })
  .strict();
export type Limit = z.infer<typeof limitSchema>;

/** Every comparison of a number fact with a number in a condition (atLeast, below). */
export function thresholdsOf(condition: Condition): Array<{ fact: FactName; value: number }> {
  if ('all' in condition) return condition.all.flatMap(thresholdsOf);
  if ('any' in condition) return condition.any.flatMap(thresholdsOf);
  if ('not' in condition) return thresholdsOf(condition.not);
  if ('atLeast' in condition) return [{ fact: condition.fact, value: condition.atLeast }];
  if ('below' in condition) return [{ fact: condition.fact, value: condition.below }];
  return [];
}

/** A rule that carries a limit on a fact states that number in its own condition. */
function checkLimitInCondition(rule: { when: Condition; limit?: Limit | undefined }, ctx: z.RefinementCtx): void {
  const { limit } = rule;
  if (!limit?.fact) return;
  if (!thresholdsOf(rule.when).some(({ fact, value }) => fact === limit.fact && value === limit.value)) {
    ctx.addIssue({
      code: 'custom',
      path: ['limit', 'value'],
      message: `the rule's condition does not compare ${limit.fact} with ${limit.value}: a limit and its rule's condition must give the same number`,
    });
  }
}

const ruleId = z.string().regex(/^[A-Z]{1,2}(-[A-Z0-9]+)+$/, { message: 'must look like P-REPORT-101' });
const reason = z.string().min(10);

/** A rule served on another partnership's document, because the area's own is silent: said as theirs. */
const borrowedSchema = z.object({ from: z.enum(GUIDANCE_FILES), reason }).strict();

const messageKey = z.string().regex(/^[a-zA-Z]+(\.[a-zA-Z0-9]+)+$/, { message: 'must be a message key such as safety.danger.call999' });

const ruleObject = z
  .object({
    id: ruleId,
    point: z.string().regex(/^[a-z][a-z-]*$/),
    summary: z.string().min(5),
    when: conditionSchema,
    say: messageKey,
    /** Said instead of `say` when the same rule was said minutes ago: its gist, not the whole of it word for word. */
    sayAgain: messageKey.optional(),
    audit: z.enum(AUDIT_KINDS).optional(),
    /**
     * Its 999 is said with an "if" ("999 if they went missing in a public place, otherwise 101"):
     * audited as 999 advice, but no "call 999 now" for later replies to put first.
     */
    conditional999: z.literal(true).optional(),
    /** Every area's passages: an area serves a rule on its own (checked when the area is loaded). */
    source: z.array(ruleSourceSchema),
    limit: limitSchema.optional(),
    borrowed: borrowedSchema.optional(),
  })
  .strict();

function checkRule(rule: z.infer<typeof ruleObject>, ctx: z.RefinementCtx): void {
  checkFactValues(rule.when, ctx, ['when']);
  checkLimitInCondition(rule, ctx);
}

const ruleSchema = ruleObject.superRefine(checkRule);
export type Rule = z.infer<typeof ruleSchema>;

export const ruleFileSchema = z.object({ summary: z.string(), rules: z.array(ruleSchema).min(1) }).strict();

/**
 * An area's changes to the base rule book (content/areas/<id>/rules.json), each with its reason:
 * base rules it removes or replaces (same id), rules of its own (before a rule at the same
 * point, or last there), base rules it keeps on another partnership's document, and base rules
 * it keeps on the council's word where its documents are silent.
 */
export const areaRulesSchema = z
  .object({
    summary: z.string().min(5),
    remove: z.array(z.object({ id: ruleId, reason }).strict()).default([]),
    replace: z.array(ruleObject.extend({ reason }).strict().superRefine(checkRule)).default([]),
    add: z.array(ruleObject.extend({ before: ruleId.optional() }).strict().superRefine(checkRule)).default([]),
    borrow: z.array(z.object({ id: ruleId }).merge(borrowedSchema).strict()).default([]),
    /** Base rules the area's documents are silent on, kept on the council's word (a national helpline, how booking works). */
    council: z.array(z.object({ id: ruleId }).merge(councilFactSchema).strict()).default([]),
  })
  .strict();
export type AreaRules = z.infer<typeof areaRulesSchema>;
