// Yes/no (and "not sure") questions, described once for every journey.
import { Choices } from './choices';
import { ChoiceQuestion } from './choiceQuestion';
import type { DialogServices } from './services';

export type YesNo = 'yes' | 'no';
export type YesNoUnsure = YesNo | 'unsure';

const option = <Value extends YesNoUnsure>(value: Value) => ({
  value,
  title: `common.yesNo.${value}.title`,
  synonyms: `common.yesNo.${value}.synonyms`,
});

export const yesNoChoices = new Choices<YesNo>([option('yes'), option('no')]);
export const yesNoUnsureChoices = new Choices<YesNoUnsure>([option('yes'), option('no'), option('unsure')]);

export function yesNoQuestion(id: string, ask: string, services: DialogServices): ChoiceQuestion<YesNo> {
  return new ChoiceQuestion({ id, ask, retry: 'common.yesNo.retry', choices: yesNoChoices }, services);
}

export function yesNoUnsureQuestion(id: string, ask: string, services: DialogServices): ChoiceQuestion<YesNoUnsure> {
  return new ChoiceQuestion({ id, ask, retry: 'common.yesNo.retry', choices: yesNoUnsureChoices }, services);
}
