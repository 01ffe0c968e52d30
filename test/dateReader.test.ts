// The shared date reader: British day/month order, relative to the set clock, in the area's zone.
import { ManualClock } from '../bot/platform/clock';
import { createDateReader } from '../bot/understanding/dateReader';
import { loadContent } from '../bot/content/loadContent';

// Tuesday 24 November 2026, 23:00 in London (GMT).
const winter = createDateReader({ clock: new ManualClock('2026-11-24T23:00:00Z'), timeZone: 'Europe/London' });
// Monday 15 June 2026, 21:00 in London (BST, UTC+1).
const summer = createDateReader({ clock: new ManualClock('2026-06-15T20:00:00Z'), timeZone: 'Europe/London' });

const readAt = (reader: typeof winter, text: string) => {
  const reading = reader.readPast(text);
  return reading.kind === 'read' ? { at: reading.moment.at.toISOString(), precision: reading.moment.precision } : reading.kind;
};

describe('a time taken back, and quarters', () => {
  const english = loadContent({ area: 'kent' }).understanding.en;
  const reader = createDateReader({
    clock: new ManualClock('2026-11-24T23:30:00Z'),
    timeZone: 'Europe/London',
    takenBackByLanguage: { en: english?.timeTakenBack ?? [] },
  });
  it.each([
    ['half 7 no wait it was more like quarter to 7', '2026-11-24T18:45:00.000Z'],
    ['about 9 actually more like 8', '2026-11-24T20:00:00.000Z'],
    ['quarter past 9', '2026-11-24T21:15:00.000Z'],
    // No word takes the first back: the most recent, as before.
    ['at 8 and she texted at 10', '2026-11-24T22:00:00.000Z'],
  ])('"%s" -> %s', (text, iso) => {
    expect(readAt(reader, text)).toEqual({ at: iso, precision: 'minute' });
  });
});

describe('readPast in winter (GMT)', () => {
  it.each([
    ['01/04 at 9', '2026-04-01T20:00:00.000Z', 'minute'],
    ['24/11 18:30', '2026-11-24T18:30:00.000Z', 'minute'],
    ['23/11/2026 22:15', '2026-11-23T22:15:00.000Z', 'minute'],
    ['yesterday at 9pm', '2026-11-23T21:00:00.000Z', 'minute'],
    ['yesterday about 9', '2026-11-23T21:00:00.000Z', 'minute'],
    ['3 hours ago', '2026-11-24T20:00:00.000Z', 'minute'],
    ['10 minutes ago', '2026-11-24T22:50:00.000Z', 'minute'],
    ['last night at 10', '2026-11-23T22:00:00.000Z', 'minute'],
    ['at 7', '2026-11-24T19:00:00.000Z', 'minute'],
    ['Friday at 4pm', '2026-11-20T16:00:00.000Z', 'minute'],
    ['last night', '2026-11-23T20:00:00.000Z', 'period'],
    ['this morning', '2026-11-24T08:00:00.000Z', 'period'],
    ['Friday after school', '2026-11-20T00:00:00.000Z', 'day'],
    ['2 days ago', '2026-11-22T00:00:00.000Z', 'day'],
  ])('"%s" -> %s (%s)', (text, iso, precision) => {
    expect(readAt(winter, text)).toEqual({ at: iso, precision });
  });

  it.each([
    ['09:00', '2026-11-24T09:00:00.000Z'],
    ['08:30', '2026-11-24T08:30:00.000Z'],
  ])('"%s", a 24-hour clock, is the morning and offers no other reading', (text, iso) => {
    const reading = winter.readPast(text);
    expect(reading.kind === 'read' && reading.moment.at.toISOString()).toBe(iso);
    expect(reading.kind === 'read' && reading.moment.alternative).toBeUndefined();
  });

  it('reads day before month: 01/04 is 1 April, 04/01 is 4 January', () => {
    expect(readAt(winter, '01/04 14:00')).toEqual({ at: '2026-04-01T13:00:00.000Z', precision: 'minute' });
    expect(readAt(winter, '04/01 14:00')).toEqual({ at: '2026-01-04T14:00:00.000Z', precision: 'minute' });
  });

  it.each(['tomorrow', 'tomorrow at 5pm'])('"%s" is in the future', (text) => {
    expect(winter.readPast(text).kind).toBe('future');
  });

  it.each(['banana', '45/13', '31/02', '', 'half an hour ago', '31/13 at 4', '30/02 about 9', 'on 32/1/2026 at 6pm'])(
    '"%s" is not read as a time',
    (text) => {
      expect(winter.readPast(text).kind).toBe('unreadable');
    },
  );

  it('a date no calendar has is not a day to meet either, while 29/02 in a leap year is', () => {
    expect(winter.readAhead('31/13 at 4')).toEqual([]);
    expect(winter.readPast('29/02/2024 at 9pm').kind).toBe('read');
  });
});

describe('readPast in summer (BST)', () => {
  it.each([
    ['yesterday at 9pm', '2026-06-14T20:00:00.000Z'],
    ['3 hours ago', '2026-06-15T17:00:00.000Z'],
    ['15/06 18:30', '2026-06-15T17:30:00.000Z'],
  ])('"%s" -> %s', (text, iso) => {
    expect(readAt(summer, text)).toEqual({ at: iso, precision: 'minute' });
  });
});

describe('readAll', () => {
  it('lists every meaning, earliest first, for choosing future slots', () => {
    const moments = winter.readAll('Friday at 4pm').map((moment) => moment.at.toISOString());
    expect(moments).toEqual(['2026-11-20T16:00:00.000Z', '2026-11-27T16:00:00.000Z']);
  });
});

describe('readAhead', () => {
  // Tuesday 24 November 2026, 10:00 in London.
  const morning = createDateReader({
    clock: new ManualClock('2026-11-24T10:00:00Z'),
    timeZone: 'Europe/London',
    sayings: { 'after school': '15:30' },
  });
  const ahead = (text: string) => morning.readAhead(text).map((moment) => moment.at.toISOString());

  it("a time of day not yet come is today's; one gone is tomorrow's; a day named is kept", () => {
    expect(ahead('4pm')[0]).toBe('2026-11-24T16:00:00.000Z');
    expect(ahead('after school')[0]).toBe('2026-11-24T15:30:00.000Z');
    expect(ahead('9am')[0]).toBe('2026-11-25T09:00:00.000Z');
    expect(ahead('Friday at 4pm')).toEqual(['2026-11-27T16:00:00.000Z']);
  });
});

it('a day and month without a year is the most recent one: 25/12 is last Christmas', () => {
  expect(readAt(winter, '25/12 14:00')).toEqual({ at: '2025-12-25T14:00:00.000Z', precision: 'minute' });
});

describe('times as people in the UK say them (with the sayings from content)', () => {
  const sayings = loadContent({ area: 'kent' }).understanding.en?.times ?? {};
  // Tuesday 24 November 2026, 20:00 in London.
  const evening = createDateReader({ clock: new ManualClock('2026-11-24T20:00:00Z'), timeZone: 'Europe/London', sayings });
  const read = (text: string) => {
    const reading = evening.readPast(text);
    return reading.kind === 'read' ? reading.moment : undefined;
  };

  it.each([
    ['4ish', '2026-11-24T16:00:00.000Z'],
    ['about 4', '2026-11-24T16:00:00.000Z'],
    ['yesterday about 4ish', '2026-11-23T16:00:00.000Z'],
    ['after skool', '2026-11-24T15:30:00.000Z'],
    ['came in around midnite', '2026-11-24T00:00:00.000Z'],
    ['yesterday at midnight', '2026-11-23T00:00:00.000Z'],
    ['back since yesterday arvo tbh', '2026-11-23T12:00:00.000Z'],
    ['half 3', '2026-11-24T15:30:00.000Z'],
    ['yesterday at half 4', '2026-11-23T16:30:00.000Z'],
    ['quarter to 10', '2026-11-24T09:45:00.000Z'],
    ['teatime', '2026-11-24T17:00:00.000Z'],
    ['he went out after tea', '2026-11-24T18:00:00.000Z'],
    // The part of the day and the hour, said apart, go together.
    ['last night he texted me at like 11', '2026-11-23T23:00:00.000Z'],
    // Unless the part of the day has an hour of its own.
    ['this morning 8 when he left for school, his mate said he left school at 3.30', '2026-11-24T15:30:00.000Z'],
    ['after school', '2026-11-24T15:30:00.000Z'],
    ['lunchtime', '2026-11-24T12:30:00.000Z'],
    ['last night', '2026-11-23T20:00:00.000Z'],
    ['last nite', '2026-11-23T20:00:00.000Z'],
    ['yday about 9', '2026-11-23T21:00:00.000Z'],
    ['since Friday', '2026-11-20T00:00:00.000Z'],
    ['since 6pm', '2026-11-24T18:00:00.000Z'],
    ['since about 6 yesterday', '2026-11-23T18:00:00.000Z'],
    ['an hour ago', '2026-11-24T19:00:00.000Z'],
  ])('"%s" is read as the latest past time that fits: %s', (text, iso) => {
    expect(read(text)?.at.toISOString()).toBe(iso);
  });

  it('an hour without am or pm offers the other reading: "yesterday about 4ish" is 16:00, or 04:00', () => {
    expect(read('yesterday about 4ish')?.alternative?.toISOString()).toBe('2026-11-23T04:00:00.000Z');
    expect(read('yesterday at 4pm')?.alternative).toBeUndefined();
  });

  it('"this morning" typed before 8 a.m. is read, not refused as the future', () => {
    const early = createDateReader({ clock: new ManualClock('2026-11-25T06:18:00Z'), timeZone: 'Europe/London', sayings });
    const reading = early.readPast('this morning');
    expect(reading.kind).toBe('read');
    expect(reading.kind === 'read' && reading.moment.at.toISOString()).toBe('2026-11-25T06:18:00.000Z');
  });

  it('"idk" is not a time (the question takes it as not known)', () => {
    expect(evening.readPast('idk').kind).toBe('unreadable');
  });
});

describe('a time of day still to come today is the one just gone', () => {
  // Wednesday 2 December 2026, 00:30 and 05:20 in London (GMT).
  const justAfterMidnight = createDateReader({ clock: new ManualClock('2026-12-02T00:30:00Z'), timeZone: 'Europe/London' });
  const earlyMorning = createDateReader({ clock: new ManualClock('2026-12-02T05:20:00Z'), timeZone: 'Europe/London' });

  it.each([
    ['9pm', '2026-12-01T21:00:00.000Z'],
    ['today at 21:00', '2026-12-01T21:00:00.000Z'],
    ['at 22:15', '2026-12-01T22:15:00.000Z'],
  ])('at 00:30, "%s" is %s', (text, iso) => {
    expect(readAt(justAfterMidnight, text)).toEqual({ at: iso, precision: 'minute' });
  });

  it('at 05:20, "about 4ish" is 04:00, with 16:00 yesterday offered as the other reading', () => {
    const reading = earlyMorning.readPast('about 4ish');
    expect(reading.kind).toBe('read');
    if (reading.kind !== 'read') return;
    expect(reading.moment.at.toISOString()).toBe('2026-12-02T04:00:00.000Z');
    expect(reading.moment.alternative?.toISOString()).toBe('2026-12-01T16:00:00.000Z');
  });

  it('"rang her 20 times" is not 20:00', () => {
    expect(earlyMorning.readPast('ive rang her like 20 times').kind).toBe('unreadable');
  });

  it.each(['tomorrow at 4', 'tomorrow'])('"%s" is still the future', (text) => {
    expect(earlyMorning.readPast(text).kind).toBe('future');
  });
});

describe('an hour said of the school day is in the school day', () => {
  const { understanding } = loadContent({ area: 'kent' });
  const schoolDayByLanguage = Object.fromEntries(Object.entries(understanding).map(([language, words]) => [language, words.schoolDay]));
  // Wednesday 25 November 2026, 09:10 in London: the small hours of today have passed.
  const morning = createDateReader({ clock: new ManualClock('2026-11-25T09:10:00Z'), timeZone: 'Europe/London', schoolDayByLanguage });

  it.each([
    ['she finished school at 3.15', 'en', '2026-11-24T15:15:00.000Z'],
    ['hes meant to finish college at 4', 'en', '2026-11-24T16:00:00.000Z'],
    ['wyszedl ze szkoly o 3:20', 'pl', '2026-11-24T15:20:00.000Z'],
  ])('at 09:10, "%s" is yesterday afternoon, with the small hours as the other reading', (text, language, iso) => {
    const reading = morning.readPast(text, language);
    expect(reading.kind === 'read' && reading.moment.at.toISOString()).toBe(iso);
  });

  it('without a word of school, 03:15 today stays the reading, and the afternoon is offered', () => {
    const reading = morning.readPast('finished at 3.15');
    expect(reading.kind === 'read' && [reading.moment.at.toISOString(), reading.moment.alternative?.toISOString()]).toEqual([
      '2026-11-25T03:15:00.000Z',
      '2026-11-24T15:15:00.000Z',
    ]);
  });

  it('said in the evening, "finished school at 3" is this afternoon, and 03:00 is not offered', () => {
    const evening = createDateReader({ clock: new ManualClock('2026-11-24T22:00:00Z'), timeZone: 'Europe/London', schoolDayByLanguage });
    const reading = evening.readPast('he finished school at 3 and never came home');
    expect(reading.kind === 'read' && [reading.moment.at.toISOString(), reading.moment.alternative]).toEqual([
      '2026-11-24T15:00:00.000Z',
      undefined,
    ]);
  });

  it('"3.15" is a quarter past three, and "14.03.2012" stays a date', () => {
    expect(morning.readPast('3.15').kind).toBe('read');
    const date = morning.readPast('14.03.2012');
    expect(date.kind === 'read' && date.moment.at.toISOString().slice(0, 10)).toBe('2012-03-14');
  });
});

describe('half past in words, and a day named with a bare time', () => {
  const content = loadContent({ area: 'kent' });
  const reader = createDateReader({
    clock: new ManualClock('2026-11-24T23:00:00Z'),
    timeZone: 'Europe/London',
    sayings: content.understanding.en?.times,
    halfPastByLanguage: Object.fromEntries(Object.entries(content.understanding).map(([language, words]) => [language, words.halfPast])),
    notThenByLanguage: Object.fromEntries(Object.entries(content.understanding).map(([language, words]) => [language, words.notThen])),
  });

  it.each([
    ['la 9 și jumătate', 'ro'],
    ['الساعة ٩ ونص', 'ar'],
  ])('"%s" is 21:30', (text, language) => {
    const read = reader.readPast(text, language);
    expect(read.kind === 'read' && read.moment.at.toISOString()).toBe('2026-11-24T21:30:00.000Z');
  });

  it('"thursday after school about 4" is Thursday at 16:00 (or 04:00), never Wednesday', () => {
    const days = reader.readAhead('thursday after school about 4', 'en').map((moment) => moment.at.toISOString().slice(0, 10));
    expect(new Set(days)).toEqual(new Set(['2026-11-26']));
  });

  it('a day of the month said alone is the next date with that day; a day of the week that disagrees wins; "sat" is Saturday only before a time', () => {
    const first = (text: string) => reader.readAhead(text, 'en')[0]?.at.toISOString();
    expect(first('sat 28th at 3pm')).toBe('2026-11-28T15:00:00.000Z');
    expect(first('the 3rd 4pm')).toBe('2026-12-03T16:00:00.000Z');
    expect(first('saturday 21st 3pm')).toBe('2026-11-28T15:00:00.000Z');
    expect(first('28th november at 2pm')).toBe('2026-11-28T14:00:00.000Z');
    expect(reader.readAhead('i sat at the bus stop', 'en')).toEqual([]);
    expect(reader.readAhead('the 2nd one', 'en')).toEqual([]);
    // A day of the week with a time already gone today is next week's.
    const tuesdayEvening = createDateReader({ clock: new ManualClock('2026-11-24T18:00:00Z'), timeZone: 'Europe/London' });
    expect(tuesdayEvening.readAhead('tues 5pm', 'en')[0]?.at.toISOString()).toBe('2026-12-01T17:00:00.000Z');
  });

  it('"ok weds 5 then", "thursday after 4": an hour just after a day is a time on it; "wed 25" and "weds 5th" are not', () => {
    const times = (text: string) => reader.readAhead(text, 'en').map((moment) => moment.at.toISOString());
    expect(times('ok weds 5 then')).toContain('2026-11-25T17:00:00.000Z');
    expect(times('thursday after 4')).toContain('2026-11-26T16:00:00.000Z');
    expect(times('tomorrow 3')).toContain('2026-11-25T15:00:00.000Z');
    expect(reader.readAhead('wed 25', 'en').every((moment) => moment.precision === 'day')).toBe(true);
    expect(reader.readAhead('weds 5th', 'en').every((moment) => moment.precision === 'day')).toBe(true);
  });

  it('"since sat morning", "sun nite": the short day with a part of the day is read; "due back 10" only where due times are asked', () => {
    const at = (text: string, options?: { dueBack?: boolean }) => {
      const read = reader.readPast(text, 'en', options);
      return read.kind === 'read' ? read.moment.at.toISOString() : read.kind;
    };
    expect(at('since sat morning')).toBe('2026-11-21T08:00:00.000Z');
    expect(at('not seen her since sun nite')).toBe('2026-11-22T20:00:00.000Z');
    expect(at('due back 10')).toBe('unreadable');
    expect(at('due back 10', { dueBack: true })).toBe('2026-11-24T22:00:00.000Z');
    expect(at('she was meant to be in by 9', { dueBack: true })).toBe('2026-11-24T21:00:00.000Z');
  });

  it('"not wednesday, thursday at 5" rules Wednesday out', () => {
    const days = reader.readAhead('not wednesday, thursday at 5', 'en').map((moment) => moment.at.toISOString().slice(0, 10));
    expect(days).not.toContain('2026-11-25');
    expect(days).toContain('2026-11-26');
  });
});

describe('a message that opens with a day still to come', () => {
  const words = loadContent({ area: 'kent' }).understanding.en;
  const reader = createDateReader({
    clock: new ManualClock('2026-11-24T23:00:00Z'),
    timeZone: 'Europe/London',
    sayings: words?.times ?? {},
    ...(words ? { schoolDayByLanguage: { en: words.schoolDay } } : {}),
    halfPastByLanguage: { en: words?.halfPast ?? [] },
  });

  it('"tmrw after school like half 4" is ahead, not 16:30 today; "he went out at 7, back tomorrow" is 19:00', () => {
    expect(reader.readPast('tmrw after school like half 4', 'en', { beforeNow: true }).kind).toBe('future');
    const went = reader.readPast('he went out at 7 and said hed be back tomorrow at 10', 'en', { beforeNow: true });
    expect(went.kind === 'read' && went.moment.at.toISOString()).toBe('2026-11-24T19:00:00.000Z');
  });
});
