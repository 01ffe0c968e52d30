// Asks one free-text question and waits until the answer reads. "Skip" and "don't know" are
// offered (as buttons and as typed words) where the question allows them.
import { ActivityTypes, InputHints, MessageFactory, type TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { AskingDialog, replyToMiss, type AskState } from './waitingDialog';
import type { Messages } from '../../bot/content/i18n';
import { Choices } from './choices';
import { messagesFor, type DialogServices } from '../../bot/turn/services';

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
    const text = (activity.text ?? '').trim();
    const messages = messagesFor(dc.context, this.services);
    if (this.spec.skippable) {
      const said = answerOptions.matchExactly(text, messages) ?? this.everydayAnswer(text, messages);
      if (said === 'skip') return dc.endDialog({ kind: 'skipped' } satisfies Answer<Value>);
      if (said === 'unknown') return dc.endDialog({ kind: 'unknown' } satisfies Answer<Value>);
    }
    const parsed: Parsed<Value> = text === '' ? { ok: false, retry: 'common.answers.empty' } : this.spec.parse(text, dc.context, messages);
    if (parsed.ok) return dc.endDialog({ kind: 'value', value: parsed.value } satisfies Answer<Value>);
    const reply = replyToMiss(dc, parsed.retry);
    if (reply !== 'stuck') {
      await this.send(dc.context, parsed.retry, parsed.variables ?? {}, true, reply === 'explainWithWayOn');
      return Dialog.EndOfTurn;
    }
    // The same miss twice running: an optional question moves on; any other offers every way on.
    if (this.spec.skippable) {
      await dc.context.sendActivity(messages.t('common.miss.movingOn'));
      return dc.endDialog({ kind: 'skipped' } satisfies Answer<Value>);
    }
    const variables = (dc.activeDialog?.state as AskState | undefined)?.variables ?? {};
    await dc.context.sendActivity(
      MessageFactory.text(
        messages.t('common.miss.stuckFree', { question: messages.t(this.spec.ask, variables) }),
        undefined,
        InputHints.ExpectingInput,
      ),
    );
    return Dialog.EndOfTurn;
  }

  /** "idk", "rather not say", "skip it": whole answers that mean not known or skip, however typed. */
  private everydayAnswer(text: string, messages: Messages): 'skip' | 'unknown' | undefined {
    const said = this.services.understanding.everyday(text, messages.locale, { wholeMessage: true });
    return said === 'skip' || said === 'unknown' ? said : undefined;
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
    const activity = this.spec.skippable
      ? MessageFactory.suggestedActions(answerOptions.suggestedActions(messages), text, undefined, InputHints.ExpectingInput)
      : MessageFactory.text(text, undefined, InputHints.ExpectingInput);
    await context.sendActivity(activity);
  }
}
