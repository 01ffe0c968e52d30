// A UK mobile number asked for a text (a reminder, the police summary), which may be skipped.
import { Question } from './question';
import type { DialogServices } from './services';

/** A UK mobile number as typed ("07700 900123", "+44 7700 900123"), in E.164. */
export function readMobile(text: string): string | undefined {
  const digits = text.replace(/[\s().-]/g, '');
  const match = /^(?:\+44|0044|0)(7\d{9})$/.exec(digits);
  return match ? `+44${match[1]}` : undefined;
}

export function mobileNumberQuestion(id: string, ask: string, retry: string, services: DialogServices): Question<string> {
  return new Question<string>(
    {
      id,
      ask,
      skippable: true,
      parse: (text) => {
        const phone = readMobile(text);
        return phone ? { ok: true, value: phone } : { ok: false, retry };
      },
    },
    services,
  );
}
