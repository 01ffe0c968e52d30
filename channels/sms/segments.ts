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

/**
 * Splits a reply into texts of at most `maxSegments` segments each, breaking after a line or
 * a sentence where it can, and between words only when a sentence alone is too long.
 */
export function splitForSms(text: string, maxSegments = 3): string[] {
  const fits = (candidate: string) => countSegments(candidate).segments <= maxSegments;
  if (fits(text)) return [text];
  const pieces = text.split(/(?<=[.!?])\s+|\n/).filter((piece) => piece.trim() !== '');
  const parts: string[] = [];
  let current = '';
  const push = (piece: string, separator: string) => {
    const candidate = current === '' ? piece : `${current}${separator}${piece}`;
    if (fits(candidate)) {
      current = candidate;
      return;
    }
    if (current !== '') parts.push(current);
    current = '';
    if (fits(piece)) {
      current = piece;
      return;
    }
    for (const word of piece.split(/\s+/)) {
      const withWord = current === '' ? word : `${current} ${word}`;
      if (fits(withWord)) current = withWord;
      else {
        if (current !== '') parts.push(current);
        current = fits(word) ? word : word.slice(0, 60);
      }
    }
  };
  let offset = 0;
  for (const piece of pieces) {
    const at = text.indexOf(piece, offset);
    const separator = at > 0 && text[at - 1] === '\n' ? '\n' : ' ';
    offset = at + piece.length;
    push(piece, separator);
  }
  if (current !== '') parts.push(current);
  return parts;
}
