// The professional's journey, typed as professionals write, at 23:00 on Tuesday 24 November 2026:
// who they are and what is happening, what the guidance asks of each (the rule ids audited, the
// numbers given), the groups of children it names, and exploitation with where to go.
import { auditTrail, allText, optionTitles, startHarness, walk, type Conversation, type Harness, type Reply } from './support/harness';
import { startSmsHarness } from './support/sms';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ now: '2026-11-24T23:00:00Z' });
});
afterAll(() => harness.close());

const auditOf = (conversation: Conversation) => auditTrail(harness.app, conversation.id);

const PROFESSIONS = ['Teacher or school staff', 'Social worker', 'Health', 'Police', 'Other'];
const SITUATIONS = ['A child is missing now', 'A child is back', 'A worry about exploitation'];
const GROUPS = ['Unaccompanied asylum seeker', 'Placed from another area', 'Privately fostered', 'None of these'];
const SAFECALL = '020 8392 5710';
const SPECIALIST_CHILDRENS_SERVICES = '03000 411111';
const OUT_OF_HOURS = '03000 419191';
const SPECIALIST_CHILDREN_SERVICES_OR_REFERRAL = SPECIALIST_CHILDRENS_SERVICES;

const text = (turn: Reply[] | undefined) => allText(turn ?? []);

describe('the professional journey', () => {
  it('a social worker whose first message says a child ran from her placement: never the carer journey; police, the placing authority, then a UASC and exploitation', async () => {
    const conversation = harness.conversation();
    // The first message, before any welcome (as by text): read for who is writing and what is happening.
    const [understood, advice, uasc, exploitation] = await walk(conversation, [
      "I'm a social worker, a child on my caseload ran from her placement",
      'yes thats right',
      'shes an unaccompanied asylum seeking child',
      'yes',
    ]);
    expect(text(understood)).toContain('professional');
    expect(optionTitles(understood ?? [])).toEqual(['Yes', 'No']);
    // Which professional and what is happening both came with the first message: neither is asked again.
    expect(optionTitles(advice ?? [])).not.toEqual(PROFESSIONS);
    expect(optionTitles(advice ?? [])).toEqual(GROUPS);
    for (const number of ['999', '101', SPECIALIST_CHILDRENS_SERVICES, OUT_OF_HOURS]) expect(text(advice)).toContain(number);
    expect(text(advice)).toContain('missing response plan');
    expect(text(uasc)).toContain('immigration');
    expect(text(uasc)).toContain('traffickers');
    expect(optionTitles(uasc ?? [])).toEqual(['Yes', 'No']);
    for (const words of [SAFECALL, 'Kent and Medway Exploitation Toolkit', 'National Referral Mechanism', 'www.ceop.police.uk'])
      expect(text(exploitation)).toContain(words);
    expect(text(exploitation)).toContain('talk to a person');
    expect(await auditOf(conversation)).toEqual([
      'advised-101:PR-MISSING-POLICE',
      'notify-advised:PR-MISSING-PLACING-AUTHORITY',
      'advised-101:PR-EXPLOIT-POLICE',
    ]);
  });

  it('"social worker" typed for "Who is writing?" is not asked which professional again', async () => {
    const conversation = harness.conversation();
    const [, answered] = await walk(conversation, ['hello', 'social worker']);
    expect(optionTitles(answered ?? [])).toEqual(SITUATIONS);
  });

  it('school staff, a pupil missing: the police, the DSL, children missing education and a referral if not reported', async () => {
    const conversation = harness.conversation();
    const turns = await walk(
      conversation,
      [
        'hi im the DSL at a secondary school',
        'yep',
        'DSL',
        'one of our year 9s never came home last night and mum cant find her',
        'no',
        'no',
      ],
      { join: true },
    );
    const advice = text(turns[4]);
    for (const words of ['101', '999', 'Designated Safeguarding Lead', 'www.kelsi.org.uk', SPECIALIST_CHILDRENS_SERVICES])
      expect(advice).toContain(words);
    expect(advice).not.toContain('COMPACT');
    expect(text(turns[6])).toContain('talk to a person');
    expect(await auditOf(conversation)).toEqual(['advised-101:PR-MISSING-POLICE']);
  });

  it('a police officer, a child back: the Post Missing Intervention Meeting and COMPACT, who arranges the return interview, a child placed from another area', async () => {
    const conversation = harness.conversation();
    const turns = await walk(
      conversation,
      ['4', 'police', 'she turned up at her nans this morning', 'placed here by another council', 'no'],
      {
        join: true,
      },
    );
    const advice = text(turns[3]);
    for (const words of [
      'Post Missing Intervention Meeting',
      'COMPACT',
      '72 hours',
      'Young Lives Foundation',
      '13 and over',
      'placing authority',
    ])
      expect(advice).toContain(words);
    expect(text(turns[4])).toContain('placing council');
    // Police are not told to ring 101.
    expect(await auditOf(conversation)).toEqual([]);
  });

  it('a school nurse worried about grooming: 999 first for the words, then the exploitation advice; typed or tapped, the option is the answer', async () => {
    const conversation = harness.conversation();
    const first = await conversation.say("I'm a school nurse and I'm worried a year 10 boy is being groomed by older lads");
    expect(first[0]?.text).toContain('999');
    await conversation.say('yes');
    const situation = await conversation.say('school nurse');
    expect(optionTitles(situation)).toEqual(SITUATIONS);
    // Typed, the word is heard as danger and as the answer: the exploitation route (999 if in
    // danger now, otherwise 101), then the exploitation advice.
    const dangerRows = (await auditOf(conversation)).length;
    const typed = await conversation.say('exploitation');
    expect(typed[0]?.text).toContain('999');
    for (const number of [SAFECALL, '101', SPECIALIST_CHILDRENS_SERVICES]) expect(text(typed)).toContain(number);
    expect(text(typed)).toContain('National Referral Mechanism');
    expect(text(typed)).not.toContain('As the allocated social worker');
    expect(optionTitles(typed)).toEqual(GROUPS);
    const audit = await auditOf(conversation);
    expect(audit.slice(dangerRows)).toEqual(['disclosure-heard:G-DISCLOSE-ADULT-EXPLOITED', 'advised-101:PR-EXPLOIT-POLICE']);
    // Exploitation was the worry already: after the groups, the journey closes.
    const closing = await conversation.say('privately fostered');
    expect(text(closing)).toContain('under 16');
    expect(text(closing)).toContain('talk to a person');
    expect(optionTitles(closing)).toEqual([]);
  });

  it('a tapped option is an answer, not danger: "A worry about exploitation" gives the advice and no danger rule', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['A professional', 'school nurse']);
    const advice = await conversation.say('A worry about exploitation');
    expect(text(advice)).toContain(SAFECALL);
    expect(optionTitles(advice)).toEqual(GROUPS);
    expect(await auditOf(conversation)).toEqual(['advised-101:PR-EXPLOIT-POLICE']);
  });

  it('a youth worker: refer if the parents have not reported it; talk to a person works mid-journey', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['A professional', "i'm a youth worker", 'A child is missing now'], { join: true });
    expect(text(turns[3])).toContain('If the parents or carers have not reported');
    const handoff = await conversation.say('talk to a person');
    for (const number of ['116 000', OUT_OF_HOURS, '999', '101']) expect(text(handoff)).toContain(number);
    expect(await auditOf(conversation)).toEqual(['advised-101:PR-MISSING-POLICE', 'human-requested:G-HUMAN-OUT-OF-HOURS']);
  });

  it('a child back whom nobody reported: the school nurse is told to refer (police or children\'s social care), not "make sure the police know"', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['A professional', 'school nurse', 'A child is back', 'no not that i know of'], { join: true });
    const advice = text(turns[4]);
    for (const number of [SPECIALIST_CHILDREN_SERVICES_OR_REFERRAL, OUT_OF_HOURS]) expect(advice).toContain(number);
    expect(advice).not.toContain('Make sure the police know the child is back');
    expect(await auditOf(conversation)).toEqual(['notify-advised:PR-BACK-UNREPORTED']);
  });

  it('"nobody reported it" in the first message is not asked again; reported, the police are told the child is back', async () => {
    const unreported = harness.conversation();
    // The words and the trained reader disagree on what is happening ("was away... back home now"): it is asked.
    const first = await walk(unreported, [
      "youth worker here. a lad from our project was away 3 nights last week, he's back home now, and his dad didn't report it",
      'yes',
      'A child is back',
    ]);
    expect(text(first[2])).not.toContain('reported missing to the police while they were away');
    expect(await auditOf(unreported)).toContain('notify-advised:PR-BACK-UNREPORTED');

    const reported = harness.conversation();
    await walk(reported, ['A professional', 'social worker', 'A child is back', 'yes they were']);
    expect(await auditOf(reported)).toEqual(['advised-101:PR-BACK-TELL-POLICE']);
  });

  it('by SMS: a teacher told of an unreported night away is told to refer', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
    try {
      const phone = '+447700900612';
      let replies: string[] = [];
      for (const body of ['hi', '4', 'teacher', 'A child is back', 'no']) replies = (await sms.text(phone, body)).replies;
      expect(replies.join('\n')).toContain(SPECIALIST_CHILDREN_SERVICES_OR_REFERRAL);
    } finally {
      await sms.close();
    }
  });
});
