// One reading per turn, as people meet it: an answer that holds danger is both (999, the answer
// kept, the journey moves on); a worrying message that is not clearly an emergency gets a
// direct, caring question with the crisis lines, never "didn't catch that"; facts said in passing
// are confirmed, not asked again; "never came back" is not a return. On the Bot Framework
// endpoint and by SMS, in sentences written for these tests (none is in the corpus).
import { allText, auditTrail, cardFacts, lastTurn as lastTurnOf, optionTitles, startHarness, walk, type Harness } from './support/harness';
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
    expect(await auditTrail(harness.app, conversation.id)).toEqual(['advised-999:G-DANGER-999-NOW']);
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

  it('a missing child with diabetes and no insulin: 999, and tell the police they are missing and without it, not only an ambulance', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['1', 'Missing now']);
    const [turn] = await walk(conversation, ['shes diabetic and she didnt take her insulin pen with her']);
    const text = allText(turn ?? []);
    expect(text).toContain('999');
    expect(text).toMatch(/If they are missing, tell the police they are missing/);
    expect(await auditTrail(harness.app, conversation.id)).toContain('advised-999:G-DANGER-MEDICAL');
  });

  it('"at her boyfriends, hes 19" is his age, not the child\'s: the child is not taken for an adult, and their age is asked', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['my daughter hasnt come home, shes at her boyfriends i think, hes 19']);
    const turns = await walk(conversation, ['yes', 'no', 'yesterday at 9pm', 'yes']);
    const text = allText(turns[turns.length - 1] ?? []);
    expect(text).toMatch(/How old/);
    expect(text).not.toContain('19');
  });

  it('"to see her girlfriend, she 22" for a 15-year-old gone is grooming while missing: "call 999 now", noted as a risk, and not searched for first', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['my daughter hasnt come home, she is 15'], { join: true });
    const [turn] = await walk(conversation, ['she went out at 4 this afternoon to see her girlfriend, she 22']);
    expect(allText(turn ?? [])).toMatch(/call 999 now/);
    const turns = await walk(conversation, ['no', '4pm today', 'yes', 'yes']);
    expect(turns.map(allText).join('\n')).not.toMatch(/extra risk/);
    expect(allText(lastTurnOf(turns))).toMatch(/don't search first/);
    expect(await auditTrail(harness.app, conversation.id)).toContain('advised-999:G-DANGER-999-NOW');
  });

  it('"ive rung 999, theyre on the way" is not told to ring them as news: keep the phone on, 999 again if anything changes', async () => {
    for (const text of [
      'i have rung 999 already theyre on the way',
      'my son hasnt come home and hes got a knife, ive rung 999 theyre on the way',
    ]) {
      const conversation = harness.conversation();
      const replies = await conversation.say(text);
      expect(allText(replies)).not.toMatch(/If not, tell the police on 101|call 999 now/i);
      expect(allText(replies)).toMatch(/999 again/);
      expect(await auditTrail(harness.app, conversation.id)).toEqual([
        expect.stringMatching(/^advised-999:G-(DANGER|CONCERN)-POLICE-TOLD$/),
      ]);
    }
  });

  it('danger words that answer no option at "in danger now?" are a yes, with one 999 message, and the journey moves on', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['1', 'Missing now'], { join: true });
    const [turn] = await walk(conversation, ['she has epilepsy and her tablets are still on the side']);
    const text = allText(turn ?? []);
    expect(text.match(/999/g)).toHaveLength(1);
    expect(text).toMatch(/last see/i);
    expect(await auditTrail(harness.app, conversation.id)).toEqual(['advised-999:G-DANGER-MEDICAL']);
  });

  it('a young person who says where they are at "are you safe?" is not asked it again: "im back home now", then "yes"', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['2'], { join: true });
    const [noted, safe] = await walk(conversation, ['got back home about an hour ago', 'yes']);
    expect(allText(noted ?? [])).toMatch(/you're back/);
    expect(allText(noted ?? [])).toMatch(/are you safe/i);
    expect(allText(noted ?? [])).not.toMatch(DIDNT_CATCH);
    expect(allText(safe ?? [])).not.toMatch(/away from home now, or are you back/);
    expect(optionTitles(safe ?? [])).toEqual(['Someone I trust', 'Someone new', 'No thanks']);
  });

  it('a young person who is away: "ya im safe, still at my cousins" is not asked where they are next', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['2'], { join: true });
    const [safe] = await walk(conversation, ['ya im safe, still staying at my cousins, not going home']);
    expect(allText(safe ?? [])).toMatch(/\?/);
    expect(allText(safe ?? [])).not.toMatch(/away from home now, or are you back/);
  });

  it('a question of their own at "when did you last see them?" is not read as a time; a time said with a doubt still is', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['my daughter is 14 and hasnt come home', 'no'], { join: true });
    const [asked] = await walk(conversation, ['what do i do now']);
    expect(allText(asked ?? [])).not.toMatch(/I read that as/);
    expect(allText(asked ?? [])).toContain('999');
    expect(allText(asked ?? [])).toMatch(/When did you last see/);
    const [doubtful] = await walk(conversation, ['yesterday at 9pm, is that ok?']);
    expect(allText(doubtful ?? [])).toMatch(/I read that as Monday 23 November at 21:00/);
  });

  it('"shes got an older boyfriend, hes 25" at "how old is your child?" is his age: she is not taken for an adult, and her age is asked again', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['my daughter hasnt come home', 'no', 'yesterday at 9pm', 'yes'], { join: true });
    const [turn] = await walk(conversation, ['shes got an older boyfriend, hes 25, buys her clothes and gives her money']);
    const text = allText(turn ?? []);
    // Still gone, with a man who grooms her: "call 999 now".
    expect(text).toMatch(/call 999 now/);
    expect(text).not.toMatch(/noted that they are 25|missing adult|18 or over/);
    expect(text).toMatch(/How old/);
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

  it('an answer in the message that drew the straight question is kept: after "no", the question on screen is not asked again', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['A young person'], { join: true });
    const [asked] = await walk(conversation, ['yes im at my mates, but honestly i just want to go to sleep and not wake up']);
    expect(allText(asked ?? [])).toMatch(/ending your life/);
    const [answered] = await walk(conversation, ['no']);
    const text = allText(answered ?? []);
    expect(text).toContain('85258');
    expect(text).not.toMatch(/are you safe right now/i);
    expect(optionTitles(answered ?? [])).toEqual(['Away now', "I'm back"]);
  });

  it('"dont call the police pls" after the straight question is answered (what stays private), and the straight question is asked again, not dropped', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['A young person'], { join: true });
    await walk(conversation, ['im at my mates, i ran away last night']);
    const [asked] = await walk(conversation, ['honestly everyone would be better off without me']);
    expect(allText(asked ?? [])).toMatch(/ending your life/);
    const [plea] = await walk(conversation, ['dont call the police pls']);
    const text = allText(plea ?? []);
    expect(text).toMatch(/private/);
    expect(text).toMatch(/ending your life/);
    expect(text).not.toMatch(/using you/);
    expect(optionTitles(plea ?? [])).toEqual([]);
    const [answered] = await walk(conversation, ['not sure']);
    expect(allText(answered ?? [])).toContain('85258');
    const audit = await auditTrail(harness.app, conversation.id);
    expect(audit).not.toContain('advised-999:G-DANGER-YP-EXPLOITATION');
    expect(audit.some((row) => row.endsWith(':Y-THINKING-OF-SUICIDE'))).toBe(true);
  });

  it('a young person asked straight about ending their life: no other question that turn, and their "yes" answers it', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['A young person'], { join: true });
    const [asked] = await walk(conversation, ['i came back this morning but honestly whats the point of anything']);
    expect(allText(asked ?? [])).toMatch(/ending your life/);
    expect(optionTitles(asked ?? [])).toEqual([]);
    const [answered] = await walk(conversation, ['Yes']);
    const text = allText(answered ?? []);
    for (const number of ['999', '85258', '116 000']) expect(text).toContain(number);
    // The question waiting is asked again: the "yes" was not taken as "I am safe".
    expect(text).toMatch(/are you safe right now/i);
    const audit = await auditTrail(harness.app, conversation.id);
    expect(audit).toContain('advised-999:Y-THINKING-OF-SUICIDE');
    expect(audit.filter((row) => row.endsWith(':Y-NOT-SAFE'))).toEqual([]);
  });

  it('"meant to be home at 10" at "missing now or back?" is missing, not back', async () => {
    const conversation = harness.conversation();
    const [, , situation] = await walk(conversation, ['1', 'he was meant to be home at 10'], { join: true });
    expect(allText(situation ?? [])).toMatch(/in danger right now/);
    expect(allText(situation ?? [])).not.toMatch(/glad they are back/);
  });

  it('"no hes NOT back" in the return branch goes back to the missing one', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['my son is back', 'no', 'no'], { join: true });
    const [turn] = await walk(conversation, ['no hes NOT back']);
    const text = allText(turn ?? []);
    expect(text).toMatch(/still missing/);
    expect(text).toMatch(/in danger right now/);
    expect(optionTitles(turn ?? [])).toEqual(['Yes', 'No', 'Not sure']);
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

  it('"can you call the police for me? i dont have any credit": 999 is free, even with no credit', async () => {
    const conversation = harness.conversation();
    const [turn] = await walk(conversation, ['can you call the police for me? i dont have any credit']);
    expect(allText(turn ?? [])).toMatch(/999 is free[^.]*no credit/);
  });
});

describe('questions the bot has no answer of its own for', () => {
  it('"should i ring the police now?" at "in danger now?": 999 if in danger, 101 now once looked, and the question waits', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['my son hasnt come home', 'yes']);
    const [turn] = await walk(conversation, ['should i ring the police now or is it too early']);
    const text = allText(turn ?? []);
    for (const number of ['999', '101']) expect(text).toContain(number);
    expect(text).toContain('do not have to wait 24 hours');
    expect(text).not.toMatch(/^No\./);
    expect(text).toMatch(/in danger right now/);
    // The answer advises 101 (after "Earlier I said to call 999" when 999 came first), and is audited as that.
    expect(await auditTrail(harness.app, conversation.id)).toEqual(['advised-101:G-ASK-WHEN-TO-REPORT']);
  });

  it('a question nobody wrote an answer for is told where answers are (116 000, 101, 999), never "didn\'t catch that"', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['my son hasnt come home', 'yes']);
    const [turn] = await walk(conversation, ['what happens if the police come round and hes got weed on him']);
    const text = allText(turn ?? []);
    for (const number of ['116 000', '101', '999']) expect(text).toContain(number);
    expect(text).not.toMatch(DIDNT_CATCH);
    // The question waiting is asked again, and a plain answer to it still counts.
    expect(text).toMatch(/in danger right now/);
    const [next] = await walk(conversation, ['no']);
    expect(allText(next ?? [])).toMatch(/last see/i);
  });

  it('"me and him had a row" is no answer to "in danger now?": "and" is not "n" for no', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['my son hasnt come home', 'yes']);
    const [turn] = await walk(conversation, ['me and him had a row about his phone']);
    expect(allText(turn ?? [])).not.toMatch(/last see/i);
  });

  it('"does anyone speak arabic?" switches to Arabic', async () => {
    const conversation = harness.conversation();
    const [turn] = await walk(conversation, ['does anyone there speak arabic?'], { join: true }).then((turns) => turns.slice(1));
    expect(allText(turn ?? [])).toMatch(/[\u0600-\u06ff]/);
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

describe('after a fresh walk in new words', () => {
  it('a young person who took pills, in Romanian: 999 and an ambulance, not "if you are in danger"', async () => {
    const conversation = harness.conversation(undefined, { locale: 'ro' });
    await walk(conversation, ['2', 'da'], { join: true });
    const [turn] = await walk(conversation, ['am luat niste paracetamol, vreo 10 si jumate de sticla de vodka']);
    expect(allText(turn ?? [])).toMatch(/ambulanț/);
    expect(await auditTrail(harness.app, conversation.id)).toContain('advised-999:G-DANGER-YP-MEDICAL');
  });

  it('"czasem tak. mam tabletki w plecaku" answers the straight question, which is not asked a second time', async () => {
    const conversation = harness.conversation(undefined, { locale: 'pl' });
    await walk(conversation, ['2'], { join: true });
    const [asked] = await walk(conversation, ['nikt by nawet nie zauważył gdyby mnie nie było']);
    expect(optionTitles(asked ?? [])).toEqual([]);
    await walk(conversation, ['czasem tak. mam tabletki w plecaku']);
    expect(await auditTrail(harness.app, conversation.id)).toContain('advised-999:Y-THINKING-OF-SUICIDE');
    await walk(conversation, ['nikt by nawet nie zauważył gdyby mnie nie było']);
    const straight = (await auditTrail(harness.app, conversation.id)).filter((row) =>
      /G-(CONCERN-SUICIDE-YP|DANGER-YP-SUICIDE)$/.test(row),
    );
    expect(straight).toHaveLength(1);
  });

  it('"i just want to disappear and not wake up" is the straight question, not an ambulance; "no, not like that. i just want it to stop" is a no, and the danger after it is answered', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['A young person'], { join: true });
    const [asked] = await walk(conversation, ['tbh i just want to disappear and not wake up']);
    expect(allText(asked ?? [])).toMatch(/ending your life/);
    expect(allText(asked ?? [])).not.toMatch(/ambulance/);
    await walk(conversation, ['no, not like that. i just want it to stop']);
    const audit = await auditTrail(harness.app, conversation.id);
    expect(audit).toContain('advised-999:G-DANGER-YP');
    expect(audit.filter((row) => /G-DANGER-YP-SUICIDE$/.test(row))).toHaveLength(1);
  });

  it('"can you phone the police for me" is not taken as the police called, and "no one has called them" takes it back', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['my son is 14 and hasnt come home', 'can you phone the police for me', 'yes'], { join: true });
    expect(await auditTrail(harness.app, conversation.id)).not.toContain('advised-999:P-POLICE-TOLD-DANGER');
    const other = harness.conversation();
    await walk(other, ['my son is 14 and hasnt come home, i rang the police', 'yes. sorry, no one has called the police yet'], {
      join: true,
    });
    const audit = await auditTrail(harness.app, other.id);
    expect(audit).toContain('advised-999:P-DANGER-999');
    expect(audit).not.toContain('advised-999:P-POLICE-TOLD-DANGER');
  });

  it('"is it 999 or 101" is answered: 999 in danger, 101 if they cannot be found', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['my son is 14 and hasnt come home'], { join: true });
    const [turn] = await walk(conversation, ['is it 999 or 101 just tell me']);
    const text = allText(turn ?? []);
    expect(text).toMatch(/cannot find them, call the police on 101/);
    expect(text).not.toMatch(/only answer a few questions/);
  });
});

describe('the child coming back, or not, in their words', () => {
  it('"ex was meant to drop my son back at 6" is missing, not back', async () => {
    const conversation = harness.conversation();
    const [, , turn] = await walk(conversation, ['1', 'ex was meant to drop my son back at 6'], { join: true });
    expect(allText(turn ?? [])).not.toMatch(/glad they are back/);
    expect(allText(turn ?? [])).toMatch(/in danger right now/);
  });

  it.each(['4 hes here!!', 'police found him at the lock'])('"%s" mid-search is the return', async (said) => {
    const conversation = harness.conversation();
    await walk(conversation, ['my son is 12 and hasnt come home', 'no', 'about 6pm', 'yes', 'no', 'no'], { join: true });
    const [turn] = await walk(conversation, [said]);
    expect(allText(turn ?? [])).toMatch(/glad they are back/);
  });
});

describe('a parent who has called the police already', () => {
  it('is not told to call them as news, and the 101 later does not say "earlier I said 999"', async () => {
    const conversation = harness.conversation();
    const turns = await walk(
      conversation,
      ['my son is 14 and hasnt come home, ive already rung the police', 'yes', 'about 6pm', 'yes', 'no', 'yes'],
      { join: true },
    );
    const audit = await auditTrail(harness.app, conversation.id);
    expect(audit).toContain('advised-999:P-POLICE-TOLD-DANGER');
    expect(audit).toContain('advised-101:P-POLICE-TOLD-REPORT-NOW');
    expect(audit).not.toContain('advised-999:P-DANGER-999');
    expect(turns.map(allText).join('\n')).not.toMatch(/Earlier I said/);
  });
});

describe('in the words people use, in their languages', () => {
  it.each([
    ['hi', 'en-GB', 'Hello.'],
    ['dzien dobry', 'pl', 'Dzień dobry.'],
    ['السلام عليكم', 'ar', 'مرحبًا.'],
  ])('"%s" at "who is writing?" is greeted back and asked again, not "didn\'t catch that"', async (said, locale, hello) => {
    const conversation = harness.conversation(undefined, { locale });
    const [, turn] = await walk(conversation, [said], { join: true });
    expect(turn?.[0]?.text).toBe(hello);
    expect(optionTitles(turn ?? [])).toHaveLength(4);
    expect(allText(turn ?? [])).not.toMatch(/didn.t catch|nie rozumiem|لم أفهم/);
  });

  it('Arabic "ابدا" (never) is an answer, not "start again" (ابدأ)', async () => {
    const conversation = harness.conversation(undefined, { locale: 'ar' });
    await walk(conversation, ['ابني لم يرجع للبيت', 'لا'], { join: true });
    const [turn] = await walk(conversation, ['ابدا']);
    expect(allText(turn ?? [])).not.toContain('لنبدأ من جديد');
    expect(optionTitles(turn ?? [])).toContain('لا أعرف');
  });

  it('Polish "no" (yeah) is asked again, not taken as No', async () => {
    const conversation = harness.conversation(undefined, { locale: 'pl' });
    await walk(conversation, ['moja córka nie wróciła do domu'], { join: true });
    const [turn] = await walk(conversation, ['no']);
    expect(optionTitles(turn ?? [])).toEqual(['Tak', 'Nie', 'Nie mam pewności']);
    expect(allText(turn ?? [])).not.toMatch(/Kiedy ostatnio/);
  });

  it('tablets and a child who will not wake, in Polish: 999 and an ambulance', async () => {
    const conversation = harness.conversation(undefined, { locale: 'pl' });
    await walk(conversation, ['moja córka nie wróciła do domu'], { join: true });
    const [turn] = await walk(conversation, ['wziął dużo tabletek i nie mogę go obudzić']);
    expect(allText(turn ?? [])).toContain('999');
    expect(allText(turn ?? [])).toMatch(/karetk/);
    expect(await auditTrail(harness.app, conversation.id)).toContain('advised-999:G-DANGER-MEDICAL');
  });

  it('"his phone goes straight to voicemail" in the first message: calling them is not asked', async () => {
    const conversation = harness.conversation();
    const turns = await walk(
      conversation,
      ['my son is 15 and hasnt come home, his phone goes straight to voicemail', 'yes', 'no', 'about 6pm', 'yes'],
      { join: true },
    );
    const text = turns.map(allText).join('\n');
    expect(text).not.toMatch(/tried to call, text or message/);
    expect(allText(lastTurnOf(turns))).toMatch(/extra risk/);
  });
});

describe('by SMS', () => {
  let sms: SmsHarness;
  beforeAll(async () => {
    sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
  });
  afterAll(async () => sms.close());

  it('by text, a missing child without their insulin: tell the police they are missing and without it', async () => {
    const phone = '+447700900635';
    for (const text of ['hi', '1', '1']) await sms.text(phone, text);
    const { replies } = await sms.text(phone, 'hes got type 1 diabetes and hasnt got his insulin with him');
    expect(replies.join('\n')).toMatch(/If they are missing, tell the police they are missing/);
  });

  it('by text, "her boyfriend, hes 20" is not the child\'s age', async () => {
    const phone = '+447700900633';
    await sms.text(phone, 'shes gone to her boyfriends, hes 20, my daughter');
    let replies: string[] = [];
    for (const text of ['yes', 'no', 'yesterday at 9pm', 'yes']) replies = (await sms.text(phone, text)).replies;
    expect(replies.join('\n')).toMatch(/How old/);
    expect(replies.join('\n')).not.toMatch(/missing adult|18 or over/);
  });

  it('by text, "shes with a man of 24" for a 14-year-old still gone is grooming: "call 999 now", noted as a risk, and not searched for first', async () => {
    const phone = '+447700900641';
    for (const text of ['my girl is 14 and not home', 'yes']) await sms.text(phone, text);
    const { replies } = await sms.text(phone, 'not sure, shes been seeing a man of 24');
    expect(replies.join('\n')).toMatch(/call 999 now/);
    for (const text of ['9pm yesterday', 'yes']) await sms.text(phone, text);
    const { replies: afterContact } = await sms.text(phone, 'yes');
    expect(afterContact.join('\n')).not.toMatch(/extra risk/);
    expect(afterContact.join('\n')).toMatch(/don't search first/);
    expect(await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone))).toContain('advised-999:G-DANGER-999-NOW');
  });

  it('by text, "weve called the police, shes with a man who has a knife" is not told to call 999 as news', async () => {
    const phone = '+447700900642';
    for (const text of ['my daughter is 14 and not home', 'yes']) await sms.text(phone, text);
    const { replies } = await sms.text(phone, 'weve called the police, shes with a man who has a knife');
    expect(replies.join('\n')).toMatch(/999 again/);
    expect(await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone))).toContain('advised-999:G-DANGER-POLICE-TOLD');
  });

  it('by text, a medical danger at "in danger now?" is one 999 message and a yes, and the next question follows', async () => {
    const phone = '+447700900643';
    for (const text of ['my son is 13 and not home', 'yes']) await sms.text(phone, text);
    const { replies } = await sms.text(phone, 'hes diabetic and hasnt got his insulin');
    expect(replies.join('\n').match(/999/g)).toHaveLength(1);
    expect(replies.join('\n')).toMatch(/last see/i);
  });

  it('by text, a young person who says they are back at "are you safe?" is not asked where they are', async () => {
    const phone = '+447700900644';
    await sms.text(phone, 'hi');
    await sms.text(phone, '2');
    const { replies: noted } = await sms.text(phone, 'im home now');
    expect(noted.join('\n')).toMatch(/you're back/);
    const { replies } = await sms.text(phone, 'yes');
    expect(replies.join('\n')).not.toMatch(/away from home now, or are you back/);
    expect(replies.join('\n')).toMatch(/Someone I trust/);
  });

  it('by text, a carer\'s "do i tell her social worker tonight" at "when did they go?" is not read as tonight at 8', async () => {
    const phone = '+447700900645';
    for (const text of ['foster carer here, our 15 year old hasnt come back tonight', 'yes', 'no', 'no']) await sms.text(phone, text);
    const { replies } = await sms.text(phone, 'do i tell her social worker tonight');
    expect(replies.join('\n')).not.toMatch(/I read that as/);
    expect(replies.join('\n')).toMatch(/When did they go/);
  });

  it('by text, "no it was 5pm yesterday" at "I read that as ... is that right?" is the time meant, confirmed next', async () => {
    const phone = '+447700900646';
    for (const text of ['my son is 13 and not home', 'yes', 'no', 'about 9']) await sms.text(phone, text);
    const { replies } = await sms.text(phone, 'no it was 5pm yesterday');
    expect(replies.join('\n')).toMatch(/Monday 23 November at 17:00/);
    expect(replies.join('\n')).not.toMatch(DIDNT_CATCH);
  });

  it('by text, "idk hes 14ish" at "how old is your child?" is 14, said back once and not asked again', async () => {
    const phone = '+447700900648';
    for (const text of ['my son is not home', 'yes', 'no', 'yesterday at 9pm', 'yes']) await sms.text(phone, text);
    const { replies } = await sms.text(phone, 'idk hes 14ish');
    expect(replies.join('\n')).toContain('they are 14');
    expect(replies.join('\n')).not.toMatch(/How old/);
  });

  it('by text, "hes 22" after "my older boyfriend" at "how old are you?" is not the child\'s age', async () => {
    const phone = '+447700900647';
    for (const text of ['my daughter is not home', 'yes', 'no', 'yesterday at 9pm', 'yes']) await sms.text(phone, text);
    const { replies } = await sms.text(phone, 'shes with her older boyfriend, hes 22');
    expect(replies.join('\n')).not.toMatch(/noted that they are 22|missing adult|18 or over/);
  });

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

  it('by text, "can u ring the police for me i got no credit": 999 is free, even with no credit', async () => {
    const { replies } = await sms.text('+447700900622', 'can u ring the police for me i got no credit');
    expect(replies.join('\n')).toMatch(/999[^.]*no credit/);
  });

  it('by text, a plea not to call the police after the straight question keeps it open: the next "no" answers it', async () => {
    const phone = '+447700900621';
    await sms.text(phone, 'hi');
    await sms.text(phone, '2');
    await sms.text(phone, 'im at my mates. honestly everyone would be better off without me');
    const plea = (await sms.text(phone, 'please dont tell the police')).replies.join('\n');
    expect(plea).toMatch(/ending your life/);
    expect(plea).not.toMatch(/using you/);
    const { replies } = await sms.text(phone, 'no');
    expect(replies.join('\n')).toContain('85258');
  });

  it('by text, the "yes" said with what drew the straight question answers "are you safe?", which is not asked again', async () => {
    const phone = '+447700900634';
    await sms.text(phone, 'hi');
    await sms.text(phone, '2');
    await sms.text(phone, 'yeah safe, just tired of everything, everyone would be better off without me');
    const { replies } = await sms.text(phone, 'no');
    const text = replies.join('\n');
    expect(text).not.toMatch(/are you safe right now/i);
    expect(text).toMatch(/away from home now, or are you back/);
  });

  it('by text, "no" to the straight question about ending their life answers it, and the chat goes on where it was', async () => {
    const phone = '+447700900617';
    await sms.text(phone, 'im 14 and i ran off last night');
    await sms.text(phone, 'yes');
    const asked = await sms.text(phone, 'no one would even care if i was gone tbh');
    expect(asked.replies.join('\n')).toMatch(/ending your life/);
    const { replies } = await sms.text(phone, 'nah');
    const text = replies.join('\n');
    expect(text).toContain('85258');
    expect(text).toMatch(/are you safe right now/i);
    expect(text).not.toMatch(DIDNT_CATCH);
  });

  it('by text, "usually home by 6 but not today" is missing, not back', async () => {
    const phone = '+447700900618';
    await sms.text(phone, 'hello');
    await sms.text(phone, '1');
    const { replies } = await sms.text(phone, 'she is usually home by 6 but not today');
    expect(replies.join('\n')).toMatch(/in danger right now/);
  });

  it('by text, "a man touched her" after she came back: 999 or 101, and the Sexual Assault Referral Centre', async () => {
    const phone = '+447700900619';
    await sms.text(phone, 'my daughter came home last night');
    await sms.text(phone, 'yes');
    const { replies } = await sms.text(phone, 'a man touched her');
    const text = replies.join('\n');
    for (const number of ['999', '101', '01622 726461']) expect(text).toContain(number);
    expect(await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone))).toContain('advised-999:G-DANGER-SEXUAL');
  });

  it('by text, "yes i called 999 already" at "in danger now?" is both the answer and the call made', async () => {
    const phone = '+447700900620';
    await sms.text(phone, 'my daughter is 12 and not home');
    await sms.text(phone, 'yes');
    const { replies } = await sms.text(phone, 'yes i called 999 already');
    // The call said is heard as the emergency it is (999 again if anything changes), once.
    expect(replies.join('\n')).toMatch(/called the police/);
    expect(replies.join('\n')).not.toMatch(/call 999 now/i);
    expect(replies.join('\n')).toMatch(/last see/i);
    const audit = await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone));
    expect(audit.filter((row) => /^advised-999:(P-POLICE-TOLD-DANGER|G-DANGER-POLICE-TOLD)$/.test(row))).toHaveLength(1);
  });

  it.each([
    ['i cant ring anyone theyll hear me. im in the bathroom now', '+447700900631'],
    ['can i text 999??', '+447700900632'],
  ])('by text, "%s": call 999 anyway, and how to be heard without speaking', async (said, phone) => {
    await sms.text(phone, 'hi');
    await sms.text(phone, '2');
    const { replies } = await sms.text(phone, said);
    const text = replies.join('\n');
    expect(text).toContain('999');
    expect(text).toContain('55');
    // A young person is given a quiet way too.
    expect(text).toContain('116 000');
    expect(await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone))).toContain('advised-999:G-ASK-CANT-CALL-YP');
  });

  it('"police told us to wait till morning, is that right" by text: never low risk, 101 again', async () => {
    const phone = '+447700900614';
    await sms.text(phone, 'my boy is 13 and still not home');
    const { replies } = await sms.text(phone, 'police told us to wait till the morning is that right');
    expect(replies.join('\n')).toMatch(/low risk/);
    expect(replies.join('\n')).toContain('101');
  });

  it('grooming signs by text at "anything that puts them at extra risk?", for a 14-year-old still gone: 999 now, not search first', async () => {
    const phone = '+447700900615';
    for (const text of ['my daughter is 14 and not home', 'yes', 'no', 'yesterday at 9pm', 'yes', 'yes']) await sms.text(phone, text);
    const { replies } = await sms.text(phone, 'hes 19 and gives her money and lifts, she says hes her boyfriend');
    expect(replies.join('\n')).toMatch(/call 999 now/);
    expect(replies.join('\n')).not.toMatch(/Step \d of/);
  });

  it('by text, an unanswered question at "in danger now?" gets 116 000 and the question again', async () => {
    const phone = '+447700900616';
    await sms.text(phone, 'my daughter is 14 and not home');
    await sms.text(phone, 'yes');
    const { replies } = await sms.text(phone, 'who else can i ring tonight, her dad isnt answering');
    const text = replies.join('\n');
    expect(text).toContain('116 000');
    expect(text).not.toMatch(DIDNT_CATCH);
    expect(text).toMatch(/in danger right now/);
  });

  it('"do i have to wait 24 hours" by text: no, and 101', async () => {
    const phone = '+447700900613';
    await sms.text(phone, 'my daughter is 15 and hasnt come home');
    const { replies } = await sms.text(phone, 'do i have to wait 24 hours');
    expect(replies.join('\n')).toContain('do not have to wait 24 hours');
    expect(replies.join('\n')).toContain('101');
  });
});

describe('the next fresh walk: who is in danger, an ambulance refused, a young child lost, the police who said wait', () => {
  let sms: SmsHarness;
  beforeAll(async () => {
    sms = await startSmsHarness({ now: '2026-11-24T19:00:00Z' });
  });
  afterAll(async () => sms.close());
  const smsAudit = (phone: string) => auditTrail(sms.app, sms.app.sms.conversationIdFor(phone));

  it('a young person in danger now, before saying who they are, is told 999 in words for them and asked straight', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['im stood on the bridge and i cant keep going like this'], { join: true });
    const text = allText(lastTurnOf(turns));
    expect(text).toMatch(/call 999 now/i);
    expect(text).toMatch(/ending your life/);
    expect(text).not.toMatch(/\bthey may be at risk/);
    expect(await auditTrail(harness.app, conversation.id)).toEqual(['advised-999:G-DANGER-YP-SUICIDE-NOW']);
  });

  it('by text, the same in a first message: 999 now for them, and the straight question', async () => {
    const phone = '+447700900791';
    const { replies } = await sms.text(phone, 'up on the multi storey roof. i want it all to end tonight');
    expect(replies.join('\n')).toMatch(/ending your life/);
    expect(await smsAudit(phone)).toEqual(['advised-999:G-DANGER-YP-SUICIDE-NOW']);
  });

  it('"no ambulance, my dad would find out" after pills is asked again, kindly, and not read as being out', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['2', 'yes', 'necked about 16 of my nans sleeping tablets'], { join: true });
    const [turn] = await walk(conversation, ['no ambulance, my dad would find out']);
    const text = allText(turn ?? []);
    expect(text).toContain('999');
    expect(text).not.toMatch(/safe for you to go home/);
    const audit = await auditTrail(harness.app, conversation.id);
    expect(audit).toContain('advised-999:G-DANGER-YP-MEDICAL');
    expect(audit).toContain('advised-999:G-AMBULANCE-REFUSED-YP');
  });

  it('by text, a Polish young person who took pills and will not go to hospital', async () => {
    const phone = '+447700900792';
    for (const text of ['polski', 'uciekłam z domu', '1', '1']) await sms.text(phone, text);
    await sms.text(phone, 'połknęłam jakieś 12 tabletek');
    const { replies } = await sms.text(phone, 'nie pójdę do szpitala, mama się dowie');
    expect(replies.join('\n')).toContain('999');
    const audit = await smsAudit(phone);
    expect(audit).toContain('advised-999:G-DANGER-YP-MEDICAL');
    expect(audit).toContain('advised-999:G-AMBULANCE-REFUSED-YP');
  });

  it('a 7-year-old lost in a shopping centre is 999 in the first reply, whatever the parent answers about danger, and not told it twice', async () => {
    const conversation = harness.conversation();
    const turns = await walk(
      conversation,
      ['my 7 year old wandered off in the shopping centre', 'not sure', '15 minutes ago', 'yes', 'no', 'no'],
      { join: true },
    );
    expect(allText(turns[1] ?? [])).toContain('999');
    expect(allText(turns[2] ?? [])).not.toMatch(/call 101/);
    const audit = await auditTrail(harness.app, conversation.id);
    expect(audit[0]).toBe('advised-999:P-DANGER-YOUNG-PUBLIC');
    expect(audit).not.toContain('advised-999:P-REPORT-NOW-YOUNG');
  });

  it('by text, a 5-year-old lost on the beach: 999 in the first reply, and not again at the danger question', async () => {
    const phone = '+447700900793';
    const { replies: first } = await sms.text(phone, 'lost my little boy on the beach, hes 5');
    expect(first.join('\n')).toContain('999');
    for (const text of ['yes', 'no']) await sms.text(phone, text);
    expect(await smsAudit(phone)).toEqual(['advised-999:P-DANGER-YOUNG-PUBLIC']);
  });

  it('by text, "my little girl is 4 she ran off in the park": 999 in the first reply', async () => {
    const phone = '+447700900799';
    const { replies } = await sms.text(phone, 'my little girl is 4 she ran off in the park');
    expect(replies.join('\n')).toMatch(/call 999 now/);
    expect(await smsAudit(phone)).toEqual(['advised-999:P-DANGER-VERY-YOUNG']);
  });

  it('a 4-year-old wandered off at the beach, on the Bot Framework endpoint: 999 in the first reply, for a child this young', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['my 4yo has wandered off at the beach i cant see him', 'no'], { join: true });
    expect(allText(turns[1] ?? [])).toContain('999');
    expect(await auditTrail(harness.app, conversation.id)).toEqual(['advised-999:P-DANGER-VERY-YOUNG']);
  });

  it('"sorry i meant 14 not 4" after the young child\'s 999: the advice for a 14-year-old follows at its own step', async () => {
    const conversation = harness.conversation();
    const turns = await walk(
      conversation,
      ['1', 'my boy is 4 he ran off at the park', 'sorry i meant 14 not 4', 'no', '20 minutes ago', 'yes', 'yes', 'no'],
      { join: true },
    );
    expect(allText(turns[2] ?? [])).toContain('999');
    expect(allText(turns[3] ?? [])).toMatch(/noted that they are 14/);
    // Searched first, with 101 if not found: not skipped as if told to report now.
    expect(allText(lastTurnOf(turns))).toMatch(/24 hours/);
    expect(await auditTrail(harness.app, conversation.id)).toEqual(['advised-999:P-DANGER-VERY-YOUNG']);
  });

  it('by text too: the corrected age decides, and 999 is not said again', async () => {
    const phone = '+447700900812';
    // The correction at "Is that right?" goes on as a yes: the parent's facts, not another writer's.
    const answers = ['my boy is 4 he ran off at the park', 'sorry i meant 14 not 4', 'no', '20 minutes ago', 'yes', 'yes'];
    for (const text of answers) await sms.text(phone, text);
    const { replies } = await sms.text(phone, 'no');
    expect(replies.join('\n')).toMatch(/24 hours/);
    expect(await smsAudit(phone)).toEqual(['advised-999:P-DANGER-VERY-YOUNG']);
  });

  it('by text, "they said leave it 24 hours": reporting is still to do, never "you have already called, that was right"', async () => {
    const phone = '+447700900794';
    const answers = ['rang 101 and they said leave it 24 hours, hes 14 and not back from football', 'yes', 'no', '5pm', 'yes', 'yes', 'no'];
    for (const text of answers) await sms.text(phone, text);
    const { replies } = await sms.text(phone, '5');
    expect(replies.join('\n')).toMatch(/call 101 again/);
    expect(replies.join('\n')).not.toMatch(/that was right/);
    const audit = await smsAudit(phone);
    expect(audit).toContain('advised-101:P-POLICE-SAID-WAIT-REPORT');
    expect(audit).not.toContain('advised-101:P-POLICE-TOLD-REPORT');
  });

  it('"hes 13 and autistic" is a risk said back, not asked: the police now, before the search', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['my son hasnt come home, hes 13 and autistic', 'no', 'after school', 'yes', 'no'], {
      join: true,
    });
    const text = allText(lastTurnOf(turns));
    expect(text).toMatch(/additional needs/);
    expect(text).not.toMatch(/extra risk\?/);
    expect(await auditTrail(harness.app, conversation.id)).toContain('advised-101:P-REPORT-NOW-AT-RISK');
  });

  it('a young person who asks the bot to ring the police is told it cannot, in words for them: 999 free, and Missing People', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['2', 'yes', 'can u ring the police for me'], { join: true });
    const text = allText(lastTurnOf(turns));
    expect(text).toContain('116 000');
    expect(text).not.toMatch(/the child is missing/);
    expect(await auditTrail(harness.app, conversation.id)).toEqual([]);
  });
});

describe('what is said in passing, in every language, is kept; help already called is not news', () => {
  let sms: SmsHarness;
  beforeAll(async () => {
    sms = await startSmsHarness({ now: '2026-11-24T19:00:00Z' });
  });
  afterAll(async () => sms.close());

  it('"the paramedics are on the way" after a medical emergency: help is coming, keep the phone on, not "call 999" again', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['my son just got back', 'yes', 'hes slurring his words and keeps being sick'], { join: true });
    const turns = await walk(conversation, ['paramedics are on the way now']);
    expect(allText(lastTurnOf(turns))).toMatch(/on its way/);
    const audit = await auditTrail(harness.app, conversation.id);
    expect(audit.filter((row) => row === 'advised-999:G-DANGER-MEDICAL')).toHaveLength(1);
    expect(audit).toContain('advised-999:G-AMBULANCE-CALLED');
  });

  it('by text, a Polish parent whose son has diabetes and no phone is asked neither about calling him nor about extra risk', async () => {
    const phone = '+447700900795';
    for (const text of ['polski', 'mój syn ma 12 lat, nie wrócił ze szkoły', '1', '2']) await sms.text(phone, text);
    await sms.text(phone, 'o 15:30');
    const { replies } = await sms.text(phone, 'tak. ma cukrzycę i nie ma przy sobie telefonu');
    const text = replies.join('\n');
    expect(text).not.toMatch(/próbowali Państwo dzwonić/);
    expect(text).not.toMatch(/większe niebezpieczeństwo\?/);
    expect(text).toMatch(/przeszukać|poszukiwania|szuk/i);
  });

  it('by text, a Romanian young person who ran away and is back now goes to what happens now they are back', async () => {
    const phone = '+447700900796';
    await sms.text(phone, 'română');
    await sms.text(phone, 'am fugit vineri dar acum m-am intors acasa');
    const { replies } = await sms.text(phone, 'da');
    expect(replies.join('\n')).not.toMatch(/plecat\(ă\) de acasă acum sau te-ai întors/);
    expect(await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone))).not.toContain('advised-999:Y-HOME-NOT-SAFE');
  });
});

describe('a second fresh walk: a young person in danger now is told 999 now, once; a very young child; a correction; Romanian "ani"', () => {
  let sms: SmsHarness;
  beforeAll(async () => {
    sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
  });
  afterAll(async () => sms.close());

  it('by text, "they wont let me leave" as a first message: 999 now, and after confirming, not "are you safe right now?"', async () => {
    const phone = '+447700900797';
    const { replies: first } = await sms.text(phone, 'im in a flat i dont know and they wont let me go. they took my phone');
    expect(first.join('\n')).toMatch(/Call 999 now/);
    const { replies } = await sms.text(phone, '1');
    const text = replies.join('\n');
    expect(text).not.toMatch(/are you safe right now/i);
    // Held, they are away: not asked where they are, nor whether it is safe to go home, but offered a person.
    expect(text).not.toMatch(/away from home now, or are you back|safe for you to go home/i);
    expect(text).toMatch(/a person to talk to you/);
    expect(await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone))).toEqual(['advised-999:G-DANGER-YP-HELD']);
    const { replies: nobody } = await sms.text(phone, 'yes');
    expect(nobody.join('\n')).toMatch(/still here with you/);
    expect(nobody.join('\n')).not.toMatch(/write here any time/);
  });

  it('held on the Bot Framework endpoint: after 999, a person is offered, not "are you away or back?"', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['im 15 and this guy wont let me leave his flat, he took my phone but i got my mates'], {
      join: true,
    });
    const text = allText(lastTurnOf(turns));
    expect(text).toMatch(/Call 999 now/);
    expect(text).not.toMatch(/away from home now, or are you back|safe for you to go home/i);
    expect(optionTitles(lastTurnOf(turns))).toEqual(['Yes', 'No']);
    const next = await conversation.say('yes');
    expect(allText(next)).toMatch(/0800 1111/);
    // Nobody from the team tonight: not a goodbye, and a person is not offered again that night.
    expect(allText(next)).not.toMatch(/write here any time/);
    expect(allText(next)).toMatch(/still here with you/);
    const later = await conversation.say('im so scared, i can hear him downstairs');
    expect(allText(later)).not.toMatch(/a person to talk to you here/);
    expect(await auditTrail(harness.app, conversation.id)).toEqual(
      expect.arrayContaining(['advised-999:G-DANGER-YP-HELD', 'human-requested:G-HUMAN-OUT-OF-HOURS-YP']),
    );
  });

  it('"a guy keeps following me" at "are you safe?" is a no, with one 999 and no "if you are in danger"', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['A young person', 'a guy keeps following me and i dont know this area'], { join: true });
    const text = allText(lastTurnOf(turns));
    expect(text).toMatch(/Call 999 now/);
    expect(text).toMatch(/away from home now, or are you back/);
    expect(await auditTrail(harness.app, conversation.id)).toEqual(['advised-999:G-DANGER-YP-NOW']);
  });

  it('a 3-year-old gone through an open front door: 999 in the first reply, and "no" to danger takes nothing back', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['my 3 year old has gone, the front door was open', 'no'], { join: true });
    expect(allText(turns[1] ?? [])).toContain('999');
    expect(await auditTrail(harness.app, conversation.id)).toContain('advised-999:P-DANGER-VERY-YOUNG');
  });

  it('"hes got out the back gate" is missing, not back; a worry in their words at "in danger?" weighs with the age', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['mum', 'my son Alfie is 9, autistic and non verbal, hes got out the back gate'], {
      join: true,
    });
    expect(allText(lastTurnOf(turns))).not.toMatch(/glad they are back/);
    await walk(conversation, ['he doesnt talk and theres a canal at the end of our road']);
    expect(await auditTrail(harness.app, conversation.id)).toContain('advised-999:P-DANGER-YOUNG-PUBLIC');
  });

  it('"no sorry that was her sister, shes still not here" after "she just walked in" goes back to her being missing', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['my daughter is 15 and not home', 'no', '8pm', 'yes', 'yes', 'no', 'she just walked in'], { join: true });
    const turns = await walk(conversation, ['no sorry that was her sister, shes still not here']);
    expect(allText(lastTurnOf(turns))).toMatch(/still missing/);
  });

  it('Romanian "tata" at "who is writing?" is a parent, and a 6-year-old lost in a supermarket is 999', async () => {
    const conversation = harness.conversation(undefined, { locale: 'ro' });
    const turns = await walk(conversation, ['tata', 'fetita mea de 6 ani a disparut in supermarket, acum 5 minute'], { join: true });
    expect(allText(lastTurnOf(turns))).toContain('999');
    await walk(conversation, ['nu stiu']);
    expect(await auditTrail(harness.app, conversation.id)).toEqual(['advised-999:P-DANGER-YOUNG-PUBLIC']);
  });
});

describe('their own questions, and a disclosure said twice', () => {
  let sms: SmsHarness;
  beforeAll(async () => {
    sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
  });
  afterAll(async () => sms.close());

  it('"what do they need from me" is answered with what the leaflet lists, not "I can only answer a few questions"', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['my daughter is 13 and hasnt come home'], { join: true });
    const turns = await walk(conversation, ['im going to ring them now, what do they need from me']);
    const text = allText(lastTurnOf(turns));
    expect(text).toMatch(/date of birth/);
    expect(text).toMatch(/recent photo/);
    expect(text).not.toMatch(/only answer a few questions/);
  });

  it('"can you call them for me? im too anxious" is told the bot cannot, with the numbers', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['my sister is 14 and hasnt come home'], { join: true });
    const turns = await walk(conversation, ['can you call them for me? im too anxious']);
    expect(allText(lastTurnOf(turns))).toMatch(/can't make calls/);
  });

  it('by text, a Polish young person who says home is not safe twice hears that answer once, and the chat goes on', async () => {
    const phone = '+447700900798';
    for (const text of ['polski', '2', '1', '1']) await sms.text(phone, text);
    const { replies: first } = await sms.text(phone, 'uciekłam bo ojczym mnie bije');
    expect(first.join('\n')).toMatch(/nie jest twoja wina/);
    const { replies } = await sms.text(phone, 'nie chce wracac');
    expect(replies.join('\n')).not.toMatch(/nie jest twoja wina/);
    expect(replies.join('\n')).not.toMatch(/Możesz tu pisać w każdej chwili/);
  });
});

describe('a professional who says it all at once', () => {
  it('"a child on my caseload, 15, placed by a London borough, hasnt returned to her placement" is missing, placed from elsewhere, and asked neither', async () => {
    const conversation = harness.conversation();
    const turns = await walk(
      conversation,
      ['4', 'a child on my caseload, 15, placed here by a London borough, hasnt returned to her placement since yesterday'],
      { join: true },
    );
    const text = allText(lastTurnOf(turns));
    expect(text).not.toMatch(/What is happening\?/);
    expect(text).not.toMatch(/one of these groups/);
    expect(await auditTrail(harness.app, conversation.id)).toContain('notify-advised:PR-MISSING-PLACING-AUTHORITY');
  });
});

describe('a young person out in the cold with nowhere to stay', () => {
  it('"its freezin n i got no money" at "would you like a person?" gets somewhere safe tonight, not "didn\'t catch that"', async () => {
    const night = await startHarness({ now: '2026-12-03T23:30:00Z' });
    try {
      const conversation = night.conversation();
      await walk(conversation, ['2', 'im 16 my mum kicked me out last night', 'yes'], { join: true });
      const reply = await conversation.say('its freezin n i got no money');
      const text = allText(reply);
      expect(text).not.toMatch(DIDNT_CATCH);
      expect(text).toContain('116 000');
      expect(text).toMatch(/somewhere safe and warm/);
      expect(optionTitles(reply)).toEqual(['Yes', 'No']);
      expect(await auditTrail(night.app, conversation.id)).toContain('disclosure-heard:G-NOWHERE-TO-STAY-YP');
    } finally {
      await night.close();
    }
  });

  it('by text too, said once: the same words again are not answered twice', async () => {
    const sms = await startSmsHarness({ now: '2026-12-03T23:30:00Z' });
    try {
      const phone = '+447700900813';
      for (const text of ['2', 'im 17 and away from home', '1']) await sms.text(phone, text);
      const { replies } = await sms.text(phone, 'nowhere to stay tonight and its freezing');
      expect(replies.join('\n')).toMatch(/somewhere safe and warm/);
      const again = await sms.text(phone, 'its freezing');
      expect(again.replies.join('\n')).not.toMatch(/somewhere safe and warm/);
      const trail = await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone));
      expect(trail.filter((row) => row.endsWith('G-NOWHERE-TO-STAY-YP'))).toHaveLength(1);
    } finally {
      await sms.close();
    }
  });
});

describe('anger at the bot', () => {
  it('"fuck off you stupid bot" at the first menu gets sorry, the way to a person and the numbers, then the menu again', async () => {
    const conversation = harness.conversation();
    const [, reply = []] = await walk(conversation, ['fuck off you stupid bot'], { join: true });
    const text = allText(reply);
    expect(text).not.toMatch(DIDNT_CATCH);
    expect(text).toMatch(/talk to a person/);
    expect(text).toContain('999');
    expect(text).toContain('116 000');
    expect(optionTitles(reply)).toContain('A young person');
    const next = await conversation.say('A parent or family member');
    expect(allText(next)).toMatch(/missing now, or are they back/);
  });

  it('by text, "this is useless" halfway is met the same way and the question waiting still takes its answer', async () => {
    const sms = await startSmsHarness({ now: '2026-12-03T22:00:00Z' });
    try {
      const phone = '+447700900814';
      for (const text of ['my son is 14 and not home', 'yes']) await sms.text(phone, text);
      const { replies } = await sms.text(phone, 'this is useless, youre not helping');
      expect(replies.join('\n')).toMatch(/talk to a person/);
      expect(replies.join('\n')).not.toMatch(DIDNT_CATCH);
      const after = await sms.text(phone, 'no');
      expect(after.replies.join('\n')).toMatch(/When did you last see/);
    } finally {
      await sms.close();
    }
  });
});

describe('a third fresh walk: who to ring, a social worker off, not wanting to talk, favours, lost in the dark', () => {
  let sms: SmsHarness;
  let night: Harness;
  beforeAll(async () => {
    sms = await startSmsHarness({ now: '2026-12-04T01:30:00Z' });
    night = await startHarness({ now: '2026-12-04T01:30:00Z' });
  });
  afterAll(async () => {
    await sms.close();
    await night.close();
  });
  const smsText = async (phone: string, messages: string[]) => {
    let replies: string[] = [];
    for (const message of messages) replies = (await sms.text(phone, message)).replies;
    return replies.join('\n');
  };

  it('by text, "just tell me who to ring" gets 101 and 999 at once', async () => {
    const text = await smsText('+447700900818', [
      'my son is 15 and not home',
      'yes',
      'no',
      'yesterday at 9pm',
      'yes',
      'no',
      'just tell me who to ring',
    ]);
    expect(text).toContain('101');
    expect(text).toContain('999');
  });

  it('a foster carer at night whose social worker is not answering gets the police first and the out-of-hours team', async () => {
    const conversation = night.conversation();
    const turns = await walk(
      conversation,
      ['A foster carer or care worker', 'Missing now', 'Tyler is 14, meant to be back from contact at 8, not answering his phone', 'no'],
      { join: true },
    );
    expect(allText(lastTurnOf(turns))).not.toMatch(DIDNT_CATCH);
    const text = allText(await conversation.say('what do i do at this time of night, the social worker isnt answering'));
    expect(text).toContain('101');
    expect(text).toContain('03000 419191');
  });

  it('by text, "her social worker is off til monday" is answered, not "didn\'t catch that"', async () => {
    const phone = '+447700900819';
    await smsText(phone, ['foster carer here, our girl is 15 and not back, due in at 10', 'yes', 'no']);
    const text = await smsText(phone, ['ok what now, her social worker is off til monday']);
    expect(text).not.toMatch(DIDNT_CATCH);
    expect(text).toContain('03000 419191');
  });

  it('"i dont want to talk" after the straight question gets the crisis lines, not "didn\'t catch that"', async () => {
    const conversation = night.conversation();
    await walk(conversation, ['A young person', 'i just want everything to stop, nobody would even notice if i was gone'], { join: true });
    const text = allText(await conversation.say('i dont want to talk'));
    expect(text).not.toMatch(DIDNT_CATCH);
    expect(text).toMatch(/SHOUT/);
    expect(await auditTrail(night.app, conversation.id)).toContain('advised-999:Y-THINKING-OF-SUICIDE');
  });

  it('by text too', async () => {
    const phone = '+447700900820';
    await smsText(phone, ['im 15 and i dont see the point anymore, everyone would be better off without me']);
    const text = await smsText(phone, ['dont wanna talk about it']);
    expect(text).not.toMatch(DIDNT_CATCH);
    expect(text).toMatch(/SHOUT/);
  });

  it('"he sed if i stay i gotta do sum favrs 4 him" is heard as exploitation, and the man\'s age is not taken as theirs', async () => {
    const conversation = night.conversation();
    const turns = await walk(conversation, ['A young person', 'cnt go bk hm, m8s bro sed i cn stay wiv him hes 23 n hes got a car'], {
      join: true,
    });
    expect(allText(lastTurnOf(turns))).not.toMatch(/you are 23/);
    await walk(conversation, ['ye im ok', 'away']);
    const text = allText(await conversation.say('he sed if i stay i gotta do sum favrs 4 him'));
    expect(text).not.toMatch(DIDNT_CATCH);
    expect(text).toMatch(/using you/);
  });

  it('by text, "i dont know where i am its dark" gets 999 now', async () => {
    const text = await smsText('+447700900821', ['im 12 and i ran away and i dont know where i am its dark and my phone is on 4%']);
    expect(text).toMatch(/999/);
    expect(await auditTrail(sms.app, sms.app.sms.conversationIdFor('+447700900821'))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^advised-999:/)]),
    );
  });
});

describe('a fourth fresh walk: back, said mid-search; "no, i cant call"', () => {
  let sms: SmsHarness;
  beforeAll(async () => {
    sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
  });
  afterAll(async () => sms.close());

  it('"found him!! hes just come up the drive" at the last-seen question is asked about, and yes goes to the return', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['my boy is 12 and not home yet', 'no'], { join: true });
    const asked = await conversation.say('found him!! hes just come up the drive');
    expect(allText(asked)).toMatch(/are they back, or have they been found/);
    expect(allText(asked)).not.toMatch(DIDNT_CATCH);
    expect(optionTitles(asked)).toEqual(['Yes', 'No']);
    const back = await conversation.say('yes');
    expect(allText(back)).toMatch(/hurt or unwell/);
  });

  it('"we found her scooter by the shops" is asked about, and no carries on with the question it interrupted', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['my girl has not come in, she is 11', 'no'], { join: true });
    const asked = await conversation.say('we found her scooter by the shops');
    expect(allText(asked)).toMatch(/are they back, or have they been found/);
    const carryOn = await conversation.say('no');
    expect(allText(carryOn)).toMatch(/still missing/);
    expect(allText(carryOn)).toMatch(/When did you last see/);
    const next = await conversation.say('about half 7 tonight');
    expect(allText(next)).toMatch(/19:30/);
  });

  it('by text too: "shes home!! just walked in" mid-journey, then yes', async () => {
    const phone = '+447700900911';
    for (const text of ['my daughter hasnt come home, shes 14', '1', 'no']) await sms.text(phone, text);
    const { replies } = await sms.text(phone, 'shes home!! just walked in the kitchen');
    expect(replies.join('\n')).toMatch(/are they back, or have they been found/);
    const { replies: back } = await sms.text(phone, '1');
    expect(back.join('\n')).toMatch(/hurt or unwell/);
  });

  it('held, "no i cant ring anyone they keep my phone": how to reach 999 without a safe call, and "no" answers nothing', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['im 14 and they locked me in the room, they wont let me out'], { join: true });
    expect(allText(lastTurnOf(turns))).toMatch(/Call 999 now/);
    const next = await conversation.say('no i cant ring anyone they keep my phone');
    expect(allText(next)).toMatch(/116 000/);
    expect(allText(next)).not.toMatch(/write here any time/);
    expect(allText(next)).toMatch(/a person to talk to you here/);
    expect(await auditTrail(harness.app, conversation.id)).toContain('advised-999:G-ASK-CANNOT-CALL-YP');
  });

  it('by text too: "no i cant call, they have my phone" is not "no, that is not right"', async () => {
    const phone = '+447700900912';
    const { replies: first } = await sms.text(phone, 'they wont let me leave the house and im 15');
    expect(first.join('\n')).toMatch(/Call 999 now/);
    const { replies } = await sms.text(phone, 'no i cant call, they have my phone');
    expect(replies.join('\n')).toMatch(/116 000/);
    expect(replies.join('\n')).not.toMatch(/Who is writing/);
    expect(await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone))).toContain('advised-999:G-ASK-CANNOT-CALL-YP');
  });

  it('a young person back home who is not safe is asked whether home is safe before the offer, and "not safe here" is a no', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['A young person', 'i went off for two nights but im home again', 'not really'], { join: true });
    expect(allText(lastTurnOf(turns))).toMatch(/safe for you at home/);
    expect(allText(lastTurnOf(turns))).not.toMatch(/return interview/);
    const next = await conversation.say('no its not safe here, my mums boyfriend is here');
    expect(allText(next)).toMatch(/03000 419191/);
    expect(allText(next)).toMatch(/return interview/);
    expect(allText(next)).not.toMatch(/safe for you at home/);
    expect(await auditTrail(harness.app, conversation.id)).toContain('disclosure-heard:G-DISCLOSE-YP-HOME');
  });

  it('by text too: a plain "2" (no) at "is it safe for you at home?" gets who can help, once', async () => {
    const phone = '+447700900913';
    for (const text of ['A young person', 'im back at my dads now, came back this morning']) await sms.text(phone, text);
    const { replies: asked } = await sms.text(phone, 'no');
    expect(asked.join('\n')).toMatch(/safe for you at home/);
    const { replies } = await sms.text(phone, '2');
    expect(replies.join('\n')).toMatch(/03000 419191/);
    const audit = await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone));
    expect(audit.filter((row) => row === 'disclosure-heard:G-DISCLOSE-YP-HOME')).toHaveLength(1);
  });

  it('after talk of ending it, "no" to the straight question and then "im down by the canal" is 999 now, not a question', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['A young person', 'honestly i cant be bothered with anything anymore, i want it all to end', 'no'], {
      join: true,
    });
    const replies = await conversation.say('im down by the canal');
    expect(allText(replies)).toMatch(/call 999 now/i);
    expect(allText(replies)).not.toMatch(/are you thinking about ending your life/);
    expect(allText(replies)).not.toMatch(/are you safe right now/i);
    expect(await auditTrail(harness.app, conversation.id)).toContain('advised-999:G-DANGER-YP-SUICIDE-AGAIN');
  });

  it('by text too', async () => {
    const phone = '+447700900914';
    for (const text of ['A young person', 'i dont want to be alive anymore', 'no not really']) await sms.text(phone, text);
    const { replies } = await sms.text(phone, 'im by the river');
    expect(replies.join('\n')).toMatch(/call 999 now/i);
    expect(await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone))).toContain('advised-999:G-DANGER-YP-SUICIDE-AGAIN');
  });

  it('"1" typed after the straight question is not taken as "a parent" from the buttons before it: asked again', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['i wish i could just disappear for good, im 14 and i left home'], { join: true });
    const again = await conversation.say('1');
    expect(allText(again)).toMatch(/are you thinking about ending your life/);
    expect(allText(again)).not.toMatch(/Is your child missing/);
    const answered = await conversation.say('not sure');
    expect(allText(answered)).toMatch(/85258/);
    expect(allText(answered)).not.toMatch(/your child/);
  });

  it('by text, in Romanian, "1" under the straight question and "Is that right?" asks the straight question again', async () => {
    const phone = '+447700900915';
    await sms.text(phone, 'nu mai vreau sa traiesc, am 15 ani si am plecat de acasa');
    const { replies } = await sms.text(phone, '1');
    expect(replies.join('\n')).toMatch(/te gândești să-ți iei viața/);
    expect(replies.join('\n')).not.toMatch(/ești în siguranță acum/);
  });

  it('"his mate had a blade on him last week" at "when did you last see them?" is danger, not the day he went', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['my son is 15 and hes not come home', 'no'], { join: true });
    const replies = await conversation.say('his mate had a blade on him last week');
    expect(allText(replies)).toMatch(/999/);
    expect(allText(replies)).not.toMatch(/I read that as/);
    expect(allText(replies)).toMatch(/When did you last see/);
    const next = await conversation.say('he left at 6 tonight');
    expect(allText(next)).toMatch(/18:00/);
  });

  it('by text, a foster carer: "a lad pulled a knife on him yesterday" at "when did they go?" is not the day he went', async () => {
    const phone = '+447700900916';
    for (const text of ['foster carer, our 14 year old has not come back tonight', '1', 'no', 'no']) await sms.text(phone, text);
    const { replies } = await sms.text(phone, 'a lad pulled a knife on him yesterday');
    expect(replies.join('\n')).toMatch(/999/);
    expect(replies.join('\n')).not.toMatch(/I read that as/);
    expect(replies.join('\n')).toMatch(/When did they go/);
  });

  it('Polish, "kazali mu przewozić paczki" is exploitation, by text too', async () => {
    const conversation = harness.conversation(undefined, { locale: 'pl' });
    const [turn] = await walk(conversation, ['mój syn ma 15 lat, starsi chłopcy kazali mu przewozić paczki i teraz go nie ma']);
    // Gone now, and made to carry for older boys: "call 999 now".
    expect(await auditTrail(harness.app, conversation.id)).toEqual(expect.arrayContaining([expect.stringMatching(/EXPLOIT|999-NOW/)]));
    expect(allText(turn ?? [])).toMatch(/999/);
    const phone = '+447700900917';
    await sms.text(phone, 'polski');
    await sms.text(phone, 'moja córka zniknęła, każą jej wozić paczki do Londynu');
    expect(await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone))).toEqual(
      expect.arrayContaining([expect.stringMatching(/EXPLOIT|999-NOW/)]),
    );
  });

  it('"staying at my mates, not going home tonight" is being away, not a disclosure of harm', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['A young person', 'staying at my mates, not going home tonight'], { join: true });
    expect(allText(lastTurnOf(turns))).not.toMatch(/not your fault/);
    expect(allText(lastTurnOf(turns))).toMatch(/are you safe right now/i);
    const phone = '+447700900918';
    await sms.text(phone, 'A young person');
    const { replies } = await sms.text(phone, 'im at a friends house and im not going back tonight');
    expect(replies.join('\n')).not.toMatch(/not your fault/);
    expect(await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone))).not.toContain('disclosure-heard:G-DISCLOSE-YP-HOME');
  });

  it('a parent who "cant call her" is not told how to call 999 in secret', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['my daughter is missing, she is 13', 'no', 'at 8 tonight', 'yes'], { join: true });
    const replies = await conversation.say('no i cant call her, it goes straight to voicemail');
    expect(allText(replies)).not.toMatch(/116 000 and say where you are/);
    expect(await auditTrail(harness.app, conversation.id)).not.toContain('advised-999:G-ASK-CANNOT-CALL-YP');
  });
});

describe('a fifth fresh walk: an ambulance in every language, a farewell, hit right now, still away, "ok found her", scared', () => {
  let sms: SmsHarness;
  beforeAll(async () => {
    sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
  });
  afterAll(async () => sms.close());

  it('Polish, beaten and lying unconscious: the ambulance first, by text', async () => {
    const phone = '+447700900921';
    await sms.text(phone, 'polski');
    await sms.text(phone, '1');
    const { replies } = await sms.text(phone, 'kumpel dzwonił, ktoś go pobił i leży nieprzytomny pod sklepem');
    expect(replies.join('\n')).toMatch(/karetk/);
    expect(await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^advised-999:G-DANGER-MEDICAL/)]),
    );
  });

  it('Romanian, drank a lot and breathing badly: the ambulance first', async () => {
    const conversation = harness.conversation(undefined, { locale: 'ro' });
    await walk(conversation, ['fiul meu de 16 ani e la o petrecere, a băut foarte mult și respiră greu']);
    expect(await auditTrail(harness.app, conversation.id)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^advised-999:G-DANGER-MEDICAL/)]),
    );
  });

  it.each([
    ['pl', 'dostałam wiadomość że już nas nigdy nie zobaczy, wybaczcie mi'],
    ['ro', 'mi-a trimis mesaj că nu o să ne mai vadă niciodată și să o iertăm'],
  ])('a farewell in %s is 999 now, as in English', async (locale, said) => {
    const conversation = harness.conversation(undefined, { locale });
    await walk(conversation, [said]);
    expect(await auditTrail(harness.app, conversation.id)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^advised-999:G-DANGER/)]),
    );
  });

  it('"my stepdad is hitting me now" from a young person is call 999 now, by text too', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['A young person', 'my stepdad is hitting me now'], { join: true });
    expect(allText(lastTurnOf(turns))).toMatch(/Call 999 now/);
    const phone = '+447700900922';
    await sms.text(phone, 'A young person');
    const { replies } = await sms.text(phone, 'he keeps hitting me and wont stop hitting me');
    expect(replies.join('\n')).toMatch(/Call 999 now/);
  });

  it('taken as back, "im not back im still in dover" goes to the steps for someone away', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['A young person', 'yes', "I'm back"], { join: true });
    const replies = await conversation.say('im not back im still in dover');
    expect(allText(replies)).toMatch(/still away from home/);
    expect(allText(replies)).toMatch(/safe for you to go home/);
    expect(allText(replies)).not.toMatch(DIDNT_CATCH);
  });

  it('"ok found her at her mates shes fine" at a yes or no question is asked about, not taken as yes', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['my daughter is 13 and missing', 'no', 'at 7 tonight', 'yes', 'yes'], { join: true });
    const replies = await conversation.say('ok found her at her mates shes fine');
    expect(allText(replies)).toMatch(/are they back, or have they been found/);
    expect(await auditTrail(harness.app, conversation.id)).not.toContain('advised-101:P-REPORT-NOW-AT-RISK');
  });

  it('"still not home, its morning now" hours later, mid-search, is someone coming back: what to do now, and the step again', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['my son is 15 and out all night', 'no', 'about 10 last night', 'yes', 'yes', 'no'], { join: true });
    harness.clock.advance(6 * 60 * 60 * 1000);
    const replies = await conversation.say('still not home its morning now, nothing from him');
    // Not reported, as far as they have said: reporting now, not "101 again".
    expect(allText(replies)).toMatch(/101 now/);
    expect(allText(replies)).toMatch(/Step 2 of 7/);
    expect(await auditTrail(harness.app, conversation.id)).toContain('advised-101:P-STILL-MISSING-UNREPORTED');
  });

  it('by text too: hours later at the name question, "hi shes still not home" is not her name', async () => {
    const phone = '+447700900924';
    for (const text of [
      'my daughter is 14 and hasnt come home',
      '1',
      'no',
      'yesterday 8pm',
      '1',
      '1',
      '2',
      '5',
      '2',
      '2',
      '2',
      '2',
      '1',
      '1',
    ])
      await sms.text(phone, text);
    sms.clock.advance(10 * 60 * 60 * 1000);
    const { replies } = await sms.text(phone, 'hi, shes still not home, police came last night');
    expect(replies.join('\n')).toMatch(/still missing: call the police on 101 again/);
    expect(replies.join('\n')).toMatch(/full name/);
    expect(await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone))).toContain('advised-101:P-STILL-MISSING');
  });

  it('"shes just come home but shes got bruises" is the return, with its 999 words', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['shes just come home but shes got bruises on her arms and wont say what happened, shes 14'], {
      join: true,
    });
    expect(allText(lastTurnOf(turns))).toMatch(/999/);
    expect(allText(lastTurnOf(turns))).toMatch(/come back|back home|are back/i);
    expect(allText(lastTurnOf(turns))).not.toMatch(/When did you last see/);
  });

  it('Pashto, which the area does not offer, still reaches 999 for talk of ending a life, by text too', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['زما لور ورکه ده، هغې وویل چې ځان وژني'], { join: true });
    expect(await auditTrail(harness.app, conversation.id)).toContain('advised-999:G-DANGER-SUICIDE');
    const phone = '+447700900925';
    const { replies } = await sms.text(phone, 'زما زوی ورک دی او وایي چې ځان ووژني');
    expect(replies.join('\n')).toContain('999');
    expect(await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone))).toContain('advised-999:G-DANGER-SUICIDE');
  });

  it('a residential worker who said "absconded at 1am" is asked to confirm it, not asked when they went, by text too', async () => {
    const conversation = harness.conversation();
    harness.clock.set('2026-11-25T02:30:00Z');
    const turns = await walk(conversation, ['residential worker, a lad of 14 absconded from the unit at 1am', 'no', 'no'], { join: true });
    expect(allText(lastTurnOf(turns))).toMatch(/You told me earlier: .*01:00/);
    expect(allText(lastTurnOf(turns))).not.toMatch(/When did they go/);
    sms.clock.set('2026-11-25T02:30:00Z');
    const phone = '+447700900927';
    for (const text of ['foster carer, our girl did a runner at half 11 tonight, shes 15', '1', 'no']) await sms.text(phone, text);
    const { replies } = await sms.text(phone, '2');
    expect(replies.join('\n')).toMatch(/You told me earlier: .*23:30/);
  });

  it('"i dont want to ring anyone" after the straight question answers it, as not sure, with lines to text; by text too', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['A young person', 'i just want to disappear forever'], { join: true });
    const replies = await conversation.say('i dont want to ring anyone');
    expect(allText(replies)).toMatch(/85258/);
    expect(allText(replies)).not.toMatch(DIDNT_CATCH);
    expect(await auditTrail(harness.app, conversation.id)).toContain('advised-999:Y-THINKING-OF-SUICIDE');
    const phone = '+447700900928';
    for (const text of ['A young person', 'i dont see the point in living']) await sms.text(phone, text);
    const { replies: texted } = await sms.text(phone, 'not calling anyone');
    expect(texted.join('\n')).toMatch(/85258/);
    expect(await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone))).toContain('advised-999:Y-THINKING-OF-SUICIDE');
  });

  it('"999" texted to the bot is told it cannot call, and to ring 999 itself', async () => {
    const phone = '+447700900926';
    await sms.text(phone, 'my girl is 12 and she is missing');
    const { replies } = await sms.text(phone, '999');
    expect(replies.join('\n')).toMatch(/I can't make calls, so please ring yourself: 999/);
  });

  it('"im scared" at "are you safe right now?" is not safe, with 999, never "didn\'t catch that", by text too', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['A young person', 'im so scared'], { join: true });
    expect(allText(lastTurnOf(turns))).toMatch(/999/);
    expect(allText(lastTurnOf(turns))).not.toMatch(DIDNT_CATCH);
    const phone = '+447700900923';
    await sms.text(phone, 'A young person');
    await sms.text(phone, 'A young person');
    const { replies } = await sms.text(phone, 'pls im really scared');
    expect(replies.join('\n')).not.toMatch(DIDNT_CATCH);
    expect(await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone))).toContain('advised-999:Y-NOT-SAFE');
  });
});

describe('a sixth fresh walk', () => {
  let sms: SmsHarness;
  beforeAll(async () => {
    sms = await startSmsHarness({ now: '2026-11-25T01:30:00Z' });
  });
  afterAll(async () => sms.close());

  it('"cut myself and it wont stop bleeding" is the ambulance first, not the straight question; by text too', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['im 15 and i ran away', 'i did cut myself and it wont stop bleeding']);
    expect(await auditTrail(harness.app, conversation.id)).toEqual(['advised-999:G-DANGER-YP-MEDICAL']);
    const phone = '+447700900931';
    await sms.text(phone, 'left home last night, im 14');
    const { replies } = await sms.text(phone, 'cut my arm too deep theres blood everywhere');
    expect(replies.join('\n')).toMatch(/ambulance/);
    expect(await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone))).toEqual(['advised-999:G-DANGER-YP-MEDICAL']);
  });

  it('a cut that has stopped bleeding is still heard as self-harm, and asked about straight', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['im 15 and i ran away', 'i cut myself again but its stopped bleeding now']);
    const trail = await auditTrail(harness.app, conversation.id);
    expect(trail).not.toContain('advised-999:G-DANGER-YP-MEDICAL');
    expect(trail.some((row) => /SUICIDE|SELF/.test(row))).toBe(true);
  });

  it('what she wore, said in the first message, is given to the police and not asked again; what is added goes with it', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['my girl is 14 and not home yet, shes in a pink puffer jacket and black leggings', 'yes', 'no']);
    await walk(conversation, ['she went out at 6 tonight', 'yes', 'yes', 'no', 'Report to police now', 'no', 'no', 'no', 'no', 'no']);
    const atPlace = await walk(conversation, ['Mia Jones', 'skip', 'the park', 'dont know']);
    const asked = allText(lastTurnOf(atPlace));
    expect(asked).toContain('pink puffer jacket and black leggings');
    expect(asked).not.toMatch(/Describe them/);
    const end = await walk(conversation, ['dark hair in a bun, about 5ft 2', 'no', 'skip', 'skip', 'skip', 'skip']);
    const summary = end.flat();
    expect(cardFacts(summary)['Description and clothing']).toMatch(/pink puffer jacket and black leggings.*dark hair in a bun/);
    // "about 5ft 2" is her height, not her age.
    expect(allText(end.flat())).not.toMatch(/noted that they are 5/);
  });

  it('by text: "yes" is not a name, and "no" at what to add keeps what was said', async () => {
    const phone = '+447700900932';
    for (const said of ['my girl is 14 and not home yet, shes in a pink puffer jacket and black leggings', '1', '2'])
      await sms.text(phone, said);
    for (const said of ['she went out at 6 tonight', '1', '1', '2', '5', '2', '2', '2', '2', '2']) await sms.text(phone, said);
    const notAName = await sms.text(phone, 'yes');
    expect(notAName.replies.join('\n')).toMatch(/full name/);
    for (const said of ['Mia Jones', 'skip', 'the park']) await sms.text(phone, said);
    const confirm = await sms.text(phone, 'dont know');
    expect(confirm.replies.join('\n')).toContain('pink puffer jacket');
    const next = await sms.text(phone, 'no');
    expect(next.replies.join('\n')).toMatch(/photo/);
  });

  it('"i dont want to do the meeting anymore" after booking is asked about cancelling, not about ending their life', async () => {
    const conversation = harness.conversation();
    await walk(
      conversation,
      ['2', 'Yes', "I'm back", 'Someone new', 'last night', 'Yes', 'Library', '1', 'Text my mobile', 'skip', 'Yes'],
      {
        join: true,
      },
    );
    const [turn] = await walk(conversation, ['i dont want to do the meeting anymore']);
    const text = allText(turn ?? []);
    expect(text).toMatch(/cancel your meeting/);
    expect(text).not.toMatch(/ending your life/);
    expect(await auditTrail(harness.app, conversation.id)).toEqual(['booking-made:Y-BOOKING-MADE']);
  });

  it('by text: "ran away last week but im back home now" is asked when they got back, not told it was last week', async () => {
    const phone = '+447700900933';
    for (const said of ['im 15, ran away last week but im back home now', '1', '1']) await sms.text(phone, said);
    const { replies } = await sms.text(phone, '2');
    expect(replies.join('\n')).toMatch(/When did you get back\?/);
    expect(replies.join('\n')).not.toMatch(/Is that right/);
  });

  it('a time read as this very minute is "just now", never "in 0 minutes"', async () => {
    const night = await startHarness({ now: '2026-11-25T02:00:00Z' });
    try {
      const conversation = night.conversation();
      const turns = await walk(conversation, ['foster carer here, my 15 year old lad has gone out and not come back', '1', '2', '2'], {
        join: true,
      });
      const text = allText(lastTurnOf(turns));
      expect(text).toMatch(/just now/);
      expect(text).not.toMatch(/in 0 minutes/);
    } finally {
      await night.close();
    }
  });

  it.each([
    ['my son hasnt come back, hes with his cousin whos 18', undefined],
    ['my little boy has wandered off, hes 19 months old', undefined],
    ['my son is 18 next week and hes not come home', 17],
  ])('"%s": the child is not taken for an adult', async (said, age) => {
    const conversation = harness.conversation();
    const [first] = await walk(conversation, [said], { join: true }).then((turns) => turns.slice(1));
    const text = allText(first ?? []);
    expect(text).not.toMatch(/noted that they are 1[89]/);
    expect(text).not.toMatch(/missing adult/);
    if (age !== undefined) expect(text).toContain(`noted that they are ${age}`);
  });

  it('by text: a date of birth corrected is not an age of 3', async () => {
    const phone = '+447700900934';
    await sms.text(phone, 'my daughter is 12 and not home, shes been gone since 7');
    const { replies } = await sms.text(phone, 'sorry i meant 03/05/2013');
    expect(replies.join('\n')).not.toMatch(/noted that they are 3/);
  });

  it('a note left saying "sorry mum i love you" is 999 now, mid-search', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['1', 'Missing now', 'No', 'about 8 tonight', 'Yes', '15', 'Yes', 'No', 'Done']);
    const [turn] = await walk(conversation, ['theres a note on her bed saying sorry mum i love you']);
    expect(allText(turn ?? [])).toMatch(/Call 999 now/);
    expect(await auditTrail(harness.app, conversation.id)).toContain('advised-999:G-DANGER-SUICIDE');
  });

  it('by text: home drunk "with blood on her legs" is heard as a possible sexual assault, with the SARC', async () => {
    const phone = '+447700900935';
    for (const said of ['1', 'They are back']) await sms.text(phone, said);
    const { replies } = await sms.text(phone, 'she came home drunk with blood on her legs and wont say what happened');
    expect(replies.join('\n')).toMatch(/SARC/);
    expect(await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone))).toContain('advised-999:G-DANGER-SEXUAL');
  });

  it('by text, Arabizi: "an older man is exploiting her" is heard', async () => {
    const phone = '+447700900936';
    await sms.text(phone, 'binti 3omra 15 ma raj3et, fi rajul kbir 3am yestaghella');
    // Gone, and with a man exploiting her: "call 999 now".
    expect((await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone))).some((row) => /EXPLOIT|999-NOW/.test(row))).toBe(true);
  });

  it('by text, "cancel" after booking is about the meeting: asked to confirm, and the phone is not opted out', async () => {
    const phone = '+447700900937';
    for (const said of ['im 15, i got back home last night', '1', '1', '2', '1', '3', '2', '1', '1']) await sms.text(phone, said);
    const { replies } = await sms.text(phone, 'cancel');
    expect(replies.join('\n')).toMatch(/cancel your meeting/);
    expect(await sms.app.sms.sender.optOuts.isOptedOut(phone)).toBe(false);
    await sms.text(phone, '1');
    expect(await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone))).toContain('booking-cancelled:Y-BOOKING-CANCELLED');
  });

  it('a child last seen 3 days ago is reported now, before the search, not sent to check the bedroom first; by text too', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['1', 'Missing now', 'No', '3 days ago', 'Yes', '14', 'Yes', 'No'], { join: true });
    expect(allText(lastTurnOf(turns))).toMatch(/don't search first/);
    expect(await auditTrail(harness.app, conversation.id)).toEqual(['advised-101:P-REPORT-NOW-LONG-GONE']);
    const phone = '+447700900938';
    for (const said of ['my son hasnt been home since 2 weeks ago', '1', '2', '1', '14', '1']) await sms.text(phone, said);
    const { replies } = await sms.text(phone, '2');
    const after = replies.join('\n');
    expect(await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone))).toContain('advised-101:P-REPORT-NOW-LONG-GONE');
    expect(after).not.toMatch(/You do not have to wait 24 hours/);
  });

  it('"can i change my appointment", an hour after booking, offers new times', async () => {
    const day = await startHarness({ now: '2026-11-24T15:00:00Z' });
    try {
      const conversation = day.conversation();
      await walk(conversation, ['A young person', 'yes', 'im back home now', 'someone new', 'last night', 'yes', 'library', '1'], {
        join: true,
      });
      await walk(conversation, ['text my mobile', '07700 900123', 'yes']);
      day.clock.advance(50 * 60_000);
      const [turn] = await walk(conversation, ['can i change my appointment']);
      expect(allText(turn ?? [])).toMatch(/When can you meet/);
    } finally {
      await day.close();
    }
  });

  it('by text, "stop asking me that hes here and hes hurting me" is call 999 now, not "if you are in danger"', async () => {
    const phone = '+447700900939';
    await sms.text(phone, 'A young person');
    await sms.text(phone, 'yes');
    const { replies } = await sms.text(phone, 'stop asking me that hes here and hes hurting me');
    expect(replies.join('\n')).toMatch(/Call 999 now/);
  });

  it('a carer already told to report, "hes still not back its 3am" hours later: what to do now, not the enquiries again; by text too', async () => {
    const night = await startHarness({ now: '2026-11-25T01:00:00Z' });
    const toWait = [
      'foster carer',
      'no',
      "I don't know",
      'about 11pm',
      'yes',
      ...Array<string>(8).fill('no'),
      ...Array<string>(5).fill('done'),
    ];
    try {
      const conversation = night.conversation();
      await walk(conversation, toWait, { join: true });
      night.clock.advance(2 * 3_600_000);
      const [turn] = await walk(conversation, ['hes still not back its 3am']);
      const text = allText(turn ?? []);
      expect(text).toMatch(/still missing/);
      expect(text).not.toMatch(/Make reasonable enquiries/);
      expect(optionTitles(turn ?? [])).toEqual(['Back now', 'Still missing', 'Show my log']);
      expect(await auditTrail(night.app, conversation.id)).toContain('advised-101:C-STILL-MISSING');
      const [again] = await walk(conversation, ['nope not back']);
      expect(allText(again ?? [])).toMatch(/still missing/);
    } finally {
      await night.close();
    }
    const phone = '+447700900940';
    for (const said of ['foster carer', '2', '2', 'about 11pm', '1', ...Array<string>(8).fill('2'), ...Array<string>(5).fill('1')])
      await sms.text(phone, said);
    const { replies } = await sms.text(phone, 'still not back');
    expect(replies.join('\n')).toMatch(/still missing/);
    expect(await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone))).toContain('advised-101:C-STILL-MISSING');
  });

  it('Pashto, which Kent does not offer, "took many pills and wont wake": the ambulance, in English not Arabic; by text too', async () => {
    const said = 'زما لور ډېرې ګولۍ خوړلې دي او نه ویښېږي';
    const conversation = harness.conversation();
    await walk(conversation, [said], { join: true });
    expect(await auditTrail(harness.app, conversation.id)).toEqual(['advised-999:G-DANGER-MEDICAL']);
    const phone = '+447700900941';
    const { replies } = await sms.text(phone, said);
    expect(replies.join('\n')).toMatch(/Call 999 now/);
    // Not Arabic: the first reply is the English one.
    expect(replies[0]).toMatch(/^This could be a medical emergency/);
  });

  it('by text, "2" under "Is that right? 1 Yes 2 No" about when they got back is no, not the time 02:00', async () => {
    const phone = '+447700900942';
    for (const said of ['hey', '2', '1', '2', '2']) await sms.text(phone, said);
    const asked = await sms.text(phone, '08:00');
    expect(asked.replies.join('\n')).toMatch(/Is that right\?/);
    const { replies } = await sms.text(phone, '2');
    expect(replies.join('\n')).toMatch(/When did you get back\?/);
    expect(replies.join('\n')).not.toMatch(/02:00/);
  });

  it('"nah thats it" at what to add to the clothes said before adds nothing to what goes to the police', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['my girl is 14 and not home yet, shes in a pink puffer jacket and black leggings', 'yes', 'no']);
    await walk(conversation, ['she went out at 6 tonight', 'yes', 'yes', 'no', 'Report to police now', 'no', 'no', 'no', 'no', 'no']);
    await walk(conversation, ['Mia Jones', 'skip', 'the park', 'idk']);
    const end = await walk(conversation, ['nah thats it', 'no', 'skip', 'skip', 'skip', 'skip']);
    expect(cardFacts(end.flat())['Description and clothing']).toBe('shes in a pink puffer jacket and black leggings');
  });
});

describe('a seventh fresh walk', () => {
  let sms: SmsHarness;
  beforeAll(async () => {
    sms = await startSmsHarness({ now: '2026-11-24T23:10:00Z' });
  });
  afterAll(async () => sms.close());

  it('"my dad hits me" at "are you safe right now?" is not safe: the 999 line once, and the question not asked again; by text too', async () => {
    const conversation = harness.conversation();
    const asked = await walk(conversation, ['i ran away last week and came back', 'yes']);
    expect(allText(lastTurnOf(asked))).toMatch(/are you safe right now/i);
    const [turn = []] = await walk(conversation, ['my dad hits me']);
    expect(allText(turn)).not.toMatch(/are you safe right now/i);
    const trail = await auditTrail(harness.app, conversation.id);
    expect(trail).toEqual(expect.arrayContaining(['advised-999:G-DANGER-YP', 'disclosure-heard:G-DISCLOSE-YP-HOME']));
    const phone = '+447700900951';
    await sms.text(phone, 'i ran away from home');
    await sms.text(phone, '1');
    const { replies } = await sms.text(phone, 'he makes me sell stuff for him');
    expect(replies.join('\n')).toMatch(/999/);
    expect(replies.join('\n')).not.toMatch(/are you safe right now/i);
  });

  it('"i ran away last week and came back" is back: offered someone to talk to about it', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['i ran away last week and came back', 'yes', 'yes']);
    expect(optionTitles(lastTurnOf(turns))).toEqual(['Someone I trust', 'Someone new', 'No thanks']);
  });

  it('"31/13 at 4" is no date: asked again, not read as 4 o\'clock; by text too', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['im back home now', 'yes', 'yes', 'someone new', '31/13 at 4']);
    const text = allText(lastTurnOf(turns));
    expect(text).toMatch(/When did you get back\?/);
    expect(text).not.toMatch(/04:00|16:00/);
    const phone = '+447700900952';
    for (const said of ['im back home now', '1', '1', '2']) await sms.text(phone, said);
    const { replies } = await sms.text(phone, '30/02 about 9');
    expect(replies.join('\n')).toMatch(/When did you get back\?/);
    expect(replies.join('\n')).not.toMatch(/09:00|21:00/);
  });

  it('where he was last seen and who with, said first, are given to the police and not asked again', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['my son jack is 14, never came back tonight, last seen at the park on london road with liam', 'yes', 'no']);
    await walk(conversation, ['6pm', 'yes', 'yes', 'no', 'Report to police now', 'no', 'no', 'no', 'no', 'no', 'Jack Smith']);
    const [place = [], company = []] = await walk(conversation, ['skip', 'no']);
    expect(allText(place)).toContain('at the park on london road');
    expect(allText(place)).not.toMatch(/Where were they last seen\?/);
    expect(allText(company)).toContain('"liam"');
    expect(allText(company)).not.toMatch(/Who were they with\?/);
    const end = await walk(conversation, ['his mate josh too', 'black hoodie', 'no', 'skip', 'skip', 'skip', 'skip']);
    const card = cardFacts(end.flat());
    expect(card['Where last seen']).toBe('at the park on london road');
    expect(card.With).toBe('liam; his mate josh too');
  });

  it('by text: "went off with some older lads" is who she is with; "at 6pm" is when, not where', async () => {
    const phone = '+447700900953';
    const opening = 'my girl is 15 and went off with some older lads, last seen at 6pm';
    for (const said of [opening, '1', '2', '1', '1', '2', '5', '2', '2', '2', '2', '2', 'Mia Jones']) await sms.text(phone, said);
    const place = await sms.text(phone, 'skip');
    expect(place.replies.join('\n')).toMatch(/Where were they last seen\?/);
    const company = await sms.text(phone, 'the bus station');
    expect(company.replies.join('\n')).toContain('"some older lads"');
  });

  it('"yes" under a search step is done, and the next step follows', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['my son is 14 and hasnt come home', 'yes', 'no', '6pm', 'yes', 'yes']);
    const turns = await walk(conversation, ['no', 'yes']);
    expect(allText(turns[0] ?? [])).toMatch(/Check their bedroom/);
    expect(allText(lastTurnOf(turns))).toMatch(/Check the garden/);
    expect(allText(lastTurnOf(turns))).not.toMatch(DIDNT_CATCH);
  });
});

describe("an eighth fresh walk: whose danger, and signs in a child's own words", () => {
  let sms: SmsHarness;
  beforeAll(async () => {
    sms = await startSmsHarness({ now: '2026-11-25T00:50:00Z' });
  });
  afterAll(async () => sms.close());

  it('by text, a care worker told "next time ill do it properly" is told 999 for the child; writing again is not "Who is writing?"', async () => {
    const phone = '+447700900961';
    const { replies } = await sms.text(
      phone,
      'residential worker. she came back 20 mins ago, shes saying next time ill do it properly and ill make sure no one finds me',
    );
    expect(replies.join('\n')).toMatch(/999/);
    // She is back: the words for a child who is here, not "where they might be".
    expect(await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone))).toContain('advised-999:G-DANGER-SUICIDE-BACK');
    await sms.text(phone, '1');
    const again = await sms.text(phone, "she's 15, seems ok physically");
    expect(again.replies.join('\n')).not.toMatch(/Who is writing\?/);
    // The steps for a child back were given with the role: what to do with news now, not all of them again.
    expect(again.replies.join('\n')).toMatch(/steps for a child who is back are above/);
  });

  it("by text, a mum's own despair is answered as hers, and her child's report goes on as a parent's", async () => {
    const phone = '+447700900962';
    const { replies } = await sms.text(
      phone,
      'im her mum. ellie 13 not back. i cant do this anymore honestly i just want to go to sleep and not wake up',
    );
    const text = replies.join('\n');
    expect(text).toMatch(/SHOUT to 85258/);
    expect(text).not.toMatch(/you are a young person/);
    const trail = await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone));
    expect(trail).toContain('advised-999:G-DANGER-SELF-ADULT');
    expect(trail).not.toContain('advised-999:G-DANGER-SUICIDE');
    const next = await sms.text(phone, '1');
    expect(next.replies.join('\n')).toMatch(/in danger right now/);
  });

  it('a young person whose mate said she would kill herself is told 999 for her, and not asked about their own life', async () => {
    const conversation = harness.conversation();
    const [turn = []] = await walk(conversation, ['my mate ran away tonight she said she was gonna kill herself and now she wont answer']);
    expect(allText(turn)).toMatch(/call 999 now: tell them what your friend said/);
    expect(allText(turn)).not.toMatch(/are you thinking about ending your life/i);
    expect(await auditTrail(harness.app, conversation.id)).toEqual(['advised-999:G-DANGER-YP-FRIEND']);
  });

  it("grooming in a child's own words gets the exploitation reply, by text too", async () => {
    const conversation = harness.conversation();
    await walk(conversation, [
      "theres this guy i met online he's 19 and he wants me to come meet him tonight in chatham and not tell anyone. he sends me money. im 13 is that ok",
    ]);
    expect(await auditTrail(harness.app, conversation.id)).toContain('advised-999:G-DANGER-YP-EXPLOITATION');
    const phone = '+447700900963';
    await sms.text(phone, 'im 13 i ran away from my care home');
    const { replies } = await sms.text(phone, 'im at some guys flat he let me stay, hes ok he gave me food and a phone');
    expect(replies.join('\n')).toMatch(/someone may be using you/);
  });

  it('"he has her passport and says their flight is in the morning", mid-search, is 999', async () => {
    const conversation = harness.conversation();
    await walk(conversation, [
      'my 15 yr old daughter is with her dad and he wont tell me where they are, hes not meant to have her, he said hes taking her to pakistan',
    ]);
    await walk(conversation, ['yes', 'no', '6pm', 'yes', 'yes', 'no']);
    const [turn = []] = await walk(conversation, ['he has her passport and says their flight is in the morning']);
    expect(allText(turn)).toMatch(/call 999 now/i);
    expect(await auditTrail(harness.app, conversation.id)).toContain('advised-999:G-DANGER-999-NOW');
  });

  it('"i think im pregnant and i cant go home my mum will kill me" is no ambulance', async () => {
    const phone = '+447700900964';
    const { replies } = await sms.text(phone, 'i think im pregnant and i cant go home my mum will kill me');
    expect(replies.join('\n')).not.toMatch(/ambulance/);
    expect(await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone))).not.toContain('advised-999:G-DANGER-YP-MEDICAL');
  });

  it('"actually yeah ok i will talk to someone", after saying no, is offered again, not asked "are you safe?" again; by text too', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['im back home now', 'yes', 'yes', 'No thanks']);
    const [again = []] = await walk(conversation, ['actually yeah ok i will talk to someone']);
    expect(optionTitles(again)).toEqual(['Someone I trust', 'Someone new', 'No thanks']);
    expect(allText(again)).not.toMatch(/are you safe right now/i);
    const phone = '+447700900965';
    for (const said of ['im back home now', '1', '1', '3']) await sms.text(phone, said);
    const { replies } = await sms.text(phone, 'ok can i talk to someone new then');
    expect(replies.join('\n')).toMatch(/What would you like\?/);
    expect(replies.join('\n')).not.toMatch(/are you safe right now/i);
  });

  it('back "yesterday": the three days to meet count from the end of that day, so Thursday at 4pm is not too late', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['im back home now', 'yes', 'yes', 'someone new', 'yesterday', 'yes', 'at home']);
    const [turn = []] = await walk(conversation, ['thursday 4pm']);
    expect(allText(turn)).not.toMatch(/too late/);
    expect(allText(turn)).toMatch(/How should they reach you\?/);
  });

  it('by text, Pashto in Arabic letters with no Pashto-only letter is answered in English, not in Arabic; Arabic still in Arabic', async () => {
    const pashto = await sms.text('+447700900966', 'زما زوی ۱۵ کلن دی او کور ته نه دی راغلی');
    expect(pashto.replies.join('\n')).toMatch(/Is that right\?/);
    const arabic = await sms.text('+447700900967', 'ابني عمره ١٥ ولم يرجع إلى البيت');
    expect(arabic.replies.join('\n')).toMatch(/هل هذا صحيح؟/);
  });

  it('by text, Welsh, which Kent does not offer, is still read for who is writing and what is happening', async () => {
    const { replies } = await sms.text('+447700900968', "Dydy fy mab ddim wedi dod adref. Mae o'n 14 oed.");
    expect(replies.join('\n')).toMatch(/your child has not come home/);
    expect(replies.join('\n')).not.toMatch(/Who is writing\?/);
  });

  it('by text, a care worker whose child "came back at half 12" has 00:30 in the log, not the minute they wrote', async () => {
    const phone = '+447700900969';
    await sms.text(phone, 'residential worker here, our young person just came back at half 12');
    const { replies } = await sms.text(phone, '1');
    expect(replies.join('\n')).toMatch(/25\/11 00:30 Child back/);
  });

  it('after an overdose, "im fine honestly i just want to sleep" is told again that it can harm, and to call 999', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['i ran away and i took a load of paracetamol earlier like 20 of them', 'yes']);
    const [turn = []] = await walk(conversation, ['im fine honestly i just want to sleep']);
    expect(allText(turn)).toMatch(/can harm you even if you feel OK now/);
    expect(allText(turn)).not.toMatch(DIDNT_CATCH);
  });
});

describe('a ninth fresh walk: a young person writing about someone else', () => {
  let sms: SmsHarness;
  beforeAll(async () => {
    sms = await startSmsHarness({ now: '2026-11-25T00:40:00Z' });
  });
  afterAll(async () => sms.close());

  it('"im 14 and my friend ran away" is about the friend: what to do for them, then whether they are OK; not "is it safe for you to go home?"', async () => {
    const conversation = harness.conversation();
    await conversation.join();
    const [first = [], ok = []] = await walk(conversation, ['im 14 and my friend ran away from home last night', 'yes']);
    expect(allText(first)).toMatch(/someone you know is missing/);
    expect(allText(first)).toMatch(/101/);
    expect(allText(first)).not.toMatch(/safe for you to go home|safe right now/);
    expect(optionTitles(first)).toEqual(['Yes', 'No', 'Not sure']);
    expect(allText(ok)).toMatch(/Childline/);
    expect(allText(ok)).not.toMatch(/return interview/);
  });

  it('by text, "my best mate hasnt been home": confirmed as about someone they know; not OK themselves is the help for them and a person offered', async () => {
    const phone = '+447700900971';
    const first = await sms.text(phone, 'my best mate hasnt been home since yesterday and her mums going mad what do i do');
    expect(first.replies.join('\n')).toMatch(/someone you know is missing/);
    const advice = await sms.text(phone, '1');
    expect(advice.replies.join('\n')).toMatch(/116 000/);
    const notOk = await sms.text(phone, 'not really tbh');
    expect(notOk.replies.join('\n')).toMatch(/talk to you here/);
    expect(await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone))).toContain('advised-999:Y-NOT-SAFE');
  });

  it('"no" under a search step is tried and not found, said back, and the next step follows; by text too', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['my son is 14 and hasnt come home', 'yes', 'no', '6pm', 'yes', 'yes', 'no']);
    const [turn = []] = await walk(conversation, ['no']);
    expect(allText(turn)).toMatch(/tried, and not found.*Check the garden/s);
    expect(allText(turn)).not.toMatch(DIDNT_CATCH);

    const phone = '+447700900972';
    for (const text of ['my daughter is 12 and she isnt home', '1', '2', '7pm', '1', '1', '2']) await sms.text(phone, text);
    const { replies } = await sms.text(phone, 'no');
    expect(replies.join('\n')).toMatch(/tried, and not found.*Check the garden/s);
  });

  it('"what do i do next", asked while a question waits, is told the steps come one at a time, and the question stays; by text too', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['foster carer here, our 15yo hasnt come back tonight']);
    const [turn = []] = await walk(conversation, ['what do i do next']);
    expect(allText(turn)).toMatch(/one step at a time/);
    expect(allText(turn)).not.toMatch(/only answer a few questions/);
    expect(optionTitles(turn)).toEqual(['Yes', 'No']);

    const phone = '+447700900973';
    await sms.text(phone, 'my 13 yr old went out at 6 and isnt back');
    await sms.text(phone, '1');
    const { replies } = await sms.text(phone, 'what should i do');
    expect(replies.join('\n')).toMatch(/one step at a time[\s\S]*in danger right now\?/);
  });

  it('"actually no i dont want one anymore", while the meeting is being booked, stops it: nothing booked, and a later yes is the offer again; by text too', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['A young person', 'yes', 'im back', 'someone new', 'last night', 'yes'], { join: true });
    const [turn = []] = await walk(conversation, ['actually no i dont want one anymore']);
    expect(allText(turn)).toMatch(/nothing is booked/);
    expect(allText(turn)).not.toMatch(DIDNT_CATCH);
    expect((await auditTrail(harness.app, conversation.id)).filter((row) => row.startsWith('booking-made'))).toEqual([]);
    const [again = []] = await walk(conversation, ['actually yeah i do want one']);
    expect(allText(again)).toMatch(/What would you like\?/);

    const phone = '+447700900974';
    for (const text of ['im 15 i ran away on monday and im back now', '1', '1', '2', 'monday night', '1']) await sms.text(phone, text);
    const { replies } = await sms.text(phone, 'i dont want to meet anyone anymore');
    expect(replies.join('\n')).toMatch(/nothing is booked/);
  });

  it('"got into a strangers car" is 999, not the question for a worry; by text too', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['my 13 year old got into a strangers car outside school and hasnt come home']);
    expect(await auditTrail(harness.app, conversation.id)).toEqual(['advised-999:G-DANGER-999-NOW']);

    const phone = '+447700900975';
    await sms.text(phone, 'my daughter is 12, her friend says she went off in a car with a man she didnt know');
    expect(await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone))).toEqual(['advised-999:G-DANGER-999-NOW']);
  });

  it('by text, "idk" at "Who is writing?" is told how to choose, not "didn\'t catch that"', async () => {
    const phone = '+447700900976';
    await sms.text(phone, 'hello');
    const { replies } = await sms.text(phone, 'idk');
    expect(replies.join('\n')).toMatch(/Writing about yourself\?/);
    expect(replies.join('\n')).not.toMatch(DIDNT_CATCH);
  });

  it('"whatever", after being asked straight about ending their life, is answered with the crisis lines, not "didn\'t catch that"; by text too', async () => {
    const phone = '+447700900977';
    await sms.text(phone, 'im so tired of everything i just want it all to stop');
    const { replies } = await sms.text(phone, 'whatever');
    expect(replies.join('\n')).toMatch(/SHOUT to 85258/);
    expect(replies.join('\n')).not.toMatch(DIDNT_CATCH);
    expect(await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone))).toContain('advised-999:Y-THINKING-OF-SUICIDE');

    const conversation = harness.conversation();
    await walk(conversation, ['i cant do this anymore nobody would care if i was gone'], { join: true });
    const [turn = []] = await walk(conversation, ['sometimes']);
    expect(allText(turn)).toMatch(/SHOUT to 85258/);
  });

  it('by text, "baba haye2telni" (my dad will kill me) in Arabizi is 999', async () => {
    const phone = '+447700900978';
    await sms.text(phone, 'ana bent 14 sene w hrabt men el bet');
    await sms.text(phone, 'baba haye2telni iza rje3et');
    const trail = await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone));
    expect(trail.some((row) => row.startsWith('advised-999:G-DANGER'))).toBe(true);
  });

  it('"he has diabetes", typed at the time question, is noted and the question asked again, not "couldn\'t read that"; by text too', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['my son is 13 and hasnt come home', 'yes', 'no']);
    const [turn = []] = await walk(conversation, ['he has diabetes']);
    expect(allText(turn)).toMatch(/noted that[\s\S]*When did you last see/);
    expect(allText(turn)).not.toMatch(/couldn.t read/);

    const phone = '+447700900979';
    for (const text of ['my daughter is 12 and isnt home', '1', '2']) await sms.text(phone, text);
    const { replies } = await sms.text(phone, 'she has autism');
    expect(replies.join('\n')).toMatch(/noted that/);
    expect(replies.join('\n')).not.toMatch(/couldn.t read/);
  });

  it('by text, "is that bad?? do i have to call the police" is told when to call, not that the bot can answer only a few questions', async () => {
    const phone = '+447700900980';
    await sms.text(phone, 'my daughter is 15 and not home, shes with her boyfriend hes 20 and has a car');
    const { replies } = await sms.text(phone, 'is that bad?? do i have to call the police');
    expect(replies.join('\n')).toMatch(/do not have to wait 24 hours/);
    expect(replies.join('\n')).not.toMatch(/only answer a few questions/);
  });

  it('"me and my mate ran off last night" is the writer away too: the help for tonight', async () => {
    const conversation = harness.conversation();
    await conversation.join();
    const turns = await walk(conversation, ['me and my mate ran off last night', 'A young person']);
    expect(allText(lastTurnOf(turns))).toMatch(/safe to go home|safe right now/);
    expect(allText(lastTurnOf(turns))).not.toMatch(/someone you know is missing/);
  });
});

describe("a tenth fresh walk: a friend's danger, told by a young person", () => {
  let sms: SmsHarness;
  beforeAll(async () => {
    sms = await startSmsHarness({ now: '2026-12-04T23:30:00Z' });
  });
  afterAll(async () => sms.close());

  it('by text, a friend held at a flat is 999 for the friend, not "the police will come and help you"', async () => {
    const phone = '+447700900981';
    const { replies } = await sms.text(phone, 'my friend is at some guys flat and she texted me shes scared he wont let her leave');
    const text = replies.join('\n');
    expect(text).toMatch(/Call 999 now and tell them who is in danger/);
    expect(text).not.toMatch(/help you, and you are not in trouble|you are away from home/);
    expect(text).toMatch(/someone you know may be in danger/);
    expect(await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone))).toContain('advised-999:G-DANGER-YP-FRIEND-DANGER');
  });

  it('by text, a friend who took pills and will not wake is an ambulance for the friend, not "don\'t go to sleep on your own"', async () => {
    const phone = '+447700900982';
    const { replies } = await sms.text(phone, 'my mate took loads of pills and she wont wake up');
    expect(replies.join('\n')).toMatch(/ask for an ambulance[\s\S]*Stay with them/);
    expect(await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone))).toContain('advised-999:G-DANGER-YP-FRIEND-MEDICAL');
  });

  it('a friend with older men who give her drugs, said at "are you safe right now?", is not the young person\'s own "no" nor their own disclosure', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['hi im 14'], { join: true });
    const [turn = []] = await walk(conversation, [
      'my mate hasnt been home since friday and i think shes with older guys who give her drugs',
    ]);
    expect(allText(turn)).toMatch(/Call 999 now and tell them who is in danger/);
    expect(allText(turn)).not.toMatch(/Nobody should make you do things|away from home|Then please call 999 now/);
    expect(allText(turn)).toMatch(/are you safe right now\?/i);
    const trail = await auditTrail(harness.app, conversation.id);
    expect(trail).not.toContain('advised-999:Y-NOT-SAFE-NOW');
  });

  it('by text, a parent passing on the missing child\'s "sorry for everything and goodbye" text is told 999 for the child, not counselled as the one in despair', async () => {
    const phone = '+447700900984';
    for (const text of ['my daughter is 15 and has been missing since 6pm', '1', '2']) await sms.text(phone, text);
    const { replies } = await sms.text(phone, 'she just texted me saying sorry for everything and goodbye');
    expect(replies.join('\n')).toMatch(/Call 999 now/);
    expect(replies.join('\n')).not.toMatch(/so do you/);
    const trail = await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone));
    expect(trail).toContain('advised-999:G-DANGER-SUICIDE');
    expect(trail).not.toContain('advised-999:G-DANGER-SELF-ADULT');
  });

  it('"no hes not in danger but he just snapchatted me saying hes on the bridge" is "call 999 now", said plainly; by text too', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['my son is 13 and hasnt come home from school', 'yes']);
    const [turn = []] = await walk(conversation, ['no hes not in danger but he just snapchatted me saying hes on the bridge']);
    expect(allText(turn)).toMatch(/may be in danger right now: call 999 now/);
    expect(await auditTrail(harness.app, conversation.id)).toContain('advised-999:G-DANGER-999-NOW');

    const phone = '+447700900985';
    for (const text of ['foster carer here, lad 13 not back, due 8pm', '1']) await sms.text(phone, text);
    const { replies } = await sms.text(phone, 'he messaged his brother saying hes got a knife with him in case');
    expect(replies.join('\n')).toMatch(/call 999 now/);
    expect(await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone))).toContain('advised-999:G-DANGER-999-NOW');
  });

  it('by text, a risk that is 999 at the extra-risk question is not followed by 101 nor the search, but by the details for the police', async () => {
    const phone = '+447700900986';
    for (const text of ['my son hasnt come home hes 13', '1', 'no', 'about 6pm', 'yes', 'yes']) await sms.text(phone, text);
    const { replies } = await sms.text(phone, 'he has diabetes and hasnt got his insulin');
    const text = replies.join('\n');
    expect(text).toMatch(/Call 999 now/);
    expect(text).not.toMatch(/101|Step \d of 7/);
    expect(text).toMatch(/harmed themselves or talked about suicide/);
  });

  it('by text, a young person told by a man at the bus station they can stay at his is heard as someone using them', async () => {
    const phone = '+447700900987';
    const { replies } = await sms.text(phone, 'im 14 ran away, a man at the bus station said i can stay at his');
    // Away from home tonight: "don't go with them", and 999 now (a sixteenth fresh walk).
    expect(replies.join('\n')).toMatch(/using you[\s\S]*999 now/);
    expect(await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone))).toContain('advised-999:G-DANGER-YP-EXPLOITATION-AWAY');
  });

  it('by text, "no he didnt hurt me he only made me do stuff..." at the offer is heard, and the offer is asked again, not turned down', async () => {
    const phone = '+447700900988';
    for (const text of ['I am 16 and back home', '1', 'yes']) await sms.text(phone, text);
    const { replies } = await sms.text(phone, 'no he didnt hurt me he only made me do stuff i didnt want to do with his mates');
    const text = replies.join('\n');
    expect(text).toMatch(/Nobody should make you do things/);
    expect(text).toMatch(/What would you like\?/);
    expect(text).not.toMatch(/it's your choice/);
  });

  it('by text, "ma 3ad baddi 3ish" (Arabizi: I do not want to live any more) is heard as talk of ending a life', async () => {
    const phone = '+447700900989';
    await sms.text(phone, 'ana 15 sene w hrabt men el bet');
    await sms.text(phone, 'ma 3ad baddi 3ish, ta3ban ktir');
    const trail = await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone));
    expect(trail.some((row) => /^advised-999:G-DANGER-YP-SUICIDE|^advised-999:G-DANGER-YP$/.test(row))).toBe(true);
  });

  it('a child gone and with those who exploit, told by a professional or a care worker, is "call 999 now", with no 101 beside it; by text too', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['A professional'], { join: true });
    const [turn = []] = await walk(conversation, [
      'im a teacher, a year 9 pupil told me her friend hasnt been home for 2 days and is staying at some mans flat',
    ]);
    expect(allText(turn)).toMatch(/call 999 now/);
    expect(allText(turn)).not.toMatch(/otherwise 101|Earlier I said/);
    expect(await auditTrail(harness.app, conversation.id)).toContain('advised-999:G-DANGER-999-NOW');

    const phone = '+447700900990';
    const { replies } = await sms.text(
      phone,
      'residential worker here. YP 15 absconded from unit at 0130, he said hes going to meet his uncle in london who gives him phones and money',
    );
    expect(replies.join('\n')).toMatch(/call 999 now/);
    expect(replies.join('\n')).not.toMatch(/otherwise 101/);
  });

  it('by text, "idk maybe" to the straight question leaves the crisis lines last, and the next "yes" confirms who is writing', async () => {
    const phone = '+447700900991';
    for (const text of ['im at my nans now i came back yesterday', 'everyone would be better off without me']) await sms.text(phone, text);
    const { replies } = await sms.text(phone, 'idk maybe');
    // The crisis lines are the turn's last words; "Is that right?" waits for the next message.
    expect(replies.join('\n')).toMatch(/SHOUT/);
    expect(replies.join('\n')).not.toMatch(/Is that right\?/);
    const confirmed = await sms.text(phone, 'yes');
    expect(confirmed.replies.join('\n')).toMatch(/are you safe right now/i);
  });

  it('by text, "we\'ve already rung police", typed at another question, is noted and the question asked again, not "didn\'t catch that"', async () => {
    const phone = '+447700900992';
    for (const text of ['foster carer here, 14yo girl hasnt come back tonight, curfew was 10', '1']) await sms.text(phone, text);
    const { replies } = await sms.text(phone, "we've already rung police they gave us a ref number");
    expect(replies.join('\n')).toMatch(/noted that/);
    expect(replies.join('\n')).not.toMatch(DIDNT_CATCH);
  });

  it('by text, "nu stiu" (Romanian: I don\'t know) at "is that right?" is not "Nu" (no): told how to answer, not asked who is writing', async () => {
    const phone = '+447700900993';
    await sms.text(phone, 'buna ziua, baiatul meu nu a venit acasa');
    const { replies } = await sms.text(phone, 'nu stiu');
    expect(replies.join('\n')).not.toMatch(/Cine îmi scrie/);
    expect(replies.join('\n')).toMatch(/Am înțeles bine\?/);
  });

  it('by text, facts for the journey at "Is that right?" go on as a yes, not the same question again; a young person\'s age at a parent\'s guess does not', async () => {
    const phone = '+447700900994';
    await sms.text(phone, 'hi my son hasnt come home from school its nearly 11pm');
    const { replies } = await sms.text(phone, 'i tried his phone it goes straight to voicemail');
    expect(replies.join('\n')).toMatch(/in danger right now\?/);
    expect(replies.join('\n')).not.toMatch(DIDNT_CATCH);

    const young = '+447700900995';
    await sms.text(young, 'hi my son hasnt come home from school its nearly 11pm');
    const asked = await sms.text(young, 'im 14');
    expect(asked.replies.join('\n')).toMatch(/Is that right\?/);
  });

  it('by text, "my carers boyfriend keeps coming in my room at night" at "how should they reach you?" is theirs, and chooses no way to be reached', async () => {
    const phone = '+447700900996';
    for (const text of ['im 15 i came back yesterday', '1', 'yes', 'Someone new', 'yesterday', 'yes', 'Library', 'the 1st one'])
      await sms.text(phone, text);
    const { replies } = await sms.text(phone, 'no its fine but my carers boyfriend keeps coming in my room at night');
    const text = replies.join('\n');
    expect(text).toMatch(/999/);
    expect(text).not.toMatch(/who is in danger, where they are/);
    expect(text).toMatch(/How should they reach you\?/);
    expect(text).not.toMatch(/Who should the team ask for/);
  });

  it('by text, "i woke up and my clothes were different and i was sore" is heard as sexual harm', async () => {
    const phone = '+447700900997';
    await sms.text(phone, 'im 14 and back home now');
    await sms.text(phone, 'i dont really remember much of it, i woke up and my clothes were different and i was sore');
    const trail = await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone));
    expect(trail.some((row) => row.startsWith('advised-999:G-DANGER-YP'))).toBe(true);
  });

  it('"on mowi ze nie chce juz zyc" (Polish: he says he does not want to live) at "did you report it?" is 999, and not also "no, not reported"', async () => {
    const conversation = harness.conversation(undefined, { locale: 'pl' });
    await walk(conversation, ['moj syn wrocil do domu', '1'], { join: true });
    const [turn = []] = await walk(conversation, ['on mowi ze nie chce juz zyc']);
    expect(allText(turn)).toMatch(/999/);
    expect(allText(turn)).not.toMatch(/nie trzeba teraz dzwonić na policję/);
    expect(allText(turn)).toMatch(/Czy zgłosili Państwo zaginięcie na policję\?/);
  });

  it('a carer on the steps for a child still gone, who says she "usually goes to her boyfriends hes 23", is told "call 999 now", not "999 if in danger, otherwise 101"', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['foster carer here, our 15yo girl hasnt come back tonight', '2'], { join: true });
    const [turn = []] = await walk(conversation, ['shes done it before, usually goes to her boyfriends hes 23']);
    expect(allText(turn)).toMatch(/call 999 now/);
    expect(allText(turn)).not.toMatch(/otherwise 101/);
    expect(await auditTrail(harness.app, conversation.id)).toContain('advised-999:G-DANGER-999-NOW');
  });

  it('by text, "nu raspunde la telefon" (Romanian: she does not answer the phone) at "is that right?" about the time is noted, and the time is kept, not taken as "Nu"', async () => {
    const phone = '+447700900998';
    for (const text of ['buna, fata mea de 13 ani nu s-a intors de la scoala', '1', 'nu', 'a plecat de la scoala la 15:30'])
      await sms.text(phone, text);
    const { replies } = await sms.text(phone, 'nu raspunde la telefon, am sunat-o de multe ori');
    expect(replies.join('\n')).toMatch(/15:30[\s\S]*Este corect\?/);
    expect(replies.join('\n')).not.toMatch(/spuneți-mi din nou/);
  });

  it('"no im fine" at "and you: are you OK?", after telling of a friend, is fine: no help for someone unsure they are safe', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['im 15 my friend is at some older guys flat and she says he wont let her go'], { join: true });
    const [turn = []] = await walk(conversation, ['no im fine']);
    expect(allText(turn)).not.toMatch(/If you are in danger now, call 999/);
    expect(allText(turn)).toMatch(/Childline/);
  });

  it('the young person in danger with a friend keeps their own 999 line', async () => {
    const phone = '+447700900983';
    const { replies } = await sms.text(phone, 'me and my mate are at some guys flat and he wont let us leave');
    expect(replies.join('\n')).not.toMatch(/who is in danger, where they are/);
    const trail = await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone));
    expect(trail.some((row) => row.startsWith('advised-999:G-DANGER-YP'))).toBe(true);
  });
});

describe('an eleventh fresh walk: facts said at another question', () => {
  let sms: SmsHarness;
  beforeAll(async () => {
    sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
  });
  afterAll(async () => sms.close());

  it('"since sat morning" at "is your child in danger?" is kept and read back later, not "didn\'t catch that"; by text, "sun nite"', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['my son hasnt come home'], { join: true });
    const [noted = [], next = []] = await walk(conversation, ['since sat morning', 'no']);
    expect(allText(noted)).not.toMatch(DIDNT_CATCH);
    expect(allText(noted)).toMatch(/in danger right now/);
    expect(allText(next)).toMatch(/You told me earlier: Saturday 21 November/);
    expect(allText(next)).not.toMatch(/When did you last see/);

    const phone = '+447700900201';
    await sms.text(phone, 'my daughter is not home, shes 15');
    await sms.text(phone, '1');
    const { replies } = await sms.text(phone, 'not seen her since sun nite');
    expect(replies.join('\n')).not.toMatch(DIDNT_CATCH);
    const { replies: after } = await sms.text(phone, '2');
    expect(after.join('\n')).toMatch(/You told me earlier: Sunday 22 November/);
  });
});

describe('an eleventh fresh walk: pills, and a yes said with a doubt', () => {
  let sms: SmsHarness;
  beforeAll(async () => {
    sms = await startSmsHarness({ now: '2026-11-24T23:30:00Z' });
  });
  afterAll(async () => sms.close());

  it('by text, "i took some of my mums tablets an hour ago i feel sick" is an ambulance now, not only the straight question', async () => {
    const phone = '+447700900202';
    await sms.text(phone, '2');
    const { replies } = await sms.text(phone, 'i took some of my mums tablets an hour ago i feel sick');
    expect(replies.join('\n')).toMatch(/Call 999 now and ask for an ambulance/);
    const trail = await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone));
    expect(trail.some((row) => row.startsWith('advised-999:') && row.includes('MEDICAL'))).toBe(true);
    const conversation = harness.conversation();
    await walk(conversation, ['A young person'], { join: true });
    const [turn = []] = await walk(conversation, ['took some tablets earlier and now im throwing up']);
    expect(allText(turn)).toMatch(/ask for an ambulance/);
  });

  it('by text, "ive got some of his pills here" after a "maybe" to ending their life is "call 999 now", not "didn\'t catch that"', async () => {
    const phone = '+447700900203';
    for (const text of ['hey', 'im 15 i left home 2 days ago', 'whats the point anyway no one would care if i wasnt here', 'idk maybe'])
      await sms.text(phone, text);
    const { replies } = await sms.text(phone, 'ive got some of his pills here');
    expect(replies.join('\n')).toMatch(/call 999 now/i);
    expect(replies.join('\n')).not.toMatch(DIDNT_CATCH);
    expect(await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone))).toContain('advised-999:G-DANGER-YP-SUICIDE-AGAIN');
    const conversation = harness.conversation();
    await walk(conversation, ['A young person', 'i just want to sleep and never wake up', 'maybe'], { join: true });
    const [turn = []] = await walk(conversation, ['i have tablets here with me']);
    expect(allText(turn)).toMatch(/call 999 now/i);
  });

  it('a foster carer\'s "so yes probably?" at "is the child in danger?" is a yes: 999 now, not "I can only answer a few questions"; by text too', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['foster carer', 'its 2am our 13yo is not back she was meant to be in by 10'], { join: true });
    const [turn = []] = await walk(conversation, ['well shes 13 and its 2am so yes probably?']);
    expect(allText(turn)).toMatch(/Call 999 now/);
    expect(allText(turn)).not.toMatch(/only answer a few questions/);
    const phone = '+447700900204';
    for (const text of ['foster carer here, our lad of 14 hasnt come back tonight', '1']) await sms.text(phone, text);
    const { replies } = await sms.text(phone, 'yeah i reckon, hes never this late?');
    expect(replies.join('\n')).toMatch(/Call 999 now/);
  });
});

describe('an eleventh fresh walk: harm in new words, and the search after 999', () => {
  let sms: SmsHarness;
  beforeAll(async () => {
    sms = await startSmsHarness({ now: '2026-11-24T22:00:00Z' });
  });
  afterAll(async () => sms.close());

  it('by text, a child back with a cut on her head, being sick and confused is an ambulance, not a risk of suicide', async () => {
    const phone = '+447700900205';
    const { replies } = await sms.text(
      phone,
      'shes back!! came in 10 mins ago but shes got a cut on her head and shes being sick and dont make sense',
    );
    expect(replies.join('\n')).toMatch(/medical emergency/);
    expect(replies.join('\n')).not.toMatch(/suicide/);
    const trail = await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone));
    expect(trail.some((row) => row.startsWith('advised-999:') && row.includes('SUICIDE'))).toBe(false);
  });

  it('"that doesnt make sense to me" is no medical emergency', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['my son hasnt come home'], { join: true });
    const [turn = []] = await walk(conversation, ['that doesnt make sense to me']);
    expect(allText(turn)).not.toMatch(/999 now/);
  });

  it('by text, a young person\'s "no i said i dont want the interview" at "are you safe right now?" is heard, not a no that gets "call 999 now"', async () => {
    const phone = '+447700900206';
    for (const text of ['2', 'im back home now. i dont want to talk to anyone about it']) await sms.text(phone, text);
    const { replies } = await sms.text(phone, 'no i said i dont want the interview');
    expect(replies.join('\n')).not.toMatch(/999 now/);
    expect(replies.join('\n')).toMatch(/you don't have to talk to anyone/);
    expect(replies.join('\n')).toMatch(/are you safe right now\?/i);
    const { replies: next } = await sms.text(phone, 'yes');
    expect(next.join('\n')).not.toMatch(/999 now/);
  });

  it('a night worker\'s "i think someone else might be hurt" is danger, with 999, not the return message again', async () => {
    const phone = '+447700900207';
    sms.clock.set('2026-11-25T03:00:00Z');
    await sms.text(phone, 'im night staff at a childrens home, one of our lads 15 just come back at 3am and wont say where hes been');
    const { replies } = await sms.text(
      phone,
      'hes not hurt i checked. but he said "sorted it" about someone and i think someone else might be hurt',
    );
    expect(replies.join('\n')).toMatch(/999/);
    const trail = await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone));
    expect(trail.some((row) => row.startsWith('advised-999:'))).toBe(true);
  });

  it('by text, in Polish, a man who will pay for taking a parcel to London is heard as someone using the young person', async () => {
    const phone = '+447700900208';
    for (const text of ['polski', '2']) await sms.text(phone, text);
    await sms.text(phone, 'uciekłem z domu, jestem na dworcu, jakiś facet mówi że da mi kase jak przewioze paczke do londynu');
    const trail = await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone));
    expect(trail.some((row) => row.startsWith('advised-999:') && row.includes('EXPLOIT'))).toBe(true);
  });

  it('by text, "call 999 now" told at a search step stops the search: what the police will need comes next', async () => {
    const phone = '+447700900209';
    sms.clock.set('2026-11-24T20:00:00Z');
    for (const text of [
      'my boy is 15 hes not back from football, should have been home at 6',
      'yes',
      'no',
      'he left at half 4 for training',
      'ye',
      '1',
    ])
      await sms.text(phone, text);
    const { replies } = await sms.text(
      phone,
      'wait his mate just text me saying he got into a car with some men after training and he looked scared',
    );
    expect(replies.join('\n')).toMatch(/call 999 now/);
    expect(replies.join('\n')).not.toMatch(/Check their bedroom|Check the garden/);
  });

  it('"ive already rung police this morning, they gave me a ref", at a search step, ends the search: told it was right, then the details', async () => {
    const conversation = harness.conversation();
    harness.clock.set('2026-11-24T23:00:00Z');
    const turns = await walk(
      conversation,
      ['my daughter is 14 and hasnt come home since last night', 'yes', 'no', 'yes', 'yes', 'yes', '2'],
      {
        join: true,
      },
    );
    expect(allText(lastTurnOf(turns))).toMatch(/Check their bedroom/);
    const [told = []] = await walk(conversation, [
      'ive already rung police this morning they gave me a ref 46-231124-0099 but nobody has come round',
    ]);
    expect(allText(told)).toMatch(/already called the police/);
    expect(allText(told)).not.toMatch(/Check their bedroom|Check the garden/);
    expect(await auditTrail(harness.app, conversation.id)).toContain('advised-101:P-POLICE-TOLD-REPORT');
  });
});

describe('an eleventh fresh walk: what a parent said before it was asked', () => {
  let sms: SmsHarness;
  beforeAll(async () => {
    sms = await startSmsHarness({ now: '2026-11-24T21:00:00Z' });
  });
  afterAll(async () => sms.close());

  it('by text, "missing, since he went out on his bike about 6" is read back later, not asked again', async () => {
    const phone = '+447700900211';
    for (const text of ['hi', 'parent', 'missing, since he went out on his bike about 6']) await sms.text(phone, text);
    const { replies } = await sms.text(phone, 'not in danger no but im worried its cold out');
    expect(replies.join('\n')).toMatch(/You told me earlier: .*18:00/);
    expect(replies.join('\n')).not.toMatch(/When did you last see/);
  });

  it('"do i still need to tell police i rang them earlier" says the police were told: not asked whether they were', async () => {
    const conversation = harness.conversation();
    const turns = await walk(
      conversation,
      ['my son just came home hes fine just tired. do i still need to tell police i rang them earlier', 'yes', 'no'],
      { join: true },
    );
    expect(allText(turns.flat())).not.toMatch(/Did you report them missing/);
    expect(allText(turns.flat())).toMatch(/Tell the police on 101 that your child is home/);
  });
});

describe('a twelfth fresh walk: a return in the past is not a return now', () => {
  it('by text, a foster carer\'s "she went missing twice before and came back with new trainers" keeps the child missing', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
    try {
      const phone = '+447700900212';
      for (const text of ['foster carer here, 13yo placed with us hasnt come back from school, its 11pm, ive rung her phone loads', '1'])
        await sms.text(phone, text);
      const { replies } = await sms.text(
        phone,
        'not sure, she went missing twice before and came back with new trainers and a phone we didnt buy',
      );
      expect(replies.join('\n')).not.toMatch(/Good that they are back|Child back/);
      // Signs of exploitation while she is still gone: the police now, as for grooming while missing.
      expect(replies.join('\n')).toMatch(/call 999 now/);
    } finally {
      await sms.close();
    }
  });
});

describe('a twelfth fresh walk: danger a young person tells, and a booking moved by an hour', () => {
  let sms: SmsHarness;
  beforeAll(async () => {
    sms = await startSmsHarness({ now: '2026-11-25T03:00:00Z' });
  });
  afterAll(async () => sms.close());

  it('by text, "hes outside again waiting for me in the car i dont want to go with him" is "call 999 now"', async () => {
    const phone = '+447700900213';
    const { replies } = await sms.text(
      phone,
      'hi i have my call today but hes outside again waiting for me in the car i dont want to go with him',
    );
    expect(replies.join('\n')).toMatch(/Call 999 now/);
    const trail = await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone));
    expect(trail.some((row) => row.startsWith('advised-999:G-DANGER-YP'))).toBe(true);
  });

  it('by text, a friend at a man\'s flat who sent "help" is "call 999 now" for the friend, from a young person', async () => {
    const phone = '+447700900214';
    const { replies } = await sms.text(
      phone,
      'my mate from school has been gone 3 days and i know where she is shes at some mans flat and she sent me a msg saying help',
    );
    expect(replies.join('\n')).toMatch(/Call 999 now and tell them who is in danger/);
    expect(await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone))).toContain('advised-999:G-DANGER-YP-FRIEND-DANGER');
  });

  it('"if i dont do another run theyll hurt my little brother" is a young person being used, not a parent', async () => {
    const conversation = harness.conversation();
    const [, turn = []] = await walk(conversation, ['they said if i dont do another run theyll hurt my little brother'], { join: true });
    expect(allText(turn)).toMatch(/someone may be using you/);
    expect(allText(turn)).not.toMatch(/If you think the child is being exploited/);
  });

  it('"can i change it to 6 instead my mum will be in at 5" moves the booking to 18:00 that day, not to the 17:00 it was', async () => {
    harness.clock.set('2026-11-24T16:00:00Z');
    const conversation = harness.conversation();
    await walk(conversation, ['A young person', 'yes', 'im back', 'someone new', 'last night', 'yes', 'Phone call'], { join: true });
    await walk(conversation, ['ok weds 5 then', "Don't contact me", 'yes']);
    harness.clock.advance(3_600_000);
    const [moved = []] = await walk(conversation, ['hey its me again can i change it to 6 instead my mum will be in at 5']);
    expect(allText(moved)).toMatch(/18:00/);
    const [row] = await harness.app.db.query<{ slot_start: Date }>('select slot_start from booking where conversation_hash = $1', [
      harness.app.hashId(conversation.id),
    ]);
    expect(row?.slot_start.toISOString()).toBe('2026-11-25T18:00:00.000Z');
  });
});

describe('a twelfth fresh walk: "is this the police?"', () => {
  it('is answered plainly: not the police, writing here reports nothing, 101 and 999; by text too', async () => {
    const conversation = harness.conversation();
    const [, first = []] = await walk(conversation, ['is this the police'], { join: true });
    expect(allText(first)).toMatch(/not the police/);
    expect(allText(first)).toMatch(/101/);
    expect(await auditTrail(harness.app, conversation.id)).toEqual([]);
    const sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
    try {
      const phone = '+447700900215';
      for (const text of ['hi', '1']) await sms.text(phone, text);
      const { replies } = await sms.text(phone, 'so youre not the police? do i need to ring them as well');
      expect(replies.join('\n')).toMatch(/does not report a child missing/);
      expect(replies.join('\n')).toMatch(/Is your child missing now, or are they back\?/);
    } finally {
      await sms.close();
    }
  });
});

describe('a twelfth fresh walk: no money, and a phone about to die', () => {
  it('a young person at a station with no money and 3 % battery is given 116 000 and 999 at once, not only the question again', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['A young person'], { join: true });
    const [turn = []] = await walk(conversation, ['im at the train station no money phone on 3 percent']);
    expect(allText(turn)).toMatch(/116 000/);
    expect(allText(turn)).toMatch(/999/);
  });
});

describe('a twelfth fresh walk: a parent who has rung 999 already', () => {
  it('by text, "i rang 999 they said theyre sending someone" is told that was right, not 999 and 101 again; "she was scared of him" is no fear of home', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
    try {
      const phone = '+447700900216';
      const { replies: first } = await sms.text(
        phone,
        'daughter not back from her mates shes 15 shes been talking to some older lad in a car, said she was scared of him last week',
      );
      expect(first.join('\n')).toMatch(/call 999 now/);
      expect(first.join('\n')).not.toMatch(/not be safe at home/);
      await sms.text(phone, '1');
      const { replies } = await sms.text(phone, 'i dont know i rang 999 they said theyre sending someone');
      expect(replies.join('\n')).toMatch(/You have called the police: that was the right thing to do/);
      expect(replies.join('\n')).not.toMatch(/If not, tell the police on 101 what you have told me/);
    } finally {
      await sms.close();
    }
  });
});

describe('typed at the changed states, in words not tried before', () => {
  it('by text, "i swallowed a bunch of my nans pills ... cant stop throwing up" is an ambulance; "my m8 just snapped me saying help im scared" is 999 for the friend', async () => {
    const sms = await startSmsHarness({ now: '2026-11-25T01:00:00Z' });
    try {
      const { replies: pills } = await sms.text(
        '+447700900217',
        'i swallowed a bunch of my nans pills like an hour ago and now i cant stop throwing up',
      );
      expect(pills.join('\n')).toMatch(/ask for an ambulance/);
      const { replies: friend } = await sms.text(
        '+447700900218',
        'my m8 just snapped me saying help im scared, shes at some blokes house in margate',
      );
      expect(friend.join('\n')).toMatch(/Call 999 now and tell them who is in danger/);
    } finally {
      await sms.close();
    }
  });

  it('"tmrw 4" books tomorrow at 16:00; "cn we do it at a cafe insted same time" moves the place', async () => {
    harness.clock.set('2026-11-24T16:00:00Z');
    const conversation = harness.conversation();
    await walk(conversation, ['A young person', 'ye im ok', 'im back since last nite', 'someone new', 'ye', 'library pls'], { join: true });
    await walk(conversation, ['tmrw 4', "Don't contact me", 'yes']);
    const [moved = []] = await walk(conversation, ['cn we do it at a cafe insted same time']);
    expect(allText(moved)).toMatch(/Wednesday 25 November at 16:00, A café/);
  });
});

describe('a twelfth fresh walk: a yes to the offer', () => {
  it('"yeah i want to talk to someone i guess" at the offer is asked which, kindly, not "didn\'t catch that"', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['A young person', 'i came back yesterday i was at my mates', 'yes'], { join: true });
    const [which = []] = await walk(conversation, ['yeah i want to talk to someone i guess']);
    expect(allText(which)).not.toMatch(DIDNT_CATCH);
    expect(allText(which)).toMatch(/someone you already know and trust, or someone new\?/);
    expect(optionTitles(which)).toEqual(['Someone I trust', 'Someone new', 'No thanks']);
  });
});

describe('an eleventh fresh walk: the booking in their words', () => {
  let sms: SmsHarness;
  beforeAll(async () => {
    sms = await startSmsHarness({ now: '2026-11-24T16:00:00Z' });
  });
  afterAll(async () => sms.close());

  const placeAndTime = async (app: Harness['app'], conversationId: string) => {
    const [row] = await app.db.query<{ place: string; slot_start: Date }>(
      'select place, slot_start from booking where conversation_hash = $1',
      [app.hashId(conversationId)],
    );
    return { place: row?.place, at: row?.slot_start.toISOString() };
  };

  it('"ok weds 5 then" books Wednesday at 17:00; "can we change it to the library instead" moves the place and keeps the time', async () => {
    harness.clock.set('2026-11-24T16:00:00Z');
    const conversation = harness.conversation();
    await walk(conversation, ['A young person', 'yes', 'im back', 'someone new', 'last night', 'yes', 'Phone call'], { join: true });
    await walk(conversation, ['ok weds 5 then', "Don't contact me", 'yes']);
    expect(await placeAndTime(harness.app, conversation.id)).toEqual({ place: 'phone', at: '2026-11-25T17:00:00.000Z' });
    const [moved = []] = await walk(conversation, ['actually can we change it to the library instead']);
    expect(allText(moved)).toMatch(/Library/);
    expect(await placeAndTime(harness.app, conversation.id)).toEqual({ place: 'library', at: '2026-11-25T17:00:00.000Z' });
  });

  it('by text, "can it be a phone call instead, thursday at 4" moves both the place and the time', async () => {
    const phone = '+447700900210';
    for (const text of ['hi', '2', 'yes', 'im back', 'someone new', 'last night', 'yes', 'Library', '1', '1', 'yes'])
      await sms.text(phone, text);
    const conversationId = sms.app.sms.conversationIdFor(phone);
    expect((await placeAndTime(sms.app, conversationId)).place).toBe('library');
    await sms.text(phone, 'can it be a phone call instead, thursday at 4');
    expect(await placeAndTime(sms.app, conversationId)).toEqual({ place: 'phone', at: '2026-11-26T16:00:00.000Z' });
  });
});

describe('a thirteenth fresh walk: details said out of turn reach the police', () => {
  // To the police details: not in danger, last seen "since school", the search and the risk questions all "no".
  const toPoliceDetails = ['my son tom is 13 and hasnt come home, not in danger i dont think', 'no', 'since school', 'yes'];
  const noes = Array.from({ length: 14 }, () => 'no');
  const details = [
    'Tom Baker',
    '02/02/2013',
    'by the shops on london road',
    'his mate kyle',
    'navy hoodie and black trackies',
    // At "do you have a photo?": more of what he looks like.
    'grey nike trainers, about 5ft, short ginger hair',
    'yes',
    // At "what was happening?": a bare ok, then a correction of where he was last seen.
    'ok',
    'sorry i got that wrong he was last seen at the park by the station not the shops',
    'he stormed out after a row about his phone',
    'his nans house on elm road',
    'no',
    'his mum Jo',
  ];

  it('on the Bot Framework endpoint, a description at the photo question and a corrected place are kept, as said, beside the first', async () => {
    const conversation = harness.conversation();
    harness.clock.set('2026-11-24T22:00:00Z');
    const turns = await walk(conversation, [...toPoliceDetails, ...noes, ...details], { join: true });
    const at = (said: string) => turns[[...toPoliceDetails, ...noes, ...details].indexOf(said) + 1] ?? [];
    expect(allText(at('grey nike trainers, about 5ft, short ginger hair'))).toMatch(/noted[\s\S]*recent photo/);
    expect(allText(at('ok'))).toMatch(/in a few words[\s\S]*What was happening/);
    expect(allText(at('sorry i got that wrong he was last seen at the park by the station not the shops'))).toMatch(
      /noted the change[\s\S]*What was happening/,
    );
    const card = cardFacts(lastTurnOf(turns));
    expect(card['Last seen']).toMatch(/15:30/);
    expect(card['Where last seen']).toMatch(/^by the shops on london road; .*the park by the station not the shops/);
    expect(card['Description and clothing']).toMatch(/navy hoodie.*short ginger hair/);
    expect(card.Circumstances).toBe('he stormed out after a row about his phone');
  });

  it('by text, "yes" to "anything to add?" asks for it, and the summary keeps the correction', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T22:00:00Z' });
    try {
      const phone = '+447700900241';
      await sms.text(phone, 'my son tom is 13 and hasnt come home, last seen by the shops on london road. he was wearing a navy hoodie');
      for (const text of ['1', 'no', 'since school', 'yes', ...noes, 'Tom Baker', '02/02/2013']) await sms.text(phone, text);
      const added = await sms.text(phone, 'yes');
      expect(added.replies.join('\n')).toMatch(/type what you'd like to add[\s\S]*by the shops on london road/);
      await sms.text(phone, 'outside the chippy');
      await sms.text(phone, 'his mate kyle');
      // At "anything to add to what they wore?": a correction of the place, and the same question again.
      const corrected = await sms.text(phone, 'my mistake he was last seen at the skate park not the shops');
      expect(corrected.replies.join('\n')).toMatch(/noted the change[\s\S]*navy hoodie/);
      const rest = ['black trackies', 'yes', 'he stormed out', 'his nans', 'no', 'his mum Jo'];
      const texts: string[] = [];
      for (const text of rest) texts.push(...(await sms.text(phone, text)).replies);
      const where =
        texts
          .join('\n')
          .split('\n')
          .find((line) => line.includes('Where last seen')) ?? '';
      expect(where).toMatch(/by the shops on london road; outside the chippy; my mistake he was last seen at the skate park/);
      expect(texts.join('\n')).toMatch(/Description and clothing: he was wearing a navy hoodie; black trackies/);
    } finally {
      await sms.close();
    }
  });
});

describe('a thirteenth fresh walk: what a young person tells at night', () => {
  it('on the Bot Framework endpoint, "its my moms bf. he comes in my room at night" is believed, with 999, Childline, the night team and the SARC; "i dont want to say more" is fine', async () => {
    const conversation = harness.conversation();
    harness.clock.set('2026-11-26T02:40:00Z');
    const turns = await walk(
      conversation,
      ['hey', '2', 'ye', 'back', 'its my moms bf. he comes in my room at night', 'i dont want to say more'],
      {
        join: true,
      },
    );
    const told = allText(turns[5] ?? []);
    expect(told).toMatch(/not your fault/);
    for (const number of ['999', '0800 1111', '03000 419191', '01622 726461']) expect(told).toContain(number);
    expect(await auditTrail(harness.app, conversation.id)).toContain('advised-999:G-DANGER-YP-SEXUAL');
    const after = allText(lastTurnOf(turns));
    expect(after).toMatch(/don't have to say any more/);
    expect(after).not.toMatch(/didn't catch/);
    expect(optionTitles(lastTurnOf(turns))).toContain('No thanks');
  });

  it('by text, "one of them gave me some pills i feel kinda weird" is told to call 999 for an ambulance', async () => {
    const sms = await startSmsHarness({ now: '2026-11-25T00:40:00Z' });
    try {
      const phone = '+447700900242';
      for (const text of ['hi', '2', 'not rly']) await sms.text(phone, text);
      const { replies } = await sms.text(phone, 'one of them gave me some pills i feel kinda weird');
      expect(replies.join('\n')).toMatch(/call 999 now and ask for an ambulance/);
      expect(await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone))).toContain('advised-999:G-CONCERN-MEDICAL-YP');
    } finally {
      await sms.close();
    }
  });

  it.each(['can someone call me', 'can u just get someone to ring me', 'can i talk to an actual person please', 'i want a person'])(
    'by text, "%s" asks for a person',
    async (asked) => {
      const sms = await startSmsHarness({ now: '2026-11-25T00:40:00Z' });
      try {
        const phone = '+447700900243';
        await sms.text(phone, 'hi');
        const { replies } = await sms.text(phone, asked);
        // At night: the out-of-hours team's number, not "didn't catch that".
        expect(replies.join('\n')).toContain('03000 419191');
        expect(replies.join('\n')).not.toMatch(/didn't catch/);
      } finally {
        await sms.close();
      }
    },
  );

  it('"can they call me instead on thursday", about a meeting, is not a request for a person', async () => {
    const conversation = harness.conversation();
    const [, turn = []] = await walk(conversation, ['can they call me instead on thursday'], { join: true });
    expect(allText(turn)).not.toContain('03000 419191');
  });

  it('by text, "hes autistic and doesnt have his phone", said first, is among the worries the police hear first', async () => {
    const sms = await startSmsHarness({ now: '2026-11-25T02:10:00Z', env: { AREA: 'thames-valley' } });
    try {
      const phone = '+447700900244';
      const texts: string[] = [];
      const script = [
        'my son is 16 and hes not home, hes autistic and doesnt have his phone. last seen at 8 at the kebab shop in slough',
        '1',
        'no',
        'yes',
        ...Array.from({ length: 40 }, () => 'no'),
      ];
      for (const text of script) {
        texts.push(...(await sms.text(phone, text)).replies);
        if (texts.some((reply) => reply.includes('Worries to tell police first'))) break;
      }
      const worries =
        texts
          .join('\n')
          .split('\n')
          .find((line) => line.includes('Worries to tell police first')) ?? '';
      expect(worries).toMatch(/autism/);
      expect(worries).toMatch(/no phone/);
      expect(texts.join('\n')).not.toMatch(/Name: not given \(said/);
    } finally {
      await sms.close();
    }
  });
});

describe('a thirteenth fresh walk: a child gone with those who harm them, and a young person who self-harms', () => {
  it('on the Bot Framework endpoint, "the cousin deals and they go up to birmingham on the train" is "call 999 now"', async () => {
    const tv = await startHarness({ now: '2026-11-25T00:40:00Z', env: { AREA: 'thames-valley' } });
    try {
      const conversation = tv.conversation();
      await walk(conversation, ['my son is 15 and hasnt come home'], { join: true });
      const text = allText(
        await conversation.say('Not sure. his older cousin took him, the cousin deals and they go up to birmingham on the train'),
      );
      expect(text).toMatch(/call 999 now/);
      expect(await auditTrail(tv.app, conversation.id)).toContain('advised-999:G-DANGER-999-NOW');
    } finally {
      await tv.close();
    }
  });

  it('by text, a 14-year-old out tonight "with her boyfriend ... hes 24" is "call 999 now", not "if not, 101"', async () => {
    const sms = await startSmsHarness({ now: '2026-11-25T02:10:00Z', env: { AREA: 'set' } });
    try {
      const phone = '+447700900245';
      await sms.text(phone, 'my daughter is 14 and not home');
      await sms.text(phone, '1');
      const { replies } = await sms.text(
        phone,
        'no not in danger, shes probably just with her boyfriend. shes 14, hes 24 but hes nice to her',
      );
      expect(replies.join('\n')).toMatch(/call 999 now/);
      expect(replies.join('\n')).not.toMatch(/If not, tell the police on 101/);
    } finally {
      await sms.close();
    }
  });

  it('by text, "no not like that i dont wanna die" answers the straight question only: the offer stands, and "i dont rly wanna talk to nobody" declines it', async () => {
    const sms = await startSmsHarness({ now: '2026-11-25T01:30:00Z' });
    try {
      const phone = '+447700900246';
      for (const text of ['hi', 'im 14', 'ye', 'back']) await sms.text(phone, text);
      const straight = await sms.text(phone, 'its just sometimes i cut myself and my mum dont know');
      expect(straight.replies.join('\n')).toMatch(/are you thinking about ending your life/);
      const answered = (await sms.text(phone, 'no not like that i dont wanna die')).replies.join('\n');
      expect(answered).not.toMatch(/it's your choice/);
      expect(answered).toMatch(/Someone I trust/);
      const declined = (await sms.text(phone, 'tbh i dont rly wanna talk to nobody')).replies.join('\n');
      expect(declined).toMatch(/it's your choice/);
    } finally {
      await sms.close();
    }
  });
});

describe('a thirteenth fresh walk: whose danger, and where safety is', () => {
  it('by text, a young person back home whose "bf hes 22" is picking them up tonight is told to stay inside, not to go to a shop or a station', async () => {
    const sms = await startSmsHarness({ now: '2026-11-25T01:30:00Z' });
    try {
      const phone = '+447700900247';
      await sms.text(phone, 'young person');
      const { replies } = await sms.text(phone, 'im back home but i wanna go back to my bf hes 22 he said hell pick me up tonight');
      const text = replies.join('\n');
      expect(text).toMatch(/call 999 now/);
      expect(text).toMatch(/stay inside/);
      expect(text).not.toMatch(/a shop or a station/);
      expect(await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone))).toContain('advised-999:Y-NOT-SAFE-NOW-HOME');
    } finally {
      await sms.close();
    }
  });

  it('by text, "he\'ll make sure i never see her again", from the man she is with, is a threat: 999 now, not a risk of suicide', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:30:00Z', env: { AREA: 'medway' } });
    try {
      const phone = '+447700900248';
      for (const text of ['my 15 yr old hasnt come home, shes with her ex i think', '1']) await sms.text(phone, text);
      const { replies } = await sms.text(
        phone,
        "no, well he messaged me saying if i ring the police he'll make sure i never see her again",
      );
      expect(replies.join('\n')).toMatch(/call 999 now/);
      expect(replies.join('\n')).not.toMatch(/suicide|ending their life/);
    } finally {
      await sms.close();
    }
  });

  it('"im so scared ill never see her again", from a parent, is fear, not talk of ending their own life; "she texted me youll never see me again" is', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['my 15 yr old hasnt come home', 'im so scared ill never see her again'], { join: true });
    expect(allText(lastTurnOf(turns))).not.toMatch(/act on these thoughts/);
    const goodbye = harness.conversation();
    const [, said = []] = await walk(goodbye, ['my daughter is 15 and she texted me youll never see me again'], { join: true });
    expect(allText(said)).toMatch(/999/);
    expect((await auditTrail(harness.app, goodbye.id)).some((row) => row.startsWith('advised-999:'))).toBe(true);
  });

  it('on the Bot Framework endpoint, after "call 999 now" for a child who took something, "not reported" is never "you do not need to call"', async () => {
    const set = await startHarness({ now: '2026-11-25T01:00:00Z', env: { AREA: 'set' } });
    try {
      const conversation = set.conversation();
      const turns = await walk(
        conversation,
        [
          'my son is 13 and hes back after 3 days away',
          "he's alright i think just really quiet, been asleep on the sofa mostly, i cant really wake him properly he keeps saying he took something at the party",
          'no i didnt. he does this a lot, his dad was supposed to ring them',
        ],
        { join: true },
      );
      expect(allText(turns[2] ?? [])).toMatch(/Call 999 now/);
      expect(allText(lastTurnOf(turns))).not.toMatch(/do not need to call/);
    } finally {
      await set.close();
    }
  });

  it('on the Bot Framework endpoint, "i aint going home my stepdad kicks off when hes drunk" answers "is it safe to go home?" with a no', async () => {
    const medway = await startHarness({ now: '2026-11-25T00:10:00Z', env: { AREA: 'medway' } });
    try {
      const conversation = medway.conversation();
      const turns = await walk(
        conversation,
        [
          'A young person',
          'no',
          'im at my mates but his mum wants me gone by morning',
          'i aint going home my stepdad kicks off when hes drunk',
        ],
        { join: true },
      );
      expect(allText(turns[3] ?? [])).toMatch(/Is it safe for you to go home/);
      const answered = allText(lastTurnOf(turns));
      expect(answered).toMatch(/not your fault/);
      expect(answered).not.toMatch(/Is it safe for you to go home/);
      expect(answered).not.toMatch(/who is in danger/);
    } finally {
      await medway.close();
    }
  });
});

describe('a thirteenth fresh walk: a man meeting a child, a parent switching language, and 101 after 999', () => {
  it('by text, "a guy said hed meet me at the station ... hes gonna let me stay at his" is someone using them', async () => {
    const sms = await startSmsHarness({ now: '2026-11-25T23:55:00Z' });
    try {
      const phone = '+447700900249';
      for (const text of ['hi', '2', 'im on the train to london']) await sms.text(phone, text);
      const { replies } = await sms.text(phone, 'a guy said hed meet me at the station hes gonna let me stay at his');
      // On the train away from home: "don't go with them", and 999 now (a sixteenth fresh walk).
      expect(replies.join('\n')).toMatch(/don't go with them[\s\S]*999 now/);
      expect(await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone))).toContain('advised-999:G-DANGER-YP-EXPLOITATION-AWAY');
    } finally {
      await sms.close();
    }
  });

  it('on the Bot Framework endpoint in Arabic, "he forgot it. he has asthma bad", typed in English, is the medical 999', async () => {
    const conversation = harness.conversation(undefined, { locale: 'ar' });
    const turns = await walk(
      conversation,
      ['ابني عمره 14 سنة ومش موجود من العصر', 'he took his inhaler no, he forgot it. he has asthma bad'],
      {
        join: true,
      },
    );
    expect(allText(lastTurnOf(turns))).toContain('999');
    expect(await auditTrail(harness.app, conversation.id)).toContain('advised-999:G-DANGER-MEDICAL');
  });

  it('by text, "ok I call 101 now?" after "call 999 now" keeps the 999 first', async () => {
    const sms = await startSmsHarness({ now: '2026-11-26T00:20:00Z' });
    try {
      const phone = '+447700900250';
      for (const text of ['my daughter is 16 she went out at 8 and didnt come back', '1']) await sms.text(phone, text);
      expect((await sms.text(phone, 'her brother saw her get in a car with an older man')).replies.join('\n')).toMatch(/call 999 now/);
      const { replies } = await sms.text(phone, 'ok I call 101 now?');
      expect(replies.join('\n')).toMatch(/Earlier I said to call 999[\s\S]*call 999 now, not 101/);
    } finally {
      await sms.close();
    }
  });
});

describe('a thirteenth fresh walk: greetings and a return in other words', () => {
  it('"salam" as a first message is a greeting, not a miss', async () => {
    const conversation = harness.conversation();
    const [, turn = []] = await walk(conversation, ['salam'], { join: true });
    expect(allText(turn)).not.toMatch(/didn't catch/);
  });

  it('"the police have got my daughter, theyre bringing her home" is the child back', async () => {
    const conversation = harness.conversation();
    const [, turn = []] = await walk(conversation, ['the police have got my daughter, theyre bringing her home now'], { join: true });
    expect(allText(turn)).toMatch(/back/);
    expect(allText(turn)).not.toMatch(/in danger right now\?/);
  });
});

describe('a thirteenth fresh walk: the police brought them home', () => {
  it('by text, "the police brought her home about 3am" is not asked "did you report them missing?"', async () => {
    const sms = await startSmsHarness({ now: '2026-11-25T03:30:00Z' });
    try {
      const phone = '+447700900251';
      const texts: string[] = [];
      for (const text of ['my daughter 14 is back, the police brought her home about 3am', 'yes', 'no'])
        texts.push(...(await sms.text(phone, text)).replies);
      expect(texts.join('\n')).not.toMatch(/Did you report them missing/);
      expect(texts.join('\n')).toMatch(/return interview/);
    } finally {
      await sms.close();
    }
  });

  it('"the police found her phone in the park" is not the police told', async () => {
    const conversation = harness.conversation();
    const turns = await walk(
      conversation,
      ['my daughter is 14 and missing since this afternoon', 'no', 'the police found her phone in the park'],
      {
        join: true,
      },
    );
    // "police found her" would be the police told, said back as noted.
    expect(allText(lastTurnOf(turns))).not.toMatch(/noted that/);
  });
});

describe('a thirteenth fresh walk: who will know', () => {
  it('by text, "do they tell the ppl i was with", at the offer, is the question who will know, not "I can only answer a few questions"', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T22:30:00Z' });
    try {
      const phone = '+447700900252';
      for (const text of ['hi', '2', 'yes', 'back']) await sms.text(phone, text);
      const { replies } = await sms.text(phone, 'if i go to the interview do they tell the ppl i was with');
      expect(replies.join('\n')).toMatch(/private/);
      expect(replies.join('\n')).not.toMatch(/only answer a few questions/);
    } finally {
      await sms.close();
    }
  });
});

describe("a thirteenth fresh walk: a correction of the time, and a friend's age", () => {
  it('by text, "sorry i got it wrong he left at half 7 not 7" corrects the time, and "mason reilly, hes 16" at "who were they with?" is not the child\'s age', async () => {
    const sms = await startSmsHarness({ now: '2026-11-25T01:10:00Z' });
    try {
      const phone = '+447700900253';
      const script = [
        'my grandson Tyler hasnt come back, hes 13, he went out at 7 to go to the skate park in maidstone with a boy called Mason',
        'yes',
        'no',
        'sorry i got it wrong he left at half 7 not 7, the news was on',
        'yes',
        ...Array.from({ length: 14 }, () => 'no'),
        'Tyler Smith',
        'skip',
        'skip',
        'i told you mason, mason reilly, hes 16',
        'skip',
        'no',
        'skip',
        'skip',
        'skip',
        'skip',
        'his nan',
      ];
      const texts: string[] = [];
      for (const text of script) texts.push(...(await sms.text(phone, text)).replies);
      const summary = texts.join('\n');
      expect(summary).toMatch(/Age: 13 /);
      expect(summary).toMatch(/Last seen: Tuesday 24 November at 19:30/);
      expect(summary).not.toMatch(/noted that they are 16/);
    } finally {
      await sms.close();
    }
  });

  it('by text, the time corrected later, at the police questions, replaces the one confirmed', async () => {
    const sms = await startSmsHarness({ now: '2026-11-25T01:10:00Z' });
    try {
      const phone = '+447700900254';
      const script = [
        'my grandson Tyler hasnt come back, hes 13, he went out at 7 to go to the skate park',
        'yes',
        'no',
        'yes',
        ...Array.from({ length: 14 }, () => 'no'),
        'sorry i got it wrong he left at half 7 not 7',
        'Tyler Smith',
        ...['skip', 'skip', 'skip', 'skip', 'no', 'skip', 'skip', 'skip', 'skip', 'his nan'],
      ];
      const texts: string[] = [];
      for (const text of script) texts.push(...(await sms.text(phone, text)).replies);
      expect(texts.join('\n')).toMatch(/noted the change/);
      expect(texts.join('\n')).toMatch(/Last seen: Tuesday 24 November at 19:30/);
    } finally {
      await sms.close();
    }
  });
});

describe('a thirteenth fresh walk: after the straight question', () => {
  it('on the Bot Framework endpoint, "its not deep dont freak out" is an answer, and "i just want someone to know" gets people to talk to now', async () => {
    const tv = await startHarness({ now: '2026-11-27T00:10:00Z', env: { AREA: 'thames-valley' } });
    try {
      const conversation = tv.conversation();
      const turns = await walk(
        conversation,
        ['A young person', 'yes', 'back', 'i been cutting again', 'its not deep dont freak out', 'i just want someone to know'],
        { join: true },
      );
      expect(allText(turns[4] ?? [])).toMatch(/are you thinking about ending your life/);
      const answered = allText(turns[5] ?? []);
      expect(answered).not.toMatch(/didn't catch/);
      expect(answered).toMatch(/85258/);
      const known = allText(lastTurnOf(turns));
      expect(known).toContain('0800 1111');
      expect(known).not.toMatch(/didn't catch/);
    } finally {
      await tv.close();
    }
  });

  it('by text, "i just wanna disappear for good" after the straight question is not a child away from home', async () => {
    const sms = await startSmsHarness({ now: '2026-11-25T02:15:00Z' });
    try {
      const phone = '+447700900255';
      for (const text of ['hi', '2', 'yes', 'back', 'honestly whats the point of anything']) await sms.text(phone, text);
      const { replies } = await sms.text(phone, 'i just wanna disappear for good');
      expect(replies.join('\n')).not.toMatch(/you're away from home/);
      expect(replies.join('\n')).toMatch(/999/);
    } finally {
      await sms.close();
    }
  });

  it('"my dad hit me thats why i left", from a young person back home, keeps them back; "dont tell him i said" is who will know', async () => {
    const conversation = harness.conversation();
    harness.clock.set('2026-11-29T22:10:00Z');
    const turns = await walk(
      conversation,
      ['A young person', 'yes', "I'm back", 'my dad hit me thats why i left', 'dont tell him i said'],
      {
        join: true,
      },
    );
    expect(allText(turns[4] ?? [])).not.toMatch(/still away from home/);
    expect(allText(lastTurnOf(turns))).toMatch(/private/);
  });
});

describe('a thirteenth fresh walk: signs after a return, and a bag kept for someone', () => {
  it('by text, "he wants me to keep a bag at mine for him" is someone using them, and "i dont wanna get him in trouble" does not turn down the offer', async () => {
    const sms = await startSmsHarness({ now: '2026-11-25T22:30:00Z' });
    try {
      const phone = '+447700900256';
      for (const text of ['hi', '2', 'yes', 'back']) await sms.text(phone, text);
      const bag = await sms.text(phone, 'he wants me to keep a bag at mine for him');
      expect(bag.replies.join('\n')).toMatch(/someone may be using you/);
      const trouble = await sms.text(phone, 'i dont wanna get him in trouble');
      expect(trouble.replies.join('\n')).not.toMatch(/it's your choice/);
    } finally {
      await sms.close();
    }
  });

  it('on the Bot Framework endpoint, a foster carer\'s "shes a bit drunk and wont say where shes been, she has a new phone", after she came in, is exploitation advice, not the missing questions again', async () => {
    const set = await startHarness({ now: '2026-11-25T00:05:00Z', env: { AREA: 'set' } });
    try {
      const conversation = set.conversation();
      const turns = await walk(
        conversation,
        [
          'foster carer, ellie 15 not back',
          'yes',
          'shes gone missing 3 times before, usually comes back by 2 or 3 with older men dropping her off in a car',
          'she just walked in the door!! shes here',
          'shes a bit drunk and wont say where shes been, she has a new phone i havent seen before',
        ],
        { join: true },
      );
      const text = allText(lastTurnOf(turns));
      expect(text).toMatch(/exploited/);
      expect(text).not.toMatch(/do you think the child is in danger right now/);
    } finally {
      await set.close();
    }
  });
});

describe('a thirteenth fresh walk: a parent who cannot use a phone', () => {
  it('on the Bot Framework endpoint, "i cant talk on the phone, im deaf" is told how to reach 999 without speaking, not that someone is held', async () => {
    const tv = await startHarness({ now: '2026-11-24T22:30:00Z', env: { AREA: 'thames-valley' } });
    try {
      const conversation = tv.conversation();
      const [, first = []] = await walk(
        conversation,
        ['i cant talk on the phone, im deaf. my son Ryan is 12 and hes not home, he was supposed to be back from football at 8'],
        { join: true },
      );
      const text = allText(first);
      expect(text).toMatch(/emergencySMS/);
      expect(text).toContain('18000');
      expect(await auditTrail(tv.app, conversation.id)).not.toContain('advised-999:G-DANGER-999-NOW');
    } finally {
      await tv.close();
    }
  });

  it('by text, "how do i call 999 i told you i cant use the phone" gets the ways to reach 999 without speaking', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T22:30:00Z' });
    try {
      const phone = '+447700900257';
      for (const text of ['my son is 12 and hes not home', '1', 'yes']) await sms.text(phone, text);
      const { replies } = await sms.text(phone, 'how do i call 999 i told you i cant use the phone, can you contact them for me');
      expect(replies.join('\n')).toMatch(/Relay UK/);
    } finally {
      await sms.close();
    }
  });
});

describe('a thirteenth fresh walk: a parent afraid of getting the child into trouble', () => {
  it('on the Bot Framework endpoint, "will she get arrested if i report her missing?" is answered: not a crime, tell the police everything, 999 or 101', async () => {
    const conversation = harness.conversation();
    harness.clock.set('2026-11-25T02:20:00Z');
    const turns = await walk(
      conversation,
      [
        '1',
        'my daughter is 15 and not home, its 2am',
        'will she get arrested if i report her missing? i dont want social services taking her',
      ],
      { join: true },
    );
    const text = allText(lastTurnOf(turns));
    expect(text).toMatch(/not a crime/);
    expect(text).toContain('101');
    expect(await auditTrail(harness.app, conversation.id)).toContain('advised-101:G-ASK-CHILD-IN-TROUBLE');
  });

  it('by text, "will he get in trouble with the police" from a parent is answered, not "I can only answer a few questions"', async () => {
    const sms = await startSmsHarness({ now: '2026-11-25T02:20:00Z' });
    try {
      const phone = '+447700900258';
      for (const text of ['hi', '1']) await sms.text(phone, text);
      const { replies } = await sms.text(phone, 'my son is 14 and out, will he get in trouble with the police if i ring them');
      expect(replies.join('\n')).toMatch(/not a crime/);
      expect(replies.join('\n')).not.toMatch(/only answer a few questions/);
    } finally {
      await sms.close();
    }
  });
});

describe('a thirteenth fresh walk: a return during the details, and a friend who is gone', () => {
  it('"oh my god hes just come in the door", at the police details, is the child back, not a name or a date', async () => {
    const conversation = harness.conversation();
    harness.clock.set('2026-11-24T22:00:00Z');
    const script = [
      'my son tom is 13 and hasnt come home, not in danger i dont think',
      'no',
      'since school',
      'yes',
      ...Array.from({ length: 14 }, () => 'no'),
      'Tom Baker',
      'oh my god hes just come in the door',
    ];
    const turns = await walk(conversation, script, { join: true });
    expect(allText(lastTurnOf(turns))).toMatch(/glad they are back/);
  });

  it('by text, "my mate kayla is still out" from a young person who is back keeps them back, and "shes 13" is not their age', async () => {
    const sms = await startSmsHarness({ now: '2026-11-27T22:50:00Z' });
    try {
      const phone = '+447700900259';
      for (const text of ['hi', '2', 'yes', 'back']) await sms.text(phone, text);
      const friend = (await sms.text(phone, 'my mate kayla is still out she been gone 3 days')).replies.join('\n');
      expect(friend).not.toMatch(/still away from home/);
      expect(friend).toMatch(/looking out for them/);
      const age = (await sms.text(phone, 'shes 13 and shes with some man in his flat i think in gravesend')).replies.join('\n');
      expect(age).toMatch(/Call 999 now/);
      expect(age).not.toMatch(/noted that you are 13/);
    } finally {
      await sms.close();
    }
  });
});

describe('a thirteenth fresh walk: a worry told along the way reaches the police', () => {
  it('by text, "amber has been seeing a boy who is 19, he picks her up in a blue golf", told at a risk question, is read back and kept under other risks', async () => {
    const sms = await startSmsHarness({ now: '2026-11-25T02:20:00Z' });
    try {
      const phone = '+447700900260';
      const script = [
        'my daughter amber is 15 and not home, she said she was going to leahs',
        '1',
        'no',
        'about 8',
        'yes',
        ...Array.from({ length: 11 }, () => 'no'),
        'no shes not with Leah, i messaged leahs mum. amber has been seeing a boy who is 19, he picks her up in a blue golf',
        ...Array.from({ length: 30 }, () => 'no'),
      ];
      const texts: string[] = [];
      for (const text of script) {
        texts.push(...(await sms.text(phone, text)).replies);
        if (texts.some((reply) => reply.includes('Other risks'))) break;
      }
      const all = texts.join('\n');
      expect(all).toMatch(/You told me: "no shes not with Leah[^"]*blue golf"\. I'll give the police that as a worry/);
      expect(all.split('\n').find((line) => line.includes('Other risks'))).toMatch(/a boy who is 19, he picks her up in a blue golf/);
    } finally {
      await sms.close();
    }
  });
});

describe('a thirteenth fresh walk: marks seen on a child who is back', () => {
  it('by text, "chloe is back home, boyfriend dropped her off, she has marks on her wrist" is hurt or harming themselves, not "where they might be"', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:50:00Z', env: { AREA: 'medway' } });
    try {
      const phone = '+447700900261';
      await sms.text(phone, 'social worker, chloe 15 missing tonight, CSE concerns');
      const { replies } = await sms.text(
        phone,
        'update mum just texted chloe is back home, boyfriend dropped her off, she has marks on her wrist',
      );
      const text = replies.join('\n');
      expect(text).toMatch(/whether someone did this to them/);
      expect(text).not.toMatch(/where they might be/);
      expect(await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone))).toContain('advised-999:G-DANGER-SUICIDE-BACK');
    } finally {
      await sms.close();
    }
  });
});

describe('a thirteenth fresh walk: a day asked for ahead', () => {
  it('by text, "can it be thursday after school" at "when did you get back?" is not kept as the day they came back', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:10:00Z' });
    try {
      const phone = '+447700900262';
      for (const text of ['hi', '2', 'yes', 'back', 'someone new']) await sms.text(phone, text);
      const { replies } = await sms.text(phone, 'can it be thursday after school');
      expect(replies.join('\n')).toMatch(/choose a day to meet next/);
      expect(replies.join('\n')).not.toMatch(/So you got back Thursday/);
    } finally {
      await sms.close();
    }
  });
});

describe('a fourteenth fresh walk: a correction is no answer, and a child held who fears for her friend', () => {
  it('by text, "no wait it was 3 not 4" at "are they hurt or unwell?" is not a no', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:10:00Z' });
    try {
      const phone = '+447700900263';
      const script = [
        'hi sorry its late my daughter just came in the door shes 14 and theres blood on her sleeve and she wont tell me where shes been',
        '1',
        'she was gone since like 4pm, i didnt ring anyone yet',
      ];
      for (const text of script) await sms.text(phone, text);
      const { replies } = await sms.text(phone, 'no wait it was 3 not 4');
      expect(replies.join('\n')).toMatch(/Are they hurt or unwell\?/);
      expect(replies.join('\n')).not.toMatch(/Did you report them missing/);
    } finally {
      await sms.close();
    }
  });

  it('on the Bot Framework endpoint, "cant u just send someone" and "my mate will get nicked" are answered, not "didn\'t catch that"', async () => {
    const medway = await startHarness({ now: '2026-11-25T01:20:00Z', env: { AREA: 'medway' } });
    try {
      const conversation = medway.conversation();
      const turns = await walk(
        conversation,
        [
          'A young person',
          'im not at home rn and i dont really know where i am, its some flat and theres older guys here',
          'they said i cant leave til morning',
          'i told u im not home',
          'cant u just send someone',
          'i dont want the police tho my mate will get nicked shes 16 shes here too',
        ],
        { join: true },
      );
      expect(allText(turns[5] ?? [])).toMatch(/call 999/);
      expect(allText(turns[5] ?? [])).not.toMatch(/didn't catch/);
      expect(allText(lastTurnOf(turns))).toMatch(/not a crime/);
    } finally {
      await medway.close();
    }
  });
});

describe('a fourteenth fresh walk: a young child lost in a park, and a cousin who was minding him', () => {
  it('by text, "my little boy Alfie is 7" is his age, "my nephew Kyle who is 12" is not, and "ok ive rung 999" is no answer and no worry', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T21:40:00Z' });
    try {
      const phone = '+447700900264';
      await sms.text(phone, 'pls help my little boy Alfie is 7 he was at the park with his cousin and now hes not there');
      await sms.text(phone, '1');
      const cousin = (
        await sms.text(
          phone,
          'about 8.50 my nephew Kyle who is 12 was meant to be watching him at Victoria park in ashford, he came home without him at 9.30',
        )
      ).replies.join('\n');
      expect(cousin).toMatch(/under 13 and went missing in a public place, call 999 now/);
      expect(cousin).not.toMatch(/noted that they are 12/);
      await sms.text(phone, 'ok ive rung 999 theyre sending someone');
      const texts: string[] = [];
      for (const text of Array.from({ length: 40 }, () => 'no')) {
        texts.push(...(await sms.text(phone, text)).replies);
        if (texts.some((reply) => reply.includes('Other risks'))) break;
      }
      const summary = texts.join('\n');
      expect(summary).toMatch(/Age: 7 /);
      expect(summary).not.toMatch(/ive rung 999 theyre sending someone/);
    } finally {
      await sms.close();
    }
  });

  it('on the Bot Framework endpoint, an aunt\'s "my nephew Kyle who is 12 hasnt come home" is the missing child\'s age', async () => {
    const conversation = harness.conversation();
    harness.clock.set('2026-11-24T23:00:00Z');
    const turns = await walk(conversation, [
      'my nephew Kyle who is 12 hasnt come home, im his aunt and hes staying with me',
      'yes',
      'no',
      'yesterday at 9pm',
      'yes',
    ]);
    expect(allText(lastTurnOf(turns))).toMatch(/You said they are 12/);
  });

  it('"a man made me do stuff with his mates and i feel sick thinking about it", from a young person, is sexual harm, not the overdose message', async () => {
    const conversation = harness.conversation();
    harness.clock.set('2026-11-25T02:10:00Z');
    const turns = await walk(
      conversation,
      ['A young person', 'yes', "I'm back", 'a man made me do stuff with his mates and i feel sick thinking about it'],
      { join: true },
    );
    const text = allText(lastTurnOf(turns));
    expect(text).toMatch(/not your fault/);
    expect(text).not.toMatch(/say what you took/);
    expect(await auditTrail(harness.app, conversation.id)).toContain('advised-999:G-DANGER-YP-SEXUAL');
  });
});

describe('a fourteenth fresh walk: a grandparent afraid to ring the police', () => {
  it('by text, "i cant ring police, her mum will find out and they\'ll take her off me" is answered: not a crime, report now', async () => {
    const sms = await startSmsHarness({ now: '2026-11-25T01:20:00Z', env: { AREA: 'medway' } });
    try {
      const phone = '+447700900265';
      for (const text of ['my granddaughter is 14 and not home, i think shes with a man of 23 who has a car', '1'])
        await sms.text(phone, text);
      const { replies } = await sms.text(
        phone,
        "i cant ring police, her mum will find out and they'll take her off me. social already involved",
      );
      expect(replies.join('\n')).toMatch(/not a crime/);
      expect(replies.join('\n')).not.toMatch(/only answer a few questions/);
    } finally {
      await sms.close();
    }
  });
});

describe('a fourteenth fresh walk: a child who does not understand danger, near a railway', () => {
  it('on the Bot Framework endpoint, "im scared he\'ll go to the railway" is 999, not "if not, 101"', async () => {
    const set = await startHarness({ now: '2026-11-25T00:30:00Z', env: { AREA: 'set' } });
    try {
      const conversation = set.conversation();
      const turns = await walk(
        conversation,
        [
          'my son ethan (13) is autistic and has gone missing, he walked out after a meltdown at about 10pm. he doesnt understand danger, hes obsessed with trains',
          'Not sure',
          "im scared he'll go to the railway, theres a line at the bottom of our road in Benfleet and he likes to watch the freight trains at night",
        ],
        { join: true },
      );
      const text = allText(lastTurnOf(turns));
      expect(text).toMatch(/call 999 now/);
      expect(text).not.toMatch(/If not, tell the police on 101/);
    } finally {
      await set.close();
    }
  });
});

describe('a fourteenth fresh walk: "is this a real person"', () => {
  it.each(['is this a real person or a bot lol', 'are you a real person'])(
    'by text, "%s" is answered plainly: an automated helper, and how to reach a person',
    async (asked) => {
      const sms = await startSmsHarness({ now: '2026-11-25T00:30:00Z' });
      try {
        const phone = '+447700900266';
        const { replies } = await sms.text(phone, asked);
        expect(replies.join('\n')).toMatch(/automated helper/);
        expect(replies.join('\n')).toMatch(/talk to a person/);
      } finally {
        await sms.close();
      }
    },
  );
});

describe('typed at the changed states, before stopping', () => {
  it('on the Bot Framework endpoint, a young person\'s "idk" at the offer is told what the choices mean, and "can i talk to someone new but not the police" picks someone new', async () => {
    const conversation = harness.conversation();
    harness.clock.set('2026-11-25T00:40:00Z');
    const turns = await walk(conversation, ['A young person', 'ye', 'im back', 'idk', 'can i talk to someone new but not the police'], {
      join: true,
    });
    expect(allText(turns[4] ?? [])).toMatch(/independent worker who doesn't know you/);
    expect(allText(lastTurnOf(turns))).toMatch(/When did you get back/);
  });

  it('by text, "oops i got that wrong it was the spar" is no young person, and "no, but his dad lives in chatham" is no name', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T21:30:00Z' });
    try {
      const phone = '+447700900267';
      await sms.text(phone, 'hi');
      const role = await sms.text(phone, 'oops i got that wrong it was the spar not the co op');
      expect(role.replies.join('\n')).not.toMatch(/are you safe right now/i);
      const phone2 = '+447700900268';
      for (const text of ['my lad jay is 12 hes not come back from the shop, went about 6', 'yes', 'no', 'yes'])
        await sms.text(phone2, text);
      // "no" to the search and the risk questions, until the name is asked.
      for (let turn = 0; turn < 20; turn += 1) if ((await sms.text(phone2, 'no')).replies.join('\n').includes('full name')) break;
      const name = await sms.text(phone2, 'no, but his dad lives in chatham he might go there');
      expect(name.replies.join('\n')).toMatch(/Please write their full name/);
    } finally {
      await sms.close();
    }
  });
});

describe('a fifteenth fresh walk: danger hinted at, a word of another sense, an age of someone else', () => {
  it('by text, a young person\'s "my mate took something n shes not waking up properly" is an ambulance now, and nothing is asked after it', async () => {
    const sms = await startSmsHarness({ now: '2026-11-25T00:20:00Z' });
    try {
      const phone = '+447700900269';
      await sms.text(phone, 'hi');
      await sms.text(phone, '2');
      const { replies } = await sms.text(phone, 'im at a party rn and my mate took something n shes not waking up properly');
      const text = replies.join('\n');
      expect(text).toMatch(/Call 999 now and ask for an ambulance/);
      expect(text).not.toMatch(/are you safe right now/i);
      expect(await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone))).toContain('advised-999:G-DANGER-YP-FRIEND-MEDICAL');
    } finally {
      await sms.close();
    }
  });

  it('on the Bot Framework endpoint, pills and sleepy at "when did you get back?" is 999 for an ambulance, and the booking waits', async () => {
    const conversation = harness.conversation();
    harness.clock.set('2026-11-25T00:30:00Z');
    const turns = await walk(
      conversation,
      ['A young person', 'yes', 'im back', 'someone new', 'kinda sleepy tho took a few of my nans pills'],
      {
        join: true,
      },
    );
    const text = allText(lastTurnOf(turns));
    expect(text).toMatch(/Call 999 now and ask for an ambulance/);
    expect(text).not.toMatch(/When did you get back/);
    expect(await auditTrail(harness.app, conversation.id)).toContain('advised-999:G-DANGER-YP-MEDICAL');
  });

  it('on the Bot Framework endpoint, "i took some stuff" from a young person is asked about as a medical emergency', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['A young person', 'i took some stuff'], { join: true });
    expect(allText(lastTurnOf(turns))).toMatch(/If you have taken something/);
    expect(await auditTrail(harness.app, conversation.id)).toContain('advised-999:G-CONCERN-MEDICAL-YP');
  });

  it('on the Bot Framework endpoint, a missing 13-year-old talking to "some bloke online who said he\'d come and get her" is "call 999 now"', async () => {
    const conversation = harness.conversation();
    harness.clock.set('2026-11-24T23:10:00Z');
    const turns = await walk(conversation, [
      'my daughter is 13 and hasnt come home',
      'yes',
      "she's been talking to some bloke online who said he'd come and get her, hes 30 something",
    ]);
    expect(allText(lastTurnOf(turns))).toMatch(/call 999 now/);
    expect(await auditTrail(harness.app, conversation.id)).toContain('advised-999:G-DANGER-999-NOW');
  });

  it('by text, a 10-year-old "down by the river on his own in the dark" is 999, not "didn\'t catch that"', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
    try {
      const phone = '+447700900270';
      for (const text of ['my boy is 10 and went out on his bike and hasnt come back', '1', 'no']) await sms.text(phone, text);
      const { replies } = await sms.text(phone, 'his friend said he was messing about down by the river on his own in the dark');
      expect(replies.join('\n')).toMatch(/999/);
      expect(replies.join('\n')).not.toMatch(/didn't catch that|couldn't read that/);
    } finally {
      await sms.close();
    }
  });

  it('by text, "the back door was open when i checked" is not the child back', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
    try {
      const phone = '+447700900271';
      await sms.text(phone, 'my son 13 isnt in his room');
      const { replies } = await sms.text(phone, 'the back door was open when i checked');
      expect(replies.join('\n')).not.toMatch(/glad they are back/);
      expect(await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone))).not.toContain(expect.stringMatching(/BACK/));
    } finally {
      await sms.close();
    }
  });

  it('on the Bot Framework endpoint, a carer\'s "shes back on snapchat, posting from some house party" is not the child back', async () => {
    const conversation = harness.conversation();
    const turns = await walk(
      conversation,
      ['A foster carer or care worker', 'no', "I don't know", 'shes back on snapchat, posting from some house party'],
      { join: true },
    );
    expect(allText(lastTurnOf(turns))).not.toMatch(/Good that they are back/);
  });

  it('on the Bot Framework endpoint, "her phone just came on, shes texted saying shes ok" is news for the police, not an answer', async () => {
    const conversation = harness.conversation();
    harness.clock.set('2026-11-24T23:00:00Z');
    const turns = await walk(conversation, [
      'my daughter is 12 and hasnt come home',
      'yes',
      'no',
      'yesterday at 9pm',
      'yes',
      "oh my god her phone just came on, she's texted saying shes ok but she wont say where she is",
    ]);
    const text = allText(lastTurnOf(turns));
    expect(text).toMatch(/Tell the police now that they have been in touch/);
    expect(text).toMatch(/Have you tried to call, text or message them/);
    expect(await auditTrail(harness.app, conversation.id)).toContain('advised-101:G-CHILD-IN-TOUCH');
  });

  it('on the Bot Framework endpoint, "no, but her phone just came on" answers the question on screen and is news for the police; typed at "when did you last hear?" with no time, it is news too', async () => {
    const conversation = harness.conversation();
    harness.clock.set('2026-11-24T23:00:00Z');
    const turns = await walk(conversation, [
      'my daughter is 12 and hasnt come home',
      'yes',
      'no',
      'yesterday 9pm',
      'yes',
      'no, but her phone just came on and she texted saying shes fine dont look for me',
    ]);
    const text = allText(lastTurnOf(turns));
    expect(text).toMatch(/Tell the police now that they have been in touch/);
    expect(text).not.toMatch(/Have you tried to call/);
    const atLastSeen = harness.conversation();
    const early = await walk(atLastSeen, [
      'my daughter is 12 and hasnt come home',
      'yes',
      'no',
      'her phone just came on and she texted me',
    ]);
    const news = allText(lastTurnOf(early));
    expect(news).toMatch(/Tell the police now that they have been in touch/);
    expect(news).not.toMatch(/couldn't read that/);
  });

  it('by text, "some lad on snapchat, says hes 16" after the child\'s age is his age; "no wait shes 14" takes it back', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
    try {
      const phone = '+447700900273';
      for (const text of ['my daughter is 12 and hasnt come home', '1']) await sms.text(phone, text);
      const lad = await sms.text(phone, 'theres some lad on snapchat she talks to, says hes 16 but i think hes older');
      expect(lad.replies.join('\n')).not.toMatch(/noted that they are 16/);
      const corrected = await sms.text(phone, 'no wait shes 14');
      expect(corrected.replies.join('\n')).toMatch(/noted that they are 14/);
      // Near the age known, "shes 13!!" corrects it with no word of correction.
      const near = await sms.text(phone, 'shes 13!!');
      expect(near.replies.join('\n')).toMatch(/noted that they are 13/);
    } finally {
      await sms.close();
    }
  });

  it('by text, "idk maybe" to the straight question leaves the crisis lines as the last words, not the booking\'s next question', async () => {
    const sms = await startSmsHarness({ now: '2026-11-25T00:20:00Z' });
    try {
      const phone = '+447700900274';
      for (const text of ['hi', '2', '1', 'im back', 'someone new']) await sms.text(phone, text);
      await sms.text(phone, 'got back sat night but honestly everyone wd be better off without me tbh');
      const { replies } = await sms.text(phone, 'idk maybe');
      expect(replies.join('\n')).toMatch(/SHOUT/);
      expect(replies.join('\n')).not.toMatch(/When did you get back/);
      expect(await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone))).toContain('advised-999:Y-THINKING-OF-SUICIDE');
    } finally {
      await sms.close();
    }
  });

  it('by text, a night worker\'s "who do i need to tell and by when, my manager on call isnt answering" is answered, in Thames Valley\'s own words', async () => {
    const sms = await startSmsHarness({ now: '2026-11-25T00:10:00Z', env: { AREA: 'thames-valley' } });
    try {
      const phone = '+447700900275';
      for (const text of [
        'residential worker here, one of our girls is 15 and went out at 9 and hasnt come back',
        'yes',
        'no',
        "I don't know",
      ])
        await sms.text(phone, text);
      const { replies } = await sms.text(phone, 'ok who do i need to tell and by when, my manager on call isnt answering');
      const text = replies.join('\n');
      expect(text).toMatch(/Don't wait for your manager/);
      expect(text).not.toMatch(/General advice/);
      expect(await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone))).toContain('advised-101:G-ASK-MANAGER-UNREACHABLE');
    } finally {
      await sms.close();
    }
  });

  it('by text, a carer writing again after the steps for a child back gets what to do with news, not the steps and the log again', async () => {
    const sms = await startSmsHarness({ now: '2026-11-25T01:45:00Z', env: { AREA: 'set' } });
    try {
      const phone = '+447700900276';
      for (const text of ['foster carer here, our 13 yr old is back, she came in at half 1 in a taxi', '1']) await sms.text(phone, text);
      const { replies } = await sms.text(phone, "she's gone to bed");
      const text = replies.join('\n');
      expect(text).toMatch(/The steps for a child who is back are above/);
      expect(text).not.toMatch(/Log for your records|Welcome back/);
      expect(await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone))).toContain('advised-101:C-BACK-AGAIN');
    } finally {
      await sms.close();
    }
  });

  it('on the Bot Framework endpoint, a 6-year-old gone from his bed at 23:00 is 999 whatever the parent answers; at 15:00 the police now', async () => {
    const night = harness.conversation();
    harness.clock.set('2026-11-24T23:00:00Z');
    await walk(night, ['my 6 year old isnt in his bed and the back door is open', 'yes', 'not sure']);
    expect(await auditTrail(harness.app, night.id)).toContain('advised-999:P-DANGER-YOUNG-NIGHT');
    const day = harness.conversation();
    harness.clock.set('2026-11-24T15:00:00Z');
    await walk(day, ['my 6 year old isnt in his bed and the back door is open', 'yes', 'not sure']);
    expect(await auditTrail(harness.app, day.id)).toContain('advised-999:P-DANGER-YOUNG');
  });

  it('by text, a care worker\'s "his snap story, hes on a train" is news for the police now, and the question waits', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T22:30:00Z' });
    try {
      const phone = '+447700900277';
      for (const text of ['residential worker, our lad is 14 and hasnt come back', '1', 'no']) await sms.text(phone, text);
      const { replies } = await sms.text(phone, 'his mate just sent a screenshot of his snap story, hes on a train');
      const text = replies.join('\n');
      expect(text).toMatch(/Tell the police now/);
      expect(text).toMatch(/Do you know where the child is/);
      expect(await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone))).toContain('advised-101:G-CHILD-SIGHTED');
    } finally {
      await sms.close();
    }
  });

  it('by text, a parent pushed down the stairs now is told 999 for herself, with how to call when she cannot talk', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z', env: { AREA: 'medway' } });
    try {
      const phone = '+447700900278';
      for (const text of ['my son is 13 and ran off after his dad kicked off', '1', 'no']) await sms.text(phone, text);
      const { replies } = await sms.text(
        phone,
        'his dad is still here and hes smashing things and he just pushed me down the stairs, im in the bathroom',
      );
      expect(replies.join('\n')).toMatch(/Call 999 now for yourself[\s\S]*press 55/);
      expect(await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone))).toContain('advised-999:G-DANGER-ADULT-ATTACKED');
    } finally {
      await sms.close();
    }
  });

  it('by text, a young person who will not call after pills is not asked when they can meet in the same breath', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
    try {
      const phone = '+447700900279';
      for (const text of ['hi', '2', '1', 'im back', 'someone new', 'yesterday', 'yes']) await sms.text(phone, text);
      await sms.text(phone, 'wed after school. btw i took a load of my mums tablets earlier but im fine now');
      const { replies } = await sms.text(phone, 'nah honestly im fine i dont want an ambulance my mum will go mad');
      expect(replies.join('\n')).toMatch(/call 999/);
      expect(replies.join('\n')).not.toMatch(/When can you meet|Pick a time/);
    } finally {
      await sms.close();
    }
  });

  it('on the Bot Framework endpoint, "i cant get through to 999 its just ringing" is told to stay on the line, not "couldn\'t read that as a day"', async () => {
    const conversation = harness.conversation();
    harness.clock.set('2026-11-24T23:00:00Z');
    const turns = await walk(conversation, [
      'my daughter is 14 and hasnt come home',
      'yes',
      'yes',
      'i cant get through to 999 its just ringing',
    ]);
    const text = allText(lastTurnOf(turns));
    expect(text).toMatch(/Stay on the line/);
    expect(text).not.toMatch(/couldn't read that/);
    expect(await auditTrail(harness.app, conversation.id)).toContain('advised-999:G-ASK-CANNOT-GET-THROUGH');
  });

  it("on the Bot Framework endpoint, a carer's long message (back, police know, 3 new phones, cash, a bruise) gets the exploitation route and who to tell tonight", async () => {
    const conversation = harness.conversation();
    harness.clock.set('2026-11-25T01:20:00Z');
    const turns = await walk(
      conversation,
      [
        'hi im a foster carer, our 13 yr old boy in care came back at 1am after going missing since 7pm. police know, they came out. now hes home he has 3 new phones in his bag and a load of cash and a bus ticket from london. hes got a bruise on his face he says he fell. what do i do now and who do i tell at this time of night',
      ],
      { join: true },
    );
    const text = allText(lastTurnOf(turns));
    expect(text).toMatch(/worried about exploitation/);
    expect(text).not.toMatch(/before they arrive/);
    expect(text).toMatch(/social worker's office is closed now/);
    expect(await auditTrail(harness.app, conversation.id)).toContain('disclosure-heard:G-DISCLOSE-ADULT-EXPLOITED');
  });

  it('by text, a young person\'s "my friend hasnt been home since friday", at "are you safe right now?", gets the steps for a friend who is gone', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
    try {
      const phone = '+447700900280';
      await sms.text(phone, 'hi');
      await sms.text(phone, '2');
      const { replies } = await sms.text(phone, 'my friend hasnt been home since friday and her mum doesnt care');
      const text = replies.join('\n');
      expect(text).toMatch(/116 000/);
      expect(text).toMatch(/And you: are you OK\?/);
      expect(text).not.toMatch(/didn't catch that/);
    } finally {
      await sms.close();
    }
  });

  it('by text, "he is 19 ..., she is 13" is a 13-year-old, and Polish "nikt nie wie gdzie ona jest" is no "no" to danger', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
    try {
      const phone = '+447700900272';
      const replies: string[] = [];
      for (const text of ['shes with a boy he is 19 has a car and keeps buying her stuff, she is 13', '1', '1'])
        replies.push(...(await sms.text(phone, text)).replies);
      expect(replies.join('\n')).not.toMatch(/18 or over|noted that they are 19/);
      expect(replies.join('\n')).toMatch(/in danger right now/);
      expect(replies.join('\n')).not.toMatch(/How old/);
    } finally {
      await sms.close();
    }
    const conversation = harness.conversation(undefined, { locale: 'pl' });
    const turns = await walk(conversation, ['moja corka ma 14 lat i nie wrocila do domu', 'nikt nie wie gdzie ona jest'], { join: true });
    const text = allText(lastTurnOf(turns));
    expect(text).toMatch(/grozi teraz niebezpieczeństwo/);
    expect(text).not.toMatch(/Kiedy ostatnio/);
  });
});

describe('a sixteenth fresh walk: the call made, said in other words', () => {
  it('by text, "Earlier I said to call 999" opens the first 101 after the 999, not every one', async () => {
    const sms = await startSmsHarness({ now: '2026-11-26T00:20:00Z' });
    try {
      const phone = '+447700900281';
      for (const text of [
        'my daughter is 16 she went out at 8 and didnt come back',
        '1',
        'her brother saw her get in a car with an older man',
      ])
        await sms.text(phone, text);
      expect((await sms.text(phone, 'ok I call 101 now?')).replies.join('\n')).toMatch(/Earlier I said to call 999/);
      const { replies } = await sms.text(phone, 'should i ring 101 then');
      expect(replies.join('\n')).toMatch(/101/);
      expect(replies.join('\n')).not.toMatch(/Earlier I said/);
    } finally {
      await sms.close();
    }
  });

  it('on the Bot Framework endpoint, "done, police are coming round" is the call made: no reminder of the 999, no "couldn\'t read"', async () => {
    const conversation = harness.conversation();
    const turns = await walk(
      conversation,
      [
        'my daughter is 16 she went out at 8 and didnt come back',
        '1',
        'her brother saw her get in a car with an older man',
        'done, police are coming round',
        'should i ring 101 as well?',
      ],
      { join: true },
    );
    const afterCall = turns.slice(-2).map(allText).join('\n');
    expect(afterCall).not.toMatch(/Earlier I said|couldn't read|didn't catch/);
    expect(allText(lastTurnOf(turns))).toMatch(/101/);
  });
});

describe('a sixteenth fresh walk: a young person who talks of ending their life again', () => {
  it('by text, burden talk after the straight question is "call 999 now", and the same again is said short, with no safety menu after it', async () => {
    const sms = await startSmsHarness({ now: '2026-11-25T01:20:00Z' });
    try {
      const phone = '+447700900282';
      await sms.text(phone, 'hi');
      await sms.text(phone, '2');
      expect((await sms.text(phone, 'honestly whats the point anymore')).replies.join('\n')).toMatch(/ask you straight/);
      const burden = (await sms.text(phone, 'every1 wud b better off without me tbh')).replies.join('\n');
      expect(burden).toMatch(/call 999 now/);
      expect(burden).not.toMatch(/are you safe right now/i);
      const again = (await sms.text(phone, 'ive got my mums pills in my room')).replies.join('\n');
      expect(again).toMatch(/999 now/);
      expect(again.length).toBeLessThan(burden.length);
      expect(again).not.toMatch(/shop or a station|away from home now/);
      const trail = await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone));
      expect(trail.filter((row) => row === 'advised-999:G-DANGER-YP-SUICIDE-AGAIN')).toHaveLength(2);
    } finally {
      await sms.close();
    }
  });

  it('on the Bot Framework endpoint, goodbye letters after "yeh kinda" are "call 999 now", and the safety question is asked without "Hi."', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['2', 'whats the point anymore', 'yeh kinda', 'i wrote letters for every1 already'], {
      join: true,
    });
    expect(allText(turns[3] ?? [])).toMatch(/Are you safe right now\?/);
    expect(allText(turns[3] ?? [])).not.toMatch(/Hi\. First/);
    expect(allText(lastTurnOf(turns))).toMatch(/call 999 now/);
    expect(await auditTrail(harness.app, conversation.id)).toContain('advised-999:G-DANGER-YP-SUICIDE-AGAIN');
  });

  it('on the Bot Framework endpoint, "any time tbh, if im still alive lol" at the meeting time is asked about straight', async () => {
    const conversation = harness.conversation();
    const turns = await walk(
      conversation,
      ['2', 'yes', 'im back', 'someone new', 'last night', 'yes', 'library', 'any time tbh, if im still alive lol'],
      {
        join: true,
      },
    );
    expect(allText(lastTurnOf(turns))).toMatch(/ask you straight/);
    expect(allText(lastTurnOf(turns))).not.toMatch(/didn't get that time/);
  });
});

describe('a sixteenth fresh walk: a young person away from home with someone using them', () => {
  it('on the Bot Framework endpoint at midnight, a man met online "picking me up in an hour" is "don\'t go with them" and 999 now, said short the second time', async () => {
    const conversation = harness.conversation();
    const turns = await walk(
      conversation,
      [
        'A young person',
        'Yes',
        'Away now',
        'this guy i met on snap is picking me up in an hour hes 19 he sed not to tell any1',
        'hes gonna let me stay at his for a bit',
      ],
      { join: true },
    );
    const first = allText(turns[4] ?? []);
    expect(first).toMatch(/don't go with them/);
    expect(first).toMatch(/Call 999 now/);
    const second = allText(lastTurnOf(turns));
    expect(second).toMatch(/999/);
    expect(second).not.toMatch(/don't go with them/);
    expect(await auditTrail(harness.app, conversation.id)).toContain('advised-999:G-DANGER-YP-EXPLOITATION-AWAY');
  });

  it('by text, "im at my boyfriends hes 22" from a young person away now is the same, and a young person back home keeps the general words', async () => {
    const sms = await startSmsHarness({ now: '2026-11-26T21:15:00Z' });
    try {
      const away = '+447700900283';
      for (const text of ['hi', '2', '1', '1']) await sms.text(away, text);
      expect((await sms.text(away, 'im at my boyfriends hes 22')).replies.join('\n')).toMatch(/don't go with them[\s\S]*Call 999 now/);
      expect(await auditTrail(sms.app, sms.app.sms.conversationIdFor(away))).toContain('advised-999:G-DANGER-YP-EXPLOITATION-AWAY');
      const back = '+447700900284';
      for (const text of ['hi', '2', '1', '2']) await sms.text(back, text);
      await sms.text(back, 'my boyfriend is 22 he buys me stuff and says i owe him');
      const trail = await auditTrail(sms.app, sms.app.sms.conversationIdFor(back));
      expect(trail).toContain('advised-999:G-DANGER-YP-EXPLOITATION');
      expect(trail).not.toContain('advised-999:G-DANGER-YP-EXPLOITATION-AWAY');
    } finally {
      await sms.close();
    }
  });
});

describe('a sixteenth fresh walk: whether to tell, and a manager who does not answer', () => {
  it('by text, a friend\'s "should i tell some1 im scared shell get mad at me" is answered yes, with 999 and 101', async () => {
    const sms = await startSmsHarness({ now: '2026-11-28T19:00:00Z', env: { AREA: 'set' } });
    try {
      const phone = '+447700900285';
      for (const text of ['hi my best mate is missing', '1']) await sms.text(phone, text);
      const { replies } = await sms.text(phone, 'should i tell some1 im scared shell get mad at me');
      const text = replies.join('\n');
      expect(text).toMatch(/Yes, tell someone/);
      for (const number of ['999', '101']) expect(text).toContain(number);
      expect(text).not.toMatch(/only answer a few questions/);
    } finally {
      await sms.close();
    }
  });

  it('on the Bot Framework endpoint, a foster carer who "cant get hold of the on call manager" is told not to wait for them', async () => {
    const conversation = harness.conversation();
    const turns = await walk(
      conversation,
      [
        'hi foster carer, 10 yr old boy not home, was meant to be back from his mates at 7, its half 11',
        'i cant get hold of the on call manager or the social worker',
      ],
      { join: true },
    );
    expect(allText(lastTurnOf(turns))).not.toMatch(/didn't catch/);
    expect(await auditTrail(harness.app, conversation.id)).toContain('advised-101:G-ASK-MANAGER-UNREACHABLE');
  });
});

describe("a sixteenth fresh walk: a teacher's report of a child's burns and a threat", () => {
  it('on the Bot Framework endpoint, "I saw burns on his arms ... theyll torch his mums house" is the child\'s danger, not the teacher\'s own', async () => {
    const conversation = harness.conversation();
    const turns = await walk(
      conversation,
      [
        '4',
        'teacher or school staff',
        'a child is back',
        'he came back to school today, wont take his hoodie off and I saw burns on his arms, he said if he talks theyll torch his mums house',
      ],
      { join: true },
    );
    expect(allText(lastTurnOf(turns))).toMatch(/999/);
    expect(allText(lastTurnOf(turns))).not.toMatch(/so do you/);
    expect(await auditTrail(harness.app, conversation.id)).not.toContain('advised-999:G-DANGER-SELF-ADULT');
  });
});

describe('a sixteenth fresh walk: told on 101, then danger', () => {
  it('by text, "i rang 101 an hour ago, his mate saw him getting in a car with a man" is 999 now, not "you have called the police"', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
    try {
      const phone = '+447700900286';
      for (const text of ['hi', '1', 'missing now']) await sms.text(phone, text);
      const { replies } = await sms.text(
        phone,
        'my grandson is 13, not home since 6, i rang 101 an hour ago, his mate says he saw him getting in a car with a man near the station',
      );
      expect(replies.join('\n')).toMatch(/call 999 now/);
      const trail = await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone));
      expect(trail).toContain('advised-999:G-DANGER-999-NOW');
      expect(trail).not.toContain('advised-999:G-DANGER-POLICE-TOLD');
    } finally {
      await sms.close();
    }
  });

  it('on the Bot Framework endpoint, "ive rung 999 theyre coming, he has a knife" is still the call made', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['1', 'missing now', 'ive rung 999 theyre on the way, my son is 15 and he has a knife'], { join: true });
    expect(await auditTrail(harness.app, conversation.id)).toContain('advised-999:G-DANGER-POLICE-TOLD');
  });
});

describe('a sixteenth fresh walk: a daughter gone with an older man, in Arabic and Arabizi', () => {
  it('by text, Arabizi "tel2et ma3 shab kbir b siyara w ma 3am trod" is 999 now, as in English', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:50:00Z' });
    try {
      const phone = '+447700900287';
      await sms.text(phone, 'salam, binti 16 sene ma r5e3et 3al bet, tel2et ma3 shab kbir b siyara w ma 3am trod 3al telefon');
      expect(await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone))).toContain('advised-999:G-DANGER-999-NOW');
    } finally {
      await sms.close();
    }
  });

  it('on the Bot Framework endpoint, Arabic "طلعت مع رجل كبير ... وما ترد على التلفون" is 999 now, not the route for signs', async () => {
    const conversation = harness.conversation(undefined, { locale: 'ar' });
    await walk(conversation, ['ابنتي عمرها 15 سنة طلعت مع رجل كبير بالعمر في سيارة وما ترد على التلفون'], { join: true });
    expect(await auditTrail(harness.app, conversation.id)).toContain('advised-999:G-DANGER-999-NOW');
  });
});

describe('a sixteenth fresh walk: a carer at night whose young person is at a flat with older lads', () => {
  const first =
    'supported lodgings carer. the girl i have, 17, she texted her mate and the mate just told me shes at some flat in gillingham with some older lads. shes 5 hrs overdue';

  it('on the Bot Framework endpoint, it is 999 now, the danger is not asked after it, and "i know roughly" says where', async () => {
    const medway = await startHarness({ now: '2026-11-25T02:30:00Z', env: { AREA: 'medway' } });
    try {
      const conversation = medway.conversation();
      const turns = await walk(conversation, [first, 'i know roughly'], { join: true });
      const told = allText(turns[1] ?? []);
      expect(told).toMatch(/call 999 now/);
      expect(told).not.toMatch(/in danger right now\?/);
      expect(allText(lastTurnOf(turns))).not.toMatch(/didn't catch/);
      expect(await auditTrail(medway.app, conversation.id)).toContain('advised-999:G-DANGER-999-NOW');
    } finally {
      await medway.close();
    }
  });

  it('by text, "5 hrs overdue" with older lads is 999 now, not the route for signs', async () => {
    const sms = await startSmsHarness({ now: '2026-11-25T02:30:00Z', env: { AREA: 'medway' } });
    try {
      const phone = '+447700900288';
      const { replies } = await sms.text(phone, first);
      expect(replies.join('\n')).toMatch(/call 999 now/);
      expect(await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone))).not.toContain('disclosure-heard:G-DISCLOSE-ADULT-EXPLOITED');
    } finally {
      await sms.close();
    }
  });
});

describe('a sixteenth fresh walk: a sighting said at a yes/no question', () => {
  const steps = ['1', 'missing now', 'no', 'about 7 tonight', 'yes', '14'];
  const sighting = 'her friend just saw her at the station 20 mins ago';

  it('on the Bot Framework endpoint, "her friend just saw her at the station" is news for the police, not a miss', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, [...steps, sighting], { join: true });
    expect(allText(lastTurnOf(turns))).not.toMatch(/didn't catch/);
    expect(await auditTrail(harness.app, conversation.id)).toContain('advised-101:G-CHILD-SIGHTED');
  });

  it('by text, the same', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
    try {
      const phone = '+447700900289';
      for (const text of ['hi', ...steps]) await sms.text(phone, text);
      const { replies } = await sms.text(phone, sighting);
      expect(replies.join('\n')).not.toMatch(/didn't catch/);
      expect(await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone))).toContain('advised-101:G-CHILD-SIGHTED');
    } finally {
      await sms.close();
    }
  });
});

describe('a sixteenth fresh walk: "gone missing once before", in their words', () => {
  const before = 'hes gone missing once before last summer, he was at a mates in chatham';

  it('by text, at "Have they gone missing before?" it is a yes, and the number of times is asked next', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
    try {
      const phone = '+447700900290';
      for (const text of [
        'hi',
        '1',
        'missing now',
        'yes he is with older lads in a car',
        'about 7 tonight',
        'yes',
        '14',
        'no',
        'no',
        'no',
        'no',
      ])
        await sms.text(phone, text);
      const { replies } = await sms.text(phone, before);
      expect(replies.join('\n')).not.toMatch(/didn't catch/);
      expect(replies.join('\n')).toMatch(/How many times/);
    } finally {
      await sms.close();
    }
  });

  it('on the Bot Framework endpoint, said at another question, it is noted and not asked again', async () => {
    const conversation = harness.conversation();
    const turns = await walk(
      conversation,
      ['1', 'missing now', 'yes he is with older lads in a car', 'about 7 tonight', 'yes', '14', 'no', 'no', 'no', before, 'no'],
      { join: true },
    );
    expect(allText(turns[10] ?? [])).toMatch(/noted/);
    expect(turns.map(allText).join('\n')).not.toMatch(/Have they gone missing before\?/);
    expect(allText(lastTurnOf(turns))).toMatch(/How many times/);
  });
});

describe('a sixteenth fresh walk: writing again after the booking', () => {
  const booked = ['2', 'yes', 'im back', 'someone new', 'last night', 'yes', 'library', '1', 'text my mobile', '07700900123', 'yes'];

  it('by text, "cheers ur a lifesaver" after the booking is thanked, not the chat started again', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
    try {
      const phone = '+447700900292';
      for (const text of ['hi', ...booked.slice(0, 8)]) await sms.text(phone, text);
      expect((await sms.text(phone, '1')).replies.join('\n')).toMatch(/Shall I send this/);
      expect((await sms.text(phone, 'yes')).replies.join('\n')).toMatch(/Sent to the team/);
      const { replies } = await sms.text(phone, 'cheers ur a lifesaver');
      expect(replies.join('\n')).toMatch(/You're welcome/);
      expect(replies.join('\n')).not.toMatch(/Welcome back|are you safe right now/i);
    } finally {
      await sms.close();
    }
  });
});

describe('a sixteenth fresh walk: "bye" after danger', () => {
  it('by text, "im gonna jump" then "bye" is answered with 999 and people to talk to now, not "OK, I\'ve stopped"', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T21:05:00Z', env: { AREA: 'medway' } });
    try {
      const phone = '+447700900293';
      for (const text of ['hey', '2', '2', 'im on the bridge over the a2', 'im gonna jump']) await sms.text(phone, text);
      const { replies } = await sms.text(phone, 'bye');
      const text = replies.join('\n');
      expect(text).toMatch(/999 now/);
      expect(text).toMatch(/Childline/);
      expect(text).not.toMatch(/I've stopped/);
      expect(await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone))).toContain('advised-999:G-STOP-AFTER-DANGER-YP');
    } finally {
      await sms.close();
    }
  });

  it('on the Bot Framework endpoint, "bye" with no danger said is still a plain stop', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['2', '1', 'bye'], { join: true });
    expect(allText(lastTurnOf(turns))).toMatch(/I've stopped/);
    expect(await auditTrail(harness.app, conversation.id)).not.toContain('advised-999:G-STOP-AFTER-DANGER-YP');
  });
});

describe('a sixteenth fresh walk: held, in Arabic; a refusal to call is no "no"', () => {
  it('on the Bot Framework endpoint, Arabic "رجل لا يسمح له بالخروج من شقة" (a man will not let him leave a flat) is 999 now', async () => {
    const conversation = harness.conversation(undefined, { locale: 'ar' });
    await walk(conversation, ['ابني عمره ١٣ سنة لم يرجع للبيت. أرسل لي رسالة يقول انه خائف وان رجل لا يسمح له بالخروج من شقة'], {
      join: true,
    });
    expect(await auditTrail(harness.app, conversation.id)).toContain('advised-999:G-DANGER-999-NOW');
  });

  it('by text, "no i dont want to call anyone" after the straight question is not "no, not thinking of it"', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
    try {
      const phone = '+447700900294';
      for (const text of ['hi', '2', 'im on the bridge and i want to die']) await sms.text(phone, text);
      await sms.text(phone, 'no i dont want to call anyone');
      const trail = await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone));
      expect(trail).toContain('advised-999:Y-THINKING-OF-SUICIDE');
      expect(trail).not.toContain('advised-999:Y-NOT-THINKING-OF-SUICIDE');
    } finally {
      await sms.close();
    }
  });
});

describe('a sixteenth fresh walk: what a young person says on a 999 call', () => {
  it('by text, "ok fine what do i say to them" after pills is what to tell the 999 call, not the parent\'s list for a missing child', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z', env: { AREA: 'thames-valley' } });
    try {
      const phone = '+447700900295';
      for (const text of ['hi', '2', 'i took 12 paracetamol an hour ago']) await sms.text(phone, text);
      const { replies } = await sms.text(phone, 'ok fine what do i say to them');
      expect(replies.join('\n')).toMatch(/where you are/);
      expect(replies.join('\n')).not.toMatch(/recent photo|date of birth/);
    } finally {
      await sms.close();
    }
  });

  it('on the Bot Framework endpoint, a parent\'s "what do i say to them" is still the police\'s list', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['my son is 14 and hasnt come home', 'what do i say to them'], { join: true });
    expect(await auditTrail(harness.app, conversation.id)).not.toContain('G-ASK-WHAT-TO-SAY-YP');
    expect(allText(lastTurnOf(turns))).not.toMatch(/only answer a few questions/);
  });
});

describe('a sixteenth fresh walk: seen with men, at night', () => {
  it('by text, a foster carer whose 16-year-old was seen "with some men in a black car" at 2am is told 999 now', async () => {
    const sms = await startSmsHarness({ now: '2026-11-25T02:00:00Z' });
    try {
      const phone = '+447700900296';
      await sms.text(
        phone,
        'im a foster carer. the boy is 16 been with us 2 months, went out at 7 and not back, its 2am now. his mate told me he saw him with some men in a black car',
      );
      expect(await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone))).toContain('advised-999:G-DANGER-999-NOW');
    } finally {
      await sms.close();
    }
  });

  it('on the Bot Framework endpoint, a 13-year-old crying from a flat where "theres men there" is 999 now', async () => {
    const conversation = harness.conversation();
    await walk(
      conversation,
      [
        'my granddaughter is 13, she lives with me. she just rang me crying from a flat in town saying can i come and get her, theres men there and shes had something to drink. then the phone cut off',
      ],
      { join: true },
    );
    expect(await auditTrail(harness.app, conversation.id)).toContain('advised-999:G-DANGER-999-NOW');
  });
});

describe('a sixteenth fresh walk: more talk of ending it before the yes', () => {
  it('by text, "yeah i think about it alot" after more of the same talk still answers the straight question', async () => {
    const sms = await startSmsHarness({ now: '2026-11-25T01:00:00Z' });
    try {
      const phone = '+447700900297';
      for (const text of ['hi', '2', '1', 'im ok i guess just tired of everything', 'nobody would even notice if i wasnt here tbh'])
        await sms.text(phone, text);
      const { replies } = await sms.text(phone, 'yeah i think about it alot');
      expect(replies.join('\n')).not.toMatch(/didn't catch/);
      expect(await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone))).toContain('advised-999:Y-THINKING-OF-SUICIDE');
    } finally {
      await sms.close();
    }
  });

  it('on the Bot Framework endpoint, "i wrote notes for my friends already" is talk of ending their life, and a friend\'s "if i tell will she get in trouble" is answered', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['2', 'i just dont see the point anymore', 'i wrote notes for my friends already'], { join: true });
    expect(await auditTrail(harness.app, conversation.id)).toContain('advised-999:G-DANGER-YP-SUICIDE-AGAIN');
    const friend = harness.conversation();
    const turns = await walk(
      friend,
      ['2', 'my best mate has been missing since friday shes 13', 'if i tell will she get in trouble? will i?'],
      {
        join: true,
      },
    );
    expect(allText(lastTurnOf(turns))).toMatch(/Yes, tell someone/);
  });
});

describe('a sixteenth fresh walk: an age put right at the name question', () => {
  const steps = [
    '1',
    'missing now',
    'yes he said he was going to meet someone he met online',
    'about 7 tonight',
    'yes',
    '14',
    'yes',
    'no',
    'no',
    'no',
    'no',
  ];
  const correction = 'sorry she is 13 not 14, her birthdays next month im all over the place';

  it('on the Bot Framework endpoint, it is kept as the age, and the name is asked again', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, [...steps, correction], { join: true });
    expect(allText(turns[turns.length - 2] ?? [])).toMatch(/full name/);
    const text = allText(lastTurnOf(turns));
    expect(text).toMatch(/noted that they are 13/);
    expect(text).toMatch(/full name/);
    expect(text).not.toMatch(/date of birth/);
  });

  it('by text, the same', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
    try {
      const phone = '+447700900298';
      for (const text of ['hi', ...steps]) await sms.text(phone, text);
      const { replies } = await sms.text(phone, correction);
      expect(replies.join('\n')).toMatch(/full name/);
      expect((await sms.text(phone, 'amy jones')).replies.join('\n')).toMatch(/date of birth/);
    } finally {
      await sms.close();
    }
  });
});

describe('a sixteenth fresh walk: 999 rung after 101', () => {
  const said = [
    'my daughter is 15 and not home, i phoned 101 at 9, now her mate says she got in a van with 2 men',
    'ive rung 999 now theyre sending someone',
  ];

  it('on the Bot Framework endpoint, "should i ring 101 as well" after "ive rung 999 now" is not told "Earlier I said to call 999"', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, [...said, 'should i ring 101 as well'], { join: true });
    expect(allText(lastTurnOf(turns))).toMatch(/101/);
    expect(allText(lastTurnOf(turns))).not.toMatch(/Earlier I said/);
  });

  it('by text, the same', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
    try {
      const phone = '+447700900299';
      for (const text of said) await sms.text(phone, text);
      const { replies } = await sms.text(phone, 'should i ring 101 as well');
      expect(replies.join('\n')).not.toMatch(/Earlier I said/);
    } finally {
      await sms.close();
    }
  });
});

describe('a seventeenth fresh walk: threats, offers and denials in other words', () => {
  it('by text, "if i dont he says hell hurt my little bro": the "dont" is a clause of its own, and the threat is 999', async () => {
    const sms = await startSmsHarness({ now: '2026-11-25T13:00:00Z' });
    try {
      const phone = '+447700900300';
      for (const text of ['young person', '1', 'back']) await sms.text(phone, text);
      const { replies } = await sms.text(phone, 'if i dont he says hell hurt my little bro');
      expect(replies.join('\n')).toMatch(/999/);
      const trail = await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone));
      // Heard as danger, not as a worry to ask about.
      expect(trail).toEqual(['advised-999:G-DANGER-YP']);
    } finally {
      await sms.close();
    }
  });

  it('on the Bot Framework endpoint, a man offering a lift and a place to stay is "call 999 now", and "should i go with him" is answered with it', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['young person', 'yes', 'away'], { join: true });
    const [offer] = await walk(conversation, ['some man offered me a lift and a place to stay']);
    expect(allText(offer ?? [])).toMatch(/999 now/);
    const [asked] = await walk(conversation, ['should i go with him']);
    expect(allText(asked ?? [])).toMatch(/999/);
    expect(allText(asked ?? [])).not.toMatch(/only answer a few questions/);
    const trail = await auditTrail(harness.app, conversation.id);
    expect(trail.some((row) => /^advised-999:G-DANGER-YP-EXPLOITATION/.test(row))).toBe(true);
  });

  it("by text, a dad who threatens to kill a young person if they tell is harm at home: children's services, day and night", async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
    try {
      const phone = '+447700900301';
      for (const text of ['young person', '1', 'back']) await sms.text(phone, text);
      const { replies } = await sms.text(phone, 'my dad said if i tell anyone about what happened hell kill me');
      const said = replies.join('\n');
      expect(said).toMatch(/999/);
      expect(said).toMatch(/03000 419191/);
      const trail = await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone));
      expect(trail).toContain('disclosure-heard:G-DISCLOSE-YP-HOME');
    } finally {
      await sms.close();
    }
  });

  it('"no weapons, no drugs, no known gang links" from a social worker is no emergency: English "no" negates a word other languages share', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['A professional', 'Social worker'], { join: true });
    await walk(conversation, ['14 year old boy missing from home since 4pm. no weapons, no drugs, no known gang links']);
    const trail = await auditTrail(harness.app, conversation.id);
    expect(trail.filter((row) => row.startsWith('advised-999'))).toEqual([]);
  });

  it('by text, "honestly cant be bothered with anything no more" at "are you safe?" is the straight question, not "didn\'t catch that"', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
    try {
      const phone = '+447700900302';
      await sms.text(phone, 'im 15 i ran away last night');
      const { replies } = await sms.text(phone, 'honestly cant be bothered with anything no more');
      expect(replies.join('\n')).toMatch(/ending your life/);
      expect(replies.join('\n')).not.toMatch(DIDNT_CATCH);
    } finally {
      await sms.close();
    }
  });

  it('on the Bot Framework endpoint, "ive rung 999 now" at "when did you last see them?" is the call, not the time', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['my daughter is 13 and she hasnt come home', 'yes', 'no', 'ive rung 999 now'], { join: true });
    const text = allText(lastTurnOf(turns));
    expect(text).not.toMatch(/I read that as/);
    expect(text).toMatch(/last see/i);
  });
});

describe('a seventeenth fresh walk: "Is that right?" by text, answered in words', () => {
  it('"im her foster carer not her mum" takes the carer\'s steps, not "Who is writing?" again', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
    try {
      const phone = '+447700900303';
      await sms.text(phone, 'my daughter hasnt come home she is 14');
      const { replies } = await sms.text(phone, 'im her foster carer not her mum');
      const said = replies.join('\n');
      expect(said).not.toMatch(/Who is writing/);
      expect(said).toMatch(/in danger right now/);
      const reading = await sms.text(phone, '2');
      expect(reading.replies.join('\n')).not.toMatch(DIDNT_CATCH);
    } finally {
      await sms.close();
    }
  });

  it('"im back home now" after a guess of "away" confirms who is writing and goes on as back', async () => {
    const sms = await startSmsHarness({ now: '2026-11-25T10:00:00Z' });
    try {
      const phone = '+447700900304';
      await sms.text(phone, 'i ran away last night');
      await sms.text(phone, 'im back home now');
      const { replies } = await sms.text(phone, '1');
      const said = replies.join('\n');
      expect(said).toMatch(/return interview/);
      expect(said).not.toMatch(/away from home now, or/);
    } finally {
      await sms.close();
    }
  });
});

describe("a seventeenth fresh walk: an adult's age is not the child's", () => {
  it('on the Bot Framework endpoint, "went off with a man from snapchat, he says hes 19" keeps the child\'s route and asks the child\'s age', async () => {
    const conversation = harness.conversation();
    const turns = await walk(
      conversation,
      ['A parent or family member', 'Missing now', 'my daughter went off with a man from snapchat, he says hes 19, she left at 8'],
      { join: true },
    );
    const text = turns.slice(-1).map(allText).join('\n');
    expect(text).toMatch(/999/);
    expect(text).not.toMatch(/noted that they are 19|missing adult/);
  });

  it('by text, "hes with his brother whos 21" is the brother\'s age', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
    try {
      const phone = '+447700900305';
      await sms.text(phone, 'A parent or family member');
      await sms.text(phone, 'Missing now');
      const { replies } = await sms.text(phone, 'my son hasnt come home, hes with his brother whos 21');
      expect(replies.join('\n')).not.toMatch(/21/);
    } finally {
      await sms.close();
    }
  });
});

describe('a seventeenth fresh walk: still missing hours later, never reported', () => {
  const TO_STEP_THREE = ['A parent or family member', 'Missing now', 'No', '8pm', 'Yes', '14', 'Yes', 'No', 'Done'];

  it('on the Bot Framework endpoint, "i havent called the police yet" at 2am is told to report now on 101, not "call 101 again"', async () => {
    harness.clock.set('2026-11-24T23:00:00Z');
    const conversation = harness.conversation();
    await walk(conversation, TO_STEP_THREE, { join: true });
    harness.clock.advance(150 * 60_000);
    const [later] = await walk(conversation, ['still not back its 2am, i havent called the police yet should i']);
    const text = allText(later ?? []);
    expect(text).toMatch(/101 now/);
    expect(text).not.toMatch(/101 again/);
    expect(await auditTrail(harness.app, conversation.id)).toContain('advised-101:P-STILL-MISSING-UNREPORTED');
  });

  it('by text, a parent who said the police were told gets "101 again with anything new"', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
    try {
      const phone = '+447700900306';
      for (const text of ['my son is 14 and not home', '1', '2', 'about 8pm', '1', '1', '2', 'we rang the police already', '1'])
        await sms.text(phone, text);
      sms.clock.advance(150 * 60_000);
      await sms.text(phone, 'still not back its 2am');
      const trail = await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone));
      expect(trail).toContain('advised-101:P-STILL-MISSING');
      expect(trail).not.toContain('advised-101:P-STILL-MISSING-UNREPORTED');
    } finally {
      await sms.close();
    }
  });
});

describe('a seventeenth fresh walk: "do i need to ring 101 first?" just after 999', () => {
  it('on the Bot Framework endpoint, a parent of a drunk 14-year-old who will not wake is told no: 999 now', async () => {
    const conversation = harness.conversation();
    await walk(
      conversation,
      ['shes back but shes really drunk cant stand up properly been sick twice and keeps falling asleep on the sofa shes only 14'],
      { join: true },
    );
    const [asked] = await walk(conversation, ['do i need to ring 101 first?']);
    expect(allText(asked ?? [])).toMatch(/call 999 now, not 101/);
    expect(allText(asked ?? [])).not.toMatch(/only answer a few questions/);
    expect(await auditTrail(harness.app, conversation.id)).toContain('advised-101:G-ASK-WHEN-TO-REPORT');
  });

  it('by text, the same question with no danger told is still "999 if in danger, else 101 once you have looked"', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
    try {
      const phone = '+447700900307';
      await sms.text(phone, 'my son is 12 and hasnt come home from football');
      const { replies } = await sms.text(phone, 'do i need to ring 101 first?');
      expect(replies.join('\n')).toMatch(/101/);
      const trail = await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone));
      expect(trail).toContain('advised-101:G-ASK-WHEN-TO-REPORT');
      expect(replies.join('\n')).not.toMatch(/Earlier I said/);
    } finally {
      await sms.close();
    }
  });
});

describe('a seventeenth fresh walk: messages found, not a child found', () => {
  const TO_STEP_TWO = ['A parent or family member', 'Missing now', 'No', '8pm', 'Yes', '15', 'Yes', 'No'];

  it('on the Bot Framework endpoint, "found messages ... from a man saying hes picking her up tonight and shes to delete everything" is 999 now, and no "are they back?"', async () => {
    const conversation = harness.conversation();
    await walk(conversation, TO_STEP_TWO, { join: true });
    const [found] = await walk(conversation, [
      'found messages on her ipad from a man saying hes picking her up tonight and shes to delete everything',
    ]);
    const text = allText(found ?? []);
    expect(text).toMatch(/999 now/);
    expect(text).not.toMatch(/are they back|ending their life/i);
  });

  it('by text, the same: 999 now, not "are they back?"', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
    try {
      const phone = '+447700900308';
      for (const text of ['my daughter is 15 and hasnt come home', '1', '2', '8pm', '1', '1', '2']) await sms.text(phone, text);
      const { replies } = await sms.text(
        phone,
        'found messages on her ipad from a man saying hes picking her up tonight and shes to delete everything',
      );
      expect(replies.join('\n')).toMatch(/999 now/);
      expect(replies.join('\n')).not.toMatch(/are they back|glad they are back/i);
    } finally {
      await sms.close();
    }
  });
});

describe('a seventeenth fresh walk: where to meet is not where they are', () => {
  const TO_BACK_CONFIRM = ['young person', 'yes', 'im back', 'Someone new', 'tuesday after school'];

  it('on the Bot Framework endpoint, "can it be at school not at home" while the meeting is made keeps them back', async () => {
    const local = await startHarness({ now: '2026-11-25T16:00:00Z' });
    try {
      const conversation = local.conversation();
      const turns = await walk(conversation, [...TO_BACK_CONFIRM, 'can it be at school not at home'], { join: true });
      expect(allText(lastTurnOf(turns))).not.toMatch(/had that wrong|still away/);
    } finally {
      await local.close();
    }
  });

  it('by text, the same', async () => {
    const sms = await startSmsHarness({ now: '2026-11-25T16:00:00Z' });
    try {
      const phone = '+447700900309';
      await sms.text(phone, 'hi');
      for (const text of ['2', '1', '2', '2', 'tuesday after school']) await sms.text(phone, text);
      const { replies } = await sms.text(phone, 'can it be at school not at home');
      expect(replies.join('\n')).not.toMatch(/had that wrong|still away/);
    } finally {
      await sms.close();
    }
  });
});

describe('a seventeenth fresh walk: "r u still there" after a long quiet', () => {
  it('by text, a young person away at night who writes again after 90 minutes is told the bot is still here, not "didn\'t catch that"', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
    try {
      const phone = '+447700900310';
      await sms.text(phone, 'im 14 and i ran away tonight');
      await sms.text(phone, 'yes');
      sms.clock.advance(90 * 60_000);
      const { replies } = await sms.text(phone, 'hello?? r u still there');
      expect(replies.join('\n')).toMatch(/still here/);
      expect(replies.join('\n')).not.toMatch(DIDNT_CATCH);
    } finally {
      await sms.close();
    }
  });

  it('on the Bot Framework endpoint, a parent\'s "hi" two hours into the search is the same', async () => {
    harness.clock.set('2026-11-24T23:00:00Z');
    const conversation = harness.conversation();
    await walk(conversation, ['A parent or family member', 'Missing now', 'No', '8pm', 'Yes', '14', 'Yes', 'No'], { join: true });
    harness.clock.advance(120 * 60_000);
    const [hi] = await walk(conversation, ['hi']);
    expect(allText(hi ?? [])).toMatch(/still here/);
    expect(allText(hi ?? [])).toMatch(/Step 2 of 7/);
  });
});

describe("a seventeenth fresh walk: a parent's own questions", () => {
  it('on the Bot Framework endpoint, "should i go out looking or stay home?" is answered: search and phone round, then 101', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['mum', 'my son jayden hes 15 went out about 6 and not back and not answering'], { join: true });
    const [asked] = await walk(conversation, ['should i go out looking or stay home?']);
    const text = allText(asked ?? []);
    expect(text).toMatch(/101/);
    expect(text).not.toMatch(/only answer a few questions/);
    expect(await auditTrail(harness.app, conversation.id)).toContain('advised-101:G-ASK-GO-LOOKING');
  });

  it('by text, "is it even missing if she texted?" is answered yes, with 101 to talk it through', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
    try {
      const phone = '+447700900311';
      await sms.text(phone, 'my daughter is 15 and not home, she texted at 9 saying shes fine but wont say where');
      const { replies } = await sms.text(phone, 'is it even missing if she texted?');
      expect(replies.join('\n')).toMatch(/101/);
      expect(replies.join('\n')).not.toMatch(/only answer a few questions/);
      expect(await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone))).toContain('advised-101:G-ASK-IS-IT-MISSING');
    } finally {
      await sms.close();
    }
  });

  it('in Polish, "czy to już zaginięcie?" is the same question', async () => {
    const conversation = harness.conversation(undefined, { locale: 'pl-PL' });
    await walk(conversation, ['Rodzic lub członek rodziny', 'Zaginione teraz'], { join: true });
    await walk(conversation, ['czy to już zaginięcie? napisała sms ale nie wiem gdzie jest']);
    expect(await auditTrail(harness.app, conversation.id)).toContain('advised-101:G-ASK-IS-IT-MISSING');
  });
});

describe('a seventeenth fresh walk: a young person who cannot call safely', () => {
  it('by text, "i cant call 999 they will know" is given a quiet way too: a text to 116 000 and an adult they trust', async () => {
    const sms = await startSmsHarness({ now: '2026-11-25T13:00:00Z' });
    try {
      const phone = '+447700900312';
      for (const text of ['young person', '1', '1']) await sms.text(phone, text);
      const { replies } = await sms.text(phone, 'i cant call 999 they will know');
      const said = replies.join('\n');
      expect(said).toMatch(/999/);
      expect(said).toMatch(/116 000/);
      expect(await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone))).toContain('advised-999:G-ASK-CANT-CALL-YP');
    } finally {
      await sms.close();
    }
  });

  it('on the Bot Framework endpoint, a parent asking the same is given the silent call only', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['A parent or family member', 'Missing now'], { join: true });
    await walk(conversation, ['i cant ring 999 he will hear me']);
    const trail = await auditTrail(harness.app, conversation.id);
    expect(trail).toContain('advised-999:G-ASK-CANT-CALL');
    expect(trail).not.toContain('advised-999:G-ASK-CANT-CALL-YP');
  });
});

describe('a seventeenth fresh walk: an age put right in other words', () => {
  it.each([
    ['13 not 14 sorry', 13],
    ['oops typo 16', 16],
    ['actually she turned 15 last month', 15],
  ])('on the Bot Framework endpoint, "%s" after "14" is kept as %i', async (correction, age) => {
    const conversation = harness.conversation();
    await walk(conversation, ['my daughter is 14 and hasnt come home'], { join: true });
    const [turn] = await walk(conversation, [correction]);
    expect(allText(turn ?? [])).toContain(`they are ${age}`);
    expect(allText(turn ?? [])).not.toMatch(DIDNT_CATCH);
  });

  it('by text, "9 not 10" at "is that the time?" is not an age', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:30:00Z' });
    try {
      const phone = '+447700900313';
      for (const text of ['my daughter hasnt come home', '1', '2', '10pm']) await sms.text(phone, text);
      const { replies } = await sms.text(phone, '9 not 10');
      expect(replies.join('\n')).not.toMatch(/they are 9/);
    } finally {
      await sms.close();
    }
  });
});

describe('a seventeenth fresh walk: danger in everyday words', () => {
  it.each([
    ['she doesnt know him, hes about 40, shes getting in his car right now outside the chicken shop', 'advised-999:G-DANGER-999-NOW'],
    ['cant stop being sick after what i took at the party', 'advised-999:G-DANGER-YP-MEDICAL'],
  ])('on the Bot Framework endpoint, "%s" is %s', async (message, rule) => {
    const conversation = harness.conversation();
    await walk(conversation, [message], { join: true });
    expect(await auditTrail(harness.app, conversation.id)).toContain(rule);
  });

  it('by text, a missing 14-year-old who "took all the pills from my bathroom cupboard with him" is 999 now, not "if they may act on it"', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
    try {
      const phone = '+447700900314';
      await sms.text(phone, 'A parent or family member');
      await sms.text(phone, 'Missing now');
      const { replies } = await sms.text(phone, 'not really but he took all the pills from my bathroom cupboard with him');
      expect(replies.join('\n')).toMatch(/999 now/);
      expect(await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone))).toContain('advised-999:G-DANGER-SUICIDE');
    } finally {
      await sms.close();
    }
  });

  it('by text, a young person at the park with "her sleeping tablets, im going to have them all" is asked about themselves, not about a friend', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
    try {
      const phone = '+447700900315';
      for (const text of ['i ran away', 'yes']) await sms.text(phone, text);
      const { replies } = await sms.text(
        phone,
        'im at the park. ive got a bottle of my mums vodka and her sleeping tablets, im going to have them all',
      );
      expect(replies.join('\n')).toMatch(/999/);
      expect(replies.join('\n')).not.toMatch(/your friend/);
    } finally {
      await sms.close();
    }
  });
});

describe('a seventeenth fresh walk: the same danger in every language', () => {
  it.each([
    [
      'pl-PL',
      'mam 14 lat, mieszkam u starszego chłopaka i teraz chce żebym robiła różne rzeczy z jego kolegami żeby zapłacić za spanie u niego',
    ],
    [
      'ro-RO',
      'salut am 14 ani, am fugit de acasa de 2 zile, stau la un baiat mai mare, acum vrea sa fac lucruri cu prietenii lui ca sa platesc ca stau aici',
    ],
    ['ar', 'عمري ١٤ سنة، ساكنة عند شب اكبر مني وهلأ بدو ياني اعمل اشيا مع اصحابه مشان ادفع حق النومة عنده'],
    ['ar', 'الرجل اللي اعطاني التلفون جاي ياخدني بعد ١٠ دقايق'],
  ])(
    'on the Bot Framework endpoint, a young person in %s made to pay for a bed, or collected by the man who gave them a phone, is told 999 now',
    async (locale, message) => {
      const conversation = harness.conversation(undefined, { locale });
      await walk(conversation, [message], { join: true });
      expect(await auditTrail(harness.app, conversation.id)).toContainEqual(expect.stringMatching(/^advised-999:G-DANGER-YP-EXPLOITATION/));
    },
  );

  it('on the Bot Framework endpoint, an Arabic foster carer whose boy "arrived a week ago" and left in a taxi someone else paid for is told he is missing, not back', async () => {
    const conversation = harness.conversation(undefined, { locale: 'ar' });
    const [first] = await walk(
      conversation,
      ['انا مربية بديلة (فوستر)، عندي ولد عمره ١٦ طالب لجوء لحاله وصل من اسبوع، اختفى الصبح مع شنطته، جاء تكسي واحد تاني دفع حقه'],
      { join: true },
    );
    expect(allText(first ?? [])).toContain('999');
    expect(await auditTrail(harness.app, conversation.id)).toContain('advised-999:G-DANGER-999-NOW');
  });

  it('by text, a teacher whose pupil "went off with a man in a car at the bus stop" is told 999 now', async () => {
    const sms = await startSmsHarness({ now: '2026-11-25T11:30:00Z' });
    try {
      const phone = '+447700900316';
      const { replies } = await sms.text(
        phone,
        'teacher. year 9 girl not in today, friends say she went off with a man in a car at the bus stop this morning',
      );
      expect(replies.join('\n')).toMatch(/999 now/);
    } finally {
      await sms.close();
    }
  });
});

describe('a seventeenth fresh walk: probes of danger and of everyday talk', () => {
  it.each([
    ['theres men at the door saying i have to do a run to london or theyll hurt my little brother', /999 now/],
    ['my mate downed half a bottle of vodka and shes not answering when we shake her', /999 now/],
  ])('by text, "%s" is 999 now, not "if"', async (message, said) => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
    try {
      const phone = '+447700900317';
      const { replies } = await sms.text(phone, message);
      expect(replies.join('\n')).toMatch(said);
      // Not the checklist ("if they are very drowsy ...") nor the general "if you are in danger".
      expect(replies.join('\n')).not.toMatch(/If they are very drowsy|If you are in danger right now/);
    } finally {
      await sms.close();
    }
  });

  it.each(['watching a film about a kidnapping its so good', 'we had a knife crime assembly today'])(
    'on the Bot Framework endpoint, "%s" raises no 999',
    async (message) => {
      const conversation = harness.conversation();
      await walk(conversation, ['young person', 'yes', 'back', message], { join: true });
      expect((await auditTrail(harness.app, conversation.id)).filter((row) => row.startsWith('advised-999'))).toEqual([]);
    },
  );
});

describe('a seventeenth fresh walk: talk of ending a life before anyone says who they are', () => {
  it('on the Bot Framework endpoint, "i just have a plan to make it all stop tonight" is asked straight, not taken for a parent, and the "yes" is answered', async () => {
    const conversation = harness.conversation();
    const [, first] = await walk(conversation, ['i just have a plan to make it all stop tonight'], { join: true });
    expect(allText(first ?? [])).toMatch(/ending your life/);
    expect(allText(first ?? [])).not.toMatch(/your child/);
    const [answer] = await walk(conversation, ['yes']);
    expect(allText(answer ?? [])).not.toMatch(DIDNT_CATCH);
    // Whoever writes it (not yet said, or guessed a young person), the plan tonight is 999 now.
    const [danger, thinking, ...more] = await auditTrail(harness.app, conversation.id);
    expect(danger).toMatch(/^advised-999:G-DANGER-(SELF-UNKNOWN|YP-SUICIDE-NOW)$/);
    expect([thinking, ...more]).toEqual(['advised-999:Y-THINKING-OF-SUICIDE']);
  });

  it('by text, the same, and "no not like that" is answered as the no, with who is writing asked after it', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
    try {
      const phone = '+447700900318';
      const { replies } = await sms.text(phone, 'i just have a plan to make it all stop tonight');
      expect(replies.join('\n')).toMatch(/ending your life/);
      const no = (await sms.text(phone, 'no not like that')).replies.join('\n');
      expect(no).not.toMatch(DIDNT_CATCH);
      // "Who is writing?", or the guess put to them: "It sounds like you are a young person... Is that right?"
      expect(no).toMatch(/Who is writing|Is that right\?/);
      const trail = await auditTrail(sms.app, sms.app.sms.conversationIdFor(phone));
      expect(trail).toHaveLength(1);
      expect(trail[0]).toMatch(/^advised-999:G-DANGER-(SELF-UNKNOWN|YP-SUICIDE-NOW)$/);
    } finally {
      await sms.close();
    }
  });
});

describe('a seventeenth fresh walk: back and hurt, said in the same words as the ambulance', () => {
  it('on the Bot Framework endpoint, a child back "with a cut on his head and really sleepy" is not then asked "Are they hurt or unwell?"', async () => {
    harness.clock.set('2026-11-24T23:00:00Z');
    const conversation = harness.conversation();
    await walk(conversation, ['A parent or family member', 'Missing now', 'No', '8pm', 'Yes', '13', 'Yes', 'No'], { join: true });
    harness.clock.advance(60 * 60_000);
    const [back] = await walk(conversation, ['hes back!! a man brought him to the door. hes got a cut on his head and is really sleepy']);
    expect(allText(back ?? [])).toMatch(/glad they are back/);
    expect(allText(back ?? [])).not.toMatch(/hurt or unwell/);
    const trail = await auditTrail(harness.app, conversation.id);
    expect(trail).toContain('advised-999:G-DANGER-MEDICAL');
    expect(trail.some((row) => row.endsWith(':P-RETURN-HURT'))).toBe(false);
  });
});

describe('a seventeenth fresh walk, typed again after the read', () => {
  it('by text, "nah im his nan not his mum" at "Is that right?" goes on as family, not "Who is writing?"', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
    try {
      const phone = '+447700900319';
      await sms.text(phone, 'my son aint come home hes 15');
      const { replies } = await sms.text(phone, 'nah im his nan not his mum');
      expect(replies.join('\n')).not.toMatch(/Who is writing/);
      expect(replies.join('\n')).toMatch(/missing now, or are they back/);
    } finally {
      await sms.close();
    }
  });

  it('on the Bot Framework endpoint, "u there??" after 45 minutes is answered as still here', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['young person', 'no', 'away'], { join: true });
    harness.clock.advance(45 * 60_000);
    const [turn] = await walk(conversation, ['u there??']);
    expect(allText(turn ?? [])).toMatch(/still here/);
    expect(allText(turn ?? [])).not.toMatch(DIDNT_CATCH);
  });
});
