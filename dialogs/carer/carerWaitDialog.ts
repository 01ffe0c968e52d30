// While the carer waits (the reminders come by themselves): they are back, treat them as missing
// now (the absence reminders stop and the missing steps begin), or show the log and wait again.
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { z } from 'zod';
import { adviseFirst } from '../../bot/turn/advice';
import type { DialogServices } from '../../bot/turn/services';
import { Choices } from '../base/choices';
import { ChoiceQuestion } from '../base/choiceQuestion';
import { resultOf } from '../base/stepData';
import { carerCaseRecord, riskFacts, type CarerPart } from './carerCase';
import { CarerLog } from './carerLog';
import { CarerReminders } from './carerReminders';

export const CARER_WAIT_DIALOG = 'carer.waitingFlow';
const STEPS = 'carer.waitingFlow.steps';
const WAIT = 'carer.wait';

const WAIT_ANSWERS = ['backNow', 'treatMissing', 'showLog'] as const;
type WaitAnswer = (typeof WAIT_ANSWERS)[number];
const waitChoices = Choices.keyed<WaitAnswer>(WAIT_ANSWERS, (value) => `carer.wait.options.${value}`);

export class CarerWaitDialog extends ComponentDialog {
  private readonly log;
  private readonly reminders;

  constructor(private readonly services: DialogServices) {
    super(CARER_WAIT_DIALOG);
    this.log = new CarerLog(services);
    this.reminders = new CarerReminders(services);
    this.addDialog(new ChoiceQuestion({ id: WAIT, ask: 'carer.wait.ask', retry: 'common.choiceRetry', choices: waitChoices }, services));
    this.addDialog(new WaterfallDialog(STEPS, [(step) => step.beginDialog(WAIT), (step) => this.afterWait(step)]));
    this.initialDialogId = STEPS;
  }

  private async afterWait(step: WaterfallStepContext): Promise<DialogTurnResult> {
    switch (resultOf(step, z.enum(WAIT_ANSWERS))) {
      case 'backNow':
        return step.endDialog('back' satisfies CarerPart);
      case 'treatMissing':
        await this.reminders.cancelAll(step.context);
        await adviseFirst(step.context, this.services, 'carer-whereabouts', {
          whereaboutsKnown: false,
          ...riskFacts(await carerCaseRecord(this.services).get(step.context)),
        });
        return step.endDialog('missing' satisfies CarerPart);
      case 'showLog':
        await this.log.send(step.context);
        return step.replaceDialog(STEPS);
    }
  }
}
