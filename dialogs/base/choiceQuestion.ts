// Asks one fixed-answer question and waits until the answer matches an option.
import { ActivityTypes, InputHints, MessageFactory, type TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { AskingDialog } from './waitingDialog';
import type { Choices } from './choices';
import { messagesFor, type DialogServices } from './services';

export interface ChoiceQuestionSpec<Value extends string> {
  id: string;
  /** Message key of the question. */
  ask: string;
  /** Message key said, with the options again, when the answer matched none. */
  retry: string;
  choices: Choices<Value>;
}

export class ChoiceQuestion<Value extends string> extends AskingDialog {
  protected readonly askKey: string;

  constructor(
    private readonly spec: ChoiceQuestionSpec<Value>,
    private readonly services: DialogServices,
  ) {
    super(spec.id);
    this.askKey = spec.ask;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const activity = dc.context.activity;
    if (activity.type !== ActivityTypes.Message) return Dialog.EndOfTurn;
    const value = this.spec.choices.match(activity.text ?? '', messagesFor(dc.context, this.services));
    if (value !== undefined) return dc.endDialog(value);
    await this.send(dc.context, this.spec.retry);
    return Dialog.EndOfTurn;
  }


  protected async send(context: TurnContext, key: string, variables: Record<string, string | number> = {}): Promise<void> {
    const messages = messagesFor(context, this.services);
    await context.sendActivity(
      MessageFactory.suggestedActions(
        this.spec.choices.suggestedActions(messages),
        messages.t(key, variables),
        undefined,
        InputHints.ExpectingInput,
      ),
    );
  }
}
