// The parent's journey: danger first; is my child missing (when last seen, age, tried to
// contact); the search checklist; reporting on 101 with the risk factors; the information the
// police will need as a summary; and, at any point, what happens when the child is back.
import { senderPhoneOf } from '../../bot/turn/turnChannel';
import { Dialog, WaterfallDialog, type DialogContext, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { TurnContext } from 'botbuilder';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { adviseFirst, emergencyAdvised, emergencySaidThisTurn } from '../../bot/turn/advice';
import { Choices } from '../base/choices';
import { ChoiceQuestion } from '../base/choiceQuestion';
import {
  conversationFactsRecord,
  flagRisk,
  keepChildGone,
  keepGoneSince,
  momentSaidBegin,
  quietMinutes,
  type ConversationFacts,
} from '../base/conversationFacts';
import { InterruptibleDialog } from '../base/interruptibleDialog';
import { afterDark } from '../base/afterDark';
import { TURN_ALREADY_ANSWERED } from '../base/waitingDialog';
import { journeyOptionsSchema, situationAnswer } from '../base/journeyOptions';
import { DANGER_CATEGORIES, type Situation, type StatedFact } from '../../bot/content/vocabulary';
import { PastMomentDialog } from '../base/pastMomentDialog';
import { Question, type Answer } from '../base/question';
import {
  checklistResult,
  numberAnswerResult,
  optionsOf,
  pastMomentResult,
  resultOf,
  stepValues,
  textAnswerResult,
  yesNoResult,
  yesNoUnsureResult,
} from '../base/stepData';
import type { JourneyExits } from '../../bot/understanding/openQuestion';
import { messagesFor, readingOf, type DialogServices } from '../../bot/turn/services';
import { allWellSaid, yesNoQuestion, yesNoUnsureQuestion } from '../base/yesNo';
import { parentCaseRecord, parentCaseSchema, RISK_FACTORS, type ParentCase } from './parentCase';
import { PARENT_RETURN_DIALOG, ParentReturnDialog } from './parentReturnDialog';
import { POLICE_INFO_DIALOG, PoliceInfoDialog, policeInfoResult, withDetailsSaidLater } from './policeInfoDialog';
import { summaryActivities, summaryText } from './policeSummary';
import { mobileNumberQuestion } from '../base/mobileNumber';
import { PROFILE_DIALOG, ProfileDialog } from './profileDialog';
import { RISK_FACTORS_DIALOG, RiskFactorsDialog } from './riskFactorsDialog';
import { SEARCH_CHECKLIST_DIALOG, searchChecklistDialog } from './searchChecklistDialog';

export const PARENT_JOURNEY = 'parent';
/** "Found them", "shes home", as (nearly) the whole message at any step, goes to the return branch. */
const PARENT_JOURNEY_EXITS: JourneyExits = {
  journey: PARENT_JOURNEY,
  exits: [
    { value: 'foundThem', title: 'parent.search.options.foundThem.title', synonyms: 'parent.search.options.foundThem.synonyms' },
    { value: 'stillMissing', title: 'parent.situation.options.missing.title', synonyms: 'parent.notBack.synonyms' },
  ],
  nearlyWhole: true,
};
const START = 'parent.start';
const MISSING = 'parent.missing';
const SITUATION = 'parent.situation';
const DANGER = 'parent.danger';
const LAST_SEEN = 'parent.lastSeen';
const AGE = 'parent.age';
const CONTACT = 'parent.contact';
/** Below this age a child is not asked about as reachable by phone ("have you tried to call them?" of a 2-year-old). */
const YOUNGEST_WITH_OWN_PHONE = 8;
/** Gone this long across a midnight is out all night (P-REPORT-NOW-OVERNIGHT). */
const OVERNIGHT_HOURS = 6;
/** Facts said in passing that put a missing child at extra risk: said back, and the risk question not asked. */
const RISKS_SAID_IN_PASSING = ['medicalCondition', 'additionalNeeds'] as const satisfies readonly StatedFact[];
/** Facts that, described at "in danger?" instead of a yes or no, make the answer "not sure". */
const WORRIES_SAID_IN_PASSING = [...RISKS_SAID_IN_PASSING, 'missingFromPublicPlace'] as const satisfies readonly StatedFact[];

/** "no phone on him", or too young to have one: they cannot be called or texted. */
const noPhoneOfTheirOwn = ({ stated, ageYears }: Pick<ConversationFacts, 'stated'> & { ageYears?: number }): boolean =>
  stated.includes('noPhone') || (ageYears !== undefined && ageYears < YOUNGEST_WITH_OWN_PHONE);
const AT_RISK = 'parent.atRisk';
const SEND_SUMMARY = 'parent.summary.send';
const SUMMARY_NUMBER = 'parent.summary.number';
const STILL_MISSING = 'parent.stillMissing';
const BACK_CHECK = 'parent.backCheck';
const BACK_CHECK_QUESTION = 'parent.backCheck.question';
/** A message after this long a quiet is someone coming back to the conversation. */
const COMING_BACK_AFTER_MINUTES = 120;
/** Yes, no and "not sure", which a plain word in a sentence ("ok", "nah") can give without meaning it. */
const PLAIN_ANSWERS: ReadonlySet<string> = new Set(['yes', 'no', 'unsure']);
/** The branches in which the child is missing: words that say they are back are asked about there. */
const MISSING_BRANCHES: readonly string[] = [MISSING, STILL_MISSING];
const SUMMARY_AGAIN = 'parent.stillMissing.summaryAgain';

const PARENT_SITUATIONS = ['missing', 'back', 'prepare'] as const;

const SITUATION_FROM_FIRST_MESSAGE: Partial<Record<Situation, (typeof PARENT_SITUATIONS)[number]>> = {
  missingNow: 'missing',
  // "she ran away", from a parent: confirmed as "your child is away from home", so missing.
  away: 'missing',
  back: 'back',
  prepare: 'prepare',
};

export const situationChoices = Choices.keyed(PARENT_SITUATIONS, (value) => `parent.situation.options.${value}`);

/** The search was not begun: 999 had been advised, and comes first. */
const searchValues = stepValues(z.object({ skippedFor999: z.boolean().optional() }));

export class ParentJourneyDialog extends InterruptibleDialog {
  private readonly record;

  constructor(services: DialogServices) {
    super(PARENT_JOURNEY, services);
    this.record = parentCaseRecord(services);
    this.addDialog(
      new ChoiceQuestion(
        {
          id: SITUATION,
          ask: 'parent.situation.ask',
          retry: 'common.choiceRetry',
          choices: situationChoices,
          // "he was meant to be home at 10" names home but says missing; "hes NOT back" too.
          read: situationAnswer(services, SITUATION_FROM_FIRST_MESSAGE),
        },
        services,
      ),
    );
    // Danger words that answer no option ("shes diabetic and hasnt got her insulin") say yes; an
    // option said ("no, but his mate says he has a knife") is the answer, and the words get their 999.
    this.addDialog(
      yesNoUnsureQuestion(DANGER, 'parent.danger.ask', services, (context) => {
        const reading = readingOf(context, services);
        if (reading.answer?.option === 'yes' && reading.answer.by === 'meaning' && allWellSaid(context, services)) return 'no';
        if (reading.answer?.option !== undefined) return undefined;
        if (reading.danger.length > 0) return 'yes';
        // "he is autistic and doesnt talk, theres a river near us": a worry described, not a yes or
        // no, is "not sure", and the advice that follows weighs it with the child's age.
        const worrySaid = WORRIES_SAID_IN_PASSING.some((fact) => reading.facts.said.includes(fact));
        return worrySaid || reading.concern.length > 0 ? 'unsure' : undefined;
      }),
    );
    this.addDialog(
      new PastMomentDialog(
        LAST_SEEN,
        {
          ask: 'parent.lastSeen.ask',
          confirm: 'parent.lastSeen.confirm',
          confirmSaid: 'common.moment.confirmSaid',
          unreadable: 'parent.lastSeen.unreadable',
          future: 'parent.lastSeen.future',
          again: 'parent.lastSeen.again',
        },
        services,
        // "idk" goes on: the police summary says the time is not known.
        { allowUnknown: true, lastSeen: true },
      ),
    );
    this.addDialog(
      new Question<number>(
        {
          id: AGE,
          ask: 'parent.age.ask',
          // A grandparent or a new foster carer may not know it: the journey goes on without it.
          skippable: true,
          parse: (text, _context, messages) => {
            const age = services.understanding.age(text, messages.locale);
            if (age === undefined) return { ok: false, retry: 'parent.age.notNumber' };
            if (age > 120) return { ok: false, retry: 'parent.age.outOfRange' };
            return { ok: true, value: age };
          },
        },
        services,
      ),
    );
    // "she isnt answering", "nie odbiera": they tried. "he has no phone": they could not.
    this.addDialog(
      yesNoQuestion(CONTACT, 'parent.contact.ask', services, (context) => {
        const { said } = readingOf(context, services).facts;
        if (said.includes('notAnswering')) return 'yes';
        return said.includes('noPhone') ? 'no' : undefined;
      }),
    );
    // Danger or a worry heard in the answer ("no, but she has an older boyfriend who buys her things") is a risk.
    this.addDialog(
      yesNoUnsureQuestion(AT_RISK, 'parent.atRisk.ask', services, (context) => {
        const reading = readingOf(context, services);
        // "he is autistic and doesnt talk": a need said in their own words answers it.
        const riskSaid = RISKS_SAID_IN_PASSING.some((fact) => reading.facts.said.includes(fact));
        return reading.danger.length > 0 || reading.concern.length > 0 || riskSaid ? 'yes' : undefined;
      }),
    );
    this.addDialog(yesNoQuestion(SEND_SUMMARY, 'parent.summary.offerText', services));
    this.addDialog(mobileNumberQuestion(SUMMARY_NUMBER, 'parent.summary.number', 'parent.summary.badNumber', services));
    this.addDialog(searchChecklistDialog(services));
    this.addDialog(new RiskFactorsDialog(services));
    this.addDialog(new PoliceInfoDialog(services));
    this.addDialog(new ParentReturnDialog(services));
    this.addDialog(new ProfileDialog(services));
    this.addDialog(yesNoQuestion(SUMMARY_AGAIN, 'parent.stillMissing.summaryAgain', services));
    this.addDialog(yesNoQuestion(BACK_CHECK_QUESTION, 'common.backCheck.ask', services));
    this.addDialog(new WaterfallDialog(BACK_CHECK, [(step) => step.beginDialog(BACK_CHECK_QUESTION), (step) => this.afterBackCheck(step)]));
    this.addDialog(new WaterfallDialog(START, [(step) => this.askSituation(step), (step) => this.route(step)]));
    this.addDialog(new WaterfallDialog(STILL_MISSING, [(step) => this.adviseStillMissing(step), (step) => this.summaryAgain(step)]));
    this.addDialog(
      new WaterfallDialog(MISSING, [
        (step) => this.askDanger(step),
        (step) => this.adviseDanger(step),
        (step) => this.keepLastSeen(step),
        (step) => this.keepAge(step),
        (step) => this.keepContact(step),
        (step) => this.reportNowOrSearch(step),
        (step) => this.afterSearch(step),
        (step) => this.afterRisk(step),
        (step) => this.afterInfo(step),
        (step) => this.afterSendSummary(step),
        (step) => this.sendSummary(step),
      ]),
    );
    this.initialDialogId = START;
  }

  protected override readonly exits = PARENT_JOURNEY_EXITS;

  /**
   * "Found them", "shes home", as (nearly) the whole message at any step, goes to the return
   * branch; "no hes NOT back" in the return branch goes back to the missing one.
   */
  protected override async interruptJourney(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    const { exit } = readingOf(innerDc.context, this.services);
    const returning = innerDc.activeDialog?.id === PARENT_RETURN_DIALOG;
    const exitTaken = exit?.journey === PARENT_JOURNEY ? exit.value : undefined;
    if (!returning && exitTaken === 'foundThem') {
      await innerDc.cancelAllDialogs();
      return innerDc.beginDialog(PARENT_RETURN_DIALOG);
    }
    if (exitTaken === undefined && this.maySayBack(innerDc)) return innerDc.beginDialog(BACK_CHECK);
    if (exitTaken === undefined && this.stillMissingHoursLater(innerDc)) {
      // What to do now the child is still missing; the step they were at is asked again, not answered.
      // Not yet reported, as far as they have said: reporting now, not "call 101 again".
      await adviseFirst(innerDc.context, this.services, 'parent-still-missing', {
        reportToPolice: true,
        reportedMissing: (await this.policeTold(innerDc)) ? 'yes' : 'no',
      });
      innerDc.context.turnState.set(TURN_ALREADY_ANSWERED, true);
      await innerDc.repromptDialog();
      return Dialog.EndOfTurn;
    }
    // "shes gone missing again", after she came back: a new episode, and a repeat one.
    if (returning && exitTaken === undefined && this.saysAnyOf(innerDc.context, 'parent.goneAgain.synonyms', { toldOnly: true })) {
      await innerDc.context.sendActivity(messagesFor(innerDc.context, this.services).t('parent.goneAgain.reply'));
      await flagRisk(innerDc.context, this.services, 'repeat-missing');
      await innerDc.cancelAllDialogs();
      await this.record.set(innerDc.context, parentCaseSchema.parse({}));
      return innerDc.beginDialog(MISSING);
    }
    if (returning && (exitTaken === 'stillMissing' || this.saysAnyOf(innerDc.context, 'parent.notBack.synonyms'))) {
      await innerDc.context.sendActivity(messagesFor(innerDc.context, this.services).t('parent.notBack.reply'));
      await innerDc.cancelAllDialogs();
      await this.record.set(innerDc.context, parentCaseSchema.parse({}));
      return innerDc.beginDialog(MISSING);
    }
    return undefined;
  }

  /**
   * "found her!! shes at the door", in the middle of the missing steps: asked, not acted on, since
   * the same words say other things ("we found his bike", "he came back for his charger and went").
   */
  private maySayBack(innerDc: DialogContext): boolean {
    const reading = readingOf(innerDc.context, this.services);
    // "ok found her at her mates shes fine": an "ok" that reads as yes to the question on screen is
    // not its answer; "police found him" read as the search's "Found them" is.
    const { option, by } = reading.answer ?? {};
    const answered = option !== undefined && !(by === 'meaning' && PLAIN_ANSWERS.has(option));
    if (reading.situation !== 'back' || reading.answer?.tapped || answered) return false;
    const branch = innerDc.stack[0]?.id;
    // The police details describe home and its people ("a row at home", "her nans house"): there,
    // only "found her", "shes back" as the (nearly) whole message take them to the return.
    const describing = innerDc.stack.some((entry) => entry.id === BACK_CHECK || entry.id === POLICE_INFO_DIALOG);
    return branch !== undefined && MISSING_BRANCHES.includes(branch) && !describing;
  }

  /**
   * "hi, shes still not home, police came last night", hours after the last message, in the middle
   * of the missing steps: someone coming back with news, not the answer to the step on screen.
   */
  private stillMissingHoursLater(innerDc: DialogContext): boolean {
    const reading = readingOf(innerDc.context, this.services);
    const quiet = quietMinutes(innerDc.context) ?? 0;
    const answered = reading.answer?.tapped || reading.answer?.by === 'words' || reading.answer?.by === 'number';
    return quiet >= COMING_BACK_AFTER_MINUTES && reading.situation === 'missingNow' && !answered && innerDc.stack[0]?.id === MISSING;
  }

  private async afterBackCheck(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (resultOf(step, yesNoResult) === 'yes') {
      await step.cancelAllDialogs();
      return step.beginDialog(PARENT_RETURN_DIALOG);
    }
    await step.context.sendActivity(messagesFor(step.context, this.services).t('common.backCheck.notBack'));
    return step.endDialog();
  }

  /**
   * "actually no it was his brother. hes still not here": a correction anywhere in a message, once
   * the journey has taken them as back, and not only as the whole message.
   */
  /**
   * Whether the message says one of a list of the locale's words ("parent.notBack.synonyms"); with
   * `toldOnly`, in what it tells, not in what it asks ("was she missing again?").
   */
  private saysAnyOf(context: TurnContext, listKey: string, { toldOnly = false } = {}): boolean {
    const messages = messagesFor(context, this.services);
    const text = context.activity.text ?? '';
    const read = toldOnly ? this.services.understanding.withoutQuestions(text, messages.locale) : text;
    return this.services.understanding.choose(read, messages.locale, [{ label: 'said', phrases: messages.list(listKey) }]) === 'said';
  }

  /** Asked unless the first message said it ("my daughter didnt come home", "shes back"). */
  private async askSituation(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { situation, resume } = optionsOf(step, journeyOptionsSchema);
    if (resume) return step.replaceDialog(STILL_MISSING);
    const known = situation && SITUATION_FROM_FIRST_MESSAGE[situation];
    return known ? step.next(known) : step.beginDialog(SITUATION);
  }

  private async route(step: WaterfallStepContext): Promise<DialogTurnResult> {
    switch (resultOf(step, z.enum(PARENT_SITUATIONS))) {
      case 'back':
        return step.replaceDialog(PARENT_RETURN_DIALOG);
      case 'prepare':
        return step.replaceDialog(PROFILE_DIALOG);
      default:
        await this.record.set(step.context, parentCaseSchema.parse({}));
        return step.replaceDialog(MISSING);
    }
  }

  /** "ive rung 999", said at any point: the advice to report is not given as news. */
  private async policeTold(step: Pick<WaterfallStepContext, 'context'>): Promise<boolean> {
    const { stated } = await conversationFactsRecord(this.services).get(step.context);
    return stated.includes('policeTold');
  }

  private async askDanger(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await keepChildGone(step.context, this.services, true);
    // "her snap says shes in a car with some man", just told "call 999 now": the danger is answered, not asked.
    if (emergencySaidThisTurn(step.context)) return step.next('yes');
    return step.beginDialog(DANGER);
  }

  private async adviseDanger(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const dangerNow = resultOf(step, yesNoUnsureResult);
    await this.record.update(step.context, (current) => ({ ...current, dangerNow }));
    if (dangerNow === 'yes') await flagRisk(step.context, this.services, 'danger-now');
    // "my 6 year old, at the park": a young child is reported now, before anything else is asked,
    // unless the first words already were (the same 999 is not said twice).
    const { ageYears, stated, youngLostTold } = await conversationFactsRecord(this.services).get(step.context);
    if (youngLostTold && dangerNow !== 'yes') {
      await this.record.update(step.context, (current) => ({ ...current, toldToReportNow: true }));
      return step.beginDialog(LAST_SEEN, await momentSaidBegin(step.context, this.services, 'lastSeenSaid'));
    }
    const advised = await adviseFirst(step.context, this.services, 'parent-danger', {
      parentDangerNow: dangerNow,
      policeTold: await this.policeTold(step),
      missingFromPublicPlace: stated.includes('missingFromPublicPlace'),
      afterDark: afterDark(this.services.clock.now(), this.services.timeZone),
      ...(ageYears === undefined ? {} : { ageYears }),
    });
    // Told to call the police now though not in danger: the same is not said again before the search.
    if (dangerNow !== 'yes' && advised?.audit === 'advised-999') {
      await this.record.update(step.context, (current) => ({ ...current, toldToReportNow: true }));
    }
    return step.beginDialog(LAST_SEEN, await momentSaidBegin(step.context, this.services, 'lastSeenSaid'));
  }

  private async keepLastSeen(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const lastSeen = resultOf(step, pastMomentResult.optional());
    const now = this.services.clock.now().toISOString();
    await this.record.update(step.context, (current) => ({ ...current, lastSeen, saidAt: { ...current.saidAt, lastSeen: now } }));
    if (lastSeen) await keepGoneSince(step.context, this.services, new Date(lastSeen.at));
    // An age said earlier in the conversation is confirmed, not asked again.
    const { ageYears } = await conversationFactsRecord(this.services).get(step.context);
    if (ageYears !== undefined) {
      await step.context.sendActivity(messagesFor(step.context, this.services).t('common.facts.ageKnown', { age: ageYears }));
      return step.next({ kind: 'value', value: ageYears } satisfies Answer<number>);
    }
    return step.beginDialog(AGE);
  }

  private async keepAge(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answer = resultOf(step, numberAnswerResult);
    const ageYears = answer.kind === 'value' ? answer.value : undefined;
    // Confirmed from earlier in the conversation: said when it was said; asked now: said now.
    const facts = await conversationFactsRecord(this.services).get(step.context);
    const saidAt = (ageYears === facts.ageYears ? facts.ageSaidAt : undefined) ?? this.services.clock.now().toISOString();
    await this.record.update(step.context, (current) => ({ ...current, ageYears, saidAt: { ...current.saidAt, age: saidAt } }));
    // The age answered here is the conversation's too (a person taking over needs it).
    if (ageYears !== undefined && ageYears !== facts.ageYears) {
      await conversationFactsRecord(this.services).update(step.context, (current) => ({ ...current, ageYears, ageSaidAt: saidAt }));
    }
    if (ageYears !== undefined && ageYears >= 18) {
      await flagRisk(step.context, this.services, 'adult');
      await adviseFirst(step.context, this.services, 'parent-triage', { ageYears });
      return step.endDialog();
    }
    // "4", at "how old is your child?", after "not sure" to danger: a child that young is "call
    // 999 now" however the age arrives, and the search comes after.
    const { dangerNow, toldToReportNow } = await this.record.get(step.context);
    if (dangerNow !== 'yes' && !toldToReportNow && (await this.adviseYoungLost(step.context))) {
      await this.record.update(step.context, (current) => ({ ...current, toldToReportNow: true }));
    }
    // "no phone on him": calling or texting them cannot be asked about.
    const { stated } = await conversationFactsRecord(this.services).get(step.context);
    if (noPhoneOfTheirOwn({ stated, ageYears })) return step.next('no');
    if (stated.includes('notAnswering')) return step.next('yes');
    return step.beginDialog(CONTACT);
  }

  private async keepContact(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const triedContact = resultOf(step, yesNoResult) === 'yes';
    // The search's first step is trying to reach them: already done, or not possible without a phone.
    const kept = await conversationFactsRecord(this.services).get(step.context);
    const { stated, flags } = kept;
    const contactChild = triedContact ? 'done' : noPhoneOfTheirOwn(kept) ? 'notPossible' : undefined;
    await this.record.update(step.context, (current) => ({
      ...current,
      triedContact,
      ...(contactChild ? { search: { ...current.search, contactChild } } : {}),
    }));
    // A risk already heard (grooming signs, self-harm, a medical need) is not asked about again: it is one.
    if (flags.some((flag) => (DANGER_CATEGORIES as readonly string[]).includes(flag))) return step.next('yes');
    // "hes 13 and autistic", "she has type 1 diabetes": said back as a risk, not asked about as if unsaid.
    const risksSaid = RISKS_SAID_IN_PASSING.filter((fact) => stated.includes(fact));
    if (risksSaid.length > 0) {
      const messages = messagesFor(step.context, this.services);
      for (const fact of risksSaid) await step.context.sendActivity(messages.t(`parent.facts.${fact}`));
      return step.next('yes');
    }
    return step.beginDialog(AT_RISK);
  }

  /**
   * A young child, one the parent believes is at risk, or one gone a day or more, is reported now
   * and the search comes after; the age, the risks and the time that decide it are in the rules.
   */
  private async reportNowOrSearch(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const parentBelievesAtRisk = resultOf(step, yesNoUnsureResult);
    const { ageYears } = await this.withCorrectedAge(step.context);
    if (parentBelievesAtRisk !== 'no') await flagRisk(step.context, this.services, 'parent-believes-at-risk');
    if ((await this.record.get(step.context)).toldToReportNow) return step.beginDialog(SEARCH_CHECKLIST_DIALOG);
    const { daysMissing, goneOvernight } = riskFacts(
      await this.record.get(step.context),
      this.services.clock.now(),
      this.services.timeZone,
    );
    const policeTold = await this.policeTold(step);
    // Told to call 999 already ("he has diabetes and no insulin" at the risk question): the 999
    // stands alone, with no 101 after it and no search before the details the police will ask.
    const emergencyFirst = !policeTold && parentBelievesAtRisk !== 'no' && (await emergencyAdvised(step.context, this.services));
    if (emergencyFirst) {
      await adviseFirst(step.context, this.services, 'parent-report-now', { parentBelievesAtRisk, emergencyAdvised: true });
      searchValues.keep(step, { skippedFor999: true });
      return step.next('reportNow');
    }
    const reportNow = await adviseFirst(step.context, this.services, 'parent-report-now', {
      parentBelievesAtRisk,
      daysMissing,
      goneOvernight,
      policeTold,
      ...(ageYears === undefined ? {} : { ageYears }),
    });
    if (!reportNow) await adviseFirst(step.context, this.services, 'parent-triage', { ageYears: ageYears ?? 0 });
    return step.beginDialog(SEARCH_CHECKLIST_DIALOG);
  }

  private async afterSearch(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (resultOf(step, checklistResult) === 'found') return step.replaceDialog(PARENT_RETURN_DIALOG);
    const { ageYears } = await this.withCorrectedAge(step.context);
    const { stated } = await conversationFactsRecord(this.services).get(step.context);
    if (!searchValues.read(step).skippedFor999)
      await adviseFirst(step.context, this.services, 'parent-report', {
        reportToPolice: true,
        policeTold: await this.policeTold(step),
        policeSaidWait: stated.includes('policeSaidWait'),
      });
    await adviseFirst(step.context, this.services, 'parent-report-detail', { ageYears: ageYears ?? 0 });
    return step.beginDialog(RISK_FACTORS_DIALOG);
  }

  private async afterRisk(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const parentCase = await this.record.get(step.context);
    const facts = riskFacts(parentCase, this.services.clock.now(), this.services.timeZone);
    await flagRisk(step.context, this.services, ...RISK_FACTORS.filter((factor) => parentCase.risk[factor]));
    await adviseFirst(step.context, this.services, 'parent-risk', facts);
    if (parentCase.risk.exploitation) await adviseFirst(step.context, this.services, 'parent-exploitation', { 'risk.exploitation': true });
    if (await adviseFirst(step.context, this.services, 'parent-repeat', facts))
      await flagRisk(step.context, this.services, 'repeat-missing');
    return step.beginDialog(POLICE_INFO_DIALOG);
  }

  private async afterInfo(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const result = resultOf(step, policeInfoResult.optional());
    if (result?.adultAge !== undefined) {
      await flagRisk(step.context, this.services, 'adult');
      await adviseFirst(step.context, this.services, 'parent-triage', { ageYears: result.adultAge });
      return step.endDialog();
    }
    await this.withCorrectedAge(step.context);
    await withDetailsSaidLater(step.context, this.services);
    const parentCase = await this.record.update(step.context, (current) => ({
      ...current,
      summaryGivenAt: this.services.clock.now().toISOString(),
    }));
    const messages = messagesFor(step.context, this.services);
    const afterEmergency = await emergencyAdvised(step.context, this.services);
    await step.context.sendActivity(messages.t(afterEmergency ? 'parent.summary.introAfterEmergency' : 'parent.summary.intro'));
    for (const activity of summaryActivities(step.context, parentCase, this.services, afterEmergency))
      await step.context.sendActivity(activity);
    // By text the summary is already on their phone; elsewhere it can be sent there, with consent.
    if (senderPhoneOf(step.context)) return step.next();
    if (!this.services.sms.live) {
      await step.context.sendActivity(messages.t('parent.summary.cannotText'));
      return step.next();
    }
    return step.beginDialog(SEND_SUMMARY);
  }

  private async afterSendSummary(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (resultOf(step, yesNoResult.optional()) === 'yes') return step.beginDialog(SUMMARY_NUMBER);
    return step.next();
  }

  /**
   * The case, with an age corrected since it was given ("sorry, I meant 12 not 13") in place of
   * the first: the decisions that follow (report now for a young child) and the summary use it.
   */
  private async withCorrectedAge(context: TurnContext): Promise<ParentCase> {
    const facts = await conversationFactsRecord(this.services).get(context);
    return this.record.update(context, (current) =>
      facts.ageYears !== undefined &&
      facts.ageYears !== current.ageYears &&
      facts.ageSaidAt &&
      facts.ageSaidAt >= (current.saidAt.age ?? '')
        ? { ...current, ageYears: facts.ageYears, saidAt: { ...current.saidAt, age: facts.ageSaidAt } }
        : current,
    );
  }

  /** Writing again after the police summary, the child still missing: what to do now, and the summary again if wanted. */
  private async adviseStillMissing(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await adviseFirst(step.context, this.services, 'parent-still-missing', { reportToPolice: true });
    return step.beginDialog(SUMMARY_AGAIN);
  }

  private async summaryAgain(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const messages = messagesFor(step.context, this.services);
    if (resultOf(step, yesNoResult) === 'yes') {
      await this.withCorrectedAge(step.context);
      const parentCase = await withDetailsSaidLater(step.context, this.services);
      const afterEmergency = await emergencyAdvised(step.context, this.services);
      for (const activity of summaryActivities(step.context, parentCase, this.services, afterEmergency))
        await step.context.sendActivity(activity);
    }
    await step.context.sendActivity(messages.t('parent.summary.whenBack'));
    return step.endDialog();
  }

  private async sendSummary(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const messages = messagesFor(step.context, this.services);
    const answer = resultOf(step, textAnswerResult.optional());
    if (answer?.kind === 'value') {
      // The number is used for this one text and not kept.
      const afterEmergency = await emergencyAdvised(step.context, this.services);
      const text = summaryText(await this.record.get(step.context), messages, this.services, afterEmergency);
      const result = await this.services.sms.send(answer.value, text, { conversationId: step.context.activity.conversation.id });
      await step.context.sendActivity(messages.t(result === 'sent' ? 'parent.summary.texted' : 'parent.summary.notTexted'));
    }
    await step.context.sendActivity(messages.t('parent.summary.whenBack'));
    return step.endDialog();
  }
}

/** Facts for the risk and repeat-missing rules. */
export function riskFacts(parentCase: ParentCase, now: Date, timeZone: string) {
  const riskFactorCount = RISK_FACTORS.filter((factor) => parentCase.risk[factor]).length;
  const current = DateTime.fromJSDate(now, { zone: timeZone });
  const lastSeen = parentCase.lastSeen ? DateTime.fromISO(parentCase.lastSeen.at, { zone: timeZone }) : undefined;
  const hoursGone = lastSeen ? current.diff(lastSeen).as('hours') : 0;
  const daysMissing = Math.floor(hoursGone / 24);
  // Out all night: a midnight has passed since they were last seen, and long enough for it to be the night.
  const goneOvernight = lastSeen !== undefined && hoursGone >= OVERNIGHT_HOURS && lastSeen.startOf('day') < current.startOf('day');
  return { riskFactorCount, daysMissing, goneOvernight, episodes90d: parentCase.episodes90d ?? (parentCase.risk.before ? 1 : 0) };
}
