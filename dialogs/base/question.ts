// Asks one free-text question and waits until the answer reads. "Skip" and "don't know" are
// offered (as buttons and as typed words) where the question allows them.
import { ActivityTypes, InputHints, MessageFactory, type TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { AskingDialog, replyToMiss, TURN_ONLY_NOTED, type AskState } from './waitingDialog';
import type { Messages } from '../../bot/content/i18n';
import { Choices } from './choices';
import type { AskedDetail, OpenQuestion } from '../../bot/understanding/openQuestion';
import { answerTo, messagesFor, waitFor, type DialogServices } from '../../bot/turn/services';
import { withOptionsByWord } from '../../bot/turn/turnChannel';

export type Parsed<Value> =
  | { ok: true; value: Value }
  /** `retry`: message key explaining what was wrong; the question is asked again after it. */
  | { ok: false; retry: string; variables?: Record<string, string | number> };

/** What a question returns: the value read, or that the user skipped or did not know. */
export type Answer<Value> = { kind: 'value'; value: Value } | { kind: 'skipped' } | { kind: 'unknown' };

export interface QuestionSpec<Value> {
  id: string;
  /** Message key of the question. */
  ask: string;
  parse(text: string, context: TurnContext, messages: Messages): Parsed<Value>;
  /** Offer "Skip" and "Don't know". */
  skippable?: boolean;
  /**
   * The question asks about risks ("any medical needs?"): an answer that sounds worrying is the
   * answer, not a concern to reply to. Danger in the phrase book still gets 999.
   */
  asksAboutRisk?: boolean;
  /** The detail the question asks for (see OpenQuestion). */
  asksFor?: AskedDetail;
  /**
   * Offered with the question again after an answer that could not be read: fixed answers for
   * people who cannot put theirs in words the bot reads ("Yesterday"). While they are shown, a
   * number picks one of them.
   */
  fallback?: { choices: Choices<string>; valueOf(choice: string): Value };
}

interface QuestionState extends AskState {
  /** The fallback answers are on screen: a number means one of them. */
  fallbackShown?: boolean;
}

export const answerOptions = new Choices<'skip' | 'unknown'>([
  { value: 'skip', title: 'common.answers.skip.title', synonyms: 'common.answers.skip.synonyms' },
  { value: 'unknown', title: 'common.answers.unknown.title', synonyms: 'common.answers.unknown.synonyms' },
]);

export class Question<Value> extends AskingDialog {
  protected readonly askKey: string;

  constructor(
    private readonly spec: QuestionSpec<Value>,
    private readonly services: DialogServices,
  ) {
    super(spec.id);
    this.askKey = spec.ask;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const activity = dc.context.activity;
    if (activity.type !== ActivityTypes.Message) return Dialog.EndOfTurn;
    if (await this.askedNowInstead(dc)) return Dialog.EndOfTurn;
    const text = (activity.text ?? '').trim();
    const messages = messagesFor(dc.context, this.services);
    const state = (dc.activeDialog?.state ?? {}) as QuestionState;
    const fallback = this.spec.fallback;
    const answer = answerTo(dc.context, this.services, this.asked(state.fallbackShown ?? false));
    const picked = answer.option ?? (this.spec.skippable ? skipOrUnknown(answer.everyday) : undefined);
    if (picked === 'skip' || picked === 'unknown')
      return dc.endDialog({ kind: picked === 'skip' ? 'skipped' : 'unknown' } satisfies Answer<Value>);
    if (fallback && picked !== undefined) return dc.endDialog({ kind: 'value', value: fallback.valueOf(picked) } satisfies Answer<Value>);
    const parsed: Parsed<Value> = text === '' ? { ok: false, retry: 'common.answers.empty' } : this.spec.parse(text, dc.context, messages);
    if (parsed.ok) return dc.endDialog({ kind: 'value', value: parsed.value } satisfies Answer<Value>);
    // "no idea to be honest, her mum would know": not known, said first and then explained. Where
    // fixed answers can help ("don't remember exactly": which day?), they are offered instead.
    // A fact said back instead ("sorry she is 13 not 14, her birthday's next month") is no skip: the question is asked again.
    const onlyNoted = dc.context.turnState.get(TURN_ONLY_NOTED) === true;
    const saidInPassing =
      this.spec.skippable && !fallback && !onlyNoted
        ? skipOrUnknown(this.services.understanding.everyday(text, messages.locale))
        : undefined;
    if (saidInPassing) return dc.endDialog({ kind: saidInPassing === 'skip' ? 'skipped' : 'unknown' } satisfies Answer<Value>);
    const reply = await replyToMiss(dc, parsed.retry, this.services);
    if (reply === 'handled') return Dialog.EndOfTurn;
    state.fallbackShown = fallback !== undefined;
    if (reply !== 'stuck') {
      // The question's own variables too: it is asked again after the reason ("You told me: ...").
      const variables = { ...(state.variables ?? {}), ...(parsed.variables ?? {}) };
      await this.send(dc.context, parsed.retry, variables, true, reply === 'explainWithWayOn');
      return Dialog.EndOfTurn;
    }
    // The same miss twice running: an optional question moves on; any other offers every way on.
    if (this.spec.skippable) {
      await dc.context.sendActivity(messages.t('common.miss.movingOn'));
      return dc.endDialog({ kind: 'skipped' } satisfies Answer<Value>);
    }
    const variables = state.variables ?? {};
    const stuck = messages.t('common.miss.stuckFree', { question: messages.t(this.spec.ask, variables) });
    await waitFor(dc.context, this.services, this.asked(fallback !== undefined));
    await dc.context.sendActivity(
      fallback
        ? MessageFactory.suggestedActions(this.shownActions(messages, true), stuck, undefined, InputHints.ExpectingInput)
        : MessageFactory.text(stuck, undefined, InputHints.ExpectingInput),
    );
    return Dialog.EndOfTurn;
  }

  get asksAboutRisk(): boolean {
    return this.spec.asksAboutRisk ?? false;
  }

  /** Asked again after an interruption: without the fallback answers, so a number is read as itself. */
  override async repromptDialog(context: TurnContext, instance: { state: QuestionState }): Promise<void> {
    if (instance.state) instance.state.fallbackShown = false;
    await super.repromptDialog(context, instance);
  }

  private shownActions(messages: Messages, withFallback: boolean) {
    return [
      ...(withFallback && this.spec.fallback ? this.spec.fallback.choices.suggestedActions(messages) : []),
      ...(this.spec.skippable ? answerOptions.suggestedActions(messages) : []),
    ];
  }

  /**
   * The question as the turn reads its answer: the fallback answers while they are on screen
   * (then a number picks one), and Skip and Don't know where it allows them.
   */
  private asked(fallbackShown: boolean): OpenQuestion {
    const options = [
      ...(fallbackShown && this.spec.fallback ? this.spec.fallback.choices.described : []),
      ...(this.spec.skippable ? answerOptions.described : []),
    ];
    return {
      id: this.id,
      options,
      free: true,
      numbered: fallbackShown,
      asksAboutRisk: this.asksAboutRisk,
      ...(this.spec.asksFor ? { asksFor: this.spec.asksFor } : {}),
    };
  }

  protected async wait(context: TurnContext): Promise<void> {
    await waitFor(context, this.services, this.asked(false));
  }

  protected async send(
    context: TurnContext,
    key: string,
    variables: Record<string, string | number> = {},
    retry = false,
    wayOn = false,
  ): Promise<void> {
    const messages = messagesFor(context, this.services);
    const asked = retry ? `${messages.t(key, variables)} ${messages.t(this.spec.ask, variables)}` : messages.t(key, variables);
    const text = wayOn ? `${asked} ${messages.t('common.miss.wayOn')}` : asked;
    const actions = this.shownActions(messages, retry);
    const question = this.asked(retry && this.spec.fallback !== undefined);
    await waitFor(context, this.services, question);
    const activity =
      actions.length > 0
        ? MessageFactory.suggestedActions(actions, text, undefined, InputHints.ExpectingInput)
        : MessageFactory.text(text, undefined, InputHints.ExpectingInput);
    // A number typed here is the answer itself, not an option's: by text, the options are not numbered.
    await context.sendActivity(question.numbered || actions.length === 0 ? activity : withOptionsByWord(activity));
  }
}

/** "idk", "rather not say", "skip it": whole answers that mean not known or skip, however typed. */
function skipOrUnknown(everyday: string | undefined): 'skip' | 'unknown' | undefined {
  return everyday === 'skip' || everyday === 'unknown' ? everyday : undefined;
}
