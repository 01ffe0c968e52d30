// Preparing in advance (003: the young person's profile should include strategies to locate them): the details of a child that do
// not change, kept with consent in user state for the retention period, offered when the child
// next goes missing, and deleted with "delete my data".
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { z } from 'zod';
import { Question } from '../base/question';
import { resultOf, stepValues, textAnswerResult, yesNoResult } from '../base/stepData';
import { messagesFor, type DialogServices } from '../../bot/turn/services';
import { yesNoQuestion } from '../base/yesNo';
import { PROFILE_FIELDS, preparedProfileRecord, preparedProfileSchema } from './parentCase';
import { textAnswer } from './policeInfoDialog';

export const PROFILE_DIALOG = 'parent.profile';
const CONSENT = 'parent.profile.consent';
const field = (name: string) => `parent.profile.${name}`;
/** The answers so far, kept between the questions until the profile is saved. */
const profileValues = stepValues(z.object({ fields: preparedProfileSchema.shape.fields.optional() }));

export class ProfileDialog extends ComponentDialog {
  private readonly profile;

  constructor(private readonly services: DialogServices) {
    super(PROFILE_DIALOG);
    this.profile = preparedProfileRecord(services);
    this.addDialog(yesNoQuestion(CONSENT, 'parent.profile.consent', services));
    for (const name of PROFILE_FIELDS) {
      this.addDialog(new Question<string>({ id: field(name), ask: `parent.info.${name}`, skippable: true, parse: textAnswer }, services));
    }
    const ask = (index: number) => (step: WaterfallStepContext) => this.keepAndAsk(step, index);
    this.addDialog(
      new WaterfallDialog(`${PROFILE_DIALOG}.steps`, [
        (step) => this.askConsent(step),
        (step) => this.afterConsent(step),
        ...PROFILE_FIELDS.map((_, index) => ask(index + 1)),
      ]),
    );
    this.initialDialogId = `${PROFILE_DIALOG}.steps`;
  }

  private async askConsent(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await step.context.sendActivity(messagesFor(step.context, this.services).t('parent.profile.intro'));
    return step.beginDialog(CONSENT, { variables: { days: this.services.retentionDays } });
  }

  private async afterConsent(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (resultOf(step, yesNoResult) !== 'yes') {
      await step.context.sendActivity(messagesFor(step.context, this.services).t('parent.profile.declined'));
      return step.endDialog();
    }
    profileValues.keep(step, { fields: {} });
    return step.beginDialog(field(PROFILE_FIELDS[0]));
  }

  /** Keeps the answer to question `index - 1`, then asks question `index` or saves. */
  private async keepAndAsk(step: WaterfallStepContext, index: number): Promise<DialogTurnResult> {
    const previous = PROFILE_FIELDS[index - 1];
    const { fields: kept = {} } = profileValues.read(step);
    const fields = previous ? { ...kept, [previous]: resultOf(step, textAnswerResult) } : kept;
    profileValues.keep(step, { fields });
    const next = PROFILE_FIELDS[index];
    if (next) return step.beginDialog(field(next));
    await this.profile.set(step.context, { savedAt: this.services.clock.now().toISOString(), fields });
    await step.context.sendActivity(messagesFor(step.context, this.services).t('parent.profile.saved'));
    return step.endDialog();
  }
}
