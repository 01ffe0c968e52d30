// What a journey is told when it starts: what the first message already said, so the journey
// does not ask it again ("my daughter didnt come home" is a child missing now).
import { z } from 'zod';
import { PROFESSIONS, SITUATIONS } from '../../bot/content/vocabulary';

export const journeyOptionsSchema = z
  .object({
    situation: z.enum(SITUATIONS).optional(),
    /** A professional who said which ("I'm a teacher") is not asked again. */
    profession: z.enum(PROFESSIONS).optional(),
    /** A parent given the police summary earlier, writing again while the child is still missing: that case carries on. */
    resume: z.boolean().optional(),
  })
  .default({});
export type JourneyOptions = z.infer<typeof journeyOptionsSchema>;
