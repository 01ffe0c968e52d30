// When the child is back: the safe and well check, the return interview within 72 hours and
// what it is for, the Early Help team for their age, and support numbers.
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { advise } from '../base/advice';
import { messagesFor, type DialogServices } from '../base/services';
import { parentCaseRecord } from './parentCase';

export const PARENT_RETURN_DIALOG = 'parent.back';

export class ParentReturnDialog extends ComponentDialog {
  private readonly record;

  constructor(private readonly services: DialogServices) {
    super(PARENT_RETURN_DIALOG);
    this.record = parentCaseRecord(services);
    this.addDialog(new WaterfallDialog(`${PARENT_RETURN_DIALOG}.steps`, [(step) => this.adviseReturn(step)]));
    this.initialDialogId = `${PARENT_RETURN_DIALOG}.steps`;
  }

  private async adviseReturn(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { ageYears } = await this.record.get(step.context);
    await step.context.sendActivity(messagesFor(step.context, this.services).t('parent.back.relief'));
    const rules = this.services.rules.decideAll('parent-back', {
      childBack: true,
      ...(ageYears === undefined ? {} : { ageYears }),
    });
    for (const rule of rules) await advise(step.context, this.services, rule);
    return step.endDialog();
  }
}
