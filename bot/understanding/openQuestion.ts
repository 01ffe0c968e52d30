// What the conversation waits for, and how a message answers it. A dialog that asks describes
// its question here, by message keys (so it reads in any language); the turn reads the next
// message once, before any dialog, against that description; the dialog takes its answer from
// the turn's reading and matches no words itself.
import type { Messages } from '../content/i18n';
import type { EverydayAnswer } from '../content/understandingSchema';
import { COMMANDS, type Command } from '../content/vocabulary';
import { normalise } from './text';
import type { Understanding } from './understand';

/** A fixed answer: its value, and the message keys of its title and of other words that mean it. */
export interface OptionDescription {
  value: string;
  title: string;
  synonyms?: string;
  /** The title is the words themselves, not a message key (an offered time, "Fri 4 Dec, 16:00"). */
  literal?: boolean;
}

/** A plain "yes", "no" or "don't know" stands for this option, where one plainly does. */
export type EverydayMeaning = Partial<Record<'yes' | 'no' | 'unknown', string>>;

/**
 * What someone looks like or wears, where they were last seen, who they were with, the places and
 * people they know, a moment, or whether the one writing is safe.
 */
export type AskedDetail = 'appearance' | 'place' | 'company' | 'placesAndPeople' | 'moment' | 'safety';

export interface OpenQuestion {
  /** The asking dialog's id: a reading answers only the question that was asked. */
  id: string;
  /** The answers shown, in order. */
  options: OptionDescription[];
  everyday?: EverydayMeaning;
  /**
   * The answer is free text that the question reads for its value (a date, a name); the options
   * are only the answers on screen beside it, taken as their words or their number.
   */
  free?: boolean;
  /** A number picks an option ("2", "the second one"). Off for a free question with nothing numbered on screen. */
  numbered?: boolean;
  /** The question asks about risks: a worrying answer is the answer, not a concern to reply to. */
  asksAboutRisk?: boolean;
  /**
   * The detail the question asks for, where words said beside an answer depend on it: a
   * description, a place, a time or other people in the answer are that answer, not said in passing.
   */
  asksFor?: AskedDetail;
  /**
   * Beside harm told, only a plain answer (an option's words whole, or its number) answers it: "no
   * he didnt hurt me he made me do stuff" does not turn an offer down, "my carers boyfriend keeps
   * coming in my room" does not choose to be reached through the carer.
   */
  plainAnswerBesideHarm?: boolean;
}

export interface AnswerReading {
  questionId: string;
  /** The option meant, read as people write: its words, its number, a plain yes or no where that means it. */
  option: string | undefined;
  /** How the option was meant: its own words whole, a bare number, its place in other words ("the 2nd one"), or in a sentence. */
  by: 'words' | 'number' | 'place' | 'meaning' | undefined;
  /** The whole message is one option's title, as a tapped button sends it: an answer in the bot's own words. */
  tapped: boolean;
  /** The whole message is an everyday answer ("idk", "rather not say", "ye"). */
  everyday: EverydayAnswer | undefined;
  asksAboutRisk: boolean;
  asksFor: AskedDetail | undefined;
  plainAnswerBesideHarm: boolean;
  /** The message opens with the answer meant ("no, but his mate says..."), not a word deep in a sentence. */
  opensWithIt: boolean;
}

/** How many words may open a message and still be its answer ("no but", "yes i"). */
const OPENING_WORDS = 2;

/**
 * Words that leave a journey at any of its steps ("found them", "back now", "show my log"), as the
 * whole message; with `nearlyWhole`, also with a word or two around them ("shes home now").
 */
export interface JourneyExits {
  journey: string;
  exits: OptionDescription[];
  nearlyWhole?: boolean;
}

/** The exit a message takes, if it is one. */
export function readExit(text: string, journey: JourneyExits, messages: Messages, understanding: Understanding): string | undefined {
  const said = normalise(text);
  if (said === '') return undefined;
  const whole = journey.exits.find((exit) => wordsOf(exit, messages).some((phrase) => normalise(phrase) === said));
  if (whole) return whole.value;
  if (!journey.nearlyWhole) return undefined;
  const options = journey.exits.map((exit) => ({ label: exit.value, phrases: wordsOf(exit, messages) }));
  return understanding.choose(text, messages.locale, options, { nearlyWholeMessage: true });
}

/** Reads a message as the answer to the question described. */
export function readAnswer(text: string, question: OpenQuestion, messages: Messages, understanding: Understanding): AnswerReading {
  const locale = messages.locale;
  const phrasesOf = (option: OptionDescription) => wordsOf(option, messages);
  const said = normalise(text);
  const tapped = said !== '' && question.options.some((option) => normalise(titleOf(option, messages)) === said);
  const exactly =
    said === '' ? undefined : question.options.find((option) => phrasesOf(option).some((phrase) => normalise(phrase) === said));
  const numbered = question.numbered ?? !question.free;
  const position = numbered && !exactly ? positionIn(text, question.options.length, locale, understanding) : undefined;
  const byPosition = position === undefined ? undefined : question.options[position - 1];
  const meant = exactly || byPosition || question.free ? undefined : byMeaning(text, question, messages, understanding);
  return {
    questionId: question.id,
    option: exactly?.value ?? byPosition?.value ?? meant,
    by: exactly ? 'words' : byPosition ? (/^\d+$/.test(said) ? 'number' : 'place') : meant !== undefined ? 'meaning' : undefined,
    tapped,
    everyday: understanding.everyday(text, locale, { wholeMessage: true }),
    asksAboutRisk: question.asksAboutRisk ?? false,
    asksFor: question.asksFor,
    plainAnswerBesideHarm: question.plainAnswerBesideHarm ?? false,
    opensWithIt:
      meant !== undefined &&
      byMeaning(text.trim().split(/\s+/u).slice(0, OPENING_WORDS).join(' '), question, messages, understanding) === meant,
  };
}

/** An option by its words in a sentence (by stem, not where negated), or a plain yes, no or "don't know". */
function byMeaning(text: string, question: OpenQuestion, messages: Messages, understanding: Understanding): string | undefined {
  // "..., is that right?" asks; it answers nothing. "so yes probably?" is an answer with a doubt.
  const answered = understanding.withoutQuestions(text, messages.locale, { keepDoubtful: true });
  // "nu stiu" (Romanian: don't know) holds the option "Nu" (no), and means neither.
  const wholeAnswer = understanding.everyday(answered, messages.locale, { wholeMessage: true });
  if (wholeAnswer === 'unknown') return question.everyday?.unknown;
  // "i dont want to say more" picks nothing, though "dont want" is a way to say "No thanks".
  if (wholeAnswer === 'skip') return undefined;
  // The options Yes and No, in a sentence, are read as people mean them, not by their word: "nu
  // raspunde la telefon" (Romanian: she doesnt answer the phone) holds "Nu" (no) and answers neither.
  // An option that only means no in its own words ("No thanks": "i dont wanna talk to nobody") is read by them.
  const named = question.options.filter((option) => !isPlainYesNo(option));
  // "can i talk to someone new but not the police": a request for an option asks for that option.
  const asking = answered.trim() === '' && REQUEST_OPENING.test(text.trim()) ? text : answered;
  const mentioned = optionMentioned(asking, named, messages, understanding);
  if (mentioned !== undefined) return mentioned;
  const everyday = understanding.everyday(answered, messages.locale, { keepDoubtful: true });
  return everyday === 'yes' || everyday === 'no' || everyday === 'unknown' ? question.everyday?.[everyday] : undefined;
}

/** A request for something, which a choice of the options can be: "can i have", "could we do". */
const REQUEST_OPENING = /^(?:can|could|cn)\s+(?:i|we|u|you)\s+(?:talk|speak|have|get|see|do|meet|chat)\b/i;

/** The plain Yes and No buttons, whose words in a sentence answer nothing. */
const isPlainYesNo = (option: OptionDescription): boolean =>
  (option.value === 'yes' || option.value === 'no') && option.title.startsWith('common.yesNo.');

/**
 * The option a sentence names in passing ("I'm a teacher, one of my pupils..."): by its words
 * only, never by a number or a yes, which in a sentence answer nothing.
 */
export function optionMentioned(
  text: string,
  options: readonly OptionDescription[],
  messages: Messages,
  understanding: Understanding,
): string | undefined {
  return understanding.choose(
    text,
    messages.locale,
    options.map((option) => ({ label: option.value, phrases: wordsOf(option, messages) })),
  );
}

/**
 * The one other offered language in whose words the whole message names an option of the
 * question waiting ("rodzic" at "Who is writing?"): someone answering in their own language.
 */
export function optionLanguage(text: string, question: OpenQuestion, others: readonly Messages[], current: Messages): string | undefined {
  const said = normalise(text);
  if (said === '') return undefined;
  const names = (messages: Messages) =>
    question.options.some((option) => wordsOf(option, messages).some((phrase) => normalise(phrase) === said));
  if (names(current)) return undefined;
  const naming = others.filter(names);
  return naming.length === 1 ? naming[0]?.locale : undefined;
}

/** An option's title and its other words, in the conversation's language. */
function wordsOf(option: OptionDescription, messages: Messages): string[] {
  return [titleOf(option, messages), ...(option.synonyms ? messages.list(option.synonyms) : [])];
}

/** What the user sees of an option, in the conversation's language. */
function titleOf(option: OptionDescription, messages: Messages): string {
  return option.literal ? option.title : messages.t(option.title);
}

/** Which of `count` options shown a message picks by place, from 1: "2", "option 2", "the second one", "the last one". */
export function positionIn(text: string, count: number, locale: string, understanding: Understanding): number | undefined {
  const said = normalise(text);
  const numbered = /^(?:(?:option|number|no)\s*)?(\d+)$/.exec(said);
  if (numbered) return Number(numbered[1]);
  if (/^(?:the )?last(?: one)?$/.test(said)) return count;
  return understanding.ordinal(text, locale);
}

/**
 * A command is the whole message, or the whole message but for words of asking around it ("can
 * i talk to a real person please"): "help" stops a dialog, "I need help finding him" does not.
 */
export function matchCommand(
  text: string,
  list: (key: string) => string[],
  requestWords: ReadonlySet<string> = new Set(),
): Command | undefined {
  const said = normalise(text);
  if (said === '') return undefined;
  const words = said.split(' ');
  // The synonym's words in a row, and nothing around them but words of asking (or nothing at all).
  const isCommand = (synonym: string): boolean => {
    const parts = normalise(synonym).split(' ');
    for (let at = 0; at + parts.length <= words.length; at += 1) {
      if (parts.some((part, offset) => words[at + offset] !== part)) continue;
      const around = [...words.slice(0, at), ...words.slice(at + parts.length)];
      if (around.every((word) => requestWords.has(word))) return true;
    }
    return false;
  };
  // "i want to stop" may be about anything but the chat: stop is only ever the whole message.
  return COMMANDS.find((command) =>
    list(`commands.${command}.synonyms`).some((synonym) => (command === 'stop' ? normalise(synonym) === said : isCommand(synonym))),
  );
}
