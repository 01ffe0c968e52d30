// The fail-safe: whatever failed (a dialog, storage, a lock), the user still gets the apology
// with 999, 101 and 116 000, and the fault is logged with a correlation id, never the message.
// Its words are rendered once at start, so nothing that can break during a turn stands between
// the user and them.
import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import type { Localiser } from './i18n';
import type { IdHasher } from './ids';
import type { Logger } from './logger';
import type { RuleBook } from './rules';

/** The fail-safe words in the default language, for channels that answer outside a turn. */
export function failSafeMessage(localiser: Localiser, rules: RuleBook): string {
  const failSafe = rules.decide('failure', { turnFailed: true });
  if (!failSafe) throw new Error('content/rules has no rule for a failed turn (point "failure")');
  return localiser.messages(localiser.pickLocale(undefined)).t(failSafe.say);
}

export function createTurnErrorHandler(deps: {
  logger: Logger;
  localiser: Localiser;
  rules: RuleBook;
  hashId: IdHasher;
}): (context: TurnContext, error: Error) => Promise<void> {
  const failSafe = deps.rules.decide('failure', { turnFailed: true });
  if (!failSafe) throw new Error('content/rules has no rule for a failed turn (point "failure")');
  const pickLocale = deps.localiser.pickLocale.bind(deps.localiser);
  const replies = new Map(deps.localiser.locales.map((locale) => [locale, deps.localiser.messages(locale).t(failSafe.say)]));
  const fallback = replies.get(pickLocale(undefined)) ?? [...replies.values()][0] ?? '';

  return async (context, error) => {
    const correlationId = randomUUID();
    try {
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
    } catch {
      // Logging must not stop the reply.
    }
    let reply = fallback;
    try {
      reply = replies.get(pickLocale(context.activity?.locale)) ?? fallback;
    } catch {
      // Keep the default language.
    }
    try {
      await context.sendActivity(reply);
    } catch (sendError) {
      deps.logger.error({ err: sendError, correlationId }, 'fail-safe reply could not be sent');
    }
  };
}
