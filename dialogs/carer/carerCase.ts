// What the carer's journey keeps: the episode, the enquiries done, and a log of each step
// confirmed with its time, which the carer can copy into their log book. No names. And the
// parts of the journey that follow one another: each part ends with the next.
import { z } from 'zod';
import { CARER_ENQUIRIES, CARER_RISKS } from '../../bot/content/vocabulary';
import type { Facts } from '../../bot/content/ruleSchema';
import { CHECKLIST_OUTCOMES } from '../base/checklistDialog';
import { stateRecord } from '../base/record';
import type { DialogServices } from '../../bot/turn/services';

export const LOG_EVENTS = [
  'started',
  'dangerYes',
  'dangerNo',
  'dangerUnsure',
  'went',
  'wentUnknown',
  'risks',
  'unauthorised',
  'missing',
  'secureOrder',
  'enquiry',
  'reported',
  'reportedAtOnce',
  'notified',
  'remindersOn',
  'back',
  'policeReference',
] as const;

const logEntrySchema = z.object({
  at: z.string().datetime(),
  event: z.enum(LOG_EVENTS),
  variables: z.record(z.string(), z.string()).default({}),
});
export type LogEntry = z.infer<typeof logEntrySchema>;

export const carerCaseSchema = z.object({
  startedAt: z.string().datetime().optional(),
  /** When the child went or was due back, as the carer said it: the review points count from here. */
  wentAt: z.string().datetime().optional(),
  risks: z.partialRecord(z.enum(CARER_RISKS), z.boolean()).default({}),
  status: z.enum(['unauthorised', 'missing', 'back']).optional(),
  enquiries: z.partialRecord(z.enum(CARER_ENQUIRIES), z.enum(CHECKLIST_OUTCOMES)).default({}),
  log: z.array(logEntrySchema).max(200).default([]),
});
export type CarerCase = z.infer<typeof carerCaseSchema>;

/** The risks said yes to, as the facts the carer's rules test ("risk.exploitation": true). */
export function riskFacts(carerCase: CarerCase): Facts {
  return Object.fromEntries(CARER_RISKS.map((risk) => [`risk.${risk}`, carerCase.risks[risk] === true]));
}

export const carerCaseRecord = (services: DialogServices) =>
  stateRecord(services.conversationState, 'carerCase', carerCaseSchema, () => carerCaseSchema.parse({}));

/** The parts of the journey after the first questions, each a dialog of its own. */
export const CARER_PARTS = ['absent', 'missing', 'notify', 'wait', 'back'] as const;
export type CarerPart = (typeof CARER_PARTS)[number];
/** What a part ends with: the part that follows, or nothing when the journey is over. */
export const carerPartResult = z.enum(CARER_PARTS).optional();
