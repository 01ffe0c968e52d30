// The dialogs that wait for the user's next message. Everything that holds in every dialog
// (the danger interrupt first) is tested in each of them, so each is marked as one.
import { Dialog } from 'botbuilder-dialogs';

export abstract class WaitingDialog<State extends object = object> extends Dialog<State> {}
