// Which messages a young person reads, and their reading age (Flesch-Kincaid grade + 5 years).
import readability from 'text-readability';
import type { Messages } from '../bot/content/i18n';

const SAMPLE = {
  reference: 'B1K4',
  when: 'Wednesday 25 November at 16:00',
  ago: '3 hours ago',
  who: 'a youth worker',
  place: 'Library',
  contact: 'by text',
  max: 300,
  windowEnd: 'Fri 27 Nov 18:00',
  late: '',
};

/** Sentences a young person reads: their journey's messages, not option titles, formats or staff texts. */
export function youngPersonMessages(keys: Map<string, string | string[]>, messages: Messages): Array<{ key: string; text: string }> {
  return (
    [...keys.entries()]
      .filter(([key, value]) => typeof value === 'string' && /^(area\.)?youngPerson\./.test(key))
      // Fragments that only stand inside a sentence (option titles, "by text") are left out.
      .filter(
        ([key]) =>
          !/\.(title|slotFormat)$/.test(key) &&
          !/^(area\.)?youngPerson\.(team|with)\./.test(key) &&
          !/^(area\.)?youngPerson\.reach\.described\./.test(key),
      )
      .map(([key]) => ({ key, text: messages.t(key, SAMPLE) }))
  );
}

export function readingAge(text: string): number {
  return readability.fleschKincaidGrade(text) + 5;
}
