// The one place that reads and checks phone numbers: E.164 in settings and area files, the
// sender's number as the SMS provider gives it, a number to ring as people read it, and a UK
// mobile as a person types it.
import { z } from 'zod';

export const e164NumberSchema = z.string().regex(/^\+[1-9][0-9]{6,14}$/, { message: 'must be an E.164 number such as +447700900123' });

/** A sender's number from the SMS provider: E.164, or digits only from some gateways and short codes. */
export const providerNumberSchema = z.string().regex(/^\+?[0-9]{3,15}$/, { message: 'must be a phone number' });

/** A number printed for people to ring or text ("03000 419191", "116 000"). */
export const dialableNumberSchema = z.string().regex(/^[0-9 ]{3,16}$/, { message: 'must be digits and spaces, such as 03000 419191' });

/** A UK mobile number as typed ("07700 900123", "+44 7700 900123"), in E.164. */
export function readUkMobile(text: string): string | undefined {
  const digits = text.replace(/[\s().-]/g, '');
  const match = /^(?:\+44|0044|0)(7\d{9})$/.exec(digits);
  return match ? `+44${match[1]}` : undefined;
}
