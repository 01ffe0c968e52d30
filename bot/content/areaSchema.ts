// The shape of an area file (content/areas/<id>/area.json): the partnership's guidance documents,
// the council's services with their sources, its office hours, the return interview team's
// bookable hours, and the on-call numbers for a handoff.
import { z } from 'zod';
import { BOOKING_PLACES, GUIDANCE_FILES } from './vocabulary';
import { councilFactSchema, sourceSchema } from './sourceSchema';
import { dialableNumberSchema, e164NumberSchema } from '../platform/phoneNumbers';


const passages = z.array(sourceSchema).min(1);

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'must be a time such as 09:00' });
const serviceSchema = z
  .object({
    name: z.string().min(2),
    phone: dialableNumberSchema.optional(),
    text: dialableNumberSchema.optional(),
    email: z.string().email().optional(),
    /** 'unstated': no document gives its hours, so the bot never says it is closed. */
    hours: z.enum(['always', 'office', 'unstated']),
    note: z.string().min(5).optional(),
    /** The passages that name the service and its number. */
    source: z.array(sourceSchema).min(1).optional(),
    /** Where no document gives the service or its number: the council's word for it. */
    council: councilFactSchema.optional(),
  })
  .strict()
  .refine((service) => service.source ?? service.council, { message: 'needs a source in the guidance or a council fact' });

const guidanceDocumentSchema = z
  .object({
    file: z.enum(GUIDANCE_FILES),
    /** What the document is to the area (whose, when and its title are in content/guidance/documents.json). */
    status: z.string().min(5),
    /** own: the area's procedure; corroborating: another partnership's, cited only beside an own passage with the same words. */
    use: z.enum(['own', 'corroborating']),
  })
  .strict();

export const areaSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    name: z.string().min(2),
    /** The partnership whose procedure the pack follows. */
    partnership: z.string().min(3),
    /** The area's own names for places, teams, meetings and systems: shared messages use none of any area's. */
    localNames: z.array(z.string().min(3)).min(1),
    guidance: z
      .object({
        documents: z.array(guidanceDocumentSchema).min(1),
        /** What the pack cannot answer for because a document it depends on is not held. */
        incomplete: z.string().min(10).optional(),
        /** The documents' own contradictions and doubtful details, for the safeguarding lead. */
        forReview: z.array(z.object({ what: z.string().min(10), source: z.array(sourceSchema).min(1) }).strict()).default([]),
      })
      .strict()
      .refine((guidance) => guidance.documents.some((document) => document.use === 'own'), { message: 'needs at least one document of its own' }),
    /**
     * How the area's guidance differs, as its documents put it, for the rule book: the categories
     * and risk levels it uses, repeat missing, its return interview, and whom it covers. The
     * journeys act on the area's rules and limits; this is what a safeguarding lead checks them against.
     */
    model: z
      .object({
        categories: z.object({ says: z.string().min(5), lowRiskForChildren: z.boolean().nullable(), source: passages }).strict(),
        repeatMissing: z
          .object({ episodes: z.number().int().positive(), days: z.number().int().positive(), says: z.string().min(5), source: passages })
          .strict()
          .nullable(),
        returnInterview: z
          .object({
            name: z.string().min(3),
            offeredTo: z.string().min(3),
            provider: z.string().min(3),
            independent: z.boolean().nullable(),
            clockStarts: z.string().min(3),
            afterDecline: z.string().min(3),
            source: passages,
          })
          .strict(),
        scope: z.object({ says: z.string().min(5), ageLimit: z.number().int().positive().nullable(), source: passages }).strict(),
      })
      .strict(),
    timeZone: z.string(),
    /** The locales the council has approved, in the order the welcome offers them; the first is the default. */
    languages: z
      .array(z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/))
      .min(1)
      .refine((languages) => languages[0] === 'en-GB', { message: 'must begin with en-GB' })
      .refine((languages) => new Set(languages).size === languages.length, { message: 'lists a locale twice' }),
    officeHours: z
      .object({
        days: z.array(z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'])).min(1),
        open: time,
        close: time,
        council: councilFactSchema,
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
        shout: serviceSchema,
        childline: serviceSchema,
        safeCall: serviceSchema,
        sarc: serviceSchema,
        returnInterviewProvider: serviceSchema,
      })
      .catchall(serviceSchema),
    returnInterviews: z
      .object({
        windowHours: z.number().int().min(1).max(24 * 14),
        bookable: z
          .object({ days: z.array(z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'])).min(1), open: time, close: time })
          .strict()
          .refine((hours) => hours.open < hours.close, { message: 'open must be before close', path: ['close'] }),
        /** A school day's lessons: times in them are offered after the others, unless the meeting is at school. */
        schoolHours: z
          .object({ days: z.array(z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'])).min(1), from: time, to: time })
          .strict()
          .refine((hours) => hours.from < hours.to, { message: 'from must be before to', path: ['to'] })
          .optional(),
        slotMinutes: z.number().int().min(15).max(240),
        seatsPerSlot: z.number().int().min(1).max(50),
        leadMinutes: z.number().int().min(0).max(24 * 60),
        reminderMinutesBefore: z.number().int().min(10).max(24 * 60),
        places: z.array(z.enum(BOOKING_PLACES)).min(1),
        team: z.object({ name: z.string().min(2), phone: e164NumberSchema }).strict(),
        council: councilFactSchema,
      })
      .strict(),
    /**
     * How long a carer's enquiries may come before the police are told about a child whose
     * whereabouts are not known, from when they went or were due back. The guidance says "without
     * delay" and gives no number: it is the council's.
     */
    carerEnquiries: z
      .object({
        reportAfterHours: z.number().int().min(1).max(24),
        council: councilFactSchema,
      })
      .strict()
      .optional(),
    /** The council's limit on how long a profile prepared in advance may be kept, if it sets one. */
    retention: z
      .object({
        preparedProfileMaxDays: z.number().int().min(30).max(3650),
        council: councilFactSchema,
      })
      .strict()
      .optional(),
    handoff: z
      .object({
        team: z.string().min(2),
        replyWithinMinutes: z.number().int().min(1).max(24 * 60),
        onCall: z
          .array(
            z
              .object({
                name: z.string().min(2),
                phone: e164NumberSchema,
              })
              .strict(),
          )
          .min(1),
        council: councilFactSchema,
      })
      .strict(),
  })
  .strict();
export type Area = z.infer<typeof areaSchema>;
