// The ActivityHandler: picks the turn's language, runs the dialog tree, and saves (or, when
// asked, deletes) the conversation's state. No message turn ends without a reply.
import { ActivityHandler, type ConversationState, type StatePropertyAccessor, type TurnContext, type UserState } from 'botbuilder';
import { DialogSet, DialogTurnStatus, type Dialog, type DialogState } from 'botbuilder-dialogs';
import { adviseFirst } from './advice';
import { messagesFor, TURN_DELETE_DATA, TURN_LOCALE, type DialogServices } from './services';

export interface HelplineBotOptions {
  conversationState: ConversationState;
  userState: UserState;
  root: Dialog;
  services: DialogServices;
  /** Removes what other tables keep of a conversation ("delete my data"). */
  forget: (conversationId: string) => Promise<void>;
}

export class HelplineBot extends ActivityHandler {
  private readonly conversationState: ConversationState;
  private readonly userState: UserState;
  private readonly root: Dialog;
  private readonly services: DialogServices;
  private readonly forget: (conversationId: string) => Promise<void>;
  private readonly dialogs: DialogSet;
  private readonly treeVersion: StatePropertyAccessor<string>;
  private readonly userLocale: StatePropertyAccessor<string>;

  constructor({ conversationState, userState, root, services, forget }: HelplineBotOptions) {
    super();
    this.forget = forget;
    this.conversationState = conversationState;
    this.userState = userState;
    this.root = root;
    this.services = services;
    this.dialogs = new DialogSet(conversationState.createProperty<DialogState>('dialogState'));
    this.dialogs.add(root);
    this.treeVersion = conversationState.createProperty<string>('treeVersion');
    this.userLocale = userState.createProperty<string>('locale');

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
    await super.run(context);
    if (context.turnState.get(TURN_DELETE_DATA)) {
      await this.forget(context.activity.conversation.id);
      await this.conversationState.delete(context);
      await this.userState.delete(context);
      return;
    }
    await this.conversationState.saveChanges(context);
    await this.userState.saveChanges(context);
  }

  private async runDialogs(context: TurnContext): Promise<void> {
    // Both are needed below; loaded together, the storage reads them in one query.
    await Promise.all([this.conversationState.load(context), this.userState.load(context)]);
    const requested = context.activity.locale ?? (await this.userLocale.get(context));
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

    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.root.id);
  }
}
