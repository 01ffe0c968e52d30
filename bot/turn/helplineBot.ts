// The ActivityHandler: picks the turn's language, runs the dialog tree, and saves (or, when
// asked, deletes) the conversation's state. No message turn ends without a reply.
import {
  ActivityHandler,
  ActivityTypes,
  type ConversationState,
  type StatePropertyAccessor,
  type TurnContext,
  type UserState,
} from 'botbuilder';
import { DialogSet, DialogTurnStatus, type Dialog, type DialogState } from 'botbuilder-dialogs';
import { adviseFirst } from './advice';
import { turnStillLocked } from './runTurn';
import { commitTurn, type TurnWrite } from './turnCommit';
import type { Metrics } from '../platform/metrics';
import {
  messagesFor,
  questionStored,
  readingIfRead,
  readTurn,
  turnLocale,
  TURN_DELETE_DATA,
  TURN_LOCALE,
  TURN_LOCALE_CHOSEN,
  type DialogServices,
} from './services';
import { languageOf } from '../understanding/understand';
import { optionLanguage } from '../understanding/openQuestion';

export interface HelplineBotOptions {
  conversationState: ConversationState;
  userState: UserState;
  root: Dialog;
  services: DialogServices;
  /** Removes what other tables keep of a conversation ("delete my data"). */
  forget: (conversationId: string) => Promise<void>;
  /** Runs the saves of a turn, with the writes the turn holds, so that they land together or not at all. */
  saveTogether?: (save: () => Promise<void>, alsoWrite: TurnWrite[]) => Promise<void>;
  metrics?: Pick<Metrics, 'dangerHeard'>;
}

export class HelplineBot extends ActivityHandler {
  private readonly conversationState: ConversationState;
  private readonly metrics: Pick<Metrics, 'dangerHeard'> | undefined;
  private readonly userState: UserState;
  private readonly root: Dialog;
  private readonly services: DialogServices;
  private readonly forget: (conversationId: string) => Promise<void>;
  private readonly saveTogether: (save: () => Promise<void>, alsoWrite: TurnWrite[]) => Promise<void>;
  private readonly dialogs: DialogSet;
  private readonly treeVersion: StatePropertyAccessor<string>;
  private readonly userLocale: StatePropertyAccessor<string>;
  private readonly chosenLocale: StatePropertyAccessor<string>;

  constructor({ conversationState, userState, root, services, forget, saveTogether, metrics }: HelplineBotOptions) {
    super();
    this.metrics = metrics;
    this.forget = forget;
    this.saveTogether =
      saveTogether ??
      (async (save, alsoWrite) => {
        if (alsoWrite.length > 0) throw new Error('writes held for the turn need a store that saves them with its state');
        await save();
      });
    this.conversationState = conversationState;
    this.userState = userState;
    this.root = root;
    this.services = services;
    this.dialogs = new DialogSet(conversationState.createProperty<DialogState>('dialogState'));
    this.dialogs.add(root);
    this.treeVersion = conversationState.createProperty<string>('treeVersion');
    this.userLocale = userState.createProperty<string>('locale');
    this.chosenLocale = conversationState.createProperty<string>('chosenLocale');

    this.onMembersAdded(async (context, next) => {
      const joined = (context.activity.membersAdded ?? []).some((member) => member.id !== context.activity.recipient?.id);
      if (joined) await this.runDialogs(context);
      await next();
    });
    this.onMessage(async (context, next) => {
      await this.runDialogs(context);
      if (!context.responded) await adviseFirst(context, this.services, 'interrupt', { command: 'help' });
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    // Each reply says its language, so a widget can follow a switch made in the chat.
    context.onSendActivities(async (_context, activities, next) => {
      for (const activity of activities) if (activity.type === ActivityTypes.Message) activity.locale = turnLocale(context);
      return next();
    });
    await super.run(context);
    const reading = readingIfRead(context);
    for (const category of reading?.danger ?? []) this.metrics?.dangerHeard.inc({ category, heard_by: 'phrases' });
    for (const category of reading?.concern ?? []) this.metrics?.dangerHeard.inc({ category, heard_by: 'model' });
    // Saving without the lock could overwrite a turn another instance ran meanwhile (the saves
    // are last-writer-wins): the fail-safe reply instead, and the next turn starts from the last save.
    if (!turnStillLocked(context)) throw new Error("the conversation's lock was lost with its database connection");
    if (context.turnState.get(TURN_DELETE_DATA)) {
      await this.forget(context.activity.conversation.id);
      await this.conversationState.delete(context);
      await this.userState.delete(context);
      return;
    }
    const chosen = context.turnState.get<string | undefined>(TURN_LOCALE_CHOSEN);
    if (chosen) await this.chosenLocale.set(context, chosen);
    // A database that fails between the two saves must not leave the conversation a step on
    // and the user's settings behind: the next turn carries on from the last whole save.
    await commitTurn(context, (alsoWrite) =>
      this.saveTogether(async () => {
        await this.conversationState.saveChanges(context);
        await this.userState.saveChanges(context);
      }, alsoWrite),
    );
  }

  /**
   * An approved language's own script, or else its own words, as a locale. Words of a language the
   * area does not offer, in another's script (Pashto in Arabic letters), choose neither: a Pashto
   * speaker is not answered in Arabic.
   */
  private languageWrittenIn(text: string): string | undefined {
    const { localiser, understanding } = this.services;
    const byWords = understanding.writtenIn(text);
    const offered = localiser.offered.find(({ locale }) => languageOf(locale) === byWords)?.locale;
    if (byWords !== undefined && offered === undefined) return undefined;
    return localiser.languageWrittenIn(text) ?? offered;
  }

  /** "rodzic" typed at "Who is writing?" in English: a Polish speaker answering, who chooses Polish. */
  private async optionInOwnLanguage(context: TurnContext): Promise<string | undefined> {
    const waiting = await questionStored(context, this.services);
    if (!waiting || context.activity.type !== ActivityTypes.Message) return undefined;
    const { localiser } = this.services;
    const current = localiser.pickLocale(context.activity.locale ?? (await this.userLocale.get(context)));
    const text = context.activity.text ?? '';
    // "ok" is a yes in English as well as Romanian: a word the conversation's language reads stays in it.
    if (this.services.understanding.everyday(text, current, { wholeMessage: true }) !== undefined) return undefined;
    const others = localiser.offered.filter(({ locale }) => locale !== current).map(({ locale }) => localiser.messages(locale));
    return optionLanguage(text, waiting, others, localiser.messages(current));
  }

  private async runDialogs(context: TurnContext): Promise<void> {
    // Both are needed below; loaded together, the storage reads them in one query.
    await Promise.all([this.conversationState.load(context), this.userState.load(context)]);
    // A language the user chose in the conversation outranks what the channel says they read; a
    // first message written in an approved language ("هلا", "moj syn nie wrocil") chooses it.
    const chosen = await this.chosenLocale.get(context);
    const written = chosen ? undefined : (this.languageWrittenIn(context.activity.text ?? '') ?? (await this.optionInOwnLanguage(context)));
    if (written) context.turnState.set(TURN_LOCALE_CHOSEN, written);
    const requested = chosen ?? written ?? context.activity.locale ?? (await this.userLocale.get(context));
    const locale = this.services.localiser.pickLocale(requested);
    context.turnState.set(TURN_LOCALE, locale);
    if (context.activity.locale) await this.userLocale.set(context, locale);

    const dc = await this.dialogs.createContext(context);
    const version = this.root.getVersion();
    if (dc.activeDialog && (await this.treeVersion.get(context)) !== version) {
      // A conversation begun on an earlier release of the tree starts again rather than crash.
      await context.sendActivity(messagesFor(context, this.services).t('commands.versionChanged'));
      await dc.cancelAllDialogs();
    }
    await this.treeVersion.set(context, version);
    // One reading of the message, before any dialog, against the question the conversation waits on.
    if (context.activity.type === ActivityTypes.Message) await readTurn(context, this.services);

    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.root.id);
  }
}
