// The carer's journey, often at night: danger first; then whether they know where the child is.
// Known: an unauthorised absence, with hourly reviews. Not known: missing, with enquiries and
// the police on 101, then who to notify at this hour. Then waiting, with reminders that arrive
// by themselves; and, at any point, "back now" for the return, or "log" for the log so far.
import { Dialog, WaterfallDialog, type DialogContext, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { z } from 'zod';
import { normalise } from '../../bot/understanding/text';
import { adviseFirst } from '../../bot/turn/advice';
import { messagesFor, type DialogServices } from '../../bot/turn/services';
import { Choices } from '../base/choices';
import { ChoiceQuestion } from '../base/choiceQuestion';
import { flagRisk } from '../base/conversationFacts';
import { InterruptibleDialog } from '../base/interruptibleDialog';
import { optionsOf, resultOf, yesNoUnsureResult } from '../base/stepData';
import { yesNoUnsureQuestion } from '../base/yesNo';
import { CARER_PARTS, carerPartResult, carerCaseRecord, type CarerPart } from './carerCase';
import { CarerLog } from './carerLog';
import { CARER_MISSING_DIALOG, CarerMissingDialog } from './carerMissingDialog';
import { CARER_NOTIFY_DIALOG, CarerNotifyDialog } from './carerNotifyDialog';
import { CARER_RETURN_DIALOG, CarerReturnDialog } from './carerReturnDialog';
import { CARER_WAIT_DIALOG, CarerWaitDialog } from './carerWaitDialog';
import { UNAUTHORISED_ABSENCE_DIALOG, UnauthorisedAbsenceDialog } from './unauthorisedAbsenceDialog';

export const CARER_JOURNEY = 'carer';
const MAIN = 'carer.main';
/** Runs one part of the journey, then the part it hands on to, until one ends the journey. */
const PARTS = 'carer.parts';
const DANGER = 'carer.danger';
const WHEREABOUTS = 'carer.whereabouts';

const PART_DIALOGS: Record<CarerPart, string> = {
  absent: UNAUTHORISED_ABSENCE_DIALOG,
  notify: CARER_NOTIFY_DIALOG,
  wait: CARER_WAIT_DIALOG,
  missing: CARER_MISSING_DIALOG,
  back: CARER_RETURN_DIALOG,
};
const partOptions = z.object({ part: z.enum(CARER_PARTS) });
type PartOptions = z.infer<typeof partOptions>;

const WHEREABOUTS_ANSWERS = ['known', 'unknown'] as const;
export const whereaboutsChoices = Choices.keyed(WHEREABOUTS_ANSWERS, (value) => `carer.whereabouts.options.${value}`, {
  yes: 'known',
  no: 'unknown',
  unknown: 'unknown',
});

export class CarerJourneyDialog extends InterruptibleDialog {
  private readonly record;
  private readonly log;

  constructor(services: DialogServices) {
    super(CARER_JOURNEY, services);
    this.record = carerCaseRecord(services);
    this.log = new CarerLog(services);
    this.addDialog(yesNoUnsureQuestion(DANGER, 'carer.danger.ask', services));
    this.addDialog(
      new ChoiceQuestion(
        { id: WHEREABOUTS, ask: 'carer.whereabouts.ask', retry: 'common.choiceRetry', choices: whereaboutsChoices },
        services,
      ),
    );
    this.addDialog(new UnauthorisedAbsenceDialog(services));
    this.addDialog(new CarerMissingDialog(services));
    this.addDialog(new CarerNotifyDialog(services));
    this.addDialog(new CarerWaitDialog(services));
    this.addDialog(new CarerReturnDialog(services));
    this.addDialog(
      new WaterfallDialog(MAIN, [(step) => this.start(step), (step) => this.afterDanger(step), (step) => this.afterWhereabouts(step)]),
    );
    this.addDialog(new WaterfallDialog(PARTS, [(step) => this.beginPart(step), (step) => this.afterPart(step)]));
    this.initialDialogId = MAIN;
  }

  /** "back now" at any step goes to the return; "log" shows the log and carries on. */
  protected override async interruptJourney(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    const messages = messagesFor(innerDc.context, this.services);
    const said = normalise(innerDc.context.activity.text ?? '');
    const is = (key: string) => said !== '' && messages.list(key).some((phrase) => normalise(phrase) === said);
    if (is('carer.wait.options.backNow.synonyms')) {
      await innerDc.cancelAllDialogs();
      return innerDc.beginDialog(CARER_RETURN_DIALOG);
    }
    if (is('carer.wait.options.showLog.synonyms')) {
      await this.log.send(innerDc.context);
      await innerDc.repromptDialog();
      return Dialog.EndOfTurn;
    }
    return undefined;
  }

  private async start(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await this.record.set(step.context, { startedAt: this.services.clock.now().toISOString(), enquiries: {}, log: [] });
    await this.log.write(step.context, 'started');
    return step.beginDialog(DANGER);
  }

  private async afterDanger(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const danger = resultOf(step, yesNoUnsureResult);
    if (danger === 'yes') {
      await flagRisk(step.context, this.services, 'danger-now');
      await adviseFirst(step.context, this.services, 'carer-danger', { carerDangerNow: danger });
    }
    await this.log.write(step.context, danger === 'yes' ? 'dangerYes' : 'dangerNo');
    return step.beginDialog(WHEREABOUTS);
  }

  private async afterWhereabouts(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const known = resultOf(step, z.enum(WHEREABOUTS_ANSWERS)) === 'known';
    await adviseFirst(step.context, this.services, 'carer-whereabouts', { whereaboutsKnown: known });
    return step.replaceDialog(PARTS, { part: known ? 'absent' : 'missing' } satisfies PartOptions);
  }

  private async beginPart(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.beginDialog(PART_DIALOGS[optionsOf(step, partOptions).part]);
  }

  private async afterPart(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const next = resultOf(step, carerPartResult);
    return next ? step.replaceDialog(PARTS, { part: next } satisfies PartOptions) : step.endDialog();
  }
}
