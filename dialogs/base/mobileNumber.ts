// A UK mobile number asked for a text (a reminder, the police summary), which may be skipped.
import { Question } from './question';
import type { DialogServices } from '../../bot/turn/services';
import { findUkMobile } from '../../bot/platform/phoneNumbers';

export function mobileNumberQuestion(id: string, ask: string, retry: string, services: DialogServices): Question<string> {
  return new Question<string>(
    {
      id,
      ask,
      skippable: true,
      parse: (text) => {
        // "07700 900123 i just said": the number, wherever it stands in the sentence.
        const phone = findUkMobile(text);
        return phone ? { ok: true, value: phone } : { ok: false, retry };
      },
    },
    services,
  );
}
