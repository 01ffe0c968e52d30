// Inbound texts: recorded before Twilio's webhook is answered (so a retry with the same
// MessageSid is harmless and a text whose turn never ran is picked up again), then each handled
// as one turn of the sender's conversation (in arrival order, one at a time per number): an
// on-call person's relay, a keyword (STOP, START, HELP), or else the bot. A phone that sent STOP
// is told how to turn texts back on, unless it writes of danger: then the bot answers it. The
// number and words are cleared once handled.
import type { Clock } from '../../bot/platform/clock';
import { DEFAULT_LOCALE } from '../../bot/content/vocabulary';
import type { Queryable } from '../../bot/store/database';
import type { Localiser } from '../../bot/content/i18n';
import type { Logger } from '../../bot/platform/logger';
import type { RuleBook } from '../../bot/content/ruleBook';
import type { FailSafe } from '../../bot/turn/failSafe';
import type { RunTurn } from '../../bot/turn/runTurn';
import type { HandoffDesk } from '../handoff/handoffDesk';
import type { TurnContext } from 'botbuilder';
import { keywordOf } from './keywords';
import { replyEvenIfOptedOut, type InboundText, type SmsAdapter } from './smsAdapter';
import type { DeliveryResult, SmsSender } from './smsSender';

/** A text claimed this long ago and still not handled is taken to be lost with its instance. */
const RECLAIM_AFTER_MS = 5 * 60 * 1000;

export interface SmsInbox {
  /** Records a text; false when this MessageSid was seen before. */
  record(text: InboundText): Promise<boolean>;
  /**
   * Handles a recorded text (in the background of the webhook). Resolves to 'failed' when its
   * replies could not be sent, so the webhook's own answer can still give the numbers.
   */
  handle(text: InboundText): Promise<DeliveryResult | undefined>;
  /** Handles texts that were recorded but never handled (an instance stopped mid-way). */
  recover(): Promise<number>;
  /** Resolves when no text is being handled (tests, shutdown). */
  idle(): Promise<void>;
}

export function createSmsInbox(deps: {
  db: Queryable;
  clock: Clock;
  adapter: SmsAdapter;
  sender: SmsSender;
  handoff: HandoffDesk;
  localiser: Localiser;
  rules: RuleBook;
  runTurn: RunTurn;
  failSafe: Pick<FailSafe, 'text'>;
  /** Whether a message speaks of danger, harm or a worry about someone's life, in any language the bot reads. */
  speaksOfDanger: (text: string) => boolean;
  logger: Logger;
}): SmsInbox {
  const inFlight = new Set<Promise<void>>();
  const helpRule = deps.rules.decide('sms-keyword', { command: 'help' });
  if (!helpRule) throw new Error('content/rules has no rule for the SMS HELP keyword (point "sms-keyword")');
  const textsOffRule = deps.rules.decide('sms-keyword', { textsOff: true });
  if (!textsOffRule) throw new Error('content/rules has no rule for a text from a phone that sent STOP (point "sms-keyword")');

  /** Runs before the bot, inside the turn: true when the text was a relay or a keyword. */
  const relayOrKeyword = async (text: InboundText, context: TurnContext): Promise<boolean> => {
    if (deps.handoff.isOnCall(text.phone)) {
      await deps.handoff.handleStaffText(text.phone, text.body);
      return true;
    }
    const conversationId = deps.adapter.conversationIdFor(text.phone);
    const messages = deps.localiser.messages(DEFAULT_LOCALE);
    switch (keywordOf(text.body)) {
      case 'optOut':
        await deps.sender.optOuts.optOut(text.phone);
        return true;
      case 'help':
        await deps.sender.send(text.phone, messages.t(helpRule.say), { conversationId, evenIfOptedOut: true });
        return true;
      case 'optIn':
        if (!(await deps.sender.optOuts.optIn(text.phone))) return false;
        await deps.sender.send(text.phone, messages.t('sms.optedIn'), { conversationId });
        return true;
      case undefined:
        if (!(await deps.sender.optOuts.isOptedOut(text.phone))) return false;
        // Danger is answered whatever was asked before; anything else waits for START.
        if (deps.speaksOfDanger(text.body)) {
          replyEvenIfOptedOut(context);
          return false;
        }
        await deps.sender.send(text.phone, messages.t(textsOffRule.say), { conversationId, evenIfOptedOut: true });
        return true;
    }
  };

  const handleNow = (text: InboundText): Promise<DeliveryResult | undefined> =>
    deps.adapter.processText(text, (context) => deps.runTurn(context, () => relayOrKeyword(text, context)));

  const handle = (text: InboundText): Promise<DeliveryResult | undefined> => {
    let delivery: DeliveryResult | undefined;
    const work = handleNow(text)
      .then((result) => {
        delivery = result;
      })
      .catch(async (err: unknown) => {
        deps.logger.error({ err }, 'inbound text could not be handled');
        // Whatever failed outside the bot's turn, the sender still gets the numbers.
        delivery = await deps.sender
          .send(text.phone, deps.failSafe.text(), { conversationId: deps.adapter.conversationIdFor(text.phone), evenIfOptedOut: true })
          .catch(() => 'failed' as const);
      })
      .then(() => done(text.messageSid))
      .catch((err: unknown) => deps.logger.error({ err }, 'inbound text could not be marked handled'));
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
    return work.then(() => delivery);
  };

  const done = async (messageSid: string) => {
    await deps.db.query('update sms_inbound set processed_at = $2, from_number = null, body = null where message_sid = $1', [
      messageSid,
      deps.clock.now(),
    ]);
  };

  return {
    async record(text) {
      const now = deps.clock.now();
      const inserted = await deps.db.query(
        `insert into sms_inbound (message_sid, received_at, claimed_at, from_number, body) values ($1, $2, $2, $3, $4)
         on conflict (message_sid) do nothing returning message_sid`,
        [text.messageSid, now, text.phone, text.body],
      );
      return inserted.length === 1;
    },
    handle,
    async recover() {
      const now = deps.clock.now();
      const rows = await deps.db.query<{ message_sid: string; from_number: string; body: string; received_at: Date }>(
        `update sms_inbound set claimed_at = $1
         where processed_at is null and claimed_at < $2 and from_number is not null
         returning message_sid, from_number, body, received_at`,
        [now, new Date(now.getTime() - RECLAIM_AFTER_MS)],
      );
      for (const row of rows.sort((a, b) => new Date(a.received_at).getTime() - new Date(b.received_at).getTime())) {
        void handle({ messageSid: row.message_sid, phone: row.from_number, body: row.body ?? '' });
      }
      return rows.length;
    },
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}
