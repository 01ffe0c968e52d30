// The carer's journey, often at night: danger first; absent or missing; for an unauthorised
// absence the plan and hourly reviews up to 6 hours; for a missing child the enquiries, the
// police on 101, and who to notify for the time of day; reminders that arrive on their own;
// what to do when the child is back; and a log of it all for their records.
import type { TurnContext } from 'botbuilder';
import { Dialog, WaterfallDialog, type DialogContext, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { DateTime } from 'luxon';
import { isOfficeOpen } from '../../bot/area';
import { CARER_ENQUIRIES, type CarerEnquiry } from '../../bot/content';
import { normalise } from '../../bot/text';
import { advise, adviseFirst } from '../base/advice';
import { ChecklistDialog, type ChecklistResult } from '../base/checklistDialog';
import { Choices } from '../base/choices';
import { ChoiceQuestion } from '../base/choiceQuestion';
import { flagRisk } from '../base/conversationFacts';
import { InterruptibleDialog } from '../base/interruptibleDialog';
import { replyAddressOf } from '../base/replyAddress';
import { messagesFor, turnLocale, type DialogServices } from '../base/services';
import { yesNoQuestion, yesNoUnsureQuestion, type YesNo, type YesNoUnsure } from '../base/yesNo';
import { carerCaseRecord, type CarerCase, type LogEntry } from './carerCase';

export const CARER_JOURNEY = 'carer';
const MAIN = 'carer.main';
const UNAUTHORISED = 'carer.unauthorisedFlow';
const MISSING = 'carer.missingFlow';
const BACK = 'carer.backFlow';
const WAITING = 'carer.waitingFlow';
const DANGER = 'carer.danger';
const WHEREABOUTS = 'carer.whereabouts';
const ORDER = 'carer.order';
const ENQUIRIES = 'carer.enquiries';
const REMIND_ABSENCE = 'carer.remindAbsence';
const REMIND_MISSING = 'carer.remindMissing';
const WAIT = 'carer.wait';
const HOUR_MS = 60 * 60 * 1000;
const MAX_ABSENCE_HOURS = 6;

type Whereabouts = 'known' | 'unknown';
type WaitAnswer = 'backNow' | 'treatMissing' | 'showLog';

const whereaboutsChoices = Choices.keyed<Whereabouts>(['known', 'unknown'], (value) => `carer.whereabouts.options.${value}`);
const waitChoices = Choices.keyed<WaitAnswer>(['backNow', 'treatMissing', 'showLog'], (value) => `carer.wait.options.${value}`);

export class CarerJourneyDialog extends InterruptibleDialog {
  private readonly record;

  constructor(services: DialogServices) {
    super(CARER_JOURNEY, services);
    this.record = carerCaseRecord(services);
    this.addDialog(yesNoUnsureQuestion(DANGER, 'carer.danger.ask', services));
    this.addDialog(new ChoiceQuestion({ id: WHEREABOUTS, ask: 'carer.whereabouts.ask', retry: 'common.choiceRetry', choices: whereaboutsChoices }, services));
    this.addDialog(yesNoQuestion(ORDER, 'carer.order.ask', services));
    this.addDialog(yesNoQuestion(REMIND_ABSENCE, 'carer.unauthorised.remind', services));
    this.addDialog(yesNoQuestion(REMIND_MISSING, 'carer.remindMissing.ask', services));
    this.addDialog(new ChoiceQuestion({ id: WAIT, ask: 'carer.wait.ask', retry: 'common.choiceRetry', choices: waitChoices }, services));
    this.addDialog(
      new ChecklistDialog<CarerEnquiry>(
        {
          id: ENQUIRIES,
          items: CARER_ENQUIRIES,
          keys: 'carer.enquiries',
          rulePoint: 'carer-enquiry',
          itemFact: (carerEnquiry) => ({ carerEnquiry }),
          read: async (context) => (await this.record.get(context)).enquiries,
          write: async (context, item, outcome) => {
            await this.record.update(context, (current) => ({ ...current, enquiries: { ...current.enquiries, [item]: outcome } }));
            if (outcome !== 'notPossible') await this.log(context, 'enquiry', { item: messagesFor(context, services).t(`carer.log.items.${item}`) });
          },
        },
        services,
      ),
    );
    this.addDialog(new WaterfallDialog(MAIN, [(step) => this.start(step), (step) => this.afterDanger(step), (step) => this.afterWhereabouts(step)]));
    this.addDialog(new WaterfallDialog(UNAUTHORISED, [(step) => this.adviseAbsence(step), (step) => this.afterAbsenceReminders(step)]));
    this.addDialog(
      new WaterfallDialog(MISSING, [
        (step) => step.beginDialog(ORDER),
        (step) => this.afterOrder(step),
        (step) => this.afterEnquiries(step),
        (step) => this.afterMissingReminders(step),
      ]),
    );
    this.addDialog(new WaterfallDialog(WAITING, [(step) => step.beginDialog(WAIT), (step) => this.afterWait(step)]));
    this.addDialog(new WaterfallDialog(BACK, [(step) => this.back(step)]));
    this.initialDialogId = MAIN;
  }

  /** "back now" at any step goes to the return; "log" shows the log and carries on. */
  protected override async interruptJourney(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    const messages = messagesFor(innerDc.context, this.services);
    const said = normalise(innerDc.context.activity.text ?? '');
    const is = (key: string) => said !== '' && messages.list(key).some((phrase) => normalise(phrase) === said);
    if (is('carer.wait.options.backNow.synonyms')) {
      await innerDc.cancelAllDialogs();
      return innerDc.beginDialog(BACK);
    }
    if (is('carer.wait.options.showLog.synonyms')) {
      await this.sendLog(innerDc.context);
      await innerDc.repromptDialog();
      return Dialog.EndOfTurn;
    }
    return undefined;
  }

  private async start(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await this.record.set(step.context, { startedAt: this.services.clock.now().toISOString(), enquiries: {}, log: [] });
    await this.log(step.context, 'started');
    return step.beginDialog(DANGER);
  }

  private async afterDanger(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const danger = step.result as YesNoUnsure;
    if (danger === 'yes') {
      await flagRisk(step.context, this.services, 'danger-now');
      await adviseFirst(step.context, this.services, 'carer-danger', { carerDangerNow: danger });
    }
    await this.log(step.context, danger === 'yes' ? 'dangerYes' : 'dangerNo');
    return step.beginDialog(WHEREABOUTS);
  }

  private async afterWhereabouts(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const known = (step.result as Whereabouts) === 'known';
    await adviseFirst(step.context, this.services, 'carer-whereabouts', { whereaboutsKnown: known });
    return step.replaceDialog(known ? UNAUTHORISED : MISSING);
  }

  private async adviseAbsence(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await this.record.update(step.context, (current) => ({ ...current, status: 'unauthorised' }));
    await this.log(step.context, 'unauthorised');
    return step.beginDialog(REMIND_ABSENCE);
  }

  private async afterAbsenceReminders(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if ((step.result as YesNo) === 'yes') {
      const startedAt = await this.startedAt(step.context);
      const reviews = Array.from({ length: MAX_ABSENCE_HOURS }, (_, index) => index + 1);
      for (const hour of reviews) {
        const rule = this.services.rules.decide('carer-review', { reviewHour: hour });
        if (rule) await this.remind(step.context, rule.id, rule.say, new Date(startedAt.getTime() + hour * HOUR_MS), { hour });
      }
      await this.log(step.context, 'remindersOn');
      await step.context.sendActivity(
        messagesFor(step.context, this.services).t('carer.unauthorised.remindersSet', {
          next: this.clockTime(step.context, new Date(startedAt.getTime() + HOUR_MS)),
          sixHours: this.clockTime(step.context, new Date(startedAt.getTime() + MAX_ABSENCE_HOURS * HOUR_MS)),
        }),
      );
    }
    return step.replaceDialog(WAITING);
  }

  private async afterOrder(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await this.record.update(step.context, (current) => ({ ...current, status: 'missing' }));
    await this.log(step.context, 'missing');
    if ((step.result as YesNo) === 'yes') {
      await adviseFirst(step.context, this.services, 'carer-order', { secureOrder: true });
      await this.log(step.context, 'secureOrder');
    }
    return step.beginDialog(ENQUIRIES);
  }

  private async afterEnquiries(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if ((step.result as ChecklistResult) === 'found') return step.replaceDialog(BACK);
    await adviseFirst(step.context, this.services, 'carer-report', { whereaboutsKnown: false });
    await this.log(step.context, 'reported');
    const officeOpen = isOfficeOpen(this.services.area, this.services.clock.now(), this.services.timeZone);
    await adviseFirst(step.context, this.services, 'carer-notify', { officeOpen });
    const service = officeOpen ? this.services.area.services.specialistChildrensServices : this.services.area.services.outOfHours;
    await this.log(step.context, 'notified', { service: service.name, phone: service.phone ?? '' });
    return step.beginDialog(REMIND_MISSING);
  }

  private async afterMissingReminders(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if ((step.result as YesNo) === 'yes') {
      const startedAt = await this.startedAt(step.context);
      const times: Record<string, string> = {};
      for (const [name, hours] of [['day', 24], ['twoDays', 48]] as const) {
        const at = new Date(startedAt.getTime() + hours * HOUR_MS);
        const rule = this.services.rules.decide('carer-missing-review', { hoursMissing: hours });
        if (rule) await this.remind(step.context, rule.id, rule.say, at);
        times[name] = this.clockTime(step.context, at, true);
      }
      await this.log(step.context, 'remindersOn');
      await step.context.sendActivity(messagesFor(step.context, this.services).t('carer.remindMissing.set', times));
    }
    return step.replaceDialog(WAITING);
  }

  private async afterWait(step: WaterfallStepContext): Promise<DialogTurnResult> {
    switch (step.result as WaitAnswer) {
      case 'backNow':
        return step.replaceDialog(BACK);
      case 'treatMissing':
        await this.services.scheduler.cancel(this.subject(step.context));
        await adviseFirst(step.context, this.services, 'carer-whereabouts', { whereaboutsKnown: false });
        return step.replaceDialog(MISSING);
      case 'showLog':
        await this.sendLog(step.context);
        return step.replaceDialog(WAITING);
    }
  }

  private async back(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { context } = step;
    const messages = messagesFor(context, this.services);
    const cancelled = await this.services.scheduler.cancel(this.subject(context));
    await this.record.update(context, (current) => ({ ...current, status: 'back' }));
    await this.log(context, 'back');
    await context.sendActivity(messages.t('carer.back.relief'));
    for (const rule of this.services.rules.decideAll('carer-back', { childBack: true })) await advise(context, this.services, rule);
    if (cancelled > 0) {
      await context.sendActivity(messages.t('carer.back.remindersCancelled'));
      const rule = this.services.rules.get('C-RETURN-72H');
      const now = this.services.clock.now();
      const deadline = new Date(now.getTime() + 72 * HOUR_MS);
      await this.remind(context, rule.id, rule.say, new Date(now.getTime() + 48 * HOUR_MS), { deadline: this.clockTime(context, deadline, true) });
    }
    await this.sendLog(context);
    return step.endDialog();
  }

  private async remind(context: TurnContext, ruleId: string, messageKey: string, dueAt: Date, variables: Record<string, string | number> = {}): Promise<void> {
    await this.services.scheduler.schedule({
      conversationId: context.activity.conversation.id,
      subject: this.subject(context),
      channel: context.activity.channelId,
      address: replyAddressOf(context),
      locale: turnLocale(context),
      messageKey,
      variables,
      ruleId,
      dueAt,
    });
  }

  private subject(context: TurnContext): string {
    return `carer:${context.activity.conversation.id}`;
  }

  private async startedAt(context: TurnContext): Promise<Date> {
    const { startedAt } = await this.record.get(context);
    return startedAt ? new Date(startedAt) : this.services.clock.now();
  }

  private clockTime(context: TurnContext, at: Date, withDay = false): string {
    const messages = messagesFor(context, this.services);
    return DateTime.fromJSDate(at, { zone: this.services.timeZone })
      .setLocale(messages.locale)
      .toFormat(withDay ? messages.t('common.dateTimeFormat') : 'HH:mm');
  }

  private async log(context: TurnContext, event: LogEntry['event'], variables: Record<string, string> = {}): Promise<void> {
    const entry: LogEntry = { at: this.services.clock.now().toISOString(), event, variables };
    await this.record.update(context, (current) => ({ ...current, log: [...current.log, entry].slice(-200) }));
  }

  private async sendLog(context: TurnContext): Promise<void> {
    await context.sendActivity(renderLog(await this.record.get(context), messagesFor(context, this.services), this.services.timeZone));
  }
}

/** The log as plain text, one line per step with its time, ready to copy. */
export function renderLog(carerCase: CarerCase, messages: ReturnType<DialogServices['localiser']['messages']>, timeZone: string): string {
  if (carerCase.log.length === 0) return messages.t('carer.log.empty');
  const lines = carerCase.log.map((entry) =>
    messages.t('carer.log.line', {
      time: DateTime.fromISO(entry.at, { zone: timeZone }).toFormat('dd/MM HH:mm'),
      event: messages.t(`carer.log.events.${entry.event}`, entry.variables),
    }),
  );
  return [messages.t('carer.log.title'), ...lines].join('\n');
}
