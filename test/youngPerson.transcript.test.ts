// The young person's journey as transcripts, clock at Tuesday 24 November 2026, 23:00 London:
// safety first, help while away, and a return interview booked inside the 72 hours.
import { parse } from 'csv-parse/sync';
import { DateTime } from 'luxon';
import { createScheduler } from '../bot/scheduled/scheduler';
import { createLogger } from '../bot/platform/logger';
import {
  auditTrail,
  allText,
  lastTurn,
  optionTitles,
  startHarness,
  walk as walkFrom,
  type Conversation,
  type Harness,
} from './support/harness';
import { startSmsHarness } from './support/sms';
import { waitFor } from './support/directLine';

const STAFF_TOKEN = 'staff-token-for-tests-0123456789';
let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ env: { STAFF_API_TOKEN: STAFF_TOKEN } });
});
afterAll(() => harness.close());
afterEach(() => harness.clock.set('2026-11-24T23:00:00Z'));

const auditOf = (conversation: Conversation) => auditTrail(harness.app, conversation.id);

const walk = (conversation: Conversation, answers: string[]) => walkFrom(conversation, answers, { join: true });

const last = lastTurn;
const referenceIn = (text: string) => /number for it is (B[0-9A-Z]+)/.exec(text)?.[1] ?? '';
const DIDNT_CATCH_WORDS = /didn.t catch/i;
const TO_OFFER = ['2', 'Yes', "I'm back"];
const TO_WHEN = [...TO_OFFER, 'Someone new', 'last night', 'Yes', 'Library'];

describe('young person', () => {
  it.each([
    ['No', 'Y-NOT-SAFE-NOW'],
    ['not sure', 'Y-NOT-SAFE'],
  ])('not safe ("%s"): 999 and 116 000 first, recorded (%s), then the journey carries on', async (answer, rule) => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['2', answer]);
    const text = allText(last(turns));
    expect(text).toMatch(/999[\s\S]*116 000/);
    expect(optionTitles(last(turns))).toEqual(['Away now', "I'm back"]);
    expect(await auditOf(conversation)).toEqual([`advised-999:${rule}`]);
  });

  it('"No", not safe right now, is told to call 999 now, not "if you are in danger"; by text too', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['2', 'No']);
    expect(allText(last(turns))).toMatch(/call 999 now/);
    expect(allText(last(turns))).not.toMatch(/If you are in danger/);
  });

  it('away from home: help tonight, not in trouble, whether home is safe, and an offer of a person to talk to', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['2', 'Yes', 'Away now']);
    const text = allText(last(turns));
    for (const number of ['116 000', '0800 1111', '85258', '999']) expect(text).toContain(number);
    expect(text).toContain('not in trouble');
    expect(text).toContain('safe for you to go home');
    const safe = allText(await conversation.say('yes'));
    expect(safe).not.toContain('03000 419191');
    expect(safe).toContain('person to talk to you');
    // At 23:00 the team is closed: the out-of-hours numbers.
    const talk = allText(await conversation.say('Yes'));
    expect(talk).toContain('116 000');
    expect(await auditOf(conversation)).toEqual(['human-requested:G-HUMAN-OUT-OF-HOURS-YP']);
  });

  it.each([
    ['i ran away', ['yes', 'yes', 'no']],
    // Not wanting to go home is heard as a disclosure: home is not asked about again.
    ['dont want to go home', ['yes', 'yes']],
  ])('"%s", home not safe: the out-of-hours team who can find somewhere safe, never "Welcome back"', async (first, answers) => {
    const conversation = harness.conversation();
    // The first message is read, as by SMS: confirmed, then "are you safe?", then home.
    const turns = await walkFrom(conversation, [first, ...answers]);
    const text = turns.map(allText).join('\n');
    expect(text).not.toContain('Welcome back');
    expect(allText(last(turns))).toContain('03000 419191');
    expect(await auditOf(conversation)).toContain('advised-999:Y-HOME-NOT-SAFE');
  });

  it('"kinda" to "are you safe right now?" is not a yes: 999 and 116 000 first; "sleepin in the bus station 3 nights" is away', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['2', 'kinda']);
    expect(allText(last(turns))).toMatch(/999[\s\S]*116 000/);
    const away = allText(await conversation.say('sleepin in the bus station in maidstone 3 nights'));
    expect(away).toContain('somewhere safe tonight');
    expect(away).not.toContain("didn't catch");
  });

  it('stuck twice at a question: every way on, with 999, 101 and 116 000, and nothing that speaks to them as the one reporting', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['2', 'yes']);
    await conversation.say('ok yeah');
    const stuck = allText(await conversation.say('so theres no one?'));
    expect(stuck).toContain('talk to a person');
    for (const number of ['999', '101', '116 000']) expect(stuck).toContain(number);
    expect(stuck).not.toContain('report a child missing');
  });

  it('"im on the bridge, i dont want to live anymore": the straight question about ending their life, with 999', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['2', 'im on the bridge, i dont want to live anymore']);
    expect(allText(last(turns))).toMatch(/ending your life/);
    expect(allText(last(turns))).toContain('999');
    // On a bridge is danger now: 999 comes first, then the straight question.
    expect(await auditOf(conversation)).toEqual(['advised-999:G-DANGER-YP-SUICIDE-NOW']);
  });

  it('stuck at a question with buttons: the way on asks the question again beside them, and asks for no number they do not show', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['2', 'blah', 'blah blah']);
    const stuck = lastTurn(turns);
    expect(allText(stuck)).toMatch(/talk to a person/);
    expect(allText(stuck)).toMatch(/are you safe right now\?$/);
    expect(allText(stuck)).not.toMatch(/number/);
    expect(optionTitles(stuck)).toEqual(['Yes', 'No', 'Not sure']);
  });

  it('in the widget, "i ran away" as the answer to "Who is writing?" goes straight to the help while away', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['i ran away', 'yes']);
    expect(allText(last(turns))).toContain('116 000');
    expect(allText(last(turns))).toContain('safe for you to go home');
  });

  it('"i got kicked out": heard as forced to leave, and home is not asked about again', async () => {
    const conversation = harness.conversation();
    const turns = await walkFrom(conversation, ['i got kicked out', 'yes', 'yes']);
    const text = turns.map(allText).join('\n');
    expect(text).not.toContain('Welcome back');
    expect(text).not.toContain('Is it safe for you to go home?');
    expect(allText(last(turns))).toContain('03000 419191');
    expect(await auditOf(conversation)).toContain('advised-999:Y-HOME-NOT-SAFE');
  });

  it('back: the offer says what it is for, that it is voluntary, and 72 hours', async () => {
    const conversation = harness.conversation();
    const text = allText(last(await walk(conversation, TO_OFFER)));
    expect(text).toContain('Young Lives Foundation');
    expect(text).toContain('72 hours');
    expect(text).toContain("It's up to you");
  });

  it('declining is recorded, the independent offer still comes (Kent 004 §5.7), and the door stays open with the free numbers', async () => {
    const conversation = harness.conversation();
    const text = allText(last(await walk(conversation, [...TO_OFFER, 'No thanks'])));
    expect(text).toContain('116 000');
    expect(text).toContain('Young Lives Foundation');
    expect(await auditOf(conversation)).toEqual(['return-interview-declined:Y-RETURN-DECLINED']);
  });

  it('a meeting at school is offered times in the school day', async () => {
    const conversation = harness.conversation();
    const offered = optionTitles(last(await walk(conversation, [...TO_WHEN.slice(0, -1), 'At school'])));
    expect(offered).toHaveLength(3);
    for (const title of offered) expect(title < 'Wed 25 Nov 15:30' || !title.startsWith('Wed')).toBe(true);
  });

  it('a meeting at school is never offered a weekend time, though those are the next free', async () => {
    const friday = await startHarness({ now: '2026-12-04T16:10:00Z' });
    try {
      const conversation = friday.conversation();
      const offered = optionTitles(last(await walk(conversation, [...TO_WHEN.slice(0, -1), 'At school'])));
      expect(offered.filter((title) => /^(Sat|Sun)/.test(title))).toEqual([]);
      const elsewhere = friday.conversation();
      const offeredElsewhere = optionTitles(last(await walk(elsewhere, [...TO_WHEN.slice(0, -1), 'Library'])));
      expect(offeredElsewhere.some((title) => /^Sat/.test(title))).toBe(true);
    } finally {
      await friday.close();
    }
  });

  it('"the 2nd one" picks the second time offered', async () => {
    const conversation = harness.conversation();
    await walk(conversation, [...TO_WHEN, 'the 2nd one', 'text me']);
    expect(allText(await conversation.say('07700 900123'))).toContain('Wednesday 25 November at 17:00');
  });

  it.each(['not my social worker', 'i dont want my mum there'])(
    '"%s" at "who would you like to talk to?" is someone new, not a decline',
    async (choice) => {
      const conversation = harness.conversation();
      const turns = await walk(conversation, [...TO_OFFER, choice, 'last night', 'Yes', 'Library', '2', 'text me', '07700 900123']);
      // The booking to be sent says who: the independent service, not a trusted adult.
      expect(allText(last(turns))).toContain('Young Lives Foundation');
    },
  );

  it('by text: "not my social worker" is someone new, said back in the booking', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T17:00:00Z' });
    try {
      const phone = '+447700900331';
      for (const text of ['hi', '2', 'yes', '2', 'not my social worker', 'last night', 'yes', 'Library', '2']) await sms.text(phone, text);
      const summary = (await sms.text(phone, 'text me')).replies.join('\n');
      expect(summary).toContain('Young Lives Foundation');
    } finally {
      await sms.close();
    }
  });

  it('"thanks" after the chat has ended is answered, with 116 000, not the chat started again', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, [...TO_OFFER, 'No thanks', 'thanks']);
    const text = allText(last(turns));
    expect(text).toContain('116 000');
    expect(text).not.toMatch(/are you safe right now|Welcome back/);
    expect(optionTitles(last(turns))).toEqual([]);
  });

  it('by text: "ok thank you" after the chat has ended is answered, not started again', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T17:00:00Z' });
    try {
      const phone = '+447700900333';
      for (const text of ['hi', '2', 'yes', '2', 'No thanks']) await sms.text(phone, text);
      const { replies } = await sms.text(phone, 'ok thank you');
      expect(replies.join('\n')).toContain('116 000');
      expect(replies.join('\n')).not.toMatch(/are you safe right now/i);
    } finally {
      await sms.close();
    }
  });

  it('booking from the first message to the stored row, inside the 72 hours; on a school day, after school first', async () => {
    const conversation = harness.conversation();
    const whenTurn = last(await walk(conversation, TO_WHEN));
    const offered = optionTitles(whenTurn);
    expect(offered).toEqual(['Wed 25 Nov 16:00', 'Wed 25 Nov 17:00', 'Wed 25 Nov 18:00']);
    await conversation.say('2');
    await conversation.say('text me');
    const confirm = allText(await conversation.say('07700 900123'));
    expect(confirm).toContain('Wednesday 25 November at 17:00');
    const booked = allText(await conversation.say('Yes'));
    const reference = referenceIn(booked);
    expect(reference).toMatch(/^B/);
    const [row] = await harness.app.db.query<Record<string, unknown>>('select * from booking where reference = $1', [reference]);
    expect(row).toMatchObject({ with_whom: 'independent', place: 'library', status: 'booked', late: false });
    const slot = new Date(row?.slot_start as string);
    const returned = new Date(row?.returned_at as string);
    expect(slot.toISOString()).toBe('2026-11-25T17:00:00.000Z');
    expect(slot.getTime() - returned.getTime()).toBeLessThanOrEqual(72 * 3600 * 1000);
    expect(JSON.stringify(row)).not.toContain('Library');
    expect(await auditOf(conversation)).toEqual(['booking-made:Y-BOOKING-MADE']);
    expect(await harness.app.scheduler.pending(reference)).toEqual([
      { messageKey: 'youngPerson.booking.reminder', dueAt: new Date('2026-11-25T15:00:00Z') },
    ]);
  });

  it('their own words: a time outside the window or the hours is refused with a reason and alternatives; a good one is taken', async () => {
    const conversation = harness.conversation();
    await walk(conversation, TO_WHEN);
    const tooLate = await conversation.say('next Monday at 4pm');
    expect(allText(tooLate)).toContain("That's too late");
    expect(allText(tooLate)).toContain('Thu 26 Nov');
    expect(optionTitles(tooLate)).toHaveLength(3);
    const closed = await conversation.say('tomorrow at 8pm');
    expect(allText(closed)).toContain('No one can meet then');
    const afternoon = await conversation.say('tomorrow at 4pm');
    expect(optionTitles(afternoon)).toContain('My carer or social worker');
  });

  it.each([
    ['Thursday', 'Thu 26 Nov 09:00'],
    ['tomorrow after school', 'Wed 25 Nov 16:00'],
    ['Thursday afternoon', 'Thu 26 Nov 12:00'],
  ])('"%s" offers the free times then, from %s', async (phrase, first) => {
    const conversation = harness.conversation();
    await walk(conversation, TO_WHEN);
    const replies = await conversation.say(phrase);
    expect(optionTitles(replies)[0]).toBe(first);
  });

  it('change and cancel by reference, only from the conversation that booked', async () => {
    const conversation = harness.conversation();
    await walk(conversation, [...TO_WHEN, '1', 'No', 'Yes']);
    const [booking] = await harness.app.db.query<{ reference: string }>('select reference from booking where conversation_hash = $1', [
      harness.app.hashId(conversation.id),
    ]);
    const reference = booking?.reference ?? '';

    const stranger = harness.conversation();
    await stranger.join();
    expect(allText(await stranger.say(`cancel ${reference}`))).toContain("can't find");

    const asked = await conversation.say(`change ${reference.toLowerCase()}`);
    expect(optionTitles(asked).length).toBeGreaterThan(0);
    expect(allText(await conversation.say('Thu 26 Nov 15:00'))).toContain('Thursday 26 November at 15:00');
    const [moved] = await harness.app.db.query<{ slot_start: string }>('select slot_start from booking where reference = $1', [reference]);
    expect(new Date(moved?.slot_start ?? '').toISOString()).toBe('2026-11-26T15:00:00.000Z');

    expect(allText(await conversation.say(`cancel ${reference}`))).toContain('cancelled');
    const [cancelled] = await harness.app.db.query<{ status: string }>('select status from booking where reference = $1', [reference]);
    expect(cancelled?.status).toBe('cancelled');
    expect(await auditOf(conversation)).toEqual([
      'booking-made:Y-BOOKING-MADE',
      'booking-changed:Y-BOOKING-CHANGED',
      'booking-cancelled:Y-BOOKING-CANCELLED',
    ]);
  });

  it('"actually can we do thursday at 6 instead", a day and a time between "do" and "instead", moves their booking', async () => {
    const conversation = harness.conversation();
    await walk(conversation, [...TO_WHEN, '1', 'No', 'Yes']);
    const moved = await conversation.say('actually can we do thursday at 6 instead');
    expect(allText(moved)).not.toMatch(/are you safe right now/i);
    expect(allText(moved)).toMatch(/Thursday 26 November|Thu 26 Nov/);
  });

  it('"cancel the meeting pls" while the booking is still being made: nothing is booked or sent, and it says so with 116 000', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, [...TO_WHEN, 'cancel the meeting pls']);
    const text = allText(last(turns));
    expect(text).toContain('nothing is booked');
    expect(text).toContain('116 000');
    expect(text).not.toMatch(/didn.t get that time/);
    const rows = await harness.app.db.query('select 1 from booking where conversation_hash = $1', [harness.app.hashId(conversation.id)]);
    expect(rows).toEqual([]);
  });

  it('by text: "cancel it" at the booking\'s summary stops it', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T17:00:00Z' });
    try {
      const phone = '+447700900332';
      for (const text of ['hi', '2', 'yes', '2', 'Someone new', 'last night', 'yes', 'Library', '2', 'text me'])
        await sms.text(phone, text);
      const before = sms.sent.length;
      const { replies } = await sms.text(phone, 'cancel it');
      expect(replies.join('\n')).toContain('nothing is booked');
      expect(sms.sent.slice(before).filter((text) => text.to !== phone)).toEqual([]);
    } finally {
      await sms.close();
    }
  });

  it('"yes cancel it" at "do you want me to cancel?" cancels, and is not asked again', async () => {
    const conversation = harness.conversation();
    await walk(conversation, [...TO_WHEN, '1', 'No', 'Yes']);
    const statusOf = async () =>
      (
        await harness.app.db.query<{ status: string }>('select status from booking where conversation_hash = $1', [
          harness.app.hashId(conversation.id),
        ])
      )[0]?.status;
    expect(allText(await conversation.say('can i cancel the meeting'))).toMatch(/cancel your meeting/);
    const text = allText(await conversation.say('yes cancel it'));
    expect(text).not.toMatch(/Do you want me to cancel/);
    expect(await statusOf()).toBe('cancelled');
  });

  it('"i cant do wednesday anymore" moves the booking, and no Wednesday is offered', async () => {
    const conversation = harness.conversation();
    await walk(conversation, [...TO_WHEN, '1', 'No', 'Yes']);
    const [booking] = await harness.app.db.query<{ slot_start: string }>('select slot_start from booking where conversation_hash = $1', [
      harness.app.hashId(conversation.id),
    ]);
    const bookedDay = DateTime.fromJSDate(new Date(booking?.slot_start ?? ''), { zone: 'Europe/London' }).toFormat('ccc d LLL');
    const dayName = DateTime.fromJSDate(new Date(booking?.slot_start ?? ''), { zone: 'Europe/London' })
      .toFormat('cccc')
      .toLowerCase();
    const offered = optionTitles(await conversation.say(`i cant do ${dayName} anymore`));
    expect(offered.length).toBeGreaterThan(0);
    for (const title of offered) expect(title).not.toContain(bookedDay);
  });

  it('the booking in their own words, with no reference: "can we do thursday instead", then "i dont want to do it anymore" (asked first)', async () => {
    const conversation = harness.conversation();
    await walk(conversation, [...TO_WHEN, '1', 'No', 'Yes']);
    const [booking] = await harness.app.db.query<{ reference: string }>('select reference from booking where conversation_hash = $1', [
      harness.app.hashId(conversation.id),
    ]);
    const reference = booking?.reference ?? '';
    const slotAt = async () =>
      (
        await harness.app.db.query<{ slot_start: string; status: string }>('select slot_start, status from booking where reference = $1', [
          reference,
        ])
      )[0];

    // The day said is read at once: the times free that Thursday are offered.
    const offered = optionTitles(await conversation.say('actually can we do thursday instead'));
    expect(offered.length).toBeGreaterThan(0);
    for (const title of offered) expect(title).toMatch(/^Thu 26 Nov/);
    expect(allText(await conversation.say('1'))).toContain('Thursday 26 November');
    expect(new Date((await slotAt())?.slot_start ?? '').toISOString()).toMatch(/^2026-11-26/);

    // Words that may also mean more than the meeting get the caring question too; nothing is
    // cancelled until they say so, and a "no" keeps it.
    const asked = allText(await conversation.say('i dont want to do it anymore'));
    expect(asked).toContain('ending your life');
    expect(asked).toContain(reference);
    expect((await slotAt())?.status).toBe('booked');
    await conversation.say('no');
    expect((await slotAt())?.status).toBe('booked');
    await conversation.say('cancel it');
    expect(allText(await conversation.say('yes'))).toContain('cancelled');
    expect((await slotAt())?.status).toBe('cancelled');
    expect(await auditOf(conversation)).toEqual([
      'booking-made:Y-BOOKING-MADE',
      'booking-changed:Y-BOOKING-CHANGED',
      'advised-999:G-CONCERN-SUICIDE-YP',
      'booking-cancelled:Y-BOOKING-CANCELLED',
    ]);
  });

  it('"cancel it" with no booking in the conversation is not taken as a booking change', async () => {
    const conversation = harness.conversation();
    await walk(conversation, TO_OFFER);
    expect(allText(await conversation.say('cancel it'))).not.toContain('cancel your meeting');
  });

  it('two conversations taking the last seat of a slot at once: one wins, the other is asked to pick again', async () => {
    const first = harness.conversation();
    await walk(first, [...TO_WHEN, 'Wed 25 Nov 12:00', 'No', 'Yes']);
    const racers = [harness.conversation(), harness.conversation()];
    for (const racer of racers) await walk(racer, [...TO_WHEN, 'Wed 25 Nov 12:00', 'No']);
    const results = await Promise.all(racers.map((racer) => racer.say('Yes')));
    const won = results.filter((replies) => referenceIn(allText(replies)) !== '');
    const lost = results.filter((replies) => allText(replies).includes('someone just took that time'));
    expect([won.length, lost.length]).toEqual([1, 1]);
    const seats = await harness.app.db.query("select 1 from booking where slot_start = '2026-11-25T12:00:00Z' and status = 'booked'");
    expect(seats).toHaveLength(2);
  });

  it('a window already past: still booked, flagged late', async () => {
    const conversation = harness.conversation();
    await walk(conversation, [...TO_OFFER, 'Someone I trust', 'A youth worker', '20/11 18:00', 'Yes', 'Phone call', '1', 'No']);
    const text = allText(await conversation.say('Yes'));
    expect(text).toContain('more than 3 days');
    expect(await auditOf(conversation)).toEqual(['booking-made:Y-BOOKING-LATE']);
  });
});

describe('how the team reaches them to confirm', () => {
  const staffList = async () => {
    const response = await fetch(`${harness.url}/api/bookings`, { headers: { authorization: `Bearer ${STAFF_TOKEN}` } });
    return ((await response.json()) as { bookings: Array<Record<string, unknown>> }).bookings;
  };
  const contactOf = async (reference: string) =>
    (await harness.app.db.query<{ contact: unknown }>('select contact from booking where reference = $1', [reference]))[0]?.contact;

  it('typed: through a carer, whom to ask for stored with the booking and shown to staff, a request the team confirms; cancelling deletes it', async () => {
    const conversation = harness.conversation();
    const asked = last(await walk(conversation, [...TO_WHEN, 'Wed 25 Nov 13:00']));
    expect(optionTitles(asked)).toEqual(['Text my mobile', 'My carer or social worker', 'At school', "Don't contact me"]);
    const who = allText(await conversation.say('through my social worker'));
    expect(who).toContain('Who should the team ask for');
    const confirm = await conversation.say('Jo Bloggs at the children in care team');
    expect(allText(confirm)).toContain('carer or social worker');
    const booked = allText(await conversation.say('yes please'));
    const reference = referenceIn(booked);
    expect(reference).toMatch(/^B/);
    // A request: the team confirms it, and the rule that says so is recorded.
    expect(booked).not.toMatch(/^Booked/);
    expect(booked).toContain('confirm');
    expect(await auditOf(conversation)).toEqual(['booking-made:Y-BOOKING-MADE']);
    expect(await contactOf(reference)).toEqual({ how: 'carer', who: 'Jo Bloggs at the children in care team' });
    expect((await staffList()).find((row) => row.reference === reference)).toMatchObject({
      reach: 'carer',
      reachDetail: 'Jo Bloggs at the children in care team',
      reminderByText: false,
    });
    // No reminder by text without a number given for it.
    expect(await harness.app.scheduler.pending(reference)).toEqual([]);
    await conversation.say(`cancel ${reference}`);
    expect(await contactOf(reference)).toBeNull();
  });

  it('"text me on 07700 900322" gives the way and the number at once; "07700 900323 i just said" is read at the number question', async () => {
    const conversation = harness.conversation();
    await walk(conversation, [...TO_WHEN, 'Wed 25 Nov 11:00']);
    const confirm = allText(await conversation.say('text me on 07700 900322'));
    expect(confirm).toContain('by text');
    const reference = referenceIn(allText(await conversation.say('y')));
    expect(await contactOf(reference)).toEqual({ how: 'text', phone: '+447700900322' });

    const again = harness.conversation();
    await walk(again, [...TO_WHEN, 'Thu 26 Nov 11:00', 'text me']);
    expect(allText(await again.say('07700 900323 i just said'))).toContain('by text');
    const second = referenceIn(allText(await again.say('y')));
    expect(await contactOf(second)).toEqual({ how: 'text', phone: '+447700900323' });
  });

  it('typed: a mobile read and checked, shown to staff; "delete my data" deletes it, and it is never in the audit table', async () => {
    const conversation = harness.conversation();
    await walk(conversation, [...TO_WHEN, 'Wed 25 Nov 14:00', 'text me']);
    expect(allText(await conversation.say('0123'))).toContain('07');
    const confirm = allText(await conversation.say('07700 900 321'));
    expect(confirm).toContain('by text');
    const reference = referenceIn(allText(await conversation.say('y')));
    expect(await contactOf(reference)).toEqual({ how: 'text', phone: '+447700900321' });
    expect((await staffList()).find((row) => row.reference === reference)).toMatchObject({
      reach: 'text',
      reachDetail: '+447700900321',
      reminderByText: true,
    });
    await conversation.say('delete my data');
    expect(await contactOf(reference)).toBeNull();
    expect((await staffList()).find((row) => row.reference === reference)).toMatchObject({ reach: 'none', reachDetail: '' });
    const audit = await harness.app.db.query('select * from audit_log');
    expect(JSON.stringify(audit)).not.toContain('900321');
  });

  it('"no" to being contacted is no contact, stored as none', async () => {
    const conversation = harness.conversation();
    await walk(conversation, [...TO_WHEN, 'Wed 25 Nov 15:00', 'no']);
    const reference = referenceIn(allText(await conversation.say('yes')));
    expect(reference).toMatch(/^B/);
    expect(await contactOf(reference)).toBeNull();
    expect((await staffList()).find((row) => row.reference === reference)).toMatchObject({ reach: 'none' });
  });
});

describe('who offers the return interview', () => {
  it("a young person back home, with no key worker said, is told the council's Early Help team offers it too", async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['young person', 'yes', 'back']);
    expect(allText(turns[turns.length - 1] ?? [])).toMatch(/Early Help/);
  });

  it('by text, "police came round n said someone would talk to me?" is asked about the return interview and answered', async () => {
    const sms = await startSmsHarness();
    try {
      const phone = '+447700900442';
      for (const body of ['hi', '2', 'yes']) await sms.text(phone, body);
      const { replies } = await sms.text(phone, 'i came back sunday. police came round n said someone would talk to me?');
      expect(replies.join('\n')).toMatch(/A return interview is/);
      expect(replies.join('\n')).not.toMatch(/only answer a few questions/);
    } finally {
      await sms.close();
    }
  });

  it('by text too', async () => {
    const sms = await startSmsHarness();
    try {
      const phone = '+447700900443';
      const replies: string[] = [];
      for (const body of ['hi', '2', 'yes', 'back']) replies.push(...(await sms.text(phone, body)).replies);
      expect(replies.join('\n')).toMatch(/Early Help/);
    } finally {
      await sms.close();
    }
  });
});

describe('by text', () => {
  it('by text, "will the police take me back home" is answered: safe and well, and children\'s services check what is safe', async () => {
    const sms = await startSmsHarness();
    try {
      const phone = '+447700900452';
      for (const body of ['hi', '2', 'yes']) await sms.text(phone, body);
      const { replies } = await sms.text(phone, 'will the police take me back home');
      const text = replies.join('\n');
      expect(text).toContain('safe and well');
      expect(text).toContain('116 000');
      expect(text).not.toContain("didn't catch");
    } finally {
      await sms.close();
    }
  });

  it('"this number", chosen as the way to be reached, is stored with the booking; every text fits in 3 segments', async () => {
    const sms = await startSmsHarness();
    try {
      const phone = '+447700900444';
      const texts: string[] = [];
      for (const answer of ['hi', '2', '1', '2', '2', 'last night', '1', '3', '1', '1', '1'])
        texts.push(...(await sms.text(phone, answer)).replies);
      const reference = referenceIn(texts.join('\n'));
      expect(reference).toMatch(/^B/);
      const [row] = await sms.app.db.query<{ contact: unknown }>('select contact from booking where reference = $1', [reference]);
      expect(row?.contact).toEqual({ how: 'text', phone });
      const { countSegments } = await import('../channels/sms/segments');
      for (const text of texts) expect(countSegments(text).segments).toBeLessThanOrEqual(3);
      // The team is told, without a name or number, once the turn is over.
      const toTeam = () => sms.sent.filter((text) => text.to === '+447700900103');
      await waitFor(() => toTeam().length > 0);
      const team = toTeam();
      expect(team).toHaveLength(1);
      expect(team[0]?.body).toContain(reference);
      expect(team[0]?.body).not.toContain(phone);
    } finally {
      await sms.close();
    }
  });
});

describe("an overdose in a young person's words", () => {
  it('"i swallowed like 20 paracetamol an hour ago" gets 999 and an ambulance, not only the caring question', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['2', 'i swallowed like 20 paracetamol an hour ago']);
    const turn = turns[turns.length - 1];
    expect(allText(turn ?? [])).toContain('999');
    expect(allText(turn ?? [])).toMatch(/ambulance/i);
    expect(await auditOf(conversation)).toContain('advised-999:G-DANGER-YP-MEDICAL');
  });
});

describe('a window that ends tonight, with no time left to meet in it', () => {
  it('by text, times after it are offered (marked late for the team), and a mobile typed at "how should they reach you?" is the number', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T17:00:00Z' });
    try {
      const phone = '+447700900455';
      const texts: string[] = [];
      for (const answer of ['hi', '2', '1', '2', '2', 'saturday night about 11', '1'])
        texts.push(...(await sms.text(phone, answer)).replies);
      const offered = (await sms.text(phone, '2')).replies.join('\n');
      expect(offered).toMatch(/1 \w{3} \d+ Nov \d\d:00/);
      texts.push(...(await sms.text(phone, '1')).replies);
      const summary = (await sms.text(phone, '07700 900457')).replies.join('\n');
      expect(summary).toContain('by text');
      texts.push(...(await sms.text(phone, '1')).replies);
      const reference = referenceIn(texts.join('\n'));
      const [row] = await sms.app.db.query<{ late: boolean; contact: { phone?: string } | null }>(
        'select late, contact from booking where reference = $1',
        [reference],
      );
      expect(row?.late).toBe(true);
      expect(row?.contact?.phone).toBe('+447700900457');
    } finally {
      await sms.close();
    }
  });
});

describe("someone using a young person, in the young person's words", () => {
  it('"i have to do some runs for him" gets the exploitation message: not their fault, 999, 116 000', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['2', 'he says i can stay as long as i want but i have to do some runs for him']);
    const text = allText(turns[turns.length - 1] ?? []);
    expect(text).toContain('not your fault');
    expect(text).toContain('999');
    expect(text).toContain('116 000');
    expect(await auditOf(conversation)).toContain('advised-999:G-DANGER-YP-EXPLOITATION');
  });

  it('by text, "hes been giving me stuff and now says i owe him" gets it too', async () => {
    const sms = await startSmsHarness();
    try {
      const phone = '+447700900456';
      for (const body of ['hi', '2']) await sms.text(phone, body);
      const { replies } = await sms.text(phone, 'hes been giving me stuff and now says i owe him');
      expect(replies.join('\n')).toContain('not your fault');
      expect(replies.join('\n')).toContain('999');
    } finally {
      await sms.close();
    }
  });
});

describe('who they would rather meet, in their own words (issue 20, item 11)', () => {
  it('by text, "can it be with a woman" at a booking question is said back, kept with the booking, and the team told', async () => {
    const sms = await startSmsHarness();
    try {
      const phone = '+447700900453';
      const texts: string[] = [];
      for (const answer of ['hi', '2', '1', '2', '2', 'last night', '1']) texts.push(...(await sms.text(phone, answer)).replies);
      const { replies } = await sms.text(phone, 'can it be with a woman');
      expect(replies.join('\n')).toContain('rather meet a woman');
      expect(replies.join('\n')).not.toContain("didn't catch");
      for (const answer of ['3', '1', '1', '1']) texts.push(...(await sms.text(phone, answer)).replies);
      const reference = referenceIn(texts.join('\n'));
      const [row] = await sms.app.db.query<{ worker_wish: string | null }>('select worker_wish from booking where reference = $1', [
        reference,
      ]);
      expect(row?.worker_wish).toBe('woman');
      const toTeam = () => sms.sent.filter((text) => text.to === '+447700900103').map((text) => text.body);
      await waitFor(() => toTeam().some((body) => body.includes(reference)));
      expect(toTeam().find((body) => body.includes(reference))).toContain('rather meet a woman');
    } finally {
      await sms.close();
    }
  });

  it('"i was with a man from snapchat" is no wish about who to meet', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['i came back home yesterday', 'yes', 'Someone new', 'yes']);
    const replies = await conversation.say('i was with a man from snapchat');
    expect(allText(replies)).not.toContain('rather meet');
  });
});

describe('a threat said while booking (issue 20, item 11)', () => {
  it('"he\'ll hurt me if I talk" gets the 999 message, the booking carries on and keeps its kind for the team; danger said after is added, and the team told', async () => {
    const sms = await startSmsHarness();
    try {
      const phone = '+447700900446';
      const texts: string[] = [];
      const say = async (answer: string) => {
        const { replies } = await sms.text(phone, answer);
        texts.push(...replies);
        return replies.join('\n');
      };
      for (const answer of ['hi', '2', '1', '2', '2', 'last night']) await say(answer);
      // At "Is that right?" about the time they got back: the threat, then the answer.
      expect(await say("he'll hurt me if I talk")).toContain('999');
      for (const answer of ['1', '3', '1', '1', '1']) await say(answer);
      const reference = referenceIn(texts.join('\n'));
      expect(reference).toMatch(/^B/);
      const safetyOf = async () =>
        (await sms.app.db.query<{ safety: unknown }>('select safety from booking where reference = $1', [reference]))[0]?.safety;
      expect(await safetyOf()).toEqual(['violenceAbuse']);
      const toTeam = () => sms.sent.filter((text) => text.to === '+447700900103').map((text) => text.body);
      await waitFor(() => toTeam().length > 0);
      expect(toTeam()[0]).toContain('violenceAbuse');
      expect(toTeam()[0]).not.toContain('hurt');

      expect(await say('i took a load of pills')).toContain('999');
      // Words that say two kinds of danger count for both ("a load of pills": danger now, and medical).
      expect(await safetyOf()).toEqual(['immediate', 'medical', 'violenceAbuse']);
      await waitFor(() => toTeam().length > 1);
      expect(toTeam()[1]).toContain(reference);
      expect(toTeam()[1]).toContain('medical');
      // The same kind said again tells the team nothing new.
      await say('he said hed kill me if i tell anyone');
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(toTeam()).toHaveLength(2);
    } finally {
      await sms.close();
    }
  });

  it('a kind of danger the trained reader guessed and the user answered "no" to is not carried to the booking', async () => {
    const conversation = harness.conversation();
    await walk(conversation, [...TO_WHEN, '1', 'No', 'Yes']);
    expect(allText(await conversation.say('i dont want to do it anymore'))).toContain('ending your life');
    await conversation.say('no');
    const [row] = await harness.app.db.query<{ safety: unknown }>('select safety from booking where conversation_hash = $1', [
      harness.app.hashId(conversation.id),
    ]);
    expect(row?.safety).toEqual([]);
  });
});

describe('by text, in their own words', () => {
  it('"cancel it" after booking by text asks first, then cancels the booking this phone made', async () => {
    const sms = await startSmsHarness();
    try {
      const phone = '+447700900446';
      const texts: string[] = [];
      for (const answer of ['hi', '2', '1', '2', '2', 'last night', '1', '3', '1', '1', '1'])
        texts.push(...(await sms.text(phone, answer)).replies);
      const reference = referenceIn(texts.join('\n'));
      const statusOf = async () =>
        (await sms.app.db.query<{ status: string }>('select status from booking where reference = $1', [reference]))[0]?.status;
      expect((await sms.text(phone, 'can u cancel it pls')).replies.join('\n')).toContain(reference);
      expect(await statusOf()).toBe('booked');
      await sms.text(phone, '1');
      expect(await statusOf()).toBe('cancelled');
    } finally {
      await sms.close();
    }
  });
});

describe('by text, a day they cannot do', () => {
  it('"i cant do wednesday anymore" after booking Wednesday offers other days', async () => {
    const sms = await startSmsHarness();
    try {
      const phone = '+447700900816';
      for (const answer of ['hi', '2', '1', '2', '2', 'last night', '1', '3', '1', '1', '1']) await sms.text(phone, answer);
      const { replies } = await sms.text(phone, 'i cant do wednesday anymore');
      const text = replies.join('\n');
      expect(text).toMatch(/When can you meet/);
      expect(text).not.toMatch(/Wed \d+ Nov/);
    } finally {
      await sms.close();
    }
  });
});

describe('by text, "yes cancel it"', () => {
  it('at the cancel question cancels the booking', async () => {
    const sms = await startSmsHarness();
    try {
      const phone = '+447700900822';
      for (const answer of ['hi', '2', '1', '2', '2', 'last night', '1', '3', '1', '1', '1']) await sms.text(phone, answer);
      await sms.text(phone, 'cancel my meeting pls');
      const { replies } = await sms.text(phone, 'yes cancel it');
      expect(replies.join('\n')).toMatch(/cancelled/);
    } finally {
      await sms.close();
    }
  });
});

describe('writing again after the chat ended', () => {
  it('a young person whose chat closed at night is welcomed back and asked first if they are safe, not "Who is writing?"', async () => {
    harness.clock.set('2026-11-25T01:30:00Z');
    const conversation = harness.conversation();
    await walk(conversation, ['A young person', 'yes', 'away now', 'no', 'yes']);
    const [again] = await walkFrom(conversation, ['hello?']);
    const text = allText(again ?? []);
    expect(text).toMatch(/are you safe right now/i);
    expect(text).not.toMatch(/Who is writing/);
  });
});

describe('when they got back, said already', () => {
  it('"im back, got home last nite" is read back to confirm, not asked again', async () => {
    harness.clock.set('2026-11-24T10:00:00Z');
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['2', 'Yes', 'im back, got home last nite', 'Someone new']);
    const text = allText(last(turns));
    expect(text).toMatch(/So you got back Monday 23 November/);
    expect(text).not.toMatch(/When did you get back/);
    expect(allText(await conversation.say('yes'))).toMatch(/Where would you like to meet/);
  });

  it('by text too', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T10:00:00Z' });
    try {
      const phone = '+447700900449';
      let replies: string[] = [];
      for (const answer of ['hi', '2', '1', 'im back now, got in about 11', '2']) replies = (await sms.text(phone, answer)).replies;
      expect(replies.join('\n')).toMatch(/So you got back Monday 23 November at 23:00/);
    } finally {
      await sms.close();
    }
  });
});

describe('a time to meet in their own words', () => {
  it('at 10:00, "4pm" is this afternoon, not yesterday\'s; "after school tomorrow" is offered only times after school', async () => {
    harness.clock.set('2026-11-24T10:00:00Z');
    const today = harness.conversation();
    const booking = await walk(today, [...TO_WHEN, '4pm', 'Text my mobile', 'skip', 'Yes']);
    const booked = referenceIn(allText(last(booking)));
    const [row] = await harness.app.db.query<{ slot_start: Date }>('select slot_start from booking where reference = $1', [booked]);
    expect(new Date(row?.slot_start ?? 0).toISOString()).toBe('2026-11-24T16:00:00.000Z');

    const tomorrow = harness.conversation();
    const turns = await walk(tomorrow, [...TO_WHEN, 'after school tomorrow']);
    const offered = optionTitles(last(turns));
    expect(offered.length).toBeGreaterThan(0);
    for (const title of offered) expect(title).toMatch(/^Wed 25 Nov (1[6-9]|2\d):00$/);

    // Typed as people type it: a date, and school misspelt.
    const misspelt = harness.conversation();
    const later = optionTitles(last(await walk(misspelt, [...TO_WHEN, 'the 26th after skool'])));
    expect(later.length).toBeGreaterThan(0);
    for (const title of later) expect(title).toMatch(/^Thu 26 Nov (1[6-9]|2\d):00$/);
  });

  it.each([
    ['thursday after school about 4', '2026-11-26T16:00:00.000Z'],
    ['not wednesday, thursday at 5', '2026-11-26T17:00:00.000Z'],
    ['cant do wednesday. thursday at 4 pls', '2026-11-26T16:00:00.000Z'],
    // A day of the month said alone is the next date with that day.
    ['wed 25th 6pm', '2026-11-25T18:00:00.000Z'],
    ['the 26th at 3pm', '2026-11-26T15:00:00.000Z'],
    ['thurs 26th at 6', '2026-11-26T18:00:00.000Z'],
  ])('"%s" books the day named, at the time said', async (said, slot) => {
    harness.clock.set('2026-11-24T10:00:00Z');
    const conversation = harness.conversation();
    const booking = await walk(conversation, [...TO_WHEN, said, 'Text my mobile', 'skip', 'Yes']);
    const booked = referenceIn(allText(last(booking)));
    const [row] = await harness.app.db.query<{ slot_start: Date }>('select slot_start from booking where reference = $1', [booked]);
    expect(new Date(row?.slot_start ?? 0).toISOString()).toBe(slot);
  });

  it('"sorry i meant wednesday at 11" at the summary changes only the time: the place and the way to reach them stand', async () => {
    harness.clock.set('2026-11-24T10:00:00Z');
    const conversation = harness.conversation();
    await walk(conversation, [...TO_WHEN, 'thursday at 11', 'Text my mobile', '07700 900126']);
    const changed = allText(await conversation.say('sorry i meant wednesday at 11'));
    expect(changed).toContain('Library, Wednesday 25 November at 11:00');
    expect(changed).not.toMatch(DIDNT_CATCH_WORDS);
    const booked = referenceIn(allText(await conversation.say('Yes')));
    const [row] = await harness.app.db.query<{ slot_start: Date; place: string }>(
      'select slot_start, place from booking where reference = $1',
      [booked],
    );
    expect(new Date(row?.slot_start ?? 0).toISOString()).toBe('2026-11-25T11:00:00.000Z');
    expect(row?.place).toBe('library');
  });

  it('a time said back to "so you got back ... is that right?" is the time meant, confirmed next', async () => {
    harness.clock.set('2026-11-24T10:00:00Z');
    const conversation = harness.conversation();
    await walk(conversation, [...TO_OFFER, 'Someone new', 'thursday at 4']);
    const corrected = allText(await conversation.say('no, it was last night about 11'));
    expect(corrected).toMatch(/Monday 23 November at 23:00/);
    expect(corrected).not.toMatch(DIDNT_CATCH_WORDS);
  });

  it('by text: "can we do the 25th at 5 instead" at the summary books the 25th at 17:00', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T10:00:00Z' });
    try {
      const phone = '+447700900451';
      for (const answer of ['hi', '2', '1', '2', '2', 'last night', '1', '3', 'thursday at 4', '1']) await sms.text(phone, answer);
      const { replies: changed } = await sms.text(phone, 'can we do the 25th at 5 instead');
      expect(changed.join('\n')).toContain('Wednesday 25 November at 17:00');
      const { replies } = await sms.text(phone, '1');
      const booked = /number for it is (B[0-9A-Z]+)/.exec(replies.join('\n'))?.[1] ?? '';
      const [row] = await sms.app.db.query<{ slot_start: Date }>('select slot_start from booking where reference = $1', [booked]);
      expect(new Date(row?.slot_start ?? 0).toISOString()).toBe('2026-11-25T17:00:00.000Z');
    } finally {
      await sms.close();
    }
  });

  it('by text: "the 25th at 6pm" books Wednesday 25th at 18:00', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T10:00:00Z' });
    try {
      const phone = '+447700900448';
      let replies: string[] = [];
      for (const answer of ['hi', '2', '1', '2', '2', 'last night', '1', '3', 'the 25th at 6pm', '1', '1'])
        replies = (await sms.text(phone, answer)).replies;
      const booked = /number for it is (B[0-9A-Z]+)/.exec(replies.join('\n'))?.[1] ?? '';
      const [row] = await sms.app.db.query<{ slot_start: Date }>('select slot_start from booking where reference = $1', [booked]);
      expect(new Date(row?.slot_start ?? 0).toISOString()).toBe('2026-11-25T18:00:00.000Z');
    } finally {
      await sms.close();
    }
  });

  it('"the library on thursday about 2" at "where?" gives the time too: it is not asked again', async () => {
    harness.clock.set('2026-11-24T10:00:00Z');
    const conversation = harness.conversation();
    const turns = await walk(conversation, [...TO_OFFER, 'Someone new', 'last night', 'Yes', 'the library on thursday about 2']);
    expect(allText(last(turns))).not.toMatch(/When can you meet/);
    const booking = await walk(conversation, ['Text my mobile', 'skip', 'Yes']);
    const booked = referenceIn(allText(last(booking)));
    const [row] = await harness.app.db.query<{ slot_start: Date; place: string }>(
      'select slot_start, place from booking where reference = $1',
      [booked],
    );
    expect(new Date(row?.slot_start ?? 0).toISOString()).toBe('2026-11-26T14:00:00.000Z');
    expect(row?.place).toBe('library');
  });

  it.each(['keep it thursday', 'cant make wednesday anymore'])('"%s" is about a day, not a life: no crisis question', async (said) => {
    harness.clock.set('2026-11-24T10:00:00Z');
    const conversation = harness.conversation();
    const turns = await walk(conversation, [...TO_WHEN, said]);
    expect(allText(last(turns))).not.toMatch(/ending your life/);
    expect(await auditOf(conversation)).toEqual([]);
  });

  it('by text: "after school" reads as this afternoon', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T10:00:00Z' });
    try {
      const phone = '+447700900447';
      let replies: string[] = [];
      for (const answer of ['hi', '2', '1', '2', '2', 'last night', '1', '3', 'after school'])
        replies = (await sms.text(phone, answer)).replies;
      const text = replies.join('\n');
      expect(text).toContain('16:00');
      expect(text).not.toMatch(/Tue 24 Nov (0\d|1[0-5]):00/);
    } finally {
      await sms.close();
    }
  });
});

describe('the reminder job', () => {
  it('with two schedulers on one database, a due reminder is sent once, and cancelling stops it', async () => {
    const sms = await startSmsHarness();
    try {
      const phone = '+447700900445';
      for (const answer of ['hi', '2', '1', '2', '2', 'last night', '1', '3', '1', '1', '1']) await sms.text(phone, answer);
      const [booking] = await sms.app.db.query<{ reference: string; slot_start: string }>(
        'select reference, slot_start from booking order by created_at desc limit 1',
      );
      const second = createScheduler({
        db: sms.app.db,
        clock: sms.clock,
        deliverer: { deliver: async () => 'sent' },
        localiser: sms.app.services.localiser,
        audit: sms.app.audit,
        hashId: sms.app.hashId,
        logger: createLogger('silent'),
        timeZone: 'Europe/London',
      });
      sms.clock.set(new Date(new Date(booking?.slot_start ?? '').getTime() - 2 * 3600 * 1000 + 1000));
      const sentBefore = sms.sent.filter((text) => text.to === phone).length;
      const [mine, theirs] = await Promise.all([sms.app.scheduler.tick(), second.tick()]);
      expect(mine + theirs).toBe(1);
      expect([await sms.app.scheduler.tick(), await second.tick()]).toEqual([0, 0]);
      const reminders = sms.sent.filter((text) => text.to === phone).slice(sentBefore);
      expect(reminders.length).toBe(mine);
      const audit = await sms.app.audit.forConversation(sms.app.sms.conversationIdFor(phone));
      expect(audit.filter((row) => row.kind === 'reminder-sent')).toHaveLength(1);
    } finally {
      await sms.close();
    }
  });

  it('a reminder not yet due is not sent; a cancelled booking sends none', async () => {
    const conversation = harness.conversation();
    await walk(conversation, [...TO_WHEN, 'Wed 25 Nov 13:00', 'Text my mobile', '07700 900124', 'Yes']);
    expect(await harness.app.scheduler.tick()).toBe(0);
    const [booking] = await harness.app.db.query<{ reference: string }>('select reference from booking where conversation_hash = $1', [
      harness.app.hashId(conversation.id),
    ]);
    await conversation.say(`cancel ${booking?.reference}`);
    harness.clock.set('2026-11-25T12:00:00Z');
    expect(await harness.app.scheduler.pending(booking?.reference ?? '')).toEqual([]);
    await harness.app.scheduler.tick();
    const rows = await harness.app.db.query<{ status: string; address: unknown }>(
      'select status, address from reminder where subject = $1',
      [booking?.reference],
    );
    expect(rows).toEqual([{ status: 'cancelled', address: null }]);
  });
});

describe('the scheduler in a running bot', () => {
  it('sends a due reminder by itself, without anyone ticking it', async () => {
    const running = await startHarness({ startScheduler: true, env: { SCHEDULER_INTERVAL_MS: '1000' } });
    try {
      await running.app.scheduler.schedule({
        conversationId: 'conversation-with-a-reminder',
        subject: 'B-TEST',
        channel: 'test',
        address: { channel: 'sms', phone: '+447700900321' },
        locale: 'en-GB',
        messageKey: 'youngPerson.booking.reminder',
        variables: { place: 'Library', when: 'Wednesday 25 November at 10:00', reference: 'B-TEST' },
        ruleId: 'Y-BOOKING-REMINDER',
        dueAt: running.clock.now(),
      });
      const statusOf = async () =>
        (await running.app.db.query<{ status: string }>("select status from reminder where subject = 'B-TEST'"))[0]?.status;
      const until = Date.now() + 5000;
      while ((await statusOf()) !== 'sent' && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await statusOf()).toBe('sent');
    } finally {
      await running.close();
    }
  });
});

describe('GET /api/bookings (staff)', () => {
  const get = (path: string, token?: string) =>
    fetch(`${harness.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('no token or a wrong one: 401', async () => {
    expect((await get('/api/bookings')).status).toBe(401);
    expect((await get('/api/bookings', 'wrong-token-wrong-token-wrong')).status).toBe(401);
    expect((await get('/api/bookings', 'x')).status).toBe(401);
  });

  it('guessing is slowed: past 30 requests a quarter of an hour from one address, even the right token waits (429, Retry-After)', async () => {
    const own = await startHarness({ env: { STAFF_API_TOKEN: STAFF_TOKEN } });
    try {
      const from = (token: string) => fetch(`${own.url}/api/bookings`, { headers: { authorization: `Bearer ${token}` } });
      for (let tries = 0; tries < 30; tries += 1) expect((await from(`guess-${tries}`)).status).toBe(401);
      const refused = await from(STAFF_TOKEN);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      own.clock.advance(15 * 60 * 1000);
      expect((await from(STAFF_TOKEN)).status).toBe(200);
    } finally {
      await own.close();
    }
  });

  it('the right token lists upcoming bookings with time, place, status, whether inside 72 hours, and how to reach them', async () => {
    const conversation = harness.conversation();
    await walk(conversation, [...TO_WHEN, 'Thu 26 Nov 13:00', 'Text my mobile', '07700 900125', 'Yes']);
    const response = await get('/api/bookings', STAFF_TOKEN);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { bookings: Array<Record<string, unknown>> };
    const mine = body.bookings.find((booking) => booking.slotStart === '2026-11-26T13:00:00.000Z');
    expect(mine).toMatchObject({
      place: 'library',
      status: 'booked',
      insideWindow: true,
      reminderByText: true,
      reach: 'text',
      reachDetail: '+447700900125',
      askedBy: 'youngPerson',
    });
  });

  it('?format=csv parses, with a header row', async () => {
    const response = await get('/api/bookings?format=csv', STAFF_TOKEN);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const rows = parse<Record<string, string>>(await response.text(), { columns: true });
    expect(rows.length).toBeGreaterThan(0);
    expect(Object.keys(rows[0] ?? {})).toEqual([
      'reference',
      'slotStart',
      'place',
      'withWhom',
      'status',
      'insideWindow',
      'late',
      'reminderByText',
      'reach',
      'reachDetail',
      'askedBy',
      'ageBand',
      'safety',
      'workerWish',
    ]);
  });

  it('is off when STAFF_API_TOKEN is not set', async () => {
    const plain = await startHarness();
    try {
      expect((await fetch(`${plain.url}/api/bookings`)).status).toBe(404);
    } finally {
      await plain.close();
    }
  });
});

describe('talk of ending their life in the very first message', () => {
  const FIRST = 'i want to kill myself i ran away';

  it('is asked straight, with no "Is that right?" in the same breath; what was understood is asked after their answer', async () => {
    const conversation = harness.conversation();
    const first = await conversation.say(FIRST);
    expect(allText(first)).toMatch(/ending your life/);
    expect(allText(first)).not.toMatch(/Is that right/);
    expect(optionTitles(first)).toEqual([]);
    const answered = await conversation.say('no');
    expect(allText(answered)).toMatch(/young person.*Is that right\?/s);
    expect(optionTitles(answered)).toEqual(['Yes', 'No']);
  });

  it('by text too', async () => {
    const sms = await startSmsHarness();
    try {
      const phone = '+447700901004';
      const first = (await sms.text(phone, FIRST)).replies.join('\n');
      expect(first).toMatch(/ending your life/);
      expect(first).not.toMatch(/Is that right|Reply with a number/);
      const answered = (await sms.text(phone, 'no')).replies.join('\n');
      expect(answered).toMatch(/young person.*Is that right\?/s);
    } finally {
      await sms.close();
    }
  });
});

describe('their own question about running away, once back', () => {
  it('"will i get in trouble with police for running away" is answered, and they are still back', async () => {
    const conversation = harness.conversation();
    await walkFrom(conversation, ['young person', 'yes', 'back'], { join: true });
    const replies = await conversation.say('will i get in trouble with police for running away');
    expect(allText(replies)).toMatch(/not a crime/);
    expect(allText(replies)).not.toMatch(/still away/);
    expect(optionTitles(replies)).toContain('Someone new');
  });

  it('by text too', async () => {
    const sms = await startSmsHarness();
    try {
      const phone = '+447700901014';
      for (const text of ['hi', 'young person', 'yes', 'back']) await sms.text(phone, text);
      const { replies } = await sms.text(phone, 'will i get in trouble with police for running away');
      expect(replies.join('\n')).toMatch(/not a crime/);
      expect(replies.join('\n')).not.toMatch(/still away/);
    } finally {
      await sms.close();
    }
  });
});

describe('after the straight question in a first message, the guess not yet asked', () => {
  const FIRST = 'hiya i think i want to end it all, i ran off last nite';

  it('"idk", then "no not tonight": the "no" answers no question it has not seen; the guess is asked', async () => {
    const conversation = harness.conversation();
    await conversation.say(FIRST);
    await conversation.say('idk');
    const replies = await conversation.say('no not tonight');
    expect(allText(replies)).toMatch(/young person.*Is that right\?/s);
    expect(allText(replies)).not.toMatch(/Who is writing/);
  });

  it('by text too', async () => {
    const sms = await startSmsHarness();
    try {
      const phone = '+447700901016';
      await sms.text(phone, FIRST);
      await sms.text(phone, 'idk');
      const { replies } = await sms.text(phone, 'no not tonight');
      expect(replies.join('\n')).toMatch(/young person.*Is that right\?/s);
      expect(replies.join('\n')).not.toMatch(/Who is writing/);
    } finally {
      await sms.close();
    }
  });
});

describe('a twentieth fresh walk: worrying words at "Are you safe right now?"', () => {
  const WORRY = 'i dont remember much of last night';
  const timesAsked = (text: string) => text.split('Are you safe right now?').length - 1;

  it('gets the care and the lines, and that question once', async () => {
    const conversation = harness.conversation();
    const reply = lastTurn(await walk(conversation, ['young person', WORRY]));
    expect(allText(reply)).toMatch(/Childline/);
    expect(timesAsked(allText(reply))).toBe(1);
    expect(await auditOf(conversation)).toContain('advised-999:G-CONCERN-YP-SAFETY-ASKED');
  });

  it('by text too', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
    try {
      const phone = '+447700901018';
      for (const text of ['hi', 'young person']) await sms.text(phone, text);
      const { replies } = await sms.text(phone, WORRY);
      expect(replies.join('\n')).toMatch(/Childline/);
      expect(timesAsked(replies.join('\n'))).toBe(1);
    } finally {
      await sms.close();
    }
  });
});

describe('a twentieth fresh walk: a place where a life could be ended, after talk of ending it', () => {
  const WALK = ['young person', 'whats the point anymore. nobody would even notice if i was gone', 'maybe. i dont know'];
  const AT_STATION = 'im just sat at the train station';

  it('is "call 999 now", not the next question', async () => {
    const conversation = harness.conversation();
    await walk(conversation, WALK);
    const reply = allText(await conversation.say(AT_STATION));
    expect(reply).toMatch(/call 999 now/i);
    expect(reply).not.toMatch(/safe for you to go home/);
    expect(await auditOf(conversation)).toContain('advised-999:G-DANGER-YP-SUICIDE-AGAIN');
  });

  it('a station said without that talk is only where they are', async () => {
    const conversation = harness.conversation();
    const reply = allText(lastTurn(await walk(conversation, ['young person', 'im at the train station waiting for my mum'])));
    expect(reply).not.toMatch(/call 999 now/i);
  });

  it('by text too', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
    try {
      const phone = '+447700901020';
      for (const text of ['hi', ...WALK]) await sms.text(phone, text);
      const { replies } = await sms.text(phone, AT_STATION);
      expect(replies.join('\n')).toMatch(/call 999 now/i);
    } finally {
      await sms.close();
    }
  });
});

describe('a twenty-first fresh walk: a child of 11 or 12, out alone', () => {
  const IN_THE_PARK = 'im 11 and i ran off after my mum shouted. im sat in the park by myself its really dark';

  it('is "call 999 now" at once, and is not asked again whether they are safe', async () => {
    const conversation = harness.conversation();
    const reply = allText(lastTurn(await walk(conversation, ['young person', IN_THE_PARK])));
    expect(reply).toMatch(/call 999 now/i);
    expect(reply).not.toMatch(/safe right now/);
    expect(await auditOf(conversation)).toContain('advised-999:Y-YOUNG-AWAY');
  });

  it('said later, at another question, the age and the place still make it 999', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['young person', 'i ran away', 'im ok']);
    const reply = allText(await conversation.say('im 12 and im outside on my own at the bus stop, its late'));
    expect(reply).toMatch(/call 999 now/i);
    expect(await auditOf(conversation)).toContain('advised-999:Y-YOUNG-AWAY');
  });

  it('an older young person away from home is asked, not told', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['young person', 'im 15 and i ran off after my mum shouted. im sat in the park by myself']);
    expect(await auditOf(conversation)).not.toContain('advised-999:Y-YOUNG-AWAY');
  });

  it('by text too', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
    try {
      const phone = '+447700901022';
      for (const text of ['hi', 'young person']) await sms.text(phone, text);
      const { replies } = await sms.text(phone, IN_THE_PARK);
      expect(replies.join('\n')).toMatch(/call 999 now/i);
      expect(replies.join('\n')).not.toMatch(/safe right now/);
    } finally {
      await sms.close();
    }
  });
});

describe('a twenty-first fresh walk: hurt at home, now somewhere else, at "Are you safe right now?"', () => {
  const LEFT = 'my mums boyfriend hit me so i left. im at my friends house her mum said i can stay';

  it('is heard, and asked, not told to get to a shop or a station', async () => {
    const conversation = harness.conversation();
    const reply = allText(lastTurn(await walk(conversation, ['young person', LEFT])));
    expect(reply).toMatch(/not your fault/);
    expect(reply).not.toMatch(/shop or a station/);
    expect(reply).toMatch(/safe right now/);
    expect(await auditOf(conversation)).not.toContain('advised-999:Y-NOT-SAFE-NOW');
  });

  it('by text too', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
    try {
      const phone = '+447700901023';
      for (const text of ['hi', 'young person']) await sms.text(phone, text);
      const { replies } = await sms.text(phone, LEFT);
      expect(replies.join('\n')).not.toMatch(/shop or a station/);
      expect(replies.join('\n')).toMatch(/safe right now/);
    } finally {
      await sms.close();
    }
  });
});

describe('a twenty-first fresh walk: "u there" after a silence, at the straight question', () => {
  const WALK = ['young person', 'i want to end it all'];

  it('is not taken as a yes: the bot is still here, and asks again', async () => {
    const conversation = harness.conversation();
    await walk(conversation, WALK);
    harness.clock.advance(20 * 60_000);
    const reply = allText(await conversation.say('u there'));
    expect(reply).toMatch(/still here/);
    expect(reply).toMatch(/ending your life\?/);
    expect(await auditOf(conversation)).not.toContain('advised-999:Y-THINKING-OF-SUICIDE');
  });

  it('by text too', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
    try {
      const phone = '+447700901027';
      for (const text of ['hi', ...WALK]) await sms.text(phone, text);
      sms.clock.advance(20 * 60_000);
      const { replies } = await sms.text(phone, 'u there');
      expect(replies.join('\n')).toMatch(/ending your life\?/);
      expect(replies.join('\n')).not.toMatch(/Thank you for telling me/);
    } finally {
      await sms.close();
    }
  });
});

describe('a twenty-first fresh walk: "2" at "Shall I send this to the team?", by text', () => {
  it('is No, not the second time offered', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
    try {
      const phone = '+447700901030';
      for (const text of ['hi', 'young person', 'yes', "I'm back", 'Someone new', 'last night', 'yes', 'Library', '1', '1'])
        await sms.text(phone, text);
      const { replies } = await sms.text(phone, '2');
      expect(replies.join('\n')).not.toMatch(/17:00/);
      expect(replies.join('\n')).toMatch(/change it/);
    } finally {
      await sms.close();
    }
  });
});

describe('a twenty-first fresh walk, second round: what a young person away tells in passing', () => {
  it('a man offering somewhere to stay is danger: not to go with him, and 999', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['young person', 'not sure', 'i left my dads house after a fight. im at the bus station in maidstone']);
    const reply = allText(await conversation.say('a man just asked if i need somewhere to stay he seems nice'));
    expect(reply).toMatch(/don't go with them/);
    expect(reply).toMatch(/999/);
  });

  it('a 12-year-old walking round town alone at night is told 999 now', async () => {
    const conversation = harness.conversation();
    const reply = allText(
      lastTurn(await walk(conversation, ['young person', 'im 12 and i ran away tonight im walking around town on my own'])),
    );
    expect(reply).toMatch(/call 999 now/i);
    expect(await auditOf(conversation)).toContain('advised-999:Y-YOUNG-AWAY');
  });

  it('a "havent" deep in what they tell, at "are you safe right now?", is not "call 999 now"', async () => {
    const conversation = harness.conversation();
    const reply = allText(
      lastTurn(
        await walk(conversation, [
          'young person',
          'i got back home on sunday. i was at my boyfriends. i think im pregnant and i havent told anyone',
        ]),
      ),
    );
    expect(reply).not.toMatch(/call 999 now/i);
    expect(reply).not.toMatch(/you're away from home/);
    expect(await auditOf(conversation)).not.toContain('advised-999:Y-NOT-SAFE-NOW');
  });

  it('"im in a childrens home ... ive gone back to croydon", as a first message, is a young person, not a carer', async () => {
    const conversation = harness.conversation();
    const reply = allText(
      lastTurn(
        await walk(conversation, ['im in a childrens home in ramsgate but im from croydon, ive gone back to croydon to see my mum']),
      ),
    );
    expect(reply).toMatch(/are you safe right now/);
    expect(reply).not.toMatch(/the child/);
  });

  it('at a 23-year-old\'s flat: "call 999 now" once in that reply, and "be nice to his mates" heard as sexual harm', async () => {
    const conversation = harness.conversation();
    const first = allText(
      lastTurn(await walk(conversation, ['young person', 'im at my boyfriends flat hes 23 my mum doesnt know where i am'])),
    );
    expect(first.match(/999 now/gi)).toHaveLength(1);
    const reply = allText(await conversation.say('sometimes his mates come round and he wants me to be nice to them'));
    expect(reply).not.toMatch(/ending your life/);
    expect(await auditOf(conversation)).toContain('advised-999:G-DANGER-YP-SEXUAL');
  });

  it('"im planning to run away tonight" is not thanked as being away', async () => {
    const conversation = harness.conversation();
    const reply = allText(lastTurn(await walk(conversation, ['young person', 'im planning to run away tonight'])));
    expect(reply).not.toMatch(/you're away from home/);
  });

  it('"im his friend" at "Who is writing?" is a young person', async () => {
    const conversation = harness.conversation();
    const reply = allText(lastTurn(await walk(conversation, ['im his friend'])));
    expect(reply).not.toMatch(/didn.t catch/i);
  });

  it('"where can i sleep tonight" is answered with who can find somewhere tonight', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['young person', 'not sure', 'away']);
    const reply = allText(await conversation.say('where can i sleep tonight'));
    expect(reply).toMatch(/03000 419191/);
    expect(reply).not.toMatch(/only answer a few questions/);
  });

  it('"i dont have a phone im on my ipad" is how to get help without a call, not "didn\'t catch that"', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['young person', 'im 14 i ran away']);
    const reply = allText(await conversation.say('i dont have a phone im on my ipad on the park wifi'));
    expect(reply).toMatch(/116 000/);
    expect(reply).not.toMatch(/didn.t catch/i);
  });

  it('in crisis at "Who is writing?", after the straight question, they are not asked who they are again', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['i dont want to be here anymore. im on the bridge i ran away tonight', 'yes', 'ok']);
    expect(allText(last(turns))).not.toMatch(/Who is writing/);
    expect(allText(last(turns))).toMatch(/away from home now, or are you back/);
  });

  it('by text too', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
    try {
      const phone = '+447700901031';
      for (const text of ['hi', 'young person', 'not sure', 'i left my dads house after a fight. im at the bus station in maidstone'])
        await sms.text(phone, text);
      expect((await sms.text(phone, 'this guy offered me a place to crash tonight, should i go')).replies.join('\n')).toMatch(
        /don't go with them/,
      );
      const other = '+447700901032';
      for (const text of ['hi', 'young person']) await sms.text(other, text);
      expect((await sms.text(other, 'im 12 and i ran away tonight im walking around town on my own')).replies.join('\n')).toMatch(
        /call 999 now/i,
      );
    } finally {
      await sms.close();
    }
  });
});

describe('a twenty-first fresh walk, second round: no to a person after telling of harm at home', () => {
  const WALK = ['young person', 'my dad hits me so i ran away'];

  it('is an open door to go on, not "You can write here any time"', async () => {
    const conversation = harness.conversation();
    await walk(conversation, WALK);
    const reply = allText(await conversation.say('no'));
    expect(reply).not.toMatch(/write here any time/);
    expect(reply).toMatch(/still here with you/);
  });

  it('without harm told, the ordinary close', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['young person', 'i ran away', 'yes', 'yes']);
    expect(allText(await conversation.say('no'))).toMatch(/write here any time/);
  });

  it('by text too', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
    try {
      const phone = '+447700901035';
      for (const text of ['hi', ...WALK]) await sms.text(phone, text);
      expect((await sms.text(phone, 'no')).replies.join('\n')).toMatch(/still here with you/);
    } finally {
      await sms.close();
    }
  });
});

describe('a twenty-second fresh walk: "should i call 999 myself?", just after the 999 for a friend', () => {
  const FRIEND = 'my mate just messaged saying he wants to end it all and hes at the beach';
  const ASKED = 'should i call 999 myself then? im scared';

  it('is yes, call 999 now, for the friend: not "you are in danger" nor the straight question to the writer', async () => {
    const conversation = harness.conversation();
    await walk(conversation, [FRIEND, 'im his friend']);
    const reply = allText(await conversation.say(ASKED));
    expect(reply).toMatch(/^Yes: call 999 now/);
    expect(reply).not.toMatch(/ending your life\?/);
    expect(await auditOf(conversation)).toContain('advised-999:G-ASK-CALL-999-FOR-SOMEONE-ELSE');
  });

  it('asked with nobody else in danger, it is the usual answer', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['young person', 'should i call 999 if i get lost']);
    expect(await auditOf(conversation)).not.toContain('advised-999:G-ASK-CALL-999-FOR-SOMEONE-ELSE');
  });

  it('with danger of their own in the same words, that danger is still heard', async () => {
    const conversation = harness.conversation();
    await walk(conversation, [FRIEND, 'im his friend']);
    await conversation.say('should i call 999, his brother is here and hes got a knife');
    expect((await auditOf(conversation)).filter((entry) => entry.startsWith('advised-999:')).length).toBeGreaterThan(1);
    expect(await auditOf(conversation)).not.toContain('advised-999:G-ASK-CALL-999-FOR-SOMEONE-ELSE');
  });

  it('by text too, from a parent whose child is held', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
    try {
      const phone = '+447700901036';
      for (const text of ['hi', 'parent', 'my daughter just texted that a man has locked her in his flat']) await sms.text(phone, text);
      const { replies } = await sms.text(phone, 'should i ring 999 myself??');
      expect(replies.join('\n')).toMatch(/^Yes: call 999 now/);
    } finally {
      await sms.close();
    }
  });
});

describe('a twenty-second fresh walk: "dont tell anyone", just after "call 999 now" for tablets taken', () => {
  it('is the call again, not "What you tell me here is private" and the next question', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['A young person', 'im 16 i came home but i took a load of my mums tablets before i came back']);
    const turn = await conversation.say('dont tell anyone');
    expect(allText(turn)).toMatch(/call 999 now/);
    expect(allText(turn)).not.toMatch(/private/);
    expect(optionTitles(turn)).toEqual([]);
    expect(await auditOf(conversation)).toContain('advised-999:G-ASK-CONFIDENTIAL-AFTER-DANGER');
  });

  it('asked with no danger said, it is the answer about who will know', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['A young person', 'yeah', "I'm back", 'who will know what i say']);
    expect(allText(lastTurn(turns))).toMatch(/private/);
  });

  it('by text too', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:20:00Z' });
    try {
      const phone = '+447700901041';
      for (const text of ['hi', '2', '1', 'i took like 20 paracetamol an hour ago']) await sms.text(phone, text);
      const { replies } = await sms.text(phone, 'dont tell anyone pls i just want to sleep');
      expect(replies.join('\n')).toMatch(/call 999 now/);
      expect(replies.join('\n')).not.toMatch(/private/);
    } finally {
      await sms.close();
    }
  });
});

describe('a twenty-second fresh walk: "nvm forget it", just after "call 999 now" for letters written and things given away', () => {
  const WALK = ['i guess', 'im back home now but honestly whats the point', 'ive given my xbox to my brother and wrote everyone letters'];

  it('is answered with the help, as a goodbye after danger is, never "didn\'t catch that"', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['A young person', ...WALK]);
    const reply = allText(await conversation.say('nvm forget it'));
    expect(reply).toMatch(/call 999 now/);
    expect(reply).not.toMatch(/didn.t catch/);
    expect(await auditOf(conversation)).toContain('advised-999:G-STOP-AFTER-DANGER-YP');
  });

  it('with no danger told, "never mind" is not answered with 999', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['A young person', 'yeah']);
    expect(allText(await conversation.say('never mind'))).not.toMatch(/call 999 now/);
  });

  it('by text too', async () => {
    const sms = await startSmsHarness({ now: '2026-11-25T00:40:00Z' });
    try {
      const phone = '+447700901043';
      for (const text of ['hi', '2', ...WALK]) await sms.text(phone, text);
      const { replies } = await sms.text(phone, 'nvm forget it');
      expect(replies.join('\n')).toMatch(/call 999 now/);
      expect(replies.join('\n')).not.toMatch(/didn.t catch/);
    } finally {
      await sms.close();
    }
  });
});

describe('a twenty-second fresh walk: on a bridge, told "call 999 now", then "i just want it all to stop"', () => {
  const WALK = ['Yes', 'Away now', 'im on the bridge over the river in maidstone'];

  it('is "call 999 now" with the straight question, not a 999 with an "if"', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['A young person', ...WALK]);
    const reply = allText(await conversation.say('i just want it all to stop'));
    expect(reply).toMatch(/call 999 now/);
    expect(reply).toMatch(/ending your life\?/);
    expect(reply).not.toMatch(/If you might act on it/);
  });

  it('by text too', async () => {
    const sms = await startSmsHarness({ now: '2026-11-25T02:10:00Z' });
    try {
      const phone = '+447700901044';
      for (const text of ['hi', '2', ...WALK]) await sms.text(phone, text);
      const { replies } = await sms.text(phone, 'i just want it all to stop');
      expect(replies.join('\n')).toMatch(/call 999 now/);
      expect(replies.join('\n')).not.toMatch(/If you might act on it/);
    } finally {
      await sms.close();
    }
  });
});

describe('a twenty-second fresh walk: "who do i ring then", from a 13-year-old alone at a station at night', () => {
  const WALK = ['hi im at ashford station and the trains stopped', 'i ran away this afternoon im 13', 'i have like £2 and no charger'];

  it("is the young person's answer (999, Missing People free), not the parent's about searching first", async () => {
    const conversation = harness.conversation();
    await walk(conversation, WALK);
    const reply = allText(await conversation.say('who do i ring then'));
    expect(reply).toMatch(/999/);
    expect(reply).toMatch(/116 000/);
    expect(reply).not.toMatch(/looked and asked around/);
    expect(await auditOf(conversation)).toContain('advised-999:G-ASK-WHEN-TO-REPORT-YP');
  });

  it('by text too', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
    try {
      const phone = '+447700901045';
      for (const text of ['hi', '2', ...WALK]) await sms.text(phone, text);
      const { replies } = await sms.text(phone, 'who do i ring then');
      expect(replies.join('\n')).toMatch(/116 000/);
      expect(replies.join('\n')).not.toMatch(/looked and asked around/);
    } finally {
      await sms.close();
    }
  });
});

describe('a twenty-second fresh walk: "shud i ring 999 for her", after a reminder of the 999 for a friend', () => {
  it('is still yes, call 999 now, for the friend', async () => {
    const conversation = harness.conversation();
    await walk(conversation, [
      'my best mate sed shes gonna take all her pills tonite, shes at the park by the leisure centre',
      'im her freind',
    ]);
    const reply = allText(await conversation.say('shud i ring 999 for her or will she get in trouble'));
    expect(reply).toMatch(/^Yes: call 999 now/);
  });
});
