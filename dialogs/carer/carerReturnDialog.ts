// When the child is back: the reminders for the absence stop; the return steps (the police's
// safe and well check, their health, the return interview, the record); a reminder before the
// return interview is due, if reminders were on; and the log to copy.
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { advise } from '../../bot/turn/advice';
import { conversationFactsRecord, keepChildGone, returnJustSaid } from '../base/conversationFacts';
import { messagesFor, type DialogServices } from '../../bot/turn/services';
import { carerCaseRecord, type CarerCase, type LogEntry } from './carerCase';
import { CarerLog } from './carerLog';
import { CarerReminders, hoursAfter } from './carerReminders';

export const CARER_RETURN_DIALOG = 'carer.backFlow';
const STEPS = 'carer.backFlow.steps';
/** The return interview reminder comes this long before it is due: a day to arrange it. */
const NOTICE_HOURS = 24;

export class CarerReturnDialog extends ComponentDialog {
  private readonly record;
  private readonly log;
  private readonly reminders;

  constructor(private readonly services: DialogServices) {
    super(CARER_RETURN_DIALOG);
    this.record = carerCaseRecord(services);
    this.log = new CarerLog(services);
    this.reminders = new CarerReminders(services);
    this.addDialog(new WaterfallDialog(STEPS, [(step) => this.back(step)]));
    this.initialDialogId = STEPS;
  }

  private async back(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { context } = step;
    const messages = messagesFor(context, this.services);
    await keepChildGone(context, this.services, false);
    const cancelled = await this.reminders.cancelAll(context);
    const before = await this.record.get(context);
    await this.record.update(context, (current) => ({ ...current, status: 'back' }));
    // "she just came back at 3am": the log says 03:00, not the minute it was typed.
    const facts = await conversationFactsRecord(this.services).get(context);
    await this.log.write(context, 'back', {}, returnJustSaid(facts, this.services.clock.now()));
    await context.sendActivity(messages.t('carer.back.relief'));
    const reportedMissing = facts.stated.includes('policeTold') ? 'yes' : policeToldOf(before);
    for (const rule of this.services.rules.decideAll('carer-back', { childBack: true, ...(reportedMissing ? { reportedMissing } : {}) }))
      await advise(context, this.services, rule);
    if (cancelled > 0) {
      await context.sendActivity(messages.t('carer.back.remindersCancelled'));
      const rule = this.services.rules.get('C-RETURN-72H');
      const deadline = hoursAfter(this.services.clock.now(), this.services.rules.limit('returnInterviewHours'));
      await this.reminders.schedule(context, rule, hoursAfter(deadline, -NOTICE_HOURS), {
        deadline: this.reminders.clockTime(context, deadline, true),
      });
    }
    await this.log.send(context);
    return step.endDialog();
  }
}

/** What tells the police in a carer's log: being told to report, a 999, or the police's reference. */
const POLICE_TOLD: ReadonlyArray<LogEntry['event']> = ['reported', 'reportedAtOnce', 'dangerYes', 'policeReference'];

/**
 * Whether the police were told the child was missing: "no" only when this conversation followed the
 * absence from its start and never got as far as reporting it (back during the enquiries or an
 * unauthorised absence); unknown when the carer first wrote to say the child is back.
 */
function policeToldOf(carerCase: CarerCase): 'yes' | 'no' | undefined {
  if (carerCase.log.some((entry) => POLICE_TOLD.includes(entry.event))) return 'yes';
  return carerCase.log.some((entry) => entry.event === 'started') ? 'no' : undefined;
}
