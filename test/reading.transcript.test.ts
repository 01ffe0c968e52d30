// One reading per turn, as people meet it: an answer that holds danger is both (999, the answer
// kept, the journey moves on); a worrying message that is not clearly an emergency gets a
// direct, caring question with the crisis lines, never "didn't catch that"; facts said in passing
// are confirmed, not asked again; "never came back" is not a return. On the Bot Framework
// endpoint and by SMS, in sentences written for these tests (none is in the corpus).
import { allText, auditTrail, optionTitles, startHarness, walk, type Harness } from './support/harness';
import { startSmsHarness, type SmsHarness } from './support/sms';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ now: '2026-11-24T23:00:00Z' });
});
afterAll(async () => harness.close());

const DIDNT_CATCH = /didn.t catch/i;

describe('on the Bot Framework endpoint', () => {
  it('a parent whose answer to "in danger now?" holds danger: 999 first, the "no" is kept and the journey moves on', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['my lad never came back from school', 'yes']);
    const [turn] = await walk(conversation, ['no, but his mate just told me he has a knife on him']);
    const text = allText(turn ?? []);
    expect(text.indexOf('999')).toBeGreaterThanOrEqual(0);
    // The next question (when last seen), not the danger question again.
    expect(text).toMatch(/last see/i);
    expect(text).not.toMatch(DIDNT_CATCH);
    expect(await auditTrail(harness.app, conversation.id)).toEqual(['advised-999:G-DANGER-999']);
  });

  it('"never came back" is read as missing, and an age said in the first message is confirmed, not asked', async () => {
    const conversation = harness.conversation();
    const [first] = await walk(conversation, ['my daughter is 11 and she never came back from her dads']);
    // Read as a parent whose child is missing: the bot asks only whether it understood.
    expect(optionTitles(first ?? [])).toEqual(['Yes', 'No']);
    const turns = await walk(conversation, ['yes', 'no', 'about 6 tonight', 'yes']);
    const afterLastSeen = allText(turns[turns.length - 1] ?? []);
    expect(afterLastSeen).toContain('You said they are 11');
    expect(afterLastSeen).not.toMatch(/How old/i);
  });

  it('a young person talking of ending it without saying so gets a direct, caring question and the crisis lines', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['im 15 and i ran away', 'yes']);
    const [turn] = await walk(conversation, ['honestly everyone would be better off if i just wasnt around']);
    const text = allText(turn ?? []);
    expect(text).toMatch(/ending your life/);
    for (const number of ['999', '0800 1111', '85258']) expect(text).toContain(number);
    expect(text).not.toMatch(DIDNT_CATCH);
    const audit = await auditTrail(harness.app, conversation.id);
    expect(audit.some((row) => row === 'advised-999:G-DANGER-YP-SUICIDE' || row === 'advised-999:G-CONCERN-SUICIDE-YP')).toBe(true);
  });

  it('a child back home but drowsy and being sick: 999 at "hurt or unwell?", and the answer is kept', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['my son is home now', 'yes']);
    const [turn] = await walk(conversation, ['yes he is back but really drowsy and keeps throwing up']);
    const text = allText(turn ?? []);
    expect(text).toContain('999');
    expect(text).toContain('ambulance');
    expect(await auditTrail(harness.app, conversation.id)).toContain('advised-999:G-DANGER-MEDICAL');
    // "yes" was the answer: the journey moved on to whether they were reported missing.
    expect(text).toMatch(/report them missing/i);
  });

  it('a carer who said 14 and asylum-seeking up front is not asked "12 or younger?" or about asylum again', async () => {
    const conversation = harness.conversation();
    const turns = await walk(
      conversation,
      [
        'foster carer here, our 14 year old is an asylum seeker and hasnt come back tonight',
        'yes',
        'no',
        "I don't know",
        'idk',
        'No',
        'No',
        'No',
        'No',
        'No',
      ],
      { join: true },
    );
    const said = turns.map((turn) => allText(turn)).join('\n');
    expect(said).not.toMatch(/12 or younger/i);
    expect(said).not.toMatch(/Are they an unaccompanied asylum-seeking child/);
    expect(said).toContain('traffickers');
  });
});

describe('their own questions, asked at any point', () => {
  it('"do we have to wait 24 hours?" mid-question: no, 101 now, and the question waits', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['my son hasnt come home', 'yes']);
    const [turn] = await walk(conversation, ['do we have to wait 24 hours before we ring anyone?']);
    const text = allText(turn ?? []);
    expect(text).toContain('do not have to wait 24 hours');
    expect(text).toContain('101');
    expect(text).not.toMatch(DIDNT_CATCH);
    expect(text).toMatch(/in danger right now/);
  });

  it('"can you ring the police for me?": the bot cannot, and gives 999, 101 and what to say', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['my son hasnt come home', 'yes']);
    const [turn] = await walk(conversation, ['can you ring the police for me please i cant']);
    const text = allText(turn ?? []);
    for (const number of ['999', '101']) expect(text).toContain(number);
    expect(text).toMatch(/can't make calls/);
    expect(text).not.toMatch(DIDNT_CATCH);
  });
});

describe('more of their own questions', () => {
  it('"the police said to wait, is that right?": never low risk in Kent, 101 again, 999 in danger; the question waits', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['my son hasnt come home', 'yes']);
    const [turn] = await walk(conversation, ['the police said to wait and see if he turns up, is that right?']);
    const text = allText(turn ?? []);
    for (const number of ['999', '101']) expect(text).toContain(number);
    expect(text).toMatch(/low risk/);
    expect(text).toMatch(/in danger right now/);
    expect(text).not.toMatch(DIDNT_CATCH);
  });

  it('"I know where she is, should I go and get her?": yes if it is safe, the police if not', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['my daughter didnt come home last night', 'yes']);
    const [turn] = await walk(conversation, ['i know where she is now, shes at some lads flat in dover, should i go and get her']);
    const text = allText(turn ?? []);
    expect(text).toMatch(/if it is safe/);
    for (const number of ['999', '101']) expect(text).toContain(number);
  });

  it('"will I get in trouble for not going home" is answered, not heard as fear of home', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['i ran away yesterday', 'yes']);
    const [turn] = await walk(conversation, ['will i get in trouble for not going home']);
    const text = allText(turn ?? []);
    expect(text).toMatch(/not a crime/);
    expect(text).not.toMatch(/not your fault/);
    expect(await auditTrail(harness.app, conversation.id)).not.toContain('disclosure-heard:G-DISCLOSURE-HOME');
  });
});

describe('by SMS', () => {
  let sms: SmsHarness;
  beforeAll(async () => {
    sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
  });
  afterAll(async () => sms.close());

  it('an answer that holds danger is both: 999 and the journey moves on', async () => {
    const phone = '+447700900611';
    await sms.text(phone, 'my girl hasnt come home and shes not answering');
    await sms.text(phone, 'yes');
    const { replies } = await sms.text(phone, 'not sure, she texted she took a load of her mums tablets');
    const text = replies.join('\n');
    expect(text).toContain('999');
    expect(text).toMatch(/last see/i);
    expect(text).not.toMatch(DIDNT_CATCH);
  });

  it('a worrying message with no danger words gets the caring question by text, and the chat goes on', async () => {
    const phone = '+447700900612';
    await sms.text(phone, 'i left home last night');
    const { replies } = await sms.text(phone, 'i dont see the point of anything anymore, nobody would even notice');
    const text = replies.join('\n');
    expect(text).toContain('999');
    expect(text).not.toMatch(DIDNT_CATCH);
    const next = await sms.text(phone, 'no im ok just tired');
    expect(next.replies.join('\n')).not.toBe('');
  });

  it('"police told us to wait till morning, is that right" by text: never low risk, 101 again', async () => {
    const phone = '+447700900614';
    await sms.text(phone, 'my boy is 13 and still not home');
    const { replies } = await sms.text(phone, 'police told us to wait till the morning is that right');
    expect(replies.join('\n')).toMatch(/low risk/);
    expect(replies.join('\n')).toContain('101');
  });

  it('grooming signs by text at "anything that puts them at extra risk?": report now, not search first', async () => {
    const phone = '+447700900615';
    for (const text of ['my daughter is 14 and not home', 'yes', 'no', 'yesterday at 9pm', 'yes', 'yes']) await sms.text(phone, text);
    const { replies } = await sms.text(phone, 'hes 19 and gives her money and lifts, she says hes her boyfriend');
    expect(replies.join('\n')).toMatch(/don't search first/);
    expect(replies.join('\n')).toContain('101');
  });

  it('"do i have to wait 24 hours" by text: no, and 101', async () => {
    const phone = '+447700900613';
    await sms.text(phone, 'my daughter is 15 and hasnt come home');
    const { replies } = await sms.text(phone, 'do i have to wait 24 hours');
    expect(replies.join('\n')).toContain('do not have to wait 24 hours');
    expect(replies.join('\n')).toContain('101');
  });
});
