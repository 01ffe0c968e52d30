// i18next over the content's locales, and the per-turn `Messages` that dialogs speak through.
// Every message can use the area's name, numbers and opening hours as variables.
import i18next, { type i18n } from 'i18next';
import { WEEKDAYS } from './area';
import { DEFAULT_LOCALE } from './vocabulary';
import { normalise } from '../understanding/text';
import { type Area } from './areaSchema';
import { type Content } from './loadContent';

export interface Messages {
  readonly locale: string;
  t(key: string, variables?: Record<string, string | number>): string;
  /** A list in content, such as an option's synonyms. */
  list(key: string): string[];
  /** Whether content has this message (for messages that exist for only some cases). */
  has(key: string): boolean;
  /** For advice kept on the council's word: the note that says so, to be said once in a turn ("(General advice: ...)"). */
  councilNote(key: string): string | undefined;
}

export interface OfferedLanguage {
  locale: string;
  /** Its name in itself ("Polski"), as it is offered. */
  name: string;
  direction: 'ltr' | 'rtl';
}

export interface Localiser {
  /** Every locale in content (the fail-safe is rendered in each). */
  readonly locales: readonly string[];
  /** The locales the area has approved, in the order they are offered. */
  readonly offered: readonly OfferedLanguage[];
  /** The approved locale closest to what the channel says the user reads. */
  pickLocale(requested: string | undefined): string;
  /** The approved locale of a language tag's language, or undefined when the area has not approved it. */
  approvedLocale(requested: string): string | undefined;
  /** The approved language a whole message names ("polski", "Română", "ar"), if it names one. */
  languageNamed(text: string): string | undefined;
  /** The one approved language whose own script most of the message's letters are in ("هلا" -> ar), if any. */
  languageWrittenIn(text: string): string | undefined;
  messages(locale: string): Messages;
}

export function createLocaliser(content: Content): Localiser {
  const instance: i18n = i18next.createInstance();
  void instance.init({
    resources: Object.fromEntries(
      Object.entries(content.locales).map(([locale, tree]) => [locale, { translation: tree }]),
    ),
    lng: DEFAULT_LOCALE,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: Object.keys(content.locales),
    initAsync: false,
    returnNull: false,
    interpolation: { escapeValue: false },
    missingInterpolationHandler: (_text, value) => {
      throw new Error(`Missing message variable ${String((value as unknown[] | undefined)?.[1] ?? value)}`);
    },
  });
  const locales = Object.keys(content.locales);
  const offered: OfferedLanguage[] = content.area.languages.map((locale) => {
    const meta = content.localeMeta[locale];
    return { locale, name: meta?.name ?? locale, direction: meta?.direction ?? 'ltr' };
  });
  const approved = offered.map((language) => language.locale);
  const names = new Map<string, string>();
  for (const locale of approved) {
    const meta = content.localeMeta[locale];
    for (const name of [locale, locale.split('-')[0] ?? locale, meta?.name, meta?.englishName, ...(meta?.aliases ?? [])]) if (name) names.set(normalise(name), locale);
  }
  // In a sentence, only names that cannot be another word ("pl" and "ro" can).
  const namesInSentence = new Map([...names].filter(([name]) => name.length >= LANGUAGE_NAME_MIN_LETTERS));
  const requestWords = new Set(Object.values(content.understanding).flatMap((words) => words.languageRequest.map(normalise)));
  const byScript = approved.flatMap((locale) => {
    const script = content.localeMeta[locale]?.script;
    return script ? [{ locale, pattern: new RegExp(`\\p{Script=${script}}`, 'gu') }] : [];
  });
  // "زما لور ډېرې ګولۍ خوړلې": Pashto's own letters, where Pashto is not offered, are not Arabic.
  const othersLetters = Object.entries(content.localeMeta)
    .filter(([locale, meta]) => !approved.includes(locale) && meta.ownLetters)
    .map(([, meta]) => new RegExp(`[${meta.ownLetters ?? ''}]`, 'u'));
  const approvedLocale = (requested: string): string | undefined => {
    const exact = approved.find((locale) => locale.toLowerCase() === requested.toLowerCase());
    if (exact) return exact;
    const language = requested.toLowerCase().split('-')[0];
    return approved.find((locale) => locale.toLowerCase().split('-')[0] === language);
  };
  const cache = new Map<string, Messages>();
  const standings = standingsByMessage(content);

  const build = (locale: string): Messages => {
    const fixed = instance.getFixedT(locale);
    const rightToLeft = content.localeMeta[locale]?.direction === 'rtl';
    // Content does not change while the bot runs, so a message without variables and a list
    // always read the same: each is looked up once (choices read their titles and synonyms on
    // every turn, and i18next's lookup and interpolation over the area's variables were a
    // tenth of a turn's CPU).
    const plain = new Map<string, string>();
    const lists = new Map<string, readonly string[]>();
    const exists = new Map<string, boolean>();
    const has = (key: string): boolean => {
      let known = exists.get(key);
      if (known === undefined) {
        known = instance.exists(key, { lng: locale });
        exists.set(key, known);
      }
      return known;
    };
    const translate = (key: string, variables?: Record<string, string | number>): string => {
      const cacheable = variables === undefined || Object.keys(variables).length === 0;
      const cached = cacheable ? plain.get(key) : undefined;
      if (cached !== undefined) return cached;
      if (!has(key)) throw new Error(`Missing message ${key} in ${locale}`);
      const standing = standings.get(key);
      const message = fixed(key, { ...base, ...variables });
      // Another's guidance is named before its advice; the council's note is added by whoever advises, once a turn.
      const said = standing && standing.standing !== 'council' ? `${fixed(`common.guidance.${standing.standing}`, { ...base, ...standing.variables })} ${message}` : message;
      const text = rightToLeft ? isolateNumbers(said) : said;
      if (cacheable) plain.set(key, text);
      return text;
    };
    const base: Record<string, string> = { ...areaVariables(content.area, fixed('common.guidance.numberFromCouncil')) };
    base.officeHours = officeHoursText(content.area, (key, vars) => fixed(key, vars));
    return {
      locale,
      t: translate,
      has,
      councilNote: (key) => (standings.get(key)?.standing === 'council' ? fixed('common.guidance.council') : undefined),
      list(key) {
        let cached = lists.get(key);
        if (!cached) {
          const value = fixed(key, { returnObjects: true, lng: locale });
          if (!Array.isArray(value)) throw new Error(`Message ${key} in ${locale} is not a list`);
          cached = value.map(String);
          lists.set(key, cached);
        }
        return [...cached];
      },
    };
  };

  return {
    locales,
    offered,
    pickLocale(requested) {
      return (requested && approvedLocale(requested)) || DEFAULT_LOCALE;
    },
    approvedLocale,
    languageNamed(text) {
      if (approved.length < 2) return undefined;
      const said = normalise(text);
      const whole = names.get(said);
      if (whole) return whole;
      // "Polish please", "in romana va rog", "بالعربي لو سمحت": a name with only words of asking around it.
      const words = said.split(' ');
      if (words.length > LANGUAGE_REQUEST_MAX_WORDS) return undefined;
      const named = new Set<string>();
      let rest = 0;
      for (let at = 0; at < words.length; ) {
        const length = [2, 1].find((size) => at + size <= words.length && namesInSentence.has(words.slice(at, at + size).join(' ')));
        if (length) {
          named.add(namesInSentence.get(words.slice(at, at + length).join(' ')) ?? '');
          at += length;
        } else {
          if (!requestWords.has(words[at] ?? '')) rest += 1;
          at += 1;
        }
      }
      return named.size === 1 && rest === 0 ? [...named][0] : undefined;
    },
    languageWrittenIn(text) {
      const letters = text.match(/\p{L}/gu)?.length ?? 0;
      if (letters === 0) return undefined;
      const written = byScript.filter(({ pattern }) => (text.match(pattern)?.length ?? 0) * 2 > letters);
      // Two approved languages in one script (Arabic and Pashto): the message does not say which.
      if (written.length !== 1 || othersLetters.some((letters) => letters.test(text))) return undefined;
      return written[0]?.locale;
    },
    messages(locale) {
      const chosen = locales.includes(locale) ? locale : DEFAULT_LOCALE;
      let messages = cache.get(chosen);
      if (!messages) {
        messages = build(chosen);
        cache.set(chosen, messages);
      }
      return messages;
    },
  };
}

/**
 * Advice the area's own documents do not give is said as someone else's: "Your local guidance
 * doesn't say; national guidance says:", "Thames Valley's guidance says:", or, once in a turn after
 * advice kept on the council's word, "(General advice: your local guidance doesn't cover this.)". Safety lines and
 * commands are never held back by a preface. A message is said one way only, so two rules that
 * stand differently cannot share it.
 */
type Attributed = { standing: 'national' | 'borrowed' | 'council'; variables: Record<string, string> };
// Bookings are the council's own service, not advice; a young person is told plainly (the rule book keeps the standing).
const SAID_WITHOUT_PREFACE = /^(area\.)?(safety|commands|sms|youngPerson)\.|\.booking\./;

function standingsByMessage(content: Content): Map<string, Attributed> {
  const byMessage = new Map<string, Attributed>();
  const seen = new Map<string, string>();
  for (const { rule, standing } of content.servedRules) {
    const earlier = seen.get(rule.say);
    if (earlier !== undefined && earlier !== standing) {
      throw new Error(`Message ${rule.say} is said by rules that stand differently in ${content.area.id} (${earlier} and ${standing}): give each its own message`);
    }
    seen.set(rule.say, standing);
    if (SAID_WITHOUT_PREFACE.test(rule.say)) continue;
    if (standing === 'national' || standing === 'council') byMessage.set(rule.say, { standing, variables: {} });
    if (standing === 'borrowed' && rule.borrowed) {
      byMessage.set(rule.say, { standing, variables: { lender: content.guidance[rule.borrowed.from]?.partnership ?? rule.borrowed.from } });
    }
  }
  return byMessage;
}

/**
 * `area`, the handoff team and reply time, and for each service `<id>Name`, `<id>Phone`,
 * `<id>Text`, `<id>Email`. A service whose number no document or council has given is said with
 * `unknownNumber` ("the number on your council's website"), never another area's number.
 */
export function areaVariables(area: Area, unknownNumber: string): Record<string, string> {
  const variables: Record<string, string> = {
    area: area.name,
    handoffTeam: area.handoff.team,
    handoffMinutes: String(area.handoff.replyWithinMinutes),
  };
  for (const [id, service] of Object.entries(area.services)) {
    variables[`${id}Name`] = service.name;
    variables[`${id}Phone`] = service.phone ?? unknownNumber;
    // Said after an office-hours number: nothing while it is open (see closedNowVariables).
    variables[`${id}WhenOpen`] = '';
    if (service.text) variables[`${id}Text`] = service.text;
    if (service.email) variables[`${id}Email`] = service.email;
  }
  return variables;
}

/**
 * Out of office hours, each office-hours service with a number of its own has `<id>WhenOpen` say
 * it is closed now and give the out-of-hours service, or, where the area has none, when it opens.
 */
export function closedNowVariables(area: Area, messages: Pick<Messages, 't'>): Record<string, string> {
  const outOfHours = area.services.outOfHours;
  const closed = messages.t(outOfHours?.hours === 'always' ? 'common.closedNow.outOfHours' : 'common.closedNow.openHours');
  return Object.fromEntries(
    Object.entries(area.services)
      // A service known only as "the number on your council's website" has its hours there too.
      .filter(([id, service]) => service.hours === 'office' && id !== 'outOfHours' && service.phone !== undefined)
      .map(([id]) => [`${id}WhenOpen`, closed]),
  );
}

function officeHoursText(area: Area, translate: (key: string, variables?: Record<string, string>) => string): string {
  const { days, open, close } = area.officeHours;
  const indexes = days.map((day) => WEEKDAYS.indexOf(day)).sort((a, b) => a - b);
  const first = indexes[0] ?? 0;
  const last = indexes[indexes.length - 1] ?? 0;
  const contiguous = indexes.every((index, position) => index === first + position);
  const dayName = (index: number) => translate(`common.days.${WEEKDAYS[index] ?? 'mon'}`);
  const dayText =
    contiguous && indexes.length > 1
      ? translate('common.dayRange', { from: dayName(first), to: dayName(last) })
      : indexes.map(dayName).join(', ');
  return translate('common.officeHours', { days: dayText, open, close });
}

/**
 * A phone number, time or reference ("0800 1111", "116 000", "24/11 18:30", "B1K4"): figures,
 * with Latin letters or single separators between them.
 */
const NUMBER_RUN = /\+?[0-9A-Za-z\u0660-\u0669]*[0-9\u0660-\u0669][0-9A-Za-z\u0660-\u0669]*(?:[ \u00a0\-/.:][0-9A-Za-z\u0660-\u0669]*[0-9\u0660-\u0669][0-9A-Za-z\u0660-\u0669]*)*/g;

/**
 * Each number in a right-to-left message held left to right (U+2066 ... U+2069): otherwise the
 * screen shows a number's groups in reverse order, 0800 1111 as 1111 0800 and 116 000 as 000 116.
 */
export function isolateNumbers(text: string): string {
  // Once only: a message may hold a piece that was isolated already (a "closed now" note).
  return text.replace(/[\u2066\u2069]/g, '').replace(NUMBER_RUN, (run) => `\u2066${run}\u2069`);
}

/** The most words a request for a language may have ("can we speak in polish please"). */
const LANGUAGE_REQUEST_MAX_WORDS = 6;

/** The fewest letters a language's name needs to be read inside a sentence. */
const LANGUAGE_NAME_MIN_LETTERS = 4;

/** Items joined as the locale joins a list ("03:00, 04:00 and 05:00"). */
export function listOf(locale: string, items: readonly string[]): string {
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
}
