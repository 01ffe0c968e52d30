// Giving advice = saying a rule's message and, for escalations, writing its audit row.
import type { TurnContext } from 'botbuilder';
import type { Facts, Rule } from '../content/ruleSchema';
import { messagesFor, type DialogServices } from './services';

export async function advise(
  context: TurnContext,
  services: DialogServices,
  rule: Rule,
  variables: Record<string, string | number> = {},
): Promise<void> {
  await context.sendActivity(messagesFor(context, services).t(rule.say, variables));
  if (rule.audit) {
    await services.audit.record({
      conversationId: context.activity.conversation.id,
      channel: context.activity.channelId,
      kind: rule.audit,
      ruleId: rule.id,
    });
  }
}

/** Decides at `point` and advises; returns the rule used, if any applied. */
export async function adviseFirst(context: TurnContext, services: DialogServices, point: string, facts: Facts): Promise<Rule | undefined> {
  const rule = services.rules.decide(point, facts);
  if (rule) await advise(context, services, rule);
  return rule;
}
