// The one place where what holds in every dialog interrupts it: danger phrases (999, then the
// dialog carries on), help, talk to a person, start again, stop, and delete my data.
// Every journey extends this; the outermost active one handles the turn.
import { ActivityTypes, MessageFactory, type TurnContext } from 'botbuilder';
import { ComponentDialog, Dialog, DialogTurnStatus, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import {
  ADULT_AGE,
  DISCLOSURES,
  type DangerCategory,
  type Disclosure,
  type QuestionAsked,
  type Role,
  type Situation,
  type StatedFact,
} from '../../bot/content/vocabulary';
import {
  advise,
  adviseFirst,
  callToldRecently,
  dangerToldRecently,
  emergencySaidThisTurn,
  othersDangerToldRecently,
} from '../../bot/turn/advice';
import { isOfficeOpen } from '../../bot/content/area';
import { keepDangerForBooking } from './bookingSafety';
import { afterDark } from './afterDark';
import {
  childAgeAfter,
  conversationFactsRecord,
  flagRisk,
  keepSaid,
  keepMomentSaid,
  keepHeardAt,
  keepStatedFacts,
  personMayBeWithThem,
  type ConversationFacts,
} from './conversationFacts';
import { TURN_ALREADY_ANSWERED, TURN_ONLY_NOTED } from './waitingDialog';
import { callMadeSaid, pastMomentOf } from './pastMomentDialog';
import { aboutSomeoneElseOnly, languageOf, LAST_CLOCK_HOUR, onlySomeoneElse, type Reading } from '../../bot/understanding/understand';
import { words } from '../../bot/understanding/text';
import { HANDOFF_DIALOG, HandoffDialog, type HandoffOptions } from './handoffDialog';
import type { JourneyExits } from '../../bot/understanding/openQuestion';
import {
  chooseLocale,
  enterJourney,
  messagesFor,
  amendReading,
  dropAnswer,
  questionWaiting,
  readingOf,
  takeHeldAnswer,
  TURN_DELETE_DATA,
  type DialogServices,
  type TurnReading,
} from '../../bot/turn/services';

const TURN_INTERRUPT_CHECKED = Symbol('helpline.interruptChecked');
/** turnState key: a young person was told to ring 999 now for a medical emergency; the form waits for their next message. */
const TURN_EMERGENCY_TOLD = Symbol('helpline.emergencyTold');
/** turnState key: a young child out alone was told "call 999 now" this turn (Y-YOUNG-AWAY): not safe, not asked. */
export const TURN_YOUNG_ALONE_TOLD = Symbol('helpline.youngAloneTold');
/** How far an age said of "he" or "she" may be from the child's known age and still correct it ("hes 12!!" after 11). */
const AGE_CORRECTION_REACH = 2;
/** Few enough words that a day or time in them is what the message is about. */
const FEW_WORDS = 6;
/** turnState key: a young person was asked straight about ending their life; that is the turn's only question. */
const TURN_ASKED_STRAIGHT = Symbol('helpline.askedStraight');

/** This turn asked straight whether they are thinking of ending their life: their next message answers that. */
export const askedStraightThisTurn = (context: TurnContext): boolean => context.turnState.get(TURN_ASKED_STRAIGHT) === true;
/** A child's health or other needs, a time gone missing before, or the police told already, said in passing: kept for the journey's questions and advice. */
const NOTED_IN_PASSING: readonly StatedFact[] = ['medicalCondition', 'additionalNeeds', 'policeTold', 'missingBefore'];
/** Questions about calling for help: a yes or no in the same message is about the call. */
const CALLING_QUESTIONS: readonly QuestionAsked[] = ['cantCallSafely', 'cannotCall'];
/** The police details a correction is kept for (asked by the questions that ask for that detail). */
const DETAIL_FACTS = { appearance: 'appearanceSaid', place: 'placeSaid', company: 'companySaid' } as const;

export abstract class InterruptibleDialog extends ComponentDialog {
  protected constructor(
    dialogId: string,
    protected readonly services: DialogServices,
  ) {
    super(dialogId);
    this.addDialog(new HandoffDialog(services));
  }

  /** Words that leave this journey at any of its steps, read in every message while it is under way. */
  protected readonly exits: JourneyExits | undefined = undefined;

  protected override async onBeginDialog(innerDc: DialogContext, options?: object): Promise<DialogTurnResult> {
    if (this.exits) await enterJourney(innerDc.context, this.services, this.exits);
    const interrupted = await this.interrupt(innerDc, false);
    return interrupted ?? super.onBeginDialog(innerDc, options);
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const interrupted = (await this.interrupt(innerDc, true)) ?? (await this.interruptJourney(innerDc));
    return interrupted ?? super.onContinueDialog(innerDc);
  }

  /**
   * Words the outermost dialog takes at any point, after danger and before the commands (the
   * root's booking references). Returns the turn's result when it took the message.
   */
  protected async interruptAnywhere(_innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    return undefined;
  }

  /**
   * A journey's own words that work at any step of it (the parent's "found them"); checked
   * after the ones that hold everywhere. Returns the turn's result when it took the message.
   */
  protected async interruptJourney(_innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    return undefined;
  }

  /** Returns the turn's result when the message was an interruption that ends the turn here. */
  private async interrupt(innerDc: DialogContext, active: boolean): Promise<DialogTurnResult | undefined> {
    const context = innerDc.context;
    if (context.activity.type !== ActivityTypes.Message || context.turnState.get(TURN_INTERRUPT_CHECKED)) return undefined;
    context.turnState.set(TURN_INTERRUPT_CHECKED, true);
    const text = context.activity.text ?? '';
    const messages = messagesFor(context, this.services);

    // A tapped option is an answer in the bot's own words ("A worry about exploitation"), not a
    // disclosure: hearing it as danger would ask the same question again, for ever.
    await keepHeardAt(context, this.services);
    const before = await conversationFactsRecord(this.services).get(context);
    const tapped = readingOf(context, this.services).answer?.tapped ?? false;
    // "i dont want to be here anymore. i ran away tonight", at "Who is writing?", then the crisis
    // reply: who they are was said, and someone in crisis is not asked it again.
    const writerSaidInCrisis =
      before.role === undefined && before.writerHeard !== undefined && (await dangerToldRecently(context, this.services))
        ? before.writerHeard
        : undefined;
    // "should i call 999 myself?", just after the 999 for a friend in danger: that call, asked
    // about, not danger of the writer's own. Danger or another question in another clause ("...,
    // can you contact them for me") still counts.
    const othersDanger = await othersDangerToldRecently(context, this.services);
    const asksOnlyAboutTheCall = (read: Reading) =>
      othersDanger &&
      read.question === 'whenToReport' &&
      read.danger.length > 0 &&
      this.services.understanding.asksOnlyAbout999Call(text, messages.locale);
    // A young person told "call 999 now" in the last half hour.
    const callTold = (before.role ?? before.writerHeard) === 'youngPerson' && (await callToldRecently(context, this.services));
    // Read with what the conversation said before, for every dialog that reads this turn.
    const turnReading = tapped
      ? readingOf(context, this.services)
      : amendReading(context, this.services, (read) => {
          if (asksOnlyAboutTheCall(read)) return { ...read, danger: [], dangerOf: [], concern: [] };
          const amended = inContext(read, before, callTold, () => this.services.understanding.placeOfMeansSaid(text, messages.locale));
          return amended.writer === undefined && writerSaidInCrisis ? { ...amended, writer: writerSaidInCrisis } : amended;
        });
    const reading = tapped ? undefined : turnReading;
    // Who is writing, for words that fit them: confirmed, or what this message or an earlier one
    // said, or else the trained reader's guess ("im on the bridge, i cant do this anymore" is the
    // young person themselves, who must not be told about "them").
    const role = before.role ?? reading?.writer ?? before.writerHeard ?? reading?.likely.writer;
    const waiting = questionWaiting(context);
    // From a young person, an adult's age ("m8s bro sed i cn stay wiv him hes 23") is someone else's.
    // At "who were they with?" or "where might they go?", "mason reilly, hes 16" is the friend's age.
    const askedOfOthers = waiting?.asksFor === 'company' || waiting?.asksFor === 'placesAndPeople';
    // From a young person, "shes 13", about a friend who is gone, is the friend's age.
    const friendsAge =
      role === 'youngPerson' && reading !== undefined && (aboutSomeoneElseOnly(reading) || reading.facts.ageSaidOf === 'heOrShe');
    // From an adult who gave the child's age, "my nephew Kyle who is 12" is the nephew's age, and
    // "some lad on snapchat, says hes 16" his; said first, or taken back ("sorry i meant hes 12"), it is the child's.
    // "hes 12!!" after 11 is a correction: only an age far from the one known is someone else's.
    // "hes 16 not 6", "sorry i meant 6 not 5": the age said, in place of another number.
    const instead = reading?.facts.ageYears === undefined ? undefined : this.services.understanding.numberTakenBack(text, messages.locale);
    const takenBack = instead?.meant === reading?.facts.ageYears ? instead?.takenBack : undefined;
    // "hes 16 not 6", after 6: the age known, taken back, however far the new one is from it.
    const farFromKnown =
      Math.abs((reading?.facts.ageYears ?? 0) - (before.ageYears ?? 0)) > AGE_CORRECTION_REACH && takenBack !== before.ageYears;
    const othersAgeOnceKnown =
      role !== 'youngPerson' &&
      before.ageYears !== undefined &&
      (reading?.facts.ageSaidOf === 'relative' || (reading?.facts.ageSaidOf === 'heOrShe' && farFromKnown));
    // "sorry i meant 6 not 5", at "5 hours ago, is that right?": a time put right, unless 5 was the age.
    const timePutRight =
      waiting?.asksFor === 'moment' &&
      takenBack !== undefined &&
      takenBack !== before.ageYears &&
      Math.max(takenBack, reading?.facts.ageYears ?? 0) <= LAST_CLOCK_HOUR;
    const someoneElsesAge =
      askedOfOthers ||
      friendsAge ||
      othersAgeOnceKnown ||
      timePutRight ||
      (role === 'youngPerson' && (reading?.facts.ageYears ?? 0) >= ADULT_AGE);
    const stated = reading && someoneElsesAge ? { ...reading.facts, ageYears: undefined } : reading?.facts;
    if (stated) await keepStatedFacts(context, this.services, stated, reading?.writer);
    // "my 4yo has wandered off at the beach": 999 in the first reply, not after two more questions.
    // Written by a parent, "ran off" (away) is missing too.
    const saysGone = reading?.situation === 'missingNow' || reading?.situation === 'away';
    if (saysGone && role !== 'youngPerson') await this.adviseYoungLost(context);
    // "im 11 and im sat in the park by myself": a young child out alone is told 999 now, not asked if they are safe.
    if (role === 'youngPerson') await this.adviseYoungAway(context, reading);
    // "im back, got home last nite": when, said with the return, is confirmed later rather than asked.
    if (reading?.situation === 'back') {
      const returnWords = this.services.understanding.returnWords(text, messages.locale);
      const returned = this.services.dates.readPast(returnWords, languageOf(messages.locale), { beforeNow: true });
      if (returned.kind === 'read') await keepMomentSaid(context, this.services, 'returnedSaid', pastMomentOf(returned.moment));
    }
    // "she went out at 7 and said shed be back by 10": when they were last seen is confirmed later rather than asked.
    // A carer is asked when they went or were due back: "she was meant to be in by 10" answers that.
    const lastSeenWords =
      reading?.situation === 'back'
        ? undefined
        : this.services.understanding.lastSeenWords(text, messages.locale, { dueBack: role === 'carer' });
    const seen =
      lastSeenWords === undefined
        ? undefined
        : this.services.dates.readPast(lastSeenWords, languageOf(messages.locale), { beforeNow: true });
    if (seen?.kind === 'read') await keepMomentSaid(context, this.services, 'lastSeenSaid', pastMomentOf(seen.moment));
    // "since sat morning", typed at "are they in danger now?": kept for "when did you last see
    // them?" and said back, never "didn't catch that". A question that reads a moment reads it itself.
    const seenNoted =
      active &&
      role !== 'youngPerson' &&
      seen?.kind === 'read' &&
      waiting?.free !== true &&
      before.lastSeenSaid?.at !== seen.moment.at.toISOString();
    // "he was wearing a black north face and joggers", said by an adult before the police details
    // are asked: given to the police with them, not asked again.
    const appearance =
      reading && role !== 'youngPerson' && turnReading.answer?.asksFor !== 'appearance'
        ? this.services.understanding.appearanceSaid(text, messages.locale)
        : undefined;
    // "sorry i got that wrong, she was last seen at the bus stop not the school", at any question
    // but that detail's own: kept as said beside what was said before, and the question asked again.
    const corrected = reading && role !== 'youngPerson' ? this.services.understanding.detailCorrected(text, messages.locale) : undefined;
    // "sorry i got it wrong he left at half 7 not 7": the time, kept above, corrects the one kept (withDetailsSaidLater).
    const timeCorrected = corrected === 'other' && seen?.kind === 'read' && role !== 'youngPerson' && waiting?.asksFor !== 'moment';
    if (timeCorrected) {
      const at = this.services.clock.now().toISOString();
      await conversationFactsRecord(this.services).update(context, (facts) => ({ ...facts, lastSeenCorrectedAt: at }));
    }
    const correctionNoted =
      timeCorrected ||
      (corrected !== undefined &&
        corrected !== 'other' &&
        waiting?.asksFor !== corrected &&
        (await keepSaid(context, this.services, DETAIL_FACTS[corrected], text.trim())));
    const appearanceNews = appearance !== undefined && (await keepSaid(context, this.services, 'appearanceSaid', appearance));
    // "last seen at the park with liam": where and who with, said before they are asked.
    const whereAndWho = reading && role !== 'youngPerson' ? this.services.understanding.whereAndWhoSaid(text, messages.locale) : {};
    const placeNews = whereAndWho.place !== undefined && (await keepSaid(context, this.services, 'placeSaid', whereAndWho.place));
    const companyNews = whereAndWho.company !== undefined && (await keepSaid(context, this.services, 'companySaid', whereAndWho.company));
    // "she wears white air forces, 5ft 3", typed at "do you have a photo?": kept for the police and
    // said back, never "didn't catch that". A question in words takes it as its answer.
    const detailNoted = active && (appearanceNews || placeNews || companyNews) && waiting?.free !== true;
    // "i dont want an ambulance, my mum will find out", after pills: asked again, kindly, never let
    // go; it answers no other question (a straight question stays open).
    // "i just want to go to sleep and not wake up" is talk of ending a life, answered as that.
    const helpRefused =
      reading?.facts.said.includes('refusesEmergencyHelp') === true &&
      !reading.danger.includes('suicideSelfHarm') &&
      (before.flags.includes('medical') || reading.danger.includes('medical'));
    if (helpRefused) {
      await adviseFirst(context, this.services, 'interrupt', { emergencyHelpRefused: true, ...(role ? { role } : {}) });
      // A young person who will not call after pills is not asked when they can meet in the same breath.
      if (role === 'youngPerson') context.turnState.set(TURN_EMERGENCY_TOLD, true);
    }
    // "paramedics are on the way now", with no danger words of its own: help is coming, not news to call.
    const helpComing = reading?.facts.said.includes('ambulanceCalled') === true && reading.danger.length === 0 && !helpRefused;
    if (helpComing) await adviseFirst(context, this.services, 'interrupt', { ambulanceCalled: true, ...(role ? { role } : {}) });
    // "her phone just came on, shes texted saying shes ok", "his snap story shows hes on a train",
    // from an adult while the child is still gone: news for the police, and no answer to the
    // question waiting (not her description). At "where were they last seen?" it is the answer.
    const news = (['childInTouch', 'childSighted'] as const).find((fact) => reading?.facts.said.includes(fact));
    const newsOfTheChild =
      news !== undefined &&
      active &&
      role !== 'youngPerson' &&
      before.childGone === true &&
      reading?.danger.length === 0 &&
      reading.situation !== 'back' &&
      // At "when did you last hear from them?", a time said with it answers that; no time said is the news.
      (waiting?.asksFor !== 'moment' || this.services.dates.readAll(text, languageOf(messages.locale)).length === 0) &&
      waiting?.asksFor !== 'place';
    if (newsOfTheChild) {
      await adviseFirst(context, this.services, 'interrupt', { [news]: true, ...(role ? { role } : {}) });
      // "no, but her phone just came on": the "no" that opens it answers the question on screen.
      const { answer } = turnReading;
      if (answer?.option === undefined || (answer.by === 'meaning' && !answer.opensWithIt)) return this.carryOn(innerDc, active);
      context.turnState.set(TURN_ALREADY_ANSWERED, true);
      return undefined;
    }
    // "nvm forget it", from a young person just told to call 999: taking back what they told is
    // no miss; it is answered as a goodbye after danger is, with the help, and the question stays.
    const withdrawn =
      role === 'youngPerson' &&
      this.services.understanding.choose(text, messages.locale, [
        { label: 'withdrawn', phrases: messages.list('commands.stop.withdrawnAfterDanger') },
      ]) === 'withdrawn' &&
      (await dangerToldRecently(context, this.services));
    if (withdrawn) {
      await adviseFirst(context, this.services, 'interrupt', { command: 'stop', dangerToldRecently: true, role });
      return active ? Dialog.EndOfTurn : undefined;
    }
    // No buttons are shown under the straight question: a "Yes" then is typed, not tapped.
    const caringAnswer =
      before.caringQuestionOpen && !helpRefused ? await this.answerToCaringQuestion(context, turnReading, before.role) : undefined;
    if (caringAnswer === 'askedAgain') return Dialog.EndOfTurn;
    if (caringAnswer) {
      // "no, not like that. i just want it to stop": the answer is taken, and danger words after it are still answered.
      if (turnReading.danger.length > 0)
        await this.replyToWhatWasSaid(context, { ...turnReading, concern: [], question: undefined }, role, true, caringAnswer);
      // "yes" or "idk maybe": the crisis lines are the turn's last words, not the booking's next
      // question; the question waiting takes their next message.
      // "Are you safe right now?" is asked again: the "yes" did not say they are.
      if (caringAnswer === 'thinking' && waiting?.asksFor !== 'safety') return active ? Dialog.EndOfTurn : undefined;
      // "yes im at my mates, but..." answered the question on screen too: that answer is taken now.
      const held = before.answerHeld;
      if (active && held && held.questionId === turnReading.answer?.questionId) {
        takeHeldAnswer(context, this.services, held);
        return undefined;
      }
      return this.carryOn(innerDc, active);
    }
    const askedAboutRisk = turnReading.answer?.asksAboutRisk ?? false;
    // A guess of worry in a few words that say when ("keep it friday", "cant make tuesday anymore")
    // is about a day, not a life: the trained reader's guess gives way; danger words never do.
    const aboutADay =
      (reading?.concern.length ?? 0) > 0 &&
      words(text).length <= FEW_WORDS &&
      this.services.dates.readAll(text, languageOf(messages.locale)).length > 0;
    const replied = reading
      ? await this.replyToWhatWasSaid(
          context,
          askedAboutRisk || aboutADay ? { ...reading, concern: [] } : reading,
          role,
          before.askedStraight,
        )
      : false;
    // "no i cant call they take my phone": the "no" is about calling, not the question on screen.
    if (replied && reading?.question !== undefined && CALLING_QUESTIONS.includes(reading.question) && turnReading.answer?.by === 'meaning')
      dropAnswer(context, this.services);
    // "no he didnt hurt me he only made me do stuff with his mates", at the offer of someone to
    // talk to: the "no" is about the harm, not turning the offer down, which is asked again.
    const harmTold = (reading?.danger.length ?? 0) > 0 || (reading?.disclosures.length ?? 0) > 0;
    const { answer } = turnReading;
    // "on mowi ze nie chce juz zyc" (he says he doesnt want to live), at "did you report it?": the
    // "nie" is the danger's, and answers nothing; "no, but his mate says he has a knife" opens with its answer.
    const answerInHarm = answer?.by === 'meaning' && (answer.plainAnswerBesideHarm || !answer.opensWithIt);
    if (replied && harmTold && answerInHarm) dropAnswer(context, this.services);
    // While a person from the team is with them, their words go to that person; danger was answered first.
    const withPerson = await this.passedToPerson(innerDc, active, turnReading, role, before);
    if (withPerson) return withPerson;
    // "its freezin n i got no money", from a young person: somewhere safe tonight, said once; a
    // reply to danger or a disclosure in the same words already gives who can help.
    const nowhereToStay = reading?.facts.said.includes('nowhereToStay') === true && !before.stated.includes('nowhereToStay');
    const shelterAdvised =
      nowhereToStay &&
      role === 'youngPerson' &&
      !replied &&
      (await adviseFirst(context, this.services, 'interrupt', { nowhereToStay, role })) !== undefined;
    // An age said (or corrected) mid-conversation is kept and said back, never "didn't catch that".
    const ageSaid = active ? stated?.ageYears : undefined;
    const ageNoted = ageSaid !== undefined && childAgeAfter(before.ageYears, ageSaid) !== before.ageYears;
    if (ageNoted) {
      await this.reconsiderYoungLost(context);
      await context.sendActivity(
        messages.t(role === 'youngPerson' ? 'common.facts.ageNotedYours' : 'common.facts.ageNoted', { age: ageSaid }),
      );
    }
    // Asking about their booking in words that also worry ("i dont want to do it anymore") gets
    // the caring reply and the booking question both.
    const anywhere = !replied || reading?.bookingRequest ? await this.interruptAnywhere(innerDc) : undefined;
    if (anywhere) return anywhere;
    // Told to ring 999 now for a medical emergency: the question waiting takes their next message.
    if ((replied || helpRefused) && active && context.turnState.get(TURN_EMERGENCY_TOLD) && !context.turnState.get(TURN_ASKED_STRAIGHT))
      return Dialog.EndOfTurn;
    // The next message answers the straight question, so no other question is asked after it; an
    // option this message gave is held until then.
    if (replied && active && context.turnState.get(TURN_ASKED_STRAIGHT)) {
      const { answer } = turnReading;
      // "its just sometimes i cut myself and my mum dont know" picks no one to talk to: only an answer that opens the message is held.
      if (answer?.option !== undefined && (answer.by !== 'meaning' || answer.opensWithIt)) {
        const held = { questionId: answer.questionId, option: answer.option };
        await conversationFactsRecord(this.services).update(context, (facts) => ({ ...facts, answerHeld: held }));
      }
      return Dialog.EndOfTurn;
    }
    // "can it be with a woman": kept for the booking and said back, never "didn't catch that".
    const wish = active ? this.services.understanding.workerWish(text, messages.locale) : undefined;
    const wishNoted = wish !== undefined && wish !== before.workerWish;
    if (wishNoted) {
      await conversationFactsRecord(this.services).update(context, (facts) => ({ ...facts, workerWish: wish }));
      // "she'd prefer a woman", from a parent or carer: the child's wish, not the writer's.
      const whose = role === undefined || role === 'youngPerson' ? 'workerWish' : 'workerWishTheirs';
      await context.sendActivity(messages.t(`common.facts.${whose}.${wish}`));
    }
    // "he has diabetes", "we've already rung police", typed at "when did you last see them?": kept
    // and said back, never "couldn't read that".
    const needNoted =
      active &&
      !replied &&
      role !== 'youngPerson' &&
      ((reading?.facts.said ?? []).some((fact) => NOTED_IN_PASSING.includes(fact) && !before.stated.includes(fact)) ||
        seenNoted ||
        detailNoted);
    if (correctionNoted && active && !replied) {
      await context.sendActivity(messages.t('common.facts.corrected'));
      return this.carryOn(innerDc, active);
    }
    // "my boy is 13 hes not come home since yesterday": one "noted", the age's, not two lines of it.
    if (needNoted && !ageNoted) await context.sendActivity(messages.t('common.facts.noted'));
    if (replied || helpRefused || helpComing || shelterAdvised || ageNoted || wishNoted || needNoted) {
      // The message may also answer the question waiting: it reads on, and a miss is not a miss.
      context.turnState.set(TURN_ALREADY_ANSWERED, true);
      if (!replied && !helpRefused && !helpComing && !shelterAdvised) context.turnState.set(TURN_ONLY_NOTED, true);
      return undefined;
    }

    // A language's name switches to it, and the conversation carries on where it was.
    const named = this.services.localiser.languageNamed(text);
    if (named) {
      chooseLocale(context, named);
      await context.sendActivity(this.services.localiser.messages(named).t('commands.language.switched'));
      return this.carryOn(innerDc, active);
    }

    switch (turnReading.command) {
      case 'help':
        await adviseFirst(context, this.services, 'interrupt', { command: 'help' });
        return this.carryOn(innerDc, active);
      case 'language': {
        // The names as options; the question waiting stays as it is (any answer to it still counts).
        const names = this.services.localiser.offered.map((language) => language.name);
        await context.sendActivity(
          MessageFactory.suggestedActions(names, messages.t('commands.language.reply', { languages: names.join(' · ') })),
        );
        return active ? Dialog.EndOfTurn : undefined;
      }
      case 'talkToPerson':
        return innerDc.beginDialog(HANDOFF_DIALOG, { step: deepestActiveDialog(innerDc) } satisfies HandoffOptions);
      case 'startAgain':
        await context.sendActivity(messages.t('commands.startAgain.reply'));
        if (!active) return undefined;
        await innerDc.cancelAllDialogs();
        return innerDc.beginDialog(this.initialDialogId);
      case 'stop': {
        // "im gonna jump", then "bye": a goodbye after danger is answered with the help, not "OK, I've stopped".
        await adviseFirst(context, this.services, 'interrupt', {
          command: 'stop',
          dangerToldRecently: await dangerToldRecently(context, this.services),
          ...(role ? { role } : {}),
        });
        await innerDc.cancelAllDialogs();
        return { status: DialogTurnStatus.complete };
      }
      case 'deleteMyData':
        context.turnState.set(TURN_DELETE_DATA, true);
        await context.sendActivity(messages.t('commands.deleteMyData.reply'));
        await innerDc.cancelAllDialogs();
        return { status: DialogTurnStatus.complete };
      case undefined:
        return undefined;
    }
  }

  /**
   * Danger (999), a concern (a direct, caring question and the crisis lines), a disclosure, or the
   * user's own question: each is answered before anything else. Returns whether any was.
   */
  private async replyToWhatWasSaid(
    context: TurnContext,
    reading: Reading,
    role: Role | undefined,
    askedStraightBefore: boolean,
    /** The same message's answer to the straight question: "no, not like that. i just want it to stop" is no "call 999 now". */
    caringAnswer?: 'thinking' | 'notThinking',
  ): Promise<boolean> {
    const dangerCategory = mostUrgentCare(reading.danger, reading.harmDone, role, onlySomeoneElse(reading.dangerOf));
    // "my little girl is 4 she ran off in the park": after "call 999 now" in this reply, a guess of
    // worry adds an "if" to it; talk of ending a life still gets its straight question.
    // "its freezin n i got no money", from a young person: somewhere safe tonight says it, not a guess.
    const saidOtherwise = emergencySaidThisTurn(context) || (role === 'youngPerson' && reading.facts.said.includes('nowhereToStay'));
    const [concernCategory] = saidOtherwise && !reading.concern.includes('suicideSelfHarm') ? [] : reading.concern;
    // "my mate hasnt been home, shes with older guys who give her drugs": what is done to the
    // friend is not the young person's own disclosure.
    const friendsDanger = role === 'youngPerson' && onlySomeoneElse(reading.dangerOf);
    const [disclosure] = friendsDanger ? [] : reading.disclosures;
    if (!dangerCategory && !concernCategory && !disclosure && !reading.question) return false;
    const who = role ? { role } : {};
    // "ive rung 999, theyre on the way": the police are not news to them. Told on 101, danger
    // said now is still news for 999.
    const policeTold = reading.facts.said.includes('policeTold') && !reading.facts.said.includes('reportedOn101');
    // Signs of exploitation an adult describes (money or a phone nobody explains, a taxi nobody
    // paid for, an older "boyfriend"), and nothing worse: the exploitation route (999 if in danger
    // now, otherwise the police on 101 and children's social care), not a bare "call 999 now".
    // A child gone now and with those who exploit ("hasnt been home for 2 days, staying at some
    // mans flat"; "usually goes to her boyfriends hes 23", on the steps for a child still gone):
    // that is danger now, "call 999 now", not the route for signs.
    const gone = (situation: Situation | undefined) => situation === 'missingNow' || situation === 'away';
    const saysBack = reading.situation === 'back' || reading.likely.situation === 'back';
    const { childGone, situationSaid } = await conversationFactsRecord(this.services).get(context);
    const childMissing =
      role !== 'youngPerson' && ((gone(reading.situation) && gone(reading.likely.situation)) || (childGone === true && !saysBack));
    // "im at my boyfriends hes 22", from a young person away from home tonight: they are the child missing.
    const youngPersonAway = role === 'youngPerson' && !saysBack && (situationSaid === 'away' || gone(reading.situation));
    // The trained reader's guess of exploitation, from an adult ("the cousin deals and they go up
    // to birmingham on the train"), takes the same route: who to tell and what to say, not "that sounds worrying".
    // "back at 1am with 3 new phones and cash, a bruise he says is from a fall": the signs, with a
    // hurt that goes with them, take the same route once the child is back.
    const signsOnly = reading.danger.every((category) => category === 'exploitation' || (saysBack && category === 'violenceAbuse'));
    const exploitationSigns =
      role !== 'youngPerson' &&
      ((reading.danger.includes('exploitation') && signsOnly && !childMissing) || (!dangerCategory && concernCategory === 'exploitation'));
    // "i just want to go to sleep and not wake up" from a parent is about the parent; "my mate said
    // she was gonna kill herself" or "my friend is at some guys flat" from a young person is about the friend.
    const [onlyOf, ...others] = dangerCategory === 'suicideSelfHarm' ? reading.suicideOf : reading.dangerOf;
    const dangerOf = dangerCategory && others.length === 0 ? onlyOf : undefined;
    const aboutSomeoneElse = dangerOf === 'someoneElse';
    if (exploitationSigns) await adviseFirst(context, this.services, 'disclosure', { disclosure: 'childExploited', ...who });
    else if (dangerCategory) {
      const rule = await adviseFirst(context, this.services, 'interrupt', {
        dangerPhrase: true,
        dangerCategory,
        ...(dangerOf ? { dangerOf } : {}),
        ...(childMissing || youngPersonAway ? { childMissing: true } : {}),
        // "back home, boyfriend dropped her off, she has marks on her wrist": not "where they might be".
        ...(saysBack && !childMissing ? { childBack: true } : {}),
        // "im doing it tonight": talk of ending a life, with when, is happening now.
        dangerNow:
          reading.danger.includes('immediate') || (dangerCategory === 'suicideSelfHarm' && reading.facts.said.includes('actingSoon')),
        ambulanceCalled: reading.facts.said.includes('ambulanceCalled'),
        askedStraightBefore,
        ...(caringAnswer === 'notThinking' ? { ypThinkingOfSuicide: 'no' as const } : {}),
        policeTold,
        ...who,
      });
      // "they wont let me leave": told 999 now, they are not asked next whether they are safe.
      const toldDangerNow =
        role === 'youngPerson' &&
        !aboutSomeoneElse &&
        rule?.audit === 'advised-999' &&
        (reading.danger.includes('immediate') || dangerCategory === 'takenHeld');
      if (toldDangerNow) {
        const at = this.services.clock.now().toISOString();
        await conversationFactsRecord(this.services).update(context, (facts) => ({ ...facts, toldDangerNowAt: at }));
      }
      // "took a few of my nans pills, kinda sleepy", "my mate's not waking up", or talk of ending
      // their life again after being asked straight: a young person told to ring 999 now is left
      // with that, not asked whether they are safe or where they would like to meet in the same breath.
      const ownSuicideAgain =
        dangerCategory === 'suicideSelfHarm' && askedStraightBefore && !aboutSomeoneElse && caringAnswer !== 'notThinking';
      if (role === 'youngPerson' && rule?.audit === 'advised-999' && (dangerCategory === 'medical' || ownSuicideAgain))
        context.turnState.set(TURN_EMERGENCY_TOLD, true);
    } else if (concernCategory)
      await adviseFirst(context, this.services, 'concern', {
        dangerCategory: concernCategory,
        askedStraightBefore,
        policeTold,
        pillsSaid: this.services.understanding.pillsSaid(context.activity.text ?? '', messagesFor(context, this.services).locale),
        // "i dont remember much of last night" at "Are you safe right now?": that question once, the one on screen.
        safetyAsked: questionWaiting(context)?.asksFor === 'safety',
        ...who,
      });
    // A young person is asked straight, once, whether they are thinking of ending their life (those
    // rules' words ask it): their next yes or no answers that, not the question on screen.
    // Someone not yet known who speaks of ending their own life is asked straight too.
    const askedStraightNow = role === 'youngPerson' || (role === undefined && dangerOf === 'writer');
    if (
      askedStraightNow &&
      (dangerCategory ?? concernCategory) === 'suicideSelfHarm' &&
      !exploitationSigns &&
      !aboutSomeoneElse &&
      !askedStraightBefore
    ) {
      await conversationFactsRecord(this.services).update(context, (facts) => ({
        ...facts,
        caringQuestionOpen: true,
        askedStraight: true,
      }));
      context.turnState.set(TURN_ASKED_STRAIGHT, true);
    }
    // A disclosure is heard even beside danger: the 999 line alone does not acknowledge it.
    const exploitationAnswered = exploitationSigns || (childMissing && dangerCategory === 'exploitation');
    const acknowledged =
      (exploitationAnswered && (disclosure === 'childExploited' || disclosure === 'madeToDoThings')) ||
      (disclosure !== undefined && (await this.disclosureAnsweredBefore(context, disclosure, who)));
    if (disclosure && !acknowledged) await adviseFirst(context, this.services, 'disclosure', { disclosure, ...who });
    if (dangerCategory || concernCategory || disclosure) {
      // A friend's danger, told by a young person, or a parent's own despair, is not a risk of the
      // child the conversation is about.
      const notTheChild = (category: DangerCategory) =>
        role === 'youngPerson' ? aboutSomeoneElse : dangerOf === 'writer' && category === 'suicideSelfHarm';
      await flagRisk(
        context,
        this.services,
        ...(dangerCategory ? (['danger-phrase'] as const) : []),
        ...reading.danger.filter((category) => !notTheChild(category)),
        ...reading.concern,
        ...(disclosure ? reading.disclosures : []),
      );
      await keepDangerForBooking(context, this.services, reading.danger);
      // An adult's worry about the child, told in their words, goes to the police as said.
      // "ok ive rung 999 theyre sending someone" is news of a call, not a worry.
      const onlyACall =
        (reading.facts.said.includes('policeTold') || reading.facts.said.includes('ambulanceCalled')) &&
        reading.danger.every((category) => category === 'immediate') &&
        reading.concern.length === 0 &&
        !disclosure;
      const aboutTheChild = role !== 'youngPerson' && !onlyACall && !(dangerOf === 'writer' && dangerCategory === 'suicideSelfHarm');
      if (aboutTheChild) await keepSaid(context, this.services, 'worriesSaid', (context.activity.text ?? '').trim().slice(0, 500));
    }
    // A question with no rule for who asks ("i cant call him", from a parent) is no reply.
    const questionAnswered = reading.question !== undefined && (await this.answerQuestion(context, reading.question, role));
    return dangerCategory !== undefined || concernCategory !== undefined || disclosure !== undefined || questionAnswered;
  }

  /**
   * A young child lost in a public place, at night, or very young, said before any question or
   * answered at one ("4" at "how old?"): the area's rule for it, once. Says whether it was given.
   */
  protected async adviseYoungLost(context: TurnContext): Promise<boolean> {
    const facts = await conversationFactsRecord(this.services).get(context);
    if (facts.youngLostTold || facts.ageYears === undefined) return false;
    const inPublic = facts.stated.includes('missingFromPublicPlace');
    const rule = this.youngLostRule(facts.ageYears, inPublic);
    if (!rule) return false;
    await advise(context, this.services, rule, {}, this.youngLostFacts(facts.ageYears, inPublic));
    await conversationFactsRecord(this.services).update(context, (current) => ({ ...current, youngLostTold: true }));
    return true;
  }

  /** A young person who said they are away, out alone and young: the area's rule for it, once. */
  private async adviseYoungAway(context: TurnContext, reading: Reading | undefined): Promise<void> {
    const facts = await conversationFactsRecord(this.services).get(context);
    const saysAway =
      reading !== undefined && !onlySomeoneElse(reading.missingOf) && (reading.situation === 'away' || reading.situation === 'missingNow');
    if (facts.youngLostTold || facts.ageYears === undefined || (facts.situationSaid !== 'away' && !saysAway)) return;
    const now = this.services.clock.now();
    const rule = await adviseFirst(context, this.services, 'yp-young-away', {
      ageYears: facts.ageYears,
      missingFromPublicPlace: facts.stated.includes('missingFromPublicPlace'),
      nowhereToStay: facts.stated.includes('nowhereToStay'),
      afterDark: afterDark(now, this.services.timeZone),
    });
    if (!rule) return;
    // Told 999 now: "are you safe?" is not asked again after it.
    context.turnState.set(TURN_YOUNG_ALONE_TOLD, true);
    await conversationFactsRecord(this.services).update(context, (current) => ({
      ...current,
      youngLostTold: true,
      toldDangerNowAt: now.toISOString(),
      ...(saysAway ? { situationSaid: 'away' as const } : {}),
    }));
  }

  /**
   * Only the rules that make it "call 999 now" at once, in a public place, at night or, for the
   * youngest ("cant find my daughter in bluewater shes 4"), wherever; other advice waits for the question.
   */
  private youngLostRule(ageYears: number, inPublic: boolean) {
    const rule = this.services.rules.decide('parent-danger', this.youngLostFacts(ageYears, inPublic));
    return rule?.audit === 'advised-999' && rule.conditional999 !== true ? rule : undefined;
  }

  /** What the area's rule weighs for a young child gone whose parent has not yet said whether they are in danger. */
  private youngLostFacts(ageYears: number, missingFromPublicPlace: boolean) {
    const dark = afterDark(this.services.clock.now(), this.services.timeZone);
    return { parentDangerNow: 'unsure', missingFromPublicPlace, ageYears, afterDark: dark } as const;
  }

  /**
   * "sorry i meant 14 not 4" after the young child's 999: the advice for a child of the age now
   * said is given at its own step, as if the first had not been.
   */
  private async reconsiderYoungLost(context: TurnContext): Promise<void> {
    const { youngLostTold, ageYears, stated } = await conversationFactsRecord(this.services).get(context);
    if (!youngLostTold || ageYears === undefined || this.youngLostRule(ageYears, stated.includes('missingFromPublicPlace'))) return;
    await conversationFactsRecord(this.services).update(context, (current) => ({ ...current, youngLostTold: false }));
  }

  /**
   * "nie chce wracac" after "ojczym mnie bije": a disclosure whose reply was given already in this
   * conversation (the same rule, for an earlier disclosure) is heard and kept, not answered again.
   */
  private async disclosureAnsweredBefore(context: TurnContext, disclosure: Disclosure, who: { role?: Role }): Promise<boolean> {
    const { flags } = await conversationFactsRecord(this.services).get(context);
    const rule = this.services.rules.decide('disclosure', { disclosure, ...who });
    if (!rule) return false;
    return DISCLOSURES.some(
      (earlier) => flags.includes(earlier) && this.services.rules.decide('disclosure', { disclosure: earlier, ...who })?.id === rule.id,
    );
  }

  /** The user's own question, answered for who asks and the hour ("do i ring her social worker now?"). */
  private async answerQuestion(context: TurnContext, question: QuestionAsked, role: Role | undefined): Promise<boolean> {
    const officeOpen = isOfficeOpen(this.services.area, this.services.clock.now(), this.services.timeZone);
    const rule = await adviseFirst(context, this.services, 'question', {
      questionAsked: question,
      officeOpen,
      // "what do i do now", just after "call 999 now": the call first, not the question on screen;
      // after "999 if ..., otherwise 101", that call, not a 999 nobody was told to make.
      dangerToldRecently: await dangerToldRecently(context, this.services),
      callToldRecently: await callToldRecently(context, this.services),
      othersDangerToldRecently: await othersDangerToldRecently(context, this.services),
      asks999: this.services.understanding.namesEmergencyNumber(context.activity.text ?? ''),
      ...(role ? { role } : {}),
    });
    // "dont tell anyone", just after "call 999 now" for the pills they took: a young person is
    // left with the call, not asked where they are in the same breath.
    if (role === 'youngPerson' && question === 'confidential' && emergencySaidThisTurn(context))
      context.turnState.set(TURN_EMERGENCY_TOLD, true);
    return rule !== undefined;
  }

  /**
   * The message after the straight question about ending their life: a plain yes, no or "not sure"
   * answers it and is answered (crisis lines, kept as a risk). Their own question instead ("dont
   * call the police pls") is answered, and the straight question asked again, never dropped.
   * Anything else is read as usual.
   */
  private async answerToCaringQuestion(
    context: TurnContext,
    reading: TurnReading,
    knownRole: Role | undefined,
  ): Promise<'thinking' | 'notThinking' | 'askedAgain' | undefined> {
    const messages = messagesFor(context, this.services);
    const { locale } = messages;
    // The answer opens the message ("czasem tak. mam tabletki w plecaku", "idk. maybe. im tired").
    const [opening = ''] = (context.activity.text ?? '').split(/[.,;!?\n]/).filter((clause) => clause.trim() !== '');
    // "no not like that i dont wanna die": a yes or no that opens the clause answers, whatever follows.
    const said =
      this.services.understanding.everyday(opening, locale, { wholeMessage: true }) ??
      this.services.understanding.everyday(opening, locale);
    // "i dont want to talk" answers too: as "not sure", with the crisis lines, never "didn't catch that".
    // "i dont wanna call anyone" is no yes or no, but answers too: as "not sure", with the lines they can text.
    const refusesCalls = reading.facts.said.includes('refusesEmergencyHelp');
    const answered = said === 'yes' || said === 'no' || said === 'unknown' || said === 'skip' || refusesCalls;
    // "1" picks an option shown before the straight question ("Who is writing?", by text "Is that
    // right?"), or means yes: which is not known, so neither is taken and the question is asked again.
    const bareNumber = /^\s*\d+\s*$/.test(context.activity.text ?? '');
    // "u there?", "hello??" after a silence: checking the bot is still here, not an answer.
    if (bareNumber || (reading.greets && !answered)) {
      await context.sendActivity(messages.t('safety.askStraightAgain'));
      return 'askedAgain';
    }
    const askedInstead = !answered && reading.danger.length === 0 ? reading.question : undefined;
    // "nobody would even notice if i wasnt here": more of the same talk, not an answer; the straight
    // question still waits for its yes or no ("yeah i think about it alot").
    const moreOfTheSame = !answered && [...reading.danger, ...reading.concern].includes('suicideSelfHarm');
    // Whatever this message is, a held answer is taken now or never.
    await conversationFactsRecord(this.services).update(context, ({ answerHeld: _taken, ...facts }) => ({
      ...facts,
      caringQuestionOpen: askedInstead !== undefined || moreOfTheSame,
    }));
    if (askedInstead) {
      await this.answerQuestion(context, askedInstead, 'youngPerson');
      await context.sendActivity(messages.t('safety.askStraightAgain'));
      return 'askedAgain';
    }
    // A medical emergency in the answer ("yes, ive taken them") gets the ambulance first; other
    // danger words are answered as danger.
    // An answer to the question on screen instead ("cineva nou" at the offer) is that answer.
    const answersWaiting = reading.answer?.option !== undefined;
    if (reading.danger.includes('medical') || (!answered && (reading.danger.length > 0 || answersWaiting))) return undefined;
    // "its not deep dont freak out", "i just want someone to know": an answer too, as "not sure",
    // with the lines to talk to, never "didn't catch that".
    // "no i dont want to call anyone", from someone on a bridge: the no is to calling, not to ending their life.
    const ypThinkingOfSuicide = said === 'yes' || (said === 'no' && !refusesCalls) ? said : 'unsure';
    // Kept as the child's risk only when the child is the one writing: someone not yet known may be a parent.
    if (ypThinkingOfSuicide !== 'no' && knownRole === 'youngPerson') await flagRisk(context, this.services, 'suicideSelfHarm');
    // "yes tonight, ive got everything ready": not "if you might act on it", but 999 now.
    // Means named with it ("mam tabletki w plecaku") are danger words, answered as danger just after.
    const ypActingSoon = ypThinkingOfSuicide !== 'no' && reading.danger.length === 0 && reading.facts.said.includes('actingSoon');
    await adviseFirst(context, this.services, 'yp-caring-answer', { ypThinkingOfSuicide, ypActingSoon });
    context.turnState.set(TURN_ALREADY_ANSWERED, true);
    return ypThinkingOfSuicide === 'no' ? 'notThinking' : 'thinking';
  }

  /**
   * A person who answered their request is with them: "bot" goes back to the bot (the question
   * waiting is asked again); anything else is passed on to the person, and they are told so.
   */
  private async passedToPerson(
    innerDc: DialogContext,
    active: boolean,
    reading: TurnReading,
    role: Role | undefined,
    before: ConversationFacts,
  ): Promise<DialogTurnResult | undefined> {
    const { context } = innerDc;
    if (!personMayBeWithThem(before, this.services.clock.now())) return undefined;
    const conversationId = context.activity.conversation.id;
    const person = await this.services.handoff.connected(conversationId);
    if (!person) return undefined;
    const messages = messagesFor(context, this.services);
    if (reading.command === 'backToBot') {
      await this.services.handoff.leave(person, conversationId, context.activity.channelId);
      await context.sendActivity(messages.t('handoff.backToBot', { name: person.name }));
      return active ? this.carryOn(innerDc, true) : { status: DialogTurnStatus.complete };
    }
    const passed = await this.services.handoff.passOn(
      person,
      conversationId,
      context.activity.channelId,
      role,
      context.activity.text ?? '',
    );
    if (passed === 'sent') {
      await context.sendActivity(messages.t('handoff.passedOn', { name: person.name, team: this.services.area.handoff.team }));
    } else {
      // Their words did not reach the person: the numbers to call instead, as when nobody could be alerted.
      await adviseFirst(context, this.services, 'handoff', { officeOpen: true, handoffAlerted: false, handoffAlready: false });
    }
    return active ? Dialog.EndOfTurn : { status: DialogTurnStatus.complete };
  }

  /** After an interruption the dialog asks its current question again (or starts, if it was starting). */
  private async carryOn(innerDc: DialogContext, active: boolean): Promise<DialogTurnResult | undefined> {
    if (!active) return undefined;
    await innerDc.repromptDialog();
    return Dialog.EndOfTurn;
  }
}

/**
 * The message read with what the conversation said before: after talk of ending a life, a worry
 * the trained reader heard ("im by the river", "got the tablets here") is danger, not a question,
 * and being where a life could be ended ("im just sat at the train station") is danger now.
 */
function inContext<Read extends Reading>(
  reading: Read,
  before: Pick<ConversationFacts, 'flags'>,
  /** A young person was told "call 999 now", without an "if", in the last half hour. */
  callTold: boolean,
  atPlaceOfMeans: () => boolean,
): Read {
  // "i just want it all to stop", just after "call 999 now" on a bridge: talk of ending their own
  // life there is danger now, not a question with an "if".
  const ownDespair =
    (reading.danger.includes('suicideSelfHarm') || reading.concern.includes('suicideSelfHarm')) &&
    !onlySomeoneElse(reading.suicideOf) &&
    !onlySomeoneElse(reading.dangerOf);
  if (callTold && ownDespair && !reading.danger.includes('immediate') && !callMadeSaid(reading.facts))
    return { ...reading, danger: [...new Set([...reading.danger, 'suicideSelfHarm', 'immediate'] as const)], concern: [] };
  if (!before.flags.includes('suicideSelfHarm')) return reading;
  // "ive called 999, theyre coming. should i go out looking for him": the call made, not more of that talk.
  if (callMadeSaid(reading.facts)) return reading;
  if (!reading.danger.includes('immediate') && !onlySomeoneElse(reading.dangerOf) && atPlaceOfMeans())
    return { ...reading, danger: ['suicideSelfHarm', 'immediate'], dangerOf: ['writer'], concern: [] };
  // "ive got some of his pills here", after talk of ending one's life: the danger now is to that life.
  const onlyDangerNow = reading.danger.length === 1 && reading.danger[0] === 'immediate';
  if (onlyDangerNow && reading.dangerOf.includes('writer')) return { ...reading, danger: ['suicideSelfHarm', 'immediate'] };
  if (reading.concern.length === 0 || reading.danger.length > 0) return reading;
  const now: DangerCategory[] = reading.concern.includes('immediate') ? ['immediate'] : [];
  return { ...reading, danger: ['suicideSelfHarm', ...now], concern: [] };
}

/**
 * Kinds of danger where, if it is also a medical emergency, the ambulance comes first: "someone
 * beat him up and hes lying unconscious" needs it asked for, and 999 sends the police too. Not
 * talk of suicide: "i want to not wake up" says both in the same words, and it is the straight
 * question that is owed.
 */
const AMBULANCE_FIRST: readonly DangerCategory[] = ['immediate', 'medical', 'violenceAbuse'];

/**
 * The kind of danger whose advice is given first: a medical emergency ("took a load of tablets and
 * I cant wake him", "took 10 paracetamol and vodka") needs an ambulance asked for, unless someone
 * is holding the child, or the words speak of ending their life.
 */
function mostUrgentCare(
  danger: readonly DangerCategory[],
  harmDone: boolean,
  role: Role | undefined,
  someoneElsesOnly: boolean,
): DangerCategory | undefined {
  // "my mate took something n shes not waking up properly": someone else's emergency, happening
  // now, is the ambulance first, whatever led to it.
  if (
    someoneElsesOnly &&
    danger.includes('medical') &&
    danger.every((category) => category === 'suicideSelfHarm' || AMBULANCE_FIRST.includes(category))
  )
    return 'medical';
  // "necked about 16 of my nans sleeping tablets", "cut myself and it wont stop bleeding": the harm
  // done is the emergency, whatever else is said.
  if (harmDone && danger.every((category) => category === 'suicideSelfHarm' || AMBULANCE_FIRST.includes(category))) return 'medical';
  if (danger.includes('medical') && danger.every((category) => AMBULANCE_FIRST.includes(category))) return 'medical';
  // "im on the bridge, i dont want to live anymore": danger now that speaks of ending a life gets
  // the suicide advice, which says 999 too and asks straight.
  if (danger.includes('suicideSelfHarm')) return 'suicideSelfHarm';
  // A young person groomed ("a guy i met online, 19, sends me money, wants to meet tonight"), or
  // made to carry by threats ("theyll hurt my little brother if i dont carry a package"): told
  // someone is using them and it is not their fault, not only the general 999 lines.
  if (
    role === 'youngPerson' &&
    danger.includes('exploitation') &&
    danger.every((category) => category === 'exploitation' || category === 'sexualHarm' || category === 'violenceAbuse')
  )
    return 'exploitation';
  return danger[0];
}

/** The innermost dialog running, e.g. "parent.search": where the user was, for a handover. */
function deepestActiveDialog(dc: DialogContext): string {
  return innermost(dc).activeDialog?.id ?? 'start';
}

function innermost(dc: DialogContext): DialogContext {
  let current: DialogContext = dc;
  while (current.child) current = current.child;
  return current;
}
