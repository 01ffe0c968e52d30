// What any part of the conversation may need to tell a person who takes it over: who is
// writing and the risks said so far (as short flags, never names or free text).
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { DANGER_CATEGORIES, DISCLOSURES, ROLES } from '../../bot/content/vocabulary';
import { stateRecord } from './record';
import type { DialogServices } from '../../bot/turn/services';

export const RISK_FLAGS = [
  'danger-phrase',
  'danger-now',
  'parent-believes-at-risk',
  'home-not-safe',
  'selfHarm',
  'exploitation',
  'substances',
  'before',
  'repeat-missing',
  'adult',
  ...DANGER_CATEGORIES,
  ...DISCLOSURES,
] as const;
export type RiskFlag = (typeof RISK_FLAGS)[number];

const conversationFactsSchema = z.object({
  role: z.enum(ROLES).optional(),
  flags: z.array(z.enum(RISK_FLAGS)).default([]),
});
export type ConversationFacts = z.infer<typeof conversationFactsSchema>;

export const conversationFactsRecord = (services: Pick<DialogServices, 'conversationState'>) =>
  stateRecord(services.conversationState, 'conversationFacts', conversationFactsSchema, () => conversationFactsSchema.parse({}));

export async function flagRisk(
  context: TurnContext,
  services: Pick<DialogServices, 'conversationState'>,
  ...flags: RiskFlag[]
): Promise<void> {
  await conversationFactsRecord(services).update(context, (facts) => ({ ...facts, flags: [...new Set([...facts.flags, ...flags])] }));
}
