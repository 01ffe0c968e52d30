// Who to notify about a missing child at this hour (the council's children's services in office
// hours, the out-of-hours team otherwise), and reminders at the points the guidance sets for
// telling more people: senior leaders, then a strategy meeting, counted from when the child went
// (a point already passed is said now). Then the journey waits.
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { isOfficeOpen } from '../../bot/content/area';
import { advise, adviseFirst } from '../../bot/turn/advice';
import type { Rule } from '../../bot/content/ruleSchema';
import { messagesFor, type DialogServices } from '../../bot/turn/services';
import { resultOf, yesNoResult } from '../base/stepData';
import { yesNoQuestion } from '../base/yesNo';
import type { CarerPart } from './carerCase';
import { CarerLog } from './carerLog';
import { CarerReminders, hoursAfter } from './carerReminders';
import { listOf } from '../../bot/content/i18n';

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
    const { context } = step;
    const { area, clock, timeZone } = this.services;
    const officeOpen = isOfficeOpen(area, clock.now(), timeZone);
    await adviseFirst(context, this.services, 'carer-notify', { officeOpen });
    const service = officeOpen ? area.services.specialistChildrensServices : area.services.outOfHours;
    await this.log.write(context, 'notified', { service: service.name, phone: service.phone ?? '' });
    // A review point already passed (they went more than a day ago) is said now; the rest can be reminders.
    const points = await this.reviewPoints(step);
    for (const point of points.filter((candidate) => candidate.past)) await advise(context, this.services, point.rule);
    const coming = points.filter((point) => !point.past);
    if (coming.length === 0) return step.endDialog('wait' satisfies CarerPart);
    const messages = messagesFor(context, this.services);
    const times = listOf(
      messages.locale,
      coming.map((point) => messages.t(`area.carer.missingPoints.${point.name}`)),
    );
    return step.beginDialog(REMIND_MISSING, { variables: { times } });
  }

  private async afterReminders(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (resultOf(step, yesNoResult) === 'yes') {
      const coming = (await this.reviewPoints(step)).filter((point) => !point.past);
      for (const point of coming) await this.reminders.schedule(step.context, point.rule, point.at);
      await this.log.write(step.context, 'remindersOn');
      const messages = messagesFor(step.context, this.services);
      const times = listOf(
        messages.locale,
        coming.map((point) => this.reminders.clockTime(step.context, point.at, true)),
      );
      await step.context.sendActivity(messages.t('carer.remindMissing.set', { times }));
    }
    return step.endDialog('wait' satisfies CarerPart);
  }

  /** The points the guidance sets while a child is missing, counted from when they went. */
  private async reviewPoints(step: WaterfallStepContext): Promise<ReviewPoint[]> {
    const from = await this.reminders.countFrom(step.context);
    const points: ReviewPoint[] = [];
    for (const [name, limit] of [
      ['day', 'missingSeniorAlertHours'],
      ['twoDays', 'missingStrategyMeetingHours'],
    ] as const) {
      const hours = this.services.rules.optionalLimit(limit);
      // An area without this point (Kent sets neither) has nothing to remind of.
      if (hours === undefined) continue;
      const rule = this.services.rules.decide('carer-missing-review', { hoursMissing: hours });
      const at = hoursAfter(from, hours);
      if (rule) points.push({ name, rule, at, past: this.reminders.isPast(at) });
    }
    return points;
  }
}

interface ReviewPoint {
  name: 'day' | 'twoDays';
  rule: Rule;
  at: Date;
  past: boolean;
}
