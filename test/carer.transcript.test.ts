// The carer's journey, with the clock at 02:00 and at 14:00 on Tuesday 24 November 2026:
// absent or missing, enquiries, 101, who to notify for the time of day, and reminders that
// arrive by themselves in the chat or by text.
import { allText, lastTurn, optionTitles, startHarness, walk as walkFrom, type Conversation, type Harness } from './support/harness';
import { startFakeConnector } from './support/fakeConnector';
import { startSmsHarness } from './support/sms';

const NIGHT = '2026-11-24T02:00:00Z';
const DAY = '2026-11-24T14:00:00Z';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ now: NIGHT });
});
afterAll(() => harness.close());
afterEach(() => harness.clock.set(NIGHT));

const auditOf = async (conversation: Conversation) =>
  (await harness.app.audit.forConversation(conversation.id)).map((row) => `${row.kind}:${row.ruleId}`);

const walk = (conversation: Conversation, answers: string[]) => walkFrom(conversation, answers, { join: true });
const last = lastTurn;
const ENQUIRIES_DONE = ['Done', 'Done', 'Done', 'Done', 'Done'];
const TO_NOTIFY = ['3', 'No', "I don't know", 'No', ...ENQUIRIES_DONE];

describe('carer', () => {
  it('danger now: 999 at once, recorded, then the journey carries on', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['3', 'Yes']);
    expect(last(turns)[0]?.text).toContain('999');
    expect(optionTitles(last(turns))).toEqual(['I know where they are', "I don't know"]);
    expect(await auditOf(conversation)).toEqual(['advised-999:C-DANGER-999']);
  });

  it.each([
    [NIGHT, '03000 419191', '03000 411111', 'notify-advised:C-NOTIFY-OUT-OF-HOURS'],
    [DAY, '03000 411111', '03000 419191', 'notify-advised:C-NOTIFY-IN-HOURS'],
  ])('missing at %s: enquiries one at a time, then 101, then notify on %s', async (now, number, notNumber, notifyRow) => {
    harness.clock.set(now);
    const conversation = harness.conversation();
    const turns = await walk(conversation, TO_NOTIFY);
    expect(allText(turns[4] ?? [])).toContain('Step 1 of 5 (0 done so far)');
    const text = allText(last(turns));
    expect(text).toContain('5 of 5 done');
    expect(text).toContain('101');
    expect(text).toContain('enquiries you have done');
    expect(text).toContain(number);
    expect(text).not.toContain(notNumber);
    expect(text).toContain('within 6 hours');
    expect(await auditOf(conversation)).toEqual(['advised-101:C-REPORT-101', notifyRow]);
  });

  it('a secure order: the absconder wording, then the enquiries', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['3', 'No', "I don't know", 'Yes']);
    expect(allText(last(turns))).toContain('when it ends');
    expect(allText(last(turns))).toContain('Step 1 of 5');
  });

  it('whereabouts known: unauthorised absence, hourly reviews up to 6 hours', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['3', 'No', 'I know where they are']);
    const advice = allText(last(turns));
    expect(advice).toContain('unauthorised absence');
    expect(advice).toContain('every hour');
    expect(advice).toContain('6 hours');
    const set = allText(await conversation.say('Yes'));
    expect(set).toContain('03:00');
    expect(set).toContain('08:00');
    const pending = await harness.app.scheduler.pending(`carer:${conversation.id}`);
    expect(pending.map((reminder) => reminder.dueAt.toISOString())).toEqual(
      [3, 4, 5, 6, 7, 8].map((hour) => `2026-11-24T0${hour}:00:00.000Z`),
    );
    expect(pending[5]?.messageKey).toBe('carer.reminders.sixHours');
  });

  it('"back now" cancels pending reminders and gives the return steps and the log', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['3', 'No', 'I know where they are', 'Yes']);
    harness.clock.set('2026-11-24T03:30:00Z');
    const back = allText(await conversation.say('back now'));
    for (const words of ['safe and well', 'diabetes or epilepsy', '72 hours', 'independent of the placement', 'risk assessment'])
      expect(back).toContain(words);
    expect(back).toContain('stopped the reminders');
    expect(back).toMatch(/24\/11 02:00 Started[\s\S]*24\/11 03:30 Child back/);
    const pending = await harness.app.scheduler.pending(`carer:${conversation.id}`);
    // Only the return interview reminder remains.
    expect(pending.map((reminder) => reminder.messageKey)).toEqual(['carer.reminders.returnInterview']);
    expect(await auditOf(conversation)).toEqual(['advised-101:C-BACK-SAFE-WELL']);
  });

  it('"show my log" lists each step with its time', async () => {
    const conversation = harness.conversation();
    await walk(conversation, [...TO_NOTIFY, 'No']);
    const log = allText(await conversation.say('Show my log'));
    for (const line of [
      '02:00 Started',
      'missing',
      'home and grounds searched',
      'Advised to report on 101',
      'Out of Hours Service (Emergency Duty Team) 03000 419191',
    ]) {
      expect(log).toContain(line);
    }
  });
});

describe('reminders that act', () => {
  it('in the chat: the hourly review and the 6-hour "treat as missing" arrive by themselves', async () => {
    const connector = await startFakeConnector();
    const harness = await startHarness({ now: NIGHT });
    try {
      const conversation = harness.conversation(undefined, { channelId: 'webchat', serviceUrl: connector.url });
      await walk(conversation, ['3', 'No', 'I know where they are', 'Yes']);
      harness.clock.set('2026-11-24T03:00:30Z');
      await harness.app.scheduler.tick();
      const delivered = () => connector.posted.filter((post) => post.conversationId === conversation.id).map((post) => post.text);
      expect(delivered()).toHaveLength(1);
      expect(delivered()[0]).toContain('Hourly review (1 of 6)');
      harness.clock.set('2026-11-24T08:00:30Z');
      await harness.app.scheduler.tick();
      expect(delivered()).toHaveLength(6);
      expect(delivered()[5]).toContain('Treat them as missing now');
      const audit = (await harness.app.audit.forConversation(conversation.id)).map((row) => `${row.kind}:${row.ruleId}`);
      expect(audit.filter((row) => row === 'reminder-sent:C-REVIEW-6H')).toHaveLength(1);
    } finally {
      await harness.close();
      await connector.close();
    }
  });

  it('by text: the 24-hour reminder arrives as an SMS; "back now" stops the rest', async () => {
    const sms = await startSmsHarness({ now: NIGHT });
    try {
      const phone = '+447700900661';
      for (const answer of ['hi', ...TO_NOTIFY, '1']) await sms.text(phone, answer);
      sms.clock.set('2026-11-25T02:00:30Z');
      await sms.app.scheduler.tick();
      const reminder = sms.sent.filter((text) => text.to === phone).pop();
      expect(reminder?.body).toContain('missing 24 hours');
      await sms.text(phone, 'back now');
      sms.clock.set('2026-11-26T02:00:30Z');
      const before = sms.sent.length;
      await sms.app.scheduler.tick();
      expect(sms.sent.slice(before).filter((text) => text.to === phone && text.body.includes('48 hours'))).toEqual([]);
    } finally {
      await sms.close();
    }
  });
});
