// What the parent journey gathers, kept in conversation state as checked JSON, and the
// profile a parent may prepare in advance (user state, with consent, for the retention period).
import { z } from 'zod';
import { SEARCH_ITEMS } from '../../bot/content/vocabulary';
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

/** The part that does not change between episodes, which a parent may save in advance. */
export const PROFILE_FIELDS = ['description', 'medicalNeeds', 'placesAndPeople'] as const satisfies readonly PoliceField[];

const answerSchema = z.union([
  z.object({ kind: z.literal('value'), value: z.string().max(1000) }),
  z.object({ kind: z.literal('skipped') }),
  z.object({ kind: z.literal('unknown') }),
]);
export type FieldAnswer = z.infer<typeof answerSchema>;

export const searchOutcomeSchema = z.enum(CHECKLIST_OUTCOMES);

export const parentCaseSchema = z.object({
  dangerNow: z.enum(['yes', 'no', 'unsure']).optional(),
  lastSeen: z.object({ at: z.string().datetime(), precision: z.enum(['minute', 'day', 'period']) }).optional(),
  ageYears: z.number().int().min(0).max(130).optional(),
  triedContact: z.boolean().optional(),
  search: z.partialRecord(z.enum(SEARCH_ITEMS), searchOutcomeSchema).default({}),
  risk: z.partialRecord(z.enum(RISK_FACTORS), z.boolean()).default({}),
  episodes90d: z.number().int().min(0).max(1000).optional(),
  info: z.partialRecord(z.enum(POLICE_FIELDS), answerSchema).default({}),
  reporter: answerSchema.optional(),
  summaryGivenAt: z.string().datetime().optional(),
});
export type ParentCase = z.infer<typeof parentCaseSchema>;

export const preparedProfileSchema = z.object({
  savedAt: z.string().datetime(),
  fields: z.partialRecord(z.enum(PROFILE_FIELDS), answerSchema),
});
export type PreparedProfile = z.infer<typeof preparedProfileSchema>;

export const parentCaseRecord = (services: DialogServices) =>
  stateRecord(services.conversationState, 'parentCase', parentCaseSchema, () => parentCaseSchema.parse({}));

export const preparedProfileRecord = (services: DialogServices) =>
  stateRecord(services.userState, 'preparedProfile', preparedProfileSchema.optional(), () => undefined);
