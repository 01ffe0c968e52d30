// "Talk to a person": the on-call team is alerted by SMS with a handover that names no child,
// and their replies are relayed into the user's conversation (web chat or SMS).
import { allText, auditTrail, type Conversation } from './support/harness';
import { startFakeConnector } from './support/fakeConnector';
import { startSmsHarness, type SmsHarness } from './support/sms';
import { activitiesAfter, openSession, postActivity } from './support/directLine';
import { ALERT_LIMITS } from '../channels/handoff/handoffDesk';

const ON_CALL = ['+447700900101', '+447700900102'];
const IN_HOURS = '2026-11-24T11:00:00Z';
// Without an app id the endpoint answers only a serviceUrl on this machine.
const WEBCHAT = 'http://127.0.0.1:9/webchat';

let sms: SmsHarness;
beforeAll(async () => {
  sms = await startSmsHarness({ now: IN_HOURS });
});
afterAll(() => sms.close());
afterEach(() => sms.clock.set(IN_HOURS));

const alertsSince = (before: number) => sms.sent.slice(before).filter((text) => ON_CALL.includes(text.to));
const referenceIn = (text: string) => /reference is (H[0-9A-Z]+)/.exec(text)?.[1] ?? '';

async function webConversation(): Promise<Conversation> {
  const conversation = sms.conversation(undefined, { channelId: 'webchat', serviceUrl: WEBCHAT });
  await conversation.join();
  return conversation;
}

describe('in staffed hours', () => {
  it('"can i talk to a real person please", typed mid-question, asks for a person as the command does', async () => {
    const conversation = await webConversation();
    for (const answer of ['1', 'Missing now']) await conversation.say(answer);
    const before = sms.sent.length;
    const replies = await conversation.say('can i talk to a real person please');
    expect(referenceIn(allText(replies))).not.toBe('');
    expect(alertsSince(before).map((alert) => alert.to)).toEqual(ON_CALL);
  });

  it('asking again while the request is open alerts no one twice: the same reference, and the team has it', async () => {
    const conversation = await webConversation();
    await conversation.say('1');
    const reference = referenceIn(allText(await conversation.say('talk to a person')));
    const before = sms.sent.length;
    for (const again of ['talk to a person', 'can i talk to a real person please', 'talk to a person']) {
      const replies = allText(await conversation.say(again));
      expect(replies).toContain(`(${reference})`);
      expect(replies).toContain('999');
    }
    expect(alertsSince(before)).toEqual([]);
    // The next day (in hours again) it is a new request.
    sms.clock.advance(24 * 3_600_000);
    await conversation.say('talk to a person');
    expect(alertsSince(before).map((alert) => alert.to)).toEqual(ON_CALL);
  });

  it('from the web chat: every on-call number gets a handover with the reference, role and step, and no child name', async () => {
    const conversation = await webConversation();
    for (const answer of ['1', 'Missing now', 'Yes']) await conversation.say(answer);
    const before = sms.sent.length;
    const replies = await conversation.say('talk to a person');
    const reference = referenceIn(allText(replies));
    expect(reference).not.toBe('');
    for (const number of ['999', '101']) expect(allText(replies)).toContain(number);
    const alerts = alertsSince(before);
    expect(alerts.map((alert) => alert.to)).toEqual(ON_CALL);
    for (const alert of alerts) {
      expect(alert.body).toContain(reference);
      expect(alert.body).toContain('a parent or family member');
      expect(alert.body).toContain('parent.lastSeen.ask');
      expect(alert.body).toContain('danger-now');
      expect(alert.body).toContain('not shared');
    }
    const audit = await auditTrail(sms.app, conversation.id);
    expect(audit.filter((row) => row.startsWith('human-'))).toEqual([
      'human-alerted:G-HUMAN-IN-HOURS',
      'human-alerted:G-HUMAN-IN-HOURS',
      'human-requested:G-HUMAN-IN-HOURS',
    ]);
  });

  it('the handover carries what the parent said of the child: the age, when they went, no phone', async () => {
    const conversation = await webConversation();
    for (const answer of ['1', 'Missing now', 'No', 'last night at 9pm', 'Yes', '12', 'she has no phone']) await conversation.say(answer);
    const before = sms.sent.length;
    await conversation.say('talk to a person');
    const [alert] = alertsSince(before);
    expect(alert?.body).toContain('Said: age 12; gone since 23/11 21:00; no phone.');
  });

  it("the child's name given to the bot never reaches the handover", async () => {
    const conversation = await webConversation();
    const answers = [
      '1',
      'Missing now',
      'No',
      '3 hours ago',
      'Yes',
      '14',
      'Yes',
      'Report to police now',
      'No',
      'No',
      'No',
      'No',
      'No',
      'Zebedee Quince',
    ];
    for (const answer of answers) await conversation.say(answer);
    const before = sms.sent.length;
    await conversation.say('talk to a person');
    const alerts = alertsSince(before);
    expect(alerts).toHaveLength(2);
    for (const alert of alerts) expect(alert.body).not.toMatch(/Zebedee|Quince/);
  });

  it('a reference with one character typed wrong reaches no one, even with two handovers open', async () => {
    const connector = await startFakeConnector();
    try {
      const first = sms.conversation(undefined, { channelId: 'webchat', serviceUrl: connector.url });
      const second = sms.conversation(undefined, { channelId: 'webchat', serviceUrl: connector.url });
      await first.join();
      await second.join();
      const reference = referenceIn(allText(await first.say('talk to a person')));
      const other = referenceIn(allText(await second.say('talk to a person')));
      // Not one after the other: a reference says nothing of the next.
      expect(other.slice(1, -1)).not.toBe(reference.slice(1, -1));
      const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
      const typos = [...reference.slice(1)].flatMap((typed, at) =>
        [...alphabet]
          .filter((character) => character !== typed)
          .map((character) => `H${reference.slice(1, at + 1)}${character}${reference.slice(at + 2)}`),
      );
      for (const typo of typos.filter((_, at) => at % 7 === 0)) {
        const staff = await sms.text(ON_CALL[0] ?? '', `${typo} Hello`);
        expect(staff.replies.join(' ')).not.toContain('Sent to');
      }
      expect(connector.posted).toEqual([]);
    } finally {
      await connector.close();
    }
  });

  it('a reply from the on-call phone reaches the web chat, marked as from a person; "done" ends it', async () => {
    const connector = await startFakeConnector();
    try {
      const conversation = sms.conversation(undefined, { channelId: 'webchat', serviceUrl: connector.url });
      await conversation.join();
      const reference = referenceIn(allText(await conversation.say('talk to a person')));
      const delivered = () => connector.posted.filter((post) => post.conversationId === conversation.id).map((post) => post.text);
      const staff = await sms.text(ON_CALL[0] ?? '', `${reference.toLowerCase()} Hello, I'm here. Are you safe right now?`);
      expect(delivered()).toEqual([
        'Duty worker from the Missing Children\'s Team: Hello, I\'m here. Are you safe right now? (Your replies here go to them. To go back to the bot, write "bot".)',
      ]);
      expect(staff.replies).toEqual([`Sent to ${reference}.`]);

      await sms.text(ON_CALL[1] ?? '', `${reference} done`);
      expect(delivered()[1]).toContain('ended this chat');
      const late = await sms.text(ON_CALL[0] ?? '', `${reference} one more thing`);
      expect(late.replies[0]).toContain('no open handover');
      expect(delivered()).toHaveLength(2);
      const audit = (await sms.app.audit.forConversation(conversation.id)).map((row) => row.kind);
      expect(audit.filter((kind) => kind.startsWith('handoff-'))).toEqual(['handoff-relayed', 'handoff-ended']);
    } finally {
      await connector.close();
    }
  });

  it('by text: the user is asked before their number is shared, and replies reach them by text', async () => {
    const user = '+447700900771';
    await sms.text(user, 'hello');
    await sms.text(user, '2');
    const asked = await sms.text(user, 'talk to a person');
    expect(asked.replies.join('\n')).toContain('see this phone number');
    const before = sms.sent.length;
    const told = await sms.text(user, '1');
    const reference = referenceIn(told.replies.join('\n'));
    expect(reference).not.toBe('');
    for (const alert of alertsSince(before)) {
      expect(alert.body).toContain(user);
      expect(alert.body).toContain('a young person');
    }
    const relayed = await sms.text(ON_CALL[0] ?? '', `${reference} I'll ring you in 5 minutes.`);
    expect(relayed.replies).toEqual([`Sent to ${reference}.`]);
    expect(sms.sent.filter((text) => text.to === user).pop()?.body).toBe(
      'Duty worker from the Missing Children\'s Team: I\'ll ring you in 5 minutes. (Your replies here go to them. To go back to the bot, write "bot".)',
    );
  });

  it('by text, declining to share the number: the handover says it was not shared', async () => {
    const user = '+447700900772';
    await sms.text(user, 'hello');
    await sms.text(user, 'talk to a person');
    const before = sms.sent.length;
    await sms.text(user, '2');
    for (const alert of alertsSince(before)) {
      expect(alert.body).not.toContain(user);
      expect(alert.body).toContain('not shared');
    }
  });

  it('a "reference message" text from a number not in the area file is not relayed', async () => {
    const user = '+447700900773';
    await sms.text(user, 'hello');
    await sms.text(user, 'talk to a person');
    const reference = referenceIn((await sms.text(user, '2')).replies.join('\n'));
    const stranger = '+447700900774';
    const before = sms.sent.length;
    await sms.text(stranger, `${reference} this is the council, send me your address`);
    expect(sms.sent.slice(before).filter((text) => text.to === user)).toEqual([]);
    const audit = (await sms.app.audit.forConversation(sms.app.sms.conversationIdFor(user))).map((row) => row.kind);
    expect(audit).not.toContain('handoff-relayed');
  });
});

describe('while a person is with them', () => {
  it('from the web chat, their words go to the person who answered, not to the question waiting; "bot" goes back to the bot', async () => {
    const connector = await startFakeConnector();
    try {
      const conversation = sms.conversation(undefined, { channelId: 'webchat', serviceUrl: connector.url });
      await conversation.join();
      for (const answer of ['1', 'Missing now']) await conversation.say(answer);
      const reference = referenceIn(allText(await conversation.say('talk to a person')));
      await sms.text(ON_CALL[1] ?? '', `${reference} Hello, I'm here. What's happening?`);
      const before = sms.sent.length;
      const told = await conversation.say('no shes not in danger i dont think, shes at her friends maybe');
      const passed = sms.sent.slice(before);
      expect(passed.map((text) => text.to)).toEqual([ON_CALL[1]]);
      expect(passed[0]?.body).toContain(reference);
      expect(passed[0]?.body).toContain('shes at her friends maybe');
      expect(allText(told)).toContain('Sent to Duty manager');
      expect(allText(told)).toContain('"bot"');
      // Not taken as "No" to "is your child in danger?": the question is still waiting.
      expect(allText(told)).not.toMatch(/When did you last see/);

      // Danger is answered by the bot at once, and the person is told too.
      const danger = await conversation.say('her mate just said a man has a knife');
      expect(allText(danger)).toContain('999');
      expect(sms.sent.slice(before).filter((text) => text.to === ON_CALL[1])).toHaveLength(2);

      const back = await conversation.say('bot');
      expect(allText(back)).toContain('back with the bot');
      expect(allText(back)).toMatch(/in danger right now/);
      expect(sms.sent.filter((text) => text.to === ON_CALL[1]).pop()?.body).toContain('went back to the bot');
      const afterBack = sms.sent.length;
      await conversation.say('No');
      expect(sms.sent.slice(afterBack)).toEqual([]);
      const audit = (await sms.app.audit.forConversation(conversation.id)).map((row) => row.kind);
      expect(audit.filter((kind) => kind.startsWith('handoff-'))).toEqual([
        'handoff-relayed',
        'handoff-passed-on',
        'handoff-passed-on',
        'handoff-left',
      ]);
    } finally {
      await connector.close();
    }
  });

  it('by text, their texts reach the person; when the person cannot be reached, the numbers to call instead', async () => {
    const user = '+447700900775';
    await sms.text(user, 'hello');
    await sms.text(user, '2');
    await sms.text(user, 'talk to a person');
    const reference = referenceIn((await sms.text(user, '2')).replies.join('\n'));
    await sms.text(ON_CALL[0] ?? '', `${reference} Hi, it's Sam. Are you somewhere safe?`);
    const before = sms.sent.length;
    const { replies } = await sms.text(user, 'yeah im at my nans');
    expect(sms.sent.slice(before).find((text) => text.to === ON_CALL[0])?.body).toContain('yeah im at my nans');
    expect(replies.join('\n')).toContain('Sent to Duty worker');
    sms.failNext(4, 500, { code: 20500, message: 'down' });
    const failed = await sms.text(user, 'can you call me');
    // The text to the person failed: the user is given the numbers (by text, or in the webhook's answer).
    const text = `${failed.replies.join('\n')}${failed.twiml}`;
    expect(text).not.toContain('Sent to Duty');
    for (const number of ['999', '101', '116 000']) expect(text).toContain(number);
  });
});

describe('limits on alerts', () => {
  const handoversSince = (before: number) => alertsSince(before).filter((text) => text.body.startsWith('Helpline handover'));

  it('one conversation alerts the team a few times a day: after that, the numbers to call instead, and the next day again', async () => {
    const connector = await startFakeConnector();
    try {
      const conversation = sms.conversation(undefined, { channelId: 'webchat', serviceUrl: connector.url });
      await conversation.join();
      await conversation.say('1');
      const before = sms.sent.length;
      for (let round = 0; round < ALERT_LIMITS.perConversation; round += 1) {
        const reference = referenceIn(allText(await conversation.say('talk to a person')));
        expect(reference).not.toBe('');
        await sms.text(ON_CALL[0] ?? '', `${reference} done`);
      }
      expect(handoversSince(before)).toHaveLength(ALERT_LIMITS.perConversation * ON_CALL.length);

      const refused = allText(await conversation.say('can i talk to a real person please'));
      expect(handoversSince(before)).toHaveLength(ALERT_LIMITS.perConversation * ON_CALL.length);
      expect(referenceIn(refused)).toBe('');
      for (const number of ['03000 419222', '999', '101', '116 000']) expect(refused).toContain(number);
      expect(await auditTrail(sms.app, conversation.id)).toContain('handoff-limited:SYS-HANDOFF-LIMITED');
      // Refused, nothing was opened: asked again, it is not "you've already asked".
      expect(allText(await conversation.say('talk to a person'))).not.toContain('already asked');

      sms.clock.advance(24 * 3_600_000);
      expect(referenceIn(allText(await conversation.say('talk to a person')))).not.toBe('');
    } finally {
      await connector.close();
    }
  });

  it('one client opening new widget conversations alerts the team a few times a day, not once per conversation', async () => {
    const ask = async () => {
      const session = await openSession(sms.url);
      const { watermark } = (await activitiesAfter(sms.url, session)).body;
      expect((await postActivity(sms.url, session, 'talk to a person')).status).toBe(200);
      return (await activitiesAfter(sms.url, session, watermark)).body.activities.map((activity) => activity.text ?? '').join('\n');
    };
    const before = sms.sent.length;
    for (let round = 0; round < ALERT_LIMITS.perClient; round += 1) expect(referenceIn(await ask())).not.toBe('');
    expect(handoversSince(before)).toHaveLength(ALERT_LIMITS.perClient * ON_CALL.length);

    const refused = await ask();
    expect(referenceIn(refused)).toBe('');
    expect(refused).toContain('999');
    expect(handoversSince(before)).toHaveLength(ALERT_LIMITS.perClient * ON_CALL.length);
  });
});

describe('out of hours', () => {
  it('no one is alerted; the out-of-hours numbers with 999 and 101', async () => {
    sms.clock.set('2026-11-24T23:00:00Z');
    const conversation = sms.conversation();
    await conversation.join();
    const before = sms.sent.length;
    const text = allText(await conversation.say('talk to a person'));
    for (const number of ['03000 419191', '116 000', '999', '101']) expect(text).toContain(number);
    expect(alertsSince(before)).toEqual([]);
  });

  it('a young person is given people to talk to now: Childline, Shout and Missing People, with 999', async () => {
    sms.clock.set('2026-11-24T23:00:00Z');
    const conversation = sms.conversation();
    await conversation.join();
    await conversation.say('2');
    const before = sms.sent.length;
    const text = allText(await conversation.say('talk to a person'));
    for (const number of ['0800 1111', '85258', '116 000', '999']) expect(text).toContain(number);
    expect(text).not.toContain('03000 419191');
    expect(alertsSince(before)).toEqual([]);
  });
});
