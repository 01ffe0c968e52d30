// Whereabouts known but not agreed. It is recorded. Where the area's guidance has an unauthorised
// absence category with hourly reviews up to a limit (Thames Valley), the carer is offered a
// reminder at each review, the last of which says to treat the child as missing, all counted from
// when the child went or was due back; reviews already due are said at once, and past the limit
// the child is treated as missing now. Areas without the category (Kent, Medway) set no clock:
// the advice already given stands. Then the journey waits.
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { advise, adviseFirst } from '../../bot/turn/advice';
import { messagesFor, type DialogServices } from '../../bot/turn/services';
import { resultOf, yesNoResult } from '../base/stepData';
import { yesNoQuestion } from '../base/yesNo';
import { carerCaseRecord, riskFacts, type CarerPart } from './carerCase';
import { CarerLog } from './carerLog';
import { CarerReminders, hoursAfter } from './carerReminders';
import { listOf } from '../../bot/content/i18n';

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
    const { context } = step;
    const carerCase = await this.record.update(context, (current) => ({ ...current, status: 'unauthorised' }));
    await this.log.write(context, 'unauthorised');
    const lastReview = this.services.rules.optionalLimit('unauthorisedAbsenceHours');
    if (lastReview === undefined) return step.endDialog('wait' satisfies CarerPart);
    const from = await this.reminders.countFrom(context);
    // The last review point has passed already: it is acted on now, and they are treated as missing.
    if (this.reminders.isPast(hoursAfter(from, lastReview))) {
      const rule = this.services.rules.decide('carer-review', { reviewHour: lastReview });
      if (rule) await advise(context, this.services, rule);
      await adviseFirst(context, this.services, 'carer-whereabouts', { whereaboutsKnown: false, ...riskFacts(carerCase) });
      return step.endDialog('missing' satisfies CarerPart);
    }
    // Hourly reviews already due are said now, together.
    const overdue = reviewHours(lastReview).filter((hour) => this.reminders.isPast(hoursAfter(from, hour)));
    const rule = this.services.rules.decide('carer-review-overdue', { reviewsOverdue: overdue.length });
    if (rule)
      await advise(context, this.services, rule, {
        times: listOf(
          messagesFor(context, this.services).locale,
          overdue.map((hour) => this.reminders.clockTime(context, hoursAfter(from, hour))),
        ),
      });
    return step.beginDialog(REMIND_ABSENCE);
  }

  private async afterReminders(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (resultOf(step, yesNoResult) === 'yes') {
      const { context } = step;
      const from = await this.reminders.countFrom(context);
      const lastReview = this.services.rules.optionalLimit('unauthorisedAbsenceHours') ?? 0;
      const coming = [...reviewHours(lastReview), lastReview].filter((hour) => !this.reminders.isPast(hoursAfter(from, hour)));
      for (const hour of coming) {
        const rule = this.services.rules.decide('carer-review', { reviewHour: hour });
        if (rule) await this.reminders.schedule(context, rule, hoursAfter(from, hour), { hour });
      }
      await this.log.write(context, 'remindersOn');
      const [next = lastReview] = coming;
      const times = {
        next: this.reminders.clockTime(context, hoursAfter(from, next)),
        sixHours: this.reminders.clockTime(context, hoursAfter(from, lastReview)),
      };
      const messages = messagesFor(context, this.services);
      await context.sendActivity(
        messages.t(next === lastReview ? 'carer.unauthorised.remindersSetLast' : 'carer.unauthorised.remindersSet', times),
      );
    }
    return step.endDialog('wait' satisfies CarerPart);
  }
}

/** The hourly review points before the last one: 1 to 5 of 6. */
function reviewHours(lastReview: number): number[] {
  return Array.from({ length: lastReview - 1 }, (_, index) => index + 1);
}
