// The SMS channel as Twilio drives it: signed webhooks, replies through the REST API (faked
// with nock), keywords, opt-outs, retries, and rendering within segment limits.
import { renderForSms } from '../channels/sms/renderForSms';
import { countSegments, splitForSms } from '../channels/sms/segments';
import { startHarness } from './support/harness';
import { messageSid, startSmsHarness, TWILIO, type SmsHarness } from './support/sms';

let sms: SmsHarness;
beforeAll(async () => {
  sms = await startSmsHarness();
});
afterAll(() => sms.close());

let phoneCounter = 0;
const newPhone = () => `+4477009${String(10000 + ++phoneCounter).slice(1)}`;
const count = async (table: string) =>
  Number((await sms.app.db.query<{ n: string }>(`select count(*)::text as n from ${table}`))[0]?.n ?? '0');
const auditKinds = async (phone: string) =>
  (await sms.app.audit.forConversation(sms.app.sms.conversationIdFor(phone))).map((row) => `${row.kind}:${row.ruleId}`);

describe('the webhook', () => {
  it.each([
    ['a forged signature', 'c2lnbmVkIGJ5IHNvbWVvbmUgZWxzZQ=='],
    ['a missing signature', undefined],
  ])('%s: 403, nothing stored, nothing sent', async (_name, signature) => {
    const before = { inbound: await count('sms_inbound'), state: await count('bot_state'), sent: sms.sent.length };
    const response = await fetch(`${sms.url}/api/sms`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(signature ? { 'x-twilio-signature': signature } : {}) },
      body: new URLSearchParams({ MessageSid: messageSid(), From: newPhone(), Body: 'hello' }).toString(),
    });
    expect(response.status).toBe(403);
    await sms.app.sms.inbox.idle();
    expect({ inbound: await count('sms_inbound'), state: await count('bot_state'), sent: sms.sent.length }).toEqual(before);
  });

  it('a signature made for other words is refused too', async () => {
    const phone = newPhone();
    const { status, replies } = await sms.text(phone, 'hello', { signature: 'AAAAAAAAAAAAAAAAAAAAAAAAAAA=' });
    expect(status).toBe(403);
    expect(replies).toEqual([]);
  });

  it('a valid text is answered with empty TwiML once its turn is done, and the reply goes out through the REST API', async () => {
    const phone = newPhone();
    const response = await sms.postSigned({ MessageSid: messageSid(), From: phone, To: TWILIO.from, Body: 'hello' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/xml/);
    expect(await response.text()).toMatch(/<Response\/>$/);
    await sms.app.sms.inbox.idle();
    // The welcome names the other languages in their own scripts, so it goes as UCS-2, in at most two texts.
    const sent = sms.sent.filter((text) => text.to === phone).map((text) => text.body);
    expect(sent.length).toBeGreaterThanOrEqual(1);
    expect(sent.length).toBeLessThanOrEqual(2);
    for (const part of sent) expect(countSegments(part).segments).toBeLessThanOrEqual(3);
    expect(sent.join('\n')).toContain('999');
    expect(sent.join('\n')).toMatch(/Reply with a number:\n1 A parent or family member\n2 A young person/);
  });

  it('the same MessageSid twice (Twilio retrying) is handled once', async () => {
    const phone = newPhone();
    const sid = messageSid();
    const first = await sms.text(phone, 'hello', { messageSid: sid });
    const again = await sms.text(phone, 'hello', { messageSid: sid });
    expect(first.replies.join('\n')).toContain('Who is writing?');
    expect(again.status).toBe(200);
    expect(again.replies).toEqual([]);
  });

  it('texts from one number are handled in order, one turn at a time', async () => {
    const phone = newPhone();
    await sms.text(phone, 'hello');
    // Three texts arrive back to back; each turn runs after the webhook has been answered.
    for (const body of ['1', '1', '2']) await sms.postSigned({ MessageSid: messageSid(), From: phone, Body: body });
    await sms.app.sms.inbox.idle();
    const replies = sms.sent.filter((text) => text.to === phone).map((text) => text.body);
    // parent -> missing now -> danger "No": the last reply asks when they were last seen.
    expect(replies.slice(-3)).toEqual([
      expect.stringContaining('missing now, or are they back'),
      expect.stringContaining('in danger right now'),
      expect.stringContaining('When did you last see'),
    ]);
  });

  it('the number and words of a handled text are not kept', async () => {
    const phone = newPhone();
    await sms.text(phone, 'my name is Zebedee');
    const rows = await sms.app.db.query('select * from sms_inbound where from_number is not null or body is not null');
    expect(rows).toEqual([]);
    expect(JSON.stringify(await sms.app.db.query('select * from bot_state'))).not.toContain(phone);
  });
});

describe('keywords', () => {
  it('STOP: no chat and no proactive texts; a text is told how to turn texts back on; START opts back in', async () => {
    const phone = newPhone();
    const before = await sms.text(phone, 'hello');
    expect((await sms.text(phone, 'STOP')).replies).toEqual([]);
    const paused = await sms.text(phone, '1');
    expect(paused.replies).toHaveLength(1);
    expect(paused.replies[0]).toContain('START');
    for (const number of ['999', '101', '116 000']) expect(paused.replies[0]).toContain(number);
    expect(paused.replies[0]).not.toContain(before.replies[0]);
    const reminder = await sms.app.sms.sender.send(phone, 'Reminder: your return interview is at 4pm.', { conversationId: 'c' });
    expect(reminder).toBe('opted-out');
    expect(sms.sent.filter((text) => text.to === phone && text.body.startsWith('Reminder'))).toEqual([]);

    const back = await sms.text(phone, 'start');
    expect(back.replies).toHaveLength(1);
    expect(back.replies[0]).toContain('again');
    expect(await sms.app.sms.sender.send(phone, 'Reminder: tomorrow.', { conversationId: 'c' })).toBe('sent');
  });

  // Twilio may still refuse it (its own opt-out list); the bot does not hold it back.
  it('a phone that sent STOP and then writes of danger gets the danger reply, and stays opted out', async () => {
    const phone = newPhone();
    await sms.text(phone, 'hi');
    await sms.text(phone, 'STOP');
    const { replies } = await sms.text(phone, 'my stepdad is outside with a knife shouting he will stab me');
    expect(replies.join('\n')).toContain('999');
    expect(replies.join('\n')).not.toContain('START');
    expect(await sms.app.sms.sender.optOuts.isOptedOut(phone)).toBe(true);
    expect(await sms.app.sms.sender.send(phone, 'Reminder: tomorrow.', { conversationId: 'c' })).toBe('opted-out');
  });

  it.each(['STOPALL', 'unsubscribe', 'Stop '])('"%s" opts out', async (word) => {
    const phone = newPhone();
    await sms.text(phone, word);
    expect(await sms.app.sms.sender.optOuts.isOptedOut(phone)).toBe(true);
  });

  // A young person texts "cancel" about their meeting, or "end" to stop the chat: answered, with the numbers.
  it.each(['Cancel', 'END', 'quit '])('"%s" is answered, not taken as an opt-out', async (word) => {
    const phone = newPhone();
    await sms.text(phone, 'hello');
    const { replies } = await sms.text(phone, word);
    expect(replies.join('\n')).toMatch(/999/);
    expect(await sms.app.sms.sender.optOuts.isOptedOut(phone)).toBe(false);
  });

  it('"cancel" inside a longer message is not an opt-out', async () => {
    const phone = newPhone();
    await sms.text(phone, 'cancel B1234');
    expect(await sms.app.sms.sender.optOuts.isOptedOut(phone)).toBe(false);
  });

  it.each(['HELP', 'info'])('%s: what this number is, 999, 101 and 116 000', async (word) => {
    const { replies } = await sms.text(newPhone(), word);
    expect(replies).toHaveLength(1);
    for (const number of ['999', '101', '116 000']) expect(replies[0]).toContain(number);
  });

  it('YES from a number that has not opted out answers the question it was asked', async () => {
    const phone = newPhone();
    await sms.text(phone, 'hello');
    await sms.text(phone, '1');
    await sms.text(phone, '1');
    const { replies } = await sms.text(phone, 'yes');
    expect(replies.join('\n')).toContain('999');
  });

  it('a send answered with Twilio error 21610 marks the number as opted out', async () => {
    const phone = newPhone();
    sms.failNext(1, 400, { code: 21610, message: 'Attempt to send to unsubscribed recipient', status: 400 });
    expect(await sms.app.sms.sender.send(phone, 'hello', { conversationId: 'c' })).toBe('opted-out');
    expect(await sms.app.sms.sender.optOuts.isOptedOut(phone)).toBe(true);
  });
});

describe('sending', () => {
  it('Twilio answering 500 twice then 201: the text is sent once', async () => {
    const phone = newPhone();
    sms.failNext(2, 500);
    expect(await sms.app.sms.sender.send(phone, 'hello', { conversationId: 'c' })).toBe('sent');
    expect(sms.sent.filter((text) => text.to === phone)).toHaveLength(1);
  });

  it("Twilio down: the webhook's own answer gives the numbers, the failure is audited, and the conversation is not lost", async () => {
    const phone = newPhone();
    await sms.text(phone, 'hello');
    sms.failNext(4, 503);
    const down = await sms.text(phone, '1');
    expect(down.replies).toEqual([]);
    // Not sent through the REST API, but in the answer to Twilio's webhook, which Twilio delivers itself.
    for (const number of ['999', '101', '116 000']) expect(down.twiml).toContain(number);
    expect(down.twiml).toMatch(/<Message>/);
    expect(await auditKinds(phone)).toEqual(['sms-failed:SYS-SMS-FAILED']);
    // The step was kept: the next answer is taken as the answer to the parent's first question.
    const { replies } = await sms.text(phone, '1');
    expect(replies.join('\n')).toContain('in danger right now');
  });

  it('a 900-character reply is split on sentence boundaries into texts of at most 3 segments', async () => {
    const phone = newPhone();
    const sentence = 'Please keep this message safe and show it to the police officer when they arrive. ';
    const long = sentence.repeat(11).trim();
    expect(long.length).toBeGreaterThan(900);
    await sms.app.sms.sender.send(phone, long, { conversationId: 'c' });
    const parts = sms.sent.filter((text) => text.to === phone).map((text) => text.body);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(countSegments(part).segments).toBeLessThanOrEqual(3);
      expect(part.endsWith('.')).toBe(true);
    }
    expect(parts.join(' ')).toBe(long);
  });

  it('emoji and other characters outside GSM-7 cost more: UCS-2 limits apply', () => {
    expect(countSegments('a'.repeat(160))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(countSegments('a'.repeat(161)).segments).toBe(2);
    expect(countSegments('{'.repeat(80))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(countSegments(`${'a'.repeat(69)}😊`)).toEqual({ encoding: 'UCS-2', units: 71, segments: 2 });
    const parts = splitForSms(`Ça va? ${'Très bien, merci. '.repeat(20)}🙂`);
    for (const part of parts) expect(countSegments(part).segments).toBeLessThanOrEqual(3);
  });

  it('splits keep meaning: a list number stays with its item, a phone number is never cut, the question stays with its options', () => {
    const list = Array.from(
      { length: 9 },
      (_, index) => `${index + 1}. Ring everyone who might know where she is, and write down who you asked.`,
    ).join('\n');
    for (const part of splitForSms(list, 1)) expect(part).not.toMatch(/(^|\n)\d\.$/);

    const words = 'Please ring them now on this number, they are there all night to help you and your family '.repeat(2);
    for (let pad = 0; pad < 40; pad += 1) {
      const parts = splitForSms(`${'x'.repeat(pad)} ${words} Childline 0800 1111 or Missing People 116 000. ${words}`, 1);
      expect(parts.join(' ')).toContain('0800 1111');
      expect(parts.join(' ')).toContain('116 000');
    }

    // A sentence longer than a text breaks after a comma, not in the middle of a phrase.
    const romanian =
      'Întâlnirea poate avea loc la școală, la biblioteca din oraș, la centrul de tineret sau într-un loc neutru unde te simți în siguranță, iar persoana care vine nu lucrează pentru poliție, nu îți cere să spui ceva ce nu vrei și poate veni împreună cu cineva în care ai încredere.';
    const clauses = splitForSms(romanian, 2);
    expect(clauses.length).toBeGreaterThan(1);
    for (const part of clauses.slice(0, -1)) expect(part).toMatch(/,$/);
    expect(clauses.join(' ')).toBe(romanian);

    const arabic = `${'هل طفلك بخير الآن؟ '.repeat(6)}هل أنت بأمان؟`;
    for (const part of splitForSms(arabic, 1)) expect(part.trim()).toMatch(/؟$/);

    const question = `${'We will go through what to do now, one step at a time. '.repeat(6)}Is your child in danger right now?\nReply with a number:\n1 Yes\n2 No\n3 Not sure`;
    const parts = splitForSms(question, 2);
    expect(parts[parts.length - 1]).toMatch(/Is your child in danger right now\?\nReply with a number:\n1 Yes\n2 No\n3 Not sure$/);
  });

  it('a question with 10 options is rendered as numbered text', () => {
    const messages = sms.app.services.localiser.messages('en-GB');
    const actions = Array.from({ length: 10 }, (_, index) => ({
      type: 'imBack',
      title: `Option ${index + 1}`,
      value: `Option ${index + 1}`,
    }));
    const text = renderForSms({ type: 'message', text: 'Pick one.', suggestedActions: { actions, to: [] } }, messages);
    const lines = text.split('\n');
    expect(lines[0]).toBe('Pick one.');
    expect(lines.slice(2)).toEqual(actions.map((action, index) => `${index + 1} ${action.title}`));
  });
});

describe('without Twilio settings', () => {
  it('the SMS endpoint answers 503 with a clear message, and outbound texts are logged, not sent', async () => {
    const plain = await startHarness();
    try {
      const response = await fetch(`${plain.url}/api/sms`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'From=%2B447700900123&Body=hello',
      });
      expect(response.status).toBe(503);
      expect(((await response.json()) as { message: string }).message).toMatch(/TWILIO_ACCOUNT_SID/);
      expect(plain.app.sms.sender.live).toBe(false);
      expect(await plain.app.sms.sender.send('+447700900123', 'hello', { conversationId: 'c' })).toBe('sent');
    } finally {
      await plain.close();
    }
  });
});
