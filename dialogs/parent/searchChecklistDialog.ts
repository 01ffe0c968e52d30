// The search checklist from the leaflet and Kent §4.1, one item at a time with progress.
// Each answer is kept in the parent's case at once, so a parent who leaves and comes back
// (even after a restart) continues at the same item.
import { ActivityTypes, InputHints, MessageFactory, type TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { WaitingDialog } from '../base/waitingDialog';
import { SEARCH_ITEMS, type SearchItem } from '../../bot/content';
import { Choices } from '../base/choices';
import { messagesFor, type DialogServices } from '../base/services';
import { parentCaseRecord, type ParentCase } from './parentCase';

export const SEARCH_CHECKLIST_DIALOG = 'parent.search';

export type SearchResult = 'finished' | 'found' | 'reportNow';

type SearchAnswer = 'done' | 'notPossible' | 'foundSomething' | 'foundThem' | 'reportNow';

const searchChoices = new Choices<SearchAnswer>(
  (['done', 'notPossible', 'foundSomething', 'foundThem', 'reportNow'] as const).map((value) => ({
    value,
    title: `parent.search.options.${value}.title`,
    synonyms: `parent.search.options.${value}.synonyms`,
  })),
);

export const nextSearchItem = (parentCase: ParentCase): SearchItem | undefined =>
  SEARCH_ITEMS.find((item) => parentCase.search[item] === undefined);

export const checkedCount = (parentCase: ParentCase): number =>
  SEARCH_ITEMS.filter((item) => parentCase.search[item] === 'done' || parentCase.search[item] === 'foundSomething').length;

export class SearchChecklistDialog extends WaitingDialog {
  private readonly record;

  constructor(private readonly services: DialogServices) {
    super(SEARCH_CHECKLIST_DIALOG);
    this.record = parentCaseRecord(services);
  }

  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    await dc.context.sendActivity(messagesFor(dc.context, this.services).t('parent.search.intro'));
    return this.askNext(dc, []);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    if (dc.context.activity.type !== ActivityTypes.Message) return Dialog.EndOfTurn;
    const messages = messagesFor(dc.context, this.services);
    const answer = searchChoices.match(dc.context.activity.text ?? '', messages);
    const parentCase = await this.record.get(dc.context);
    const item = nextSearchItem(parentCase);
    if (answer === undefined || item === undefined) {
      await this.ask(dc.context, parentCase, 'parent.search.retry');
      return Dialog.EndOfTurn;
    }
    if (answer === 'foundThem') return dc.endDialog('found' satisfies SearchResult);
    if (answer === 'reportNow') return dc.endDialog('reportNow' satisfies SearchResult);
    await this.record.update(dc.context, (current) => ({ ...current, search: { ...current.search, [item]: answer } }));
    return this.askNext(dc, answer === 'foundSomething' ? ['parent.search.foundSomething'] : []);
  }

  override async repromptDialog(context: TurnContext): Promise<void> {
    await this.ask(context, await this.record.get(context));
  }

  private async askNext(dc: DialogContext, before: string[]): Promise<DialogTurnResult> {
    const parentCase = await this.record.get(dc.context);
    const messages = messagesFor(dc.context, this.services);
    if (nextSearchItem(parentCase) === undefined) {
      const finished = [...before, 'parent.search.finished'].map((key) =>
        messages.t(key, { checked: checkedCount(parentCase), total: SEARCH_ITEMS.length }),
      );
      await dc.context.sendActivity(finished.join(' '));
      return dc.endDialog('finished' satisfies SearchResult);
    }
    await this.ask(dc.context, parentCase, ...before);
    return Dialog.EndOfTurn;
  }

  private async ask(context: TurnContext, parentCase: ParentCase, ...before: string[]): Promise<void> {
    const item = nextSearchItem(parentCase);
    if (item === undefined) return;
    const messages = messagesFor(context, this.services);
    const rule = this.services.rules.decide('parent-search', { searchItem: item });
    if (!rule) throw new Error(`No search rule for ${item}`);
    const progress = messages.t('parent.search.progress', {
      step: SEARCH_ITEMS.indexOf(item) + 1,
      total: SEARCH_ITEMS.length,
      checked: checkedCount(parentCase),
    });
    const text = [...before.map((key) => messages.t(key)), progress, messages.t(rule.say)].join(' ');
    await context.sendActivity(
      MessageFactory.suggestedActions(searchChoices.suggestedActions(messages), text, undefined, InputHints.ExpectingInput),
    );
  }
}
