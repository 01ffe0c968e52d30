// Danger said in words the phrase book had not met, and ordinary words that only sound like it,
// as fresh walks typed them: on the Bot Framework endpoint and by SMS, with sentences written
// for these tests (none is in the corpus).
import { allText, auditTrail, startHarness, walk, type Harness } from './support/harness';
import { startSmsHarness, type SmsHarness } from './support/sms';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ now: '2026-11-24T23:00:00Z' });
});
afterAll(async () => harness.close());

const advised999 = (trail: string[]) => trail.filter((row) => row.startsWith('advised-999:'));

describe('an eighteenth fresh walk: a child taken, held or threatened, told in new words, is "call 999 now"', () => {
  it.each([
    ['a ransom text', 'got a txt saying weve got your son, pay up or you wont see him again'],
    ['a stranger leading a child off', 'some man at the park took my little girl by the hand and walked off with her'],
    ['a child texting that she is scared and lost', 'my stepson just texted me hes scared and doesnt know where he is'],
    ['blood outside and the child gone', 'her phone was on the lawn and theres blood on the back step and shes not here'],
    ['a child gone to meet someone from a game', 'my boy is 12, hes gone to meet someone he met on fortnite at the station'],
  ])('%s, as the first message', async (_kind, text) => {
    const conversation = harness.conversation();
    const [, reply] = await walk(conversation, [text], { join: true });
    expect(allText(reply ?? [])).toMatch(/call 999 now/);
    expect(advised999(await auditTrail(harness.app, conversation.id))).toEqual(['advised-999:G-DANGER-999-NOW']);
    expect(allText(reply ?? [])).not.toMatch(/glad they are back/);
  });

  it('a death threat over money, said at "in danger now?", is "call 999 now" and the journey moves on', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['parent', 'missing now'], { join: true });
    const [reply] = await walk(conversation, ['some lad messaged him saying theyll kill him if he doesnt pay them by tonight']);
    expect(allText(reply ?? [])).toMatch(/call 999 now/);
    expect(allText(reply ?? [])).toMatch(/last see/i);
    expect(advised999(await auditTrail(harness.app, conversation.id))).toEqual(['advised-999:G-DANGER-999-NOW']);
  });

  it("by text, a young person asked to get into a stranger's car is told to call 999 now", async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
    try {
      const phone = '+447700900323';
      await sms.text(phone, 'young person');
      const { replies } = await sms.text(phone, 'some guy outside the chippy keeps asking me to get in his car');
      expect(replies.join('\n')).toMatch(/999 now/);
      expect(advised999(await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone)))).toEqual(['advised-999:G-DANGER-YP-HELD']);
    } finally {
      await sms.close();
    }
  });
});

describe('an eighteenth fresh walk: harm to the body now is an ambulance first', () => {
  let sms: SmsHarness;
  beforeAll(async () => {
    sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
  });
  afterAll(() => sms.close());

  it.each([
    ['cutting that bleeds', '+447700900324', 'i cut myself again tonight and its bleeding alot'],
    ['drugs carried inside the body', '+447700900325', 'they made me plug for them and its really hurting now'],
    ['no insulin for days', '+447700900326', 'im type 1 and i havent had my insulin since saturday'],
  ])('by text, %s', async (_kind, phone, text) => {
    await sms.text(phone, 'young person');
    const { replies } = await sms.text(phone, text);
    expect(replies.join('\n')).toMatch(/ambulance/);
    expect(advised999(await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone)))).toEqual(['advised-999:G-DANGER-YP-MEDICAL']);
  });
});

describe('an eighteenth fresh walk: asked straight, a time or a plan said with the yes is 999 now', () => {
  it('on the Bot Framework endpoint, "yeah tonight, its all planned" is "call 999 now", not "if you might act on it"', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['young person', 'i left notes for my mum and my brother in case'], { join: true });
    const [reply] = await walk(conversation, ['yeah tonight, its all planned']);
    expect(allText(reply ?? [])).toMatch(/call 999 now/);
    expect(allText(reply ?? [])).not.toMatch(/If you might act on it/);
    expect(await auditTrail(harness.app, conversation.id)).toContain('advised-999:Y-THINKING-OF-SUICIDE-SOON');
  });

  it('by text, a plain "yes" is thanked with "if you might act on it now", as before', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
    try {
      const phone = '+447700900327';
      for (const text of ['young person', 'honestly everyone would be happier without me']) await sms.text(phone, text);
      const { replies } = await sms.text(phone, 'yes');
      expect(replies.join('\n')).toMatch(/If you might act on it now/);
      expect(await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone))).toContain('advised-999:Y-THINKING-OF-SUICIDE');
    } finally {
      await sms.close();
    }
  });
});

describe('an eighteenth fresh walk: when, said with talk of ending a life, is now', () => {
  it('on the Bot Framework endpoint, "i just want to die, im doing it tonight" is "call 999 now" with the straight question', async () => {
    const conversation = harness.conversation();
    const [, , reply] = await walk(conversation, ['young person', 'honestly i want to die, gonna do it tonight'], { join: true });
    expect(allText(reply ?? [])).toMatch(/call 999 now/);
    expect(await auditTrail(harness.app, conversation.id)).toContain('advised-999:G-DANGER-YP-SUICIDE-NOW');
  });

  it('by text, "what do i do now" just after a medical 999 is the call first, not "answer the question below" alone', async () => {
    const sms = await startSmsHarness({ now: '2026-11-25T02:10:00Z' });
    try {
      const phone = '+447700900330';
      await sms.text(phone, 'shes 12 and epileptic, missed her evening meds, been gone since 6');
      const { replies } = await sms.text(phone, 'hello?? what do i do now');
      expect(replies.join('\n')).toMatch(/rung 999 yet, do it now/);
      expect(await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone))).toContain('advised-999:G-ASK-WHAT-NEXT-AFTER-DANGER');
    } finally {
      await sms.close();
    }
  });
});

describe('an eighteenth fresh walk: the child is the one in danger when the words are theirs', () => {
  it('a son\'s text "sorry for everything", passed on by his mum, is about him: not her own crisis lines', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['my son hasnt come home and he sent me a message saying sorry for everything'], { join: true });
    const trail = advised999(await auditTrail(harness.app, conversation.id));
    expect(trail).not.toContain('advised-999:G-DANGER-SELF-ADULT');
    expect(trail).not.toContain('advised-999:G-DANGER-SELF-UNKNOWN');
    expect(trail.length).toBe(1);
  });
});

describe('an eighteenth fresh walk: ordinary words are left alone', () => {
  it('"lol no im grand" at "are you safe right now?" is safe: no 999, the next question', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['young person'], { join: true });
    const [reply] = await walk(conversation, ['lol no im grand']);
    expect(allText(reply ?? [])).not.toMatch(/999 now/);
    expect(allText(reply ?? [])).toMatch(/away from home now, or/);
    expect(advised999(await auditTrail(harness.app, conversation.id))).toEqual([]);
  });

  it('by text, "no worries im fine" at "are you safe right now?" is safe', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
    try {
      const phone = '+447700900328';
      await sms.text(phone, 'young person');
      const { replies } = await sms.text(phone, 'no worries im fine just had a question');
      expect(replies.join('\n')).not.toMatch(/999 now/);
      expect(advised999(await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone)))).toEqual([]);
    } finally {
      await sms.close();
    }
  });

  it('"shes there, all fine" at "in danger now?" is a no, not a yes', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['parent', 'missing now'], { join: true });
    const [reply] = await walk(conversation, ['her mates mum rang, shes there, all fine']);
    expect(allText(reply ?? [])).not.toMatch(/999 now/);
    expect(advised999(await auditTrail(harness.app, conversation.id))).toEqual([]);
  });

  it.each([
    ['a broken arm years ago', 'he broke his arm in a fight about 3 years ago, hes just come in late and hes fine'],
    ['a head injury last month', 'he came off his scooter last month and hit his head, the hospital checked him over'],
    ['a care plan', 'she has got a care plan with the social worker'],
    ["a mate's flat", 'a 16 year old told me he was staying at a mates flat'],
    ['a mum who will not let a child go out', 'my mum wont let me go to the party tonight'],
  ])('%s is no emergency', async (_kind, text) => {
    const conversation = harness.conversation();
    await walk(conversation, [text], { join: true });
    expect(advised999(await auditTrail(harness.app, conversation.id))).toEqual([]);
  });
});

describe('a nineteenth fresh walk: talk of ending a life in other words', () => {
  it('"i just want the pain to stop", from a young person, is asked straight, not "didn\'t catch that"', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['young person'], { join: true });
    const [reply] = await walk(conversation, ['i just want the pain to stop']);
    expect(allText(reply ?? [])).toMatch(/ending your life/);
    expect(allText(reply ?? [])).not.toMatch(/didn't catch/);
  });

  it('by text too', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
    try {
      const phone = '+447700901005';
      await sms.text(phone, 'hi');
      await sms.text(phone, 'young person');
      const { replies } = await sms.text(phone, 'i just want the pain to stop');
      expect(replies.join('\n')).toMatch(/ending your life/);
    } finally {
      await sms.close();
    }
  });

  it('"this is the last time anyone hears from me", after the straight question, is 999 now', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['young person', 'tell my mum im sorry'], { join: true });
    const [reply] = await walk(conversation, ['this is the last time anyone hears from me']);
    expect(allText(reply ?? [])).toMatch(/call 999 now/i);
    expect(advised999(await auditTrail(harness.app, conversation.id))).not.toEqual([]);
  });

  it('by text too', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
    try {
      const phone = '+447700901006';
      for (const text of ['hi', 'young person', 'tell my mum im sorry']) await sms.text(phone, text);
      const { replies } = await sms.text(phone, 'this is the last time anyone hears from me');
      expect(replies.join('\n')).toMatch(/call 999 now/i);
    } finally {
      await sms.close();
    }
  });
});

describe('a nineteenth fresh walk: a message that answers nothing, just after "call 999 now"', () => {
  const DRUNK = 'im so drunk i cant stand up and ive been sick loads. im 14 and at a park in canterbury';

  it('"no one is with me, my mates left" gets the 999 call first and the question again, never "didn\'t catch that"', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['young person', DRUNK], { join: true });
    const [reply] = await walk(conversation, ['no one is with me, my mates left']);
    expect(allText(reply ?? [])).toMatch(/999/);
    expect(allText(reply ?? [])).not.toMatch(/didn't catch/);
    expect(await auditTrail(harness.app, conversation.id)).toContain('advised-999:G-MISS-AFTER-DANGER');
  });

  it('by text too', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
    try {
      const phone = '+447700901007';
      for (const text of ['hi', 'young person', DRUNK]) await sms.text(phone, text);
      const { replies } = await sms.text(phone, 'no one is with me, my mates left');
      expect(replies.join('\n')).toMatch(/999/);
      expect(replies.join('\n')).not.toMatch(/didn't catch/);
    } finally {
      await sms.close();
    }
  });
});

describe('a nineteenth fresh walk: epilepsy without the evening dose', () => {
  const FIRST = 'my son is 14 he has epilepsy and went off without his keppra. hes not had his evening dose. last seen 5pm';

  it('by text, is the medical 999 in the first reply', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
    try {
      const phone = '+447700901011';
      const { replies } = await sms.text(phone, FIRST);
      expect(replies.join('\n')).toMatch(/medical emergency\. Call 999 now/);
    } finally {
      await sms.close();
    }
  });

  it('on the Bot Framework endpoint too', async () => {
    const conversation = harness.conversation();
    const [, reply] = await walk(conversation, [FIRST], { join: true });
    expect(allText(reply ?? [])).toMatch(/medical emergency\. Call 999 now/);
    expect(advised999(await auditTrail(harness.app, conversation.id))).not.toEqual([]);
  });
});

describe('a nineteenth fresh walk: made to carry by a threat to someone else', () => {
  const THREAT = 'theres these lads, they said if i dont carry a package to gillingham tomorrow theyll hurt my little brother. im 15';

  it('is told someone is using them and it is not their fault, with 999', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['young person'], { join: true });
    const [reply] = await walk(conversation, [THREAT]);
    expect(allText(reply ?? [])).toMatch(/using you\. It is not your fault/);
    expect(allText(reply ?? [])).toMatch(/999/);
  });

  it('by text too', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
    try {
      const phone = '+447700901012';
      await sms.text(phone, 'hi');
      await sms.text(phone, 'young person');
      const { replies } = await sms.text(phone, THREAT);
      expect(replies.join('\n')).toMatch(/using you/);
    } finally {
      await sms.close();
    }
  });
});

describe('a twenty-second fresh walk: danger told in new words at a question', () => {
  const MISSING = ['A parent or family member', 'Missing now', 'no'];

  it.each([
    ['a child who rang to say he is lost', 'he rang and said hes lost and doesnt know where he is, hes 11'],
    ['a cry for help passed on', 'she snapchatted me help'],
  ])('%s, at "when did you last see them?", is "call 999 now" for the child', async (_kind, text) => {
    const conversation = harness.conversation();
    await walk(conversation, MISSING, { join: true });
    const reply = allText(await conversation.say(text));
    expect(reply).toMatch(/call 999 now/);
    expect(reply).not.toMatch(/you are in danger too/);
    expect(advised999(await auditTrail(harness.app, conversation.id))).toHaveLength(1);
  });

  it('"panic over shes at her nans, nan didnt think to tell me" is no sign of exploitation', async () => {
    const conversation = harness.conversation();
    await walk(conversation, MISSING, { join: true });
    await conversation.say('panic over shes at her nans, nan didnt think to tell me');
    expect(await auditTrail(harness.app, conversation.id)).not.toContainEqual(expect.stringMatching(/exploit|EXPLOIT/));
  });

  it('in Arabic, "my dad said if I go back he will slaughter me" is danger, not a return', async () => {
    const conversation = harness.conversation(undefined, { locale: 'ar' });
    await walk(conversation, ['شاب او شابة', 'نعم'], { join: true });
    const reply = allText(await conversation.say('ابوي قال اذا رجعت بيذبحني'));
    expect(reply).toContain('999');
    expect(reply).not.toContain('72');
    expect(advised999(await auditTrail(harness.app, conversation.id)).length).toBeGreaterThan(0);
  });

  it('by text, a young person who said no to a person and then "no wait im not ok theres a car following me" is told to call 999 now', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:20:00Z' });
    try {
      const phone = '+447700901038';
      for (const text of ['im out i left home', '1', '1', 'No']) await sms.text(phone, text);
      const { replies } = await sms.text(phone, 'no wait im not ok theres a car following me');
      expect(replies.join('\n')).toMatch(/call 999 now/i);
    } finally {
      await sms.close();
    }
  });

  it('on the Bot Framework endpoint, "actually no im not safe he just came back and hes shouting" at the offer of a person is "call 999 now"', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['A young person', 'yeah', 'Away now', 'No'], { join: true });
    const reply = allText(await conversation.say('actually no im not safe he just came back and hes shouting'));
    expect(reply).toMatch(/call 999 now/i);
  });
});

describe('a twenty-second fresh walk, adults: held, or only shaking', () => {
  it('a foster carer: "her birth dad picked her up from school ... hes not allowed contact. shes 9" is "call 999 now"', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['A foster carer or care worker', 'no'], { join: true });
    const reply = allText(
      await conversation.say('her birth dad picked her up from school without telling anyone, hes not allowed contact. shes 9'),
    );
    expect(reply).toMatch(/call 999 now/);
    expect(advised999(await auditTrail(harness.app, conversation.id))).toHaveLength(1);
  });

  it('a parent: "can you ring the police for me i cant talk im shaking" is told the bot cannot call and what to say, not that they are held', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['A parent or family member', 'Missing now', 'not sure'], { join: true });
    const reply = allText(await conversation.say('can you ring the police for me i cant talk im shaking'));
    expect(reply).toMatch(/can't make calls/);
    expect(reply).not.toMatch(/you are in danger too/);
  });

  it('by text, the same parent', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T16:20:00Z' });
    try {
      const phone = '+447700901042';
      for (const text of ['my boy is 10 and hes not back from the park its getting dark', '1', '3']) await sms.text(phone, text);
      const { replies } = await sms.text(phone, 'can you ring the police for me i cant talk im shaking');
      expect(replies.join('\n')).not.toMatch(/you are in danger too/);
      expect(replies.join('\n')).toMatch(/999/);
    } finally {
      await sms.close();
    }
  });
});
