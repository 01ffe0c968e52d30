// Whereabouts known but not agreed: an unauthorised absence. It is recorded, and the carer is
// offered a reminder at each hourly review up to the limit the guidance sets, the last of which
// says to treat the child as missing. Then the journey waits.
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { messagesFor, type DialogServices } from '../../bot/turn/services';
import { resultOf, yesNoResult } from '../base/stepData';
import { yesNoQuestion } from '../base/yesNo';
import { carerCaseRecord, type CarerPart } from './carerCase';
import { CarerLog } from './carerLog';
import { CarerReminders, hoursAfter } from './carerReminders';

export const UNAUTHORISED_ABSENCE_DIALOG = 'carer.unauthorisedFlow';
const STEPS = 'carer.unauthorisedFlow.steps';
const REMIND_ABSENCE = 'carer.remindAbsence';

export class UnauthorisedAbsenceDialog extends ComponentDialog {
  private readonly record;
  private readonly log;
  private readonly reminders;

  constructor(private readonly services: DialogServices) {
    super(UNAUTHORISED_ABSENCE_DIALOG);
    this.record = carerCaseRecord(services);
    this.log = new CarerLog(services);
    this.reminders = new CarerReminders(services);
    this.addDialog(yesNoQuestion(REMIND_ABSENCE, 'carer.unauthorised.remind', services));
    this.addDialog(new WaterfallDialog(STEPS, [(step) => this.offerReminders(step), (step) => this.afterReminders(step)]));
    this.initialDialogId = STEPS;
  }

  private async offerReminders(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await this.record.update(step.context, (current) => ({ ...current, status: 'unauthorised' }));
    await this.log.write(step.context, 'unauthorised');
    return step.beginDialog(REMIND_ABSENCE);
  }

  private async afterReminders(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (resultOf(step, yesNoResult) === 'yes') {
      const startedAt = await this.reminders.startedAt(step.context);
      const lastReview = this.services.rules.limit('unauthorisedAbsenceHours');
      for (let hour = 1; hour <= lastReview; hour += 1) {
        const rule = this.services.rules.decide('carer-review', { reviewHour: hour });
        if (rule) await this.reminders.schedule(step.context, rule, hoursAfter(startedAt, hour), { hour });
      }
      await this.log.write(step.context, 'remindersOn');
      await step.context.sendActivity(
        messagesFor(step.context, this.services).t('carer.unauthorised.remindersSet', {
          next: this.reminders.clockTime(step.context, hoursAfter(startedAt, 1)),
          sixHours: this.reminders.clockTime(step.context, hoursAfter(startedAt, lastReview)),
        }),
      );
    }
    return step.endDialog('wait' satisfies CarerPart);
  }
}
