// People who type, as a new user met the bot: each finding with its exact words, on the Bot
// Framework endpoint and by SMS (no buttons).
import { allText, optionTitles, startHarness, walk, type Harness } from './support/harness';
import { startSmsHarness, type SmsHarness } from './support/sms';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ now: '2026-11-24T20:00:00Z' });
});
afterAll(() => harness.close());

const ruleIds = async (conversationId: string) => (await harness.app.audit.forConversation(conversationId)).map((row) => row.ruleId);
const riskFlags = async (conversationId: string) => {
  const state = await harness.app.db.query<{ doc: { conversationFacts?: { flags?: string[] } } }>(
    "select doc from bot_state where key like '%' || $1 || '%' and doc ? 'conversationFacts'",
    [conversationId],
  );
  return state[0]?.doc.conversationFacts?.flags ?? [];
};

const DIDNT_CATCH = /didn.t catch/i;

const SAYS_MISSING = new Set(['a man is forcing her into a car']);
const SUICIDE_TALK = new Set(['she said she wants to die', 'wants to end it all', "she's cutting herself", 'self harmed', 'kms']);
/** A child taken or held, told by an adult: "call 999 now", said plainly. */
const TAKEN = new Set(['a man is forcing her into a car', 'someone took her', 'she got in a car with some men', 'they locked her in']);

describe('danger in words not on the list', () => {
  it.each([
    'a man is forcing her into a car',
    'someone took her',
    'she got in a car with some men',
    'they locked her in',
    'she said she wants to die',
    'wants to end it all',
    "she's cutting herself",
    'self harmed',
    'beaten up',
    'kms',
  ])('"%s" mid-journey gives 999 first, records the rule, and goes on from the same question', async (message) => {
    const conversation = harness.conversation();
    const [, , situation] = await walk(conversation, ['1'], { join: true });
    expect(situation).toBeUndefined();
    const replies = await conversation.say(message);
    expect(replies[0]?.text).toContain('999');
    expect(allText(replies)).not.toMatch(DIDNT_CATCH);
    // An answer that holds danger is both: "forcing her into a car" also says she is missing, and
    // the "call 999 now" just said answers "in danger now?", so the journey moves on to when they were
    // last seen (a sixteenth fresh walk); the others are asked the same question again.
    expect(optionTitles(replies)).toEqual(
      SAYS_MISSING.has(message) ? ['Skip', "Don't know"] : ['Missing now', 'They are back', 'Prepare in advance'],
    );
    if (SAYS_MISSING.has(message)) expect(allText(replies)).not.toMatch(/in danger right now\?/);
    // Talk of suicide or self-harm from an adult gets what to do about it, with 999.
    const rule = SUICIDE_TALK.has(message) ? 'G-DANGER-SUICIDE' : TAKEN.has(message) ? 'G-DANGER-999-NOW' : 'G-DANGER-999';
    expect(await ruleIds(conversation.id)).toEqual([rule]);
  });

  it('"he\'s not suicidal" does not interrupt, but a second phrase in the same message still does', async () => {
    const calm = harness.conversation();
    await walk(calm, ['1'], { join: true });
    expect(allText(await calm.say("he's not suicidal"))).not.toContain('999 now');
    expect(await ruleIds(calm.id)).toEqual([]);
    const both = harness.conversation();
    await walk(both, ['1'], { join: true });
    expect((await both.say("he's not suicidal but a man is making him get in his car"))[0]?.text).toContain('999');
  });
});

describe('a young person in crisis gets words for them', () => {
  it('"i want to kill myself" from a young person: 999, Childline, Shout and 116 000, not the adult script', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['2'], { join: true });
    const text = allText(await conversation.say('i want to kill myself'));
    for (const number of ['999', '0800 1111', '85258', '116 000']) expect(text).toContain(number);
    expect(text).not.toContain("child's name");
    expect(text).toContain('ending your life');
    expect(await ruleIds(conversation.id)).toEqual(['G-DANGER-YP-SUICIDE']);
  });

  it('"i want to kill myself" as the very first message is read as a young person too', async () => {
    const conversation = harness.conversation();
    const replies = await conversation.say('i want to kill myself');
    expect(replies[0]?.text).toContain('0800 1111');
    expect(await ruleIds(conversation.id)).toEqual(['G-DANGER-YP-SUICIDE']);
  });

  it('"my step dad hits me thats why i left" is heard: help for them, a risk flag, and no "didn\'t catch that"', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['2'], { join: true });
    const text = allText(await conversation.say('my step dad hits me thats why i left'));
    expect(text).not.toMatch(DIDNT_CATCH);
    expect(text).toContain('0800 1111');
    expect(text).toContain('03000 419191');
    expect(await ruleIds(conversation.id)).toContain('G-DISCLOSE-YP-HOME');
    expect(await riskFlags(conversation.id)).toContain('hurtAtHome');
  });
});

describe('the first message counts', () => {
  it('"hi my daughter didnt come home from school": understood as a parent whose child is missing, one question to confirm', async () => {
    const conversation = harness.conversation();
    const replies = await conversation.say('hi my daughter didnt come home from school');
    const text = allText(replies);
    expect(text).not.toContain('Who is writing?');
    expect(text).toContain('not come home');
    expect(optionTitles(replies)).toEqual(['Yes', 'No']);
    const next = await conversation.say('yes');
    // The parent journey starts where the message left it: the child is missing now.
    expect(allText(next)).toContain('danger');
  });

  it('"my mum kicked me out" is a young person who is away, not a parent', async () => {
    const conversation = harness.conversation();
    const text = allText(await conversation.say('my mum kicked me out'));
    expect(text).toContain('young person');
    expect(text).toContain('0800 1111');
    expect(await ruleIds(conversation.id)).toContain('G-DISCLOSE-YP-HOME');
    const next = allText(await conversation.say('yes'));
    expect(next).not.toContain('Welcome back');
  });

  it('"no" to what was understood asks who is writing', async () => {
    const conversation = harness.conversation();
    await conversation.say('the lad I foster isnt back');
    expect(optionTitles(await conversation.say('no'))).toHaveLength(4);
  });

  it.each([
    ["the lad I foster isn't back", 'foster carer'],
    ["I'm a teacher", 'professional'],
    ['i ran away', 'young person'],
  ])('"%s" is understood as a %s', async (message, understood) => {
    const conversation = harness.conversation();
    expect(allText(await conversation.say(message))).toContain(understood);
  });

  it('by SMS too: the first text is read, not thrown away', async () => {
    const sms: SmsHarness = await startSmsHarness({ now: '2026-11-24T20:00:00Z' });
    try {
      const { replies } = await sms.text('+447700900123', 'hi my daughter didnt come home from school');
      const text = replies.join('\n');
      expect(text).not.toContain('Who is writing?');
      expect(text).toContain('not come home');
    } finally {
      await sms.close();
    }
  });
});

describe('natural answers are taken, and no reply loops', () => {
  it('"no" to "Missing now / They are back / Prepare in advance" never gets the same reply twice running', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['1'], { join: true });
    const replies: string[] = [];
    for (let turn = 0; turn < 6; turn += 1) replies.push(allText(await conversation.say('no')));
    for (let index = 1; index < replies.length; index += 1) expect(replies[index]).not.toBe(replies[index - 1]);
    expect(replies.some((reply) => reply.includes('talk to a person') && reply.includes('999') && reply.includes('101'))).toBe(true);
  });

  it('"yes" to "Someone I trust / Someone new / No thanks" gets a way on, not the same refusal', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['2', 'Yes', "I'm back"], { join: true });
    const first = allText(await conversation.say('yes'));
    const second = allText(await conversation.say('yes'));
    expect(second).not.toBe(first);
    expect(second).toContain('talk to a person');
  });

  it('"yes" to "Do you know where the child is?" means the carer knows', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['3', 'No'], { join: true });
    const replies = await conversation.say('yes');
    expect(allText(replies)).not.toMatch(DIDNT_CATCH);
  });

  it('"she\'s 14" at the age question is 14', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['1', 'Missing now', 'No', 'yesterday at 9pm', 'Yes', "she's 14"], { join: true });
    expect(allText(turns[turns.length - 1] ?? [])).not.toMatch(DIDNT_CATCH);
  });

  it('"im fine" to "are you safe right now?" is yes; "im not fine" is not, though "fine" is in it', async () => {
    const fine = await walk(harness.conversation(), ['hello', '2', 'im fine']);
    expect(optionTitles(fine[fine.length - 1] ?? [])).toEqual(['Away now', "I'm back"]);
    const notFine = await walk(harness.conversation(), ['hello', '2', 'im not fine']);
    const text = allText(notFine[notFine.length - 1] ?? []);
    expect(text).toMatch(/999[\s\S]*116 000/);
  });

  it('"dont want to go home" is not told "Welcome back"', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['2', 'Yes', 'dont want to go home'], { join: true });
    expect(allText(turns[turns.length - 1] ?? [])).not.toContain('Welcome back');
  });
});

describe('times', () => {
  it('"yesterday about 4ish" is read back as 16:00 with 04:00 offered, never silently the morning', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['1', 'Missing now', 'No', 'yesterday about 4ish'], { join: true });
    const text = allText(turns[turns.length - 1] ?? []);
    expect(text).toContain('16:00');
    expect(text).toContain('04:00');
  });

  it('"this morning" typed at 06:18 is taken', async () => {
    harness.clock.set('2026-11-25T06:18:00Z');
    try {
      const conversation = harness.conversation();
      const turns = await walk(conversation, ['1', 'Missing now', 'No', 'this morning'], { join: true });
      expect(allText(turns[turns.length - 1] ?? [])).not.toContain("hasn't happened");
    } finally {
      harness.clock.set('2026-11-24T20:00:00Z');
    }
  });

  it.each([
    ['half 3', '15:30'],
    ['yesterday at half 4', '16:30'],
  ])('"%s" keeps the time: %s', async (said, time) => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['1', 'Missing now', 'No', said], { join: true });
    expect(allText(turns[turns.length - 1] ?? [])).toContain(time);
  });
});

describe("a young person's questions, by words, at any point", () => {
  it.each([
    ['do I have to talk to the police?', 'Y-ASK-POLICE', 'safe and well'],
    ['will i get in trouble', 'Y-ASK-TROUBLE', 'not a crime'],
    ['who will know what i say?', 'Y-ASK-CONFIDENTIAL', 'private'],
    ['what is a return interview', 'Y-ASK-RETURN-INTERVIEW', '3 days'],
    ['will the police take me back home', 'Y-ASK-TAKEN-BACK', "children's services to check what is safe"],
    ['i dont want the police to take me back', 'Y-ASK-TAKEN-BACK', "children's services to check what is safe"],
  ])('"%s" is answered (%s) and the question waiting is asked again', async (question, _rule, words) => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['2', 'Yes'], { join: true });
    const before = turns[turns.length - 1];
    const replies = await conversation.say(question);
    const text = allText(replies);
    expect(text).toContain(words);
    expect(optionTitles(replies)).toEqual(optionTitles(before ?? []));
  });
});
