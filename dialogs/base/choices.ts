// A fixed-answer question described once (value, title key, synonyms key), yielding both the
// suggested actions and the free-text matcher, so the two cannot drift apart.
import { ActionTypes, type CardAction } from 'botbuilder';
import type { Messages } from '../../bot/content/i18n';
import { findPhrase, normalise, words } from '../../bot/understanding/text';
import type { Understanding } from '../../bot/understanding/understand';

export interface ChoiceOption<Value extends string> {
  value: Value;
  /** Message key of what the user sees. */
  title: string;
  /** Message key of a list of other words that mean this option. */
  synonyms?: string;
}

/** Which option a plain "yes", "no" or "don't know" stands for, where one plainly does. */
export type EverydayMeaning<Value extends string> = Partial<Record<'yes' | 'no' | 'unknown', Value>>;

export class Choices<Value extends string> {
  constructor(
    readonly options: readonly ChoiceOption<Value>[],
    readonly everyday: EverydayMeaning<Value> = {},
  ) {
    if (options.length === 0) throw new Error('A question needs at least one option');
  }

  /** Options whose words live in content under `<keyOf(value)>.title` and `.synonyms`. */
  static keyed<Value extends string>(
    values: readonly Value[],
    keyOf: (value: Value) => string,
    everyday: EverydayMeaning<Value> = {},
  ): Choices<Value> {
    return new Choices(
      values.map((value) => ({ value, title: `${keyOf(value)}.title`, synonyms: `${keyOf(value)}.synonyms` })),
      everyday,
    );
  }

  /**
   * The option meant, as people write: the exact ways below first, then through the
   * understanding step: "the second one", the option's words by stem and with typos, and a
   * plain yes, no or "don't know" where the question says which option that means.
   */
  understand(text: string, messages: Messages, understanding: Understanding): Value | undefined {
    const exact = this.matchExactly(text, messages) ?? this.byPosition(text, messages, understanding);
    if (exact !== undefined) return exact;
    // "..., is that right?" asks; it answers nothing.
    const answered = understanding.withoutQuestions(text);
    // By stem, and not where it is negated: "shes not back yet" is not "They are back".
    const chosen = this.mentioned(answered, messages, understanding);
    if (chosen !== undefined) return chosen;
    const everyday = understanding.everyday(answered, messages.locale);
    return everyday === 'yes' || everyday === 'no' || everyday === 'unknown' ? this.everyday[everyday] : undefined;
  }

  /**
   * The option a sentence names in passing ("I'm a teacher, one of my pupils..."): by its words
   * only, never by a number or a yes, which in a sentence answer nothing.
   */
  mentioned(text: string, messages: Messages, understanding: Understanding): Value | undefined {
    return understanding.choose(
      text,
      messages.locale,
      this.options.map((option) => ({ label: option.value, phrases: this.phrasesOf(option, messages) })),
    );
  }

  private byPosition(text: string, messages: Messages, understanding: Understanding): Value | undefined {
    const position = positionIn(text, this.options.length, messages.locale, understanding);
    return position === undefined ? undefined : this.options[position - 1]?.value;
  }

  /** The options as a numbered list, for a reply that must work without buttons. */
  numbered(messages: Messages): string {
    return this.options.map((option, index) => `${index + 1}. ${messages.t(option.title)}`).join('\n');
  }

  private phrasesOf(option: ChoiceOption<Value>, messages: Messages): string[] {
    return [messages.t(option.title), ...(option.synonyms ? messages.list(option.synonyms) : [])];
  }

  suggestedActions(messages: Messages): CardAction[] {
    return this.options.map((option) => {
      const title = messages.t(option.title);
      return { type: ActionTypes.ImBack, title, value: title };
    });
  }

  /**
   * The option the user meant: its number, its title, or one of its synonyms (whole words,
   * case- and accent-insensitive). When several options match, the longest match wins; a tie
   * is no answer, so the question is asked again rather than guessed.
   */
  match(text: string, messages: Messages): Value | undefined {
    const said = normalise(text);
    if (said === '') return undefined;
    if (/^\d+$/.test(said)) return this.options[Number(said) - 1]?.value;
    const saidWords = words(text);
    const longestMatch = new Map<Value, number>();
    for (const option of this.options) {
      const phrases = [messages.t(option.title), ...(option.synonyms ? messages.list(option.synonyms) : [])];
      for (const phrase of phrases) {
        if (normalise(phrase) === said) return option.value;
        const phraseWords = words(phrase);
        if (findPhrase(saidWords, phraseWords) >= 0) {
          longestMatch.set(option.value, Math.max(longestMatch.get(option.value) ?? 0, phraseWords.length));
        }
      }
    }
    const longest = Math.max(0, ...longestMatch.values());
    const winners = [...longestMatch].filter(([, length]) => length === longest);
    return winners.length === 1 ? winners[0]?.[0] : undefined;
  }

  /** Whether the whole message is one option's title, as a tapped button sends it. */
  isTitle(text: string, messages: Messages): boolean {
    const said = normalise(text);
    return said !== '' && this.options.some((option) => normalise(messages.t(option.title)) === said);
  }

  /** The options' values, in the order they are shown. */
  get values(): Value[] {
    return this.options.map((option) => option.value);
  }

  /** The option whose title or a synonym is the whole message (numbers are left to the caller). */
  matchExactly(text: string, messages: Messages): Value | undefined {
    const said = normalise(text);
    if (said === '') return undefined;
    return this.options.find((option) =>
      [messages.t(option.title), ...(option.synonyms ? messages.list(option.synonyms) : [])].some((phrase) => normalise(phrase) === said),
    )?.value;
  }
}

/** Which of `count` options shown a message picks by place, from 1: "2", "option 2", "the second one", "the last one". */
export function positionIn(text: string, count: number, locale: string, understanding: Understanding): number | undefined {
  const said = normalise(text);
  const numbered = /^(?:(?:option|number|no)\s*)?(\d+)$/.exec(said);
  if (numbered) return Number(numbered[1]);
  if (/^(?:the )?last(?: one)?$/.test(said)) return count;
  return understanding.ordinal(text, locale);
}
