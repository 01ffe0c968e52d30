// When the child is back: whether they are hurt or unwell (a doctor, 999 if serious), whether
// they were reported missing (then the police's safe and well check), the return interview within
// 72 hours and what it is for, the Early Help team for their age, and support numbers; then the
// parent can book the return interview for their child, or give the child the way to book it.
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { z } from 'zod';
import { advise, dangerToldRecently, emergencyAdvised } from '../../bot/turn/advice';
import { Choices } from '../base/choices';
import { ChoiceQuestion } from '../base/choiceQuestion';
import { PastMomentDialog } from '../base/pastMomentDialog';
import { pastMomentResult, resultOf, stepValues, yesNoResult, yesNoUnsureResult } from '../base/stepData';
import { reportedQuestion, reportedSaid, yesNoQuestion, yesNoUnsureChoices, type YesNoUnsure } from '../base/yesNo';
import { WITH_WHOM, type WithWhom } from '../../bot/bookings/bookingDesk';
import { messagesFor, type DialogServices } from '../../bot/turn/services';
import { BOOKING_DETAILS_DIALOG, BookingDetailsDialog, detailsFor } from '../booking/bookingDetailsDialog';
import { parentCaseRecord } from './parentCase';
import { conversationFactsRecord, harmSaid, keepChildGone, momentSaidBegin } from '../base/conversationFacts';

export const PARENT_RETURN_DIALOG = 'parent.back';
const NEXT = 'parent.back.next';
const RETURNED = 'parent.back.returned';
const HURT = 'parent.back.hurt';
const REPORTED = 'parent.back.reported';
const ASKED_CHILD = 'parent.back.askedChild';
const WITH_WHOM_CHOSEN = 'parent.back.withWhom';

const NEXT_ANSWERS = ['book', 'childBooks', 'notNow'] as const;

// "yes" to "you can ask for the return interview now" asks for it; "no" is not now.
const nextChoices = Choices.keyed(NEXT_ANSWERS, (value) => `parent.back.next.options.${value}`, { yes: 'book', no: 'notNow' });

/** Whom the child would like to see: someone they know, or someone independent. */
const CHILD_WANTS = ['known', 'independent'] as const;
const childWantsChoices = Choices.keyed(CHILD_WANTS, (value) => `parent.back.withWhom.options.${value}`);
const WITH_WHOM_FOR: Record<(typeof CHILD_WANTS)[number], WithWhom> = { known: 'worker', independent: 'independent' };

/** What the return steps keep: whether the police were told, and whom the child would like to see. */
const backValues = stepValues(
  z.object({
    reportedMissing: yesNoUnsureResult.optional(),
    withWhom: z.enum(WITH_WHOM).optional(),
    ambulanceJustAdvised: z.boolean().optional(),
  }),
);

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
    this.addDialog(reportedQuestion(REPORTED, 'parent.back.reported.ask', services));
    this.addDialog(yesNoQuestion(ASKED_CHILD, 'parent.back.askedChild.ask', services));
    this.addDialog(
      new ChoiceQuestion(
        { id: WITH_WHOM_CHOSEN, ask: 'parent.back.withWhom.ask', retry: 'common.choiceRetry', choices: childWantsChoices },
        services,
      ),
    );
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
        (step) => this.afterAskedChild(step),
        (step) => this.afterWithWhom(step),
        (step) => this.book(step),
      ]),
    );
    this.initialDialogId = `${PARENT_RETURN_DIALOG}.steps`;
  }

  private async askHurt(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await keepChildGone(step.context, this.services, false);
    await step.context.sendActivity(messagesFor(step.context, this.services).t('parent.back.relief'));
    // "hes got a cut on his head and is really sleepy", just answered with an ambulance: hurt, not asked.
    const { flags } = await conversationFactsRecord(this.services).get(step.context);
    const ambulanceJustAdvised = flags.includes('medical') && (await dangerToldRecently(step.context, this.services));
    if (ambulanceJustAdvised) {
      backValues.keep(step, { ambulanceJustAdvised });
      return step.next('yes');
    }
    return step.beginDialog(HURT);
  }

  private async adviseHealth(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const childHurtOrUnwell = resultOf(step, yesNoUnsureResult);
    const dangerToldRecently = backValues.read(step).ambulanceJustAdvised === true;
    for (const rule of this.services.rules.decideAll('parent-back-health', { childBack: true, childHurtOrUnwell, dangerToldRecently })) {
      await advise(step.context, this.services, rule);
    }
    // "we never reported it" or "I rang 101" said already is not asked again.
    const said = reportedSaid((await conversationFactsRecord(this.services).get(step.context)).stated);
    return said ? step.next(said) : step.beginDialog(REPORTED);
  }

  /** The police are told only if they were asked to look. */
  private async adviseReturn(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const reportedMissing = resultOf(step, yesNoUnsureResult);
    const ageYears = await this.childAge(step);
    const facts = await conversationFactsRecord(this.services).get(step.context);
    const rules = this.services.rules.decideAll('parent-back', {
      childBack: true,
      reportedMissing,
      // What happened while they were away is for the police, whether or not they were asked to look.
      harmSaid: harmSaid(facts),
      // "the police brought her home", "theyve been round already": not told to ring and say she is back.
      policeKnowBack: facts.stated.includes('policeKnowBack'),
      // After "call 999 now" (he took something, he cant be woken): never "you do not need to call".
      emergencyAdvised: await emergencyAdvised(step.context, this.services),
      ...(ageYears === undefined ? {} : { ageYears }),
    });
    for (const rule of rules) await advise(step.context, this.services, rule);
    backValues.keep(step, { reportedMissing });
    return step.beginDialog(NEXT);
  }

  private async afterNext(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const messages = messagesFor(step.context, this.services);
    switch (resultOf(step, z.enum(NEXT_ANSWERS))) {
      case 'book':
        return step.beginDialog(ASKED_CHILD);
      case 'childBooks':
        await step.context.sendActivity(messages.t('parent.back.childBooks'));
        return step.endDialog();
      case 'notNow':
        // Nobody offers an interview for a time the police never heard of.
        await step.context.sendActivity(
          messages.t(backValues.read(step).reportedMissing === 'no' ? 'parent.back.notNowUnreported' : 'parent.back.notNow'),
        );
        return step.endDialog();
    }
  }

  /** It is the child's choice whether to take part, and with whom: asked of them first. */
  private async afterAskedChild(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (resultOf(step, yesNoResult) !== 'yes') {
      await step.context.sendActivity(messagesFor(step.context, this.services).t('parent.back.askFirst'));
      return step.endDialog();
    }
    // Every area offers both: someone the child knows (Kent: their key worker or Early Help,
    // 004 5.7) or someone independent (Kent: Young Lives Foundation). Neither is assumed.
    return step.beginDialog(WITH_WHOM_CHOSEN);
  }

  private async afterWithWhom(step: WaterfallStepContext): Promise<DialogTurnResult> {
    backValues.keep(step, { withWhom: WITH_WHOM_FOR[resultOf(step, z.enum(CHILD_WANTS))] });
    return step.beginDialog(RETURNED, await momentSaidBegin(step.context, this.services, 'returnedSaid'));
  }

  private async book(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const returned = resultOf(step, pastMomentResult);
    // Chosen at the step before; never assumed.
    const withWhom = z.enum(WITH_WHOM).parse(backValues.read(step).withWhom);
    return step.replaceDialog(
      BOOKING_DETAILS_DIALOG,
      detailsFor('parent', withWhom, returned, await this.childAge(step), this.services.timeZone),
    );
  }

  /** The age from the case, or as said in passing ("my lad came home, he is 14"). */
  private async childAge(step: WaterfallStepContext): Promise<number | undefined> {
    return (await this.record.get(step.context)).ageYears ?? (await conversationFactsRecord(this.services).get(step.context)).ageYears;
  }
}
