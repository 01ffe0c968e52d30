// Who to notify about a missing child at this hour (the council's children's services in office
// hours, the out-of-hours team otherwise), and reminders at the points the guidance sets for
// telling more people: senior leaders, then a strategy meeting. Then the journey waits.
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { isOfficeOpen } from '../../bot/content/area';
import { adviseFirst } from '../../bot/turn/advice';
import { messagesFor, type DialogServices } from '../../bot/turn/services';
import { resultOf, yesNoResult } from '../base/stepData';
import { yesNoQuestion } from '../base/yesNo';
import type { CarerPart } from './carerCase';
import { CarerLog } from './carerLog';
import { CarerReminders, hoursAfter } from './carerReminders';

export const CARER_NOTIFY_DIALOG = 'carer.notifyFlow';
const STEPS = 'carer.notifyFlow.steps';
const REMIND_MISSING = 'carer.remindMissing';

export class CarerNotifyDialog extends ComponentDialog {
  private readonly log;
  private readonly reminders;

  constructor(private readonly services: DialogServices) {
    super(CARER_NOTIFY_DIALOG);
    this.log = new CarerLog(services);
    this.reminders = new CarerReminders(services);
    this.addDialog(yesNoQuestion(REMIND_MISSING, 'carer.remindMissing.ask', services));
    this.addDialog(new WaterfallDialog(STEPS, [(step) => this.notify(step), (step) => this.afterReminders(step)]));
    this.initialDialogId = STEPS;
  }

  private async notify(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { area, clock, timeZone } = this.services;
    const officeOpen = isOfficeOpen(area, clock.now(), timeZone);
    await adviseFirst(step.context, this.services, 'carer-notify', { officeOpen });
    const service = officeOpen ? area.services.specialistChildrensServices : area.services.outOfHours;
    await this.log.write(step.context, 'notified', { service: service.name, phone: service.phone ?? '' });
    return step.beginDialog(REMIND_MISSING);
  }

  private async afterReminders(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (resultOf(step, yesNoResult) === 'yes') {
      const startedAt = await this.reminders.startedAt(step.context);
      const reviews = [
        ['day', this.services.rules.limit('missingSeniorAlertHours')],
        ['twoDays', this.services.rules.limit('missingStrategyMeetingHours')],
      ] as const;
      const times: Record<string, string> = {};
      for (const [name, hours] of reviews) {
        const at = hoursAfter(startedAt, hours);
        const rule = this.services.rules.decide('carer-missing-review', { hoursMissing: hours });
        if (rule) await this.reminders.schedule(step.context, rule, at);
        times[name] = this.reminders.clockTime(step.context, at, true);
      }
      await this.log.write(step.context, 'remindersOn');
      await step.context.sendActivity(messagesFor(step.context, this.services).t('carer.remindMissing.set', times));
    }
    return step.endDialog('wait' satisfies CarerPart);
  }
}
