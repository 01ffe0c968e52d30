// The dialogs that wait for the user's next message. Everything that holds in every dialog
// (the danger interrupt first) is tested in each of them, so each is marked as one. When a
// dialog started on top of one (a handoff) ends, the waiting dialog asks its question again
// rather than take that dialog's result as its answer.
import type { TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { QUESTION_UNANSWERED } from '../../bot/content/vocabulary';
import { adviseFirst, callToldRecently } from '../../bot/turn/advice';
import { messagesFor, readingOf, type DialogServices } from '../../bot/turn/services';
import { conversationFactsRecord, quietMinutes } from './conversationFacts';

/**
 * turnState key: this turn's message was already answered for what it said (danger, a concern, a
 * disclosure, the user's own question) before the waiting question read it as an answer. If it
 * does not answer the question, that is not a miss: no "didn't catch that" after a 999 message.
 */
export const TURN_ALREADY_ANSWERED = Symbol('helpline.alreadyAnswered');

/** turnState key: all the turn did before the question was a fact kept and said back ("Thanks, I've noted that"). */
export const TURN_ONLY_NOTED = Symbol('helpline.onlyNoted');

export abstract class WaitingDialog<State extends object = object> extends Dialog<State> {
  override async resumeDialog(dc: DialogContext): Promise<DialogTurnResult> {
    if (dc.activeDialog) await this.repromptDialog(dc.context, dc.activeDialog);
    return Dialog.EndOfTurn;
  }
}

const ALREADY_ANSWERED = 'alreadyAnswered';
/** Quiet this long, a greeting is someone checking the bot is still there. */
const QUIET_FOR_STILL_HERE_MINUTES = 20;

export interface AskState {
  /** Message variables for the question, kept (as plain JSON) to ask it again the same way. */
  variables?: Record<string, string | number>;
  /** Why the last answer could not be read (a message key), so the same reply is never sent twice running. */
  lastMiss?: string;
  /** Answers to this question that could not be read so far. */
  misses?: number;
  /**
   * Not asked on begin: the turn already asked something its next message answers (the straight
   * question). It waits, and is asked the way it is asked again once that is answered.
   */
  askLater?: boolean;
  /** Begun with `askLater` and not asked since: no message can answer it yet. */
  notYetAsked?: boolean;
  /** A young person's miss here was answered with the 999 call they were just told to make. */
  callReminded?: boolean;
}

async function youngPersonJustToldToCall(context: TurnContext, services: DialogServices): Promise<boolean> {
  const { role } = await conversationFactsRecord(services).get(context);
  return role === 'youngPerson' && (await callToldRecently(context, services));
}

/**
 * How to answer an answer that could not be read. The first time: say why ('explain'). The same
 * miss straight after: every way on instead ('stuck': the options by number, a person, 999 and
 * 101). Any later miss: say why and add the way on ('explainWithWayOn'). So the same reply never
 * comes twice in a row, and after the first miss every reply shows a way on.
 */
export type MissReply = 'explain' | 'stuck' | 'explainWithWayOn';

/**
 * A message that read as no answer: either the turn already replied to what it said, or it asked
 * something the bot has no answer for and is told where answers are (then the question is asked
 * again plainly, but never twice running: the reply given stands alone) and 'handled' is
 * returned, or how to answer the miss.
 */
export async function replyToMiss(dc: DialogContext, reason: string, services: DialogServices): Promise<MissReply | 'handled'> {
  const state = (dc.activeDialog?.state ?? {}) as AskState;
  const reading = readingOf(dc.context, services);
  if (!dc.context.turnState.get(TURN_ALREADY_ANSWERED) && reading.greets) {
    // "hello?? r u still there", after a long quiet: still here, then the question again.
    const afterQuiet = (quietMinutes(dc.context) ?? 0) >= QUIET_FOR_STILL_HERE_MINUTES;
    await dc.context.sendActivity(messagesFor(dc.context, services).t(afterQuiet ? 'common.helloStillHere' : 'common.hello'));
    dc.context.turnState.set(TURN_ALREADY_ANSWERED, true);
  }
  if (!dc.context.turnState.get(TURN_ALREADY_ANSWERED) && reading.asks) {
    await adviseFirst(dc.context, services, 'question', { questionAsked: QUESTION_UNANSWERED });
    dc.context.turnState.set(TURN_ALREADY_ANSWERED, true);
  }
  // "i dont want to say more", where skipping is no answer: said back kindly, never "didn't catch that".
  // A bare "skip" or "next" is only a miss.
  const saysWhy = (dc.context.activity.text ?? '').trim().split(/\s+/u).length > 2;
  if (!dc.context.turnState.get(TURN_ALREADY_ANSWERED) && reading.answer?.everyday === 'skip' && saysWhy) {
    await dc.context.sendActivity(messagesFor(dc.context, services).t('common.answers.noNeedToSay'));
    dc.context.turnState.set(TURN_ONLY_NOTED, true);
  }
  // "no one is with me, my mates left", from a young person just told "call 999 now": the call
  // first, never "didn't catch that". Once a question.
  const handled = dc.context.turnState.get(TURN_ALREADY_ANSWERED) === true || dc.context.turnState.get(TURN_ONLY_NOTED) === true;
  if (!handled && !state.callReminded && (await youngPersonJustToldToCall(dc.context, services))) {
    await adviseFirst(dc.context, services, 'question', { questionAsked: QUESTION_UNANSWERED, dangerToldRecently: true });
    // Its words say "the question below": it is asked again. A miss all the same: the next one
    // gets every way on.
    Object.assign(state, { callReminded: true, misses: (state.misses ?? 0) + 1, lastMiss: reason });
    if (dc.activeDialog) await dc.repromptDialog();
    return 'handled';
  }
  // A fact said back is no answer to the question, which is asked again however often it happens.
  if (dc.context.turnState.get(TURN_ONLY_NOTED)) {
    state.lastMiss = undefined;
    if (dc.activeDialog) await dc.repromptDialog();
    return 'handled';
  }
  if (dc.context.turnState.get(TURN_ALREADY_ANSWERED)) {
    const askedAgainLastTurn = state.lastMiss === ALREADY_ANSWERED;
    state.lastMiss = askedAgainLastTurn ? undefined : ALREADY_ANSWERED;
    if (!askedAgainLastTurn && dc.activeDialog) await dc.repromptDialog();
    return 'handled';
  }
  const earlier = state.misses ?? 0;
  state.misses = earlier + 1;
  if (state.lastMiss === reason) {
    state.lastMiss = undefined;
    return 'stuck';
  }
  state.lastMiss = reason;
  return earlier === 0 ? 'explain' : 'explainWithWayOn';
}

/** A question asked by one message: asked on begin, and asked again the same way on reprompt. */
export abstract class AskingDialog extends WaitingDialog<AskState> {
  protected abstract readonly askKey: string;
  /** Asked again after an interruption, when the question alone would not say what it asks ("Is that right?"). */
  protected readonly askAgainKey: string | undefined = undefined;

  protected abstract send(context: TurnContext, key: string, variables: Record<string, string | number>): Promise<void>;
  /** Waits for the answer without asking. */
  protected abstract wait(context: TurnContext): Promise<void>;

  override async beginDialog(dc: DialogContext, options?: AskState): Promise<DialogTurnResult> {
    const state: AskState = { variables: options?.variables ?? {}, ...(options?.askLater ? { notYetAsked: true } : {}) };
    if (dc.activeDialog) dc.activeDialog.state = state;
    if (options?.askLater) await this.wait(dc.context);
    else await this.send(dc.context, this.askKey, state.variables ?? {});
    return Dialog.EndOfTurn;
  }

  override async repromptDialog(context: TurnContext, instance: { state: AskState }): Promise<void> {
    if (instance.state) instance.state.notYetAsked = undefined;
    await this.send(context, this.askAgainKey ?? this.askKey, instance.state?.variables ?? {});
  }

  /**
   * "no not tonight", the message after the straight question's answer, answers no question it has
   * not seen: the question is asked now instead. Whether it was.
   */
  protected async askedNowInstead(dc: DialogContext): Promise<boolean> {
    const instance = dc.activeDialog as { state: AskState } | undefined;
    if (!instance?.state?.notYetAsked) return false;
    await this.repromptDialog(dc.context, instance);
    return true;
  }
}
