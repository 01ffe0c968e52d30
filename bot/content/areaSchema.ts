// The shape of an area file: the council's services with their sources, its office hours, the
// return interview team's bookable hours, and the on-call numbers for a handoff.
import { z } from 'zod';
import { BOOKING_PLACES } from './vocabulary';
import { sourceSchema } from './ruleSchema';
import { dialableNumberSchema, e164NumberSchema } from '../platform/phoneNumbers';

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'must be a time such as 09:00' });
const serviceSchema = z
  .object({
    name: z.string().min(2),
    phone: dialableNumberSchema.optional(),
    text: dialableNumberSchema.optional(),
    email: z.string().email().optional(),
    hours: z.enum(['always', 'office']),
    /** Where the value comes from when the guidance gives the service but not this detail. */
    note: z.string().min(5).optional(),
    source: sourceSchema,
  })
  .strict();
export const areaSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    name: z.string().min(2),
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
        source: z.string().min(5),
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
      })
      .catchall(serviceSchema),
    returnInterviews: z
      .object({
        windowHours: z.number().int().min(1).max(24 * 14),
        bookable: z
          .object({ days: z.array(z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'])).min(1), open: time, close: time })
          .strict()
          .refine((hours) => hours.open < hours.close, { message: 'open must be before close', path: ['close'] }),
        slotMinutes: z.number().int().min(15).max(240),
        seatsPerSlot: z.number().int().min(1).max(50),
        leadMinutes: z.number().int().min(0).max(24 * 60),
        reminderMinutesBefore: z.number().int().min(10).max(24 * 60),
        places: z.array(z.enum(BOOKING_PLACES)).min(1),
        team: z.object({ name: z.string().min(2), phone: e164NumberSchema }).strict(),
        source: z.string().min(5),
      })
      .strict(),
    /** The council's limit on how long a profile prepared in advance may be kept, if it sets one. */
    retention: z
      .object({
        preparedProfileMaxDays: z.number().int().min(30).max(3650),
        source: z.string().min(5),
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
        source: z.string().min(5),
      })
      .strict(),
  })
  .strict();
export type Area = z.infer<typeof areaSchema>;
