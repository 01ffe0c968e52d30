// Preparing in advance (as a Philomena Protocol profile does): the details of a child that do
// not change, kept with consent in user state for the retention period, offered when the child
// next goes missing, and deleted with "delete my data".
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { Question, type Answer } from '../base/question';
import { messagesFor, type DialogServices } from '../base/services';
import { yesNoQuestion, type YesNo } from '../base/yesNo';
import { PROFILE_FIELDS, preparedProfileRecord, type FieldAnswer, type PreparedProfile } from './parentCase';
import { textAnswer } from './policeInfoDialog';

export const PROFILE_DIALOG = 'parent.profile';
const CONSENT = 'parent.profile.consent';
const field = (name: string) => `parent.profile.${name}`;

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
    if ((step.result as YesNo) !== 'yes') {
      await step.context.sendActivity(messagesFor(step.context, this.services).t('parent.profile.declined'));
      return step.endDialog();
    }
    (step.values as { fields?: PreparedProfile['fields'] }).fields = {};
    return step.beginDialog(field(PROFILE_FIELDS[0]));
  }

  /** Keeps the answer to question `index - 1`, then asks question `index` or saves. */
  private async keepAndAsk(step: WaterfallStepContext, index: number): Promise<DialogTurnResult> {
    const values = step.values as { fields?: PreparedProfile['fields'] };
    const previous = PROFILE_FIELDS[index - 1];
    if (previous) values.fields = { ...values.fields, [previous]: step.result as Answer<string> satisfies FieldAnswer };
    const next = PROFILE_FIELDS[index];
    if (next) return step.beginDialog(field(next));
    await this.profile.set(step.context, { savedAt: this.services.clock.now().toISOString(), fields: values.fields ?? {} });
    await step.context.sendActivity(messagesFor(step.context, this.services).t('parent.profile.saved'));
    return step.endDialog();
  }
}
