// The carer's journey, with the clock at 02:00 and at 14:00 on Tuesday 24 November 2026, in Kent
// (and in Thames Valley and Medway for the review points their guidance sets):
// absent or missing, when they went (the review points count from then), the child's risks (a
// high-risk child is reported at once), enquiries, 101, who to notify for the time of day, and
// reminders that arrive by themselves in the chat or by text.
import { CARER_RISKS, type CarerRisk } from '../bot/content/vocabulary';
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
import { startFakeConnector } from './support/fakeConnector';
import { startSmsHarness } from './support/sms';

const NIGHT = '2026-11-24T02:00:00Z';
const DAY = '2026-11-24T14:00:00Z';

let harness: Harness;
/** Thames Valley keeps the unauthorised absence with hourly reviews up to 6 hours; Medway sets the 24 and 48 hour points. */
let thamesValley: Harness;
let medway: Harness;
beforeAll(async () => {
  harness = await startHarness({ now: NIGHT });
  thamesValley = await startHarness({ now: NIGHT, env: { AREA: 'thames-valley' } });
  medway = await startHarness({ now: NIGHT, env: { AREA: 'medway' } });
});
afterAll(async () => {
  await harness.close();
  await thamesValley.close();
  await medway.close();
});
afterEach(() => {
  for (const each of [harness, thamesValley, medway]) each.clock.set(NIGHT);
});

const auditOf = (conversation: Conversation, on: Harness = harness) => auditTrail(on.app, conversation.id);

const walk = (conversation: Conversation, answers: string[]) => walkFrom(conversation, answers, { join: true });
const last = lastTurn;
const ENQUIRIES_DONE = ['Done', 'Done', 'Done', 'Done', 'Done'];
/** Yes to the risks named, no to the others, in the order they are asked. */
const risks = (...yes: CarerRisk[]) => CARER_RISKS.map((risk) => (yes.includes(risk) ? 'Yes' : 'No'));
const NO_RISKS = risks();
const MISSING = ['3', 'No', "I don't know", 'idk', ...NO_RISKS];
const ABSENT = ['3', 'No', 'I know where they are', 'idk', ...NO_RISKS];
const TO_NOTIFY = [...MISSING, 'No', ...ENQUIRIES_DONE];

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
    expect(allText(turns[MISSING.length + 1] ?? [])).toContain('Step 1 of 5 (0 done so far)');
    const text = allText(last(turns));
    expect(text).toContain('5 of 5 done');
    expect(text).toContain('101');
    expect(text).toContain('missing response plan');
    expect(text).toContain(number);
    expect(text).not.toContain(notNumber);
    // Kent: the council is told as soon as possible (004 §4.1), not Thames Valley's six hours.
    expect(text).toContain('as soon as possible');
    expect(text).not.toContain('6 hours');
    expect(await auditOf(conversation)).toEqual(['advised-101:C-REPORT-101', notifyRow]);
  });

  it('a secure order: the absconder wording where the area has the category (Thames Valley), then the enquiries', async () => {
    const conversation = thamesValley.conversation();
    const turns = await walk(conversation, [...MISSING, 'Yes']);
    expect(allText(last(turns))).toContain('when it ends');
    expect(allText(last(turns))).toContain('Step 1 of 5');
  });

  it('whereabouts known in Kent: follow the plan, collect them if safe, 101 if worried; no "unauthorised absence" and no hourly clock', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ABSENT);
    const advice = allText(last(turns));
    expect(advice).toContain('placement plan');
    expect(advice).toContain('101');
    expect(advice).not.toMatch(/every hour|Shall I remind you/);
    expect(await harness.app.scheduler.pending(`carer:${conversation.id}`)).toEqual([]);
  });

  it('"probably at her mums" is a guess, not knowing where she is: the missing route, not "collect them"', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['foster carer here, my 14 year old girl isnt back', 'No']);
    expect(allText(last(turns))).toMatch(/Do you know where the child is/);
    const [answer] = await walkFrom(conversation, ['probably at her mums but shes not allowed contact with her']);
    expect(allText(answer ?? [])).toMatch(/When did they go/);
    expect(allText(answer ?? [])).not.toMatch(/collect/);
  });

  it('whereabouts thought known, but the care plan says report at once: report now on 101 before anything else', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['3', 'No', 'I know where they are', 'idk', ...risks('carePlanReportNow')]);
    const advice = allText(last(turns));
    expect(advice.indexOf('care plan says to report')).toBeGreaterThanOrEqual(0);
    expect(advice.indexOf('care plan says to report')).toBeLessThan(advice.indexOf('collect'));
    expect(await auditOf(conversation)).toContain('advised-101:C-KNOWN-PLAN-REPORT');
  });

  it('a police reference given at any step goes in the log and is said back, not "didn\'t catch that"', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['3', 'No']);
    const [noted] = await walkFrom(conversation, ['ref 0031 from when i rang 101 earlier']);
    expect(allText(noted ?? [])).toContain('0031');
    expect(allText(noted ?? [])).not.toMatch(/didn.t catch/);
    const [log] = await walkFrom(conversation, ['log']);
    expect(allText(log ?? [])).toMatch(/Police reference: 0031/);
  });

  it('whereabouts known in Thames Valley: unauthorised absence, hourly reviews up to 6 hours', async () => {
    const conversation = thamesValley.conversation();
    const turns = await walk(conversation, ABSENT);
    const advice = allText(last(turns));
    expect(advice).toContain('unauthorised absence');
    expect(advice).toContain('every hour');
    expect(advice).toContain('6 hours');
    const set = allText(await conversation.say('Yes'));
    expect(set).toContain('03:00');
    expect(set).toContain('08:00');
    const pending = await thamesValley.app.scheduler.pending(`carer:${conversation.id}`);
    expect(pending.map((reminder) => reminder.dueAt.toISOString())).toEqual(
      [3, 4, 5, 6, 7, 8].map((hour) => `2026-11-24T0${hour}:00:00.000Z`),
    );
    expect(pending[5]?.messageKey).toBe('area.carer.reminders.sixHours');
  });

  it('"back now" cancels pending reminders and gives the return steps and the log', async () => {
    const conversation = thamesValley.conversation();
    await walk(conversation, [...ABSENT, 'Yes']);
    thamesValley.clock.set('2026-11-24T03:30:00Z');
    const back = allText(await conversation.say('back now'));
    for (const words of ['72 hours', 'independent of the placement']) expect(back).toContain(words);
    expect(back).toContain('stopped the reminders');
    expect(back).toMatch(/24\/11 02:00 Started[\s\S]*24\/11 03:30 Child back/);
    const pending = await thamesValley.app.scheduler.pending(`carer:${conversation.id}`);
    // Only the return interview reminder remains.
    expect(pending.map((reminder) => reminder.messageKey)).toEqual(['area.carer.reminders.returnInterview']);
    // An unauthorised absence is not reported to the police, so nobody is told to ring them about the return.
    expect(back).not.toContain('101');
    expect(await auditOf(conversation, thamesValley)).toEqual([]);
  });

  it('"back now" in Kent: the Post Missing Intervention Meeting, the doctor, the key worker\'s return interview and the Young Lives Foundation', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ABSENT);
    harness.clock.set('2026-11-24T03:30:00Z');
    const back = allText(await conversation.say('back now'));
    for (const words of ['diabetes or epilepsy', '72 hours', 'key worker', 'Young Lives Foundation', 'risk assessment'])
      expect(back).toContain(words);
    expect(back).not.toContain('safe and well');
    // No reminders were asked for, so none is set for the return interview either.
    expect(await harness.app.scheduler.pending(`carer:${conversation.id}`)).toEqual([]);
  });

  it('back after being reported missing: tell the police, for their safe and well check; back before it was reported: not', async () => {
    const reported = harness.conversation();
    await walk(reported, TO_NOTIFY);
    const back = allText(await reported.say('shes back'));
    expect(back).toContain('safe and well');
    expect(await auditOf(reported)).toContain('advised-101:C-BACK-SAFE-WELL');
    // Back during the enquiries, before anyone rang the police.
    const early = harness.conversation();
    await walk(early, [...MISSING, 'No', 'Done']);
    expect(allText(await early.say('he never came home last night, none of his mates have seen him'))).not.toContain(
      'diabetes or epilepsy',
    );
    const found = allText(await early.say('hes just walked in'));
    expect(found).toContain('diabetes or epilepsy');
    expect(found).not.toContain('safe and well');
    expect(await auditOf(early)).not.toContain('advised-101:C-BACK-SAFE-WELL');
  });

  it('"one of our girls came back at 2am before we had even called the police", typed at the first question, is the return', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['3', 'one of our girls came back at 2am before we had even called the police']);
    const back = allText(last(turns));
    expect(back).toContain('diabetes or epilepsy');
    expect(back).not.toContain('safe and well');
    expect(back).not.toMatch(/didn't catch/);
    expect(await auditOf(conversation)).not.toContain('advised-101:C-BACK-SAFE-WELL');
  });

  it('by text: a carer whose child came back before it was reported is not told to ring the police about it', async () => {
    const sms = await startSmsHarness({ now: NIGHT });
    try {
      const phone = '+447700900664';
      for (const answer of ['hi', ...ABSENT]) await sms.text(phone, answer);
      const back = (await sms.text(phone, 'he came back at 1am before id even rung the police')).replies.join('\n');
      expect(back).toContain('diabetes or epilepsy');
      expect(back).not.toContain('safe and well');
    } finally {
      await sms.close();
    }
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
      'Front Door Service 03000 419191',
    ]) {
      expect(log).toContain(line);
    }
  });
});

describe("a carer's own questions, at the hour they ask them", () => {
  const FIRST = 'hi im a foster carer, my girl (14) hasnt come back tonight, she was due in at 10';

  it('"ive already searched the house" at "in danger now?" is no yes: no 999, the question stays', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, [FIRST, 'ive already searched the house and the street']);
    expect(allText(last(turns))).not.toContain('999 now');
    expect(optionTitles(last(turns))).toEqual(['Yes', 'No', 'Not sure']);
    expect(await auditOf(conversation)).toEqual([]);
  });

  it('"do i ring her social worker now?" at night: the police first if not told, then the out-of-hours team; the question stays', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, [FIRST, 'do i ring her social worker now?']);
    const answer = allText(last(turns));
    expect(answer).toContain('03000 419191');
    expect(answer).toContain('101');
    expect(answer).not.toContain('03000 411111');
    expect(optionTitles(last(turns))).toEqual(['Yes', 'No', 'Not sure']);
  });

  it("in office hours: the social worker, or children's services if they cannot be reached", async () => {
    const conversation = harness.conversation();
    harness.clock.set(DAY);
    const answer = allText(last(await walk(conversation, [FIRST, 'should i tell his social worker'])));
    expect(answer).toContain('03000 411111');
    expect(answer).not.toContain('03000 419191');
  });

  it('"when should i tell the police? her plan says after an hour": without delay once the checks are made, never past the plan\'s time', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, [FIRST, 'No', 'when should i tell the police? her plan says after an hour']);
    const answer = allText(last(turns));
    expect(answer).toContain('101');
    expect(answer).toMatch(/missing plan/);
    expect(answer).not.toMatch(/I can only answer a few questions/);
    expect(optionTitles(last(turns))).toEqual(['I know where they are', "I don't know"]);
  });

  it('"still not back, checked everywhere" at "do you know where they are?" is not knowing: the missing route', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['3', 'No', 'still not back, checked everywhere']);
    expect(allText(last(turns))).toMatch(/When did they go/);
    expect(allText(last(turns))).not.toMatch(/didn't catch/);
  });

  it('by text: "cant find her anywhere, still not back" is not knowing', async () => {
    const sms = await startSmsHarness({ now: NIGHT });
    try {
      const phone = '+447700900459';
      for (const text of ['hi', '3', 'no']) await sms.text(phone, text);
      const { replies } = await sms.text(phone, 'cant find her anywhere, still not back');
      expect(replies.join('\n')).toMatch(/When did they go/);
    } finally {
      await sms.close();
    }
  });

  it('"ok so do i ring EDT first or 101" at "do you know where they are?" is a question: the police first, then the night team; no answer taken', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, [FIRST, 'No', 'ok so do i ring EDT first or 101']);
    const answer = allText(last(turns));
    expect(answer).toContain('101');
    expect(answer).toContain('03000 419191');
    expect(optionTitles(last(turns))).toEqual(['I know where they are', "I don't know"]);
  });

  it('by text: "ive got the EDT number somewhere, do i ring them first or 101??" is answered, not "only a few questions"', async () => {
    const sms = await startSmsHarness({ now: NIGHT });
    try {
      const phone = '+447700900457';
      await sms.text(phone, FIRST);
      const { replies } = await sms.text(
        phone,
        'shes looked after by kent, ive got the EDT number somewhere, do i ring them first or 101??',
      );
      expect(replies.join('\n')).toContain('03000 419191');
      expect(replies.join('\n')).not.toMatch(/only answer a few questions/);
    } finally {
      await sms.close();
    }
  });

  it('by text, back: "do i tell the police shes back? they had her down as missing" is yes, on 101', async () => {
    const sms = await startSmsHarness({ now: NIGHT });
    try {
      const phone = '+447700900456';
      for (const text of ['hi', '3', 'shes come back, she was gone since friday']) await sms.text(phone, text);
      const { replies } = await sms.text(phone, 'do i tell the police shes back? they had her down as missing');
      expect(replies.join('\n')).toMatch(/101 now/);
      expect(replies.join('\n')).not.toMatch(/only answer a few questions/);
    } finally {
      await sms.close();
    }
  });

  it('by text: both questions answered, and the journey carries on', async () => {
    const sms = await startSmsHarness({ now: NIGHT });
    try {
      const phone = '+447700900458';
      await sms.text(phone, FIRST);
      await sms.text(phone, 'yes');
      const socialWorker = (await sms.text(phone, 'do i ring her social worker now?')).replies.join('\n');
      expect(socialWorker).toContain('03000 419191');
      const police = (await sms.text(phone, 'when do i tell the police?')).replies.join('\n');
      expect(police).toMatch(/missing plan/);
      const next = (await sms.text(phone, 'no')).replies.join('\n');
      expect(next).toMatch(/know where/i);
    } finally {
      await sms.close();
    }
  });
});

describe('when they were due back, said in the first message', () => {
  it('"she was meant to be in by 10 and its nearly 2am" is confirmed at "when did they go?", not asked', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, [
      'hi im a foster carer, our 15yo didnt come back, she was meant to be in by 10 and its nearly 2am',
      'No',
      "I don't know",
    ]);
    const text = allText(last(turns));
    expect(text).toMatch(/You told me earlier/);
    expect(text).toContain('22:00');
  });

  it('by text, "resi worker here ... curfew was 9.30, its 1.40 now": the carer\'s steps, and the curfew confirmed', async () => {
    const sms = await startSmsHarness({ now: '2026-11-25T01:40:00Z' });
    try {
      const phone = '+447700900455';
      const first = await sms.text(
        phone,
        'resi worker here, one of our lads (15) hasnt come back to the home, curfew was 9.30, its 1.40 now',
      );
      expect(first.replies.join('\n')).toMatch(/foster carer or care worker/);
      for (const text of ['1', 'no']) await sms.text(phone, text);
      const { replies } = await sms.text(phone, '2');
      expect(replies.join('\n')).toMatch(/You told me earlier/);
      expect(replies.join('\n')).toContain('21:30');
    } finally {
      await sms.close();
    }
  });
});

describe('not sure about danger', () => {
  it('"not sure" is recorded as not sure, with 101 to talk it through and 999 if it could be immediate', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['3', 'Not sure']);
    const advice = allText(last(turns));
    expect(advice).toContain('101');
    expect(advice).toContain('999');
    expect(await auditOf(conversation)).toEqual(['advised-101:C-DANGER-UNSURE']);
    const log = allText(await conversation.say('Show my log'));
    expect(log).toContain('Danger now: not sure');
    expect(log).not.toMatch(/Danger now: no$/m);
  });
});

describe('review points count from when the child went or was due back (Thames Valley)', () => {
  const CHAT = '2026-11-24T02:05:00Z';

  it.each(['22:00', '10pm last night'])(
    'curfew %s, chat at 02:05: the reviews already due are said now; the next at 03:00, "treat as missing" at 04:00',
    async (went) => {
      thamesValley.clock.set(CHAT);
      const conversation = thamesValley.conversation();
      const turns = await walk(conversation, ['3', 'No', 'I know where they are', went, 'Yes', ...NO_RISKS]);
      expect(allText(turns[4] ?? [])).toContain('22:00');
      const overdue = allText(last(turns));
      expect(overdue).toContain('23:00, 00:00, 01:00 and 02:00');
      const set = allText(await conversation.say('Yes'));
      expect(set).toContain('03:00');
      expect(set).toContain('04:00');
      const pending = await thamesValley.app.scheduler.pending(`carer:${conversation.id}`);
      expect(pending.map((reminder) => [reminder.dueAt.toISOString(), reminder.messageKey])).toEqual([
        ['2026-11-24T03:00:00.000Z', 'carer.reminders.hourly'],
        ['2026-11-24T04:00:00.000Z', 'area.carer.reminders.sixHours'],
      ]);
      expect(allText(await conversation.say('Show my log'))).toContain('Went or due back: Monday 23 November at 22:00');
    },
  );

  it('"idk": the times count from the start of the chat, and it says so', async () => {
    thamesValley.clock.set(CHAT);
    const conversation = thamesValley.conversation();
    const turns = await walk(conversation, ['3', 'No', 'I know where they are', 'idk']);
    expect(allText(last(turns))).toContain('count the review times from now');
    await walk(conversation, [...NO_RISKS, 'Yes']);
    const pending = await thamesValley.app.scheduler.pending(`carer:${conversation.id}`);
    expect(pending.map((reminder) => reminder.dueAt.toISOString())).toEqual(
      [3, 4, 5, 6, 7, 8].map((hour) => `2026-11-24T0${hour}:05:00.000Z`),
    );
  });

  it('past the 6 hours already: "treat as missing" is said now, and the missing steps begin', async () => {
    thamesValley.clock.set('2026-11-24T04:30:00Z');
    const conversation = thamesValley.conversation();
    const turns = await walk(conversation, ['3', 'No', 'I know where they are', '22:00', 'Yes', ...NO_RISKS]);
    const text = allText(last(turns));
    expect(text).toContain('6 hours since they went');
    expect(text).toContain('reasonable enquiries');
    expect(text).toContain('secure order');
    expect(await thamesValley.app.scheduler.pending(`carer:${conversation.id}`)).toEqual([]);
  });

  it('missing since the day before (Medway): the 24-hour point is said now, the 48-hour one is the reminder', async () => {
    const conversation = medway.conversation();
    await walk(conversation, ['3', 'No', "I don't know", 'yesterday at 1am', 'Yes', ...NO_RISKS, 'No', ...ENQUIRIES_DONE.slice(0, 4)]);
    const notify = allText(await conversation.say('Done'));
    expect(notify).toContain('missing 24 hours');
    expect(notify).toContain('48 hours (a strategy meeting');
    await conversation.say('Yes');
    const pending = await medway.app.scheduler.pending(`carer:${conversation.id}`);
    expect(pending.map((reminder) => [reminder.dueAt.toISOString(), reminder.messageKey])).toEqual([
      ['2026-11-25T01:00:00.000Z', 'area.carer.reminders.twoDays'],
    ]);
  });
});

describe("the child's known risks", () => {
  it('15, with a history of sexual exploitation, missing at 02:00: report to the police now, then the enquiries', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['3', 'No', "I don't know", '02:00', 'Yes', ...risks('exploitation')]);
    const advice = allText(last(turns));
    expect(advice).toContain('report them missing to the police now on 101');
    expect(advice).toContain('999');
    expect(advice).not.toContain('before you call the police');
    expect(await auditOf(conversation)).toEqual(['advised-101:C-MISSING-HIGH-RISK']);
    // The enquiries still follow; after them, what they found goes to the police, not a second "report".
    const after = allText((await walk(conversation, ['No', ...ENQUIRIES_DONE])).pop() ?? []);
    expect(after).toContain('what your enquiries found');
    expect(await auditOf(conversation)).toEqual(['advised-101:C-MISSING-HIGH-RISK', 'notify-advised:C-NOTIFY-OUT-OF-HOURS']);
    await conversation.say('No');
    const shown = allText(await conversation.say('Show my log'));
    expect(shown).toContain('Known risks: exploitation');
    expect(shown).toContain('report to the police at once');
  });

  it("exploitation: the signs Kent's guidance gives and where to go (the Exploitation Toolkit, the police's exploitation team, CEOP, the NRM)", async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, [...MISSING.slice(0, 4), ...risks('exploitation')]);
    const text = allText(last(turns));
    for (const words of ['groom', 'Exploitation Toolkit', 'Missing Child Exploitation Team', 'CEOP']) expect(text).toContain(words);
    expect(text).toContain('National Referral Mechanism');
  });

  it('"idk" at a yes/no risk question is told how to answer, not that it was not caught; twice, the way on', async () => {
    const conversation = harness.conversation();
    await walk(conversation, MISSING.slice(0, 4));
    const once = allText(await conversation.say('idk tbh'));
    expect(once).toContain('If you think it could be so, say yes');
    expect(once).not.toContain("didn't catch that");
    expect(once).toContain('care plan or missing plan');
    expect(allText(await conversation.say('dunno'))).toContain('talk to a person');
    expect(allText(await conversation.say('yes'))).toContain('exploitation');
  });

  it('exploitation said earlier in the chat is not asked again', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['3', 'No']);
    // Heard as danger (999 first), and kept as a risk.
    expect(allText(await conversation.say('she has been sexually exploited before'))).toContain('999');
    const turns = await walk(conversation, ["I don't know", 'idk', 'No']);
    expect(allText(last(turns))).toContain('self-harmed');
  });

  it('a medical need said in passing at another risk question is kept, and that question is not asked', async () => {
    const conversation = harness.conversation();
    // care plan, exploitation, then self-harm answered "no" with the asthma in the same breath.
    await walk(conversation, [...MISSING.slice(0, 4), 'No', 'No']);
    const next = allText(await conversation.say('no he has asthma but has his inhaler'));
    expect(next).not.toContain('medical needs');
    expect(next).toContain('12 or younger');
    await walk(conversation, ['No', 'No', 'No', 'No', ...ENQUIRIES_DONE]);
    const shown = allText(await conversation.say('Show my log'));
    expect(shown).toContain('medical needs');
    expect(shown).not.toContain('self-harm');
  });

  it('an unaccompanied asylum-seeking child: traffickers, the police at once, the social worker, the NRM', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, [...MISSING.slice(0, 4), ...risks('asylumSeeking')]);
    const text = allText(last(turns));
    expect(text).toContain('traffickers');
    expect(text).toContain('social worker');
    expect(text).toContain('National Referral Mechanism');
    expect(await auditOf(conversation)).toEqual(['advised-101:C-MISSING-HIGH-RISK']);
  });

  it('placed by another council: tell that council as well as Kent; enquiries first unless another risk says otherwise', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, [...MISSING.slice(0, 4), ...risks('placedFromElsewhere')]);
    const text = allText(last(turns));
    expect(text).toContain('another council');
    expect(text).toContain('as well as Kent');
    expect(text).toContain('reasonable enquiries before you call the police');
    expect(await auditOf(conversation)).toEqual([]);
  });
});

describe('enquiries that fit what was said', () => {
  it('"no phone" said earlier: the phone round is friends, family and places, not "phone the child"', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, [
      '3',
      'no, he has no phone with him',
      "I don't know",
      'idk',
      ...NO_RISKS,
      'No',
      'Done',
      'Done',
      'Done',
    ]);
    const step = allText(last(turns));
    expect(step).toContain('Step 4 of 5');
    expect(step).toContain('no phone with them');
    expect(step).not.toContain('Phone the child');
  });

  it('never came back from contact: the first enquiry is asking there and the way back, not "search the home"; the log says so', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, [
      '3',
      'no, she never came back from contact with her mum',
      "I don't know",
      'idk',
      ...NO_RISKS,
      'No',
    ]);
    const first = allText(last(turns));
    expect(first).toContain('never came back from contact');
    expect(first).not.toContain('Search the home');
    const logged = allText(await conversation.say('Done'));
    expect(logged).toContain('Step 2 of 5');
    expect(allText(await conversation.say('show log'))).toContain('asked where they were last');
  });

  it('"a care order" is a court order: typed at the order question it is a yes; said in the first message, the question is not asked', async () => {
    const typed = harness.conversation();
    const answered = await walk(typed, [...MISSING, 'she is on a care order']);
    expect(allText(last(answered))).toContain('Step 1 of 5');
    expect(allText(await typed.say('show log'))).toContain('Under a secure or court order');

    const said = harness.conversation();
    const turns = await walkFrom(said, [
      'foster carer here, 14 year old on a care order, not back since 6',
      'yes',
      'no',
      "I don't know",
      // "since 6" was when they went: confirmed, not asked.
      'yes',
      // Their age is known, so "12 or younger?" is not asked.
      ...NO_RISKS.slice(1),
    ]);
    const atOrder = allText(last(turns));
    expect(atOrder).toContain('court order (a care order is one)');
    expect(allText(await said.say('show log'))).toContain('Under a secure or court order');
    expect(atOrder).not.toContain('Is the child under a secure order');
  });

  it('by text: "on a care order" said in passing is not asked about again', async () => {
    const sms = await startSmsHarness({ now: NIGHT });
    try {
      let replies: string[] = [];
      for (const body of ['hi', '3', 'no, shes on a care order', "I don't know", 'idk', ...NO_RISKS])
        replies = (await sms.text('+447700900774', body)).replies;
      expect(replies.join('\n')).toContain('a care order is one');
    } finally {
      await sms.close();
    }
  });

  it('by text: never came back from school, the school is asked first', async () => {
    const sms = await startSmsHarness({ now: NIGHT });
    try {
      let replies: string[] = [];
      for (const body of ['hi', '3', 'no, he didnt come home from school', "I don't know", 'idk', ...NO_RISKS, 'No'])
        replies = (await sms.text('+447700900773', body)).replies;
      expect(replies.join('\n')).toContain('never came back from school');
    } finally {
      await sms.close();
    }
  });

  it('by text too', async () => {
    const sms = await startSmsHarness({ now: NIGHT });
    try {
      let lastReplies: string[] = [];
      for (const body of ['hi', '3', 'no, he has no phone with him', "I don't know", 'idk', ...NO_RISKS, 'No', 'Done', 'Done', 'Done'])
        lastReplies = (await sms.text('+447700900771', body)).replies;
      expect(lastReplies.join('\n')).toContain('no phone with them');
    } finally {
      await sms.close();
    }
  });
});

describe('a child back with signs of exploitation', () => {
  const FIRST = 'foster carer. our lad (14) came back at 2am with new trainers and £150 he wont explain';

  it('the exploitation route (police, 999 only if in danger now, children\'s services), then the return steps, not "do you know where they are?"', async () => {
    const conversation = harness.conversation();
    const first = await conversation.say(FIRST);
    expect(allText(first)).toContain('exploited');
    for (const number of ['999', '101', '03000 419191']) expect(allText(first)).toContain(number);
    expect(allText(first)).not.toContain('call 999 now');
    const back = await conversation.say('yes');
    expect(allText(back)).toContain('safe and well check');
    expect(allText(back)).not.toContain('Do you know where the child is?');
    const audit = await auditOf(conversation);
    expect(audit).toContain('disclosure-heard:G-DISCLOSE-ADULT-EXPLOITED');
    expect(audit.some((row) => row.startsWith('advised-999'))).toBe(false);
  });

  it('by text too', async () => {
    const sms = await startSmsHarness({ now: NIGHT });
    try {
      const phone = '+447700900772';
      const first = (await sms.text(phone, FIRST)).replies.join('\n');
      expect(first).toContain('exploited');
      const back = (await sms.text(phone, 'yes')).replies.join('\n');
      expect(back).toContain('safe and well check');
    } finally {
      await sms.close();
    }
  });
});

describe('how long they have been gone', () => {
  it('13, in care, 10 hours past due back at 02:20, no risk said: report to the police now, not enquiries first', async () => {
    harness.clock.set('2026-11-24T02:20:00Z');
    const conversation = harness.conversation();
    // The age said first answers "12 or younger?", so that question is not asked.
    const noRisksButAge = CARER_RISKS.filter((risk) => risk !== 'underThirteen').map(() => 'No');
    // The first message is the first thing said (no welcome before it), as on the widget.
    const turns = await walkFrom(conversation, [
      'foster carer here, our 13 year old was due back at 4.20pm and still isnt home',
      'yes',
      'no',
      "I don't know",
      '4.20pm',
      'yes',
      ...noRisksButAge,
    ]);
    const advice = allText(last(turns));
    expect(advice).toContain('gone 10 hours');
    expect(advice).toContain('report them missing to the police now on 101');
    expect(advice).not.toContain('before you call the police');
    expect(await auditOf(conversation)).toEqual(['advised-101:C-MISSING-OVERDUE']);
  });

  it('due back an hour ago: reasonable enquiries first, as long as it is safe', async () => {
    harness.clock.set('2026-11-24T02:20:00Z');
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['3', 'No', "I don't know", '01:20', 'yes', ...risks()]);
    expect(allText(last(turns))).toContain('reasonable enquiries before you call the police');
    expect(await auditOf(conversation)).toEqual([]);
  });

  it("Thames Valley, whose guidance gives no time for a child whose whereabouts are not known, says it as Kent's", async () => {
    thamesValley.clock.set('2026-11-24T02:20:00Z');
    const conversation = thamesValley.conversation();
    const turns = await walk(conversation, ['3', 'No', "I don't know", '20:00', 'yes', ...risks()]);
    const advice = allText(last(turns));
    expect(advice).toMatch(/Thames Valley's guidance doesn't say; Kent [^:]*'s guidance says:/);
    expect(advice).toContain('report them missing to the police now');
  });
});

describe('reminders that act', () => {
  it('in the chat (Thames Valley): the hourly review and the 6-hour "treat as missing" arrive by themselves', async () => {
    const connector = await startFakeConnector();
    const harness = await startHarness({ now: NIGHT, env: { AREA: 'thames-valley' } });
    try {
      const conversation = harness.conversation(undefined, { channelId: 'webchat', serviceUrl: connector.url });
      await walk(conversation, [...ABSENT, 'Yes']);
      harness.clock.set('2026-11-24T03:00:30Z');
      await harness.app.scheduler.tick();
      const delivered = () => connector.posted.filter((post) => post.conversationId === conversation.id).map((post) => post.text);
      expect(delivered()).toHaveLength(1);
      expect(delivered()[0]).toContain('Hourly review (1 of 6)');
      // The job ticks through the night (a reminder hours late is not sent at all).
      for (const hour of ['04', '05', '06', '07', '08']) {
        harness.clock.set(`2026-11-24T${hour}:00:30Z`);
        await harness.app.scheduler.tick();
      }
      expect(delivered()).toHaveLength(6);
      expect(delivered()[5]).toContain('Treat them as missing now');
      const audit = await auditTrail(harness.app, conversation.id);
      expect(audit.filter((row) => row === 'reminder-sent:C-REVIEW-6H')).toHaveLength(1);
    } finally {
      await harness.close();
      await connector.close();
    }
  });

  it('curfew 22:00, chat at 02:05 (Thames Valley): "treat as missing" arrives at 04:00, six hours after they were due back', async () => {
    const connector = await startFakeConnector();
    const harness = await startHarness({ now: '2026-11-24T02:05:00Z', env: { AREA: 'thames-valley' } });
    try {
      const conversation = harness.conversation(undefined, { channelId: 'webchat', serviceUrl: connector.url });
      await walk(conversation, ['3', 'No', 'I know where they are', '22:00', 'Yes', ...NO_RISKS, 'Yes']);
      const delivered = () => connector.posted.filter((post) => post.conversationId === conversation.id).map((post) => post.text);
      harness.clock.set('2026-11-24T03:00:30Z');
      await harness.app.scheduler.tick();
      expect(delivered()).toEqual([expect.stringContaining('Hourly review (5 of 6)')]);
      harness.clock.set('2026-11-24T04:00:30Z');
      await harness.app.scheduler.tick();
      expect(delivered()[1]).toContain('6 hours since they went');
      const audit = await auditTrail(harness.app, conversation.id);
      expect(audit).toEqual(['reminder-sent:C-REVIEW-HOURLY', 'reminder-sent:C-REVIEW-6H']);
    } finally {
      await harness.close();
      await connector.close();
    }
  });

  it('by text (Medway): the 24-hour reminder arrives as an SMS; "back now" stops the rest', async () => {
    const sms = await startSmsHarness({ now: NIGHT, env: { AREA: 'medway' } });
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

describe("a threat in the middle of a night worker's long message", () => {
  const LONG =
    "Night worker at a children's home. Resident (boy, 16) absconded around midnight, this is his 4th time this month. Logged it, rang 101. Just had a snapchat from him saying hes with some lads in a car and they've given him a package to take to Margate and he's scared they'll stab him if he doesnt. Anyway what's the process for the return interview when he's back";

  it('by text, is 999 for the police, not an ambulance, and the child is not taken for back', async () => {
    const sms = await startSmsHarness({ now: NIGHT });
    try {
      const phone = '+447700901013';
      const { replies } = await sms.text(phone, LONG);
      const text = replies.join('\n');
      expect(text).toMatch(/call 999 now and ask for the police/);
      expect(text).not.toMatch(/medical emergency/);
      expect(text).toMatch(/is not back/);
    } finally {
      await sms.close();
    }
  });

  it('on the Bot Framework endpoint too', async () => {
    const conversation = harness.conversation();
    const [, reply = []] = await walk(conversation, [LONG]);
    expect(allText(reply)).toMatch(/call 999 now and ask for the police/);
    expect(allText(reply)).not.toMatch(/medical emergency|Good that they are back/);
  });
});

describe('a twenty-first fresh walk: the care plan says report at once, said up front', () => {
  const FIRST = 'my foster son is 13 and hasnt come back tonight, his care plan says to report him missing straight away';

  it('is "report now" as soon as the carer says they do not know where he is, and the plan is not asked about again', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['3', FIRST, 'no', "I don't know"]);
    expect(allText(last(turns))).toMatch(/care plan says to report them/);
    expect(allText(last(turns))).toMatch(/101/);
    expect(await auditOf(conversation)).toContain('advised-101:C-MISSING-PLAN-REPORT');
    const rest = await walkFrom(conversation, ['6pm', 'yes', 'No', 'No', 'No', 'No', 'No']);
    const asked = rest.map(allText).join('\n');
    expect(asked).not.toMatch(/care plan or missing plan/);
    expect(asked).not.toMatch(/12 or younger/);
    expect(asked).not.toMatch(/With these risks, don't wait/);
  });

  it('by text too', async () => {
    const sms = await startSmsHarness({ now: NIGHT });
    try {
      const phone = '+447700901026';
      for (const text of ['hi', 'foster carer', FIRST, 'no']) await sms.text(phone, text);
      const { replies } = await sms.text(phone, "I don't know");
      expect(replies.join('\n')).toMatch(/care plan says to report them/);
    } finally {
      await sms.close();
    }
  });
});

describe('a twenty-first fresh walk, second round: a carer asks whether to tell the police he is back', () => {
  const WALK = [
    'A foster carer or care worker',
    'night staff at a childrens home. one of our lads (16) just walked back in at 3am, been gone since yesterday lunch',
  ];
  const ASKED = 'do i need to ring the police to say hes back? we reported him at 6pm';

  it('is told to ring 101 and say he is back, not "you do not have to wait 24 hours"', async () => {
    const conversation = harness.conversation();
    await walk(conversation, WALK);
    const reply = allText(await conversation.say(ASKED));
    expect(reply).toMatch(/tell them the child is back/);
    expect(reply).not.toMatch(/wait 24 hours/);
  });

  it('by text too', async () => {
    const sms = await startSmsHarness({ now: NIGHT });
    try {
      const phone = '+447700901034';
      for (const text of ['hi', ...WALK]) await sms.text(phone, text);
      expect((await sms.text(phone, ASKED)).replies.join('\n')).toMatch(/tell them the child is back/);
    } finally {
      await sms.close();
    }
  });
});
