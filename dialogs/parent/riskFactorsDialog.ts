// Risk factors, asked gently as yes/no questions (Thames Valley and Medway lists), and the
// number of recent episodes when the child has gone missing before.
import { ComponentDialog, WaterfallDialog, type DialogContext, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { z } from 'zod';
import { Question } from '../base/question';
import { numberAnswerResult, resultOf, stepValues, yesNoResult } from '../base/stepData';
import type { TurnContext } from 'botbuilder';
import { messagesFor, readingOf, type DialogServices } from '../../bot/turn/services';
import { yesNoQuestion, type YesNo } from '../base/yesNo';
import { parentCaseRecord, RISK_FACTORS, type ParentCase, type RiskFactor } from './parentCase';
import { conversationFactsRecord, type ConversationFacts } from '../base/conversationFacts';
import { listOf } from '../../bot/content/i18n';

export const RISK_FACTORS_DIALOG = 'parent.risk';
const LOOP = 'parent.risk.loop';
const EPISODES = 'parent.risk.episodes';
const question = (factor: RiskFactor) => `parent.risk.${factor}`;

const nextSchema = z.discriminatedUnion('ask', [
  z.object({ ask: z.literal('factor'), factor: z.enum(RISK_FACTORS) }),
  z.object({ ask: z.literal('episodes') }),
]);
type Next = z.infer<typeof nextSchema> | undefined;
/** The question asked in this turn of the loop, kept for the step that reads its answer. */
const loopValues = stepValues(z.object({ next: nextSchema.optional() }));

/** How the conversation may already have told each risk: in its words, or as a flag another step raised. */
const HEARD_AS: Record<RiskFactor, (facts: ConversationFacts) => boolean> = {
  // The danger reader's "medical" is also drink or an injury: only a condition said counts here.
  medical: (facts) => facts.stated.includes('medicalCondition'),
  selfHarm: (facts) => facts.flags.some((flag) => flag === 'selfHarm' || flag === 'suicideSelfHarm'),
  exploitation: (facts) => facts.flags.some((flag) => flag === 'exploitation' || flag === 'childExploited' || flag === 'madeToDoThings'),
  substances: (facts) => facts.flags.includes('substances'),
  before: (facts) => facts.stated.includes('missingBefore') || facts.flags.some((flag) => flag === 'before' || flag === 'repeat-missing'),
};

/** "hes gone missing once before last summer" at "Have they gone missing before?": a yes, in their words. */
function readBefore(factor: RiskFactor, services: DialogServices): ((context: TurnContext) => YesNo | undefined) | undefined {
  if (factor !== 'before') return undefined;
  return (context) => {
    const { facts } = readingOf(context, services);
    if (facts.said.includes('missingBefore')) return 'yes';
    return facts.denied?.includes('missingBefore') ? 'no' : undefined;
  };
}

function nextQuestion(parentCase: ParentCase): Next {
  const factor = RISK_FACTORS.find((candidate) => parentCase.risk[candidate] === undefined);
  if (factor) return { ask: 'factor', factor };
  if (parentCase.risk.before && parentCase.episodes90d === undefined) return { ask: 'episodes' };
  return undefined;
}

export class RiskFactorsDialog extends ComponentDialog {
  private readonly record;

  constructor(private readonly services: DialogServices) {
    super(RISK_FACTORS_DIALOG);
    this.record = parentCaseRecord(services);
    for (const factor of RISK_FACTORS)
      this.addDialog(yesNoQuestion(question(factor), `parent.risk.${factor}`, services, readBefore(factor, services)));
    this.addDialog(
      new Question<number>(
        {
          id: EPISODES,
          ask: 'parent.risk.episodes',
          skippable: true,
          parse: (text) => {
            const count = Number(text.trim());
            return Number.isInteger(count) && count >= 1 && count <= 100
              ? { ok: true, value: count }
              : { ok: false, retry: 'parent.risk.notNumber' };
          },
        },
        services,
      ),
    );
    this.addDialog(new WaterfallDialog(LOOP, [(step) => this.ask(step), (step) => this.keep(step)]));
    this.initialDialogId = LOOP;
  }

  /**
   * A risk the conversation has told already ("an older guy she met on snapchat") is one: noted,
   * said back, and not asked as a question the parent may answer "no" to without thinking of it.
   */
  protected override async onBeginDialog(innerDc: DialogContext, options?: object): Promise<DialogTurnResult> {
    const messages = messagesFor(innerDc.context, this.services);
    const facts = await conversationFactsRecord(this.services).get(innerDc.context);
    const parentCase = await this.record.get(innerDc.context);
    const heard = RISK_FACTORS.filter((factor) => parentCase.risk[factor] === undefined && HEARD_AS[factor](facts));
    if (heard.length > 0) {
      await this.record.update(innerDc.context, (current) => ({
        ...current,
        risk: { ...current.risk, ...Object.fromEntries(heard.map((factor) => [factor, true])) },
      }));
      const risks = listOf(
        messages.locale,
        heard.map((factor) => messages.t(`parent.summary.riskNames.${factor}`)),
      );
      await innerDc.context.sendActivity(messages.t('parent.risk.heard', { risks }));
    }
    await innerDc.context.sendActivity(messages.t('parent.risk.intro'));
    return super.onBeginDialog(innerDc, options);
  }

  private async ask(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const next = nextQuestion(await this.record.get(step.context));
    loopValues.keep(step, { next });
    if (!next) return step.endDialog();
    // "hes gone missing once before", said at the question before: the yes is kept, not asked for.
    if (next.ask === 'factor' && HEARD_AS[next.factor](await conversationFactsRecord(this.services).get(step.context)))
      return step.next('yes');
    return step.beginDialog(next.ask === 'factor' ? question(next.factor) : EPISODES);
  }

  private async keep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { next } = loopValues.read(step);
    if (next?.ask === 'factor') {
      const yes = resultOf(step, yesNoResult) === 'yes';
      await this.record.update(step.context, (current) => ({ ...current, risk: { ...current.risk, [next.factor]: yes } }));
    } else if (next?.ask === 'episodes') {
      const answer = resultOf(step, numberAnswerResult);
      // Not known: counted as this one episode, so no threshold is met by a guess.
      const episodes = answer.kind === 'value' ? answer.value : 1;
      await this.record.update(step.context, (current) => ({ ...current, episodes90d: episodes }));
    }
    return step.replaceDialog(LOOP);
  }
}
