// The one understanding step: reads a message, in the user's language and in English, for
// danger (by category), disclosures, who is writing and what is happening, and the everyday
// answers (yes, no, not known, skip, a number, an age). Deterministic: the same words always
// give the same reading. Dialogs ask it; they do not match strings themselves.
import { recognizeBoolean } from '@microsoft/recognizers-text-choice';
import { recognizeNumber, recognizeOrdinal } from '@microsoft/recognizers-text-number';
import { StemmerEn } from '@nlpjs/lang-en-min';
import type { Content } from '../content/loadContent';
import { understandingSchema, type EverydayAnswer, type UnderstandingLexicon } from '../content/understandingSchema';
import {
  DANGER_CATEGORIES,
  DISCLOSURES,
  QUESTIONS_ASKED,
  SITUATIONS,
  type DangerCategory,
  type Disclosure,
  type QuestionAsked,
  type BookingRequest,
  type Situation,
  STATED_FACTS,
  type StatedFact,
} from '../content/vocabulary';
import { ADULT_AGE, ROLES, type Role, type WorkerWish } from '../content/vocabulary';
import { compilePhraseBook, tokenise, type Lexicon, type PhraseBook, type PhraseMatch, type Token } from './phrases';
import { featuresOf, trainedModelsFrom } from './trainedModel';
import { normalise, westernDigits, words as textWords } from './text';

export interface Reading {
  /** Every danger category the phrase book found, in the user's language or English; empty when none. */
  danger: DangerCategory[];
  /**
   * Harm already done to a body, said: a number of pills taken ("necked about 16 of them"), a cut
   * that will not stop bleeding, someone passed out. The ambulance comes first, even beside talk
   * of ending a life.
   */
  harmDone: boolean;
  /**
   * Whom talk of ending a life is about, where the words say: the writer ("i just want to sleep and
   * not wake up"), someone else ("my mate said she was gonna kill herself"), or both.
   */
  suicideOf: Array<'writer' | 'someoneElse'>;
  /**
   * Whom the danger found is to, where the words say: the writer ("he wont let me leave"),
   * someone else ("my mate is at some guys flat"), or both. Empty without danger or a person said.
   */
  dangerOf: Array<'writer' | 'someoneElse'>;
  /**
   * Who is gone or has not come back, where the words say: the writer ("i ran away"), someone else
   * ("my mate hasnt been home since friday"), or both ("me and my mate ran off").
   */
  missingOf: Array<'writer' | 'someoneElse'>;
  /**
   * Danger the trained reader heard where the phrase book found none: not clearly an emergency,
   * so it gets a direct, caring question with 999 and the crisis lines. At most one category.
   */
  concern: DangerCategory[];
  disclosures: Disclosure[];
  /** Who seems to be writing, when the words say so clearly. */
  writer: Role | undefined;
  situation: Situation | undefined;
  /**
   * Who is writing and what is happening, best guess: the words' own unless the trained readers
   * are sure of another, or else the trained readers'. Good enough to ask "is that right?" about,
   * not to act on unasked.
   */
  likely: { writer?: Role; situation?: Situation };
  /** A question asked at any point ("do I have to talk to the police?"). */
  question: QuestionAsked | undefined;
  /** A booking asked to be cancelled or moved, in one's own words ("i dont want to do it anymore"). */
  bookingRequest: BookingRequest | undefined;
  /**
   * The message asks something, known or not ("where can i go tonight", "does it matter?"): a
   * question the bot cannot answer is told where answers are, not that it was not caught.
   */
  asks: boolean;
  /** The whole message is a greeting ("hi", "salut"). */
  greets: boolean;
  /** The whole message is thanks or goodbye ("thanks", "ok thank you", "dzięki"): nothing to start again for. */
  closes: boolean;
  /** Facts said in passing, kept so that no journey asks them again. */
  facts: StatedFacts;
}

/**
 * The words are about someone else and not the writer: only someone else is gone ("my mate
 * hasnt been home since friday"), or, with nobody said to be gone, only someone else is in danger
 * ("my friend is at some guys flat and he wont let her leave").
 */
export function aboutSomeoneElseOnly(reading: Pick<Reading, 'missingOf' | 'dangerOf'>): boolean {
  return onlySomeoneElse(reading.missingOf) || (reading.missingOf.length === 0 && onlySomeoneElse(reading.dangerOf));
}

/** Someone else, and not the writer, is whom the words are about. */
export function onlySomeoneElse(whose: ReadonlyArray<'writer' | 'someoneElse'>): boolean {
  return whose.length === 1 && whose[0] === 'someoneElse';
}

export interface StatedFacts {
  /** An age said of someone ("hes 14", "my 12yo", "aged 9"). */
  ageYears?: number;
  /**
   * Whom the age was said of, when not plainly the writer's own child: a relative ("my nephew Kyle
   * who is 12") or "he" or "she" ("shes 13"). Who is writing, and what is known, decide whose it is.
   */
  ageSaidOf?: 'relative' | 'heOrShe';
  said: StatedFact[];
  /** Facts said not to hold ("no one has called the police"): a fact kept earlier is dropped. */
  denied?: StatedFact[];
  /** A police reference given ("ref 46-0212", "log number 5512"), as written. */
  policeReference?: string;
}

export interface Understanding {
  read(text: string, locale: string): Reading;
  /**
   * The approved language a message is clearly written in, by the words only that language's
   * content uses ("moj syn nie wrocil" is Polish): at least two of them, and twice as many as any
   * other language's. English, or a message that does not say, is undefined.
   */
  writtenIn(text: string): string | undefined;
  /**
   * The message without the sentences that ask something ("..., is that right?"): what may answer
   * a question. With `keepDoubtful`, a sentence that only ends in a question mark ("yesterday at
   * 9pm, is that ok?") is an answer said with a doubt and stays; one that opens like a question
   * ("do i tell her social worker tonight") goes. The words of a question it knows go too, however
   * it is said.
   */
  withoutQuestions(text: string, locale: string, options?: { keepDoubtful?: boolean }): string;
  /** Words that may stand around a command in the conversation's language and English ("can i", "please", "a real"). */
  commandRequestWords(locale: string): ReadonlySet<string>;
  /**
   * yes / no / not known / skip, in their everyday forms ("ye", "nah", "idk", "rather not say").
   * With `wholeMessage`, only when that is all the message says ("maybe at the park" is an answer, not "not known").
   */
  everyday(text: string, locale: string, options?: { wholeMessage?: boolean; keepDoubtful?: boolean }): EverydayAnswer | undefined;
  /**
   * Whether the message says someone is well ("hes ok but wont talk"), or not ("she is not ok"):
   * the answer to a question about being hurt or unwell, where "ok" means no.
   */
  wellbeing(text: string, locale: string): 'well' | 'notWell' | undefined;
  /** Who they would rather meet, as asked in words ("can it be with a woman"); not where negated. */
  workerWish(text: string, locale: string): WorkerWish | undefined;
  /** Whether the message describes how someone looks or what they wear, and names no place ("black hoodie and jeans"). */
  describesAppearance(text: string, locale: string): boolean;
  /**
   * The clauses of a longer message that describe how someone looks or what they wear ("my son is
   * 13 and hasnt come home, | he was wearing a black coat and grey joggers"), as typed; undefined
   * without one.
   */
  appearanceSaid(text: string, locale: string): string | undefined;
  /**
   * The part of a message that tells of a return, for when it happened: from the clause that says
   * they are back, where words of leaving come first ("ran away last week | but im back home now").
   * The whole message otherwise.
   */
  returnWords(text: string, locale: string): string;
  /**
   * The words just after a cue to when a missing child was last seen ("she went out | at 7 and
   * said..."), for the date reader: a few words, to the end of their clause. Undefined without a cue.
   */
  lastSeenWords(text: string, locale: string, options?: { dueBack?: boolean }): string | undefined;
  /**
   * Where a missing child was last seen and who with, as typed ("last seen | at the park on london
   * road | with | liam"): only where the words say so, and a place only when they name one.
   */
  whereAndWhoSaid(text: string, locale: string): { place?: string; company?: string };
  /**
   * The detail a message says was given wrong before, where it says so and names one ("sorry i got
   * that wrong, she was last seen at the bus stop"): what they look like, where (a place named, not
   * only "at"), or who with; 'other' when it names none of those ("he left at half 7 not 7").
   */
  detailCorrected(text: string, locale: string): 'appearance' | 'place' | 'company' | 'other' | undefined;
  /** A number said in place of another ("6 not 5"): the one meant, and the one taken back. */
  numberTakenBack(text: string, locale: string): { meant: number; takenBack: number } | undefined;
  /** The message names pills, tablets or something taken, in the conversation's language or English. */
  pillsSaid(text: string, locale: string): boolean;
  /** The message says the role chosen was a mistake ("sorry wrong button", "im not the parent"). */
  roleMistaken(text: string, locale: string): boolean;
  /** The message names a place where a life could be ended ("im just sat at the train station"). */
  placeOfMeansSaid(text: string, locale: string): boolean;
  /** Whether the message names the emergency number and not 101 ("should i call 999 myself?"): a question about that call. */
  namesEmergencyNumber(text: string): boolean;
  /**
   * Whether a message asking when to call the police asks only about the 999 call ("should i call
   * 999 myself then? im scared"): it names 999, not 101, and no other clause asks something or
   * says danger ("..., can you contact them for me", "..., hes got a knife").
   */
  asksOnlyAbout999Call(text: string, locale: string): boolean;
  /** The first whole number said, in figures or words ("fourteen", "she's 14"). */
  number(text: string, locale: string): number | undefined;
  /** An age in years, reading "nearly 15" and "15 in march" as 14. */
  age(text: string, locale: string): number | undefined;
  /** "the second one", "2nd": the position said. */
  ordinal(text: string, locale: string): number | undefined;
  /**
   * Which of the labelled phrase lists the message says (an option's title and synonyms), read
   * like everything else: by stem, with words between, a typo forgiven. The label with the most
   * words matched wins; a tie is no answer.
   */
  choose<Label extends string>(
    text: string,
    locale: string,
    options: ReadonlyArray<{ label: Label; phrases: readonly string[] }>,
    reading?: { nearlyWholeMessage?: boolean },
  ): Label | undefined;
}

/** Words that may stand beside an ordinal that picks an option ("the 2nd one please"). */
const ORDINAL_FILLERS = new Set([
  'the',
  'one',
  'option',
  'number',
  'please',
  'pls',
  'i',
  'will',
  'take',
  'go',
  'for',
  'choose',
  'pick',
  'want',
  'a',
  'that',
  'is',
  'am',
  'lol',
  'ok',
  'okay',
  '.',
]);

/** The fewest words of a language's own a message needs to be taken as written in it. */
const WRITTEN_IN_MIN_WORDS = 2;

/** Danger that, from someone the writer lives with, is harm at home. */
const THREAT_OR_VIOLENCE: ReadonlySet<DangerCategory> = new Set(['violenceAbuse', 'immediate']);

/** Someone the writer lives with, named earlier in the same sentence ("my dad said ... hell kill me"). */
function householdBefore(tokens: readonly Token[], start: number, reader: LanguageReader): boolean {
  for (let at = start - 1; at >= 0; at -= 1) {
    const word = tokens[at]?.word ?? '.';
    if (word === '.') return false;
    if (reader.householdWords.has(word)) return true;
  }
  return false;
}

/** The fewest words the trained danger reader judges. */
const MODEL_MIN_WORDS = 3;
/** No age said to a helpline for missing children is over this; 101, 999 and 116 are numbers to call. */
const OLDEST_AGE_SAID = 99;
/** The most words taken for a name or two ("liam", "liam and josh") after "seen with". */
const COMPANY_NAME_WORDS = 3;
/** Words read after a last-seen cue: "at about 7.30 last night". */
const LAST_SEEN_WORDS = 7;
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A cue as a pattern on the lower-cased text: whole words, any spaces between them. */
const cuePattern = (cue: string): RegExp =>
  new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(cue.toLowerCase()).replace(/ /g, '\\s+')}(?![\\p{L}\\p{N}])`, 'u');
/** The first of some cues in a text, and where it ends. */
function firstCue(cues: readonly RegExp[], lower: string): { start: number; end: number } | undefined {
  let first: { start: number; end: number } | undefined;
  for (const cue of cues) {
    const found = cue.exec(lower);
    if (found && (!first || found.index < first.start)) first = { start: found.index, end: found.index + found[0].length };
  }
  return first;
}

/** Words of the place list that say where only beside a place ("at 7" says when). */
const PLACE_PREPOSITIONS = new Set(['at', 'near', 'outside', 'behind', 'opposite', 'inside', 'by', 'in', 'on']);

/** The most words a message may have for the Microsoft yes/no recognizer to read it. */
const RECOGNIZER_MAX_WORDS = 3;

/** Words a message may hold beyond the phrase and still be read as only that phrase. */
const NEARLY_WHOLE_SLACK = 2;
/** The words at these places are (nearly) the whole message. */
const nearlyWhole = (tokens: readonly Token[], at: ReadonlySet<number>): boolean =>
  at.size > 0 && tokens.length - at.size <= NEARLY_WHOLE_SLACK;
/**
 * Facts of a child's health or needs, or of a call made ("ive rung the police, theyre sending
 * someone"): said alone, they are kept, not answered as a worry.
 */
const FACTS_NOT_WORRIES: ReadonlySet<string> = new Set([
  'medicalCondition',
  'additionalNeeds',
  'policeTold',
  'reportedOn101',
  'ambulanceCalled',
  'policeSaidWait',
]);

/** An emergency number as the whole message ("999", "112", "999!!"). */
const EMERGENCY_NUMBER_ALONE = /^(999|112|911)$/;
const EMERGENCY_NUMBER = /(?<!\d)(999|112|911)(?!\d)/;
const NON_EMERGENCY_NUMBER = /(?<!\d)101(?!\d)/;

/** Cultures the Microsoft recognizers know; others fall back to English figures. */
const RECOGNIZER_CULTURES: Record<string, string> = { en: 'en-us' };

/** When cues for two situations are as strong, who is writing decides. */
const SITUATION_PREFERENCE: Record<Role, readonly Situation[]> = {
  parent: ['missingNow', 'back', 'prepare', 'away'],
  carer: ['missingNow', 'back', 'prepare', 'away'],
  professional: ['missingNow', 'back', 'prepare', 'away'],
  youngPerson: ['away', 'back', 'missingNow', 'prepare'],
};

interface LanguageReader {
  lexicon: Lexicon;
  /** The same without text speak: for a message written in another language ("od" is Polish, not "overdose"). */
  plainLexicon: Lexicon;
  /** For a message written in another language: its words are not this language's stems or typos either. */
  foreignLexicon: Lexicon;
  /** The words this language's content uses, to tell which language a message is written in. */
  vocabulary: ReadonlySet<string>;
  danger: PhraseBook<DangerCategory | 'none'>;
  disclosures: PhraseBook<Disclosure | 'none'>;
  writers: PhraseBook<Role | 'none'>;
  situations: PhraseBook<Situation | 'none'>;
  turnabouts: ReadonlySet<string>;
  questions: PhraseBook<QuestionAsked>;
  /** Words before a police reference ("ref", "log number"), each as its words, longest first. */
  referenceCues: ReadonlyArray<readonly string[]>;
  /** Greetings, as whole messages. */
  greetings: ReadonlySet<string>;
  /** Thanks and goodbyes, as whole messages. */
  closings: ReadonlySet<string>;
  exclamations: PhraseBook<'exclamation'>;
  /** Cues to when a child was last seen, each as a pattern on the lower-cased text. */
  lastSeenCues: readonly RegExp[];
  dueBackCues: readonly RegExp[];
  whereSeenCues: readonly RegExp[];
  correctionCues: readonly RegExp[];
  seenWithCues: readonly RegExp[];
  companyOpeners: readonly RegExp[];
  companyWords: PhraseBook<'person'>;
  thingOpeners: ReadonlySet<string>;
  whenWords: ReadonlySet<string>;
  speakerWords: ReadonlySet<string>;
  othersWords: ReadonlySet<string>;
  speakerReflexives: ReadonlySet<string>;
  speakerPossessives: ReadonlySet<string>;
  othersPossessives: ReadonlySet<string>;
  bodyWords: ReadonlySet<string>;
  householdWords: ReadonlySet<string>;
  othersReflexives: ReadonlySet<string>;
  sayingWords: ReadonlySet<string>;
  togetherWords: ReadonlySet<string>;
  answerTails: PhraseBook<'tail'>;
  /** Whole messages that are no answer in this language, though English reads one (Polish "no"). */
  notAnswers: ReadonlySet<string>;
  /** First words that ask ("where", "czy", "هل"). */
  questionOpeners: ReadonlySet<string>;
  bookingRequests: PhraseBook<BookingRequest>;
  workerWishes: PhraseBook<WorkerWish>;
  factCues: PhraseBook<StatedFact | 'none'>;
  pillWords: ReadonlySet<string>;
  takenWords: ReadonlySet<string>;
  injuriesNow: PhraseBook<'injured'>;
  longPast: PhraseBook<'longPast' | 'stillNow'>;
  /** Times that put a return said beside being gone in an earlier episode ("came back last week"). */
  earlierReturns: PhraseBook<'earlierReturn'>;
  roleMistakes: PhraseBook<'roleMistake'>;
  meansPlaces: PhraseBook<'meansPlace'>;
  ageCues: {
    after: ReadonlySet<string>;
    before: ReadonlySet<string>;
    subjects: ReadonlySet<string>;
    others: ReadonlySet<string>;
    male: ReadonlySet<string>;
    female: ReadonlySet<string>;
    partners: ReadonlySet<string>;
    units: ReadonlySet<string>;
    siblings: ReadonlySet<string>;
    relatives: ReadonlySet<string>;
    pronouns: ReadonlySet<string>;
    verbs: ReadonlySet<string>;
    possessives: ReadonlySet<string>;
    own: ReadonlySet<string>;
    corrections: ReadonlySet<string>;
    birthdays: ReadonlySet<string>;
    insteadOf: ReadonlySet<string>;
  };
  answers: PhraseBook<EverydayAnswer | 'none'>;
  /** Words that open like an answer and are none ("no one would care"). */
  answerLookAlikes: readonly string[];
  /** Words that hold a situation's words and say none ("the back door", "back on snapchat"). */
  situationLookAlikes: readonly string[];
  /** No-words that echo a negation before them in their clause (Romanian "nu stie nimic"). */
  answerEchoes: ReadonlySet<string>;
  ageSooner: PhraseBook<'sooner'>;
  fine: PhraseBook<'fine'>;
  appearance: PhraseBook<'appearance'>;
  placeWords: PhraseBook<'place'>;
}

const STEMMERS: Record<string, (word: string) => string> = (() => {
  const english = new StemmerEn();
  return { en: (word: string) => english.stemWord(word) };
})();

/** "and", "so", "the", "at" and "for", as Arabic writes them: joined to the word. Longest first. */
const ARABIC_PREFIXES = ['وال', 'فال', 'بال', 'لل', 'ال', 'و', 'ف', 'ب', 'ل'];

/** The fewest letters an Arabic word keeps once a prefix is taken off. */
const ARABIC_STEM_MIN_LETTERS = 3;

/**
 * An Arabic word as the phrase book knows it: "وخطفوه" (and they took him) is "خطفوه". A prefix
 * comes off only when the word without it is one of the phrase book's words and the word with it
 * is not: "وجدتها" (I found her) is a word of its own, not "و" + "جدتها" (her grandmother).
 */
function arabicStemWithin(vocabulary: ReadonlySet<string>): (word: string) => string {
  return (word) => {
    if (vocabulary.has(word) || !/^[\u0600-\u06ff]+$/.test(word)) return word;
    for (const prefix of ARABIC_PREFIXES) {
      if (!word.startsWith(prefix) || word.length - prefix.length < ARABIC_STEM_MIN_LETTERS) continue;
      // "والبيت" is "البيت": the article stays when the conjunction comes off.
      for (const rest of prefix.endsWith('ال') && prefix !== 'ال'
        ? [word.slice(prefix.length - 2), word.slice(prefix.length)]
        : [word.slice(prefix.length)]) {
        if (vocabulary.has(rest)) return rest;
      }
    }
    return word;
  };
}

/** Every language the danger phrases have words in, offered by the area or not. */
export function dangerLanguagesOf(content: Pick<Content, 'danger'>): string[] {
  return [...new Set(Object.values(content.danger.categories).flatMap((category) => Object.keys(category.phrases)))];
}

/**
 * `dangerAlwaysIn`: languages whose danger phrases are looked for in every message, whatever
 * language the conversation is in (the area's approved languages): someone who has not chosen
 * their language yet is still heard.
 */
export function createUnderstanding(
  content: Pick<Content, 'danger' | 'understanding' | 'models'>,
  { dangerAlwaysIn = [] }: { dangerAlwaysIn?: readonly string[] } = {},
): Understanding {
  const models = trainedModelsFrom(content.models);
  const sameFeatures = JSON.stringify(models.danger.features) === JSON.stringify(models.writer.features);
  const readers = new Map<string, LanguageReader>();
  const english = content.understanding.en;
  // A message in one language is read by every reader: each knows every language's negations,
  // so "nimic sexual" (nothing sexual) is negated for the English reader too; but not another
  // language's negation that is a word of its own (Polish "ani", nor, is Romanian "ani", years:
  // "fiica mea de 14 ani a fost rapita" is not negated).
  const negations = [...new Set(Object.values(content.understanding).flatMap((words) => words.negations))];
  for (const [language, words] of Object.entries(content.understanding)) {
    const own = new Set(words.negations);
    const ownWords = wordsOfContent([words, ...Object.values(content.danger.categories).map((category) => category.phrases[language])]);
    const known = negations.filter((word) => own.has(word) || !ownWords.has(word));
    readers.set(language, compileLanguage(language, { ...words, negations: known }, content.danger, negations));
  }
  // Danger phrases exist for languages that have no reader of their own yet: read with English's.
  const readerFor = (language: string): LanguageReader => {
    const found = readers.get(language);
    if (found) return found;
    const made = compileLanguage(
      language,
      english ?? content.understanding[Object.keys(content.understanding)[0] ?? ''] ?? emptyLexicon(),
      content.danger,
      negations,
    );
    readers.set(language, made);
    return made;
  };
  const optionBooks = new Map<string, PhraseBook<string>>();
  // The words only one of the languages read together uses, worked out once per set of languages.
  const ownWordsBySet = new Map<string, ReadonlyArray<readonly [string, ReadonlySet<string>]>>();
  const ownWordsOf = (languages: readonly string[]): ReadonlyArray<readonly [string, ReadonlySet<string>]> => {
    const key = languages.join(' ');
    const known = ownWordsBySet.get(key);
    if (known) return known;
    const made = languages.map((language) => {
      const others = languages.filter((other) => other !== language).map((other) => readerFor(other).vocabulary);
      return [
        language,
        new Set([...readerFor(language).vocabulary].filter((word) => !others.some((vocabulary) => vocabulary.has(word)))),
      ] as const;
    });
    ownWordsBySet.set(key, made);
    return made;
  };
  const dangerLanguages = dangerAlwaysIn.map(languageOf);
  const languagesOf = (locale: string): string[] => [...new Set([languageOf(locale), 'en'])];
  /** Whether the phrases picked out are said, not negated, in the conversation's language or English. */
  const saidIn = (text: string, locale: string, book: (reader: LanguageReader) => PhraseBook<string>): boolean =>
    languagesOf(locale).some((language) => {
      const reader = readerFor(language);
      return book(reader)
        .find(tokenise(text, reader.lexicon))
        .some((found) => !found.negated);
    });
  const commandWords = new Map<string, ReadonlySet<string>>();
  const openersByLocale = new Map<string, ReadonlySet<string>>();
  const openersOf = (locale: string): ReadonlySet<string> => {
    let found = openersByLocale.get(locale);
    if (!found) {
      found = new Set(languagesOf(locale).flatMap((language) => [...readerFor(language).questionOpeners]));
      openersByLocale.set(locale, found);
    }
    return found;
  };

  const describesAppearance = (text: string, locale: string): boolean =>
    languagesOf(locale).some((language) => {
      const reader = readerFor(language);
      const tokens = tokenise(text, reader.lexicon);
      const described = reader.appearance.find(tokens).filter((match) => !match.negated);
      // "school uniform" describes; its "school" names no place.
      const describing = new Set(described.flatMap((match) => match.positions));
      const places = reader.placeWords.find(tokens).filter((match) => !match.positions.every((at) => describing.has(at)));
      return described.length > 0 && places.length === 0;
    });

  return {
    read(text, locale) {
      const danger = new Set<DangerCategory>();
      const disclosures = new Set<Disclosure>();
      let writer: Role | undefined;
      let situation: Situation | undefined;
      let question: QuestionAsked | undefined;
      let bookingRequest: BookingRequest | undefined;
      let ageYears: number | undefined;
      let ageSaidOf: StatedFacts['ageSaidOf'];
      let harmDone = false;
      const said = new Set<StatedFact>();
      const denied = new Set<StatedFact>();
      let explainedAway = false;
      // Danger told of long ago ("an overdose 3 years ago"): no emergency now, unless the child is gone now.
      const history: DangerCategory[] = [];
      let threatAtHome = false;
      const languages = [...new Set([...languagesOf(locale), ...dangerLanguages])];
      const writtenIn = likelyLanguage(text, ownWordsOf(languages));
      // "Dydy fy mab ddim wedi dod adref", in a conversation still in English: read as Welsh too,
      // for who is writing and what is happening, not only for danger.
      const own = [...new Set([...languagesOf(locale), ...(writtenIn && readers.has(writtenIn) ? [writtenIn] : [])])];
      for (const language of languages) {
        const reader = readerFor(language);
        // A language's text speak is for messages written in it: "od" is Polish, not "overdose".
        // A message that does not say is taken to be in the conversation's language.
        const ownTextSpeak = writtenIn === undefined ? language === own[0] : writtenIn === language;
        const foreign = writtenIn !== undefined && writtenIn !== language;
        const tokens = tokenise(text, ownTextSpeak ? reader.lexicon : foreign ? reader.foreignLexicon : reader.plainLexicon);
        const dangerMatches = reader.danger.find(tokens);
        const told = dangerMatches.filter((found): found is PhraseMatch<DangerCategory> => !found.negated && found.label !== 'none');
        // "he came off his bike last month and hit his head": history to note, not an emergency now; nor for
        // the trained reader. Looked for only beside danger: most messages hold none.
        const times = told.length > 0 ? reader.longPast.find(tokens).filter((found) => !found.negated) : [];
        // "... last month. im scared itll happen again": the history is still going on.
        const longPast = times.some((time) => time.label === 'stillNow') ? [] : times.filter((time) => time.label === 'longPast');
        // Talk of ending a life or self-harm stays danger however long ago: that history is the risk.
        const longAgo = (found: PhraseMatch<DangerCategory>) =>
          found.label !== 'suicideSelfHarm' && longPast.some((past) => sameSentence(tokens, past.start, found.start));
        const dangerFound = told.filter((found) => !longAgo(found));
        if (own.includes(language)) for (const found of told) if (longAgo(found)) history.push(found.label);
        // "ive texted her loads": a look-alike that is (nearly) the whole message explains away a trained guess too.
        const lookAlikeWords = new Set(dangerMatches.filter((found) => found.label === 'none').flatMap((found) => found.positions));
        if (own.includes(language) && nearlyWhole(tokens, lookAlikeWords)) explainedAway = true;
        for (const match of mostSpecific(dangerFound)) danger.add(match.label);
        if (
          own.includes(language) &&
          dangerFound.some((match) => THREAT_OR_VIOLENCE.has(match.label) && householdBefore(tokens, match.start, reader))
        )
          threatAtHome = true;
        if (own.includes(language) && ageYears === undefined) {
          const child = childAgeNow(tokens, reader);
          ageYears = child?.value ?? ageInBrackets(text, reader.ageCues);
          if (child) ageSaidOf = ageSubjectAt(tokens, child.at, reader.ageCues);
        }
        if (adultPartnerSaid(tokens, reader.ageCues, ageYears)) for (const category of ADULT_PARTNER_DANGER) danger.add(category);
        if (pillsCounted(tokens, reader.pillWords)) {
          harmDone = true;
          danger.add('medical');
        }
        // Only beside danger the phrase book heard: "hes not responding to my texts" is no emergency.
        if (reader.injuriesNow.find(tokens).some((found) => !found.negated)) harmDone = true;
        if (!own.includes(language)) continue;
        const asked = reader.questions.find(tokens);
        for (const match of reader.disclosures.find(tokens)) {
          // "will I get in trouble for not going home" asks about not going home; it is not a fear of home.
          const askedAbout =
            match.label === 'scaredToGoHome' && asked.some((question) => sameSentence(tokens, question.start, match.start));
          if (match.label !== 'none' && !match.negated && !askedAbout) disclosures.add(match.label);
        }
        // Each cue counts once, however long: "foster carer here" says who writes as much as "my 14 year old" does.
        writer ??= strongest(
          reader.writers
            .find(tokens)
            .filter((match): match is PhraseMatch<Role> => match.label !== 'none' && !match.negated)
            .map((match) => ({ ...match, positions: match.positions.slice(0, 1) })),
          ROLES,
        );
        // "will the police take me back home?" asks about a return; it says none happened.
        const askedWords = new Set(asked.flatMap((match) => match.positions));
        const situations = reader.situations.find(tokens).filter((match) => !match.positions.some((at) => askedWords.has(at)));
        situation ??= strongest(
          withoutPastReturns(situationNow(situationCues(situations), tokens, reader.turnabouts), tokens, reader.earlierReturns),
          writer ? SITUATION_PREFERENCE[writer] : SITUATIONS,
        );
        // "i cant ring anyone, theyll hear me": not being able to speak safely is the question, not the call.
        // "i cant ring police, they'll take her off me": the fear of what a report brings is the question too.
        const speakingUnsafe = asked.some((match) => match.label === 'cantCallSafely' || match.label === 'childInTrouble');
        // "what now, her social worker is off til monday" asks about the social worker: "what now" only when it asks nothing else.
        const askedMore = asked.some((match) => match.label !== 'whatNext');
        // "who do i need to tell, my manager on call isnt answering": the answer to an unreachable manager says who, too.
        const managerUnreachable = asked.some((match) => match.label === 'managerUnreachable');
        question ??= earliest(
          asked.filter(
            (match) =>
              !(speakingUnsafe && match.label === 'cannotCall') &&
              !(askedMore && match.label === 'whatNext') &&
              !(managerUnreachable && match.label === 'tellSocialWorker'),
          ),
        );
        bookingRequest ??= earliest(reader.bookingRequests.find(tokens).filter((match) => !match.negated));
        const factsFound = reader.factCues.find(tokens);
        for (const match of factsFound) if (match.label !== 'none') (match.negated ? denied : said).add(match.label);
        // "he has diabetes", "ive rung the police": a condition or a call said and nothing more is
        // that fact, kept for the journey and the police; not a worry for the trained reader.
        const factOnlyWords = new Set(
          factsFound.filter((match) => !match.negated && FACTS_NOT_WORRIES.has(match.label)).flatMap((match) => match.positions),
        );
        if (nearlyWhole(tokens, factOnlyWords)) explainedAway = true;
      }
      // "999", texted or typed here alone: someone trying to reach the emergency services through the bot.
      if (EMERGENCY_NUMBER_ALONE.test(normalise(text))) question ??= 'callForMe';
      // "do i need to ring the police to say hes back?": when to report, asked of a child back, is telling them.
      if (question === 'whenToReport' && situation === 'back') question = 'tellPoliceBack';
      // "she took an overdose last year ... now shes gone": a child missing with that history is at risk now.
      if (situation === 'missingNow' || situation === 'away') for (const category of history) danger.add(category);
      else if (history.length > 0 && danger.size === 0) explainedAway = true;
      // The trained readers hear sentences; a word or two ("found them", "no") is the phrase book's.
      const longEnough = textWords(text).length >= MODEL_MIN_WORDS;
      const features = longEnough ? featuresOf(text, models.danger.features) : undefined;
      const heard = danger.size === 0 && features && !explainedAway ? models.danger.judgeFeatures(features).category : undefined;
      const labelFeatures = !longEnough ? undefined : sameFeatures ? features : featuresOf(text, models.writer.features);
      // "the police brought her home": the police know, so they were told.
      if (said.has('policeKnowBack')) said.add('policeTold');
      // "i rang the police and they told me to wait": they were not given a report; it is still to do.
      if (question === 'policeSaidWait' && said.delete('policeTold')) said.add('policeSaidWait');
      // "i rang 101 an hour ago, his mate saw him get in a car with a man": told, but not of an emergency.
      if (said.has('policeTold') && NON_EMERGENCY_NUMBER.test(text) && !EMERGENCY_NUMBER.test(text)) said.add('reportedOn101');
      const endangered = danger.size > 0 ? [...new Set(own.flatMap((language) => dangerOf(text, readerFor(language))))] : [];
      if (threatAtHome && endangered.includes('writer')) disclosures.add('hurtAtHome');
      const despairOf = danger.has('suicideSelfHarm') ? [...new Set(own.flatMap((language) => suicideOf(text, readerFor(language))))] : [];
      // "im her mum ... i just want to sleep and not wake up": words of despair sound like a young
      // person to the trained reader, but the mum said who she is.
      const ownDespair = writer !== undefined && writer !== 'youngPerson' && despairOf.includes('writer');
      const likelyWriter = labelFeatures && !ownDespair ? models.writer.guess(labelFeatures, writer) : writer;
      const guessedSituation = labelFeatures ? models.situation.guess(labelFeatures, situation) : situation;
      // Words that say gone are never overruled by a guess of back: a child taken for back is no
      // longer looked for; the other way round costs a question.
      const saysGone = situation === 'missingNow' || situation === 'away';
      const likelySituation = saysGone && guessedSituation === 'back' ? situation : guessedSituation;
      return {
        danger: DANGER_CATEGORIES.filter((category) => danger.has(category)),
        harmDone: harmDone && danger.size > 0,
        suicideOf: despairOf,
        dangerOf: endangered,
        missingOf:
          situation === 'missingNow' || situation === 'away'
            ? [...new Set(own.flatMap((language) => missingOf(text, readerFor(language))))]
            : [],
        concern: heard ? [heard] : [],
        disclosures: DISCLOSURES.filter((disclosure) => disclosures.has(disclosure)),
        writer,
        situation,
        likely: { ...(likelyWriter ? { writer: likelyWriter } : {}), ...(likelySituation ? { situation: likelySituation } : {}) },
        facts: {
          ...(ageYears === undefined ? {} : { ageYears }),
          ...(ageYears === undefined || ageSaidOf === undefined ? {} : { ageSaidOf }),
          said: STATED_FACTS.filter((fact) => said.has(fact)),
          ...(denied.size > 0 ? { denied: STATED_FACTS.filter((fact) => denied.has(fact) && !said.has(fact)) } : {}),
          ...policeReferenceIn(
            text,
            own.map((language) => readerFor(language).referenceCues),
          ),
        },
        question,
        bookingRequest,
        asks: question !== undefined || sentencesOf(text).some((sentence) => sentenceAsks(sentence, openersOf(locale))),
        greets: own.some((language) => readerFor(language).greetings.has(normalise(text))),
        closes: own.some((language) => readerFor(language).closings.has(normalise(text))),
      };
    },
    writtenIn(text) {
      const [first, second] = ownWordCounts(text, ownWordsOf([...new Set(['en', ...dangerLanguages])]));
      if (!first || first.language === 'en' || first.count < WRITTEN_IN_MIN_WORDS) return undefined;
      return first.count >= 2 * (second?.count ?? 0) ? first.language : undefined;
    },
    withoutQuestions(text, locale, options = {}) {
      const answering = withoutQuestionsAsked(text, openersOf(locale), options.keepDoubtful ?? false);
      // A known question said without asking like one ("i dont want the police to take me back")
      // answers nothing with its words: its "back" is no "I'm back".
      for (const language of languagesOf(locale)) {
        const reader = readerFor(language);
        const tokens = tokenise(answering, reader.lexicon);
        const asked = new Set(reader.questions.find(tokens).flatMap((match) => match.positions));
        if (asked.size > 0) return tokens.flatMap((token, at) => (asked.has(at) ? [] : [token.word])).join(' ');
      }
      return answering;
    },
    commandRequestWords(locale) {
      const key = languagesOf(locale).join(' ');
      let found = commandWords.get(key);
      if (!found) {
        found = new Set(
          languagesOf(locale).flatMap((language) =>
            (content.understanding[language]?.commandRequest ?? []).flatMap((word) => normalise(word).split(' ')),
          ),
        );
        commandWords.set(key, found);
      }
      return found;
    },
    everyday(text, locale, options = {}) {
      if (readerFor(languageOf(locale)).notAnswers.has(normalise(text))) return undefined;
      // "is that right?" asks; it does not answer yes.
      const answered = withoutQuestionsAsked(text, openersOf(locale), options.keepDoubtful ?? false);
      // The user's language first; English too, which people mix in ("ok", "yes").
      for (const language of languagesOf(locale)) {
        const found = everydayIn(readerFor(language), language, answered, options.wholeMessage ?? false);
        if (found) return found;
      }
      return undefined;
    },
    wellbeing(text, locale) {
      for (const language of languagesOf(locale)) {
        const reader = readerFor(language);
        const [said] = reader.fine.find(tokenise(text, reader.lexicon));
        if (said) return said.negated ? 'notWell' : 'well';
      }
      return undefined;
    },
    workerWish(text, locale) {
      for (const language of languagesOf(locale)) {
        const reader = readerFor(language);
        const wish = earliest(reader.workerWishes.find(tokenise(text, reader.lexicon)).filter((match) => !match.negated));
        if (wish) return wish;
      }
      return undefined;
    },
    numberTakenBack(text, locale) {
      for (const language of languagesOf(locale)) {
        const reader = readerFor(language);
        const words = tokenise(text, reader.lexicon).map((token) => token.word);
        const at = words.findIndex((word, index) => reader.ageCues.insteadOf.has(word) && index > 0);
        const [meant, takenBack] = [words[at - 1], words[at + 1]];
        // "half 7 not 7" puts right more than the number: the date reader reads that.
        if (at > 0 && /^\d{1,2}$/.test(meant ?? '') && /^\d{1,2}$/.test(takenBack ?? '') && meant !== takenBack)
          return { meant: Number(meant), takenBack: Number(takenBack) };
      }
      return undefined;
    },
    pillsSaid(text, locale) {
      return languagesOf(locale).some((language) => {
        const reader = readerFor(language);
        return tokenise(text, reader.lexicon).some((token) => reader.pillWords.has(token.word) || reader.takenWords.has(token.word));
      });
    },
    roleMistaken(text, locale) {
      return saidIn(text, locale, (reader) => reader.roleMistakes);
    },
    namesEmergencyNumber(text) {
      return EMERGENCY_NUMBER.test(text) && !NON_EMERGENCY_NUMBER.test(text);
    },
    asksOnlyAbout999Call(text, locale) {
      if (!this.namesEmergencyNumber(text)) return false;
      return !text
        .split(/[,.;:!?\n]+/u)
        .map((clause) => this.read(clause, locale))
        .some((clause) => clause.question !== 'whenToReport' && (clause.danger.length > 0 || clause.asks));
    },
    placeOfMeansSaid(text, locale) {
      return saidIn(text, locale, (reader) => reader.meansPlaces);
    },
    lastSeenWords(text, locale, { dueBack = false } = {}) {
      const lower = text.toLowerCase();
      const cues = languagesOf(locale).flatMap((language) => [
        ...readerFor(language).lastSeenCues,
        ...(dueBack ? readerFor(language).dueBackCues : []),
      ]);
      const clauseAfter = (at: number) => lower.slice(at).split(/[,;!?\n]|\.(?!\d)/u)[0] ?? '';
      let found = firstCue(cues, lower);
      if (!found) return undefined;
      // "since he went out on his bike about 6": a cue inside the clause another opened says when.
      for (let inner = firstCue(cues, clauseAfter(found.end)); inner; inner = firstCue(cues, clauseAfter(found.end))) {
        found = { start: found.end + inner.start, end: found.end + inner.end };
      }
      // To the clause's end (a full stop between figures is a time, "7.30"), at most a few words.
      // "meant to be in by 10 and its nearly 2am": what follows "and" or "its" is not that moment.
      const clause = clauseAfter(found.end).split(/\b(?:and|its|it's|it is)\b/u)[0] ?? '';
      const words = clause.trim().split(/\s+/u).slice(0, LAST_SEEN_WORDS).join(' ');
      return words === '' ? undefined : words;
    },
    describesAppearance,
    whereAndWhoSaid(text, locale) {
      const said: { place?: string; company?: string } = {};
      const clauses = text.split(/[,;!?\n]|\.(?!\d)/u).map((clause) => clause.trim());
      for (const language of languagesOf(locale)) {
        const reader = readerFor(language);
        const namesSomeone = (words: string, certain: boolean): boolean => {
          const tokens = tokenise(words, reader.lexicon);
          if (reader.companyWords.find(tokens).some((match) => !match.negated)) return true;
          // "last seen with liam and josh": a name or two; "with his bike", "with no coat": a thing.
          const [first = ''] = textWords(words);
          return certain && tokens.length > 0 && tokens.length <= COMPANY_NAME_WORDS && !reader.thingOpeners.has(normalise(first));
        };
        for (const clause of clauses) {
          const lower = clause.toLowerCase();
          const seen = firstCue(reader.whereSeenCues, lower);
          if (seen) {
            const after = clause.slice(seen.end);
            const opener = firstCue(reader.companyOpeners, after.toLowerCase());
            const where = (opener ? after.slice(0, opener.start) : after).trim();
            const who = opener ? after.slice(opener.end).trim() : '';
            // "last seen at 6pm" says when, not where.
            const saysWhere = textWords(where).some((word) => !/\d/u.test(word) && !reader.whenWords.has(word));
            if (said.place === undefined && saysWhere && reader.placeWords.find(tokenise(where, reader.lexicon)).length > 0)
              said.place = where;
            if (said.company === undefined && who !== '' && namesSomeone(who, true)) said.company = who;
          }
          const went = firstCue(reader.seenWithCues, lower);
          const who = went ? clause.slice(went.end).trim() : '';
          if (said.company === undefined && who !== '' && namesSomeone(who, false)) said.company = who;
        }
      }
      return said;
    },
    detailCorrected(text, locale) {
      const lower = text.toLowerCase();
      for (const language of languagesOf(locale)) {
        const reader = readerFor(language);
        if (!firstCue(reader.correctionCues, lower)) continue;
        if (describesAppearance(text, locale)) return 'appearance';
        const tokens = tokenise(text, reader.lexicon);
        const placeNamed = reader.placeWords
          .find(tokens)
          .some((match) => !match.negated && match.positions.some((at) => !PLACE_PREPOSITIONS.has(tokens[at]?.word ?? '')));
        if (placeNamed) return 'place';
        if (firstCue(reader.companyOpeners, lower) || firstCue(reader.seenWithCues, lower)) return 'company';
        return 'other';
      }
      return undefined;
    },
    appearanceSaid(text, locale) {
      const described = text
        .split(/[,;!?\n]|\.(?!\d)/u)
        .map((clause) => clause.trim())
        .filter((clause) => clause !== '' && describesAppearance(clause, locale));
      return described.length > 0 ? described.join(', ') : undefined;
    },
    returnWords(text, locale) {
      const reader = readerFor(languageOf(locale));
      const cuesIn = (words: string) => situationCues(reader.situations.find(tokenise(words, reader.lexicon))).map((cue) => cue.label);
      const all = cuesIn(text);
      if (!all.includes('back') || !all.some((label) => label === 'away' || label === 'missingNow')) return text;
      const turnabouts = [...reader.turnabouts, ...readerFor('en').turnabouts].map(escapeRegExp).join('|');
      const pieces = text.split(new RegExp(`(?<![\\p{L}\\p{N}])(?:${turnabouts})(?![\\p{L}\\p{N}])`, 'iu'));
      const from = pieces.findIndex((piece) => cuesIn(piece).includes('back'));
      return from <= 0 ? text : pieces.slice(from).join(' ');
    },
    number(text, locale) {
      return wholeNumbers(text, RECOGNIZER_CULTURES[languageOf(locale)] ?? 'en-us')[0];
    },
    ordinal(text, locale) {
      const digits = westernDigits(text);
      for (const result of recognizeOrdinal(digits, RECOGNIZER_CULTURES[languageOf(locale)] ?? 'en-us')) {
        const value = Number((result.resolution as { value?: string } | undefined)?.value);
        if (!Number.isInteger(value) || value <= 0) continue;
        // "the second one" picks an option; "no, first time" says something else.
        const rest = `${digits.slice(0, result.start)} ${digits.slice(result.end + 1)}`;
        const others = tokenise(rest, readerFor(languageOf(locale)).lexicon).filter((token) => !ORDINAL_FILLERS.has(token.word));
        if (others.length === 0) return value;
      }
      return undefined;
    },
    choose(text, locale, options, reading = {}) {
      const reader = readerFor(languageOf(locale));
      const key = `${languageOf(locale)}\u0000${JSON.stringify(options)}`;
      let book = optionBooks.get(key);
      if (!book) {
        // A one-letter answer ("n", "y") is one only as the whole message: in a sentence it is a
        // letter, or text speak for another word ("n" is "and").
        const inSentences = options.map((option) => ({
          ...option,
          phrases: option.phrases.filter((phrase) => normalise(phrase).length > 1),
        }));
        // "no one would care" holds the words of "no" and picks nothing; so does "the back door was
        // open" the words of "They are back".
        // English is read beside every language, its look-alikes with it.
        const lookAlikes = [...reader.answerLookAlikes, ...reader.situationLookAlikes, ...(english?.situationLookAlikes ?? [])];
        book = compilePhraseBook([...inSentences, { label: NO_OPTION, phrases: [...new Set(lookAlikes)] }], reader.lexicon);
        if (optionBooks.size > 500) optionBooks.clear();
        optionBooks.set(key, book);
      }
      const tokens = tokenise(text, reader.lexicon);
      const matches = book.find(tokens).filter((match) => !match.negated && match.label !== NO_OPTION);
      // A phrase said at any point ("hes back now") is the whole message, give or take two words
      // and any "thank god" beside it.
      if (reading.nearlyWholeMessage) {
        const covered = new Set([...matches, ...reader.exclamations.find(tokens)].flatMap((match) => match.positions));
        if (tokens.length - covered.size > NEARLY_WHOLE_SLACK) return undefined;
      }
      const weight = new Map<string, number>();
      for (const match of matches) weight.set(match.label, Math.max(weight.get(match.label) ?? 0, match.positions.length));
      const best = Math.max(0, ...weight.values());
      const winners = [...weight].filter(([, length]) => length === best);
      return best > 0 && winners.length === 1 ? (winners[0]?.[0] as (typeof options)[number]['label']) : undefined;
    },
    age(text, locale) {
      const reader = readerFor(languageOf(locale));
      const tokens = tokenise(text, reader.lexicon);
      // "shes got an older boyfriend, hes 25": his age, not hers; "shes 15, her boyfriend is 25" gives 15.
      const inPassing = ageSaid(tokens, reader.ageCues)?.value;
      const others = agesOfOthers(tokens, reader.ageCues);
      // "i rang 101 earlier": a phone number is no age.
      const numbers = wholeNumbers(text, RECOGNIZER_CULTURES[languageOf(locale)] ?? 'en-us').filter(
        (number) => number <= OLDEST_AGE_SAID && (number === inPassing || !others.has(number)),
      );
      // "hes 14ish": the recognizer reads no number in it, the age in passing does.
      const [said, next] = numbers.length > 0 ? numbers : [inPassing];
      if (said === undefined || said < 0 || said > OLDEST_AGE_SAID) return undefined;
      // "16, 17 in june" gives the age first; "nearly 15" and "15 in march" give the next one.
      if (next !== undefined) return said;
      const sooner = reader.ageSooner.find(tokens).length > 0;
      return sooner && said > 0 ? said - 1 : said;
    },
  };
}

function everydayIn(reader: LanguageReader, language: string, text: string, wholeMessage: boolean): EverydayAnswer | undefined {
  const tokens = tokenise(text, reader.lexicon);
  // "nie odbiera" (not answering) and "syn nie ma telefonu" (no phone) hold "nie", but state a
  // fact and answer no question with it.
  // So does "nie chcę wracać" (I don't want to go back): a disclosure, not a no to the question on screen.
  const inFact = new Set(
    [...reader.factCues.find(tokens), ...reader.disclosures.find(tokens)]
      .filter((match) => match.label !== 'none' && !match.negated)
      .flatMap((match) => match.positions),
  );
  // "yes she is" is a yes; "she is not breathing", "he is 13" and "she is at her dads" are not:
  // a yes of more than one word must end its clause, one word must open or end it ("ive already
  // searched the house" answers nothing), and no yes is followed by a negation in its clause
  // ("nah dont think so" is still a no). A no of one word must open or end its clause too: inside
  // one it negates a verb ("nikt nie wie gdzie ona jest", nobody knows where she is) or is
  // another language's word ("mam zdjecie na telefonie", Polish "na" is "on").
  const found = reader.answers.find(tokens);
  const tails = new Set([...reader.answerTails.find(tokens), ...reader.exclamations.find(tokens)].flatMap((match) => match.positions));
  // "no one would care": words that open like an answer and are none.
  const lookAlike = found.some((match) => match.label === 'none');
  const matches = found
    .filter((match): match is PhraseMatch<EverydayAnswer> => match.label !== 'none')
    .filter(
      (match) =>
        !match.negated &&
        !match.positions.some((position) => inFact.has(position)) &&
        !(
          match.label === 'yes' &&
          (negatedAfter(tokens, match.end, reader.lexicon) ||
            // "nikt nie wie gdzie ona jest" (nobody knows where she is) ends on "jest" (is), no yes.
            (!opensClause(tokens, match.start) && negatedEarlierInClause(tokens, match.start, reader.lexicon)) ||
            (!endsClause(tokens, match.end, tails) &&
              // "yes i think so shes only 11": a subject after it opens the next clause, unmarked.
              !reader.lexicon.answerFirst.subjects.has(tokens[match.end + 1]?.word ?? '') &&
              (match.positions.length > 1 || !opensClause(tokens, match.start))))
        ) &&
        !(
          match.label === 'no' &&
          match.positions.length === 1 &&
          !opensClause(tokens, match.start) &&
          !reader.lexicon.clauseBreaks.has(tokens[match.start - 1]?.word ?? '') &&
          ((!endsClause(tokens, match.end, tails) && !reader.lexicon.clauseBreaks.has(tokens[match.end + 1]?.word ?? '')) ||
            // "nimeni nu stie nimic" (nobody knows anything): a negation's echo, not an answer.
            (reader.answerEchoes.has(tokens[match.start]?.word ?? '') && negatedEarlierInClause(tokens, match.start, reader.lexicon)))
        ),
    );
  if (wholeMessage) {
    const covered = matches.reduce((sum, match) => sum + match.positions.length, 0);
    if (covered === 0 || tokens.length - covered > 1) return undefined;
  }
  const first = earliest(matches);
  if (first !== undefined) return first;
  // The recognizer knows more ways to say yes and no, but reads them anywhere in a sentence
  // ("no first time" as yes): only for a few words said alone.
  const culture = RECOGNIZER_CULTURES[language];
  if (culture && tokens.length <= RECOGNIZER_MAX_WORDS && !lookAlike) {
    const recognised = recognizeBoolean(text, culture)[0]?.resolution as { value?: boolean } | undefined;
    if (recognised?.value === true) return 'yes';
    if (recognised?.value === false) return 'no';
  }
  return undefined;
}

/** Whether the clause ends after `end`: the message ends, or a clause mark follows. */
/** Whether the clause ends after `end`, but for words that may trail an answer ("now", "thanks"). */
function endsClause(tokens: readonly Token[], end: number, tails: ReadonlySet<number> = new Set()): boolean {
  let at = end + 1;
  while (tails.has(at)) at += 1;
  const next = tokens[at]?.word;
  return next === undefined || next === '.';
}

function opensClause(tokens: readonly Token[], start: number): boolean {
  return start === 0 || tokens[start - 1]?.word === '.';
}

/** Whether a negation stands before `start` in its clause ("nikt nie wie gdzie ona | jest"). */
function negatedEarlierInClause(tokens: readonly Token[], start: number, lexicon: Lexicon): boolean {
  for (let at = start - 1; at >= 0; at -= 1) {
    const word = tokens[at]?.word ?? '';
    if (word === '.' || lexicon.clauseBreaks.has(word)) return false;
    if (lexicon.negations.has(word)) return true;
  }
  return false;
}

/** Whether a negation follows `end` in the same clause ("she is | not breathing"). */
function negatedAfter(tokens: readonly Token[], end: number, lexicon: Lexicon): boolean {
  for (let at = end + 1; at < tokens.length && at <= end + 2; at += 1) {
    const word = tokens[at]?.word ?? '';
    if (word === '.' || lexicon.clauseBreaks.has(word)) return false;
    if (lexicon.negations.has(word)) return true;
  }
  return false;
}

/**
 * The language a message is most likely written in, of those given with the words only each of
 * them uses: the one whose own words it uses most. Undefined when none stands out.
 */
function likelyLanguage(text: string, ownWords: ReadonlyArray<readonly [string, ReadonlySet<string>]>): string | undefined {
  const [first, second] = ownWordCounts(text, ownWords);
  return first && first.count > 0 && first.count > (second?.count ?? 0) ? first.language : undefined;
}

/** How many of the message's words only each language uses, most first. */
function ownWordCounts(
  text: string,
  ownWords: ReadonlyArray<readonly [string, ReadonlySet<string>]>,
): Array<{ language: string; count: number }> {
  const typed = textWords(text);
  return ownWords
    .map(([language, words]) => ({ language, count: typed.filter((word) => words.has(word)).length }))
    .sort((a, b) => b.count - a.count);
}

function compileLanguage(
  language: string,
  words: UnderstandingLexicon,
  danger: Content['danger'],
  everyNegation: readonly string[] = words.negations,
): LanguageReader {
  const phrasesOfLexicon = [
    ...Object.values(words.answers),
    ...Object.values(words.disclosures),
    ...Object.values(words.writers),
    ...Object.values(words.situations),
    ...Object.values(words.questions),
    // "cześć, potrzebuję pomocy": a greeting says the language as much as any word.
    words.greetings,
    ...DANGER_CATEGORIES.map((category) => danger.categories[category].phrases[language] ?? []),
  ].flat();
  const vocabulary = new Set(phrasesOfLexicon.flatMap((phrase) => textWords(phrase.replace(/(^|\s)=/g, '$1'))));
  const stem = language === 'ar' ? arabicStemWithin(vocabulary) : (STEMMERS[language] ?? ((word: string) => word));
  const lexicon: Lexicon = {
    textSpeak: words.textSpeak,
    reflexives: words.reflexives,
    negations: new Set(words.negations),
    clauseBreaks: new Set(words.clauseBreaks),
    answerFirst: { words: new Set(words.answerFirst.words), subjects: new Set(words.answerFirst.subjects) },
    negationThenSubject: { words: new Set(words.negationThenSubject.words), subjects: new Set(words.negationThenSubject.subjects) },
    protectedWords: new Set(words.protectedWords),
    nounOpeners: new Set(words.nounOpeners),
    stem,
  };
  // Look-alikes first: of two phrases as long, the first listed is matched, so "fit as a fiddle"
  // is taken before "fit" can be, and a look-alike says nothing.
  const withLookAlikes = <Label extends string>(
    lookAlikes: readonly string[],
    lists: ReadonlyArray<readonly [Label, readonly string[]]>,
    options: { labelsShareWords?: boolean } = {},
  ) =>
    compilePhraseBook<Label | 'none'>(
      [{ label: 'none', phrases: lookAlikes }, ...lists.map(([label, phrases]) => ({ label, phrases }))],
      lexicon,
      options.labelsShareWords ? { labelsShareWords: { except: 'none' } } : {},
    );
  const wordsAsRead = (cues: readonly string[]): ReadonlySet<string> =>
    new Set(cues.flatMap((cue) => tokenise(cue, { ...lexicon, textSpeak: {} }).map((token) => token.word)));
  const labelled = <Label extends string>(lists: Partial<Record<Label, readonly string[]>>) =>
    compilePhraseBook(
      (Object.entries(lists) as Array<[Label, readonly string[] | undefined]>).map(([label, phrases]) => ({
        label,
        phrases: phrases ?? [],
      })),
      lexicon,
    );
  return {
    lexicon,
    plainLexicon: { ...lexicon, textSpeak: {} },
    // Written in another language, its negations are that language's even where they are words
    // of this one: "no known gang links" is not the Polish "gang".
    foreignLexicon: { ...lexicon, textSpeak: {}, readAsWritten: true, negations: new Set([...lexicon.negations, ...everyNegation]) },
    vocabulary,
    danger: withLookAlikes(
      danger.lookAlikes[language] ?? [],
      DANGER_CATEGORIES.map((category) => [category, danger.categories[category].phrases[language] ?? []] as const),
      // Every kind of danger the words say is heard, so the advice fits the worst need (an ambulance).
      { labelsShareWords: true },
    ),
    disclosures: withLookAlikes<Disclosure>(
      words.disclosureLookAlikes,
      (Object.entries(words.disclosures) as Array<[Disclosure, readonly string[]]>).map(([disclosure, phrases]) => [disclosure, phrases]),
    ),
    writers: withLookAlikes(
      words.writerLookAlikes,
      ROLES.map((role) => [role, words.writers[role]] as const),
    ),
    turnabouts: wordsAsRead(words.turnabouts),
    situations: withLookAlikes(
      words.situationLookAlikes,
      SITUATIONS.map((situation) => [situation, words.situations[situation]] as const),
    ),
    questions: labelled(words.questions),
    questionOpeners: new Set(words.questionOpeners.map(normalise)),
    notAnswers: new Set(words.answers.notInThisLanguage.map(normalise)),
    answerLookAlikes: words.answers.lookAlikes,
    situationLookAlikes: words.situationLookAlikes,
    answerEchoes: wordsAsRead(words.answers.echoes),
    greetings: new Set(words.greetings.map(normalise)),
    closings: new Set(words.closings.map(normalise)),
    exclamations: labelled({ exclamation: words.exclamations }),
    lastSeenCues: words.lastSeenCues.map(cuePattern),
    dueBackCues: words.dueBackCues.map(cuePattern),
    whereSeenCues: words.whereSeenCues.map(cuePattern),
    correctionCues: words.correctionCues.map(cuePattern),
    seenWithCues: words.seenWithCues.map(cuePattern),
    companyOpeners: words.companyOpeners.map(cuePattern),
    companyWords: labelled({ person: words.companyWords }),
    thingOpeners: new Set(words.thingOpeners.map(normalise)),
    whenWords: new Set(words.whenWords.map(normalise)),
    speakerWords: wordsAsRead(words.speakerWords),
    othersWords: wordsAsRead(words.othersWords),
    speakerReflexives: new Set(words.speakerReflexives.map(normalise)),
    speakerPossessives: wordsAsRead(words.speakerPossessives),
    othersPossessives: wordsAsRead(words.othersPossessives),
    bodyWords: wordsAsRead(words.bodyWords),
    householdWords: wordsAsRead(words.householdWords),
    othersReflexives: new Set(words.othersReflexives.map(normalise)),
    sayingWords: wordsAsRead(words.sayingWords),
    togetherWords: wordsAsRead(words.togetherWords),
    answerTails: labelled({ tail: words.answers.tails }),
    referenceCues: words.referenceCues.map((cue) => textWords(cue)).sort((a, b) => b.length - a.length),
    bookingRequests: labelled(words.bookingRequests),
    workerWishes: labelled(words.workerWishes),
    factCues: withLookAlikes<StatedFact>(
      words.factLookAlikes,
      (Object.entries(words.factCues) as Array<[StatedFact, readonly string[] | undefined]>).map(([fact, phrases]) => [
        fact,
        phrases ?? [],
      ]),
    ),
    // One word each, and never a number: Arabizi "7abba" must not make "7" a pill.
    pillWords: new Set([...wordsAsRead(words.pillWords)].filter((word) => !/\d/.test(word))),
    takenWords: new Set(wordsAsRead(words.takenWords)),
    injuriesNow: labelled({ injured: words.injuriesNow }),
    longPast: labelled({ longPast: words.longPast, stillNow: words.stillNow }),
    earlierReturns: labelled({ earlierReturn: [...words.earlierReturns, ...words.longPast] }),
    roleMistakes: labelled({ roleMistake: words.roleMistakes }),
    meansPlaces: labelled({ meansPlace: words.meansPlaces }),
    // Each cue as the tokeniser writes a word ("godzin" -> "godzing"), so the two compare.
    ageCues: {
      after: wordsAsRead(words.ageCues.after),
      before: wordsAsRead(words.ageCues.before),
      subjects: wordsAsRead(words.ageCues.subjects),
      others: wordsAsRead(words.ageCues.others),
      male: wordsAsRead(words.ageCues.male),
      female: wordsAsRead(words.ageCues.female),
      partners: wordsAsRead(words.ageCues.partners),
      units: wordsAsRead(words.ageCues.units),
      siblings: wordsAsRead(words.ageCues.siblings),
      relatives: wordsAsRead(words.ageCues.relatives),
      pronouns: wordsAsRead(words.ageCues.pronouns),
      verbs: wordsAsRead(words.ageCues.verbs),
      possessives: wordsAsRead(words.ageCues.possessives),
      own: wordsAsRead(words.ageCues.own),
      corrections: wordsAsRead(words.ageCues.corrections),
      birthdays: wordsAsRead(words.ageCues.birthdays),
      insteadOf: wordsAsRead(words.ageCues.insteadOf),
    },
    answers: withLookAlikes<EverydayAnswer>(words.answers.lookAlikes, [
      ['yes', words.answers.yes],
      ['no', words.answers.no],
      ['unknown', words.answers.unknown],
      ['skip', words.answers.skip],
    ]),
    ageSooner: labelled({ sooner: [...words.answers.ageSooner, ...words.answers.ageBirthdaySoon] }),
    fine: labelled({ fine: words.answers.fine }),
    appearance: labelled({ appearance: words.appearance }),
    placeWords: labelled({ place: words.placeWords }),
  };
}

function emptyLexicon(): UnderstandingLexicon {
  const none = ['-'];
  // Every list the schema can leave empty is left to its default.
  return understandingSchema.parse({
    summary: '',
    textSpeak: {},
    reflexives: [],
    negations: none,
    clauseBreaks: none,
    answers: { yes: none, no: none, unknown: none, skip: none, ageSooner: none, ageBirthdaySoon: none },
    disclosures: { hurtAtHome: none, thrownOut: none, scaredToGoHome: none, madeToDoThings: none, childExploited: none },
    writers: { parent: none, youngPerson: none, carer: none, professional: none },
    situations: { missingNow: none, back: none, away: none, prepare: none },
    questions: Object.fromEntries(QUESTIONS_ASKED.map((question) => [question, none])),
  });
}

export function languageOf(locale: string): string {
  return locale.toLowerCase().split('-')[0] ?? 'en';
}

/** Ages a child can be while the guidance applies; a number outside this is not read as an age in passing. */
const AGE_IN_PASSING = { youngest: 1, oldest: 25 };
/** The highest hour said on a twelve-hour clock: "9 not 10" may be a time, "13 not 14" is an age. */
export const LAST_CLOCK_HOUR = 12;

/**
 * The first age said in passing: a number with an age word after it ("14 years", "14yo") or
 * before it ("aged 14"), or said of someone ("he is 14", "my son is 14"); "hes 14, 15 in june"
 * gives 14.
 */
/** "our lad (15) hasn't come back": an age in brackets right after who it is. */
function ageInBrackets(text: string, cues: LanguageReader['ageCues']): number | undefined {
  for (const [, who, age] of text.matchAll(/(\p{L}+)\s*\(\s*(\d{1,2})\s*\)/gu)) {
    const value = Number(age);
    if (cues.subjects.has(normalise(who ?? '')) && value >= AGE_IN_PASSING.youngest && value <= AGE_IN_PASSING.oldest) return value;
  }
  return undefined;
}

/** How far back, in its own sentence, a word for someone else makes an age theirs ("her boyfriend who is 17"). */
const OTHER_PERSON_REACH = 4;

function saidOfSomeoneElse(tokens: readonly Token[], at: number, cues: LanguageReader['ageCues']): boolean {
  let crossed = false;
  let seen = 0;
  for (let back = at - 1; back >= 0 && seen < OTHER_PERSON_REACH; back -= 1) {
    const token = tokens[back];
    if (!token) return false;
    if (token.word === '.') {
      if (crossed) return false;
      crossed = true;
      // The clause before is searched as far back as the age's own ("her boyfriends i think, hes 19").
      seen = 0;
      continue;
    }
    seen += 1;
    // "at her boyfriends, hes 19": by stem, so plurals and possessives count.
    if (cues.others.has(token.word) || cues.others.has(token.stem)) {
      if (!crossed) return true;
      // Across a comma, only when the age is said of another sex than the child's ("her" boyfriend,
      // "she's got an older boyfriend": the nearest he or she before, in that clause; "he" is 19).
      const child = genderBefore(tokens, back, cues);
      const subject = genderOf(subjectBefore(tokens, at), cues);
      return child !== undefined && subject !== undefined && child !== subject;
    }
  }
  return false;
}

/** The word an age is said of: "he" in "he is 19", "hes only 19" or "he 19". */
function subjectBefore(tokens: readonly Token[], at: number): string | undefined {
  for (let back = at - 1; back >= 0 && back >= at - 3; back -= 1) {
    const word = tokens[back]?.word;
    if (word === undefined || word === '.') return undefined;
    if (!['is', 'was', 'only', 'just', 'turned', 's'].includes(word)) return word;
  }
  return undefined;
}

function genderBefore(tokens: readonly Token[], at: number, cues: LanguageReader['ageCues']): 'male' | 'female' | undefined {
  for (let back = at - 1; back >= 0 && tokens[back]?.word !== '.'; back -= 1) {
    const gender = genderOf(tokens[back]?.word, cues);
    if (gender) return gender;
  }
  return undefined;
}

const genderOf = (word: string | undefined, cues: LanguageReader['ageCues']): 'male' | 'female' | undefined =>
  word === undefined ? undefined : cues.male.has(word) ? 'male' : cues.female.has(word) ? 'female' : undefined;

/** "a 25yo guy": the first person named after "25 year old" is someone other than the child. */
function ageOfOneNamedAfter(tokens: readonly Token[], at: number, cues: LanguageReader['ageCues']): boolean {
  for (const token of tokens.slice(at + 1, at + 5)) {
    if (token.word === '.' || cues.subjects.has(token.word)) return false;
    if (cues.others.has(token.word) || cues.others.has(token.stem)) return true;
  }
  return false;
}

/** What an adult partner's age says: grooming, as "older boyfriend" in the phrase book. */
const ADULT_PARTNER_DANGER: readonly DangerCategory[] = ['exploitation'];

/** Words that may stand between who is meant and their age ("hes only 22", "who is actually 27", "like 25"). */
const AGE_SOFTENERS: ReadonlySet<string> = new Set([
  'only',
  'just',
  'about',
  'around',
  'like',
  'nearly',
  'over',
  'actually',
  'apparently',
  'maybe',
  'prob',
  'probably',
  'roughly',
]);

/** Softeners that leave the child's age as said: "nearly 15" is 14 and "over 12" is no age. */
const CHILD_AGE_SOFTENERS: ReadonlySet<string> = new Set([...AGE_SOFTENERS].filter((word) => word !== 'nearly' && word !== 'over'));

/** How many years older than a child of 16 or 17 a partner must be to be a sign rather than a peer. */
const PARTNER_GAP_AT_SIXTEEN = 3;

/** How far back a partner may be named before "he is 27": across one full stop or comma. */
const PARTNER_REACH = 8;

/**
 * An adult's age said of a partner or a man or woman with the child: "her boyfriend is 22", "at
 * her girlfriends, she 22", "a 25yo guy", "a man of 24". The number must read as an age: an age
 * word after it, or who it is said of just before it, and no unit after it ("22 mins away", "the
 * 22 bus"); "at 22" is an address or a time. A child said to be 16 or 17 with a partner a year
 * or two older is not a sign.
 */
function adultPartnerSaid(tokens: readonly Token[], cues: LanguageReader['ageCues'], childAge: number | undefined): boolean {
  return tokens.some((_token, at) => adultPartnerAgeAt(tokens, at, cues, childAge));
}

/** Whether the number at `at` is an adult partner's age (see adultPartnerSaid). */
function adultPartnerAgeAt(tokens: readonly Token[], at: number, cues: LanguageReader['ageCues'], childAge: number | undefined): boolean {
  const token = tokens[at];
  if (token === undefined || !/^\d{2}$/.test(token.word)) return false;
  const age = Number(token.word);
  if (age < ADULT_AGE || (childAge !== undefined && childAge >= 16 && age - childAge < PARTNER_GAP_AT_SIXTEEN)) return false;
  const next = tokens[at + 1];
  if (next !== undefined && cues.after.has(next.word)) {
    // "a 22 year old guy", "her boyfriend is 22 years old".
    return tokens.slice(at + 1, at + 5).some((after) => isPartner(after, cues)) || partnerBefore(tokens, at, cues);
  }
  if (next !== undefined && (cues.units.has(next.word) || /^\d/.test(next.word))) return false;
  let before = at - 1;
  while (before >= 0 && AGE_SOFTENERS.has(tokens[before]?.word ?? '')) before -= 1;
  const previous = tokens[before];
  if (previous === undefined) return false;
  const saysWho =
    cues.verbs.has(previous.word) ||
    previous.word === 's' ||
    cues.before.has(previous.word) ||
    cues.male.has(previous.word) ||
    cues.female.has(previous.word) ||
    isPartner(previous, cues) ||
    (previous.word === 'of' && isPartner(tokens[before - 1], cues));
  return saysWho && partnerBefore(tokens, at, cues);
}

const isPartner = (token: Token | undefined, cues: LanguageReader['ageCues']): boolean =>
  token !== undefined && (cues.partners.has(token.word) || cues.partners.has(token.stem));

/** The age at `at` is said of someone other than the child: "her boyfriend who is 17", "a 25yo guy". */
function ageIsSomeoneElses(tokens: readonly Token[], at: number, cues: LanguageReader['ageCues']): boolean {
  return saidOfSomeoneElse(tokens, at, cues) || (cues.after.has(tokens[at + 1]?.word ?? '') && ageOfOneNamedAfter(tokens, at, cues));
}

/** The numbers a message says are no age of the child's: someone else's ("her boyfriend, hes 25", "a 25yo guy"), or a time ("9 this morning"). */
function agesOfOthers(tokens: readonly Token[], cues: LanguageReader['ageCues']): Set<number> {
  const others = new Set<number>();
  tokens.forEach((token, at) => {
    if (!/^\d{1,2}$/.test(token.word)) return;
    if (cues.units.has(tokens[at + 1]?.word ?? '') || adultPartnerAgeAt(tokens, at, cues, undefined) || ageIsSomeoneElses(tokens, at, cues))
      others.add(Number(token.word));
  });
  return others;
}

/** A partner's word within reach before `at`, in its clause or the one before ("her girlfriend, she 22"). */
function partnerBefore(tokens: readonly Token[], at: number, cues: LanguageReader['ageCues']): boolean {
  let crossed = false;
  for (let back = at; back >= 0 && at - back <= PARTNER_REACH; back -= 1) {
    const token = tokens[back];
    if (token?.word === '.') {
      if (crossed) return false;
      crossed = true;
      continue;
    }
    if (isPartner(token, cues)) return true;
  }
  return false;
}

/** Kinds that say how urgent, not what happened: they never give way to a longer phrase. */
const URGENCY_KINDS: ReadonlySet<DangerCategory> = new Set(['immediate', 'medical']);

/**
 * A phrase inside a longer phrase of another kind gives way to it: "groomed by a gang" is
 * exploitation, not also the sexual harm "groomed" alone would be. Danger now and a medical
 * emergency always stand ("jump off" inside "jump off the bridge" is still danger now).
 */
function mostSpecific(matches: ReadonlyArray<PhraseMatch<DangerCategory>>): Array<PhraseMatch<DangerCategory>> {
  return matches.filter(
    (match) =>
      URGENCY_KINDS.has(match.label) ||
      !matches.some(
        (wider) =>
          wider.label !== match.label &&
          wider.positions.length > match.positions.length &&
          match.positions.every((position) => wider.positions.includes(position)),
      ),
  );
}

/** Every word a language's content uses (its phrases, cues and options), lower case. */
function wordsOfContent(values: readonly unknown[]): Set<string> {
  const found = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === 'string') for (const word of value.toLowerCase().split(/\s+/)) found.add(word);
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(visit);
  };
  values.forEach(visit);
  return found;
}

/** How many pills at once make an overdose to act on ("took 20 paracetamol", "połknęłam 15 tabletek"). */
const OVERDOSE_PILLS = 5;
/** How far after the number the pills may be named ("20 of my mums paracetamol"). */
const PILLS_REACH = 5;

/** A number of pills said ("like 20 paracetamol", "am luat 20 de pastile"): an overdose, in any words around it. */
function pillsCounted(tokens: readonly Token[], pillWords: ReadonlySet<string>): boolean {
  return tokens.some(
    (token, at) =>
      /^\d{1,3}$/.test(token.word) &&
      Number(token.word) >= OVERDOSE_PILLS &&
      tokens.slice(at + 1, at + 1 + PILLS_REACH).some((after) => pillWords.has(after.word)),
  );
}

/** The child's age said in passing, and where its number is. */
function ageSaid(tokens: readonly Token[], cues: LanguageReader['ageCues']): { value: number; at: number } | undefined {
  const found: Array<{ value: number; at: number }> = [];
  tokens.forEach((token, at) => {
    // "03/05/2013" is a date: a number written with a leading zero, or followed by another, is part of one.
    if (!/^[1-9]\d?$/.test(token.word)) return;
    const value = Number(token.word);
    if (value < AGE_IN_PASSING.youngest || value > AGE_IN_PASSING.oldest) return;
    const next = tokens[at + 1]?.word ?? '';
    const previous = tokens[at - 1]?.word ?? '';
    if (/^\d/.test(next) || /^\d/.test(previous)) return;
    // "she is only 9", "hes about 13 or 14": a word that softens the number stands between.
    const verbAt = CHILD_AGE_SOFTENERS.has(previous) ? at - 2 : at - 1;
    const verb = tokens[verbAt]?.word ?? '';
    // "i meant 9 this morning", "9 pm", "19 months old": not an age in years; but "she turned 15 last month" is.
    if (cues.units.has(next) && !cues.birthdays.has(verb)) return;
    // "13 not 14 sorry", "sorry 13 not 14": the first is the age meant, the second the one taken
    // back; not "he left at 9 not 10", nor "9 not 10" at a time question (no clock has a 13 o'clock said so).
    const opensClause = at === 0 || previous === '.' || cues.corrections.has(previous);
    const takenBack =
      opensClause &&
      value > LAST_CLOCK_HOUR &&
      cues.insteadOf.has(next) &&
      /^\d{1,2}$/.test(tokens[at + 2]?.word ?? '') &&
      Math.abs(Number(tokens[at + 2]?.word) - value) <= 5;
    const subject = tokens[verbAt - 1]?.word ?? '';
    // "her brother is 17", "his brother whos 21": a sibling's age, not the child's.
    const siblingAt = cues.pronouns.has(subject) ? verbAt - 2 : verbAt - 1;
    const someonesSibling =
      (cues.siblings.has(tokens[siblingAt]?.word ?? '') && cues.possessives.has(tokens[siblingAt - 1]?.word ?? '')) ||
      (cues.possessives.has(previous) && tokens.slice(at + 1, at + 5).some((after) => cues.siblings.has(after.word)));
    const saidOf = cues.verbs.has(verb) && cues.subjects.has(subject);
    if (
      (cues.after.has(next) || cues.before.has(previous) || saidOf || takenBack || namedChild(tokens, at, cues)) &&
      !someonesSibling &&
      !ageIsSomeoneElses(tokens, at, cues)
    )
      found.push({ value, at });
  });
  // "shes with a boy he is 19 ..., she is 13": an adult's age, then a child's, is the child's.
  const [first] = found;
  if (first && first.value >= ADULT_AGE) {
    // "went off with a man from snapchat, he says hes 19": beside a man, boyfriend or the like, an
    // adult's age alone is theirs; the child's is asked, not taken to be 19.
    const partnerNamed = tokens.some((token) => isPartner(token, cues));
    return found.find((age) => age.value < ADULT_AGE) ?? (partnerNamed ? undefined : first);
  }
  return first;
}

/** How far after an age its correction may come ("14 no wait 13"). */
const CORRECTION_REACH = 3;

/** "my lad is 14 no wait 13": the number just after words that take the first back. */
function correctedAge(
  tokens: readonly Token[],
  said: { value: number; at: number },
  corrections: ReadonlySet<string>,
): { value: number; at: number } | undefined {
  const takenBack = tokens.slice(said.at + 1, said.at + 1 + CORRECTION_REACH).findIndex((token) => corrections.has(token.word));
  if (takenBack < 0) return undefined;
  // The new number comes next, or one word on ("no wait its 13").
  const next = said.at + 2 + takenBack;
  const at = [next, next + 1].find((index) => /^[1-9]\d?$/.test(tokens[index]?.word ?? ''));
  if (at === undefined) return undefined;
  const value = Number(tokens[at]?.word);
  return value >= AGE_IN_PASSING.youngest && value <= AGE_IN_PASSING.oldest ? { value, at } : undefined;
}

/** How far after an age a birthday may be said ("18 next week", "15 in march"). */
const BIRTHDAY_REACH = 2;

/** The child's age said in passing, as it is now: "my son is 18 next week" is 17. */
function childAgeNow(
  tokens: readonly Token[],
  reader: Pick<LanguageReader, 'ageCues' | 'ageSooner'>,
): { value: number; at: number } | undefined {
  const first = ageSaid(tokens, reader.ageCues);
  if (!first) return undefined;
  const said = correctedAge(tokens, first, reader.ageCues.corrections) ?? first;
  const birthdaySoon = reader.ageSooner.find(tokens).some((match) => match.start > said.at && match.start <= said.at + BIRTHDAY_REACH);
  return { value: birthdaySoon && said.value > 0 ? said.value - 1 : said.value, at: said.at };
}

/** How far back in its clause the person an age is said of may stand ("my nephew Kyle who is 12"). */
const AGE_SUBJECT_REACH = 5;

/**
 * Whom an age is said of, when it is not plainly the writer's own child: a relative, or "he" or
 * "she". An age taken back ("no wait shes 14", "sorry i meant hes 12") is the child's.
 */
function ageSubjectAt(tokens: readonly Token[], at: number, cues: LanguageReader['ageCues']): StatedFacts['ageSaidOf'] {
  // Before the age in its clause, or just after it ("shes 13 actually"); not "who is 12 was meant to".
  const before = tokens.slice(0, at);
  const around = [...before.slice(before.map((token) => token.word).lastIndexOf('.') + 1), tokens[at + 1]];
  if (around.some((token) => token !== undefined && cues.corrections.has(token.word))) return undefined;
  for (let back = at - 1; back >= 0 && at - back <= AGE_SUBJECT_REACH; back -= 1) {
    const word = tokens[back]?.word;
    if (word === undefined || word === '.') return undefined;
    if (cues.pronouns.has(word)) continue;
    if (cues.relatives.has(word)) return 'relative';
    if (genderOf(word, cues)) return 'heOrShe';
    if (cues.subjects.has(word)) return undefined;
  }
  return undefined;
}

/**
 * "my daughter Chloe, 14", "my son jake (12)": the number just after the writer's own child and,
 * at most, a name between.
 */
function namedChild(tokens: readonly Token[], at: number, cues: LanguageReader['ageCues']): boolean {
  const before = tokens.slice(Math.max(0, at - 5), at).map((token) => token.word);
  const from = Math.max(0, at - 5);
  // "daughter 16 not home": the message opens with the child, the age just after.
  // "my little boy Alfie is 7": a word may stand between "my" and the child, unless it names someone else ("my mates boy").
  const ownBefore = (index: number) =>
    cues.own.has(before[index - 1] ?? '') ||
    (cues.own.has(before[index - 2] ?? '') && !cues.others.has(before[index - 1] ?? '') && !cues.possessives.has(before[index - 1] ?? ''));
  const nounAt = before.findIndex(
    (word, index) => cues.subjects.has(word) && (ownBefore(index) || (from + index === 0 && index === before.length - 1)),
  );
  if (nounAt < 0) return false;
  // "my son jake (12)", "my daughter Chloe, 14", "my son Alfie is 9".
  const between = before.slice(nounAt + 1).filter((word) => word !== '.' && !cues.verbs.has(word));
  return between.length <= 1 && between.every((word) => !cues.units.has(word) && !/^\d/.test(word));
}

/** The label with the most words of cue; a tie is broken by `preference`, never guessed otherwise. */
function strongest<Label extends string>(
  matches: ReadonlyArray<{ label: Label; positions: readonly number[] }>,
  preference: readonly Label[],
): Label | undefined {
  const weight = new Map<Label, number>();
  const first = new Map<Label, number>();
  for (const match of matches) {
    weight.set(match.label, (weight.get(match.label) ?? 0) + match.positions.length);
    first.set(match.label, Math.min(first.get(match.label) ?? Infinity, ...match.positions));
  }
  const best = Math.max(0, ...weight.values());
  if (best === 0) return undefined;
  // As strong: the one said first ("residential worker here, one of our girls..."), then the preference.
  const tied = preference.filter((label) => weight.get(label) === best);
  return tied.reduce<Label | undefined>(
    (chosen, label) => (chosen === undefined || (first.get(label) ?? 0) < (first.get(chosen) ?? 0) ? label : chosen),
    undefined,
  );
}

type Whose = 'writer' | 'someoneElse';

/**
 * Whom the danger is to, clause by clause, for every category: a person word among the danger
 * words says it ("wont let me leave", "gave her drugs"), or the one just after them ("threatening
 * her"), or else the nearest before them ("my mate is at some guys flat": the mate). A clause that
 * names nobody ("and shes not answering, some guys flat") is about whoever the clause before named.
 */
function dangerOf(text: string, reader: LanguageReader): Whose[] {
  const found = new Set<Whose>();
  const whoseWord = (word: string): Whose | undefined =>
    reader.speakerWords.has(word) || reader.speakerReflexives.has(word)
      ? 'writer'
      : reader.othersWords.has(word) || reader.othersReflexives.has(word)
        ? 'someoneElse'
        : undefined;
  let named: Whose | undefined;
  for (const clause of text.split(/[,;!?\n]|\.(?!\d)/u)) {
    const tokens = tokenise(clause, reader.lexicon);
    const words = tokens.map((token) => whoseWord(token.word));
    for (const match of reader.danger.find(tokens)) {
      if (match.negated) continue;
      // "keeps coming in my room at night", "share my nudes": the writer's own, among the danger
      // words or just before them, is theirs.
      const owned = tokens.slice(Math.max(0, match.start - 1), match.end + 1).some((token) => reader.speakerPossessives.has(token.word));
      // "i saw burns on his arms": his, among the danger words, whoever saw them.
      const theirs = someoneElsesBody(tokens.slice(match.start, match.end + 1), reader);
      // So is a call for help passed on ("she sent me a msg saying help"): the sender's.
      const passedOn = match.phrase.split(' ').some((word) => reader.sayingWords.has(word));
      // "she snapchatted me help": the one it was sent to is not whose danger it is.
      const addressee = (at: number) => passedOn && reader.sayingWords.has(tokens[at - 1]?.word ?? '');
      const within = new Set([
        ...words
          .slice(match.start, match.end + 1)
          .filter((whose, offset) => whose !== undefined && !(whose === 'writer' && addressee(match.start + offset))),
        ...(owned ? (['writer'] as const) : []),
        ...(theirs ? (['someoneElse'] as const) : []),
      ]);
      // The object just after a verb of harm ("hitting me"), never a new subject further on ("took pills and she found me").
      const after = words[match.end + 1];
      const before = tokens.slice(0, match.start);
      // "she texted me saying goodbye" is her talk of ending a life; "he says i have to do runs for
      // him" is the writer's danger: only talk of ending a life, or a call for help passed on, is whoever says it.
      const saying = match.label === 'suicideSelfHarm' || passedOn ? sayingStarts(before, reader) : -1;
      let nearestAt = saying < 0 ? before.length - 1 : saying - 1;
      while (nearestAt >= 0 && words[nearestAt] === undefined) nearestAt -= 1;
      const nearest = words[nearestAt];
      // "me and my mate are at some guys flat": both of them.
      let joined = nearestAt - 1;
      while (joined >= 0 && reader.togetherWords.has(tokens[joined]?.word ?? '')) joined -= 1;
      const withWriter = nearest === 'someoneElse' && joined < nearestAt - 1 && words[joined] === 'writer';
      // "i have to do some runs for him", "i had to sleep with him": someone named last, for or with
      // whom the writer does it, is not whose danger it is.
      const forSomeoneElse =
        nearest === 'writer' &&
        (within.size === 0 || (within.size === 1 && within.has('someoneElse') && words[match.end] === 'someoneElse'));
      const fromNearest = within.size === 0 && (after === undefined || forSomeoneElse) && nearest !== undefined;
      const whose = forSomeoneElse
        ? 'writer'
        : within.size === 1
          ? [...within][0]
          : within.size === 2
            ? undefined
            : // The words after a call for help passed on are the sender's own ("saying help im scared").
              ((passedOn ? undefined : after) ?? nearest ?? named);
      if (within.size === 2 || (fromNearest && withWriter)) {
        found.add('writer');
        found.add('someoneElse');
      } else if (whose) found.add(whose);
    }
    named = words.filter((whose) => whose !== undefined).pop() ?? named;
  }
  return [...found];
}

/** "his arms", "their wrists": someone else's body among these words. */
function someoneElsesBody(tokens: readonly Token[], reader: LanguageReader): boolean {
  return tokens.some((token, at) => reader.othersPossessives.has(token.word) && reader.bodyWords.has(tokens[at + 1]?.word ?? ''));
}

/**
 * Where the last words of saying before a phrase begin, with whom it was said to ("texted me
 * saying", "told me"): the one saying it comes before them. -1 without any.
 */
function sayingStarts(before: readonly Token[], reader: LanguageReader): number {
  let at = before.map((token) => reader.sayingWords.has(token.word)).lastIndexOf(true);
  if (at < 0) return at;
  const toWriterOrSaying = (word: string) => reader.sayingWords.has(word) || reader.speakerWords.has(word);
  // "he sent me a text saying": one other word ("a") between the words of the saying is stepped over too.
  const stepBack = (from: number): number => {
    const previous = before[from - 1]?.word ?? '';
    if (toWriterOrSaying(previous)) return 1;
    return !reader.othersWords.has(previous) && from > 1 && toWriterOrSaying(before[from - 2]?.word ?? '') ? 2 : 0;
  };
  for (let step = stepBack(at); at > 0 && step > 0; step = stepBack(at)) at -= step;
  // "i said" is the writer: the walk stops at a writer who says it.
  while (at < before.length && reader.speakerWords.has(before[at]?.word ?? '')) at += 1;
  return at;
}

/**
 * Whom talk of ending a life is about, clause by clause: a reflexive says it ("kill herself"),
 * or else the nearest person word before the danger words ("i think she wants to die": she).
 */
function suicideOf(text: string, reader: LanguageReader): Array<'writer' | 'someoneElse'> {
  const found = new Set<'writer' | 'someoneElse'>();
  for (const clause of text.split(/[,;!?\n]|\.(?!\d)/u)) {
    const tokens = tokenise(clause, reader.lexicon);
    const match = reader.danger.find(tokens).find((candidate) => candidate.label === 'suicideSelfHarm' && !candidate.negated);
    if (!match) continue;
    const written = textWords(clause);
    // "i saw burns on his arms": his, among the danger words.
    const theirs = someoneElsesBody(tokens.slice(match.start, match.end + 1), reader);
    if (theirs || written.some((word) => reader.othersReflexives.has(word))) found.add('someoneElse');
    else if (written.some((word) => reader.speakerReflexives.has(word))) found.add('writer');
    else {
      // "shes saying next time ill do it properly", "she texted me saying sorry for everything and goodbye": whoever is saying it.
      const before = tokens.slice(0, match.start);
      const saying = sayingStarts(before, reader);
      const nearest = before
        .slice(0, saying < 0 ? before.length : saying)
        .reverse()
        .find((token) => reader.speakerWords.has(token.word) || reader.othersWords.has(token.word));
      if (nearest) found.add(reader.speakerWords.has(nearest.word) ? 'writer' : 'someoneElse');
    }
  }
  return [...found];
}

/**
 * Who is gone, clause by clause: the nearest person word before the first cue of being away or
 * not back ("im 14 and my friend ran away": the friend), or both when the writer is joined to
 * them ("me and my mate ran off").
 */
function missingOf(text: string, reader: LanguageReader): Array<'writer' | 'someoneElse'> {
  const found = new Set<'writer' | 'someoneElse'>();
  for (const clause of text.split(/[,;!?\n]|\.(?!\d)/u)) {
    const tokens = tokenise(clause, reader.lexicon);
    const [cue] = situationCues(reader.situations.find(tokens)).filter((match) => match.label === 'missingNow' || match.label === 'away');
    if (!cue) continue;
    const before = tokens.slice(0, cue.start);
    const personAt = (at: number) => reader.speakerWords.has(before[at]?.word ?? '') || reader.othersWords.has(before[at]?.word ?? '');
    let nearest = before.length - 1;
    while (nearest >= 0 && !personAt(nearest)) nearest -= 1;
    if (nearest < 0) continue;
    if (reader.speakerWords.has(before[nearest]?.word ?? '')) {
      found.add('writer');
      continue;
    }
    found.add('someoneElse');
    let joined = nearest - 1;
    while (joined >= 0 && reader.togetherWords.has(before[joined]?.word ?? '')) joined -= 1;
    if (joined < nearest - 1 && reader.speakerWords.has(before[joined]?.word ?? '')) found.add('writer');
  }
  return [...found];
}

/**
 * What a message says is happening, from its cues: a return said with a negation ("never came
 * back", "isnt home") means the child is still missing; words that only look like a cue ("the
 * back door", "usually back by 6") are labelled `none` in content and say nothing.
 */
function situationCues(matches: ReadonlyArray<PhraseMatch<Situation | 'none'>>): Array<PhraseMatch<Situation>> {
  const cues: Array<PhraseMatch<Situation>> = [];
  for (const match of matches) {
    if (match.label === 'none') continue;
    if (!match.negated) cues.push({ ...match, label: match.label });
    else if (match.label === 'back') cues.push({ ...match, label: 'missingNow' });
  }
  return cues;
}

/**
 * "am fugit sambata dar acum m-am intors": when the words say both gone and back, and a word that
 * turns to now ("but", "now", "dar", "ale") stands between them, what follows it is the situation.
 */
function situationNow(
  cues: ReadonlyArray<PhraseMatch<Situation>>,
  tokens: readonly Token[],
  turnabouts: ReadonlySet<string>,
): ReadonlyArray<PhraseMatch<Situation>> {
  const mixed = cues.some((cue) => cue.label === 'back') && cues.some((cue) => cue.label !== 'back' && cue.label !== 'prepare');
  if (!mixed) return cues;
  let turn = -1;
  tokens.forEach((token, at) => {
    if (turnabouts.has(token.word) && cues.some((cue) => cue.end < at) && cues.some((cue) => cue.start > at)) turn = at;
  });
  return turn < 0 ? cues : cues.filter((cue) => cue.start > turn);
}

/** How close after "came back" a time must be to say when that return was ("came back last week"). */
const RETURN_TIME_WITHIN = 4;

/**
 * "not back, ... she came back last week with a key card": beside words of being gone, a return
 * said with a time long past is an earlier episode, not a return now.
 */
function withoutPastReturns(
  cues: ReadonlyArray<PhraseMatch<Situation>>,
  tokens: readonly Token[],
  earlierReturns: PhraseBook<'earlierReturn'>,
): ReadonlyArray<PhraseMatch<Situation>> {
  const gone = cues.some((cue) => cue.label === 'missingNow' || cue.label === 'away');
  if (!gone || !cues.some((cue) => cue.label === 'back')) return cues;
  const times = earlierReturns.find(tokens).filter((time) => !time.negated);
  const returnedThen = (cue: PhraseMatch<Situation>) =>
    times.some((time) => time.start > cue.end && time.start - cue.end <= RETURN_TIME_WITHIN && sameSentence(tokens, cue.end, time.start));
  return cues.filter((cue) => cue.label !== 'back' || !returnedThen(cue));
}

/** The fewest words a sentence ending in a question mark needs to be the user's own question, not a doubtful answer ("yes?"). */
const QUESTION_MIN_WORDS = 3;

/** The label, in a book of options, of words that look like one and are none: no option has it. */
const NO_OPTION = '\u0000none';

// A point between digits ("8.30", "07700.900123") is inside a sentence, not its end.
const sentencesOf = (text: string): string[] => text.match(/(?:[^.!?؟\n]|(?<=\d)\.(?=\d))+[.!?؟\n]*/g) ?? [text];

/** A sentence of a few words that ends in a question mark, or opens with words that ask ("where can", "czy"). */
function sentenceAsks(sentence: string, openers: ReadonlySet<string>): boolean {
  return textWords(sentence).length >= QUESTION_MIN_WORDS && (/[?؟]\s*$/.test(sentence) || opensAsking(sentence, openers));
}

function opensAsking(sentence: string, openers: ReadonlySet<string>): boolean {
  const [first = '', second = ''] = textWords(sentence);
  return openers.has(first) || openers.has(`${first} ${second}`);
}

/** The message without the sentences that ask something ("..., is that right?"); see `withoutQuestions`. */
function withoutQuestionsAsked(text: string, openers: ReadonlySet<string>, keepDoubtful = false): string {
  return sentencesOf(text)
    .filter((sentence) => !sentenceAsks(sentence, openers) || (keepDoubtful && !opensAsking(sentence, openers)))
    .join(' ');
}

/** Filler between a reference's cue and the reference ("ref no", "log number is", "ref:"). */
const REFERENCE_FILLER = new Set(['no', 'number', 'is', 'was']);

/**
 * A police reference said after its cue ("ref 46-0212", "police ref is KP-20261126-1487"), as
 * written: the first word after the cue and its filler, with at least one digit. Cues are matched
 * as words, as everything from content is.
 */
function policeReferenceIn(text: string, cuesByLanguage: ReadonlyArray<readonly (readonly string[])[]>): { policeReference?: string } {
  const raw = text.split(/[\s:#]+/).filter(Boolean);
  const typed = raw.map((token) => normalise(token));
  for (const cues of cuesByLanguage) {
    for (let at = 0; at < typed.length; at += 1) {
      const cue = cues.find((words) => words.every((word, offset) => typed[at + offset] === word));
      if (!cue) continue;
      let next = at + cue.length;
      while (next < typed.length && (typed[next] === '' || REFERENCE_FILLER.has(typed[next] ?? ''))) next += 1;
      const reference = raw[next]?.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
      if (reference && /\p{N}/u.test(reference) && /^[\p{L}\p{N}/-]{2,25}$/u.test(reference)) return { policeReference: reference };
    }
  }
  return {};
}

/** Whether no sentence end stands between two token positions. */
function sameSentence(tokens: readonly Token[], one: number, other: number): boolean {
  const [from, to] = one < other ? [one, other] : [other, one];
  return !tokens.slice(from, to).some((token) => token.word === '.');
}

function earliest<Label>(matches: ReadonlyArray<{ label: Label; start: number }>): Label | undefined {
  return [...matches].sort((a, b) => a.start - b.start)[0]?.label;
}

function wholeNumbers(text: string, culture: string): number[] {
  return recognizeNumber(westernDigits(text), culture)
    .map((result) => Number((result.resolution as { value?: string } | undefined)?.value))
    .filter((value) => Number.isInteger(value));
}

export type { Token };
