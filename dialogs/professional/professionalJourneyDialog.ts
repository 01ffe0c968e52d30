// The professional's journey (school, social work, health, police, others): who they are and what
// is happening (a child missing now, a child back, a worry about exploitation), then what the
// guidance asks of that professional, the extra steps for the groups of children it names, and
// the signs of exploitation and trafficking with where to go. Each piece of advice is a rule.
import { ActivityTypes } from 'botbuilder';
import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { z } from 'zod';
import {
  CHILD_GROUPS,
  PROFESSIONAL_SITUATIONS,
  PROFESSIONS,
  type ProfessionalSituation,
  type Situation,
} from '../../bot/content/vocabulary';
import type { Facts } from '../../bot/content/ruleSchema';
import { advise } from '../../bot/turn/advice';
import { messagesFor, type DialogServices } from '../../bot/turn/services';
import { Choices } from '../base/choices';
import { ChoiceQuestion } from '../base/choiceQuestion';
import { InterruptibleDialog } from '../base/interruptibleDialog';
import { journeyOptionsSchema, situationAnswer } from '../base/journeyOptions';
import { optionsOf, resultOf, stepValues, yesNoResult, yesNoUnsureResult } from '../base/stepData';
import { reportedQuestion, reportedSaid, yesNoQuestion } from '../base/yesNo';
import { conversationFactsRecord } from '../base/conversationFacts';

export const PROFESSIONAL_JOURNEY = 'professional';
const STEPS = 'professional.steps';
const WHO = 'professional.who';
const SITUATION = 'professional.situation';
const GROUP = 'professional.group';
const EXPLOITATION_WORRY = 'professional.exploitationWorry';
const REPORTED = 'professional.back.reported';

export const professionChoices = Choices.keyed(PROFESSIONS, (value) => `professional.who.options.${value}`, { unknown: 'other' });
export const professionalSituationChoices = Choices.keyed(PROFESSIONAL_SITUATIONS, (value) => `professional.situation.options.${value}`);
export const childGroupChoices = Choices.keyed(CHILD_GROUPS, (value) => `professional.group.options.${value}`, {
  no: 'none',
  unknown: 'none',
});

/** What the first message already said, where it is one of this journey's situations. */
const SITUATION_FROM_FIRST_MESSAGE: Partial<Record<Situation, ProfessionalSituation>> = { missingNow: 'missingNow', back: 'back' };

const valuesSchema = z.object({
  profession: z.enum(PROFESSIONS).optional(),
  situation: z.enum(PROFESSIONAL_SITUATIONS).optional(),
  reportedMissing: z.enum(['yes', 'no', 'unsure']).optional(),
});
const values = stepValues(valuesSchema);

/** The facts the professional's rules test: who they are, what is happening, and whether it was reported. */
function factsOf(step: WaterfallStepContext): Facts {
  const { profession, situation, reportedMissing } = values.read(step);
  return {
    ...(profession ? { profession } : {}),
    ...(situation ? { professionalSituation: situation } : {}),
    ...(reportedMissing ? { reportedMissing } : {}),
  };
}

export class ProfessionalJourneyDialog extends InterruptibleDialog {
  constructor(services: DialogServices) {
    super(PROFESSIONAL_JOURNEY, services);
    this.addDialog(
      new ChoiceQuestion({ id: WHO, ask: 'professional.who.ask', retry: 'common.choiceRetry', choices: professionChoices }, services),
    );
    this.addDialog(
      new ChoiceQuestion(
        {
          id: SITUATION,
          ask: 'professional.situation.ask',
          retry: 'common.choiceRetry',
          choices: professionalSituationChoices,
          // "hasnt returned to her placement since yesterday" says missing, though "returned" is a word of "back".
          read: situationAnswer(services, SITUATION_FROM_FIRST_MESSAGE),
        },
        services,
      ),
    );
    this.addDialog(
      new ChoiceQuestion({ id: GROUP, ask: 'professional.group.ask', retry: 'common.choiceRetry', choices: childGroupChoices }, services),
    );
    this.addDialog(yesNoQuestion(EXPLOITATION_WORRY, 'professional.exploitationWorry.ask', services));
    this.addDialog(reportedQuestion(REPORTED, 'professional.back.reported.ask', services));
    this.addDialog(
      new WaterfallDialog(STEPS, [
        (step) => this.askWho(step),
        (step) => this.askSituation(step),
        (step) => this.askReported(step),
        (step) => this.adviseNow(step),
        (step) => this.adviseForGroup(step),
        (step) => this.close(step),
      ]),
    );
    this.initialDialogId = STEPS;
  }

  private async askWho(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { profession } = optionsOf(step, journeyOptionsSchema);
    return profession ? step.next(profession) : step.beginDialog(WHO);
  }

  /** A first message that said what is happening ("a pupil has gone missing") is not asked again. */
  private async askSituation(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const profession = resultOf(step, z.enum(PROFESSIONS));
    values.keep(step, { profession });
    await conversationFactsRecord(this.services).update(step.context, (facts) => ({ ...facts, profession }));
    // Said with who they are ("a child on my caseload hasnt returned to her placement") counts too.
    const { situation } = optionsOf(step, journeyOptionsSchema);
    const said =
      step.context.activity.type === ActivityTypes.Message
        ? situationAnswer(this.services, SITUATION_FROM_FIRST_MESSAGE)(step.context)
        : undefined;
    const known = (situation && SITUATION_FROM_FIRST_MESSAGE[situation]) ?? said;
    return known ? step.next(known) : step.beginDialog(SITUATION);
  }

  /**
   * A child back: whether anyone reported them missing decides between "make sure the police
   * know" and a referral. "nobody reported it" said earlier is not asked again.
   */
  private async askReported(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { situation, profession } = values.keep(step, { situation: resultOf(step, z.enum(PROFESSIONAL_SITUATIONS)) });
    if (situation !== 'back' || profession === 'police') return step.next();
    const said = reportedSaid((await conversationFactsRecord(this.services).get(step.context)).stated);
    return said ? step.next(said) : step.beginDialog(REPORTED);
  }

  private async adviseNow(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { situation } = values.read(step);
    if (step.result !== undefined) values.keep(step, { reportedMissing: resultOf(step, yesNoUnsureResult) });
    const facts = factsOf(step);
    if (situation === 'missingNow') await this.adviseAll(step, 'professional-missing', facts);
    if (situation === 'back') await this.adviseAll(step, 'professional-back', facts);
    if (situation === 'exploitation') await this.adviseAll(step, 'professional-exploitation', facts);
    else await this.adviseAll(step, 'professional-share', facts);
    // "placed in Kent by a London borough", "an asylum seeker": the group said already is not asked.
    const { stated } = await conversationFactsRecord(this.services).get(step.context);
    const groupSaid = stated.includes('asylumSeeking')
      ? 'uasc'
      : stated.includes('placedFromElsewhere')
        ? 'placedFromElsewhere'
        : undefined;
    return groupSaid ? step.next(groupSaid) : step.beginDialog(GROUP);
  }

  /** The groups' steps; then, unless exploitation was the worry already, whether it is one too. */
  private async adviseForGroup(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const childGroup = resultOf(step, z.enum(CHILD_GROUPS));
    await this.adviseAll(step, 'professional-group', { childGroup });
    return values.read(step).situation === 'exploitation' ? step.next('no') : step.beginDialog(EXPLOITATION_WORRY);
  }

  private async close(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (resultOf(step, yesNoResult) === 'yes') {
      await this.adviseAll(step, 'professional-exploitation', factsOf(step));
    }
    await step.context.sendActivity(messagesFor(step.context, this.services).t('professional.closing'));
    return step.endDialog();
  }

  private async adviseAll(step: WaterfallStepContext, point: string, facts: Facts): Promise<void> {
    for (const rule of this.services.rules.decideAll(point, facts)) await advise(step.context, this.services, rule);
  }
}
