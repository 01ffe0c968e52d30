// The area's opening hours, read in the configured time zone.
import { DateTime } from 'luxon';
import type { Area } from './areaSchema';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export function isOfficeOpen(area: Area, at: Date, timeZone: string): boolean {
  const local = DateTime.fromJSDate(at, { zone: timeZone });
  const day = WEEKDAYS[local.weekday - 1];
  if (!day || !area.officeHours.days.includes(day)) return false;
  const time = local.toFormat('HH:mm');
  return time >= area.officeHours.open && time < area.officeHours.close;
}
