// Finds danger phrases in a message, in the user's language and in English.
import type { DangerPhrases } from './content';
import { findPhrase, withoutPhrases, words } from './text';

export interface DangerDetector {
  isDanger(text: string, locale: string): boolean;
}

export function createDangerDetector(danger: DangerPhrases): DangerDetector {
  const compiled = new Map(
    Object.entries(danger.languages).map(([language, list]) => [
      language,
      { phrases: list.phrases.map((phrase) => words(phrase)), negations: list.negations.map((phrase) => words(phrase)) },
    ]),
  );
  return {
    isDanger(text, locale) {
      const language = locale.toLowerCase().split('-')[0] ?? 'en';
      const message = words(text);
      if (message.length === 0) return false;
      return [...new Set([language, 'en'])].some((code) => {
        const list = compiled.get(code);
        if (!list) return false;
        const remaining = withoutPhrases(message, list.negations);
        return list.phrases.some((phrase) => findPhrase(remaining, phrase) >= 0);
      });
    },
  };
}
