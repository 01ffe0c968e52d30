// Where advice and facts come from: a passage of a guidance document quoted word for word (the
// area's own, or national guidance a document reproduces), or, where no document holds it, the
// council's word, flagged until someone at the council confirms it.
import { z } from 'zod';
import { GUIDANCE_FILES } from './vocabulary';

/** National guidance a local document reproduces word for word: any area may cite it. */
export const NATIONAL_GUIDANCE = {
  'college-of-policing-app': 'College of Policing, Authorised Professional Practice: Missing persons',
  'dfe-2014': 'Department for Education (2014), Statutory guidance on children who run away or go missing from home or care',
} as const;
export type NationalGuidance = keyof typeof NATIONAL_GUIDANCE;

/**
 * A passage of a guidance document, quoted word for word (checked in full at load) from one
 * contiguous place: no "..." joins. `national`: the passage is national guidance that the
 * document reproduces, so an area may cite it whoever's document holds it.
 */
export const sourceSchema = z
  .object({
    file: z.enum(GUIDANCE_FILES, { message: `must be one of the guidance files: ${GUIDANCE_FILES.join(', ')}` }),
    quote: z
      .string()
      .min(8)
      .refine((quote) => !/\.\.\.|…/.test(quote), { message: 'must be one passage word for word: cite each part as a source of its own instead of joining with "..."' }),
    national: z.enum(Object.keys(NATIONAL_GUIDANCE) as [NationalGuidance, ...NationalGuidance[]]).optional(),
  })
  .strict();
export type Source = z.infer<typeof sourceSchema>;

/**
 * A fact no guidance document holds (a phone number, opening hours, a setting): who at the
 * council confirmed it and when. Until both are given it is flagged at start and on the rule book.
 */
export const councilFactSchema = z
  .object({
    says: z.string().min(5),
    confirmedBy: z.string().min(2).nullable(),
    confirmedOn: z.string().date().nullable(),
  })
  .strict();
export type CouncilFact = z.infer<typeof councilFactSchema>;

/** A rule stands on passages of guidance, or, where the documents are silent, on the council's word. */
export const ruleSourceSchema = z.union([sourceSchema, z.object({ council: councilFactSchema }).strict()]);
export type RuleSource = z.infer<typeof ruleSourceSchema>;

export function isPassage(source: RuleSource): source is Source {
  return 'file' in source;
}
