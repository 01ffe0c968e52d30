// The dialogs that wait for the user's next message. Everything that holds in every dialog
// (the danger interrupt first) is tested in each of them, so each is marked as one. When a
// dialog started on top of one (a handoff) ends, the waiting dialog asks its question again
// rather than take that dialog's result as its answer.
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';

export abstract class WaitingDialog<State extends object = object> extends Dialog<State> {
  override async resumeDialog(dc: DialogContext): Promise<DialogTurnResult> {
    if (dc.activeDialog) await this.repromptDialog(dc.context, dc.activeDialog);
    return Dialog.EndOfTurn;
  }
}
