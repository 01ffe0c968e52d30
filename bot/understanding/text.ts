// How typed text is compared with words from content: lower case, no accents or vowel marks,
// no apostrophes, Western digits, punctuation as spaces. Phrases match as whole-word sequences,
// so no pattern is ever built from content.
export function normalise(text: string): string {
  return (
    westernDigits(text)
      .normalize('NFKD')
      // Combining marks: Latin accents, Arabic vowel signs (people type with or without them).
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      // Letters NFKD keeps whole that people type without their stroke ("zaginal" for "zaginął").
      .replace(/[łđøı]/g, (letter) => LETTERS_WITHOUT_STROKE[letter] ?? letter)
      // Arabic tatweel only stretches a word; letters typed either way on Arabic and Persian keyboards are one.
      .replace(/\u0640/g, '')
      .replace(/[\u0649\u06cc\u064a]/g, '\u064a')
      .replace(/\u06a9/g, '\u0643')
      .replace(/[\u0629\u06c0]/g, '\u0647')
      .replace(/['\u2018\u2019\u02bc`]/g, '')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
  );
}

const LETTERS_WITHOUT_STROKE: Record<string, string> = { ł: 'l', đ: 'd', ø: 'o', ı: 'i' };

/** Arabic-Indic and Eastern Arabic-Indic digits ("١٤", "۱۴") as 0-9, for the number readers too. */
export function westernDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (digit) => String(digit.charCodeAt(0) & 0xf));
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
