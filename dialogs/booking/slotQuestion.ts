// Asks when to meet: offers free slots inside the window as options, or reads the young
// person's own words ("tomorrow after school", "Friday 4pm") and checks them against the
// window, the bookable hours and the seats left, saying why a time will not do and what will.
import { ActionTypes, ActivityTypes, InputHints, MessageFactory, type TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { DateTime } from 'luxon';
import type { SlotProblem } from '../../bot/bookings/bookingDesk';
import type { BookingPlace } from '../../bot/content/vocabulary';
import { answerTo, messagesFor, turnLocale, waitFor, type DialogServices } from '../../bot/turn/services';
import type { OpenQuestion } from '../../bot/understanding/openQuestion';
import { languageOf } from '../../bot/understanding/understand';
import { replyToMiss, WaitingDialog, type AskState } from '../base/waitingDialog';

export interface SlotQuestionOptions {
  /** When the young person came back (ISO): the window runs from there. */
  returnedAt: string;
  /** The message that began the question may already say when ("can we do friday instead"): read it at once. */
  readSaid?: boolean;
  /** Where they meet: anywhere but school, times in school hours are offered last. */
  place?: BookingPlace;
  /** The time booked already, when moving it: "change it to 6, my mum will be in at 5" does not mean 5. */
  current?: string;
}

interface SlotQuestionState extends SlotQuestionOptions, AskState {
  offered: string[];
  /** Days they said they cannot do ("i cant do wednesday anymore"): not offered. */
  daysRuledOut?: string[];
}

/** Enough free times to look past the days ruled out (a day holds a few). */
const OFFERS_TO_SKIP_DAYS = 40;

export class SlotQuestion extends WaitingDialog<SlotQuestionState> {
  constructor(
    id: string,
    private readonly services: DialogServices,
  ) {
    super(id);
  }

  override async beginDialog(dc: DialogContext, options?: SlotQuestionOptions): Promise<DialogTurnResult> {
    const returnedAt = options?.returnedAt ?? this.services.clock.now().toISOString();
    const daysRuledOut = options?.readSaid
      ? this.services.dates.daysRuledOut(dc.context.activity.text ?? '', languageOf(turnLocale(dc.context)))
      : [];
    const place = options?.place;
    const state: SlotQuestionState = {
      returnedAt,
      daysRuledOut,
      ...(place ? { place } : {}),
      ...(options?.current ? { current: options.current } : {}),
      offered: await this.offer(returnedAt, daysRuledOut, place),
    };
    if (dc.activeDialog) dc.activeDialog.state = state;
    if (options?.readSaid && futureTimesIn(dc.context.activity.text ?? '', dc.context, this.services).length > 0)
      return this.continueDialog(dc);
    await this.ask(dc.context, state, state.offered.length > 0 ? 'youngPerson.when.ask' : 'youngPerson.when.none');
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    if (dc.context.activity.type !== ActivityTypes.Message || !dc.activeDialog) return Dialog.EndOfTurn;
    const state = dc.activeDialog.state as SlotQuestionState;
    const text = (dc.context.activity.text ?? '').trim();
    // An offered time by its label or number; by place ("the 2nd one") only when the words hold
    // no time, so "1st december" stays a date.
    const answer = answerTo(dc.context, this.services, this.asked(state, dc.context));
    const offered = answer.by === 'words' || answer.by === 'number' ? answer.option : undefined;
    const said = offered ? [] : futureTimesIn(text, dc.context, this.services);
    // Moving a booking, an hour said alone ("can i change it to 6") is on the day booked, and the
    // time booked is not the new one.
    const candidates = said
      .map((moment) => (state.current && moment.timeOnly ? { ...moment, at: this.onDayOf(moment.at, state.current) } : moment))
      .filter((moment) => moment.at.toISOString() !== state.current)
      .sort((a, b) => a.at.getTime() - b.at.getTime());
    const picked = offered ?? (candidates.length === 0 && answer.by === 'place' ? answer.option : undefined);
    if (picked) {
      const problem = await this.services.bookings.checkSlot(new Date(state.returnedAt), new Date(picked));
      if (!problem) return dc.endDialog(picked);
      return this.refuse(dc, state, problem);
    }
    const moment = candidates[0];
    if (!moment) {
      const reply = await replyToMiss(dc, 'youngPerson.when.unreadable', this.services);
      if (reply === 'handled') return Dialog.EndOfTurn;
      const said = reply === 'stuck' ? 'common.miss.stuck' : 'youngPerson.when.unreadable';
      return this.retry(dc, state, said, await this.offer(state.returnedAt, state.daysRuledOut, state.place), reply === 'explainWithWayOn');
    }
    if (moment.precision === 'minute') {
      let firstProblem: SlotProblem | undefined;
      for (const candidate of candidates.filter((each) => each.precision === 'minute')) {
        const problem = await this.services.bookings.checkSlot(new Date(state.returnedAt), candidate.at);
        if (!problem) return dc.endDialog(candidate.at.toISOString());
        firstProblem ??= problem;
      }
      return this.refuse(dc, state, firstProblem ?? 'closed', moment.at);
    }
    // A day or part of a day: the free times then, from that point on.
    const sameDay = (await this.services.bookings.freeSlots(new Date(state.returnedAt), { day: moment.at, limit: 8 }))
      .filter((slot) => slot.getTime() >= moment.at.getTime())
      .slice(0, 4)
      .map((slot) => slot.toISOString());
    if (sameDay.length > 0) return this.retry(dc, state, 'youngPerson.when.thatDay', sameDay);
    return this.refuse(dc, state, 'outsideWindow', moment.at);
  }

  override async repromptDialog(context: TurnContext, instance: { state: SlotQuestionState }): Promise<void> {
    await this.ask(context, instance.state, 'youngPerson.when.ask');
  }

  /** The first three free times, on days not ruled out; in school hours only after the others. */
  private async offer(returnedAt: string, daysRuledOut: readonly string[] = [], place?: BookingPlace): Promise<string[]> {
    const dayOf = (slot: Date) => DateTime.fromJSDate(slot, { zone: this.services.timeZone }).toISODate() ?? '';
    const free = (await this.services.bookings.freeSlots(new Date(returnedAt), { limit: OFFERS_TO_SKIP_DAYS })).filter(
      (slot) => !daysRuledOut.includes(dayOf(slot)),
    );
    const inLessons = (slot: Date) => place !== 'school' && this.inSchoolHours(slot);
    // A meeting at school is on a school day: not "At school, Saturday".
    const possible = place === 'school' ? free.filter((slot) => this.onSchoolDay(slot)) : free;
    return [...possible.filter((slot) => !inLessons(slot)), ...possible.filter(inLessons)].slice(0, 3).map((slot) => slot.toISOString());
  }

  /** The same wall-clock time on the day of `day` (ISO), in the area's zone. */
  private onDayOf(time: Date, day: string): Date {
    const zone = this.services.timeZone;
    const clock = DateTime.fromJSDate(time, { zone });
    return DateTime.fromISO(day, { zone }).set({ hour: clock.hour, minute: clock.minute, second: 0, millisecond: 0 }).toJSDate();
  }

  private onSchoolDay(slot: Date): boolean {
    const hours = this.services.area.returnInterviews.schoolHours;
    if (!hours) return true;
    const day = DateTime.fromJSDate(slot, { zone: this.services.timeZone }).toFormat('ccc').toLowerCase() as (typeof hours.days)[number];
    return hours.days.includes(day);
  }

  private inSchoolHours(slot: Date): boolean {
    const hours = this.services.area.returnInterviews.schoolHours;
    if (!hours) return false;
    const local = DateTime.fromJSDate(slot, { zone: this.services.timeZone });
    const day = local.toFormat('ccc').toLowerCase() as (typeof hours.days)[number];
    const time = local.toFormat('HH:mm');
    return hours.days.includes(day) && time >= hours.from && time < hours.to;
  }

  private async refuse(dc: DialogContext, state: SlotQuestionState, problem: SlotProblem, near?: Date): Promise<DialogTurnResult> {
    // The free times that day from the time said on: "after school" is not offered the morning.
    const nearby =
      near && problem !== 'outsideWindow' && problem !== 'past'
        ? (await this.services.bookings.freeSlots(new Date(state.returnedAt), { day: near, limit: 24 }))
            .filter((slot) => slot.getTime() >= near.getTime())
            .slice(0, 3)
            .map((slot) => slot.toISOString())
        : [];
    return this.retry(
      dc,
      state,
      `youngPerson.when.problem.${problem}`,
      nearby.length > 0 ? nearby : await this.offer(state.returnedAt, [], state.place),
    );
  }

  private async retry(
    dc: DialogContext,
    state: SlotQuestionState,
    key: string,
    offered: string[],
    wayOn = false,
  ): Promise<DialogTurnResult> {
    state.offered = offered;
    await this.ask(dc.context, state, key, wayOn);
    return Dialog.EndOfTurn;
  }

  /** The offered times, by their labels or their places. */
  private asked(state: SlotQuestionState, context: TurnContext): OpenQuestion {
    const options = state.offered.map((slot) => ({ value: slot, title: this.label(slot, context), literal: true }));
    return { id: this.id, options, free: true, numbered: true };
  }

  private label(slot: string, context: TurnContext): string {
    const messages = messagesFor(context, this.services);
    return DateTime.fromISO(slot, { zone: this.services.timeZone })
      .setLocale(messages.locale)
      .toFormat(messages.t('youngPerson.when.slotFormat'));
  }

  private async ask(context: TurnContext, state: SlotQuestionState, key: string, wayOn = false): Promise<void> {
    const messages = messagesFor(context, this.services);
    const windowEnd = DateTime.fromJSDate(this.services.bookings.windowEnd(new Date(state.returnedAt)), { zone: this.services.timeZone })
      .setLocale(messages.locale)
      .toFormat(messages.t('youngPerson.when.slotFormat'));
    const text = wayOn ? `${messages.t(key, { windowEnd })} ${messages.t('common.miss.wayOn')}` : messages.t(key, { windowEnd });
    await waitFor(context, this.services, this.asked(state, context));
    const actions = state.offered.map((slot) => {
      const title = this.label(slot, context);
      return { type: ActionTypes.ImBack, title, value: title };
    });
    await context.sendActivity(
      actions.length > 0
        ? MessageFactory.suggestedActions(actions, text, undefined, InputHints.ExpectingInput)
        : MessageFactory.text(text, undefined, InputHints.ExpectingInput),
    );
  }
}

/** "12:00" can mean noon or midnight: the times the words can mean, earliest first, from now on. */
export function futureTimesIn(text: string, context: TurnContext, services: Pick<DialogServices, 'dates'>) {
  return services.dates.readAhead(text, languageOf(turnLocale(context)));
}
