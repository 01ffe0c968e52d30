// Asks one fixed-answer question and waits until the answer matches an option.
import { ActivityTypes, InputHints, MessageFactory, type TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { AskingDialog, replyToMiss, type AskState } from './waitingDialog';
import type { Choices } from './choices';
import type { AskedDetail } from '../../bot/understanding/openQuestion';
import { answerTo, messagesFor, waitFor, type DialogServices } from '../../bot/turn/services';

export interface ChoiceQuestionSpec<Value extends string> {
  id: string;
  /** Message key of the question. */
  ask: string;
  /** Message key said, with the options again, when the answer matched none. */
  retry: string;
  choices: Choices<Value>;
  /**
   * What the whole message says, read before its words are matched to options: "my mum kicked me
   * out" at "Who is writing?" is a young person, though "mum" is a parent's word.
   */
  read?: (context: TurnContext, variables: Record<string, string | number>) => Value | undefined;
  /** Message key said when the answer is "not sure" and no option means that (a yes/no question): how to answer. */
  unsure?: string;
  /** Message key said when the answer is a yes that chooses no option ("yeah i want to talk to someone"): which one. */
  whichYes?: string;
  /** Only a plain answer beside harm told: see OpenQuestion. */
  plainAnswerBesideHarm?: boolean;
  /** The detail the question asks for (see OpenQuestion). */
  asksFor?: AskedDetail;
  /** Message key for asking it again after an interruption, with the question's variables. */
  askAgain?: string;
}

export class ChoiceQuestion<Value extends string> extends AskingDialog {
  protected readonly askKey: string;
  protected override readonly askAgainKey: string | undefined;

  constructor(
    private readonly spec: ChoiceQuestionSpec<Value>,
    private readonly services: DialogServices,
  ) {
    super(spec.id);
    this.askKey = spec.ask;
    this.askAgainKey = spec.askAgain;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const activity = dc.context.activity;
    if (activity.type !== ActivityTypes.Message) return Dialog.EndOfTurn;
    if (await this.askedNowInstead(dc)) return Dialog.EndOfTurn;
    const messages = messagesFor(dc.context, this.services);
    const answer = answerTo(dc.context, this.services, this.asked);
    const variables = (dc.activeDialog?.state as AskState | undefined)?.variables ?? {};
    const value = this.spec.read?.(dc.context, variables) ?? this.spec.choices.valueOf(answer.option);
    if (value !== undefined) return dc.endDialog(value);
    // "idk" and "skip" are answers a person means: say how to answer, not that it was not caught.
    const { unsure, whichYes } = this.spec;
    const saysYes = whichYes !== undefined && this.services.understanding.everyday(activity.text ?? '', messages.locale) === 'yes';
    const notSure = answer.everyday === 'unknown' || answer.everyday === 'skip';
    const why = unsure && notSure ? unsure : saysYes && whichYes ? whichYes : this.spec.retry;
    const reply = await replyToMiss(dc, why, this.services);
    if (reply === 'handled') return Dialog.EndOfTurn;
    // The question again, last, beside its options: "choose one of these" needs a question to choose for.
    if (reply === 'stuck')
      await this.sendWithOptions(dc.context, `${messages.t('common.miss.stuck')} ${messages.t(this.spec.ask, variables)}`);
    else {
      const wayOn = reply === 'explainWithWayOn' ? ` ${messages.t('common.miss.wayOn')}` : '';
      // "Which one?" is itself the question.
      const question = why === whichYes ? '' : ` ${messages.t(this.spec.ask, variables)}`;
      await this.sendWithOptions(dc.context, `${messages.t(why)}${question}${wayOn}`);
    }
    return Dialog.EndOfTurn;
  }

  protected async wait(context: TurnContext): Promise<void> {
    await waitFor(context, this.services, this.asked);
  }

  protected async send(context: TurnContext, key: string, variables: Record<string, string | number> = {}): Promise<void> {
    await this.sendWithOptions(context, messagesFor(context, this.services).t(key, variables));
  }

  private get asked() {
    return this.spec.choices.asked(this.id, {
      ...(this.spec.plainAnswerBesideHarm ? { plainAnswerBesideHarm: true } : {}),
      ...(this.spec.asksFor ? { asksFor: this.spec.asksFor } : {}),
    });
  }

  private async sendWithOptions(context: TurnContext, text: string): Promise<void> {
    const messages = messagesFor(context, this.services);
    await waitFor(context, this.services, this.asked);
    await context.sendActivity(
      MessageFactory.suggestedActions(this.spec.choices.suggestedActions(messages), text, undefined, InputHints.ExpectingInput),
    );
  }
}
