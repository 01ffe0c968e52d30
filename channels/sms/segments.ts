// How many SMS segments a text costs: GSM-7 (160, or 153 per part) when every character is in
// the GSM 03.38 alphabet (extension characters count twice), otherwise UCS-2 (70, or 67 per
// part, counted in UTF-16 units), as carriers and Twilio bill them.
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENSION = '^{}\\[~]|€\f';

const basic = new Set(GSM_BASIC);
const extension = new Set(GSM_EXTENSION);

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SegmentCount {
  encoding: SmsEncoding;
  /** Septets for GSM-7, UTF-16 units for UCS-2. */
  units: number;
  segments: number;
}

export function countSegments(text: string): SegmentCount {
  let septets = 0;
  for (const character of text) {
    if (basic.has(character)) septets += 1;
    else if (extension.has(character)) septets += 2;
    else return ucs2(text);
  }
  return { encoding: 'GSM-7', units: septets, segments: septets <= 160 ? 1 : Math.ceil(septets / 153) };
}

function ucs2(text: string): SegmentCount {
  const units = text.length;
  return { encoding: 'UCS-2', units, segments: units <= 70 ? 1 : Math.ceil(units / 67) };
}

/** Where a sentence ends, in every script the bot writes: Latin, Arabic (؟ ۔), Ethiopic (። ፧). */
const SENTENCE_END = /(?<=[.!?\u061f\u06d4\u1362\u1367])\s+/;
/** A list's number standing alone ("4."): it stays with its item. */
const LIST_NUMBER = /^\u2066?\d{1,3}\u2069?[.)]$/;
/** An option as SMS shows it ("2 No"). */
const OPTION_LINE = /^\u2066?\d{1,2}\u2069?\s/;
/** Where a long sentence may break: after a comma, semicolon or colon and its space. */
const CLAUSE_END = /(?<=[,;:،])\s+/u;
/** Words, where a phone number or a reference held left to right counts as one ("0800 1111"). */
const WORDS = /\u2066[^\u2069]*\u2069\S*|\+?\d+(?:[ \u00a0]\d+)+\S*|\S+/g;

interface Piece {
  text: string;
  /** What stood before it in the reply: a line break or a space. */
  separator: string;
}

/**
 * Splits a reply into texts of at most `maxSegments` segments each, breaking after a line or
 * a sentence where it can, and between words only when a sentence alone is too long. A list's
 * number stays with its item, a phone number is never cut, and the question stays with its
 * options.
 */
export function splitForSms(text: string, maxSegments = 3): string[] {
  const fits = (candidate: string) => countSegments(candidate).segments <= maxSegments;
  if (fits(text)) return [text];
  const lines = text.split('\n');
  // The options at the end, the line that introduces them and the question before that go as one.
  let optionsFrom = lines.length;
  while (optionsFrom > 0 && OPTION_LINE.test(lines[optionsFrom - 1] ?? '')) optionsFrom -= 1;
  const hasOptions = optionsFrom < lines.length && optionsFrom > 0;
  const pieces: Array<Piece & { line: number }> = [];
  let breaks = 0;
  lines.slice(0, hasOptions ? optionsFrom - 1 : lines.length).forEach((line, index) => {
    // The line breaks before this line, blank lines included.
    breaks = index === 0 ? 0 : breaks + 1;
    let separator = '\n'.repeat(breaks);
    for (const sentence of line.split(SENTENCE_END).filter((piece) => piece.trim() !== '')) {
      const previous = pieces[pieces.length - 1];
      if (previous && LIST_NUMBER.test(previous.text.split('\n').pop() ?? '') && separator === ' ') previous.text += ` ${sentence}`;
      else pieces.push({ text: sentence, separator, line: index });
      separator = ' ';
      breaks = 0;
    }
  });
  if (hasOptions) {
    // The whole line that asks, with the options, when that fits in a text; else its last sentence.
    const block = lines.slice(optionsFrom - 1).join('\n');
    const asking = pieces.filter((piece) => piece.line === pieces[pieces.length - 1]?.line);
    const whole = asking.map((piece, at) => (at === 0 ? piece.text : `${piece.separator}${piece.text}`)).join('');
    const together = asking.length > 0 && fits(`${whole}\n${block}`) ? asking : asking.slice(-1);
    const first = together[0];
    pieces.splice(pieces.length - together.length);
    const question = together.map((piece, at) => (at === 0 ? piece.text : `${piece.separator}${piece.text}`)).join('');
    pieces.push(
      first
        ? { text: `${question}\n${block}`, separator: first.separator, line: first.line }
        : { text: block, separator: '\n', line: optionsFrom },
    );
  }
  const parts: string[] = [];
  let current = '';
  for (const { text: piece, separator } of pieces) {
    const candidate = current === '' ? piece : `${current}${separator}${piece}`;
    if (fits(candidate)) {
      current = candidate;
      continue;
    }
    if (current !== '') parts.push(current);
    current = '';
    if (fits(piece)) {
      current = piece;
      continue;
    }
    // A sentence longer than a text breaks after a comma or a colon where it can ("într-un loc
    // neutru, unde te simți în siguranță"), and between words only where a clause is too long.
    for (const clause of piece.split(CLAUSE_END)) {
      const withClause = current === '' ? clause : `${current} ${clause}`;
      if (fits(withClause)) {
        current = withClause;
        continue;
      }
      if (current !== '') parts.push(current);
      current = '';
      for (const word of clause.match(WORDS) ?? []) {
        const withWord = current === '' ? word : `${current} ${word}`;
        if (fits(withWord)) current = withWord;
        else {
          if (current !== '') parts.push(current);
          current = fits(word) ? word : word.slice(0, 60);
        }
      }
    }
  }
  if (current !== '') parts.push(current);
  return parts;
}
