// A turn's replies, audit rows and state land together or not at all: a save that fails leaves
// no "999 advised" that was never said and no question for a step the conversation did not take,
// only the fail-safe; and a text committed but not sent (its instance stopped) is still sent,
// once, in order, by the conversation's next turn or by the sweep of any instance.
import { CARER_RISKS } from '../bot/content/vocabulary';
import type { Database } from '../bot/store/database';
import { beforeEachStatement, pgliteInMemory } from './support/databases';
import { activitiesAfter, openSession, postActivity, waitFor } from './support/directLine';
import { allText, auditTrail, optionTitles, startHarness, type Harness } from './support/harness';
import { startSmsHarness, type SmsHarness } from './support/sms';

const SAFE_NUMBERS = ['999', '101', '116 000'];
const isStateWrite = (sql: string) => /^\s*(insert into|update) bot_state\b/.test(sql);
const isOwedClaim = (sql: string) => sql.includes('update sms_outbound o set claimed_at');

/** A database that throws once at the next statement `matching`, as a server that goes away then. */
function failingOnce(real: Database): Database & { failNext(matching: (sql: string) => boolean): void } {
  let failing: ((sql: string) => boolean) | undefined;
  const database = beforeEachStatement(real, (sql) => {
    if (failing?.(sql)) {
      failing = undefined;
      throw new Error('connection terminated unexpectedly');
    }
  });
  return { ...database, failNext: (matching) => (failing = matching) };
}

describe('a save that fails', () => {
  let harness: Harness;
  let db: ReturnType<typeof failingOnce>;
  beforeAll(async () => {
    db = failingOnce(await pgliteInMemory());
    harness = await startHarness({ database: db });
  });
  afterAll(() => harness.close());

  it('on the Bot Framework endpoint: the fail-safe, no 999 audited, and the next turn answers the danger', async () => {
    const conversation = harness.conversation();
    await conversation.join();
    await conversation.say('1');
    db.failNext(isStateWrite);
    const failed = await conversation.say('my daughter texted that a man has locked her in his flat');
    for (const number of SAFE_NUMBERS) expect(allText(failed)).toContain(number);
    expect(optionTitles(failed)).toEqual([]);
    expect(await auditTrail(harness.app, conversation.id)).not.toContainEqual(expect.stringMatching(/^advised-999:/));

    const again = await conversation.say('my daughter texted that a man has locked her in his flat');
    expect(allText(again)).toContain('999');
    expect(await auditTrail(harness.app, conversation.id)).toContainEqual(expect.stringMatching(/^advised-999:/));
  });

  it("on the widget: the conversation shows only the fail-safe after the message, not the next step's question", async () => {
    const session = await openSession(harness.url);
    const { body: welcome } = await activitiesAfter(harness.url, session);
    db.failNext(isStateWrite);
    expect((await postActivity(harness.url, session, '1')).status).toBe(200);

    const { body: after } = await activitiesAfter(harness.url, session, welcome.watermark);
    const bot = after.activities.filter((activity) => activity.from.role === 'bot');
    for (const number of SAFE_NUMBERS) expect(bot.map((activity) => activity.text ?? '').join('\n')).toContain(number);
    expect(bot.flatMap((activity) => activity.suggestedActions?.actions ?? [])).toEqual([]);

    // The same answer again is read against the same question, which now moves on.
    expect((await postActivity(harness.url, session, '1')).status).toBe(200);
    const { body: next } = await activitiesAfter(harness.url, session, after.watermark);
    expect(next.activities.flatMap((activity) => activity.suggestedActions?.actions ?? []).length).toBeGreaterThan(0);
  });
});

describe('an activity its channel sends again (the same id)', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness.close());

  it('gets the replies of its first turn again, and the conversation does not move on twice', async () => {
    const conversation = harness.conversation();
    await conversation.join();
    const first = await conversation.post({ type: 'message', text: '1', id: 'activity-1' });
    const retried = await conversation.post({ type: 'message', text: '1', id: 'activity-1' });
    expect(optionTitles(retried)).toEqual(optionTitles(first));
    expect(allText(retried)).toEqual(allText(first));

    // The next answer is read against the question those replies asked.
    const next = await conversation.post({ type: 'message', text: '1', id: 'activity-2' });
    expect(optionTitles(next)).not.toEqual(optionTitles(first));
  });

  it('"delete my data" removes what is kept for a retry', async () => {
    const conversation = harness.conversation();
    await conversation.join();
    await conversation.post({ type: 'message', text: '1', id: 'activity-3' });
    await conversation.say('delete my data');
    const kept = await harness.app.db.query('select 1 from activity_replay where conversation_hash = $1', [
      harness.app.hashId(conversation.id),
    ]);
    expect(kept).toEqual([]);
  });
});

describe('a text committed and not sent', () => {
  let sms: SmsHarness;
  let db: ReturnType<typeof failingOnce>;
  beforeAll(async () => {
    db = failingOnce(await pgliteInMemory());
    sms = await startSmsHarness({ database: db });
  });
  afterAll(() => sms.close());

  const owed = async () =>
    Number((await sms.app.db.query<{ n: string }>('select count(*)::text as n from sms_outbound where done_at is null'))[0]?.n);

  it('is sent by the sweep a minute on, once, and its number and words are cleared', async () => {
    const phone = '+447700900320';
    await sms.text(phone, 'hi');
    // The turn commits its reply, then its instance cannot send it.
    db.failNext(isOwedClaim);
    const failed = await sms.text(phone, '1');
    expect(failed.replies.join('\n')).not.toMatch(/Reply with a number/);
    expect(await owed()).toBe(1);

    expect(await sms.app.sms.sweep()).toBe(0);
    sms.clock.advance(61_000);
    const before = sms.sent.length;
    expect(await sms.app.sms.sweep()).toBe(1);
    const swept = sms.sent.slice(before).filter((text) => text.to === phone);
    expect(swept).toHaveLength(1);
    expect(swept[0]?.body).toMatch(/Reply with a number/);
    expect(await sms.app.sms.sweep()).toBe(0);

    const kept = await sms.app.db.query('select 1 from sms_outbound where to_number is not null or body is not null');
    expect(kept).toEqual([]);
  });

  it("goes before the next turn's reply, in order, when the person texts again first", async () => {
    const phone = '+447700900321';
    await sms.text(phone, 'hi');
    db.failNext(isOwedClaim);
    await sms.text(phone, '1');
    const next = await sms.text(phone, 'no');
    expect(next.replies).toHaveLength(2);
    expect(next.replies[0]).toMatch(/Reply with a number/);
    expect(await owed()).toBe(0);
  });

  it('older than an hour, it is not sent: the conversation has moved on', async () => {
    const phone = '+447700900322';
    await sms.text(phone, 'hi');
    db.failNext(isOwedClaim);
    await sms.text(phone, '1');
    sms.clock.advance(61 * 60_000);
    const before = sms.sent.length;
    await sms.app.sms.sweep();
    expect(sms.sent.slice(before).filter((text) => text.to === phone)).toEqual([]);
    expect(await owed()).toBe(0);
  });
});

describe('a booking whose turn cannot be saved', () => {
  const TO_CONFIRM = ['2', 'Yes', "I'm back", 'Someone new', 'last night', 'Yes', 'Library', '3', 'Text my mobile', '07700 900127'];
  const TEAM_PHONE = '+447700900103';
  let sms: SmsHarness;
  let db: ReturnType<typeof failingOnce>;
  beforeAll(async () => {
    db = failingOnce(await pgliteInMemory());
    sms = await startSmsHarness({ now: '2026-11-24T11:00:00Z', database: db });
  });
  afterAll(() => sms.close());

  const pendingReminders = () => sms.app.db.query(`select rule_id from reminder where status = 'pending'`);
  const textsToTeam = () => sms.sent.filter((text) => text.to === TEAM_PHONE);

  it('stands for nobody: the fail-safe, no booking for staff, no reminder, no text to the team; "Yes" again books it', async () => {
    const conversation = sms.conversation();
    await conversation.join();
    for (const answer of TO_CONFIRM) await conversation.say(answer);
    db.failNext(isStateWrite);
    const failed = await conversation.say('Yes');
    for (const number of SAFE_NUMBERS) expect(allText(failed)).toContain(number);
    expect(await sms.app.services.bookings.upcoming()).toEqual([]);
    expect(await pendingReminders()).toEqual([]);
    expect(textsToTeam()).toEqual([]);

    const again = await conversation.say('Yes');
    await waitFor(() => textsToTeam().length > 0);
    const booked = await sms.app.services.bookings.upcoming();
    expect(booked).toHaveLength(1);
    expect(allText(again)).toContain(booked[0]?.reference);
    expect(await pendingReminders()).toEqual([{ rule_id: 'Y-BOOKING-REMINDER' }]);
    expect(textsToTeam()).toHaveLength(1);
    expect(textsToTeam()[0]?.body).toContain(booked[0]?.reference);
    // The seat the failed turn took is not held against anyone.
    expect(await sms.app.db.query('select reference from booking where not confirmed')).toEqual([]);
  });

  it("another conversation's seat held by a failed turn is released a few minutes on", async () => {
    const conversation = sms.conversation();
    await conversation.join();
    for (const answer of TO_CONFIRM) await conversation.say(answer);
    db.failNext(isStateWrite);
    await conversation.say('Yes');
    expect(await sms.app.db.query('select reference from booking where not confirmed')).toHaveLength(1);
    sms.clock.advance(11 * 60_000);
    expect(await sms.app.services.bookings.releaseHeldSeats()).toBe(1);
  });
});

describe("a carer's reminders whose turn cannot be saved", () => {
  const ABSENT = ['3', 'No', 'I know where they are', 'idk', ...CARER_RISKS.map(() => 'No')];
  let harness: Harness;
  let db: ReturnType<typeof failingOnce>;
  beforeAll(async () => {
    db = failingOnce(await pgliteInMemory());
    harness = await startHarness({ now: '2026-11-24T02:00:00Z', env: { AREA: 'thames-valley' }, database: db });
  });
  afterAll(() => harness.close());

  it('are not set: the reply that would have said them was never given; asked again, they are set once', async () => {
    const conversation = harness.conversation();
    await conversation.join();
    for (const answer of ABSENT) await conversation.say(answer);
    db.failNext(isStateWrite);
    const failed = await conversation.say('Yes');
    for (const number of SAFE_NUMBERS) expect(allText(failed)).toContain(number);
    expect(await harness.app.scheduler.pending(`carer:${conversation.id}`)).toEqual([]);

    await conversation.say('Yes');
    expect(await harness.app.scheduler.pending(`carer:${conversation.id}`)).toHaveLength(6);
  });
});
