// Reads a date of birth written day/month/year and works out the age on the clock's date.
import { DateTime } from 'luxon';

const FORMATS = ['d/M/yyyy', 'd-M-yyyy', 'd.M.yyyy', 'd M yyyy', 'd MMMM yyyy', 'd MMM yyyy', 'yyyy-MM-dd'];

export type DateOfBirthReading = { kind: 'date'; isoDate: string; ageYears: number } | { kind: 'invalid' } | { kind: 'future' };

export function readDateOfBirth(text: string, now: Date, timeZone: string): DateOfBirthReading {
  const cleaned = text
    .trim()
    .replace(/(\d)(st|nd|rd|th)\b/gi, '$1')
    .replace(/\s+/g, ' ');
  const today = DateTime.fromJSDate(now, { zone: timeZone }).startOf('day');
  for (const format of FORMATS) {
    const date = DateTime.fromFormat(cleaned, format, { zone: timeZone, locale: 'en-GB' });
    if (!date.isValid) continue;
    if (date > today) return { kind: 'future' };
    if (date.year < today.year - 130) return { kind: 'invalid' };
    return { kind: 'date', isoDate: date.toISODate() ?? '', ageYears: Math.floor(today.diff(date, 'years').years) };
  }
  return { kind: 'invalid' };
}
