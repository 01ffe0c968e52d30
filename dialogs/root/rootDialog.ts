// The conversation's start: welcome, ask who is writing, and hand over to that person's journey.
import {
  DialogTurnStatus,
  WaterfallDialog,
  type DialogContext,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { BOOKING_CHANGE_DIALOG, type BookingCommand, BookingChangeDialog, readBookingCommand } from '../booking/bookingChangeDialog';
import { BOOKING_QUESTIONS } from '../booking/bookingDetailsDialog';
import { ActivityTypes, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import { PROFESSIONS, ROLES, SITUATIONS, type Profession, type Role, type Situation } from '../../bot/content/vocabulary';
import type { JourneyOptions } from '../base/journeyOptions';
import { yesNoQuestion } from '../base/yesNo';
import { Choices } from '../base/choices';
import { ChoiceQuestion } from '../base/choiceQuestion';
import { conversationFactsRecord, keepOfferDeclined } from '../base/conversationFacts';
import { askedStraightThisTurn, InterruptibleDialog } from '../base/interruptibleDialog';
import { dropAnswer, messagesFor, readingOf, type DialogServices, type TurnReading } from '../../bot/turn/services';
import { TURN_ALREADY_ANSWERED, TURN_ONLY_NOTED, type AskState } from '../base/waitingDialog';
import { adviseFirst } from '../../bot/turn/advice';
import { optionMentioned, readAnswer } from '../../bot/understanding/openQuestion';
import { aboutSomeoneElseOnly } from '../../bot/understanding/understand';
import type { Messages } from '../../bot/content/i18n';
import { CARER_JOURNEY, CarerJourneyDialog } from '../carer/carerJourneyDialog';
import { PARENT_JOURNEY, ParentJourneyDialog } from '../parent/parentJourneyDialog';
import { parentCaseRecord } from '../parent/parentCase';
import { carerCaseRecord } from '../carer/carerCase';
import { PROFESSIONAL_JOURNEY, ProfessionalJourneyDialog, professionChoices } from '../professional/professionalJourneyDialog';
import { offerChoices, YOUNG_PERSON_JOURNEY, YOUNG_PERSON_OFFER, YoungPersonJourneyDialog } from '../youngPerson/youngPersonJourneyDialog';

export const ROOT_DIALOG = 'root';
const ROOT_WATERFALL = 'root.steps';
const ROLE_QUESTION = 'root.role';
const UNDERSTOOD_QUESTION = 'root.understood';
/** The words that may open a message with its yes ("actually yeah ok"). */
const OPENING_WORDS = 3;

/** What the first message said, kept while the user confirms it. */
const firstReadingSchema = z.object({
  writer: z.enum(ROLES).optional(),
  situation: z.enum(SITUATIONS).optional(),
  profession: z.enum(PROFESSIONS).optional(),
  /** A young person's words are about someone else who is gone ("im 14 and my friend ran away"). */
  someoneElseMissing: z.boolean().optional(),
});

/** Only someone else is said to be gone or in danger: a young person writing about a friend, not about themselves. */
const onlySomeoneElseMissing = (reading: TurnReading | undefined): boolean => reading !== undefined && aboutSomeoneElseOnly(reading);

/**
 * "im her foster carer not her mum", at a guess of who is writing: someone else is, and says who.
 * An age alone ("im 14") at a parent's guess is not taken as who is writing: the guess is asked about again.
 */
function writerSaidInstead(reading: TurnReading, guessed: unknown): Role | undefined {
  return reading.writer !== undefined && reading.writer !== guessed && reading.facts.ageYears === undefined ? reading.writer : undefined;
}

/** The writer a whole message names in the words of "Who is writing?"'s options ("parent", "young person"). */
function roleNamed(context: TurnContext, services: DialogServices): Role | undefined {
  if (context.activity.type !== ActivityTypes.Message) return undefined;
  const named = readAnswer(
    context.activity.text ?? '',
    roleChoices.asked(ROLE_QUESTION),
    messagesFor(context, services),
    services.understanding,
  );
  return named.by === 'words' ? roleChoices.valueOf(named.option) : undefined;
}

/**
 * "hes 14 his name is Kyle", "i tried his phone it goes straight to voicemail", at "It sounds like
 * you are a parent ... Is that right?": facts for the journey, from the writer guessed, go on as a
 * yes rather than the same question again.
 */
function factsForTheGuess(reading: TurnReading, variables: Record<string, string | number>): 'yes' | 'no' | undefined {
  if (reading.answer?.option !== undefined || reading.asks || reading.danger.length > 0) return undefined;
  if (writerSaidInstead(reading, variables.writer) !== undefined) return 'no';
  const otherWriter = reading.likely.writer !== undefined && reading.likely.writer !== variables.writer;
  const factsSaid = reading.facts.said.length > 0 || reading.facts.ageYears !== undefined;
  // "im back home now": what is happening, said plainly, with nothing against who is writing.
  return (factsSaid || reading.situation !== undefined) && !otherWriter ? 'yes' : undefined;
}

/**
 * Bump when a change to the tree is not visible in botbuilder's own version hash (which sees
 * the dialog ids and the number of each waterfall's steps), so conversations in flight restart gently.
 */
export const ROOT_TREE_VERSION = 5;

export const roleChoices = Choices.keyed<Role>(ROLES, (role) => `root.role.options.${role}`);

export class RootDialog extends InterruptibleDialog {
  constructor(services: DialogServices) {
    super(ROOT_DIALOG, services);
    this.addDialog(
      new ChoiceQuestion(
        {
          id: ROLE_QUESTION,
          ask: 'root.role.ask',
          retry: 'root.role.retry',
          // "idk": which to choose, not "didn't catch that".
          unsure: 'root.role.unsure',
          choices: roleChoices,
          read: (context) => readingOf(context, services).writer,
        },
        services,
      ),
    );
    this.addDialog(new ParentJourneyDialog(services));
    this.addDialog(new YoungPersonJourneyDialog(services));
    this.addDialog(new CarerJourneyDialog(services));
    this.addDialog(new BookingChangeDialog(services));
    this.addDialog(new ProfessionalJourneyDialog(services));
    // Asked again after crisis lines, "Is that right?" alone could read as asking about those.
    this.addDialog(
      yesNoQuestion(
        UNDERSTOOD_QUESTION,
        'root.understood.ask',
        services,
        // "parent", typed at "you are a parent ... Is that right?": the guess named back is a yes.
        (context, variables) => {
          const named = roleNamed(context, services);
          if (named !== undefined) return named === variables.writer ? 'yes' : 'no';
          return factsForTheGuess(readingOf(context, services), variables);
        },
        { askAgain: 'root.understood.askAgain' },
      ),
    );
    this.addDialog(
      new WaterfallDialog(ROOT_WATERFALL, [
        (step) => this.welcome(step),
        (step) => this.confirmed(step),
        (step) => this.handOver(step),
        (step) => step.endDialog(),
      ]),
    );
    this.initialDialogId = ROOT_WATERFALL;
  }

  override getVersion(): string {
    return `${ROOT_DIALOG}@${ROOT_TREE_VERSION}:${super.getVersion()}`;
  }

  /**
   * A role tapped by mistake, said so, leaves the journey; "change B1K4" / "cancel B1K4" work at
   * any point, in whichever journey made the booking.
   */
  protected override async interruptAnywhere(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    // "sorry wrong button im not a parent, i ran away": the journey chosen by mistake is left, and
    // these words are read as a first message: the bot says what it understood and asks.
    const mistaken = await this.roleMistaken(innerDc.context);
    // "oops wrong one, im actually his nan", on the parent's journey: the one chosen fits them.
    if (mistaken === 'fits') {
      await innerDc.context.sendActivity(messagesFor(innerDc.context, this.services).t('root.roleFits'));
      innerDc.context.turnState.set(TURN_ALREADY_ANSWERED, true);
      return undefined;
    }
    if (mistaken === 'other') {
      await innerDc.context.sendActivity(messagesFor(innerDc.context, this.services).t('commands.startAgain.reply'));
      await conversationFactsRecord(this.services).update(innerDc.context, (facts) => ({
        ...facts,
        role: undefined,
        writerHeard: undefined,
      }));
      await innerDc.cancelAllDialogs();
      return innerDc.beginDialog(this.initialDialogId);
    }
    const command = readBookingCommand(innerDc.context.activity.text ?? '', messagesFor(innerDc.context, this.services));
    if (command) return innerDc.beginDialog(BOOKING_CHANGE_DIALOG, command);
    // "cancel it", "can we do friday instead": this conversation's booking, with no reference.
    const { bookingRequest, answer } = readingOf(innerDc.context, this.services);
    // "yes cancel it" at "do you want me to cancel your meeting?" answers it: not asked again.
    if (!bookingRequest || innerDc.activeDialog?.id === BOOKING_CHANGE_DIALOG) return undefined;
    const booking = await this.services.bookings.current(innerDc.context.activity.conversation.id);
    // "cancel the meeting pls" while it is still being made: nothing is sent, and the booking stops.
    if (!booking && bookingRequest === 'cancel' && answer && BOOKING_QUESTIONS.has(answer.questionId)) {
      await innerDc.context.sendActivity(messagesFor(innerDc.context, this.services).t('youngPerson.booking.stopped'));
      // A no to the meeting: "actually yeah i do want one" later is the offer again.
      await keepOfferDeclined(innerDc.context, this.services);
      await innerDc.cancelAllDialogs();
      return { status: DialogTurnStatus.complete };
    }
    // "no i said i dont want the interview", from a young person at "are you safe right now?": the
    // no is the meeting's, not the question's. It is heard, and the question asked again.
    const { role } = await conversationFactsRecord(this.services).get(innerDc.context);
    const atTheOffer = answer?.questionId.startsWith(YOUNG_PERSON_OFFER) ?? false;
    if (!booking && bookingRequest === 'cancel' && role === 'youngPerson' && answer && !atTheOffer) {
      if (answer.by === 'meaning') dropAnswer(innerDc.context, this.services);
      await keepOfferDeclined(innerDc.context, this.services);
      await innerDc.context.sendActivity(messagesFor(innerDc.context, this.services).t('youngPerson.booking.notWanted'));
      innerDc.context.turnState.set(TURN_ALREADY_ANSWERED, true);
      innerDc.context.turnState.set(TURN_ONLY_NOTED, true);
      return undefined;
    }
    if (!booking) return undefined;
    return innerDc.beginDialog(BOOKING_CHANGE_DIALOG, {
      action: bookingRequest,
      reference: booking.reference,
      ownWords: true,
    } satisfies BookingCommand);
  }

  /** The message says the role chosen was a mistake: and names another writer, or the one chosen after all. */
  private async roleMistaken(context: TurnContext): Promise<'other' | 'fits' | undefined> {
    const { role } = await conversationFactsRecord(this.services).get(context);
    if (role === undefined || context.activity.type !== ActivityTypes.Message) return undefined;
    if (!this.services.understanding.roleMistaken(context.activity.text ?? '', messagesFor(context, this.services).locale))
      return undefined;
    const reading = readingOf(context, this.services);
    const said = roleNamed(context, this.services) ?? reading.writer ?? reading.likely.writer;
    if (said === undefined) return undefined;
    return said === role ? 'fits' : 'other';
  }

  /**
   * The first message counts: when it says who is writing ("my daughter didnt come home"), the
   * bot says what it understood and asks only whether that is right.
   */
  private async welcome(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const messages = messagesFor(step.context, this.services);
    const reading = step.context.activity.type === ActivityTypes.Message ? readingOf(step.context, this.services) : undefined;
    const { role, profession, offerDeclinedAt } = await conversationFactsRecord(this.services).get(step.context);
    // "thanks" once their journey is over is answered, not the journey started again.
    if (role && reading?.closes) {
      await step.context.sendActivity(messages.t('root.closing'));
      return step.endDialog();
    }
    // Someone who already said who they are and comes back with "found them" or "im back now"
    // goes straight to what happens now the child is back.
    if (reading?.situation === 'back' && (role === 'parent' || role === 'youngPerson')) {
      Object.assign(step.values, { first: { writer: role, situation: 'back' } });
      return step.next('yes');
    }
    // A parent who was given the police summary, writing again ("its 3am and hes still not back"):
    // that case carries on, not "Who is writing?".
    if (role === 'parent' && (await parentCaseRecord(this.services).get(step.context)).summaryGivenAt) {
      Object.assign(step.values, { first: { writer: role, situation: 'missingNow' }, resume: true });
      return step.next('yes');
    }
    // A young person writing again after their chat ended ("hello?", "im still here") is welcomed
    // back and asked first whether they are safe, not "Who is writing?".
    if (role === 'youngPerson') {
      // "actually yeah ok i will talk to someone", after saying no to it: the offer again.
      if (offerDeclinedAt && reading && this.wantsToTalkAfterAll(step.context)) {
        Object.assign(step.values, { first: { writer: role, situation: 'back' }, resume: true });
        return step.next('yes');
      }
      await step.context.sendActivity(messages.t('root.welcomeBackYoungPerson'));
      const situation = reading?.situation === 'away' || reading?.situation === 'missingNow' ? 'away' : undefined;
      Object.assign(step.values, { first: { writer: role, ...(situation ? { situation } : {}) } });
      return step.next('yes');
    }
    // A parent, carer or professional writing again after their steps ended ("she's 15, seems ok
    // physically", after the summary for a child back): their own steps again, not "Who is writing?".
    if (role) {
      // A carer's child who came back is still back, unless the words say otherwise: "she's gone to
      // bed", "should i take the phone off her" get what to do with news, not the steps again.
      const stillBack = role === 'carer' && (await carerCaseRecord(this.services).get(step.context)).status === 'back';
      if (stillBack && (reading?.situation === undefined || reading.situation === 'back')) {
        await adviseFirst(step.context, this.services, 'carer-back-again', { childBack: true });
        return step.endDialog();
      }
      await step.context.sendActivity(messages.t('root.welcomeBackAdult'));
      const situation = reading?.situation ?? (stillBack ? 'back' : undefined);
      Object.assign(step.values, {
        first: { writer: role, ...(situation ? { situation } : {}), ...(role === 'professional' && profession ? { profession } : {}) },
      });
      return step.next('yes');
    }
    // "A parent or family member" as the first message (a text, a button's words typed): the
    // answer to "Who is writing?", not a guess to confirm. Words that also say what is happening
    // ("i ran away") are read back whole, to confirm both.
    const named = roleNamed(step.context, this.services);
    if (named !== undefined && !reading?.situation) {
      await step.context.sendActivity(`${messages.t('root.welcomeShort')}${this.otherLanguages(messages)}`);
      Object.assign(step.values, { first: firstReadingSchema.parse({ writer: named }) });
      return step.next('yes');
    }
    // A guess is fine here: the bot says what it understood and asks whether that is right. A
    // command ("cześć, potrzebuję pomocy" is "help") says nothing about who is writing.
    const guessed = reading?.command === undefined ? reading?.likely : undefined;
    // "my lad came home this morning... we never rang the police": where the trained reader's
    // guess says other than the words, what is happening is asked, not asserted. Missing and away
    // are both gone: "i ran away" is either, by who writes.
    const goneOrNot = (situation: Situation | undefined) => (situation === 'missingNow' ? 'away' : situation);
    const situationInDoubt = reading?.situation !== undefined && goneOrNot(guessed?.situation) !== goneOrNot(reading.situation);
    const first = firstReadingSchema.parse({
      writer: guessed?.writer,
      situation: situationInDoubt ? undefined : guessed?.situation,
      profession: guessed?.writer === 'professional' ? this.professionNamed(step.context) : undefined,
      someoneElseMissing: onlySomeoneElseMissing(reading) || undefined,
    });
    Object.assign(step.values, { first });
    if (!first.writer) {
      await step.context.sendActivity(`${messages.t('root.welcome')}${this.otherLanguages(messages)}`);
      return step.beginDialog(ROLE_QUESTION);
    }
    const inDanger = reading?.missingOf.length === 0 ? 'someoneElseInDanger' : 'someoneElse';
    const aboutWhom = first.writer === 'youngPerson' && first.someoneElseMissing ? inDanger : first.situation;
    const understoodKey = `root.understood.${first.writer}.${aboutWhom ?? 'unknown'}`;
    const understood = messages.t(messages.has(understoodKey) ? understoodKey : `root.understood.${first.writer}.unknown`);
    const variables = { understood, writer: first.writer };
    // "i want to kill myself i ran away": asked straight about that, they are not asked "Is that
    // right?" in the same breath; it is asked, with what was understood, once they answer.
    if (askedStraightThisTurn(step.context)) {
      await step.context.sendActivity(`${messages.t('root.welcomeShort')}${this.otherLanguages(messages)}`);
      return step.beginDialog(UNDERSTOOD_QUESTION, { variables, askLater: true } satisfies AskState);
    }
    // The other languages before what was understood, so that "Is that right?" follows the guess it asks about.
    await step.context.sendActivity(`${messages.t('root.welcomeShort')}${this.otherLanguages(messages)}\n\n${understood}`);
    return step.beginDialog(UNDERSTOOD_QUESTION, { variables });
  }

  /** A yes, or one of the offer's own choices ("someone new"), said as a message. */
  private wantsToTalkAfterAll(context: TurnContext): boolean {
    const text = context.activity.text ?? '';
    const messages = messagesFor(context, this.services);
    const offered = readAnswer(text, offerChoices.asked('youngPerson.offer'), messages, this.services.understanding).option;
    // "actually yeah ok, i will": the yes opens the message.
    const opening = text.split(/\s+/u).slice(0, OPENING_WORDS).join(' ');
    const saysYes = [text, opening].some((words) => this.services.understanding.everyday(words, messages.locale) === 'yes');
    return offered === 'trusted' || offered === 'independent' || saysYes;
  }

  /** The profession a message names in passing ("I'm a teacher", "social worker here"). */
  private professionNamed(context: TurnContext): Profession | undefined {
    if (context.activity.type !== ActivityTypes.Message) return undefined;
    const text = context.activity.text ?? '';
    return professionChoices.valueOf(
      optionMentioned(text, professionChoices.options, messagesFor(context, this.services), this.services.understanding),
    );
  }

  /** The approved languages other than this one, each in its own name, for the welcome. */
  private otherLanguages(messages: Messages): string {
    const others = this.services.localiser.offered.filter((language) => language.locale !== messages.locale);
    if (others.length === 0) return '';
    return `\n\n${messages.t('root.languages', { languages: others.map((language) => language.name).join(' · ') })}`;
  }

  private async confirmed(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const first = firstReadingSchema.parse(Reflect.get(step.values, 'first') ?? {});
    if (!first.writer) return step.next(step.result);
    const answer = step.context.activity.type === ActivityTypes.Message ? readingOf(step.context, this.services) : undefined;
    // The answer's own words on what is happening, or who is writing, stand over the guess.
    const situation = answer?.situation ?? first.situation;
    if (step.result === 'yes') {
      Object.assign(step.values, { first: { ...first, ...(situation ? { situation } : {}) } });
      return step.next(first.writer);
    }
    const writer = (answer && writerSaidInstead(answer, first.writer)) ?? roleNamed(step.context, this.services);
    if (answer && writer) {
      Object.assign(step.values, { first: firstReadingSchema.parse({ writer, situation: answer.situation }) });
      return step.next(writer);
    }
    // "nah im his nan not his mum": the same kind of writer, put right in a detail. What is happening
    // is taken only from these words; the guess of it may be what the no was about.
    if (answer?.writer !== undefined && answer.writer === first.writer) {
      Object.assign(step.values, { first: firstReadingSchema.parse({ writer: first.writer, situation: answer.situation }) });
      return step.next(first.writer);
    }
    Object.assign(step.values, { first: {} });
    return step.beginDialog(ROLE_QUESTION);
  }

  private async handOver(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const role = z.enum(ROLES).parse(step.result);
    // What is happening: from the first message, or from the answer that said who is writing.
    const first = firstReadingSchema.parse(Reflect.get(step.values, 'first') ?? {});
    const answer = step.context.activity.type === ActivityTypes.Message ? readingOf(step.context, this.services) : undefined;
    const situation = first.situation ?? answer?.situation;
    await conversationFactsRecord(this.services).update(step.context, (facts) => ({ ...facts, role }));
    const profession = first.profession ?? (role === 'professional' ? this.professionNamed(step.context) : undefined);
    const resume = Reflect.get(step.values, 'resume') === true;
    const someoneElseMissing = role === 'youngPerson' && (first.someoneElseMissing ?? onlySomeoneElseMissing(answer));
    const options: JourneyOptions = {
      ...(situation ? { situation } : {}),
      ...(profession ? { profession } : {}),
      ...(resume ? { resume } : {}),
      ...(someoneElseMissing ? { someoneElseMissing } : {}),
    };
    if (role === 'parent') return step.beginDialog(PARENT_JOURNEY, options);
    if (role === 'youngPerson') return step.beginDialog(YOUNG_PERSON_JOURNEY, options);
    if (role === 'carer') return step.beginDialog(CARER_JOURNEY, options);
    return step.beginDialog(PROFESSIONAL_JOURNEY, options);
  }
}
