// Until a person's step-by-step journey exists, it says so honestly and gives what to do now,
// from that person's interim rule.
import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Role } from '../../bot/content/vocabulary';
import { adviseFirst } from '../../bot/turn/advice';
import { InterruptibleDialog } from '../base/interruptibleDialog';
import { messagesFor, type DialogServices } from '../../bot/turn/services';

export type InterimRole = Exclude<Role, 'parent' | 'youngPerson' | 'carer'>;

export const interimDialogId = (role: InterimRole): string => `interim.${role}`;

export class InterimAdviceDialog extends InterruptibleDialog {
  constructor(
    private readonly role: InterimRole,
    services: DialogServices,
  ) {
    super(interimDialogId(role), services);
    this.addDialog(new WaterfallDialog(`${interimDialogId(role)}.steps`, [(step) => this.adviseNow(step)]));
    this.initialDialogId = `${interimDialogId(role)}.steps`;
  }

  private async adviseNow(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await step.context.sendActivity(messagesFor(step.context, this.services).t('journeys.notReady'));
    await adviseFirst(step.context, this.services, 'journey-interim', { role: this.role });
    return step.endDialog();
  }
}
