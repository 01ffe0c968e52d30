// The fail-safe: whatever failed (a dialog, storage, a lock), the user still gets the apology
// with 999, 101 and 116 000, and the fault is logged with a correlation id, never the message.
import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import type { Localiser } from './i18n';
import type { IdHasher } from './ids';
import type { Logger } from './logger';
import type { RuleBook } from './rules';

export function createTurnErrorHandler(deps: {
  logger: Logger;
  localiser: Localiser;
  rules: RuleBook;
  hashId: IdHasher;
}): (context: TurnContext, error: Error) => Promise<void> {
  const failSafe = deps.rules.decide('failure', { turnFailed: true });
  if (!failSafe) throw new Error('content/rules has no rule for a failed turn (point "failure")');
  return async (context, error) => {
    const correlationId = randomUUID();
    deps.logger.error(
      {
        err: error,
        correlationId,
        conversation: deps.hashId(context.activity?.conversation?.id ?? ''),
        channel: context.activity?.channelId,
        rule: failSafe.id,
      },
      'turn failed',
    );
    const messages = deps.localiser.messages(deps.localiser.pickLocale(context.activity?.locale));
    try {
      await context.sendActivity(messages.t(failSafe.say));
    } catch (sendError) {
      deps.logger.error({ err: sendError, correlationId }, 'fail-safe reply could not be sent');
    }
  };
}
