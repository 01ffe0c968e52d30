// "Talk to a person": in the area's staffed hours, the on-call team is alerted with a short
// handover and the user is told who will reply, where and when (on SMS they are asked first
// whether the team may have their number); out of hours, the out-of-hours numbers. Always
// with 999 and 101. When it ends, the dialog that was interrupted asks its question again.
import { clientOf, replyAddressOf, senderPhoneOf } from '../../bot/turn/turnChannel';
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { isOfficeOpen } from '../../bot/content/area';
import { advise, adviseFirst } from '../../bot/turn/advice';
import { conversationFactsRecord } from './conversationFacts';
import { turnLocale, type DialogServices } from '../../bot/turn/services';
import { yesNoQuestion, type YesNo } from './yesNo';

export const HANDOFF_DIALOG = 'handoff';
const CONSENT = 'handoff.consent';

export interface HandoffOptions {
  /** The dialog the user was in when they asked. */
  step: string;
}

export class HandoffDialog extends ComponentDialog {
  constructor(private readonly services: DialogServices) {
    super(HANDOFF_DIALOG);
    this.addDialog(yesNoQuestion(CONSENT, 'commands.talkToPerson.consent', services));
    this.addDialog(new WaterfallDialog(`${HANDOFF_DIALOG}.steps`, [(step) => this.start(step), (step) => this.open(step)]));
    this.initialDialogId = `${HANDOFF_DIALOG}.steps`;
  }

  private async start(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const officeOpen = isOfficeOpen(this.services.area, this.services.clock.now(), this.services.timeZone);
    if (!officeOpen) {
      // A young person at night is given people to talk to now, not a service for adults.
      const { role } = await conversationFactsRecord(this.services).get(step.context);
      await adviseFirst(step.context, this.services, 'handoff', { officeOpen, ...(role ? { role } : {}) });
      const at = this.services.clock.now().toISOString();
      await conversationFactsRecord(this.services).update(step.context, (facts) => ({ ...facts, toldNobodyAt: at }));
      return step.endDialog();
    }
    if (senderPhoneOf(step.context)) return step.beginDialog(CONSENT);
    return step.next();
  }

  private async open(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { context } = step;
    const phone = senderPhoneOf(context);
    const address = replyAddressOf(context);
    const facts = await conversationFactsRecord(this.services).get(context);
    const opened = await this.services.handoff.open({
      conversationId: context.activity.conversation.id,
      channel: context.activity.channelId,
      address,
      locale: turnLocale(context),
      role: facts.role,
      step: (step.options as Partial<HandoffOptions>).step ?? 'start',
      riskFlags: facts.flags,
      said: { ageYears: facts.ageYears, goneSince: facts.goneSince ? new Date(facts.goneSince) : undefined, stated: facts.stated },
      callbackPhone: phone && (step.result as YesNo | undefined) === 'yes' ? phone : undefined,
      client: clientOf(context),
    });
    const askedAt = this.services.clock.now().toISOString();
    await conversationFactsRecord(this.services).update(context, (current) => ({ ...current, handoffAskedAt: askedAt }));
    // Over the limit of alerts, as when no one could be alerted: the numbers to call instead.
    const already = 'already' in opened && opened.already === true;
    const rule = this.services.rules.decide('handoff', { officeOpen: true, handoffAlerted: opened.alerted > 0, handoffAlready: already });
    if (rule) await advise(context, this.services, rule, opened.reference ? { reference: opened.reference } : {});
    return step.endDialog();
  }
}
