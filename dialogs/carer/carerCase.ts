// What the carer's journey keeps: the episode, the enquiries done, and a log of each step
// confirmed with its time, which the carer can copy into their log book. No names.
import { z } from 'zod';
import { CARER_ENQUIRIES } from '../../bot/content';
import { CHECKLIST_OUTCOMES } from '../base/checklistDialog';
import { stateRecord } from '../base/record';
import type { DialogServices } from '../base/services';

export const LOG_EVENTS = [
  'started',
  'dangerYes',
  'dangerNo',
  'unauthorised',
  'missing',
  'secureOrder',
  'enquiry',
  'reported',
  'notified',
  'remindersOn',
  'back',
] as const;

const logEntrySchema = z.object({
  at: z.string().datetime(),
  event: z.enum(LOG_EVENTS),
  variables: z.record(z.string(), z.string()).default({}),
});
export type LogEntry = z.infer<typeof logEntrySchema>;

export const carerCaseSchema = z.object({
  startedAt: z.string().datetime().optional(),
  status: z.enum(['unauthorised', 'missing', 'back']).optional(),
  enquiries: z.partialRecord(z.enum(CARER_ENQUIRIES), z.enum(CHECKLIST_OUTCOMES)).default({}),
  log: z.array(logEntrySchema).max(200).default([]),
});
export type CarerCase = z.infer<typeof carerCaseSchema>;

export const carerCaseRecord = (services: DialogServices) =>
  stateRecord(services.conversationState, 'carerCase', carerCaseSchema, () => carerCaseSchema.parse({}));
