// What a journey is told when it starts: what the first message already said, so the journey
// does not ask it again ("my daughter didnt come home" is a child missing now).
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { PROFESSIONS, SITUATIONS, type Situation } from '../../bot/content/vocabulary';
import { readingOf, type DialogServices } from '../../bot/turn/services';

export const journeyOptionsSchema = z
  .object({
    situation: z.enum(SITUATIONS).optional(),
    /** A professional who said which ("I'm a teacher") is not asked again. */
    profession: z.enum(PROFESSIONS).optional(),
    /**
     * A parent given the police summary earlier, writing again while the child is still missing:
     * that case carries on. A young person who said no to someone to talk to, and now says yes:
     * the offer again.
     */
    resume: z.boolean().optional(),
    /** A young person who wrote that someone they know is missing, not they ("my mate ran away last night"). */
    someoneElseMissing: z.boolean().optional(),
  })
  .default({});
export type JourneyOptions = z.infer<typeof journeyOptionsSchema>;

/**
 * A "what is happening?" question's answer from the words' own situation, whatever options they
 * name ("he was meant to be home at 10" names home and says missing); a question of their own
 * ("what is a return interview") answers nothing.
 */
export function situationAnswer<Answer>(
  services: DialogServices,
  answers: Partial<Record<Situation, Answer>>,
): (context: TurnContext) => Answer | undefined {
  return (context) => {
    const { situation, question } = readingOf(context, services);
    return question || !situation ? undefined : answers[situation];
  };
}
