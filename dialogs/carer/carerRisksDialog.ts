// What the carer knows about the child's risks, asked as yes/no questions one at a time (the care
// plan says report at once, exploitation, self-harm, medical needs, under 13) and the groups the
// guidance names (an unaccompanied asylum-seeking child, a child placed by another council). Each
// answer is kept at once; one already said in the conversation (exploitation, heard as a danger
// or disclosure) is not asked again.
import type { TurnContext } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type DialogContext, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { z } from 'zod';
import { CARER_RISKS, type CarerRisk, type StatedFact } from '../../bot/content/vocabulary';
import { messagesFor, type DialogServices } from '../../bot/turn/services';
import { conversationFactsRecord, type RiskFlag } from '../base/conversationFacts';
import { resultOf, stepValues, yesNoResult } from '../base/stepData';
import { yesNoQuestion } from '../base/yesNo';
import { carerCaseRecord } from './carerCase';

export const CARER_RISKS_DIALOG = 'carer.risks';
const LOOP = 'carer.risks.loop';
export const riskQuestion = (risk: CarerRisk) => `carer.risk.${risk}`;

/** Flags the conversation may already hold that answer a risk question with yes. */
const SAID_ALREADY: Partial<Record<CarerRisk, readonly RiskFlag[]>> = {
  exploitation: ['exploitation', 'childExploited'],
};

/** Facts said in passing that answer a risk question with yes. */
const STATED_AS: Partial<Record<CarerRisk, readonly StatedFact[]>> = {
  asylumSeeking: ['asylumSeeking'],
  placedFromElsewhere: ['placedFromElsewhere'],
  medical: ['medicalCondition'],
  carePlanReportNow: ['carePlanReportNow'],
};

/** The risk asked in this turn of the loop, kept for the step that reads its answer. */
const loopValues = stepValues(z.object({ asked: z.enum(CARER_RISKS).optional() }));

export class CarerRisksDialog extends ComponentDialog {
  private readonly record;

  constructor(private readonly services: DialogServices) {
    super(CARER_RISKS_DIALOG);
    this.record = carerCaseRecord(services);
    for (const risk of CARER_RISKS) this.addDialog(yesNoQuestion(riskQuestion(risk), `carer.risks.${risk}`, services));
    this.addDialog(new WaterfallDialog(LOOP, [(step) => this.ask(step), (step) => this.keep(step)]));
    this.initialDialogId = LOOP;
  }

  protected override async onBeginDialog(innerDc: DialogContext, options?: object): Promise<DialogTurnResult> {
    await innerDc.context.sendActivity(messagesFor(innerDc.context, this.services).t('carer.risks.intro'));
    return super.onBeginDialog(innerDc, options);
  }

  private async ask(step: WaterfallStepContext): Promise<DialogTurnResult> {
    // Read before each question, not once: "no, but he has asthma" said at one question answers
    // a later one.
    await this.keepWhatWasSaid(step.context);
    const { risks } = await this.record.get(step.context);
    const asked = CARER_RISKS.find((risk) => risks[risk] === undefined);
    loopValues.keep(step, { asked });
    return asked ? step.beginDialog(riskQuestion(asked)) : step.endDialog();
  }

  /** Risks the conversation has already answered: flags and facts said in passing, and the age given. */
  private async keepWhatWasSaid(context: TurnContext): Promise<void> {
    const { flags, stated, ageYears } = await conversationFactsRecord(this.services).get(context);
    const said = CARER_RISKS.filter(
      (risk) => SAID_ALREADY[risk]?.some((flag) => flags.includes(flag)) || STATED_AS[risk]?.some((fact) => stated.includes(fact)),
    );
    // The age the carer gave answers "12 or younger?" either way.
    const byAge: Partial<Record<CarerRisk, boolean>> = ageYears === undefined ? {} : { underThirteen: ageYears < 13 };
    if (said.length === 0 && ageYears === undefined) return;
    await this.record.update(context, (current) => ({
      ...current,
      risks: { ...current.risks, ...byAge, ...Object.fromEntries(said.map((risk) => [risk, true])) },
    }));
  }

  private async keep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { asked } = loopValues.read(step);
    if (asked) {
      const yes = resultOf(step, yesNoResult) === 'yes';
      await this.record.update(step.context, (current) => ({ ...current, risks: { ...current.risks, [asked]: yes } }));
    }
    return step.replaceDialog(LOOP);
  }
}
