// The conversation's start: welcome, ask who is writing, and hand over to that person's journey.
import { WaterfallDialog, type WaterfallStepContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { ROLES, type Role } from '../../bot/content';
import { Choices } from '../base/choices';
import { ChoiceQuestion } from '../base/choiceQuestion';
import { conversationFactsRecord } from '../base/conversationFacts';
import { InterruptibleDialog } from '../base/interruptibleDialog';
import { messagesFor, type DialogServices } from '../base/services';
import { InterimAdviceDialog, interimDialogId, type InterimRole } from '../interim/interimAdviceDialog';
import { CARER_JOURNEY, CarerJourneyDialog } from '../carer/carerJourneyDialog';
import { PARENT_JOURNEY, ParentJourneyDialog } from '../parent/parentJourneyDialog';
import { YOUNG_PERSON_JOURNEY, YoungPersonJourneyDialog } from '../youngPerson/youngPersonJourneyDialog';

export const ROOT_DIALOG = 'root';
const ROOT_WATERFALL = 'root.steps';
const ROLE_QUESTION = 'root.role';

/** Bump when the root's steps change, so conversations in flight restart gently. */
export const ROOT_TREE_VERSION = 4;

/** People whose step-by-step journey is still to be built. */
const INTERIM_ROLES: readonly InterimRole[] = ['professional'];

export const roleChoices = Choices.keyed<Role>(ROLES, (role) => `root.role.options.${role}`);

export class RootDialog extends InterruptibleDialog {
  constructor(services: DialogServices) {
    super(ROOT_DIALOG, services);
    this.addDialog(
      new ChoiceQuestion({ id: ROLE_QUESTION, ask: 'root.role.ask', retry: 'root.role.retry', choices: roleChoices }, services),
    );
    this.addDialog(new ParentJourneyDialog(services));
    this.addDialog(new YoungPersonJourneyDialog(services));
    this.addDialog(new CarerJourneyDialog(services));
    for (const role of INTERIM_ROLES) this.addDialog(new InterimAdviceDialog(role, services));
    this.addDialog(
      new WaterfallDialog(ROOT_WATERFALL, [
        (step) => this.welcome(step),
        (step) => this.handOver(step),
        (step) => step.endDialog(),
      ]),
    );
    this.initialDialogId = ROOT_WATERFALL;
  }

  override getVersion(): string {
    return `${ROOT_DIALOG}@${ROOT_TREE_VERSION}`;
  }

  private async welcome(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await step.context.sendActivity(messagesFor(step.context, this.services).t('root.welcome'));
    return step.beginDialog(ROLE_QUESTION);
  }

  private async handOver(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const role = step.result as Role;
    await conversationFactsRecord(this.services).update(step.context, (facts) => ({ ...facts, role }));
    if (role === 'parent') return step.beginDialog(PARENT_JOURNEY);
    if (role === 'youngPerson') return step.beginDialog(YOUNG_PERSON_JOURNEY);
    if (role === 'carer') return step.beginDialog(CARER_JOURNEY);
    return step.beginDialog(interimDialogId(role));
  }
}
