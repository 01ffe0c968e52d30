// The fail-safe: whatever failed (a dialog, storage, a lock), the user still gets the apology
// with 999, 101 and 116 000, and the fault is logged with a correlation id, never the message.
// Its words are rendered once at start, in every locale, so nothing that can break during a
// turn stands between the user and them. Every channel uses this one object.
import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import type { Localiser } from '../content/i18n';
import type { IdHasher } from '../platform/ids';
import type { Logger } from '../platform/logger';
import type { RuleBook } from '../content/ruleBook';
import type { Metrics } from '../platform/metrics';
import { deliveredAtOnce } from './turnCommit';

export interface FailSafe {
  /** The words in the locale asked for, or the default language (a channel answering outside a turn). */
  text(locale?: string): string;
  /** The adapters' onTurnError: logs the fault and replies with the words in the turn's locale. */
  onTurnError: (context: TurnContext, error: Error) => Promise<void>;
  /** A turn past its deadline with nothing sent: the same words now, while the turn goes on. */
  onSlowTurn: (context: TurnContext) => Promise<void>;
}

export function createFailSafe(deps: {
  localiser: Localiser;
  rules: RuleBook;
  logger: Logger;
  hashId: IdHasher;
  metrics?: Pick<Metrics, 'failSafes'>;
}): FailSafe {
  const rule = deps.rules.decide('failure', { turnFailed: true });
  if (!rule) throw new Error('content/rules has no rule for a failed turn (point "failure")');
  const pickLocale = deps.localiser.pickLocale.bind(deps.localiser);
  const replies = new Map(deps.localiser.locales.map((locale) => [locale, deps.localiser.messages(locale).t(rule.say)]));
  const fallback = replies.get(pickLocale(undefined)) ?? [...replies.values()][0] ?? '';

  const text = (locale?: string): string => {
    try {
      return replies.get(pickLocale(locale)) ?? fallback;
    } catch {
      return fallback;
    }
  };

  /** Logs why (never the message), then sends the words in the turn's locale; neither may stop the other. */
  const give = async (context: TurnContext, reason: 'error' | 'deadline', log: (fields: object) => void): Promise<void> => {
    const correlationId = randomUUID();
    deps.metrics?.failSafes.inc({ reason });
    try {
      log({
        correlationId,
        conversation: deps.hashId(context.activity?.conversation?.id ?? ''),
        channel: context.activity?.channelId,
        rule: rule.id,
      });
    } catch {
      // Logging must not stop the reply.
    }
    try {
      // Not held for the turn's commit: a slow or failed turn may never commit.
      await context.sendActivity(deliveredAtOnce({ type: 'message', text: text(context.activity?.locale) }));
    } catch (sendError) {
      deps.logger.error({ err: sendError, correlationId }, 'fail-safe reply could not be sent');
    }
  };

  const onTurnError = (context: TurnContext, error: Error): Promise<void> =>
    give(context, 'error', (fields) => deps.logger.error({ err: error, ...fields }, 'turn failed'));

  const onSlowTurn = (context: TurnContext): Promise<void> =>
    give(context, 'deadline', (fields) => deps.logger.warn(fields, 'turn past its deadline: fail-safe sent'));

  return { text, onTurnError, onSlowTurn };
}
