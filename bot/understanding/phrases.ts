// Finds phrases from content in what people type, the way people type: text speak spelled out,
// words compared by stem (nlp.js), one wrong letter forgiven in long words, other words allowed
// between a phrase's words, and a phrase set aside only when a negation stands just before it
// in the same clause. No pattern is built from content: phrases are compared word by word.
import { normalise } from './text';

export interface Lexicon {
  /** A word as typed -> the words it stands for ("kms" -> "kill myself"). */
  textSpeak: Readonly<Record<string, string>>;
  /** Words read as one ("herself", "myself" -> "self"). */
  reflexives: readonly string[];
  negations: ReadonlySet<string>;
  clauseBreaks: ReadonlySet<string>;
  /** "no" before a new subject ("no he has asthma"): the answer ends there, as a comma would end it. */
  answerFirst: { words: ReadonlySet<string>; subjects: ReadonlySet<string> };
  /** "dont" then a new subject ("if i dont he says hell hurt him"): the negation ends there. */
  negationThenSubject: { words: ReadonlySet<string>; subjects: ReadonlySet<string> };
  /** Real words that are never read as a typo of another ("batter" is not "battered"). */
  protectedWords: ReadonlySet<string>;
  /** Words that open a noun phrase ("my", "the"): only such a gap may be two words long. */
  nounOpeners: ReadonlySet<string>;
  /**
   * For a message written in another language: its words are compared as written, with no stem
   * and no typo forgiven ("foame", Romanian for hunger, is not "foaming").
   */
  readAsWritten?: boolean;
  stem(word: string): string;
}

export interface Token {
  word: string;
  stem: string;
  /** A phrase's word written "=glassed": only that spelling counts, not its stem ("glasses") or a typo. */
  exact?: boolean;
  /** A word of another language's message: never read as a typo. */
  asWritten?: boolean;
  /** A negation in the message's own language, though a word of the reading one ("no" in Polish). */
  negatesAsWritten?: boolean;
}

/** A phrase as the words to find, in order. */
export type Phrase = readonly Token[];

export interface PhraseMatch<Label> {
  label: Label;
  /** The phrase's words as content wrote them (for reports). */
  phrase: string;
  start: number;
  end: number;
  /** Where the phrase's own words stand (the words between them are not its). */
  positions: number[];
  negated: boolean;
}

const SELF = 'self';
/**
 * Other words a phrase may have between two of its own: one ("forcing her into a car"), or two
 * when they open with a noun opener ("pulled my daughter into a car"). Any two let "grab pack for
 * my daughter" be "grabbed my daughter" and "so sorry to waste" "so wasted".
 */
const MAX_GAP = 2;
/** How far before a phrase a negation is looked for, within its clause. */
const NEGATION_REACH = 4;
const LATIN_WORD = /^\p{Script=Latin}+$/u;
/** Shorter words have too many neighbours one letter away ("night", "fight"). */
const MIN_LENGTH_FOR_TYPO = 6;

/**
 * Where a clause ends: a sentence mark of any script (". ! ? ; : … ؟ ። ।" or a new line) or a
 * comma that is not inside a number ("1,000"). No phrase or negation reaches across it, so
 * "no, but he has a knife" is a no and a knife.
 */
const SENTENCE_END: Token = { word: '.', stem: '.' };
const CLAUSE_MARKS = /[.!?;:\n\u2026\u061f\u061b\u1362\u1367\u0964]+(?:\s|$)|[,\u060c\u1363](?!\d)|\s[-\u2013\u2014]+\s/;

export function tokenise(text: string, lexicon: Lexicon): Token[] {
  const tokens: Token[] = [];
  for (const sentence of text.split(CLAUSE_MARKS)) {
    if (tokens.length > 0 && tokens[tokens.length - 1] !== SENTENCE_END) tokens.push(SENTENCE_END);
    const clause = tokeniseSentence(sentence, lexicon);
    const [first, second] = clause;
    if (first && second && lexicon.answerFirst.words.has(first.word) && lexicon.answerFirst.subjects.has(second.word)) {
      clause.splice(1, 0, SENTENCE_END);
    }
    for (let at = clause.length - 2; at >= 1; at -= 1) {
      const negation = clause[at];
      const subject = clause[at + 1];
      if (
        negation &&
        subject &&
        lexicon.negationThenSubject.words.has(negation.word) &&
        lexicon.negationThenSubject.subjects.has(subject.word)
      )
        clause.splice(at + 1, 0, SENTENCE_END);
    }
    tokens.push(...clause);
  }
  if (tokens[tokens.length - 1] === SENTENCE_END) tokens.pop();
  return tokens;
}

const ARABIZI_LETTER_DIGITS = /[a-z]\d+[a-z]/;
/** One digit Arabizi writes as a letter, then letters: "3and", "2al", "7ayati". */
const ARABIZI_OPENING = /^[235789]([a-z]{2,})$/;
/** What follows a number in English: "3am", "5pm", "9yo", "2nd", "3hrs", "2day". */
const NUMBER_SUFFIXES = new Set(
  'am pm yo yos yr yrs y st nd rd th h hr hrs hour hours min mins minute minutes day days wk wks week weeks month months ish oclock ft'.split(
    ' ',
  ),
);

/** A word whose digits are Arabizi letters, not a number glued to a word. */
function arabiziWord(typed: string): boolean {
  if (ARABIZI_LETTER_DIGITS.test(typed)) return true;
  const opening = ARABIZI_OPENING.exec(typed);
  return opening !== null && !NUMBER_SUFFIXES.has(opening[1] ?? '');
}

function tokeniseSentence(text: string, lexicon: Lexicon): Token[] {
  const tokens: Token[] = [];
  for (const typed of normalise(text).split(' ')) {
    if (typed === '') continue;
    // "14yo" -> "14 yo": a number glued to a word is two words, unless the text speak knows the
    // whole ("3omra" is Arabizi for "her age", its 3 a letter) or the digits stand between
    // letters, as Arabizi letters do ("b3omri", "wa7ed").
    const expanded =
      lexicon.textSpeak[typed] ??
      (arabiziWord(typed) ? typed : undefined) ??
      typed
        .replace(/(\d)([a-z])/g, '$1 $2')
        .replace(/([a-z])(\d)/g, '$1 $2')
        .split(' ')
        .map((part) => lexicon.textSpeak[part] ?? part)
        .join(' ');
    for (const word of expanded.split(' ')) {
      if (word === '') continue;
      const read = lexicon.reflexives.includes(word) ? SELF : dropTrailingG(word);
      tokens.push(
        lexicon.readAsWritten
          ? { word: read, stem: read, asWritten: true, ...(lexicon.negations.has(read) ? { negatesAsWritten: true } : {}) }
          : { word: read, stem: lexicon.stem(read) },
      );
    }
  }
  return tokens;
}

/** "cuttin", "gettin" -> "cutting", "getting": the dropped g of text speak. */
function dropTrailingG(word: string): string {
  return word.length > 4 && word.endsWith('in') && !/[aeiou]in$/.test(word.slice(-3)) ? `${word}g` : word;
}

export function compilePhrase(phrase: string, lexicon: Lexicon): Phrase {
  const exact = new Set(
    phrase
      .split(/\s+/)
      .filter((word) => word.startsWith('='))
      .map((word) => normalise(word.slice(1))),
  );
  const tokens = tokenise(phrase.replace(/(^|\s)=/g, '$1'), lexicon);
  return exact.size === 0 ? tokens : tokens.map((token) => (exact.has(token.word) ? { ...token, exact: true } : token));
}

function sameWord(typed: Token, wanted: Token, protectedWords: ReadonlySet<string>): boolean {
  if (wanted.exact) return typed.word === wanted.word;
  if (typed.stem === wanted.stem || typed.word === wanted.word) return true;
  return (
    mayBeTypo(typed, protectedWords) &&
    wanted.stem.length >= MIN_LENGTH_FOR_TYPO &&
    typed.stem.length >= MIN_LENGTH_FOR_TYPO - 1 &&
    typed.stem[0] === wanted.stem[0] &&
    // One stem running on from the other is a different word ("batteri", "batter"), not a typo.
    !typed.stem.startsWith(wanted.stem) &&
    !wanted.stem.startsWith(typed.stem) &&
    withinOneEdit(typed.stem, wanted.stem)
  );
}

/**
 * Whether a typed word may be a misspelling of another: not a protected everyday word, and in
 * Latin letters only (in Arabic script one letter apart is often another everyday word).
 */
function mayBeTypo(typed: Token, protectedWords: ReadonlySet<string>): boolean {
  return !typed.asWritten && !protectedWords.has(typed.word) && LATIN_WORD.test(typed.word);
}

/** Damerau-Levenshtein distance of at most one (one letter added, missing, changed or swapped). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * The earliest place the phrase's words stand in order, with at most MAX_GAP words between each.
 * A negation is never stepped over: "i am not fine" is not "i am fine".
 */
function locate(
  tokens: readonly Token[],
  phrase: Phrase,
  lexicon: Lexicon,
): { start: number; end: number; positions: number[] } | undefined {
  const first = phrase[0];
  if (!first) return undefined;
  for (let start = 0; start < tokens.length; start += 1) {
    const token = tokens[start];
    if (!token || !sameWord(token, first, lexicon.protectedWords)) continue;
    let at = start;
    let found = true;
    const positions = [start];
    for (let index = 1; index < phrase.length; index += 1) {
      const wanted = phrase[index];
      if (!wanted) break;
      let next = -1;
      for (let look = at + 1; look <= Math.min(tokens.length - 1, at + 1 + MAX_GAP); look += 1) {
        const candidate = tokens[look];
        if (candidate === SENTENCE_END) break;
        if (look - at > 2 && !lexicon.nounOpeners.has(tokens[at + 1]?.word ?? '')) break;
        if (candidate && sameWord(candidate, wanted, lexicon.protectedWords)) {
          next = look;
          break;
        }
        if (candidate && negates(candidate, lexicon)) break;
      }
      if (next < 0) {
        found = false;
        break;
      }
      at = next;
      positions.push(at);
    }
    if (found) return { start, end: at, positions };
  }
  return undefined;
}

const negates = (token: Token, lexicon: Lexicon): boolean => token.negatesAsWritten === true || lexicon.negations.has(token.word);

function isNegated(tokens: readonly Token[], start: number, lexicon: Lexicon): boolean {
  for (let look = start - 1; look >= Math.max(0, start - NEGATION_REACH); look -= 1) {
    const token = tokens[look];
    const word = token?.word ?? '';
    if (token === SENTENCE_END || lexicon.clauseBreaks.has(word)) return false;
    if (token && negates(token, lexicon)) return true;
  }
  return false;
}

/** The word itself and the word with each one letter left out. */
function oneDeleted(word: string): string[] {
  const keys = [word];
  for (let at = 0; at < word.length; at += 1) keys.push(word.slice(0, at) + word.slice(at + 1));
  return keys;
}

export interface PhraseBook<Label> {
  /** Every labelled phrase found, longest first; a shorter phrase inside a longer one's words is not counted again. */
  find(tokens: readonly Token[]): PhraseMatch<Label>[];
}

/**
 * `labelsShareWords`: a phrase's words are used up for its own label only (and for every label
 * when matched by `except`'s phrases, the look-alikes), so words that mean two things count for
 * both: "took a load of tablets and I cant wake him" is a medical emergency and immediate danger.
 */
export function compilePhraseBook<Label>(
  entries: ReadonlyArray<{ label: Label; phrases: readonly string[] }>,
  lexicon: Lexicon,
  options: { labelsShareWords?: { except: Label } } = {},
): PhraseBook<Label> {
  const compiled = entries
    .flatMap(({ label, phrases }) => phrases.map((text) => ({ label, text, phrase: compilePhrase(text, lexicon) })))
    .filter(({ phrase }) => phrase.length > 0)
    .sort((a, b) => b.phrase.length - a.phrase.length);
  // A phrase can match only where each of its words can be found. Each phrase is indexed by its
  // rarest word in the book (its stem, its spelling, and for long stems the stem with any one
  // letter left out: two words one typo apart always share one of those), so a message is
  // compared with the few phrases whose rarest word it holds; then every other word is checked
  // the same way before the phrase is placed.
  const sharing = new Map<string, number>();
  for (const { phrase } of compiled)
    for (const token of new Set(phrase.map((word) => word.stem))) sharing.set(token, (sharing.get(token) ?? 0) + 1);
  const anchorOf = compiled.map(({ phrase }) =>
    phrase.reduce((best, token, at) => ((sharing.get(token.stem) ?? 0) < (sharing.get(phrase[best]?.stem ?? '') ?? 0) ? at : best), 0),
  );
  const findable = (token: Token) => ({
    token,
    typoKeys: token.exact || token.stem.length < MIN_LENGTH_FOR_TYPO ? undefined : oneDeleted(token.stem),
  });
  const byStem = new Map<string, number[]>();
  const byWord = new Map<string, number[]>();
  const byStemLessOneLetter = new Map<string, number[]>();
  const index = (map: Map<string, number[]>, key: string, at: number) => {
    const list = map.get(key);
    if (list) list.push(at);
    else map.set(key, [at]);
  };
  compiled.forEach(({ phrase }, at) => {
    const anchor = phrase[anchorOf[at] ?? 0];
    if (!anchor) return;
    index(byWord, anchor.word, at);
    if (anchor.exact) return;
    index(byStem, anchor.stem, at);
    for (const key of findable(anchor).typoKeys ?? []) index(byStemLessOneLetter, key, at);
  });
  const otherWords = compiled.map(({ phrase }, at) => phrase.filter((_, position) => position !== anchorOf[at]).map(findable));
  /** The phrases whose every word the message may hold, in the book's order. */
  const candidatesFor = (tokens: readonly Token[]): number[] => {
    const found = new Set<number>();
    const rejected = new Set<number>();
    const said = new Set<string>();
    const saidLessOneLetter = new Set<string>();
    const typoKeysOf = tokens.map((token) =>
      token.stem.length >= MIN_LENGTH_FOR_TYPO - 1 && mayBeTypo(token, lexicon.protectedWords) ? oneDeleted(token.stem) : undefined,
    );
    tokens.forEach((token, position) => {
      said.add(token.stem);
      said.add(token.word);
      for (const key of typoKeysOf[position] ?? []) saidLessOneLetter.add(key);
    });
    const mayHold = (at: number) =>
      (otherWords[at] ?? []).every(
        ({ token, typoKeys }) =>
          said.has(token.word) ||
          (!token.exact && (said.has(token.stem) || (typoKeys?.some((key) => saidLessOneLetter.has(key)) ?? false))),
      );
    const add = (phrases: readonly number[] | undefined) => {
      for (const at of phrases ?? []) {
        if (found.has(at) || rejected.has(at)) continue;
        if (mayHold(at)) found.add(at);
        else rejected.add(at);
      }
    };
    tokens.forEach((token, position) => {
      add(byStem.get(token.stem));
      add(byWord.get(token.word));
      for (const key of typoKeysOf[position] ?? []) add(byStemLessOneLetter.get(key));
    });
    return Array.from(Int32Array.from(found).sort());
  };
  return {
    find(tokens) {
      const usedFor = new Map<number, Set<Label>>();
      const shared = options.labelsShareWords;
      const usedUp = (at: number, label: Label): boolean => {
        const labels = usedFor.get(at);
        if (!labels) return false;
        return !shared || labels.has(label) || labels.has(shared.except);
      };
      const matches: PhraseMatch<Label>[] = [];
      for (const candidate of candidatesFor(tokens)) {
        const entry = compiled[candidate];
        if (!entry) continue;
        const { label, text, phrase } = entry;
        const place = locate(tokens, phrase, lexicon);
        if (!place) continue;
        // A phrase's own words are used up; the words between them stay free for another.
        if (place.positions.some((at) => usedUp(at, label))) continue;
        for (const at of place.positions) usedFor.set(at, (usedFor.get(at) ?? new Set<Label>()).add(label));
        const ownNegation = phrase.some((token) => lexicon.negations.has(token.word));
        matches.push({ label, phrase: text, ...place, negated: !ownNegation && isNegated(tokens, place.start, lexicon) });
      }
      return matches;
    },
  };
}
