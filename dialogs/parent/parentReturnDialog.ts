// When the child is back: whether they are hurt or unwell (a doctor, 999 if serious), whether
// they were reported missing (then the police's safe and well check), the return interview within
// 72 hours and what it is for, the Early Help team for their age, and support numbers; then the
// parent can book the return interview for their child, or give the child the way to book it.
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { z } from 'zod';
import { advise } from '../../bot/turn/advice';
import { Choices } from '../base/choices';
import { ChoiceQuestion } from '../base/choiceQuestion';
import { PastMomentDialog } from '../base/pastMomentDialog';
import { pastMomentResult, resultOf, yesNoUnsureResult } from '../base/stepData';
import { yesNoUnsureChoices, yesNoUnsureQuestion, type YesNoUnsure } from '../base/yesNo';
import { messagesFor, type DialogServices } from '../../bot/turn/services';
import { BOOKING_DETAILS_DIALOG, BookingDetailsDialog, type DetailsOptions } from '../booking/bookingDetailsDialog';
import { parentCaseRecord } from './parentCase';
import { conversationFactsRecord } from '../base/conversationFacts';

export const PARENT_RETURN_DIALOG = 'parent.back';
const NEXT = 'parent.back.next';
const RETURNED = 'parent.back.returned';
const HURT = 'parent.back.hurt';
const REPORTED = 'parent.back.reported';

const NEXT_ANSWERS = ['book', 'childBooks', 'notNow'] as const;

const nextChoices = Choices.keyed(NEXT_ANSWERS, (value) => `parent.back.next.options.${value}`);

const WELLBEING_ANSWER: Record<'well' | 'notWell' | 'none', YesNoUnsure | undefined> = { well: 'no', notWell: 'yes', none: undefined };

export class ParentReturnDialog extends ComponentDialog {
  private readonly record;

  constructor(private readonly services: DialogServices) {
    super(PARENT_RETURN_DIALOG);
    this.record = parentCaseRecord(services);
    this.addDialog(
      new ChoiceQuestion(
        {
          id: HURT,
          ask: 'parent.back.hurt.ask',
          retry: 'common.yesNo.retry',
          choices: yesNoUnsureChoices,
          // "hes ok" is a no to "hurt or unwell?", and "shes not ok" a yes.
          read: (context) =>
            WELLBEING_ANSWER[
              services.understanding.wellbeing(context.activity.text ?? '', messagesFor(context, services).locale) ?? 'none'
            ],
        },
        services,
      ),
    );
    this.addDialog(yesNoUnsureQuestion(REPORTED, 'parent.back.reported.ask', services));
    this.addDialog(
      new ChoiceQuestion({ id: NEXT, ask: 'parent.back.next.ask', retry: 'common.choiceRetry', choices: nextChoices }, services),
    );
    this.addDialog(
      new PastMomentDialog(
        RETURNED,
        {
          ask: 'parent.back.returned.ask',
          confirm: 'parent.back.returned.confirm',
          unreadable: 'parent.lastSeen.unreadable',
          future: 'parent.lastSeen.future',
          again: 'parent.back.returned.again',
        },
        services,
      ),
    );
    this.addDialog(new BookingDetailsDialog(services));
    this.addDialog(
      new WaterfallDialog(`${PARENT_RETURN_DIALOG}.steps`, [
        (step) => this.askHurt(step),
        (step) => this.adviseHealth(step),
        (step) => this.adviseReturn(step),
        (step) => this.afterNext(step),
        (step) => this.book(step),
      ]),
    );
    this.initialDialogId = `${PARENT_RETURN_DIALOG}.steps`;
  }

  private async askHurt(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await step.context.sendActivity(messagesFor(step.context, this.services).t('parent.back.relief'));
    return step.beginDialog(HURT);
  }

  private async adviseHealth(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const childHurtOrUnwell = resultOf(step, yesNoUnsureResult);
    for (const rule of this.services.rules.decideAll('parent-back-health', { childBack: true, childHurtOrUnwell })) {
      await advise(step.context, this.services, rule);
    }
    // "we never reported it" said already is not asked again.
    const { stated } = await conversationFactsRecord(this.services).get(step.context);
    return stated.includes('notReported') ? step.next('no') : step.beginDialog(REPORTED);
  }

  /** The police are told only if they were asked to look. */
  private async adviseReturn(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const reportedMissing = resultOf(step, yesNoUnsureResult);
    // The age from the case, or as said in passing ("my lad came home, he is 14").
    const ageYears =
      (await this.record.get(step.context)).ageYears ?? (await conversationFactsRecord(this.services).get(step.context)).ageYears;
    const rules = this.services.rules.decideAll('parent-back', {
      childBack: true,
      reportedMissing,
      ...(ageYears === undefined ? {} : { ageYears }),
    });
    for (const rule of rules) await advise(step.context, this.services, rule);
    Object.assign(step.values, { reportedMissing });
    return step.beginDialog(NEXT);
  }

  private async afterNext(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const messages = messagesFor(step.context, this.services);
    switch (resultOf(step, z.enum(NEXT_ANSWERS))) {
      case 'book':
        return step.beginDialog(RETURNED);
      case 'childBooks':
        await step.context.sendActivity(messages.t('parent.back.childBooks'));
        return step.endDialog();
      case 'notNow':
        // Nobody offers an interview for a time the police never heard of.
        await step.context.sendActivity(
          messages.t(Reflect.get(step.values, 'reportedMissing') === 'no' ? 'parent.back.notNowUnreported' : 'parent.back.notNow'),
        );
        return step.endDialog();
    }
  }

  private async book(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const returned = resultOf(step, pastMomentResult);
    return step.replaceDialog(BOOKING_DETAILS_DIALOG, { withWhom: 'independent', returnedAt: returned.at } satisfies DetailsOptions);
  }
}
