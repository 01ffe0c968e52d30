import { DateTime } from 'luxon';

/** The hours a child out alone is in the dark where the area is (P-DANGER-YOUNG-NIGHT, Y-YOUNG-AWAY). */
const DARK_FROM_HOUR = 20;
const LIGHT_FROM_HOUR = 7;

export function afterDark(now: Date, timeZone: string): boolean {
  const { hour } = DateTime.fromJSDate(now, { zone: timeZone });
  return hour >= DARK_FROM_HOUR || hour < LIGHT_FROM_HOUR;
}
