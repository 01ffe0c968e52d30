// The parent journey as transcripts, with the clock set to Tuesday 24 November 2026, 23:00.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ManualClock } from '../bot/platform/clock';
import { purgeExpiredState } from '../bot/scheduled/retention';
import { openPglite } from '../bot/store/database';
import { keepPeriodsFor } from '../dialogs/parent/profileDialog';
import { countSegments } from '../channels/sms/segments';
import {
  auditTrail,
  allText,
  cardFacts,
  lastTurn,
  optionTitles,
  startHarness,
  walk,
  type Conversation,
  type Harness,
} from './support/harness';
import { startSmsHarness } from './support/sms';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ now: '2026-11-24T23:00:00Z' });
});
afterAll(() => harness.close());

const audit = (conversation: Conversation) => auditTrail(harness.app, conversation.id);

// Last seen two hours ago: searched first (a day or more gone is reported first).
const TO_SEARCH = ['hello', '1', 'Missing now', 'No', 'today at 9pm', 'Yes', '14', 'No', 'No'];
const SEARCH_ALL_DONE = Array.from({ length: 7 }, () => 'Done');
const RISK = ['Yes', 'No', 'No', 'No', 'Yes', '3'];
const INFO = [
  'Sam Smith',
  '14/03/2012',
  'Maidstone bus station',
  'two friends from school',
  'about 5ft, blue hoodie, white trainers',
  'Yes',
  'insulin for diabetes',
  'an argument at home',
  "her nan's house in Ashford",
  "twice; found at a friend's flat",
  "don't know",
  'Alex Smith, mum',
];

describe('parent journey', () => {
  it('danger yes: 999 at once, recorded, and the journey carries on', async () => {
    const conversation = harness.conversation();
    const [, , , danger] = await walk(conversation, ['hello', '1', 'Missing now', 'Yes']);
    expect(danger?.[0]?.text).toContain('999');
    expect(allText(danger ?? [])).toContain('When did you last see');
    expect(await audit(conversation)).toEqual(['advised-999:P-DANGER-999']);
  });

  it('after 999, a risk said later is not sent to 101 nor to the search first: 999 comes first, then the details', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['hello', '1', 'Missing now', 'Yes', 'an hour ago', 'Yes', '15', 'Yes', 'Yes']);
    const text = allText(turns[turns.length - 1] ?? []);
    expect(text).toMatch(/999 comes first/);
    expect(text).not.toMatch(/101|Step \d of/);
    expect(text).toMatch(/A few yes\/no questions/);
    expect(await audit(conversation)).toEqual(['advised-999:P-DANGER-999', 'advised-999:P-REPORT-NOW-AFTER-999']);
  });

  it('after 999, the police summary is for the call or the officers who come, not headed 101', async () => {
    const conversation = harness.conversation();
    const inDanger = [...TO_SEARCH.slice(0, 3), 'Yes', ...TO_SEARCH.slice(4)];
    const info = await walk(conversation, [...inDanger, ...SEARCH_ALL_DONE, ...RISK, ...INFO]);
    const summaryTurn = info[info.length - 1] ?? [];
    expect(cardFacts(summaryTurn)).toMatchObject({ Name: 'Sam Smith' });
    const shown = allText(summaryTurn) + JSON.stringify(summaryTurn);
    expect(shown).not.toContain('(101)');
    expect(shown).toContain('999');
  });

  it('by text too, after 999 the summary is headed for the police, not 101', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
    try {
      const texts: string[] = [];
      const inDanger = [...TO_SEARCH.slice(0, 3), 'Yes', ...TO_SEARCH.slice(4)];
      for (const body of [...inDanger, ...SEARCH_ALL_DONE, ...RISK, ...INFO])
        texts.push(...(await sms.text('+447700900663', body)).replies);
      const summary = texts.slice(-5).join('\n');
      expect(summary).toMatch(/For the police\n1\. Name: Sam Smith/);
      expect(summary).not.toContain('(101)');
    } finally {
      await sms.close();
    }
  });

  it('by text too, a risk said after 999 is not sent to 101 nor to the search', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
    try {
      let last: string[] = [];
      for (const body of ['hello', '1', 'Missing now', 'yes', 'an hour ago', 'yes', '15', 'yes', 'yes'])
        last = (await sms.text('+447700900662', body)).replies;
      expect(last.join('\n')).toMatch(/999 comes first/);
      expect(last.join('\n')).not.toMatch(/101|Step \d of/);
    } finally {
      await sms.close();
    }
  });

  it('danger not sure: 101 to talk it through, 999 if immediate', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['hello', '1', 'Missing now', 'not sure']);
    expect(allText(turns[3] ?? [])).toMatch(/101[\s\S]*999/);
    expect(await audit(conversation)).toEqual(['advised-101:P-DANGER-UNSURE']);
  });

  it('reads the last-seen time back as an absolute time and lets the parent correct it', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['hello', '1', 'Missing now', 'No', 'last night at 10', 'No', '24/11 18:30']);
    expect(allText(turns[4] ?? [])).toContain('Monday 23 November at 22:00');
    expect(allText(turns[4] ?? [])).toContain('25 hours ago');
    expect(allText(turns[6] ?? [])).toContain('Tuesday 24 November at 18:30');
    expect(allText(turns[6] ?? [])).toContain('4 hours ago');
  });

  it('nonsense dates and text in the age field get a clear reply and change nothing', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, [
      'hello',
      '1',
      'Missing now',
      'No',
      'banana',
      'tomorrow at 5pm',
      '3 hours ago',
      'Yes',
      'a teenager',
      '14',
    ]);
    expect(allText(turns[4] ?? [])).toContain("couldn't read");
    expect(allText(turns[5] ?? [])).toContain('still to come');
    expect(allText(turns[8] ?? [])).toContain('as a number');
    expect(allText(turns[9] ?? [])).toContain('call, text or message');
  });

  it('a time it cannot read: the day alone is offered, and "2" then means "Yesterday", not 2 o\'clock', async () => {
    const conversation = harness.conversation();
    const [, , , , missed, picked] = await walk(conversation, ['hello', '1', 'Missing now', 'No', 'banana', '2']);
    expect(optionTitles(missed ?? [])).toEqual(['Today', 'Yesterday', 'The day before yesterday', 'Skip', "Don't know"]);
    const readBack = allText(picked ?? []);
    expect(readBack).toContain('23 November');
    expect(readBack).toContain('yesterday');
    expect(readBack).not.toContain('02:00');
    // Confirmed, the journey goes on to the age.
    expect(allText(await conversation.say('Yes'))).toContain('How old');
  });

  it('"dunno" when they were last seen goes on, and the police summary says the time is not known', async () => {
    const conversation = harness.conversation();
    const [, , , , unknown] = await walk(conversation, ['hello', '1', 'Missing now', 'No', 'dunno']);
    expect(allText(unknown ?? [])).toContain('How old');
    const turns = await walk(conversation, ['14', 'Yes', 'No', ...SEARCH_ALL_DONE, ...RISK, ...INFO]);
    expect(cardFacts(turns[turns.length - 1] ?? [])['Last seen']).toBe("don't know");
  });

  it('says plainly that there is no need to wait 24 hours', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, TO_SEARCH);
    expect(allText(turns[8] ?? [])).toContain('do not have to wait 24 hours');
    expect(allText(turns[8] ?? [])).toContain('Step 1 of 7 (0 checked so far)');
  });

  it('full search, then 101, risk factors and a police summary with every answered field', async () => {
    const conversation = harness.conversation();
    const search = await walk(conversation, [...TO_SEARCH, 'Done', 'Found something', 'Not possible', 'Done', 'Done', 'Done', 'Done']);
    expect(allText(search[10] ?? [])).toContain('Step 3 of 7 (2 checked so far)');
    expect(allText(search[10] ?? [])).toContain('tell the police about it');
    const afterSearch = allText(search[search.length - 1] ?? []);
    expect(afterSearch).toContain('6 of 7');
    expect(afterSearch).toContain('101');
    expect(afterSearch).toContain('never low');

    const risk = await walk(conversation, RISK);
    const afterRisk = allText(risk[risk.length - 1] ?? []);
    expect(afterRisk).toContain('Tell the police about these worries first');
    expect(afterRisk).toContain('meeting');

    const info = await walk(conversation, INFO);
    const summaryTurn = info[info.length - 1] ?? [];
    const facts = cardFacts(summaryTurn);
    expect(facts).toMatchObject({
      Name: 'Sam Smith',
      'Date of birth': '14 March 2012',
      Age: '14',
      'Last seen': 'Tuesday 24 November at 21:00 (2 hours ago)',
      'Where last seen': 'Maidstone bus station',
      With: 'two friends from school',
      'Description and clothing': 'about 5ft, blue hoodie, white trainers',
      'Recent photo': 'ready',
      'Medical needs and medication': 'insulin for diabetes',
      'Worries to tell police first': 'medical condition needing medication; has gone missing before',
      Circumstances: 'an argument at home',
      'Places and people they may go to': "her nan's house in Ashford",
      'Previous missing episodes': "twice; found at a friend's flat",
      'Other risks': "don't know",
    });
    expect(Object.keys(facts)[0]).toBe('Name');
    expect(allText(summaryTurn) + JSON.stringify(summaryTurn)).toContain('Given by Alex Smith, mum on Tuesday 24 November at 23:00');
    expect(await audit(conversation)).toEqual(['advised-101:P-REPORT-101']);
  });

  it('writing again after the police summary, the child still missing, carries on that case: 101 again with what is new, and the summary again', async () => {
    const conversation = harness.conversation();
    await walk(conversation, [...TO_SEARCH, ...SEARCH_ALL_DONE, ...RISK, ...INFO]);
    const [later] = await walk(conversation, ['its 3am and hes still not back, what now?']);
    const text = allText(later ?? []);
    expect(text).not.toMatch(/Who is writing/);
    expect(text).toContain('101');
    expect(await audit(conversation)).toContain('advised-101:P-STILL-MISSING');
    const [again] = await walk(conversation, ['yes']);
    expect(cardFacts(again ?? []).Name).toBe('Sam Smith');
  });

  it('grooming signs given as the answer to "anything that puts them at extra risk?", for a child still gone, are "call 999 now", not search first', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, [
      'my daughter is 14 and not home',
      'yes',
      'No',
      'yesterday at 9pm',
      'Yes',
      'Yes',
      'no not really but shes been seeing an older boyfriend from online who keeps buying her stuff',
    ]);
    const text = allText(turns[turns.length - 1] ?? []);
    expect(text).toMatch(/call 999 now/);
    expect(text).not.toMatch(/Step \d of|101/);
    expect(await audit(conversation)).toContain('advised-999:G-DANGER-999-NOW');
  });

  it('grooming signs said earlier are not asked about again: they are the risk', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, [
      // Gone, in words: whether "went to meet" is read as gone is the trained reader's guess.
      'my girl is 15 and not home, she went to meet some older guy she talks to online and said dont call the police',
      'yes',
      'No',
      'yesterday at 9pm',
      'Yes',
      'Yes',
    ]);
    const text = allText(turns[turns.length - 1] ?? []);
    expect(text).not.toMatch(/anything that puts them at extra risk/);
    expect(text).toMatch(/noted this as a worry for the police: may be harmed or exploited/);
    // Gone to a man met online is danger now: the report is the 999 call, not a search first.
    expect(await audit(conversation)).toContain('advised-999:P-REPORT-NOW-AFTER-999');
  });

  it('"could be" at "anything that puts them at extra risk?" is not sure, and not sure means report now', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['hello', '1', 'Missing now', 'No', 'yesterday at 9pm', 'Yes', '14', 'Yes']);
    const [turn] = await walk(conversation, ['could be']);
    expect(allText(turn ?? [])).toMatch(/don't search first/);
  });

  it('the summary shows when each fact was said, and an age corrected later replaces the one given first', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['my son is 13 and hasnt come home', 'yes', 'No', 'yesterday at 9pm', 'Yes', 'Yes', 'No', ...SEARCH_ALL_DONE]);
    harness.clock.advance(20 * 60 * 1000);
    try {
      const [corrected] = await walk(conversation, ['sorry i meant hes 12 not 13']);
      expect(allText(corrected ?? [])).toContain('12');
      await walk(conversation, RISK);
      const info = await walk(conversation, ['Sam Smith', 'skip', ...INFO.slice(2)]);
      const summary = info[info.length - 1] ?? [];
      const facts = cardFacts(summary);
      expect(facts.Age).toBe('12');
      // Each answer's container: its label, the answer, and when it was said.
      type Container = { type: string; items?: Array<{ text?: string }> };
      const card = summary.flatMap((reply) => (reply.attachments as Array<{ content: { body: Container[] } }>) ?? [])[0];
      const saidOf = (label: string) =>
        card?.content.body.find((element) => element.type === 'Container' && element.items?.[0]?.text === label)?.items?.[2]?.text;
      expect(saidOf('Age')).toBe('said Tuesday 24 November at 23:20');
      expect(saidOf('Last seen')).toBe('said Tuesday 24 November at 23:00');
      expect(saidOf('Name')).toBe('said Tuesday 24 November at 23:20');
    } finally {
      harness.clock.set('2026-11-24T23:00:00Z');
    }
  });

  it("someone may be harming or using the child: the police, Kent Police's exploitation team, CEOP and Missing People", async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, [...TO_SEARCH, ...SEARCH_ALL_DONE, 'No', 'No', 'Yes', 'No', 'No']);
    const text = allText(turns[turns.length - 1] ?? []);
    for (const words of ['Missing Child Exploitation Team', '116 000', 'www.ceop.police.uk']) expect(text).toContain(words);
    expect(harness.app.services.rules.decideAll('parent-exploitation', { 'risk.exploitation': true }).map((rule) => rule.id)).toEqual([
      'P-EXPLOITATION-HELP',
    ]);
    expect(await audit(conversation)).toEqual(['advised-101:P-REPORT-101']);
  });

  it('without Twilio the summary cannot be texted, and the bot says so', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, [...TO_SEARCH, ...SEARCH_ALL_DONE, ...RISK, ...INFO]);
    expect(allText(turns[turns.length - 1] ?? [])).toContain("can't send texts");
  });

  it('with consent, the summary is texted to the number given, which is not kept', async () => {
    const sms = await startSmsHarness();
    try {
      const conversation = sms.conversation();
      for (const answer of [...TO_SEARCH, ...SEARCH_ALL_DONE, ...RISK, ...INFO]) await conversation.say(answer);
      expect(allText(await conversation.say('Yes'))).toContain('mobile number');
      // A personal number (070) costs more to text and may reach no phone: refused, and asked again.
      expect(allText(await conversation.say('07012 345678'))).toMatch(/doesn't look like a UK mobile/);
      expect(sms.sent.filter((sent) => sent.to === '+447012345678')).toEqual([]);
      expect(allText(await conversation.say('07700 900888'))).toContain('Sent');
      const text = sms.sent.find((sent) => sent.to === '+447700900888');
      expect(text?.body).toMatch(/1\. Name: Sam Smith/);
      const state = JSON.stringify(await sms.app.db.query('select doc from bot_state'));
      expect(state).not.toMatch(/7700 ?900888/);
    } finally {
      await sms.close();
    }
  });

  it('a 9-year-old missing 40 minutes at a park: report now (999 in a public place), then the search', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['hello', '1', 'Missing now', 'No', '40 minutes ago', 'Yes', '9', 'Yes', 'No']);
    const text = allText(turns[turns.length - 1] ?? []);
    expect(text).toMatch(/999[\s\S]*101/);
    expect(text).toContain('public place');
    expect(text).not.toContain('do not have to wait 24 hours');
    // They have tried to reach the child: the search starts at its second step.
    expect(text).toContain('Step 2 of 7 (1 checked so far)');
    expect(await audit(conversation)).toEqual(['advised-999:P-REPORT-NOW-YOUNG']);
  });

  it('an age corrected before the decision counts: "sorry she is 12 not 13" means report now as a young child', async () => {
    const conversation = harness.conversation();
    await walk(conversation, [
      'my daughter is 13 and didnt come home',
      'yes',
      'No',
      'last night at 10',
      'Yes',
      'sorry she is 12 not 13',
      'Yes',
    ]);
    const turns = await walk(conversation, ['No']);
    expect(allText(turns[0] ?? [])).toContain('999');
    expect(await audit(conversation)).toContain('advised-999:P-REPORT-NOW-YOUNG');
  });

  it('a child with no phone: the search does not ask the parent to phone them, and starts at its second step', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['my son is 15 and not home, he has no phone on him', 'yes', 'No', 'an hour ago', 'Yes', 'No']);
    const text = allText(turns[turns.length - 1] ?? []);
    expect(text).toContain('Step 2 of 7 (0 checked so far)');
    expect(text).not.toMatch(/reach your child directly/);
  });

  it('a 15-year-old the parent believes is at risk: report now on 101, then the search', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['hello', '1', 'Missing now', 'No', 'an hour ago', 'Yes', '15', 'Yes', 'Yes']);
    const text = allText(turns[turns.length - 1] ?? []);
    expect(text).toMatch(/101 now[\s\S]*999/);
    expect(text).not.toContain('not 101');
    expect(text).toContain('Step 2 of 7 (1 checked so far)');
    const rules = await audit(conversation);
    expect(rules).toContain('advised-101:P-REPORT-NOW-AT-RISK');
  });

  it('"found them" in the middle of the checklist goes to the return branch: hurt?, reported?, then safe and well and 72 hours', async () => {
    const conversation = harness.conversation();
    const found = await walk(conversation, [...TO_SEARCH, 'Done', 'found them']);
    expect(optionTitles(found[found.length - 1] ?? [])).toEqual(['Yes', 'No', 'Not sure']);
    expect(allText(found[found.length - 1] ?? [])).toContain('hurt or unwell');
    const [health, back] = await walk(conversation, ['No', 'Yes']);
    expect(allText(health ?? [])).toContain('diabetes');
    const text = allText(back ?? []);
    expect(optionTitles(back ?? [])).toEqual(['Book it now', 'My child will book', 'Not now']);
    expect(text).toContain('72 hours');
    expect(text).toContain('safe and well');
    expect(text).toContain('Adolescent Early Help');
    expect(text).toContain('116 000');
    expect(await audit(conversation)).toEqual(['advised-101:P-RETURN-SAFE-WELL']);
  });

  it('"yes" to "you can ask for the return interview now" asks for it: whether the child was asked comes next; "no" is not now', async () => {
    const booking = harness.conversation();
    const [asked] = await walk(booking, [...TO_SEARCH, 'Done', 'found them', 'No', 'Yes', 'yes']).then((turns) => turns.slice(-1));
    expect(allText(asked ?? [])).toMatch(/asked your child whether they want this meeting/);
    const declined = harness.conversation();
    const [notNow] = await walk(declined, [...TO_SEARCH, 'Done', 'found them', 'No', 'Yes', 'no']).then((turns) => turns.slice(-1));
    expect(allText(notNow ?? [])).not.toMatch(/didn.t catch|another way/);
    expect(optionTitles(notNow ?? [])).not.toEqual(['Book it now', 'My child will book', 'Not now']);
  });

  it('"idk" at a search step is told how to go on, not that it was not caught; "not possible" then moves on', async () => {
    const conversation = harness.conversation();
    await walk(conversation, [...TO_SEARCH, 'Done']);
    const unsure = allText(await conversation.say('idk tbh'));
    expect(unsure).toContain('“Not possible”');
    expect(unsure).not.toContain("didn't catch");
    expect(unsure).toContain('Step 2 of 7');
    expect(allText(await conversation.say('not possible'))).toContain('Step 3 of 7');
  });

  it.each(['hes back now', 'shes home'])('"%s" mid-search is taken as the child being back', async (said) => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, [...TO_SEARCH, 'Done', said]);
    expect(allText(turns[turns.length - 1] ?? [])).toContain('hurt or unwell');
  });

  it('"found them" after the police summary goes to the return branch, not back to "Who is writing?"', async () => {
    const conversation = harness.conversation();
    await walk(conversation, [...TO_SEARCH, ...SEARCH_ALL_DONE, ...RISK, ...INFO]);
    const replies = await conversation.say('found them');
    expect(allText(replies)).not.toContain('Who is writing?');
    expect(allText(replies)).toContain('hurt or unwell');
  });

  it('hurt or unwell: a doctor, 999 if serious; never reported missing: no call to the police needed', async () => {
    const conversation = harness.conversation();
    const [, , , hurt, notReported] = await walk(conversation, ['hello', '1', 'They are back', 'Yes', 'No']);
    expect(allText(hurt ?? [])).toMatch(/999[\s\S]*doctor/);
    const text = allText(notReported ?? []);
    expect(text).toContain('do not need to call the police');
    expect(text).not.toContain('Tell the police on 101 that your child is home');
    expect(text).toContain('72 hours');
    expect(await audit(conversation)).toEqual([]);
    const rules = harness.app.services.rules
      .decideAll('parent-back-health', { childBack: true, childHurtOrUnwell: 'yes' })
      .map((rule) => rule.id);
    expect(rules).toEqual(['P-RETURN-HURT', 'P-RETURN-DOCTOR']);
  });

  it('office-hours numbers given at night say they are closed and give the out-of-hours service; by day they do not', async () => {
    const night = allText((await walk(harness.conversation(), ['hello', '1', 'They are back', 'No', 'No'])).flat());
    expect(night).toMatch(/03000 419222 \(closed now; at night and at weekends call [^)]*03000 419191\)/);
    harness.clock.set('2026-11-24T11:00:00Z');
    try {
      const day = allText((await walk(harness.conversation(), ['hello', '1', 'They are back', 'No', 'No'])).flat());
      expect(day).toContain('03000 419222');
      expect(day).not.toContain('closed now');
    } finally {
      harness.clock.set('2026-11-24T23:00:00Z');
    }
  });

  it('by text at night too, the office-hours number says it is closed', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
    try {
      const replies: string[] = [];
      for (const body of ['hello', '1', '2', '2', '2']) replies.push(...(await sms.text('+447700900661', body)).replies);
      expect(replies.join('\n')).toMatch(/03000 419222 \(closed now; at night and at weekends call [^)]*03000 419191\)/);
    } finally {
      await sms.close();
    }
  });

  it('"report to police now" leaves the checklist for 101 at once', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, [...TO_SEARCH, 'Report to police now']);
    expect(allText(turns[turns.length - 1] ?? [])).toContain('101');
    expect(await audit(conversation)).toEqual(['advised-101:P-REPORT-101']);
  });

  it('an age of 18 or more: the adult missing-person route', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['hello', '1', 'Missing now', 'No', '3 hours ago', 'Yes', '19']);
    const text = allText(turns[turns.length - 1] ?? []);
    for (const number of ['101', '999', '116 000']) expect(text).toContain(number);
    expect(await audit(conversation)).toEqual(['advised-101:P-ADULT-ROUTE']);
  });

  it('a date of birth that makes them 18 or more: the adult route; impossible dates are refused', async () => {
    const conversation = harness.conversation();
    await walk(conversation, [...TO_SEARCH, 'Report to police now', 'No', 'No', 'No', 'No', 'No', 'Sam']);
    const impossible = await conversation.say('31/02/2010');
    expect(allText(impossible)).toContain("isn't a date");
    const future = await conversation.say('01/01/2030');
    expect(allText(future)).toContain("hasn't happened");
    const adult = await conversation.say('01/01/2005');
    expect(allText(adult)).toContain('116 000');
    expect(await audit(conversation)).toEqual(['advised-101:P-REPORT-101', 'advised-101:P-ADULT-ROUTE']);
  });

  it('"hes back, came in about 2am": when is read back to confirm at the booking, not asked again', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['hello', '1', 'hes back, came in about 2am', 'No', 'No', 'Book it now', 'yes']);
    const text = allText(await conversation.say('Someone independent'));
    expect(text).toMatch(/So they came back Tuesday 24 November at 02:00/);
    expect(text).not.toMatch(/When did your child come back/);
  });

  it('by text, "how many times?" lists Skip and Don\'t know as words, so a "2" typed there is two times', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
    try {
      const phone = '+447700900666';
      const texts: string[] = [];
      for (const body of [...TO_SEARCH, ...SEARCH_ALL_DONE, 'Yes', 'No', 'No', 'No', 'Yes'])
        texts.push(...(await sms.text(phone, body)).replies);
      const asked = texts[texts.length - 1] ?? '';
      expect(asked).toMatch(/How many times[\s\S]*Or reply: Skip \/ Don't know/);
      expect(asked).not.toMatch(/Reply with a number/);
      await sms.text(phone, '2');
      const stored = await sms.app.db.query<{ doc: string }>("select doc::text as doc from bot_state where doc::text like '%episodes90d%'");
      expect(stored.map((row) => JSON.parse(row.doc) as unknown)).toEqual([
        expect.objectContaining({ parentCase: expect.objectContaining({ episodes90d: 2 }) as unknown }),
      ]);
    } finally {
      await sms.close();
    }
  });

  it('by text too, when they came back is confirmed, not asked', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
    try {
      let replies: string[] = [];
      for (const body of ['hello', '1', 'shes home, got back at 9 tonight', 'no', 'no', '1', 'yes', '2'])
        replies = (await sms.text('+447700900665', body)).replies;
      expect(replies.join('\n')).toMatch(/So they came back Tuesday 24 November at 21:00/);
    } finally {
      await sms.close();
    }
  });

  it('a child back: the return branch straight from the start, and the return interview booked for the child', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['hello', '1', 'They are back', 'No', 'Yes']);
    expect(allText(turns[4] ?? [])).toContain('72 hours');
    expect(optionTitles(turns[4] ?? [])).toEqual(['Book it now', 'My child will book', 'Not now']);
    await walk(conversation, [
      'Book it now',
      'yes we talked about it',
      'Someone independent',
      'today at 6pm',
      'Yes',
      'Youth hub',
      '1',
      'No',
    ]);
    const booked = allText(await conversation.say('Yes'));
    const reference = /number for it is (B[0-9A-Z]+)/.exec(booked)?.[1];
    expect(reference).toBeDefined();
    const [row] = await harness.app.db.query<{ place: string; with_whom: string; asked_by: string }>(
      'select place, with_whom, asked_by from booking where reference = $1',
      [reference],
    );
    expect(row).toEqual({ place: 'youthHub', with_whom: 'independent', asked_by: 'parent' });
  });

  it('a child back with a phone and money nobody explains: a return, and the exploitation route, not a bare "call 999 now"', async () => {
    const conversation = harness.conversation();
    const [first] = await walk(conversation, ['my daughter came back at 4am with a new iphone and £200 she wont explain']);
    expect(allText(first ?? [])).toContain('exploited');
    expect(allText(first ?? [])).not.toContain('call 999 now');
    const [relief] = await walk(conversation, ['yes']);
    expect(allText(relief ?? [])).toContain("I'm glad they are back");
    expect(await audit(conversation)).toEqual(['disclosure-heard:G-DISCLOSE-ADULT-EXPLOITED']);
  });

  it('by SMS: a parent who has not asked the child is asked to, and nothing is booked', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
    try {
      let replies: string[] = [];
      for (const body of ['hi', '1', 'They are back', 'no', 'yes', 'yes', 'no not yet'])
        replies = (await sms.text('+447700900613', body)).replies;
      expect(replies.join('\n')).toContain('their choice');
      expect(await sms.app.db.query('select reference from booking')).toEqual([]);
    } finally {
      await sms.close();
    }
  });

  it('booking for the child: asked first whether the child was asked; someone they know is their key worker (Kent), and the team is told who asked and the age band', async () => {
    const notAsked = harness.conversation();
    await walk(notAsked, ['my son got back last night, hes 13', 'yes', 'no', 'yes']);
    const askFirst = allText(await walk(notAsked, ['Book it now', 'not yet']).then((turns) => turns[1] ?? []));
    expect(askFirst).toContain('their choice');
    expect(await harness.app.services.bookings.current(notAsked.id)).toBeUndefined();

    const conversation = harness.conversation();
    await walk(conversation, ['my son got back last night, hes 13', 'yes', 'no', 'yes', 'Book it now', 'yes', 'his key worker']);
    const confirm = await walk(conversation, ['last night', 'Yes', 'At home', '1', 'No']);
    expect(allText(confirm[4] ?? [])).toContain('their key worker');
    const booked = allText(await conversation.say('Yes'));
    const reference = /number for it is (B[0-9A-Z]+)/.exec(booked)?.[1];
    const [row] = await harness.app.db.query<{ with_whom: string; asked_by: string; age_band: string }>(
      'select with_whom, asked_by, age_band from booking where reference = $1',
      [reference],
    );
    expect(row).toEqual({ with_whom: 'worker', asked_by: 'parent', age_band: '13orOver' });
  });

  it('a child back: "my child will book" tells how, with 116 000', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['hello', '1', 'They are back', 'No', 'Yes']);
    const text = allText(await conversation.say('My child will book'));
    expect(text).toContain('A young person');
    expect(text).toContain('116 000');
  });

  it('a child back who was never reported: no team "is told they are back", and nobody is said to be in touch', async () => {
    const conversation = harness.conversation();
    // The words say back and the trained reader guesses otherwise: what is happening is asked, never "has not come home".
    const turns = await walk(conversation, [
      'my lad came home this morning, he is 14. we never rang the police',
      'yes',
      'They are back',
      'no',
    ]);
    expect(allText(turns[0] ?? [])).not.toMatch(/not come home/);
    const advice = allText(turns[3] ?? []);
    expect(advice).toContain('you do not need to call the police now');
    // Kent's Early Help teams hear of a return from the police: not said when the police never knew.
    expect(advice).not.toContain('is told they are back');
    expect(advice).not.toContain('reported them missing to the police?');
    const notNow = allText(await conversation.say('Not now'));
    expect(notNow).toContain('nobody will contact you');

    const reported = harness.conversation();
    const told = await walk(reported, ['my lad came home this morning, he is 14', 'yes', 'no', 'yes we reported him']);
    expect(allText(told[3] ?? [])).toContain('is told they are back');
    expect(allText(await reported.say('Not now'))).not.toContain('nobody will contact you');
  });

  it.each(['shes just walked in!! thank god', 'omg he just walked through the door'])(
    '"%s" at the danger question is the child back, not "didn\'t catch that"',
    async (said) => {
      const turns = await walk(harness.conversation(), ['my child has not come home', said], { join: true });
      const text = allText(lastTurn(turns));
      expect(text).toContain('hurt or unwell');
      expect(text).not.toContain("didn't catch");
    },
  );

  it('a child back and well who was given drink by older boys: the exploitation route, no ambulance', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['my daughter came back this morning', 'shes ok but some older lads gave her vodka'], { join: true });
    const trail = await audit(conversation);
    expect(trail).toContain('disclosure-heard:G-DISCLOSE-ADULT-EXPLOITED');
    expect(trail).not.toContain('advised-999:G-DANGER-MEDICAL');
  });

  it('"whats the number for missing people" at "missing now, or back?" gives 116 000 and asks again, not "missing now"', async () => {
    const turns = await walk(harness.conversation(), ['hi', 'parent', 'whats the number for missing people'], { join: true });
    const text = allText(lastTurn(turns));
    expect(text).toContain('116 000');
    expect(text).toContain('missing now, or are they back?');
    expect(text).not.toContain('in danger right now?');
  });

  it('"yes no answer" to "have you tried to call them?" is a yes: the search starts at its second step', async () => {
    const turns = await walk(
      harness.conversation(),
      ['my son hasnt come home', 'no', 'about 7 tonight', 'yes', '14', 'yes no answer', 'no'],
      {
        join: true,
      },
    );
    expect(allText(lastTurn(turns))).toContain('Step 2 of 7');
  });

  it('"this morning at 8.30" at "when did you last see them?" is 08:30, not 08:00', async () => {
    const turns = await walk(harness.conversation(), ['my son is missing', 'no', 'this morning at 8.30'], { join: true });
    expect(allText(lastTurn(turns))).toContain('08:30');
  });

  it('clothes given at "where were they last seen?" are kept as the description, the place is asked again, and the card has each in its place', async () => {
    const conversation = harness.conversation();
    await walk(conversation, [...TO_SEARCH, ...SEARCH_ALL_DONE, ...RISK, 'Sam Smith', '14/03/2012']);
    const moved = allText(await conversation.say('she had a black puffer jacket on and grey joggers'));
    expect(moved).toContain('Where were they last seen?');
    const info = await walk(conversation, [
      'outside the leisure centre',
      'on her own',
      'Yes',
      'none',
      'skip',
      'skip',
      'skip',
      'skip',
      'skip',
    ]);
    const facts = cardFacts(lastTurn(info));
    expect(facts['Where last seen']).toBe('outside the leisure centre');
    expect(facts['Description and clothing']).toBe('she had a black puffer jacket on and grey joggers');
    expect(facts.With).toBe('on her own');
  });

  it('"no" at the risk questions is not asked again as "medical needs?" or "gone missing before?" among the police details', async () => {
    const conversation = harness.conversation();
    await walk(conversation, [...TO_SEARCH, ...SEARCH_ALL_DONE, 'No', 'No', 'No', 'No', 'No']);
    const info = await walk(conversation, ['Sam Smith', '14/03/2012', 'the park', 'alone', 'skip', 'Yes', 'skip', 'skip', 'skip', 'skip']);
    const asked = info.map(allText).join('\n');
    expect(asked).not.toContain('medical needs');
    expect(asked).not.toContain('gone missing before');
    const facts = cardFacts(lastTurn(info));
    expect(facts['Medical needs and medication']).toBe('none said');
    expect(facts['Previous missing episodes']).toBe('none said');
  });

  it('grooming told in the first message is noted as a risk for the police, not asked as a question a parent may answer "no" to', async () => {
    const conversation = harness.conversation();
    const turns = await walk(
      conversation,
      [
        'my 14 yr old daughter hasnt come home, shes been seeing an older guy she met on snapchat',
        'no',
        'about 8 tonight',
        'yes',
        'yes no answer',
        ...Array.from({ length: 6 }, () => 'Done'),
        'No',
        'No',
        'No',
        'No',
      ],
      { join: true },
    );
    const asked = turns.map(allText).join('\n');
    expect(asked).toContain('noted this as a worry for the police: may be harmed or exploited by someone');
    expect(asked).not.toContain('Could someone be harming or using them');
    const info = await walk(conversation, ['Amy', '01/02/2012', 'town', 'alone', 'skip', 'Yes', 'skip', 'skip', 'skip', 'skip']);
    expect(cardFacts(lastTurn(info))['Worries to tell police first']).toContain('may be harmed or exploited by someone');
  });

  it('"shall i just go to bed and see if shes back in the morning?" is answered: report on 101 now, no waiting', async () => {
    const turns = await walk(
      harness.conversation(),
      ['my daughter isnt home yet', 'no', 'shall i just go to bed and see if shes back in the morning?'],
      {
        join: true,
      },
    );
    const text = allText(lastTurn(turns));
    expect(text).toContain('101 now');
    expect(text).not.toContain('glad');
  });

  it('"ok what number" at "in danger right now?" is a question, not a yes: no 999 given or recorded', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['my son isnt home', 'ok what number'], { join: true });
    expect(await audit(conversation)).not.toContain('advised-999:P-DANGER-999');
  });

  it('harm said while the child was away is for the police, reported missing or not: never "you do not need to call the police"', async () => {
    const conversation = harness.conversation();
    const turns = await walk(
      conversation,
      ['my son got back last night', 'hes fine', 'he says a man at a house gave him drugs to sell', 'we didnt report him missing'],
      { join: true },
    );
    const advice = allText(lastTurn(turns));
    expect(advice).not.toContain('do not need to call the police');
    expect(advice).toContain('101');
    expect(await audit(conversation)).toContain('advised-101:P-RETURN-HARM-TELL-POLICE');

    const reported = harness.conversation();
    await walk(reported, ['my son got back last night', 'hes fine', 'he says a man at a house gave him drugs to sell', 'yes'], {
      join: true,
    });
    expect(await audit(reported)).toEqual(
      expect.arrayContaining(['advised-101:P-RETURN-SAFE-WELL', 'advised-101:P-RETURN-HARM-TELL-POLICE']),
    );
  });

  it.each(['we never reported it', 'didnt ring the police tbh'])('"%s" answers no to "did you report them missing?"', async (said) => {
    const turns = await walk(harness.conversation(), ['my daughter came home today', 'not hurt', said], { join: true });
    const advice = allText(lastTurn(turns));
    expect(advice).not.toContain("didn't catch");
    expect(advice).toContain('do not need to call the police');
  });

  it('"the police know, i rang 101 on friday" answers yes to "did you report them missing?"', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['my daughter came home today', 'not hurt', 'the police know, i rang 101 on friday'], { join: true });
    expect(await audit(conversation)).toContain('advised-101:P-RETURN-SAFE-WELL');
  });

  it('by text, harm said while away and "didnt report it" is told to tell the police on 101', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
    try {
      const phone = '+447700900667';
      for (const body of ['hi', 'my daughter came back this morning', 'no', 'older lads made her carry a bag for them'])
        await sms.text(phone, body);
      const { replies } = await sms.text(phone, 'didnt report it');
      const text = replies.join('\n');
      expect(text).not.toContain('do not need to call the police');
      expect(text).toContain('101');
    } finally {
      await sms.close();
    }
  });

  it('prepare in advance asks only what can be known before the day, typed, and the profile is used when the child is missing', async () => {
    const conversation = harness.conversation();
    const prepared = await walk(conversation, [
      'hello',
      '1',
      'Prepare in advance',
      'yes',
      'three months',
      'Sam Smith',
      '14/03/2012',
      'tall, dark curly hair, scar on chin',
      'yes',
      'inhaler for asthma',
      'grandparents in Dover',
      'Jo 07700 900555',
    ]);
    const asked = prepared.slice(2).map(allText).join('\n');
    expect(asked).not.toMatch(/wearing|clothes|last seen|who were they with/i);
    expect(allText(prepared[3] ?? [])).toContain('How long');
    expect(optionTitles(prepared[3] ?? [])).toEqual(['30 days', '90 days', 'A year']);
    expect(allText(prepared[prepared.length - 1] ?? [])).toContain('22 February 2027');
    const [state] = await harness.app.db.query<{ doc: { preparedProfile?: { savedAt: string; keepUntil?: string } } }>(
      'select doc from bot_state where key like $1',
      [`%user-${conversation.id}%`],
    );
    expect(state?.doc.preparedProfile).toMatchObject({ savedAt: '2026-11-24T23:00:00.000Z', keepUntil: '2027-02-22T23:00:00.000Z' });

    // The asthma inhaler typed in the profile is a medical need said already: noted, not asked.
    const turns = await walk(conversation, [...TO_SEARCH, 'Report to police now', 'No', 'No', 'No', 'No']);
    expect(turns.map(allText).join('\n')).toContain('noted this as a worry for the police: medical condition needing medication');
    expect(allText(turns[turns.length - 1] ?? [])).toContain('You saved details');
    // Used: what was saved is not asked again; what only the day tells still is.
    // "Gone missing before?" was answered no at the risk questions: not asked again.
    const after = await walk(conversation, ['Yes', 'home', 'alone', 'blue hoodie', 'skip', 'skip', 'skip']);
    expect(allText(after[2] ?? [])).toContain('wearing');
    const facts = cardFacts(after[after.length - 1] ?? []);
    expect(facts).toMatchObject({
      Name: 'Sam Smith',
      'Date of birth': '14 March 2012',
      'Description (saved before)': 'tall, dark curly hair, scar on chin',
      'Description and clothing': 'blue hoodie',
      'Recent photo': 'ready',
      'Medical needs and medication': 'inhaler for asthma',
      'Places and people they may go to': 'grandparents in Dover',
      "Friends' phone numbers": 'Jo 07700 900555',
      'Previous missing episodes': 'none said',
    });
  });

  it('the profile is kept as long as the parent chose, and the retention job deletes it then, not before', async () => {
    const own = await startHarness({ now: '2026-11-24T23:00:00Z', env: { RETENTION_DAYS: '30' } });
    try {
      const prepare = async (period: string, description: string) => {
        const conversation = own.conversation();
        await walk(conversation, [
          'hello',
          '1',
          'Prepare in advance',
          'Yes',
          period,
          'skip',
          'skip',
          description,
          'No',
          'skip',
          'skip',
          'skip',
        ]);
      };
      await prepare('a year', 'kept-for-a-year');
      await prepare('30', 'kept-for-30-days');
      const held = async (text: string) =>
        (await own.app.db.query('select key from bot_state where doc::text like $1', [`%${text}%`])).length;
      expect([await held('kept-for-a-year'), await held('kept-for-30-days')]).toEqual([1, 1]);
      // Past RETENTION_DAYS and the 30 days: the year's profile stays although its row is old.
      await purgeExpiredState(own.app.db, new ManualClock('2027-01-03T23:00:00Z'), 30);
      expect([await held('kept-for-a-year'), await held('kept-for-30-days')]).toEqual([1, 0]);
      await purgeExpiredState(own.app.db, new ManualClock('2027-11-24T23:00:01Z'), 30);
      expect(await held('kept-for-a-year')).toBe(0);
    } finally {
      await own.close();
    }
  });

  it("the periods offered stay within the area's limit when it sets one", () => {
    expect(keepPeriodsFor({})).toEqual(['month', 'threeMonths', 'year']);
    expect(
      keepPeriodsFor({
        retention: { preparedProfileMaxDays: 90, council: { says: 'Council setting', confirmedBy: null, confirmedOn: null } },
      }),
    ).toEqual(['month', 'threeMonths']);
  });

  it('the profile is not kept without consent, and "delete my data" removes it', async () => {
    const declined = harness.conversation();
    await walk(declined, ['hello', '1', 'Prepare in advance', 'No']);
    const stored = await harness.app.db.query<{ doc: unknown }>('select doc from bot_state where key like $1', [`%user-${declined.id}%`]);
    expect(JSON.stringify(stored)).not.toContain('preparedProfile');

    const deleting = harness.conversation();
    await walk(deleting, [
      'hello',
      '1',
      'Prepare in advance',
      'Yes',
      '30 days',
      'skip',
      'skip',
      'zebra-striped scarf',
      'No',
      'none',
      'Dover',
      'skip',
    ]);
    const before = await harness.app.db.query('select key from bot_state where doc::text like $1', ['%zebra-striped%']);
    expect(before.length).toBe(1);
    await deleting.say('delete my data');
    expect(await harness.app.db.query('select key from bot_state where doc::text like $1', ['%zebra-striped%'])).toEqual([]);
  });

  it('by text, every text of the whole journey fits in 3 segments, and the summary is numbered text', async () => {
    const sms = await startSmsHarness();
    try {
      const phone = '+447700900321';
      const texts: string[] = [];
      for (const answer of [...TO_SEARCH, ...SEARCH_ALL_DONE, ...RISK, ...INFO]) texts.push(...(await sms.text(phone, answer)).replies);
      for (const text of texts) expect({ text, segments: countSegments(text).segments <= 3 }).toEqual({ text, segments: true });
      const summary = texts.slice(-4).join('\n');
      expect(summary).toMatch(/1\. Name: Sam Smith/);
      expect(summary).toMatch(/4\. Last seen: Tuesday 24 November at 21:00/);
      // Options are numbered, never buttons.
      expect(texts.some((text) => text.includes('Reply with a number:\n1 Done'))).toBe(true);
    } finally {
      await sms.close();
    }
  });

  it('the options are offered as suggested actions at every question', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['hello', '1', 'Missing now']);
    expect(optionTitles(turns[1] ?? [])).toEqual(['Missing now', 'They are back', 'Prepare in advance']);
    expect(optionTitles(turns[2] ?? [])).toEqual(['Yes', 'No', 'Not sure']);
  });
});

describe('when they were last seen, said in the first message', () => {
  const FIRST = 'my daughter is 14 she went out at 7 and said shed be back by 10, its now 1am and her phone is off';

  it('"she went out at 7" is confirmed, not asked: "when did you last see them?" becomes "19:00, is that right?"', async () => {
    const late = await startHarness({ now: '2026-11-25T01:00:00Z' });
    try {
      const conversation = late.conversation();
      const turns = await walk(conversation, ['1', FIRST, 'no']);
      const text = allText(lastTurn(turns));
      expect(text).toContain('19:00');
      expect(text).not.toMatch(/When did you last see/);
      expect(optionTitles(lastTurn(turns))).toEqual(['Yes', 'No']);
    } finally {
      await late.close();
    }
  });

  it('by text too', async () => {
    const sms = await startSmsHarness({ now: '2026-11-25T01:00:00Z' });
    try {
      const phone = '+447700900669';
      await sms.text(phone, FIRST);
      await sms.text(phone, 'yes');
      const { replies } = await sms.text(phone, 'no');
      expect(replies.join('\n')).toContain('Tuesday 24 November at 19:00');
    } finally {
      await sms.close();
    }
  });
});

describe('"they said to wait" after ringing 101', () => {
  const TO_AGE = ['1', 'Missing now', 'No', 'yesterday at 9pm', 'Yes'];

  it('at "how old are they?": the answer to "the police said wait", and 101 is never read as an age', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, [...TO_AGE, 'i rang 101 earlier and they told me to wait and see. is that right??'], {
      join: true,
    });
    const text = allText(lastTurn(turns));
    expect(text).toMatch(/never treat a missing child as low risk/);
    expect(text).not.toMatch(/18 or over|missing adult/i);
    expect(allText(lastTurn(turns))).toMatch(/How old/);
  });

  it('by text too', async () => {
    const sms = await startSmsHarness();
    try {
      const phone = '+447700900670';
      for (const text of ['hi', '1', '1', 'no', 'yesterday at 9pm', 'yes']) await sms.text(phone, text);
      const { replies } = await sms.text(phone, 'rang 101 and they said to wait and see if he turns up');
      expect(replies.join('\n')).toMatch(/never treat a missing child as low risk/);
      expect(replies.join('\n')).not.toMatch(/18 or over|missing adult/i);
    } finally {
      await sms.close();
    }
  });
});

describe("an adult's age said in a child's case", () => {
  it('"yes hes 24!!" of the man she is with never replaces her age: it is not noted as hers', async () => {
    const conversation = harness.conversation();
    const turns = await walk(
      conversation,
      ['1', 'my daughter is 14 and not home', 'No', 'yesterday at 9pm', 'Yes', 'yes hes 24!! her boyfriend'],
      {
        join: true,
      },
    );
    const text = turns.map(allText).join('\n');
    expect(text).toContain('noted that they are 14');
    expect(text).not.toContain('noted that they are 24');
  });

  it("by text: a correction to another child's age still replaces it", async () => {
    const sms = await startSmsHarness();
    try {
      const phone = '+447700900671';
      await sms.text(phone, 'my son is 5 and hes not home');
      const { replies } = await sms.text(phone, 'sorry i meant 6 not 5');
      expect(replies.join('\n')).toContain('6');
      const adult = await sms.text(phone, 'the man he was with is 30');
      expect(adult.replies.join('\n')).not.toContain('noted that they are 30');
    } finally {
      await sms.close();
    }
  });
});

describe('back with things nobody bought, and a cut hand', () => {
  const BACK =
    'he came back this morning after being gone 2 nights. hes got a new phone and trainers i didnt buy and a cut on his hand. wont tell me where hes been';

  it('the exploitation route, not "call 999 now" for suicide', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['1', 'They are back', BACK], { join: true });
    expect(allText(lastTurn(turns))).toMatch(/exploit/);
    const audit = await auditTrail(harness.app, conversation.id);
    expect(audit.filter((row) => /SUICIDE/.test(row))).toEqual([]);
  });

  it('by text too', async () => {
    const sms = await startSmsHarness();
    try {
      const phone = '+447700900672';
      await sms.text(phone, 'hi');
      await sms.text(phone, '1');
      const { replies } = await sms.text(phone, BACK);
      expect(replies.join('\n')).toMatch(/exploit/);
      expect(replies.join('\n')).not.toMatch(/risk of suicide/);
    } finally {
      await sms.close();
    }
  });
});

describe("a parent's question about the return interview", () => {
  it('"does he have to do one of those interviews" gets the area\'s words for parents, and the question waiting stays', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['1', '2', 'does he have to do one of those interviews'], { join: true });
    const text = allText(lastTurn(turns));
    expect(text).toMatch(/return interview/);
    expect(text).toContain('Young Lives Foundation');
    expect(text).not.toMatch(/with you|You can talk about why you left/);
    expect(optionTitles(lastTurn(turns))).toEqual(['Yes', 'No', 'Not sure']);
  });

  it('by text too', async () => {
    const sms = await startSmsHarness();
    try {
      const phone = '+447700900668';
      for (const text of ['hi', '1', '2']) await sms.text(phone, text);
      const { replies } = await sms.text(phone, 'does she have to do the interview?');
      expect(replies.join('\n')).toContain('Young Lives Foundation');
    } finally {
      await sms.close();
    }
  });
});

describe('gone, said in the first message', () => {
  it('"my 14 yr old has been gone since 7" is missing: not asked "missing now, or back?"', async () => {
    const conversation = harness.conversation();
    const [, first] = await walk(conversation, ['my 14 yr old has been gone since 7'], { join: true });
    expect(allText(first ?? [])).not.toMatch(/missing now, or are they back/);
    expect(allText(first ?? [])).toMatch(/in danger right now/);
  });

  it('"stepson 16 back home now after 2 days away" is family, and back: not "Who is writing?"', async () => {
    const conversation = harness.conversation();
    const [, first] = await walk(conversation, ['stepson 16 back home now after 2 days away'], { join: true });
    expect(allText(first ?? [])).not.toMatch(/Who is writing/);
    expect(allText(first ?? [])).toMatch(/glad they are back/);
  });
});

describe('"do i tell the police shes back?"', () => {
  it('at 2am, after she walked in: yes, 101 now, for their safe and well check; the question waiting stays', async () => {
    const conversation = harness.conversation();
    const turns = await walk(
      conversation,
      [
        'my daughter 15 just walked back in, police were out looking for her',
        'no shes ok just tired',
        'do i need to ring them and tell them shes back? its 2am',
      ],
      { join: true },
    );
    const text = allText(lastTurn(turns));
    expect(text).toContain('101');
    expect(text).toMatch(/safe and well/);
    expect(text).not.toMatch(/only answer a few questions/);
    expect(await auditTrail(harness.app, conversation.id)).toContain('advised-101:G-ASK-TELL-POLICE-BACK');
  });
});

describe('leaving and coming back', () => {
  it('the checklist continues at the same item after the process restarts', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'helpline-parent-'));
    const first = await startHarness({ database: await openPglite(dataDir) });
    const conversation = first.conversation('resume-after-restart');
    await walk(conversation, [...TO_SEARCH, 'Done', 'Done', 'Done']);
    await first.close();

    const second = await startHarness({ database: await openPglite(dataDir) });
    try {
      const resumed = second.conversation('resume-after-restart');
      const replies = await resumed.say('Done');
      expect(allText(replies)).toContain('Step 5 of 7 (4 checked so far)');
    } finally {
      await second.close();
    }
  });
});

describe('an age the writer does not know', () => {
  it('"no idea to be honest" at "how old?" goes on to the next question, and the summary says the age is not known', async () => {
    const conversation = harness.conversation();
    const turns = await walk(
      conversation,
      ['1', 'my granddaughter is staying with me and hasnt come back', 'No', 'yesterday at 6pm', 'Yes'],
      {
        join: true,
      },
    );
    expect(optionTitles(lastTurn(turns))).toEqual(expect.arrayContaining(["Don't know"]));
    const next = await conversation.say('no idea to be honest, her mum would know');
    expect(allText(next)).not.toMatch(/as a number/);
    expect(allText(next)).toMatch(/tried to call/);
  });

  it('"not a clue tbh, shes my sons girl" is not known too', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['1', 'my grandaughter hasnt come back from the shops', 'No', 'about 5pm', 'Yes'], { join: true });
    const next = await conversation.say('not a clue tbh, shes my sons girl');
    expect(allText(next)).not.toMatch(/as a number/);
  });

  it('"about 13 or 14" said of the child in passing is kept as 13 and confirmed, not asked', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['1', 'my grandson hasnt come home, hes about 13 or 14', 'No', 'yesterday at 6pm', 'Yes'], {
      join: true,
    });
    expect(allText(lastTurn(turns))).toMatch(/13/);
    expect(allText(lastTurn(turns))).not.toMatch(/How old/);
  });

  it('by text too: "dunno exactly" moves on', async () => {
    const sms = await startSmsHarness({ now: '2026-12-03T22:30:00Z' });
    try {
      const phone = '+447700900811';
      for (const text of ['my grandson hasnt come home, i look after him', 'yes', 'no', 'yesterday about 6pm', 'yes'])
        await sms.text(phone, text);
      const { replies } = await sms.text(phone, 'dunno exactly');
      expect(replies.join('\n')).not.toMatch(/as a number/);
      expect(replies.join('\n')).toMatch(/tried to call/);
    } finally {
      await sms.close();
    }
  });
});

describe("a parent's word about who the child would rather meet", () => {
  it('"she would prefer a woman to talk to" is noted as the child\'s wish, not the parent\'s', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['1', 'my daughter came back home last night', 'yes', 'no'], { join: true });
    const replies = await conversation.say('she would prefer a woman to talk to');
    expect(allText(replies)).toMatch(/they'd rather meet a woman/);
    expect(allText(replies)).not.toMatch(/you'd rather/);
  });

  it('by text too', async () => {
    const sms = await startSmsHarness({ now: '2026-12-03T10:30:00Z' });
    try {
      const phone = '+447700900815';
      for (const text of ['my daughter came back home last night', '1', 'no', 'yes']) await sms.text(phone, text);
      const { replies } = await sms.text(phone, 'she would prefer a woman to talk to');
      expect(replies.join('\n')).toMatch(/they'd rather meet a woman/);
    } finally {
      await sms.close();
    }
  });
});

describe('a call to the police said at "is that right?" about when they were last seen', () => {
  const TO_CONFIRM = ['1', 'my boy is 13 hes not come home since yesterday', 'no', 'yesterday about 4pm'];
  const CALL = 'the police already know, they had him as missing last time and i rang them again tonight';

  it('"i rang them again tonight" is when the call was made: the time kept is still 16:00, and the call is noted', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, [...TO_CONFIRM, CALL], { join: true });
    const text = allText(lastTurn(turns));
    expect(text).toContain('16:00');
    expect(text).not.toContain('20:00');
    expect(text).toMatch(/noted/);
  });

  it('by text too', async () => {
    const sms = await startSmsHarness();
    try {
      const phone = '+447700901001';
      for (const text of TO_CONFIRM) await sms.text(phone, text);
      const { replies } = await sms.text(phone, CALL);
      expect(replies.join('\n')).toContain('16:00');
      expect(replies.join('\n')).not.toContain('20:00');
    } finally {
      await sms.close();
    }
  });

  it('"the police have him down as missing" is the police told, noted', async () => {
    const conversation = harness.conversation();
    await walk(conversation, [...TO_CONFIRM, 'yes'], { join: true });
    const replies = await conversation.say('the police have him down as missing');
    expect(allText(replies)).toMatch(/noted/);
    expect(allText(replies)).not.toMatch(/didn't catch/);
  });
});

describe('"idk what to do" at the first "is that right?"', () => {
  it('is a plea, answered with the steps to come, never "didn\'t catch that"', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['my daughter is 15 she went out at 7 and hasnt come back', 'idk what to do'], { join: true });
    const text = allText(lastTurn(turns));
    expect(text).not.toMatch(/didn't catch/);
    expect(text).toMatch(/one step at a time/);
    // The question it was typed at, asked again below.
    expect(optionTitles(lastTurn(turns))).toContain('Yes');
  });

  it('by text too', async () => {
    const sms = await startSmsHarness();
    try {
      const phone = '+447700901002';
      await sms.text(phone, 'my daughter is 15 she went out at 7 and hasnt come back');
      const { replies } = await sms.text(phone, 'i dont know what to do');
      expect(replies.join('\n')).not.toMatch(/didn't catch/);
      expect(replies.join('\n')).toMatch(/one step at a time/);
    } finally {
      await sms.close();
    }
  });
});

describe('an age and a time in the first message', () => {
  it('"my boy is 13 hes not come home since yesterday" is noted once, not in two lines', async () => {
    const conversation = harness.conversation();
    await conversation.join();
    const replies = await conversation.say('my boy is 13 hes not come home since yesterday');
    expect(allText(replies).match(/noted/g)).toHaveLength(1);
    expect(allText(replies)).toMatch(/13/);
  });
});

describe('a yes with more said after it, unmarked', () => {
  const FIRST = 'my daughter Amber 13 wasnt in her bed when i got up for the toilet. window open';

  it('"yes i think so shes only 13" at "in danger right now?" is a yes: 999 now', async () => {
    const night = await startHarness({ now: '2026-11-24T02:30:00Z' });
    try {
      const conversation = night.conversation();
      const turns = await walk(conversation, [FIRST, 'yes i think so shes only 13'], { join: true });
      expect(allText(lastTurn(turns))).toMatch(/Call 999 now/);
      expect(allText(lastTurn(turns))).not.toMatch(/didn't catch/);
    } finally {
      await night.close();
    }
  });

  it('by text too', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T02:30:00Z' });
    try {
      const phone = '+447700901008';
      await sms.text(phone, FIRST);
      await sms.text(phone, 'yes');
      const { replies } = await sms.text(phone, 'yes i think so shes only 13');
      expect(replies.join('\n')).toMatch(/Call 999 now/);
    } finally {
      await sms.close();
    }
  });
});

describe('a young child lost in a crowd, by text', () => {
  it('"my little girl is lost at the fireworks crowd shes 5" is 999 in the first reply', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T17:00:00Z' });
    try {
      const phone = '+447700901009';
      const { replies } = await sms.text(
        phone,
        'my little girl is lost at the leeds castle fireworks crowd shes 5 i turned around and she was gone',
      );
      expect(replies.join('\n')).toMatch(/call 999 now/i);
    } finally {
      await sms.close();
    }
  });
});

describe('"not back", and a return said with a time long gone', () => {
  const FIRST = 'i am her mum. my daughter is not back, she came back last week with a hotel key card';

  it('"she came back last week" is the last episode: by text, the child is read as not home', async () => {
    const sms = await startSmsHarness();
    try {
      const phone = '+447700901010';
      const { replies } = await sms.text(phone, FIRST);
      expect(replies.join('\n')).toMatch(/has not come home/);
      expect(replies.join('\n')).not.toMatch(/glad they are back/);
    } finally {
      await sms.close();
    }
  });

  it('on the Bot Framework endpoint too', async () => {
    const conversation = harness.conversation();
    const replies = await conversation.say(FIRST);
    expect(allText(replies)).toMatch(/has not come home/);
  });
});

describe('a role typed at "It sounds like ... Is that right?"', () => {
  const FIRST = 'hi my daughter Keeley hasnt come home from school shes 14';

  it('by text, "parent" is a yes to the guess, not "didn\'t catch that"', async () => {
    const sms = await startSmsHarness();
    try {
      const phone = '+447700901015';
      await sms.text(phone, FIRST);
      const { replies } = await sms.text(phone, 'parent');
      expect(replies.join('\n')).not.toMatch(/didn't catch/);
      expect(replies.join('\n')).toMatch(/your child is in danger right now/);
    } finally {
      await sms.close();
    }
  });

  it('on the Bot Framework endpoint, "young person" is the writer instead, with no "Who is writing?"', async () => {
    const conversation = harness.conversation();
    await conversation.say(FIRST);
    const replies = await conversation.say('young person');
    expect(allText(replies)).not.toMatch(/didn't catch|Who is writing/);
    expect(allText(replies)).toMatch(/are you safe right now/);
  });
});

describe('a twentieth fresh walk: "what do i do now" after "999 if in a public place, otherwise 101"', () => {
  const WALK = ['parent', 'missing now', 'my son is 9 he hasnt come home from school', 'no'];
  const advised999 = (trail: string[]) => trail.filter((row) => row.startsWith('advised-999:'));

  it('is that call first, not a 999 the parent was never told to make', async () => {
    const conversation = harness.conversation();
    await walk(conversation, WALK, { join: true });
    const [reply] = await walk(conversation, ['ok what do i do now']);
    expect(allText(reply ?? [])).not.toMatch(/rung 999/);
    expect(allText(reply ?? [])).toMatch(/the call I gave you above/);
    expect(allText(reply ?? [])).toMatch(/last see/i);
    expect(advised999(await audit(conversation))).toEqual(['advised-999:P-DANGER-YOUNG']);
  });

  it('by text too', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
    try {
      const phone = '+447700901017';
      for (const text of ['hi', ...WALK]) await sms.text(phone, text);
      const { replies } = await sms.text(phone, 'ok what do i do now');
      expect(replies.join('\n')).not.toMatch(/rung 999/);
      expect(replies.join('\n')).toMatch(/the call I gave you above/);
    } finally {
      await sms.close();
    }
  });
});

describe('a twentieth fresh walk: a child of 4 lost where no public place is named', () => {
  const LOST = 'HELP cant find my daughter in bluewater shes 4';

  it('is "call 999 now" in the first reply', async () => {
    const conversation = harness.conversation();
    const [, reply] = await walk(conversation, [LOST], { join: true });
    expect(allText(reply ?? [])).toMatch(/call 999 now/);
    expect(await audit(conversation)).toContain('advised-999:P-DANGER-VERY-YOUNG');
  });

  it('an older child gone from home gets the police advice at its own question, not at once', async () => {
    const conversation = harness.conversation();
    const [, reply] = await walk(conversation, ['my son is 9 he hasnt come home from school'], { join: true });
    expect(allText(reply ?? [])).not.toMatch(/999 now/);
  });

  it('by text too, as the first text', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
    try {
      const { replies } = await sms.text('+447700901021', LOST);
      expect(replies.join('\n')).toMatch(/call 999 now/);
    } finally {
      await sms.close();
    }
  });
});

describe('a twenty-first fresh walk: a number put right', () => {
  it('"sorry I meant 6 not 5" at "5 hours ago, is that right?" moves the time, and is no age', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['parent', 'missing now', 'he is 15', 'no', '5 hours ago'], { join: true });
    const reply = allText(await conversation.say('sorry I meant 6 not 5'));
    expect(reply).toMatch(/17:00 \(6 hours ago\)/);
    expect(reply).not.toMatch(/noted that they are 6/);
    expect(allText(await conversation.say('yes'))).toMatch(/they are 15/);
  });

  it('where "5" is both the hour and the hours ago (17:00, at 22:00), "6 not 5" is asked again, not guessed', async () => {
    harness.clock.set('2026-11-24T22:00:00Z');
    try {
      const conversation = harness.conversation();
      await walk(conversation, ['parent', 'missing now', 'he is 15', 'no', '5 hours ago'], { join: true });
      const reply = allText(await conversation.say('no sorry 6 not 5'));
      expect(reply).not.toMatch(/18:00/);
      expect(reply).toMatch(/last see or hear/);
    } finally {
      harness.clock.set('2026-11-24T23:00:00Z');
    }
  });

  it('"hes 16 not 6", after 6, is the child\'s age put right, not someone else\'s', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['parent', 'missing now', 'my son is 6'], { join: true });
    expect(allText(await conversation.say('hes 16 not 6'))).toMatch(/noted that they are 16/);
  });

  it('by text too', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
    try {
      const phone = '+447700901024';
      for (const text of ['hi', 'parent', 'missing now', 'he is 15', 'no', '5 hours ago']) await sms.text(phone, text);
      const { replies } = await sms.text(phone, 'sorry I meant 6 not 5');
      expect(replies.join('\n')).toMatch(/17:00 \(6 hours ago\)/);
      expect(replies.join('\n')).not.toMatch(/noted that they are 6/);
    } finally {
      await sms.close();
    }
  });
});

describe('a twenty-first fresh walk: a 13-year-old out all night, written at 07:15', () => {
  const MORNING = '2026-11-25T07:15:00Z';
  const WALK = ['parent', 'missing now', 'my daughter is 13, she didnt come home last night', 'no', 'yesterday at 6pm', 'yes', 'yes', 'no'];

  it('is reported now, not searched for first', async () => {
    harness.clock.set(MORNING);
    try {
      const conversation = harness.conversation();
      const reply = allText(lastTurn(await walk(conversation, WALK, { join: true })));
      expect(reply).toMatch(/out all night/);
      expect(reply).toMatch(/101 now/);
      expect(await audit(conversation)).toContain('advised-101:P-REPORT-NOW-OVERNIGHT');
    } finally {
      harness.clock.set('2026-11-24T23:00:00Z');
    }
  });

  it('gone since this evening is not out all night', async () => {
    const conversation = harness.conversation();
    await walk(
      conversation,
      ['parent', 'missing now', 'my daughter is 13, she didnt come home', 'no', 'today at 6pm', 'yes', 'yes', 'no'],
      {
        join: true,
      },
    );
    expect(await audit(conversation)).not.toContain('advised-101:P-REPORT-NOW-OVERNIGHT');
  });

  it('by text too', async () => {
    const sms = await startSmsHarness({ now: MORNING });
    try {
      const phone = '+447700901025';
      let replies: string[] = [];
      for (const text of ['hi', ...WALK]) ({ replies } = await sms.text(phone, text));
      expect(replies.join('\n')).toMatch(/out all night/);
    } finally {
      await sms.close();
    }
  });
});

describe('a twenty-first fresh walk: words typed at a question that answer something else', () => {
  it('"idk what i do now" at "when did you last see them?" is not "just now"', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['parent', 'missing now', 'no'], { join: true });
    const reply = allText(await conversation.say('idk what i do now'));
    expect(reply).not.toMatch(/just now/);
  });

  it('"i told you i already reported it!" is kept, not "didn\'t catch that"', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['parent', 'missing now'], { join: true });
    const reply = allText(await conversation.say('i told you i already reported it!'));
    expect(reply).not.toMatch(/didn.t catch/i);
    expect(reply).toMatch(/in danger right now/);
  });

  it('"ive rung the police now they said they r sending someone" is the call, not a worry about exploitation', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['parent', 'missing now'], { join: true });
    const reply = allText(await conversation.say('ive rung the police now they said they r sending someone'));
    expect(reply).not.toMatch(/exploit/);
    expect(await audit(conversation)).toEqual([]);
  });

  it('"oops wrong one, im actually his nan", on the family journey, is the right place', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['parent'], { join: true });
    const reply = allText(await conversation.say('oops wrong one, im actually his nan'));
    expect(reply).not.toMatch(/didn.t catch/i);
    expect(reply).toMatch(/right place/);
    expect(reply).toMatch(/missing now, or are they back/);
  });

  it('by text too', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T23:00:00Z' });
    try {
      const phone = '+447700901028';
      for (const text of ['hi', 'parent', 'missing now', 'no']) await sms.text(phone, text);
      expect((await sms.text(phone, 'idk what i do now')).replies.join('\n')).not.toMatch(/just now/);
      const other = '+447700901029';
      for (const text of ['hi', 'parent']) await sms.text(other, text);
      expect((await sms.text(other, 'oops wrong one, im actually his nan')).replies.join('\n')).toMatch(/right place/);
    } finally {
      await sms.close();
    }
  });
});

describe('a twenty-first fresh walk, second round: what a parent tells at a question', () => {
  const AFTERNOON = '2026-11-24T15:00:00Z';
  const WALK = ['A parent or family member', 'Missing now', 'Not sure', 'an hour ago', 'Yes'];

  it('"4" at "how old is your child?" is "call 999 now", and the search comes after', async () => {
    harness.clock.set(AFTERNOON);
    try {
      const conversation = harness.conversation();
      await walk(conversation, WALK, { join: true });
      const reply = allText(await conversation.say('4'));
      expect(reply).toMatch(/call 999 now/);
      expect(await audit(conversation)).toContain('advised-999:P-DANGER-VERY-YOUNG');
    } finally {
      harness.clock.set('2026-11-24T23:00:00Z');
    }
  });

  it('"9" in the afternoon is not', async () => {
    harness.clock.set(AFTERNOON);
    try {
      const conversation = harness.conversation();
      await walk(conversation, WALK, { join: true });
      expect(allText(await conversation.say('9'))).not.toMatch(/call 999 now/);
    } finally {
      harness.clock.set('2026-11-24T23:00:00Z');
    }
  });

  it('a shopping centre named, with security looking, is a public place: 999 for a 10-year-old in the first reply', async () => {
    const conversation = harness.conversation();
    const reply = allText(
      lastTurn(
        await walk(
          conversation,
          ['A parent or family member', 'Missing now', 'my son is 10 he ran off in bluewater 20 mins ago, security are looking'],
          {
            join: true,
          },
        ),
      ),
    );
    expect(reply).toMatch(/call 999 now/i);
  });

  it('"the lads in the car were older, 20s maybe", at the risk question, is heard as danger to a child still gone', async () => {
    const conversation = harness.conversation();
    await walk(
      conversation,
      ['parent', 'missing now', 'my daughter is 16 she went with some lads in a car', 'no', 'yesterday at 4pm', 'yes', 'yes'],
      {
        join: true,
      },
    );
    const reply = allText(await conversation.say('not sure, the lads in the car were older, 20s maybe'));
    expect(reply).toMatch(/call 999 now/);
  });

  it('"went out at 4 said she\'d be back by 8, its 10 now" is last seen at 4, not "just now"', async () => {
    harness.clock.set('2026-11-24T22:00:00Z');
    try {
      const conversation = harness.conversation();
      await walk(conversation, ['parent', 'missing now', 'no'], { join: true });
      const reply = allText(await conversation.say("shes 15, went out at 4 said she'd be back by 8, its 10 now"));
      expect(reply).toMatch(/16:00/);
      expect(reply).not.toMatch(/just now/);
    } finally {
      harness.clock.set('2026-11-24T23:00:00Z');
    }
  });

  it('"ok im ringing them now" at "when did you last see them?" is the call, not the time', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['parent', 'missing now', 'no'], { join: true });
    const reply = allText(await conversation.say('ok im ringing them now'));
    expect(reply).not.toMatch(/just now/);
  });

  it('"ive called 999, theyre coming", after a text that says goodbye, is heard as the call made, not told again', async () => {
    const conversation = harness.conversation();
    await walk(
      conversation,
      ['please help my son 15 stormed out an hour ago and texted saying you wont have to worry about me anymore. hes self harmed before'],
      { join: true },
    );
    const reply = allText(await conversation.say('ive called 999, theyre coming. should i go out looking for him'));
    expect(reply).not.toMatch(/Call 999 now/);
    expect(reply).toMatch(/right thing/);
  });

  it('by text too', async () => {
    const sms = await startSmsHarness({ now: AFTERNOON });
    try {
      const phone = '+447700901033';
      for (const text of ['hi', ...WALK]) await sms.text(phone, text);
      expect((await sms.text(phone, '4')).replies.join('\n')).toMatch(/call 999 now/);
    } finally {
      await sms.close();
    }
  });
});

describe('a twenty-first fresh walk, second round: "skip" at the photo question', () => {
  it('moves on, as the details promise, and the summary says it was not given', async () => {
    const conversation = harness.conversation();
    await walk(conversation, [...TO_SEARCH, ...SEARCH_ALL_DONE, ...RISK]);
    const info = await walk(
      conversation,
      INFO.map((answer) => (answer === 'Yes' ? 'skip' : answer)),
    );
    expect(info.map(allText).join('\n')).not.toMatch(/didn.t catch|not sure how/i);
    expect(cardFacts(info[info.length - 1] ?? [])['Recent photo']).not.toBe('ready');
  });
});

describe('a twenty-second fresh walk: the police have already seen the child who is back', () => {
  it('"police have already been round to see him" is not told to ring 101 and say he is home', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['my son is 14 he came home last night, police have already been round to see him', 'no'], {
      join: true,
    });
    const reply = allText(lastTurn(turns));
    expect(reply).not.toMatch(/Tell the police on 101 that your child is home/);
    expect(reply).not.toMatch(/Did you report them/);
    expect(await audit(conversation)).not.toContain('advised-101:P-RETURN-SAFE-WELL');
    expect(await audit(conversation)).not.toContain('advised-101:P-RETURN-NOT-REPORTED');
  });

  it('said at a question ("the police found her at her mates and brought her home"), the same', async () => {
    const conversation = harness.conversation();
    const turns = await walk(
      conversation,
      ['A parent or family member', 'They are back', 'the police found her at her mates and brought her home', 'no'],
      { join: true },
    );
    expect(allText(lastTurn(turns))).not.toMatch(/Tell the police on 101 that your child is home/);
  });

  it('a parent who reported her missing and says nothing of the police since is still told to tell them', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['A parent or family member', 'They are back', 'no', 'yes'], { join: true });
    expect(allText(lastTurn(turns))).toMatch(/Tell the police on 101 that your child is home/);
  });

  it('by text too', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T10:00:00Z' });
    try {
      const phone = '+447700901037';
      for (const text of ['hi', 'parent', 'They are back', 'police brought him home at 3am']) await sms.text(phone, text);
      const { replies } = await sms.text(phone, 'no');
      expect(replies.join('\n')).not.toMatch(/Tell the police on 101 that your child is home/);
      expect(replies.join('\n')).toMatch(/already know/);
    } finally {
      await sms.close();
    }
  });
});

describe('a twenty-second fresh walk: a child who came back and has gone again', () => {
  it('"shes gone missing again", hours after the return steps, starts the missing steps again', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['A parent or family member', 'They are back', 'no', 'yes'], { join: true });
    harness.clock.advance(5 * 60 * 60_000);
    try {
      const turn = await conversation.say('shes gone missing again, she went out the back door 20 mins ago');
      expect(allText(turn)).toMatch(/new missing episode/);
      expect(optionTitles(turn)).toEqual(['Yes', 'No', 'Not sure']);
      expect(allText(turn)).toMatch(/in danger right now/);
    } finally {
      harness.clock.set('2026-11-24T23:00:00Z');
    }
  });

  it('"was she missing again? no she is fine" asks; it does not start them again', async () => {
    const conversation = harness.conversation();
    await walk(conversation, ['A parent or family member', 'They are back', 'no', 'yes'], { join: true });
    expect(allText(await conversation.say('was she missing again? no she is fine'))).not.toMatch(/new missing episode/);
  });

  it('by text, said at "Are they hurt or unwell?"', async () => {
    const sms = await startSmsHarness({ now: '2026-11-25T10:00:00Z' });
    try {
      const phone = '+447700901039';
      for (const text of ['hi', 'parent', 'They are back']) await sms.text(phone, text);
      const { replies } = await sms.text(phone, 'she came back last night but shes gone again this morning, shes 14');
      expect(replies.join('\n')).toMatch(/new missing episode/);
      expect(replies.join('\n')).toMatch(/in danger right now/);
    } finally {
      await sms.close();
    }
  });
});

describe('a twenty-second fresh walk: "came home this morning after being out all night", as a first message', () => {
  it('is the child back, not missing', async () => {
    const conversation = harness.conversation();
    const turns = await walk(
      conversation,
      ['my daughter came home this morning after being out all night. what happens now? do the police need to know'],
      { join: true },
    );
    expect(allText(lastTurn(turns))).toMatch(/glad they are back/);
    expect(allText(lastTurn(turns))).not.toMatch(/do you think your child is in danger/);
  });

  it('by text, the guess to confirm is that the child has come back', async () => {
    const sms = await startSmsHarness({ now: '2026-11-25T09:15:00Z' });
    try {
      const { replies } = await sms.text('+447700901040', 'she came home this morning after being out all night, what happens now');
      expect(replies.join('\n')).toMatch(/has come back/);
    } finally {
      await sms.close();
    }
  });
});

describe('a twenty-second fresh walk: a grandmother who looks after her granddaughter', () => {
  it('"I look after my grandaughter Lily", as the first message, is family, not a foster carer', async () => {
    const conversation = harness.conversation();
    const turns = await walk(
      conversation,
      ['Hello I am Doreen I look after my grandaughter Lily she is 11 she went to the shop at 4 oclock for milk and shes not back'],
      { join: true },
    );
    expect(allText(lastTurn(turns))).toMatch(/do you think your child is in danger/);
    expect(allText(lastTurn(turns))).not.toMatch(/the child is in danger right now\?/);
  });
});
