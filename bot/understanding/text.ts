// How typed text is compared with words from content: lower case, no accents, no apostrophes,
// punctuation as spaces. Phrases match as whole-word sequences, so no pattern is ever built
// from content.
export function normalise(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['\u2018\u2019\u02bc`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function words(text: string): string[] {
  const normalised = normalise(text);
  return normalised === '' ? [] : normalised.split(' ');
}

/** Index of the first place `phrase` (as words) occurs in `text` (as words), or -1. */
export function findPhrase(text: readonly string[], phrase: readonly string[]): number {
  if (phrase.length === 0 || phrase.length > text.length) return -1;
  for (let start = 0; start + phrase.length <= text.length; start += 1) {
    let matches = true;
    for (let offset = 0; offset < phrase.length; offset += 1) {
      if (text[start + offset] !== phrase[offset]) {
        matches = false;
        break;
      }
    }
    if (matches) return start;
  }
  return -1;
}

/** Removes every occurrence of each phrase from the words (used to drop negations). */
export function withoutPhrases(text: readonly string[], phrases: readonly (readonly string[])[]): string[] {
  let remaining = [...text];
  for (const phrase of phrases) {
    let at = findPhrase(remaining, phrase);
    while (at >= 0) {
      remaining = [...remaining.slice(0, at), '\u0000', ...remaining.slice(at + phrase.length)];
      at = findPhrase(remaining, phrase);
    }
  }
  return remaining;
}
