// A checklist done one item at a time (the parent's search, the carer's enquiries before the
// police call): each item's advice comes from its rule, each answer is kept at once in the
// journey's record, so someone who leaves and comes back (even after a restart) continues at
// the same item; progress is shown, and "found them" or "report now" leave it early.
import { ActivityTypes, InputHints, MessageFactory, type TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { Facts } from '../../bot/content/ruleSchema';
import { Choices } from './choices';
import { answerTo, messagesFor, readingOf, waitFor, type DialogServices } from '../../bot/turn/services';
import { emergencySaidThisTurn } from '../../bot/turn/advice';
import { replyToMiss, WaitingDialog, type AskState } from './waitingDialog';

export const CHECKLIST_OUTCOMES = ['done', 'notPossible', 'foundSomething'] as const;
export type ChecklistOutcome = (typeof CHECKLIST_OUTCOMES)[number];
export type ChecklistResult = 'finished' | 'found' | 'reportNow';

type ChecklistAnswer = ChecklistOutcome | 'foundThem' | 'reportNow';

export interface ChecklistSpec<Item extends string> {
  id: string;
  items: readonly Item[];
  /** Where the messages live: `<keys>.intro`, `.progress`, `.retry`, `.finished`, `.foundSomething`, `.options.<answer>`. */
  keys: string;
  /** The rule point whose rules give each item's advice, and the fact naming the item. */
  rulePoint: string;
  itemFact: (item: Item) => Facts;
  /** What the conversation already holds that changes an item's advice ("no phone"). */
  contextFacts?: (context: TurnContext) => Promise<Facts>;
  read(context: TurnContext): Promise<Partial<Record<Item, ChecklistOutcome>>>;
  write(context: TurnContext, item: Item, outcome: ChecklistOutcome): Promise<void>;
}

export class ChecklistDialog<Item extends string> extends WaitingDialog {
  private readonly choices: Choices<ChecklistAnswer>;

  constructor(
    private readonly spec: ChecklistSpec<Item>,
    private readonly services: DialogServices,
  ) {
    super(spec.id);
    this.choices = Choices.keyed<ChecklistAnswer>(
      ['done', 'notPossible', 'foundSomething', 'foundThem', 'reportNow'],
      (value) => `${spec.keys}.options.${value}`,
      // "yes" under "Check their bedroom": checked.
      { yes: 'done' },
    );
  }

  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    await dc.context.sendActivity(messagesFor(dc.context, this.services).t(`${this.spec.keys}.intro`));
    return this.askNext(dc, []);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    if (dc.context.activity.type !== ActivityTypes.Message) return Dialog.EndOfTurn;
    const read = answerTo(dc.context, this.services, this.choices.asked(this.id));
    // "no" under "Try to reach your child" or "Check their bedroom": tried, and not found. Said back.
    const triedNotFound = read.option === undefined && read.everyday === 'no';
    const answer = triedNotFound ? 'done' : this.choices.valueOf(read.option);
    // "his mate says he got into a car with some men", at "check their bedroom": after "call 999
    // now", the search stops and what the police will need comes next. So it does when the police
    // turn out to be told already ("ive already rung police, they gave me a ref").
    const policeTold = readingOf(dc.context, this.services).facts.said.includes('policeTold');
    if (answer !== 'foundThem' && (emergencySaidThisTurn(dc.context) || policeTold))
      return dc.endDialog('reportNow' satisfies ChecklistResult);
    const done = await this.spec.read(dc.context);
    const item = this.next(done);
    if (answer === undefined || item === undefined) {
      // "idk" is an answer a person means: say how to go on, not that it was not caught.
      const why = read.everyday === 'unknown' ? 'common.checklist.unsure' : `${this.spec.keys}.retry`;
      const reply = await replyToMiss(dc, why, this.services);
      if (reply === 'handled') return Dialog.EndOfTurn;
      const said = reply === 'stuck' ? ['common.miss.stuck'] : [why, ...(reply === 'explainWithWayOn' ? ['common.miss.wayOn'] : [])];
      await this.ask(dc.context, done, ...said);
      return Dialog.EndOfTurn;
    }
    const state = dc.activeDialog?.state as AskState | undefined;
    if (state) state.lastMiss = undefined;
    if (answer === 'foundThem') return dc.endDialog('found' satisfies ChecklistResult);
    if (answer === 'reportNow') return dc.endDialog('reportNow' satisfies ChecklistResult);
    await this.spec.write(dc.context, item, answer);
    const saidBack = answer === 'foundSomething' ? [`${this.spec.keys}.foundSomething`] : triedNotFound ? ['common.checklist.no'] : [];
    return this.askNext(dc, saidBack);
  }

  override async repromptDialog(context: TurnContext): Promise<void> {
    await this.ask(context, await this.spec.read(context));
  }

  /** How many items were checked (done, or something found). */
  checked(done: Partial<Record<Item, ChecklistOutcome>>): number {
    return this.spec.items.filter((item) => done[item] === 'done' || done[item] === 'foundSomething').length;
  }

  private next(done: Partial<Record<Item, ChecklistOutcome>>): Item | undefined {
    return this.spec.items.find((item) => done[item] === undefined);
  }

  private async askNext(dc: DialogContext, before: string[]): Promise<DialogTurnResult> {
    const done = await this.spec.read(dc.context);
    const messages = messagesFor(dc.context, this.services);
    if (this.next(done) === undefined) {
      const finished = [...before, `${this.spec.keys}.finished`].map((key) =>
        messages.t(key, { checked: this.checked(done), total: this.spec.items.length }),
      );
      await dc.context.sendActivity(finished.join(' '));
      return dc.endDialog('finished' satisfies ChecklistResult);
    }
    await this.ask(dc.context, done, ...before);
    return Dialog.EndOfTurn;
  }

  private async ask(context: TurnContext, done: Partial<Record<Item, ChecklistOutcome>>, ...before: string[]): Promise<void> {
    const item = this.next(done);
    if (item === undefined) return;
    const messages = messagesFor(context, this.services);
    const known = this.spec.contextFacts ? await this.spec.contextFacts(context) : {};
    const rule = this.services.rules.decide(this.spec.rulePoint, { ...known, ...this.spec.itemFact(item) });
    if (!rule) throw new Error(`No rule at ${this.spec.rulePoint} for ${item}`);
    const progress = messages.t(`${this.spec.keys}.progress`, {
      step: this.spec.items.indexOf(item) + 1,
      total: this.spec.items.length,
      checked: this.checked(done),
    });
    const notPossible = messages.t(`${this.spec.keys}.options.notPossible.title`);
    const text = [...before.map((key) => messages.t(key, { notPossible })), progress, messages.t(rule.say)].join(' ');
    await waitFor(context, this.services, this.choices.asked(this.id));
    await context.sendActivity(
      MessageFactory.suggestedActions(this.choices.suggestedActions(messages), text, undefined, InputHints.ExpectingInput),
    );
  }
}
