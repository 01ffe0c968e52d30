// Whereabouts not known: the child is missing. A secure or other legal order changes what the
// police are told; then the reasonable enquiries, one at a time; then, unless they were found,
// the report to the police on 101 with the enquiries done (or, for a high-risk child already
// reported, what the enquiries found).
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { CARER_ENQUIRIES, type CarerEnquiry, type StatedFact } from '../../bot/content/vocabulary';
import { adviseFirst } from '../../bot/turn/advice';
import { messagesFor, readingOf, type DialogServices } from '../../bot/turn/services';
import { conversationFactsRecord } from '../base/conversationFacts';
import { ChecklistDialog } from '../base/checklistDialog';
import { checklistResult, resultOf, yesNoResult } from '../base/stepData';
import { yesNoQuestion } from '../base/yesNo';
import { carerCaseRecord, riskFacts, type CarerPart } from './carerCase';
import { CarerLog } from './carerLog';

export const CARER_MISSING_DIALOG = 'carer.missingFlow';
const STEPS = 'carer.missingFlow.steps';
const ORDER = 'carer.order';
const ENQUIRIES = 'carer.enquiries';

/** Where the child never came back from, as said in passing; contact before school when both are. */
function missingFromOf(stated: readonly StatedFact[]): 'contact' | 'school' | undefined {
  if (stated.includes('missingFromContact')) return 'contact';
  return stated.includes('missingFromSchool') ? 'school' : undefined;
}

export class CarerMissingDialog extends ComponentDialog {
  private readonly record;
  private readonly log;

  constructor(private readonly services: DialogServices) {
    super(CARER_MISSING_DIALOG);
    this.record = carerCaseRecord(services);
    this.log = new CarerLog(services);
    // "she's on a care order": a care order is a court order, so a yes.
    this.addDialog(
      yesNoQuestion(ORDER, 'carer.order.ask', services, (context) =>
        readingOf(context, services).facts.said.includes('courtOrder') ? 'yes' : undefined,
      ),
    );
    this.addDialog(
      new ChecklistDialog<CarerEnquiry>(
        {
          id: ENQUIRIES,
          items: CARER_ENQUIRIES,
          keys: 'carer.enquiries',
          rulePoint: 'carer-enquiry',
          itemFact: (carerEnquiry) => ({ carerEnquiry }),
          contextFacts: async (context) => {
            const { stated } = await conversationFactsRecord(services).get(context);
            const missingFrom = missingFromOf(stated);
            return { noPhone: stated.includes('noPhone'), ...(missingFrom ? { missingFrom } : {}) };
          },
          read: async (context) => (await this.record.get(context)).enquiries,
          write: async (context, item, outcome) => {
            await this.record.update(context, (current) => ({ ...current, enquiries: { ...current.enquiries, [item]: outcome } }));
            if (outcome === 'notPossible') return;
            // The first step, for a child who never came back from contact or school, was asking there.
            const elsewhere = item === 'searchPremises' && missingFromOf((await conversationFactsRecord(services).get(context)).stated);
            await this.log.write(context, 'enquiry', {
              item: messagesFor(context, services).t(elsewhere ? 'carer.log.items.askedWhereLastSeen' : `carer.log.items.${item}`),
            });
          },
        },
        services,
      ),
    );
    this.addDialog(
      new WaterfallDialog(STEPS, [(step) => this.askOrder(step), (step) => this.afterOrder(step), (step) => this.afterEnquiries(step)]),
    );
    this.initialDialogId = STEPS;
  }

  /** An order said already ("13, on a care order") is not asked about again. */
  private async askOrder(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (!(await conversationFactsRecord(this.services).get(step.context)).stated.includes('courtOrder')) return step.beginDialog(ORDER);
    await step.context.sendActivity(messagesFor(step.context, this.services).t('carer.order.known'));
    return step.next('yes');
  }

  private async afterOrder(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await this.record.update(step.context, (current) => ({ ...current, status: 'missing' }));
    await this.log.write(step.context, 'missing');
    if (resultOf(step, yesNoResult) === 'yes') {
      await adviseFirst(step.context, this.services, 'carer-order', { secureOrder: true });
      await this.log.write(step.context, 'secureOrder');
    }
    return step.beginDialog(ENQUIRIES);
  }

  private async afterEnquiries(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (resultOf(step, checklistResult) === 'found') return step.endDialog('back' satisfies CarerPart);
    const facts = { whereaboutsKnown: false, ...riskFacts(await this.record.get(step.context)) };
    // Reported at once (a high-risk child): what the enquiries found goes to the police too.
    const rule = await adviseFirst(step.context, this.services, 'carer-report', facts);
    if (rule?.audit === 'advised-101') await this.log.write(step.context, 'reported');
    return step.endDialog('notify' satisfies CarerPart);
  }
}
