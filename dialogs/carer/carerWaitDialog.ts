// While the carer waits (the reminders come by themselves): they are back, treat them as missing
// now (the absence reminders stop and the missing steps begin), or show the log and wait again.
// A child already treated as missing is "still missing": what to do now, not the steps again.
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
const WAIT_MISSING = 'carer.waitMissing';

const WAIT_ANSWERS = ['backNow', 'treatMissing', 'stillMissing', 'showLog'] as const;
type WaitAnswer = (typeof WAIT_ANSWERS)[number];
const waitChoices = (answers: readonly WaitAnswer[]) => Choices.keyed<WaitAnswer>(answers, (value) => `carer.wait.options.${value}`);

export class CarerWaitDialog extends ComponentDialog {
  private readonly log;
  private readonly reminders;

  constructor(private readonly services: DialogServices) {
    super(CARER_WAIT_DIALOG);
    this.log = new CarerLog(services);
    this.reminders = new CarerReminders(services);
    for (const [id, answers] of [
      [WAIT, ['backNow', 'treatMissing', 'showLog']],
      [WAIT_MISSING, ['backNow', 'stillMissing', 'showLog']],
    ] as const)
      this.addDialog(
        new ChoiceQuestion({ id, ask: 'carer.wait.ask', retry: 'common.choiceRetry', choices: waitChoices(answers) }, services),
      );
    this.addDialog(new WaterfallDialog(STEPS, [(step) => this.wait(step), (step) => this.afterWait(step)]));
    this.initialDialogId = STEPS;
  }

  private async wait(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { status } = await carerCaseRecord(this.services).get(step.context);
    return step.beginDialog(status === 'missing' ? WAIT_MISSING : WAIT);
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
      case 'stillMissing':
        await adviseFirst(step.context, this.services, 'carer-still-missing', { whereaboutsKnown: false });
        return step.replaceDialog(STEPS);
      case 'showLog':
        await this.log.send(step.context);
        return step.replaceDialog(STEPS);
    }
  }
}
