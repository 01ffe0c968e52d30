// The young person's journey: are you safe; away or back; away -> help tonight and a person to
// talk to; back -> the offer of a missing conversation or an independent return interview,
// and, if they want one, a booking inside the 72 hours (or a decline, recorded, door open).
// Someone they know is missing -> what they can do for them, then whether they are OK.
import type { TurnContext } from 'botbuilder';
import { WaterfallDialog, type DialogContext, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { z } from 'zod';
import { WITH_WHOM, type WithWhom } from '../../bot/bookings/bookingDesk';
import { adviseFirst, emergencySaidThisTurn } from '../../bot/turn/advice';
import { Choices } from '../base/choices';
import { ChoiceQuestion } from '../base/choiceQuestion';
import {
  conversationFactsRecord,
  dangerNowJustTold,
  flagRisk,
  harmSaid,
  keepOfferDeclined,
  momentSaidBegin,
  nobodyJustTold,
  type RiskFlag,
} from '../base/conversationFacts';
import { HANDOFF_DIALOG, type HandoffOptions } from '../base/handoffDialog';
import { InterruptibleDialog, TURN_YOUNG_ALONE_TOLD } from '../base/interruptibleDialog';
import { TURN_ALREADY_ANSWERED } from '../base/waitingDialog';
import { journeyOptionsSchema, situationAnswer } from '../base/journeyOptions';
import { PastMomentDialog } from '../base/pastMomentDialog';
import { aboutSomeoneElseOnly, onlySomeoneElse } from '../../bot/understanding/understand';
import { optionsOf, pastMomentResult, resultOf, stepValues, yesNoResult, yesNoUnsureResult } from '../base/stepData';
import { messagesFor, questionWaiting, readingOf, type DialogServices, type TurnReading } from '../../bot/turn/services';
import { allWellSaid, yesNoQuestion, yesNoUnsureQuestion } from '../base/yesNo';
import { BOOKING_DETAILS_DIALOG, BookingDetailsDialog, detailsFor } from '../booking/bookingDetailsDialog';

export const YOUNG_PERSON_JOURNEY = 'youngPerson';
const MAIN = 'youngPerson.main';
const AWAY = 'youngPerson.away';
const OFFER_FLOW = 'youngPerson.offerFlow';
const OFFER_AGAIN = 'youngPerson.offerAgain';
const SAFE = 'youngPerson.safe';
const WHERE = 'youngPerson.where';
const TALK = 'youngPerson.talk';
const HOME_SAFE = 'youngPerson.homeSafe';
const BACK_HOME_SAFE = 'youngPerson.backHomeSafe';
/** The offer of someone to talk to, and its ids below ("youngPerson.offerAgain"): a no there is to the offer. */
export const YOUNG_PERSON_OFFER = 'youngPerson.offer';
const OFFER = YOUNG_PERSON_OFFER;
const WHO = 'youngPerson.who';
const RETURNED = 'youngPerson.returned';
const SOMEONE_ELSE = 'youngPerson.someoneElse';
const YOU_OK = 'youngPerson.someoneElse.youOk';

const WHERE_ANSWERS = ['away', 'back'] as const;
const OFFER_ANSWERS = ['trusted', 'independent', 'no'] as const;
type TrustedPerson = Exclude<WithWhom, 'independent'>;
const TRUSTED_PEOPLE = WITH_WHOM.filter((who): who is TrustedPerson => who !== 'independent');

export const whereChoices = Choices.keyed(WHERE_ANSWERS, (value) => `youngPerson.where.options.${value}`);
export const offerChoices = Choices.keyed(OFFER_ANSWERS, (value) => `youngPerson.offer.options.${value}`, { no: 'no' });
const whoChoices = Choices.keyed(TRUSTED_PEOPLE, (value) => `youngPerson.who.options.${value}`);
/** What a young person already told, that means home is not safe tonight. */
const HOME_NOT_SAFE_FLAGS: readonly RiskFlag[] = ['hurtAtHome', 'thrownOut', 'scaredToGoHome'];

/** The safety question was answered by the 999 just given, not asked. */
const safeValues = stepValues(z.object({ toldAlready: z.boolean().optional() }));

/** Who the meeting is with, kept from the offer to the booking. */
const offerValues = stepValues(z.object({ withWhom: z.enum(WITH_WHOM).optional() }));

export class YoungPersonJourneyDialog extends InterruptibleDialog {
  constructor(services: DialogServices) {
    super(YOUNG_PERSON_JOURNEY, services);
    // "theres a man following me", "they wont let me leave": not safe, said in their words.
    this.addDialog(
      yesNoUnsureQuestion(
        SAFE,
        'youngPerson.safe.ask',
        services,
        (context) => {
          const { danger, concern, dangerOf, facts, answer, disclosures, situation } = readingOf(context, services);
          // "im scared", "my dad hits me", "he made me carry stuff for him": not safe, said in their
          // words, and not asked again after the 999 line. Talk of ending their life is asked about
          // straight instead; a yes or no said with it is theirs. "my mum kicked me out" says where
          // they cannot go, not that they are in danger now: asked.
          if (answer?.option === 'no' && answer.by === 'meaning' && allWellSaid(context, services)) return 'yes';
          // "... i think im pregnant and i havent told anyone": a no deep in what they tell, with no
          // danger said, answers nothing for sure; "not sure" gets 999 with an "if", not "call 999 now".
          const deepNo = answer?.option === 'no' && answer.by === 'meaning' && !answer.opensWithIt;
          if (deepNo && danger.length === 0 && concern.length === 0) return 'unsure';
          if (answer?.option !== undefined) return undefined;
          // "im 11 and im sat in the park by myself": told "call 999 now" in this reply, they are not safe.
          if (context.turnState.get(TURN_YOUNG_ALONE_TOLD)) return 'no';
          // "my mums boyfriend hit me so i left. im at my friends house": harm at home, left behind, says
          // nothing of where they are now; the reply to it gives 999, and they are asked again.
          const leftHarmBehind =
            situation === 'away' &&
            danger.every((category) => category === 'violenceAbuse') &&
            disclosures.some((disclosure) => HOME_NOT_SAFE_FLAGS.includes(disclosure));
          if (leftHarmBehind) return undefined;
          // Scared, with no danger said, is not sure: "call 999 now" is for danger.
          // A friend's danger ("my mate is at some guys flat") says nothing of their own.
          if (!onlySomeoneElse(dangerOf) && danger.some((category) => category !== 'suicideSelfHarm')) return 'no';
          return facts.said.includes('feelsScared') ? 'unsure' : undefined;
        },
        // Asked again after the crisis lines, "Hi." would read as if nothing had been said.
        { asksFor: 'safety', askAgain: 'youngPerson.safe.askAgain' },
      ),
    );
    this.addDialog(
      new ChoiceQuestion(
        {
          id: WHERE,
          ask: 'youngPerson.where.ask',
          retry: 'common.choiceRetry',
          choices: whereChoices,
          // "sleepin in the bus station 3 nights" says away, though it names neither option; a
          // question of their own ("what is a return interview") answers nothing.
          read: situationAnswer(services, { away: 'away', back: 'back', missingNow: 'away' }),
        },
        services,
      ),
    );
    this.addDialog(yesNoQuestion(TALK, 'youngPerson.away.talk', services, undefined, { plainAnswerBesideHarm: true }));
    // "no im fine" at "are you OK?" is fine, and "im not ok" is not, whatever word opens it.
    this.addDialog(
      yesNoUnsureQuestion(YOU_OK, 'youngPerson.someoneElse.youOk.ask', services, (context) => {
        const said = services.understanding.wellbeing(context.activity.text ?? '', messagesFor(context, services).locale);
        return said === 'well' ? 'yes' : said === 'notWell' ? 'no' : undefined;
      }),
    );
    // "i dont feel safe here", "my step dad hits me", "i aint going home my stepdad kicks off": a no, said in their words.
    const homeNotSafeSaid = (context: TurnContext) => {
      const { disclosures } = readingOf(context, services);
      return disclosures.some((disclosure) => HOME_NOT_SAFE_FLAGS.includes(disclosure)) ? 'no' : undefined;
    };
    this.addDialog(yesNoUnsureQuestion(HOME_SAFE, 'youngPerson.away.homeSafe.ask', services, homeNotSafeSaid));
    this.addDialog(yesNoUnsureQuestion(BACK_HOME_SAFE, 'youngPerson.backHomeSafe.ask', services, homeNotSafeSaid));
    this.addDialog(
      new ChoiceQuestion(
        {
          id: OFFER,
          ask: 'youngPerson.offer.ask',
          retry: 'common.choiceRetry',
          whichYes: 'youngPerson.offer.whichYes',
          unsure: 'youngPerson.offer.unsure',
          choices: offerChoices,
          plainAnswerBesideHarm: true,
        },
        services,
      ),
    );
    this.addDialog(new ChoiceQuestion({ id: WHO, ask: 'youngPerson.who.ask', retry: 'common.choiceRetry', choices: whoChoices }, services));
    this.addDialog(
      new PastMomentDialog(
        RETURNED,
        {
          ask: 'youngPerson.returned.ask',
          confirm: 'youngPerson.returned.confirm',
          unreadable: 'youngPerson.returned.unreadable',
          future: 'youngPerson.returned.future',
          again: 'youngPerson.returned.again',
          askedAhead: 'youngPerson.returned.askedAhead',
        },
        services,
      ),
    );
    this.addDialog(new BookingDetailsDialog(services));
    this.addDialog(
      new WaterfallDialog(MAIN, [(step) => this.askSafe(step), (step) => this.afterSafe(step), (step) => this.afterWhere(step)]),
    );
    this.addDialog(
      new WaterfallDialog(AWAY, [
        (step) => this.askHomeSafe(step),
        (step) => this.adviseHomeSafe(step),
        (step) => this.afterTalk(step),
        (step) => this.close(step),
      ]),
    );
    this.addDialog(
      new WaterfallDialog(OFFER_FLOW, [
        (step) => this.askBackHomeSafe(step),
        (step) => this.adviseBackHomeSafe(step),
        (step) => this.afterOffer(step),
        (step) => this.afterWho(step),
        (step) => this.afterReturned(step),
      ]),
    );
    this.addDialog(
      new WaterfallDialog(OFFER_AGAIN, [
        (step) => this.offerAgain(step),
        (step) => this.afterOffer(step),
        (step) => this.afterWho(step),
        (step) => this.afterReturned(step),
      ]),
    );
    this.addDialog(
      new WaterfallDialog(SOMEONE_ELSE, [
        (step) => this.adviseForSomeoneElse(step),
        (step) => this.afterYouOk(step),
        (step) => this.afterTalk(step),
        (step) => this.close(step),
      ]),
    );
    this.initialDialogId = MAIN;
  }

  /**
   * "im back home now" at "are you safe right now?" answers where they are, not whether they are
   * safe: kept, said back, and the safety question asked again, not "didn't catch that". Where they
   * are, said with a yes or no ("yes im back now"), is kept too and not asked next.
   */
  protected override async interruptJourney(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    const reading = readingOf(innerDc.context, this.services);
    if (innerDc.stack[0]?.id === OFFER_FLOW) return this.stillAway(innerDc, reading);
    if (innerDc.activeDialog?.id !== SAFE) return undefined;
    // "my friend hasnt been home since friday", at "are you safe right now?": the friend is the one
    // gone, and the steps are for someone worried about a friend.
    const friendGone = onlySomeoneElse(reading.missingOf) && reading.danger.length === 0 && !reading.question;
    if (friendGone && reading.answer?.option === undefined) {
      await innerDc.cancelAllDialogs();
      return innerDc.beginDialog(SOMEONE_ELSE);
    }
    // Written by the young person, "missing" is being away: their own, unless only someone else is said to be gone.
    const situation = reading.situation === 'missingNow' ? 'away' : reading.situation;
    if (reading.question || (situation !== 'away' && situation !== 'back') || aboutSomeoneElseOnly(reading)) return undefined;
    await conversationFactsRecord(this.services).update(innerDc.context, (facts) => ({ ...facts, situationSaid: situation }));
    // "yes im back now" answers both.
    if (reading.answer?.option !== undefined) return undefined;
    // Just told "call 999 now" for being out alone: that is the reply, not a thanks.
    if (emergencySaidThisTurn(innerDc.context)) return undefined;
    await innerDc.context.sendActivity(messagesFor(innerDc.context, this.services).t(`youngPerson.situationNoted.${situation}`));
    innerDc.context.turnState.set(TURN_ALREADY_ANSWERED, true);
    return undefined;
  }

  /**
   * "im not back im still in margate", after being taken as back: said sorry for, and the steps for
   * someone away instead of the return interview.
   */
  private async stillAway(innerDc: DialogContext, reading: TurnReading): Promise<DialogTurnResult | undefined> {
    const away = reading.situation === 'away' || reading.situation === 'missingNow';
    if (!away || reading.answer?.option !== undefined) return undefined;
    // "will i get in trouble with police for running away": their question, not where they are now.
    if (reading.question !== undefined && reading.question !== 'whatNext') return undefined;
    // "can it be at school not at home", while a meeting is being made: where to meet, not where they are.
    if (reading.bookingRequest !== undefined || questionWaiting(innerDc.context)?.asksFor === 'place') return undefined;
    // "my mate kayla is still out she been gone 3 days": the friend is away, not the young person.
    if (aboutSomeoneElseOnly(reading)) {
      if (reading.danger.length === 0) await adviseFirst(innerDc.context, this.services, 'yp-someone-else', { missingOf: 'someoneElse' });
      innerDc.context.turnState.set(TURN_ALREADY_ANSWERED, true);
      return undefined;
    }
    await innerDc.context.sendActivity(messagesFor(innerDc.context, this.services).t('youngPerson.situationNoted.stillAway'));
    await conversationFactsRecord(this.services).update(innerDc.context, (facts) => ({ ...facts, situationSaid: 'away' }));
    await innerDc.cancelAllDialogs();
    await adviseFirst(innerDc.context, this.services, 'yp-where', { ypWhere: 'away' });
    return innerDc.beginDialog(AWAY);
  }

  /** Just told to call 999 now ("theres a man following me"): they are not safe, and are not asked. */
  private async askSafe(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = optionsOf(step, journeyOptionsSchema);
    if (options.resume) return step.replaceDialog(OFFER_AGAIN);
    if (options.someoneElseMissing) return step.replaceDialog(SOMEONE_ELSE);
    const facts = await conversationFactsRecord(this.services).get(step.context);
    if (!dangerNowJustTold(facts, this.services.clock.now())) return step.beginDialog(SAFE);
    safeValues.keep(step, { toldAlready: true });
    return step.next('no');
  }

  private async afterSafe(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const safeNow = resultOf(step, yesNoUnsureResult);
    // Told "call 999 now" just before: the same is not said again with an "if".
    // "im at my boyfriends flat hes 23": told "call 999 now" for that in this reply, not a second time.
    const toldAlready =
      safeValues.read(step).toldAlready ||
      emergencySaidThisTurn(step.context) ||
      dangerNowJustTold(await conversationFactsRecord(this.services).get(step.context), this.services.clock.now());
    // "i ran away", "my mum kicked me out", "im back now": the first message said where they are.
    const { situationSaid, flags } = await conversationFactsRecord(this.services).get(step.context);
    if (toldAlready && safeNow !== 'yes') await flagRisk(step.context, this.services, 'danger-now');
    else if (safeNow !== 'yes') {
      await flagRisk(step.context, this.services, 'danger-now');
      // "im back home but ... he said hell pick me up tonight": not out to a shop or a station.
      const ypBack = (optionsOf(step, journeyOptionsSchema).situation ?? situationSaid) === 'back';
      await adviseFirst(step.context, this.services, 'yp-safe', { ypSafeNow: safeNow, ypBack });
    }
    // "he wont let me leave his flat", just told 999: they are away, and held.
    if (toldAlready && flags.includes('takenHeld')) return step.next('away');
    const situation = optionsOf(step, journeyOptionsSchema).situation ?? situationSaid;
    // Written by the young person, "missing" is being away: "i ran away" is not a parent's news.
    if (situation === 'away' || situation === 'missingNow') return step.next('away');
    if (situation === 'back') return step.next('back');
    return step.beginDialog(WHERE);
  }

  /** "my mate hasnt been home since friday": what they can do for their friend, then whether they are OK. */
  private async adviseForSomeoneElse(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await adviseFirst(step.context, this.services, 'yp-someone-else', { missingOf: 'someoneElse' });
    return step.beginDialog(YOU_OK);
  }

  /** Not OK, or not sure: the help for a young person who may not be safe, and a person offered. */
  private async afterYouOk(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const youOk = resultOf(step, yesNoUnsureResult);
    if (youOk === 'yes') {
      await step.context.sendActivity(messagesFor(step.context, this.services).t('youngPerson.someoneElse.close'));
      return step.endDialog();
    }
    // Not OK is no danger said: the help for someone unsure they are safe, not "call 999 now".
    await adviseFirst(step.context, this.services, 'yp-safe', { ypSafeNow: 'unsure' });
    return this.offerPerson(step);
  }

  private async afterWhere(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const where = resultOf(step, z.enum(WHERE_ANSWERS));
    await conversationFactsRecord(this.services).update(step.context, (facts) => ({ ...facts, situationSaid: where }));
    if (where === 'back') return step.replaceDialog(OFFER_FLOW);
    // "somewhere safe tonight" is not said in the same reply as "call 999 now".
    if (!emergencySaidThisTurn(step.context)) await adviseFirst(step.context, this.services, 'yp-where', { ypWhere: where });
    return step.replaceDialog(AWAY);
  }

  /**
   * Thrown out or hurt at home, said already: home is not safe, and they are not asked. Held
   * somewhere and just told 999: going home is not theirs to choose, and they are not asked.
   */
  private async askHomeSafe(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const facts = await conversationFactsRecord(this.services).get(step.context);
    if (facts.flags.includes('takenHeld') && dangerNowJustTold(facts, this.services.clock.now())) return step.next();
    if (facts.flags.some((flag) => HOME_NOT_SAFE_FLAGS.includes(flag))) return step.next('no');
    return step.beginDialog(HOME_SAFE);
  }

  private async adviseHomeSafe(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const ypHomeSafe = resultOf(step, yesNoUnsureResult.optional());
    if (ypHomeSafe === undefined) return this.offerPerson(step);
    if (ypHomeSafe !== 'yes') await flagRisk(step.context, this.services, 'home-not-safe');
    await adviseFirst(step.context, this.services, 'yp-home-safe', { ypHomeSafe });
    return this.offerPerson(step);
  }

  /** A person is offered, unless they were told tonight that nobody from the team can come. */
  private async offerPerson(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const facts = await conversationFactsRecord(this.services).get(step.context);
    if (nobodyJustTold(facts, this.services.clock.now())) return step.next();
    return step.beginDialog(TALK);
  }

  private async afterTalk(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (resultOf(step, yesNoResult.optional()) === 'yes') return step.beginDialog(HANDOFF_DIALOG, { step: AWAY } satisfies HandoffOptions);
    return step.next();
  }

  /**
   * Told tonight that nobody from the team can come, or after telling of harm or of home not being
   * safe ("last time he hit me with a belt", then no to a person): not a goodbye, but an open door
   * to go on here.
   */
  private async close(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const facts = await conversationFactsRecord(this.services).get(step.context);
    const nobodyComing = nobodyJustTold(facts, this.services.clock.now());
    const harmTold = harmSaid(facts) || facts.flags.some((flag) => flag === 'home-not-safe' || HOME_NOT_SAFE_FLAGS.includes(flag));
    await step.context.sendActivity(
      messagesFor(step.context, this.services).t(nobodyComing || harmTold ? 'youngPerson.closeNoPerson' : 'youngPerson.close'),
    );
    return step.endDialog();
  }

  /**
   * Back, and not safe right now ("im home but i dont feel safe"): whether home is the danger is
   * asked before anything is offered, unless they said so already.
   */
  private async askBackHomeSafe(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { flags } = await conversationFactsRecord(this.services).get(step.context);
    const homeNotSafeSaid = flags.some((flag) => HOME_NOT_SAFE_FLAGS.includes(flag));
    if (!flags.includes('danger-now') || homeNotSafeSaid) return step.next();
    return step.beginDialog(BACK_HOME_SAFE);
  }

  /**
   * Home not safe (or not sure): who can help them be safe there, as for a young person who says
   * so in words (unless their words just had that reply); then the return interview is offered.
   */
  private async adviseBackHomeSafe(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const homeSafe = resultOf(step, yesNoUnsureResult.optional());
    if (homeSafe === 'no' || homeSafe === 'unsure') {
      const { flags } = await conversationFactsRecord(this.services).get(step.context);
      const toldInWords = flags.some((flag) => HOME_NOT_SAFE_FLAGS.includes(flag));
      await flagRisk(step.context, this.services, 'home-not-safe');
      if (!toldInWords) await adviseFirst(step.context, this.services, 'disclosure', { disclosure: 'scaredToGoHome', role: 'youngPerson' });
    }
    await adviseFirst(step.context, this.services, 'yp-where', { ypWhere: 'back' });
    return step.beginDialog(OFFER);
  }

  private async afterOffer(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const choice = resultOf(step, z.enum(OFFER_ANSWERS));
    if (choice === 'no') {
      await keepOfferDeclined(step.context, this.services);
      const rule = await adviseFirst(step.context, this.services, 'yp-decline', { returnChoice: 'no' });
      // An area whose guidance says nothing after a decline still leaves the door open.
      if (!rule) await step.context.sendActivity(messagesFor(step.context, this.services).t('youngPerson.close'));
      return step.endDialog();
    }
    // Said yes now: a later yes is not taken as changing their mind again.
    await conversationFactsRecord(this.services).update(step.context, ({ offerDeclinedAt: _yes, ...facts }) => facts);
    offerValues.keep(step, { withWhom: 'independent' });
    if (choice === 'trusted') return step.beginDialog(WHO);
    return step.next();
  }

  /** "actually yeah ok i will talk to someone", after saying no: the offer again, not "are you safe?" again. */
  private async offerAgain(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await step.context.sendActivity(messagesFor(step.context, this.services).t('youngPerson.changedMind'));
    return step.beginDialog(OFFER);
  }

  private async afterWho(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const trusted = resultOf(step, z.enum(TRUSTED_PEOPLE).optional());
    if (trusted) offerValues.keep(step, { withWhom: trusted });
    return step.beginDialog(RETURNED, await momentSaidBegin(step.context, this.services, 'returnedSaid'));
  }

  private async afterReturned(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { withWhom = 'independent' } = offerValues.read(step);
    const returned = resultOf(step, pastMomentResult);
    const { ageYears } = await conversationFactsRecord(this.services).get(step.context);
    return step.replaceDialog(BOOKING_DETAILS_DIALOG, detailsFor('youngPerson', withWhom, returned, ageYears, this.services.timeZone));
  }
}
