// The root dialog and the behaviour that holds in every dialog, as transcripts.
import { ROOT_TREE_VERSION } from '../dialogs/root/rootDialog';
import { allText, optionTitles, startHarness, type Harness } from './support/harness';
import { startSmsHarness } from './support/sms';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ now: '2026-11-24T23:00:00Z' });
});
afterAll(() => harness.close());

const PROFESSIONS = ['Teacher or school staff', 'Social worker', 'Health', 'Police', 'Other'];

const auditRules = async (conversationId: string) =>
  (await harness.app.audit.forConversation(conversationId)).map((row) => `${row.kind}:${row.ruleId}`);

describe('welcome and who is writing', () => {
  it('welcomes on conversationUpdate and offers the four roles as suggested actions', async () => {
    const replies = await harness.conversation().join();
    expect(allText(replies)).toContain('999');
    expect(optionTitles(replies)).toEqual([
      'A parent or family member',
      'A young person',
      'A foster carer or care worker',
      'A professional',
    ]);
  });

  it.each([
    ['1', 'parent journey', ['Missing now', 'They are back', 'Prepare in advance']],
    ['Grand-père? no: grandparent', 'parent journey', ['Missing now', 'They are back', 'Prepare in advance']],
    ['A young person', "young person's journey", ['Yes', 'No', 'Not sure']],
    ['foster carer', "carer's journey", ['Yes', 'No', 'Not sure']],
    ['A professional', "professional's journey", PROFESSIONS],
    // Which professional was said: not asked again.
    ['I am a TEACHER', "professional's journey", ['A child is missing now', 'A child is back', 'A worry about exploitation']],
  ])('"%s" hands over to the %s, which asks its first question with options', async (answer, _journey, options) => {
    const conversation = harness.conversation();
    await conversation.join();
    const replies = await conversation.say(answer);
    expect(optionTitles(replies)).toEqual(options);
    expect(await auditRules(conversation.id)).toEqual([]);
  });

  it('asks again, with the options, when the answer matches none or more than one', async () => {
    const conversation = harness.conversation();
    await conversation.join();
    for (const answer of ['banana', '7', 'carer or parent']) {
      const replies = await conversation.say(answer);
      expect(optionTitles(replies)).toHaveLength(4);
    }
    expect(optionTitles(await conversation.say('professional'))).toEqual(PROFESSIONS);
  });

  it('reads the whole answer before its words: "my child ran away" is a parent, "my mum kicked me out" a young person', async () => {
    const parent = harness.conversation();
    await parent.join();
    // A parent, and the child is missing now: the parent journey starts at its danger question.
    const replies = await parent.say('my child ran away');
    expect(allText(replies)).toContain('in danger right now');
    expect(optionTitles(replies)).toEqual(['Yes', 'No', 'Not sure']);
    const young = harness.conversation();
    await young.join();
    expect(optionTitles(await young.say('my mum kicked me out'))).not.toContain('Missing now');
  });

  it('a first message without a conversationUpdate (SMS-style) gets the welcome', async () => {
    const replies = await harness.conversation().say('hello');
    expect(optionTitles(replies)).toHaveLength(4);
  });

  it.each([
    ['A parent or family member', 'missing now, or are they back?'],
    ['young person', 'are you safe right now?'],
  ])('a first message that is a role\'s words ("%s") is that role, not a guess to confirm', async (first, next) => {
    const text = allText(await harness.conversation().say(first));
    expect(text).toContain(next);
    expect(text).not.toContain('Is that right?');
  });

  it('by text too, "A parent or family member" as the first text is a parent', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
    try {
      const { replies } = await sms.text('+447700900454', 'A parent or family member');
      expect(replies.join('\n')).toContain('missing now, or are they back?');
      expect(replies.join('\n')).not.toContain('professional');
    } finally {
      await sms.close();
    }
  });
});

describe('commands that work anywhere', () => {
  it('help gives the numbers and asks the same question again', async () => {
    const conversation = harness.conversation();
    await conversation.join();
    const replies = await conversation.say('Help');
    const text = allText(replies);
    for (const number of ['999', '101', '116 000']) expect(text).toContain(number);
    expect(optionTitles(replies)).toHaveLength(4);
  });

  it('talk to a person: out of hours gives the out-of-hours numbers; in hours, with no way to alert the team, no promise and the numbers to ring', async () => {
    const night = harness.conversation();
    await night.join();
    harness.clock.set('2026-11-24T23:00:00Z');
    const nightText = allText(await night.say('talk to a person'));
    for (const number of ['116 000', '03000 419191', '999', '101']) expect(nightText).toContain(number);
    expect(await auditRules(night.id)).toEqual(['human-requested:G-HUMAN-OUT-OF-HOURS']);

    // This harness has no Twilio: a text to the on-call team would only be logged.
    const day = harness.conversation();
    await day.join();
    harness.clock.set('2026-11-24T11:00:00Z');
    try {
      const replies = await day.say('speak to someone');
      const dayText = allText(replies);
      expect(dayText).not.toMatch(/within about \d+ minutes/);
      for (const number of ['03000 419222', '999', '101', '116 000']) expect(dayText).toContain(number);
      // The interrupted question is asked again.
      expect(optionTitles(replies)).toHaveLength(4);
      expect(await auditRules(day.id)).toEqual(['human-requested:G-HUMAN-NOT-REACHED']);
    } finally {
      harness.clock.set('2026-11-24T23:00:00Z');
    }
  });

  it('start again restarts from the welcome', async () => {
    const conversation = harness.conversation();
    await conversation.join();
    const replies = await conversation.say('start again');
    expect(optionTitles(replies)).toHaveLength(4);
    expect(allText(replies)).toContain('999');
  });

  it('stop ends the conversation with the numbers; the next message starts afresh', async () => {
    const conversation = harness.conversation();
    await conversation.join();
    const stopped = allText(await conversation.say('stop'));
    for (const number of ['999', '101', '116 000']) expect(stopped).toContain(number);
    expect(optionTitles(await conversation.say('hello again'))).toHaveLength(4);
  });

  it('delete my data removes the conversation and user state from storage', async () => {
    const conversation = harness.conversation();
    await conversation.join();
    const keysBefore = await harness.app.db.query<{ key: string }>('select key from bot_state where key like $1', [`%${conversation.id}%`]);
    expect(keysBefore.length).toBeGreaterThan(0);
    await conversation.say('delete my data');
    const keysAfter = await harness.app.db.query('select key from bot_state where key like $1', [`%${conversation.id}%`]);
    expect(keysAfter).toHaveLength(0);
  });

  it('a conversation begun on an older tree starts again gently', async () => {
    const conversation = harness.conversation();
    await conversation.join();
    await harness.app.db.query(`update bot_state set doc = jsonb_set(doc, '{treeVersion}', '"root@0"') where key = $1`, [
      `test/conversations/${conversation.id}/`,
    ]);
    const replies = await conversation.say('1');
    expect(allText(replies)).toContain('updated');
    expect(optionTitles(replies)).toHaveLength(4);
    expect(ROOT_TREE_VERSION).toBeGreaterThan(0);
  });
});

describe('audit rows', () => {
  it('hold a keyed hash, the rule id, the channel and the content version, never the conversation id', async () => {
    const conversation = harness.conversation('conversation-with-a-recognisable-id');
    await conversation.join();
    await conversation.say('my daughter is in danger');
    const rows = await harness.app.db.query<Record<string, unknown>>('select * from audit_log');
    const serialised = JSON.stringify(rows);
    expect(serialised).not.toContain('recognisable');
    expect(serialised).not.toContain('daughter');
    const mine = await harness.app.audit.forConversation(conversation.id);
    expect(mine).toEqual([
      expect.objectContaining({
        kind: 'advised-999',
        ruleId: 'G-DANGER-999-NOW',
        channel: 'test',
        contentVersion: harness.app.content.version,
        at: new Date('2026-11-24T23:00:00Z'),
      }),
    ]);
  });
});

describe('a twentieth fresh walk: the wrong role tapped by mistake', () => {
  const MISTAKE = 'sorry wrong button im not a parent, i ran away from home';

  it('leaves the parent journey and reads the words as a first message, to confirm', async () => {
    const conversation = harness.conversation();
    await conversation.join();
    await conversation.say('A parent or family member');
    const reply = allText(await conversation.say(MISTAKE));
    expect(reply).not.toMatch(/your child/);
    expect(reply).toMatch(/young person/);
    const next = allText(await conversation.say('yes'));
    expect(next).toMatch(/are you safe right now/i);
  });

  it('"im the one who left home" at a parent\'s question is the same mistake', async () => {
    const conversation = harness.conversation();
    await conversation.join();
    await conversation.say('A parent or family member');
    const reply = allText(await conversation.say('no, sorry, im the one who left home, my mum will be looking for me'));
    expect(reply).not.toMatch(/your child/);
    expect(reply).toMatch(/young person/);
  });

  it('a correction that names no other writer stays where it is', async () => {
    const conversation = harness.conversation();
    await conversation.join();
    for (const text of ['A parent or family member', 'Missing now']) await conversation.say(text);
    const reply = allText(await conversation.say('wrong one i meant she was with my mum'));
    expect(reply).not.toMatch(/start again/);
    expect(reply).toMatch(/your child/);
  });

  it('by text too', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
    try {
      const phone = '+447700901019';
      for (const text of ['hi', 'A foster carer or care worker']) await sms.text(phone, text);
      const { replies } = await sms.text(phone, 'wrong button, im her mum');
      expect(replies.join('\n')).toMatch(/parent or family member/);
      expect(replies.join('\n')).toMatch(/Is that right/);
    } finally {
      await sms.close();
    }
  });
});
