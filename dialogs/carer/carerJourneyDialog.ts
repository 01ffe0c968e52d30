// The carer's journey, often at night: danger first; then whether they know where the child is,
// when they went or were due back (every review point counts from then), and the child's known
// risks: a high-risk child is reported to the police at once, before the enquiries. Known
// whereabouts: an unauthorised absence, with hourly reviews. Not known: missing, with enquiries
// and the police on 101, then who to notify at this hour. Then waiting, with reminders that arrive
// by themselves; and, at any point, "back now" for the return, or "log" for the log so far.
import type { TurnContext } from 'botbuilder';
import { Dialog, WaterfallDialog, type DialogContext, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { z } from 'zod';
import { CARER_RISKS, type CarerRisk } from '../../bot/content/vocabulary';
import type { JourneyExits } from '../../bot/understanding/openQuestion';
import { advise, adviseFirst, emergencySaidThisTurn } from '../../bot/turn/advice';
import { messagesFor, readingOf, type DialogServices } from '../../bot/turn/services';
import { Choices } from '../base/choices';
import { ChoiceQuestion } from '../base/choiceQuestion';
import { conversationFactsRecord, flagRisk, keepChildGone, keepGoneSince, momentSaidBegin, type RiskFlag } from '../base/conversationFacts';
import { InterruptibleDialog } from '../base/interruptibleDialog';
import { TURN_ALREADY_ANSWERED } from '../base/waitingDialog';
import { PastMomentDialog } from '../base/pastMomentDialog';
import { journeyOptionsSchema } from '../base/journeyOptions';
import { optionsOf, pastMomentResult, resultOf, stepValues, yesNoUnsureResult } from '../base/stepData';
import { yesNoUnsureQuestion } from '../base/yesNo';
import { CARER_PARTS, carerPartResult, carerCaseRecord, riskFacts, type CarerPart } from './carerCase';
import { CarerLog } from './carerLog';
import { CarerReminders, hoursBetween } from './carerReminders';
import { listOf } from '../../bot/content/i18n';
import { CARER_RISKS_DIALOG, CarerRisksDialog } from './carerRisksDialog';
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
const WENT = 'carer.went';

/** The risks that go to the conversation's flags, for a person who takes it over. */
const RISK_FLAGS_OF: Partial<Record<CarerRisk, RiskFlag>> = { exploitation: 'exploitation', selfHarm: 'selfHarm', medical: 'medical' };

/** What the main steps keep between them: whether the carer knows where the child is, and whether "report now" was said already (the care plan said so up front). */
const mainValues = stepValues(z.object({ known: z.boolean().optional(), reportAdvised: z.boolean().optional() }));

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

const DANGER_EVENTS = { yes: 'dangerYes', no: 'dangerNo', unsure: 'dangerUnsure' } as const;

export class CarerJourneyDialog extends InterruptibleDialog {
  private readonly record;
  private readonly log;
  private readonly reminders;

  constructor(services: DialogServices) {
    super(CARER_JOURNEY, services);
    this.record = carerCaseRecord(services);
    this.log = new CarerLog(services);
    this.reminders = new CarerReminders(services);
    this.addDialog(yesNoUnsureQuestion(DANGER, 'carer.danger.ask', services));
    this.addDialog(
      new ChoiceQuestion(
        {
          id: WHEREABOUTS,
          ask: 'carer.whereabouts.ask',
          retry: 'common.choiceRetry',
          choices: whereaboutsChoices,
          // "probably at her mums", "might be at his mates": a guess is not knowing where they are
          // (004 §1.5: whereabouts that cannot be established are missing).
          read: (context) =>
            services.understanding.everyday(context.activity.text ?? '', messagesFor(context, services).locale) === 'unknown'
              ? 'unknown'
              : undefined,
        },
        services,
      ),
    );
    this.addDialog(
      new PastMomentDialog(
        WENT,
        {
          ask: 'carer.went.ask',
          confirm: 'carer.went.confirm',
          confirmSaid: 'common.moment.confirmSaid',
          unreadable: 'carer.went.unreadable',
          future: 'carer.went.future',
          again: 'carer.went.again',
        },
        services,
        { allowUnknown: true, lastSeen: true, dueBack: true },
      ),
    );
    this.addDialog(new CarerRisksDialog(services));
    this.addDialog(new UnauthorisedAbsenceDialog(services));
    this.addDialog(new CarerMissingDialog(services));
    this.addDialog(new CarerNotifyDialog(services));
    this.addDialog(new CarerWaitDialog(services));
    this.addDialog(new CarerReturnDialog(services));
    this.addDialog(
      new WaterfallDialog(MAIN, [
        (step) => this.start(step),
        (step) => this.afterDanger(step),
        (step) => this.afterWhereabouts(step),
        (step) => this.afterWent(step),
        (step) => this.afterRisks(step),
      ]),
    );
    this.addDialog(new WaterfallDialog(PARTS, [(step) => this.beginPart(step), (step) => this.afterPart(step)]));
    this.initialDialogId = MAIN;
  }

  protected override readonly exits: JourneyExits = {
    journey: CARER_JOURNEY,
    exits: [
      { value: 'backNow', title: 'carer.wait.options.backNow.title', synonyms: 'carer.wait.options.backNow.synonyms' },
      { value: 'showLog', title: 'carer.wait.options.showLog.title', synonyms: 'carer.wait.options.showLog.synonyms' },
    ],
  };

  /** "back now" at any step goes to the return; "log" shows the log and carries on. */
  protected override async interruptJourney(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    const { exit, facts, situation } = readingOf(innerDc.context, this.services);
    // "ref 46-0212" at any step goes in the log, said back, and is not a miss of the question waiting.
    if (facts.policeReference) {
      await this.log.write(innerDc.context, 'policeReference', { reference: facts.policeReference });
      await innerDc.context.sendActivity(
        messagesFor(innerDc.context, this.services).t('carer.referenceNoted', { reference: facts.policeReference }),
      );
      innerDc.context.turnState.set(TURN_ALREADY_ANSWERED, true);
    }
    const took = exit?.journey === CARER_JOURNEY ? exit.value : undefined;
    // "one of our girls came back at 2am before we called the police", at any step: the return.
    const saysBack = situation === 'back' && (await this.record.get(innerDc.context)).status !== 'back';
    if (took === 'backNow' || (took === undefined && saysBack)) {
      await innerDc.cancelAllDialogs();
      return innerDc.beginDialog(CARER_RETURN_DIALOG);
    }
    if (took === 'showLog') {
      await this.log.send(innerDc.context);
      await innerDc.repromptDialog();
      return Dialog.EndOfTurn;
    }
    return undefined;
  }

  private async start(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await this.record.set(step.context, { startedAt: this.services.clock.now().toISOString(), enquiries: {}, risks: {}, log: [] });
    // "our lad came back at 2am with new trainers": the return steps, not "do you know where they are?".
    if (optionsOf(step, journeyOptionsSchema).situation === 'back') return step.replaceDialog(CARER_RETURN_DIALOG);
    await this.log.write(step.context, 'started');
    await keepChildGone(step.context, this.services, true);
    // "shes at some flat with older lads", just told "call 999 now": the danger is answered, not asked.
    if (emergencySaidThisTurn(step.context)) return step.next('yes');
    return step.beginDialog(DANGER);
  }

  private async afterDanger(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const danger = resultOf(step, yesNoUnsureResult);
    if (danger === 'yes') await flagRisk(step.context, this.services, 'danger-now');
    await adviseFirst(step.context, this.services, 'carer-danger', { carerDangerNow: danger });
    await this.log.write(step.context, DANGER_EVENTS[danger]);
    return step.beginDialog(WHEREABOUTS);
  }

  private async afterWhereabouts(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const known = resultOf(step, z.enum(WHEREABOUTS_ANSWERS)) === 'known';
    // "his care plan says report him straight away": report now comes next, not after when they
    // went and every other risk; those are still asked, for the police and the log.
    const { stated } = await conversationFactsRecord(this.services).get(step.context);
    const reportAdvised = stated.includes('carePlanReportNow') && (await this.adviseReportNow(step.context, known));
    mainValues.keep(step, { known, reportAdvised });
    // "one of ours absconded at 1am": when they went, said already, is confirmed rather than asked.
    return step.beginDialog(WENT, await momentSaidBegin(step.context, this.services, 'lastSeenSaid'));
  }

  /** When they went or were due back: the review points count from then ("don't know": from now). */
  private async afterWent(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const went = resultOf(step, pastMomentResult.optional());
    await this.record.update(step.context, (current) => ({ ...current, wentAt: went ? new Date(went.at).toISOString() : undefined }));
    if (went) {
      await keepGoneSince(step.context, this.services, new Date(went.at));
      await this.log.write(step.context, 'went', { when: this.reminders.clockTime(step.context, new Date(went.at), true) });
    } else {
      await this.log.write(step.context, 'wentUnknown');
      await step.context.sendActivity(messagesFor(step.context, this.services).t('carer.went.countFromNow'));
    }
    return step.beginDialog(CARER_RISKS_DIALOG);
  }

  /** What the risks mean now: the police at once for a high-risk child; the advice for the groups the guidance names. */
  private async afterRisks(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { context } = step;
    const known = mainValues.read(step).known === true;
    const carerCase = await this.record.get(context);
    const flags = CARER_RISKS.flatMap((risk) => {
      const flag = RISK_FLAGS_OF[risk];
      return flag && carerCase.risks[risk] ? [flag] : [];
    });
    if (flags.length > 0) await flagRisk(context, this.services, ...flags);
    const messages = messagesFor(context, this.services);
    const said = CARER_RISKS.filter((risk) => carerCase.risks[risk]).map((risk) => messages.t(`carer.log.risks.${risk}`));
    await this.log.write(context, 'risks', { risks: said.length > 0 ? listOf(messages.locale, said) : messages.t('carer.log.risks.none') });
    // How long they have been gone decides whether enquiries still come first.
    const hours = carerCase.wentAt ? hoursBetween(new Date(carerCase.wentAt), this.services.clock.now()) : undefined;
    const allowed = this.services.area.carerEnquiries?.reportAfterHours;
    const facts = {
      whereaboutsKnown: known,
      ...riskFacts(carerCase),
      enquiryTimeOver: hours !== undefined && allowed !== undefined && hours >= allowed,
    };
    // Thought to be somewhere, but the care plan says to report at once: that comes first, unless said already.
    const { reportAdvised } = mainValues.read(step);
    const planSaysReport = known && !reportAdvised ? this.services.rules.decide('carer-plan-report', facts) : undefined;
    if (planSaysReport) await advise(context, this.services, planSaysReport);
    const decided = this.services.rules.decide('carer-whereabouts', facts);
    const rule = reportAdvised && decided?.audit === 'advised-101' ? undefined : decided;
    if (rule) await advise(context, this.services, rule, { hours: hours ?? 0 });
    if (rule?.audit === 'advised-101' || planSaysReport) await this.log.write(context, 'reportedAtOnce');
    for (const advice of this.services.rules.decideAll('carer-risk', facts)) await advise(context, this.services, advice);
    return step.replaceDialog(PARTS, { part: known ? 'absent' : 'missing' } satisfies PartOptions);
  }

  /** The care plan says to report at once: the area's rule for it, where they are thought to be or not. Says whether one was given. */
  private async adviseReportNow(context: TurnContext, known: boolean): Promise<boolean> {
    const facts = { whereaboutsKnown: known, 'risk.carePlanReportNow': true };
    const rule = this.services.rules.decide('carer-plan-report', facts);
    if (rule?.audit !== 'advised-101') return false;
    await advise(context, this.services, rule);
    await this.log.write(context, 'reportedAtOnce');
    return true;
  }

  private async beginPart(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.beginDialog(PART_DIALOGS[optionsOf(step, partOptions).part]);
  }

  private async afterPart(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const next = resultOf(step, carerPartResult);
    return next ? step.replaceDialog(PARTS, { part: next } satisfies PartOptions) : step.endDialog();
  }
}
