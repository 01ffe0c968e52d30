// The one place that reads and checks phone numbers: E.164 in settings and area files, the
// sender's number as the SMS provider gives it, a number to ring as people read it, and a UK
// mobile as a person types it.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { z } from 'zod';

export const e164NumberSchema = z.string().regex(/^\+[1-9][0-9]{6,14}$/, { message: 'must be an E.164 number such as +447700900123' });

/** A sender's number from the SMS provider: E.164, or digits only from some gateways and short codes. */
export const providerNumberSchema = z.string().regex(/^\+?[0-9]{3,15}$/, { message: 'must be a phone number' });

/** A number printed for people to ring or text ("03000 419191", "116 000"). */
export const dialableNumberSchema = z.string().regex(/^[0-9 ]{3,16}$/, { message: 'must be digits and spaces, such as 03000 419191' });

/** The places that share the UK numbering plan (+44): the UK, Guernsey, Jersey and the Isle of Man. */
const UK_PLAN = new Set(['GB', 'GG', 'JE', 'IM']);
/** Ofcom keeps 07700 900000 to 900999 for drama: nobody's number, used in examples and tests. */
const DRAMA_RANGE = /^\+447700900\d{3}$/;

/**
 * A UK mobile number as typed ("07911 123456", "+44 7911 123456"), in E.164: only a number in a
 * mobile range of the numbering plan, from libphonenumber's metadata, so a personal number (070)
 * or a pager (076) that costs more to text, or reaches no phone, is refused.
 */
export function readUkMobile(text: string): string | undefined {
  const digits = text.replace(/[\s().-]/g, '');
  const match = /^(?:\+44|0044|0)(7\d{9})$/.exec(digits);
  if (!match) return undefined;
  const number = `+44${match[1]}`;
  if (DRAMA_RANGE.test(number)) return number;
  const parsed = parsePhoneNumberFromString(number);
  return parsed?.isValid() && UK_PLAN.has(parsed.country ?? '') && parsed.getType() === 'MOBILE' ? number : undefined;
}

/** A UK mobile number typed: "+44", "0044" or "0", then 7 and nine digits, spaced or not. */
const MOBILE_IN_TEXT = /(?:\+44|0044|\b0)[\s().-]*7(?:[\s().-]*\d){9}(?!\d)/g;

/** The first UK mobile number said in a sentence ("07700 900123 i just said", "text me on +447700900123"). */
export function findUkMobile(text: string): string | undefined {
  for (const [candidate] of text.matchAll(MOBILE_IN_TEXT)) {
    const phone = readUkMobile(candidate);
    if (phone) return phone;
  }
  return undefined;
}
