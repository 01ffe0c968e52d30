// Reads the times people type ("yesterday at 9pm", "24/11 18:30", "3 hours ago") as absolute
// instants, relative to the injected clock, in the area's time zone, with British day/month order.
import { recognizeDateTime } from '@microsoft/recognizers-text-date-time';
import { DateTime } from 'luxon';
import type { Clock } from '../platform/clock';
import { normalise, westernDigits } from './text';

export type Precision = 'minute' | 'day' | 'period';

export interface ReadMoment {
  /** The instant read; for a whole day, its start; for a period ("last night"), its start. */
  at: Date;
  /** 'minute': a clock time was given; 'day': only a date; 'period': a part of a day. */
  precision: Precision;
  /** The words that were read as the time. */
  matched: string;
  /** The other reading of an hour said without am or pm ("yesterday at 4": 16:00, or 04:00). */
  alternative?: Date;
  /** A clock time said with no day ("about 4"): in a message that names a day, it is that day's. */
  timeOnly?: boolean;
  /** Said after a negation ("not tuesday", "cant do monday"): a time the person does not mean. */
  ruledOut?: boolean;
}

export type PastReading = { kind: 'read'; moment: ReadMoment } | { kind: 'future'; moment: ReadMoment } | { kind: 'unreadable' };

export interface DateReader {
  /**
   * The most recent moment, not after now, that the text can mean; `language` adds its sayings.
   * `beforeNow`: "now" itself is no answer ("back now, got in about 11": 23:00).
   */
  /**
   * With `dueBack`, an hour said as a time to be back by ("due back 10", "in by 10") is read as
   * that time: for a question that asks when they went or were due back.
   */
  readPast(text: string, language?: string, options?: { beforeNow?: boolean; dueBack?: boolean }): PastReading;
  /** Every moment the text can mean, earliest first. */
  readAll(text: string, language?: string): ReadMoment[];
  /**
   * Every moment from now on the text can mean, earliest first (for choosing a time to meet): a
   * time of day already gone is the next one ("4pm" at five is tomorrow's, "after school" at ten
   * is this afternoon's), as readPast takes a time still to come as yesterday's.
   */
  readAhead(text: string, language?: string): ReadMoment[];
  /** The days ruled out ("i cant do wednesday anymore"), as local dates (yyyy-MM-dd) still to come. */
  daysRuledOut(text: string, language?: string): string[];
}

export interface DateReaderOptions {
  clock: Clock;
  timeZone: string;
  /** A culture the recognizers know; en-GB reads 01/04 as 1 April. */
  culture?: string;
  /** Times people say in words, as a time the recognizers read ("teatime" -> "17:00"), from content. */
  sayings?: Readonly<Record<string, string>>;
  /**
   * The same for other languages, by language: their words for days and times made into ones the
   * recognizers read ("wczoraj" -> "yesterday"); digits ("21:30", "28/11") are read in any language.
   */
  sayingsByLanguage?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** By language, words that put an hour said without am or pm in the school day ("school", "lessons"). */
  schoolDayByLanguage?: Readonly<Record<string, readonly string[]>>;
  /** By language, words after an hour that add half of one ("9 și jumătate", "9 ونص"). */
  halfPastByLanguage?: Readonly<Record<string, readonly string[]>>;
  /** By language, words that rule out the day or time said after them ("not", "cant do"). */
  notThenByLanguage?: Readonly<Record<string, readonly string[]>>;
  /** By language, words that take back a time just said ("no wait", "more like"): the time said after them is meant. */
  takenBackByLanguage?: Readonly<Record<string, readonly string[]>>;
}

/** How many words before a time, in its clause, words that rule it out may stand ("i cant make tuesday"). */
const RULED_OUT_REACH = 3;

/** The hours of a school day, from the first bus to the last club: an hour in it is the one meant. */
const SCHOOL_DAY_HOURS = { from: 7, to: 18 };

interface Resolution {
  type?: string;
  value?: string;
  start?: string;
  end?: string;
}

const WALL_TIME = 'yyyy-MM-dd HH:mm:ss';
const DAY_MS = 24 * 60 * 60 * 1000;
/** A minute's grace, so "now" or "just now" is not read as the future. */
const FUTURE_TOLERANCE_MS = 60_000;

export function createDateReader({
  clock,
  timeZone,
  culture = 'en-GB',
  sayings = {},
  sayingsByLanguage = {},
  schoolDayByLanguage = {},
  notThenByLanguage = {},
  halfPastByLanguage = {},
  takenBackByLanguage = {},
}: DateReaderOptions): DateReader {
  const halfPast = normalisedByLanguage(halfPastByLanguage);
  const takenBack = normalisedByLanguage(takenBackByLanguage);
  /** "half 7 no wait more like quarter to 7": words that take a time back, said after the first time. */
  const takesBack = (text: string, after: number, language: string): boolean => {
    const rest = ` ${normalise(text.slice(after))} `;
    return [...(takenBack.get(language) ?? []), ...(language === 'en' ? [] : (takenBack.get('en') ?? []))].some((words) =>
      rest.includes(` ${words} `),
    );
  };
  const notThen = normalisedByLanguage(notThenByLanguage);
  /** Whether words that rule a time out stand just before `start`, in its own clause ("not wednesday, thursday at 5"). */
  const ruledOutAt = (prepared: string, start: number, language: string): boolean => {
    const clause =
      prepared
        .slice(0, start)
        .split(/[,.;:!?\n]|\b(?:but|and|or)\b/)
        .pop() ?? '';
    const before = ` ${normalise(clause).split(' ').filter(Boolean).slice(-RULED_OUT_REACH).join(' ')} `;
    return [...(notThen.get(language) ?? []), ...(language === 'en' ? [] : (notThen.get('en') ?? []))].some((words) =>
      before.includes(` ${words} `),
    );
  };
  const schoolWords = normalisedByLanguage(schoolDayByLanguage);
  /** Whether the message speaks of the school day, in its language or in English. */
  const speaksOfSchool = (text: string, language: string): boolean => {
    const said = ` ${normalise(text)} `;
    return [...(schoolWords.get(language) ?? []), ...(schoolWords.get('en') ?? [])].some((word) => said.includes(` ${word} `));
  };
  const inSchoolDay = (at: Date): boolean => {
    const { hour } = DateTime.fromJSDate(at, { zone: timeZone });
    return hour >= SCHOOL_DAY_HOURS.from && hour <= SCHOOL_DAY_HOURS.to;
  };
  // Longer sayings first ("dziś rano" before "dziś"); a language's own before English's, which
  // people mix in. Sorted once, not on every message.
  type Sayings = ReadonlyArray<readonly [string, string]>;
  const longestFirst = (table: Readonly<Record<string, string>>): Sayings => Object.entries(table).sort(([a], [b]) => b.length - a.length);
  const english = longestFirst(sayings);
  const byLanguage = new Map<string, Sayings>(
    Object.entries(sayingsByLanguage)
      .filter(([language]) => language !== 'en')
      .map(([language, table]) => [language, [...longestFirst(table), ...english]]),
  );
  /** The text as the recognizers are given it, where each moment's `matched` words are found. */
  const preparedText = (text: string, language = 'en'): string =>
    prepare(withHalfHours(westernDigits(text).toLowerCase(), halfPast.get(language) ?? []), byLanguage.get(language) ?? english);
  const readAll = (text: string, language = 'en'): ReadMoment[] => {
    const now = DateTime.fromJSDate(clock.now(), { zone: timeZone });
    // The recognizers compute with the reference date's process-local fields: hand them the
    // area's wall-clock time and read their answers back in the area's zone.
    const reference = new Date(now.year, now.month - 1, now.day, now.hour, now.minute, now.second);
    const prepared = preparedText(text, language);
    // "31/13 at 4": a date that no calendar has is a typo, not a reason to take the hour alone.
    if (impossibleDateWritten(prepared)) return [];
    const results = recognizeDateTime(prepared, culture, undefined, reference);
    const moments: ReadMoment[] = [];
    for (const result of results) {
      const values = (result.resolution?.values ?? []) as Resolution[];
      const ruledOut = ruledOutAt(prepared, result.start, language);
      const read = values.flatMap((value) => {
        const moment = toMoment(value, result.text, now, timeZone);
        return moment ? [ruledOut ? { ...moment, ruledOut } : moment] : [];
      });
      // Two readings twelve hours apart: an hour said without am or pm.
      const [first, second] = read;
      const twelveHoursApart =
        read.length === 2 && first && second && Math.abs(Math.abs(first.at.getTime() - second.at.getTime()) - 12 * HOUR_MS) < 60_000;
      // "09:00", "08:30": a 24-hour clock says which; only a bare hour ("at 9") is either.
      const morningWritten = /(^|[^\d])0\d[:.]\d\d/.test(result.text);
      if (twelveHoursApart && morningWritten) {
        moments.push(...read.filter((moment) => DateTime.fromJSDate(moment.at, { zone: timeZone }).hour < 12));
      } else if (twelveHoursApart && first && second) {
        moments.push({ ...first, alternative: second.at }, { ...second, alternative: first.at });
      } else moments.push(...read);
    }
    return moments.sort((a, b) => a.at.getTime() - b.at.getTime());
  };

  return {
    readAll,
    daysRuledOut(text, language) {
      const today = DateTime.fromJSDate(clock.now(), { zone: timeZone }).startOf('day');
      const days = readAll(withDaysAhead(text, today), language)
        .filter((moment) => moment.ruledOut && moment.at.getTime() >= today.toMillis())
        .map((moment) => DateTime.fromJSDate(moment.at, { zone: timeZone }).toISODate() ?? '');
      return [...new Set(days)].filter(Boolean);
    },
    readAhead(text, language) {
      const from = clock.now().getTime() - FUTURE_TOLERANCE_MS;
      const today = DateTime.fromJSDate(clock.now(), { zone: timeZone }).startOf('day');
      const ahead = onTheDayNamed(
        readAll(withDaysAhead(text, today), language).filter((moment) => !moment.ruledOut),
        timeZone,
      ).map((moment) => {
        // Only a time of day read as earlier today or yesterday moves on; a day named further back stays past.
        if (moment.precision !== 'minute' || moment.at.getTime() >= from || moment.at.getTime() < from - DAY_MS) return moment;
        // "tues 10am" said on Tuesday evening is next Tuesday's, not Wednesday's.
        const step = WEEKDAY.test(moment.matched) ? 7 * DAY_MS : DAY_MS;
        let at = moment.at.getTime();
        while (at < from) at += step;
        return { ...moment, at: new Date(at) };
      });
      const seen = new Set<number>();
      return ahead
        .filter((moment) => moment.at.getTime() >= from && !seen.has(moment.at.getTime()) && seen.add(moment.at.getTime()))
        .sort((a, b) => a.at.getTime() - b.at.getTime());
    },
    readPast(text, language, options = {}) {
      const said = options.dueBack ? text.toLowerCase().replace(DUE_BY_HOUR, 'at ') : text;
      const moments = readAll(said, language);
      if (moments.length === 0) return { kind: 'unreadable' };
      const now = clock.now();
      const limit = now.getTime() + FUTURE_TOLERANCE_MS;
      const happened = (at: Date) => at.getTime() <= limit;
      const today = DateTime.fromJSDate(now, { zone: timeZone }).toISODate();
      // A time of day still to come today ("9pm" at half past midnight, "6 tonight" at 5am) is the
      // one just gone: the same time yesterday.
      const justGone = (at: Date): Date | undefined => {
        if (happened(at) || DateTime.fromJSDate(at, { zone: timeZone }).toISODate() !== today) return undefined;
        const yesterday = new Date(at.getTime() - DAY_MS);
        return happened(yesterday) ? yesterday : undefined;
      };
      const past = moments
        .map((moment) => {
          if (happened(moment.at) || moment.precision !== 'minute') return moment;
          const at = justGone(moment.at);
          return at ? { ...moment, at } : moment;
        })
        .filter((moment) => happened(moment.at) && !(options.beforeNow && moment.at.getTime() >= now.getTime() - FUTURE_TOLERANCE_MS))
        .sort((a, b) => a.at.getTime() - b.at.getTime());
      // The one said last when a correction stands between them; otherwise the most recent.
      const prepared = past.length > 1 ? preparedText(said, language) : '';
      const saidAt = (moment: (typeof past)[number]) => prepared.lastIndexOf(moment.matched.toLowerCase());
      const saidFirst = past.length > 1 ? Math.min(...past.map(saidAt).filter((at) => at >= 0)) : -1;
      const corrected =
        saidFirst >= 0 && takesBack(prepared, saidFirst + 1, language ?? 'en')
          ? [...past].sort((a, b) => saidAt(a) - saidAt(b))[past.length - 1]
          : undefined;
      const latest = corrected ?? past[past.length - 1];
      // "tmrw after school like half 4": a message that opens with a day still to come means a
      // time of that day, not 16:30 today ("he went out at 7, back tomorrow" opens with the 7).
      if (latest?.timeOnly && past.every((moment) => moment.timeOnly)) {
        const firstFigure = text.search(/\d/);
        const opening = firstFigure > 0 ? readAll(text.slice(0, firstFigure), language) : [];
        const dayAhead = opening.find((moment) => !happened(moment.at) && !moment.timeOnly);
        if (dayAhead) return { kind: 'future', moment: dayAhead };
      }
      if (latest) {
        // The other reading is offered only when it too has happened (or did, yesterday).
        const other = latest.alternative && (happened(latest.alternative) ? latest.alternative : justGone(latest.alternative));
        const alternative = other && other.getTime() !== latest.at.getTime() ? other : undefined;
        const { alternative: _dropped, ...moment } = latest;
        // "finished school at 3.15" at nine in the morning is yesterday afternoon, not 03:15 today;
        // said in the evening, it is this afternoon, and 03:15 is not offered.
        const ofSchool = alternative !== undefined && speaksOfSchool(text, language ?? 'en');
        if (alternative && ofSchool && inSchoolDay(alternative) && !inSchoolDay(latest.at)) {
          return { kind: 'read', moment: { ...moment, at: alternative, alternative: latest.at } };
        }
        if (ofSchool && inSchoolDay(latest.at) && alternative && !inSchoolDay(alternative)) return { kind: 'read', moment };
        return { kind: 'read', moment: alternative ? { ...moment, alternative } : moment };
      }
      const soonest = moments[0];
      return soonest ? { kind: 'future', moment: soonest } : { kind: 'unreadable' };
    },
  };
}

const PART_OF_DAY = /\b(last night|tonight|this morning|this afternoon|this evening|yesterday (?:morning|afternoon|evening)|yesterday)\b/;
const BARE_HOUR = /\b(?:at|about|around|like)\s+(?:like\s+|about\s+)?(\d{1,2}(?::\d{2})?)\b(?!\s*(?:am|pm|:|\d|o'?clock))/;

/**
 * "last night he texted me at like 11": the part of the day and the hour, said apart, are read
 * together ("last night at 11"), not as 11 this morning.
 */
function withPartOfDayBesideHour(text: string): string {
  const part = PART_OF_DAY.exec(text);
  const hour = BARE_HOUR.exec(text);
  if (!part || !hour || hour.index < part.index + part[0].length) return text;
  const between = text.slice(part.index + part[0].length, hour.index);
  // "this morning 8 when he left for school, ... left school at 3.30": the part of the day has an hour of its own.
  if (between.trim() === '' || /\d/.test(between)) return text;
  return `${text.slice(0, part.index)}${between}${part[1]} at ${hour[1]}${text.slice(hour.index + hour[0].length)}`;
}

/** Day and month in figures, as written in the UK and Europe ("31/12", "3/4/2026"). */
const DAY_MONTH_FIGURES = /(?<![\d/])(\d{1,2})\/(\d{1,2})(?:\/(\d{2}|\d{4}))?(?![\d/])/g;

/** Whether a date in figures names a day no month has ("31/13", "30/02"). */
function impossibleDateWritten(text: string): boolean {
  for (const [, day, month, year] of text.matchAll(DAY_MONTH_FIGURES)) {
    const fullYear = year === undefined ? 2024 : year.length === 2 ? 2000 + Number(year) : Number(year);
    if (!DateTime.local(fullYear, Number(month), Number(day)).isValid) return true;
  }
  return false;
}

/**
 * British ways of saying a time, made into ones the recognizers read: "yesterday about 9" ->
 * "yesterday at 9", "4ish" -> "4", "half 3" -> "3:30", "quarter to 7" -> "6:45", and the sayings from content
 * ("teatime", "after school").
 */
function prepare(text: string, sayings: ReadonlyArray<readonly [string, string]>): string {
  let prepared = ` ${text.toLowerCase()} `;
  for (const [saying, time] of sayings) prepared = prepared.split(` ${saying} `).join(` ${time} `);
  prepared = withPartOfDayBesideHour(prepared);
  return (
    prepared
      // "rang her 20 times" is a count, not 20:00.
      .replace(/\b\d+\s*(?:times|x)\b/g, ' ')
      .replace(/\b(\d{1,2})\s*-?ish\b/g, '$1')
      // "3.15" is a quarter past three; "14.03.2012" stays a date.
      .replace(/(?<![\d.])(\d{1,2})\.([0-5]\d)(?![\d.])/g, '$1:$2')
      .replace(/(?<!\bpast\s)\bhalf\s+(\d{1,2})\b(?!\s*(?:hour|hr|min))/g, '$1:30')
      // "quarter to 7" is 6:45, "quarter past 7" 7:15.
      .replace(/\bquarter\s+to\s+(\d{1,2})\b/g, (_said, hour: string) => `${(Number(hour) + 11) % 12 || 12}:45`)
      .replace(/\bquarter\s+past\s+(\d{1,2})\b/g, '$1:15')
      .replace(/\b(?:about|around|approximately|approx|roughly|maybe|like)\s+(?=\d)/g, 'at ')
      // "since 8pm" is when they went: the recognizers read an open range there, and nothing.
      .replace(/\b(?:since|from)\s+(?:at\s+)?(?=\d)/g, 'at ')
      .trim()
      // A bare hour ("4ish") is a time of day.
      .replace(/^(\d{1,2}(?::\d{2})?)$/, 'at $1')
  );
}

const HOUR_MS = 60 * 60 * 1000;

/** A day of the week as typed, whole or short ("tues", "weds", "sat"). */
const WEEKDAY_WORD = '(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?';
const WEEKDAY = new RegExp(`\\b${WEEKDAY_WORD}\\b`);
/** "saturday 28th", "the 3rd": a day of the month said alone, with the weekday before it if said. */
const DAY_OF_MONTH = new RegExp(`\\b(?:(${WEEKDAY_WORD})\\s+)?(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)\\b`, 'g');
/** "due back 10", "in by 10", "til 10": words before an hour that say when someone should be back. */
const DUE_BY_HOUR = /\b(?:due back|due home|due in|back by|home by|in by|by|til|till|until)\s+(?:at\s+)?(?=\d)/g;
const MOVED_TO_HOUR = /\b((?:change|move|make|push|put)\s+(?:it\s+|the meeting\s+|the time\s+)?to)\s+(1[0-2]|[1-9])\b(?![\d:.])/g;
const FULL_DAY: Record<string, string> = { sat: 'saturday', sun: 'sunday' };
const DAY_THEN_HOUR = new RegExp(
  `\\b(${WEEKDAY_WORD}|tomorrow|tmrw|tmr|tomoz|2moro|2morrow|today)\\s+(?:after\\s+|at\\s+)?(1[0-2]|[1-9])(?![\\d:./]|\\s*(?:st|nd|rd|th)\\b)`,
  'g',
);
const MONTH_AFTER = /^\s*(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/;
/** "the 2nd one", "1st option": an ordinal that picks from a list, not a day of the month. */
const PICK_AFTER = /^\s*(?:one|ones|option|choice|slot|time|times|of\s+(?:those|them|these))\b/;

/**
 * A time to meet, in words the recognizers read: "sat" and "sun" before a time are the days, not
 * the verb and the star; and a day of the month said alone ("saturday 28th at 3", "the 3rd 4pm"),
 * which they read only now and then, is written as the next date with that day ("28/11 at 3").
 */
function withDaysAhead(text: string, today: DateTime): string {
  const days = text
    .toLowerCase()
    .replace(/\b(on|this|next|till|until|by)\s+(sat|sun)\b/g, (_all, before: string, day: string) => `${before} ${FULL_DAY[day] ?? day}`)
    .replace(/\b(sat|sun)\b(?=\s+(?:\d|the\s+\d|at\s+\d|morning|afternoon|evening|night))/g, (day: string) => FULL_DAY[day] ?? day)
    // "ok weds 5 then", "thursday after 4": an hour just after the day is a time on it, which the
    // recognizers read only with "at"; "wed 25" and "weds 5th" stay dates.
    .replace(DAY_THEN_HOUR, (whole: string, day: string, hour: string, at: number, all: string) =>
      MONTH_AFTER.test(all.slice(at + whole.length)) ? whole : `${day} at ${hour}`,
    )
    // "can i change it to 6 instead": the hour a meeting moves to.
    .replace(MOVED_TO_HOUR, '$1 at $2');
  return days.replace(DAY_OF_MONTH, (whole: string, weekday: string | undefined, day: string, at: number, all: string) => {
    const after = all.slice(at + whole.length);
    if (MONTH_AFTER.test(after) || PICK_AFTER.test(after)) return whole;
    const date = nextDayOfMonth(Number(day), today);
    // "saturday 21st" when the next 21st is a Monday: the day of the week is the surer of the two.
    if (!date || (weekday && !date.setLocale('en-GB').toFormat('cccc').toLowerCase().startsWith(weekday.slice(0, 3))))
      return weekday ?? whole;
    return date.toFormat('dd/MM');
  });
}

/** The next date, from today on, that is the given day of its month. */
function nextDayOfMonth(day: number, today: DateTime): DateTime | undefined {
  if (day < 1 || day > 31) return undefined;
  for (let months = 0; months < 12; months += 1) {
    const month = today.plus({ months }).startOf('month');
    if (day > (month.daysInMonth ?? 31)) continue;
    const date = month.set({ day });
    if (date >= today) return date;
  }
  return undefined;
}

/** Words from content by language, normalised as typed text is, empty ones dropped. */
function normalisedByLanguage(table: Readonly<Record<string, readonly string[]>>): Map<string, string[]> {
  return new Map(Object.entries(table).map(([language, words]) => [language, words.map((word) => normalise(word)).filter(Boolean)]));
}

/** "9 și jumătate", "9 ونص": an hour followed by words that add half of one, written "9:30". */
function withHalfHours(text: string, halves: readonly string[]): string {
  if (halves.length === 0) return text;
  const raw = text.split(/\s+/).filter(Boolean);
  const typed = raw.map((token) => normalise(token));
  const out: string[] = [];
  let changed = false;
  for (let at = 0; at < raw.length; at += 1) {
    const token = raw[at] ?? '';
    const half = /^\d{1,2}$/.test(token) ? halves.find((words) => startsWithWords(typed, at + 1, words.split(' '))) : undefined;
    out.push(half === undefined ? token : `${token}:30`);
    if (half !== undefined) {
      changed = true;
      at += half.split(' ').length;
    }
  }
  // Only a message that says half past is rewritten: its line breaks are clause marks elsewhere.
  return changed ? out.join(' ') : text;
}

/** Whether `words` stand in `typed` from `at` on. */
function startsWithWords(typed: readonly string[], at: number, words: readonly string[]): boolean {
  return words.length > 0 && words.every((word, offset) => typed[at + offset] === word);
}

/**
 * "thursday after school, about 4": the recognizers read the day and the bare time apart, and the
 * time alone as the next 4 o'clock. A bare time said with a day is put on that day, and stands
 * for it (the time said is more exact than "after school").
 */
function onTheDayNamed(moments: readonly ReadMoment[], zone: string): ReadMoment[] {
  const times = moments.filter((moment) => moment.timeOnly);
  const days = moments.filter((moment) => !moment.timeOnly);
  if (times.length === 0 || days.length === 0) return [...moments];
  return days.flatMap((day) => {
    const date = DateTime.fromJSDate(day.at, { zone });
    return times.map((time) => {
      const clock = DateTime.fromJSDate(time.at, { zone });
      const at = date.set({ hour: clock.hour, minute: clock.minute, second: 0, millisecond: 0 }).toJSDate();
      const { timeOnly: _time, alternative, ...rest } = time;
      const other = alternative && DateTime.fromJSDate(alternative, { zone });
      return {
        ...rest,
        at,
        matched: `${day.matched} ${time.matched}`,
        ...(other ? { alternative: date.set({ hour: other.hour, minute: other.minute, second: 0, millisecond: 0 }).toJSDate() } : {}),
      };
    });
  });
}

function toMoment(value: Resolution, matched: string, now: DateTime, zone: string): ReadMoment | undefined {
  const wall = (text: string | undefined): DateTime | undefined => {
    if (!text) return undefined;
    const parsed = DateTime.fromFormat(text, WALL_TIME, { zone });
    if (parsed.isValid) return parsed;
    const day = DateTime.fromFormat(text, 'yyyy-MM-dd', { zone });
    return day.isValid ? day : undefined;
  };
  switch (value.type) {
    case 'datetime': {
      const at = wall(value.value);
      return at && { at: at.toJSDate(), precision: 'minute', matched };
    }
    case 'date': {
      const at = wall(value.value);
      return at && { at: at.startOf('day').toJSDate(), precision: 'day', matched };
    }
    case 'datetimerange':
    case 'daterange': {
      const at = wall(value.start);
      if (!at) return undefined;
      // "this morning" typed at 06:18: the part of the day has begun, though the recognizers start it at 08:00.
      const begun = at > now && at.hasSame(now, 'day') ? now : at;
      return { at: begun.toJSDate(), precision: 'period', matched };
    }
    case 'time': {
      // A bare time is today's, or yesterday's when today's has not come yet.
      const time = value.value && DateTime.fromFormat(value.value, 'HH:mm:ss', { zone });
      if (!time || !time.isValid) return undefined;
      let at = now.set({ hour: time.hour, minute: time.minute, second: time.second, millisecond: 0 });
      if (at.toMillis() > now.toMillis() + FUTURE_TOLERANCE_MS) at = at.minus({ days: 1 });
      return { at: at.toJSDate(), precision: 'minute', matched, timeOnly: true };
    }
    default:
      return undefined;
  }
}
