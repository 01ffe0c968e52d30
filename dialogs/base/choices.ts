// A fixed-answer question described once (value, title key, synonyms key), yielding both the
// suggested actions and the free-text matcher, so the two cannot drift apart.
import { ActionTypes, type CardAction } from 'botbuilder';
import type { Messages } from '../../bot/i18n';
import { findPhrase, normalise, words } from '../../bot/text';

export interface ChoiceOption<Value extends string> {
  value: Value;
  /** Message key of what the user sees. */
  title: string;
  /** Message key of a list of other words that mean this option. */
  synonyms?: string;
}

export class Choices<Value extends string> {
  constructor(readonly options: readonly ChoiceOption<Value>[]) {
    if (options.length === 0) throw new Error('A question needs at least one option');
  }

  /** Options whose words live in content under `<keyOf(value)>.title` and `.synonyms`. */
  static keyed<Value extends string>(values: readonly Value[], keyOf: (value: Value) => string): Choices<Value> {
    return new Choices(values.map((value) => ({ value, title: `${keyOf(value)}.title`, synonyms: `${keyOf(value)}.synonyms` })));
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

  /** The option whose title or a synonym is the whole message (numbers are left to the caller). */
  matchExactly(text: string, messages: Messages): Value | undefined {
    const said = normalise(text);
    if (said === '') return undefined;
    return this.options.find((option) =>
      [messages.t(option.title), ...(option.synonyms ? messages.list(option.synonyms) : [])].some(
        (phrase) => normalise(phrase) === said,
      ),
    )?.value;
  }
}
