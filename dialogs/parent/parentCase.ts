// What the parent journey gathers, kept in conversation state as checked JSON, and the
// profile a parent may prepare in advance (user state, with consent, for as long as they chose).
import { z } from 'zod';
import { SEARCH_ITEMS, STATED_FACTS, type StatedFact } from '../../bot/content/vocabulary';
import { CHECKLIST_OUTCOMES } from '../base/checklistDialog';
import { stateRecord } from '../base/record';
import type { DialogServices } from '../../bot/turn/services';

export const RISK_FACTORS = ['medical', 'selfHarm', 'exploitation', 'substances', 'before'] as const;
export type RiskFactor = (typeof RISK_FACTORS)[number];

/** The police information, in the order a 101 call handler asks for it. */
export const POLICE_FIELDS = [
  'name',
  'dateOfBirth',
  'whereLastSeen',
  'whoWith',
  'description',
  'photo',
  'medicalNeeds',
  'circumstances',
  'placesAndPeople',
  'previousEpisodes',
  'increasesRisk',
] as const;
export type PoliceField = (typeof POLICE_FIELDS)[number];

/**
 * What a parent can know before a child goes missing (Kent 004 §4.1: details recorded and ready
 * for the police), never what only the day tells (clothing, where last seen, who with).
 * `description` is what does not change quickly; `friendsNumbers` goes with places and people.
 */
export const PROFILE_FIELDS = ['name', 'dateOfBirth', 'description', 'photo', 'medicalNeeds', 'placesAndPeople', 'friendsNumbers'] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

/** How long a parent may ask for the profile to be kept, in days (the area may allow less). */
export const KEEP_PERIODS = { month: 30, threeMonths: 90, year: 365 } as const;
export type KeepPeriod = keyof typeof KEEP_PERIODS;

const answerSchema = z.union([
  z.object({ kind: z.literal('value'), value: z.string().max(1000) }),
  z.object({ kind: z.literal('skipped') }),
  z.object({ kind: z.literal('unknown') }),
]);
export type FieldAnswer = z.infer<typeof answerSchema>;

export const searchOutcomeSchema = z.enum(CHECKLIST_OUTCOMES);

export const parentCaseSchema = z.object({
  dangerNow: z.enum(['yes', 'no', 'unsure']).optional(),
  /** The answer about danger already told them to call the police now (a young child): not told again before the search. */
  toldToReportNow: z.boolean().optional(),
  lastSeen: z.object({ at: z.string().datetime(), precision: z.enum(['minute', 'day', 'period']) }).optional(),
  ageYears: z.number().int().min(0).max(130).optional(),
  triedContact: z.boolean().optional(),
  search: z.partialRecord(z.enum(SEARCH_ITEMS), searchOutcomeSchema).default({}),
  risk: z.partialRecord(z.enum(RISK_FACTORS), z.boolean()).default({}),
  episodes90d: z.number().int().min(0).max(1000).optional(),
  info: z.partialRecord(z.enum(POLICE_FIELDS), answerSchema).default({}),
  reporter: answerSchema.optional(),
  /** From a profile prepared in advance: asked again on the day, the description adds what they wore. */
  savedDescription: z.string().max(1000).optional(),
  friendsNumbers: answerSchema.optional(),
  summaryGivenAt: z.string().datetime().optional(),
  /** Facts said in passing that make a missing child more at risk ("hes autistic", "no phone"): the police hear them first. */
  statedRisks: z.array(z.enum(STATED_FACTS)).default([]),
  /** When each answer was given, so that the police summary shows each fact with when it was said. */
  saidAt: z.partialRecord(z.enum([...POLICE_FIELDS, 'age', 'lastSeen']), z.string().datetime()).default({}),
});
export type ParentCase = z.infer<typeof parentCaseSchema>;

/** Facts said in passing that the police weigh when they judge the risk. */
export const RISKS_STATED: readonly StatedFact[] = [
  'additionalNeeds',
  'medicalCondition',
  'noPhone',
  'asylumSeeking',
  'placedFromElsewhere',
  'courtOrder',
  'missingFromContact',
  'missingFromSchool',
];

/** The police details a risk question answers when it is answered "no": no medication, never missing before. */
const ANSWERED_BY_RISK: Partial<Record<PoliceField, RiskFactor>> = { medicalNeeds: 'medical', previousEpisodes: 'before' };

/** Whether a police detail was left unasked because its risk question was answered "no". */
export function answeredByRiskNo(parentCase: ParentCase, field: PoliceField): boolean {
  const risk = ANSWERED_BY_RISK[field];
  return parentCase.info[field] === undefined && risk !== undefined && parentCase.risk[risk] === false;
}

export const preparedProfileSchema = z.object({
  savedAt: z.string().datetime(),
  /** Until when the parent chose to keep it; the retention job deletes it then (see bot/scheduled/retention.ts). */
  keepUntil: z.string().datetime().optional(),
  fields: z.partialRecord(z.enum(PROFILE_FIELDS), answerSchema),
});
export type PreparedProfile = z.infer<typeof preparedProfileSchema>;

export const parentCaseRecord = (services: DialogServices) =>
  stateRecord(services.conversationState, 'parentCase', parentCaseSchema, () => parentCaseSchema.parse({}));

export const preparedProfileRecord = (services: DialogServices) =>
  stateRecord(services.userState, 'preparedProfile', preparedProfileSchema.optional(), () => undefined);
