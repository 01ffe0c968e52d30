// Yes/no (and "not sure") questions, described once for every journey.
import { Choices } from './choices';
import { ChoiceQuestion } from './choiceQuestion';
import type { TurnContext } from 'botbuilder';
import { messagesFor, readingOf, type DialogServices } from '../../bot/turn/services';
import type { StatedFact } from '../../bot/content/vocabulary';
import type { AskedDetail } from '../../bot/understanding/openQuestion';

export type YesNo = 'yes' | 'no';
export type YesNoUnsure = YesNo | 'unsure';

export const yesNoChoices = Choices.keyed<YesNo>(['yes', 'no'], (value) => `common.yesNo.${value}`, { yes: 'yes', no: 'no' });
export const yesNoUnsureChoices = Choices.keyed<YesNoUnsure>(['yes', 'no', 'unsure'], (value) => `common.yesNo.${value}`, {
  yes: 'yes',
  no: 'no',
  unknown: 'unsure',
});

/** `read`: an answer the turn's reading gives before the words are matched ("a care order" is a yes). */
export function yesNoQuestion(
  id: string,
  ask: string,
  services: DialogServices,
  read?: (context: TurnContext, variables: Record<string, string | number>) => YesNo | undefined,
  { plainAnswerBesideHarm = false, askAgain, asksFor }: { plainAnswerBesideHarm?: boolean; askAgain?: string; asksFor?: AskedDetail } = {},
): ChoiceQuestion<YesNo> {
  return new ChoiceQuestion(
    {
      id,
      ask,
      retry: 'common.yesNo.retry',
      unsure: 'common.yesNo.unsureHowToAnswer',
      choices: yesNoChoices,
      plainAnswerBesideHarm,
      ...(askAgain ? { askAgain } : {}),
      ...(asksFor ? { asksFor } : {}),
      ...(read ? { read } : {}),
    },
    services,
  );
}

/** `read`: an answer the turn's reading gives before the words are matched (a risk heard is "yes"). */
export function yesNoUnsureQuestion(
  id: string,
  ask: string,
  services: DialogServices,
  read?: (context: TurnContext) => YesNoUnsure | undefined,
  { asksFor, askAgain }: { asksFor?: AskedDetail; askAgain?: string } = {},
): ChoiceQuestion<YesNoUnsure> {
  return new ChoiceQuestion(
    {
      id,
      ask,
      retry: 'common.yesNo.retry',
      choices: yesNoUnsureChoices,
      ...(read ? { read } : {}),
      ...(asksFor ? { asksFor } : {}),
      ...(askAgain ? { askAgain } : {}),
    },
    services,
  );
}

/**
 * "lol no im grand", "no worries im fine", "shes there, all fine": a plain yes or no read from a
 * word, beside a say-so that all is well and no danger, means all is well.
 */
export function allWellSaid(context: TurnContext, services: DialogServices): boolean {
  const { danger, concern } = readingOf(context, services);
  if (danger.length > 0 || concern.length > 0) return false;
  return services.understanding.wellbeing(context.activity.text ?? '', messagesFor(context, services).locale) === 'well';
}

/** Whether the police were told the child was missing, as facts said in words give it ("we never reported it", "the police know"). */
export function reportedSaid(stated: readonly StatedFact[]): YesNoUnsure | undefined {
  if (stated.includes('notReported')) return 'no';
  if (stated.includes('policeTold')) return 'yes';
  return undefined;
}

/** "Did you report them missing?", answered also in the words of the fact ("didnt report it"). */
export function reportedQuestion(id: string, ask: string, services: DialogServices): ChoiceQuestion<YesNoUnsure> {
  return yesNoUnsureQuestion(id, ask, services, (context) => reportedSaid(readingOf(context, services).facts.said));
}
