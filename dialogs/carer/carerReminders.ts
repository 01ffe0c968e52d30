// The carer's reminders: each is kept by the scheduler for this conversation's channel and
// address, so it arrives by itself (in the chat or by text) at a review point counted from when
// the child went or was due back (from when the chat began, if the carer did not know); all of
// them are cancelled together when the child is back or is now missing.
import type { TurnContext } from 'botbuilder';
import { DateTime } from 'luxon';
import type { Rule } from '../../bot/content/ruleSchema';
import { replyAddressOf } from '../../bot/turn/turnChannel';
import { writeWithTurnOrNow } from '../../bot/turn/turnCommit';
import { messagesFor, turnLocale, type DialogServices } from '../../bot/turn/services';
import { carerCaseRecord } from './carerCase';

const HOUR_MS = 60 * 60 * 1000;

export const hoursAfter = (from: Date, hours: number): Date => new Date(from.getTime() + hours * HOUR_MS);
/** Whole hours from `from` to `to`. */
export const hoursBetween = (from: Date, to: Date): number => Math.floor((to.getTime() - from.getTime()) / HOUR_MS);

export class CarerReminders {
  private readonly record;

  constructor(private readonly services: DialogServices) {
    this.record = carerCaseRecord(services);
  }

  /** A reminder saying `rule`'s message at `dueAt`, recorded under the rule when it is sent. */
  async schedule(
    context: TurnContext,
    rule: Pick<Rule, 'id' | 'say'>,
    dueAt: Date,
    variables: Record<string, string | number> = {},
  ): Promise<void> {
    const reminder = {
      conversationId: context.activity.conversation.id,
      subject: subjectOf(context),
      channel: context.activity.channelId,
      address: replyAddressOf(context),
      locale: turnLocale(context),
      messageKey: rule.say,
      variables,
      ruleId: rule.id,
      dueAt,
    };
    // Kept with the turn: a turn that failed leaves no reminder its reply never announced.
    await writeWithTurnOrNow(context, (on) => this.services.scheduler.schedule(reminder, on));
  }

  /** Cancels every pending reminder of this episode; returns how many there were. */
  cancelAll(context: TurnContext): Promise<number> {
    return this.services.scheduler.cancel(subjectOf(context));
  }

  /** When the child went or was due back, else when the journey began: the review points count from there. */
  async countFrom(context: TurnContext): Promise<Date> {
    const { wentAt, startedAt } = await this.record.get(context);
    const from = wentAt ?? startedAt;
    return from ? new Date(from) : this.services.clock.now();
  }

  /** Whether a review point has come already (it is then acted on now, not reminded of). */
  isPast(at: Date): boolean {
    return at.getTime() <= this.services.clock.now().getTime();
  }

  /** A time as the reminder messages say it: "03:00", or with the day. */
  clockTime(context: TurnContext, at: Date, withDay = false): string {
    const messages = messagesFor(context, this.services);
    return DateTime.fromJSDate(at, { zone: this.services.timeZone })
      .setLocale(messages.locale)
      .toFormat(withDay ? messages.t('common.dateTimeFormat') : 'HH:mm');
  }
}

function subjectOf(context: TurnContext): string {
  return `carer:${context.activity.conversation.id}`;
}
