// A danger phrase reaches 999 from every dialog state that exists, and the dialog carries on
// with the question it was asking.
//
// The states' paths share their beginnings, so each message of the table is sent once: a walk
// goes along the paths (a test carries on the walk whose path so far begins its own), and at
// each state the conversation is copied into a new one that hears the danger phrases. The walk
// itself never hears them, so every state is reached exactly as by its path from the start.
import { type Dialog, type DialogSet } from 'botbuilder-dialogs';
import { WaitingDialog } from '../dialogs/base/waitingDialog';
import { POLICE_FIELDS, PROFILE_FIELDS } from '../dialogs/parent/parentCase';
import { CARER_RISKS } from '../bot/content/vocabulary';
import { RootDialog } from '../dialogs/root/rootDialog';
import { allText, optionTitles, startHarness, type Conversation, type Harness, type Reply } from './support/harness';
import { startSmsHarness, type SmsHarness } from './support/sms';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.close());

const PARENT = ['1', 'Missing now', 'No', 'yesterday at 9pm', 'Yes', '14', 'Yes', 'No'];
const REPORT_NOW = [...PARENT, 'Report to police now'];
const RISK_ALL_NO_BUT_BEFORE = ['No', 'No', 'No', 'No', 'Yes'];
const TO_INFO = [...REPORT_NOW, ...RISK_ALL_NO_BUT_BEFORE, '3'];
const INFO_FIELDS = [...POLICE_FIELDS, 'reporter'];
const answerFor = (field: string) => (field === 'photo' ? 'No' : 'skip');
const PROFILE = ['1', 'Prepare in advance', 'Yes'];
const PROFILE_KEPT = [...PROFILE, '90 days'];
const PROFILE_ANSWERS = PROFILE_FIELDS.map(answerFor);
const CARER_WENT = ['3', 'No', "I don't know", 'idk'];
const CARER_NO_RISKS = CARER_RISKS.map(() => 'No');
const CARER_MISSING = [...CARER_WENT, ...CARER_NO_RISKS];
const CARER_ABSENT = ['3', 'No', 'I know where they are', 'idk', ...CARER_NO_RISKS];
const YOUNG = ['2', 'Yes', "I'm back", 'Someone new', 'last night', 'Yes', 'Library', '1', 'Text my mobile', 'skip'];
const YOUNG_TO_REACH = YOUNG.slice(0, 8);
/** A young person whose friend is missing, who said so first and confirmed it. */
const YOUNG_ABOUT_A_FRIEND = ['im 15 and my best friend ran away last night', 'Yes'];
const YOUNG_STATES = [
  'youngPerson.where',
  'youngPerson.offer',
  'youngPerson.returned.ask',
  'youngPerson.returned.confirm',
  'youngPerson.place',
  'youngPerson.when',
  'youngPerson.reach',
  'youngPerson.number',
  'youngPerson.confirm',
];

/**
 * Every state a conversation can wait in, with the messages (after joining) that reach it. A
 * dialog that waits for input and is not listed here fails the completeness test below.
 */
const states: Array<{ waitsIn: string; path: string[] }> = [
  { waitsIn: 'root.role', path: [] },
  { waitsIn: 'root.understood', path: ['my daughter didnt come home'] },
  { waitsIn: 'parent.situation', path: ['1'] },
  { waitsIn: 'parent.danger', path: ['1', 'Missing now'] },
  { waitsIn: 'parent.lastSeen.ask', path: PARENT.slice(0, 3) },
  { waitsIn: 'parent.lastSeen.confirm', path: PARENT.slice(0, 4) },
  // When they went, said at another question: read back later, as said earlier.
  { waitsIn: 'parent.lastSeen.confirmSaid', path: ['1', 'Missing now', 'she went out at 7', 'No'] },
  // Words that may say the child is back, mid-journey: asked about.
  { waitsIn: 'parent.backCheck.question', path: [...PARENT.slice(0, 3), 'we found his bike'] },
  { waitsIn: 'parent.age', path: PARENT.slice(0, 5) },
  { waitsIn: 'parent.contact', path: PARENT.slice(0, 6) },
  { waitsIn: 'parent.atRisk', path: PARENT.slice(0, 7) },
  { waitsIn: 'parent.search', path: PARENT },
  ...['medical', 'selfHarm', 'exploitation', 'substances', 'before'].map((factor, index) => ({
    waitsIn: `parent.risk.${factor}`,
    path: [...REPORT_NOW, ...RISK_ALL_NO_BUT_BEFORE.slice(0, index)],
  })),
  { waitsIn: 'parent.risk.episodes', path: [...REPORT_NOW, ...RISK_ALL_NO_BUT_BEFORE] },
  ...INFO_FIELDS.map((field, index) => ({
    waitsIn: `parent.info.${field}`,
    path: [...TO_INFO, ...INFO_FIELDS.slice(0, index).map(answerFor)],
  })),
  // What they wore, said with the name: at the description question, what to add to it.
  { waitsIn: 'parent.info.descriptionAdded', path: [...TO_INFO, 'Amy, she was wearing a red coat', 'skip', 'skip', 'skip'] },
  // Where she was last seen and who with, said with the name: what to add to each.
  { waitsIn: 'parent.info.whereLastSeenAdded', path: [...TO_INFO, 'Amy, last seen at the park with josh', 'skip'] },
  { waitsIn: 'parent.info.whoWithAdded', path: [...TO_INFO, 'Amy, last seen at the park with josh', 'skip', 'skip'] },
  // A worry told with the name: at "anything else that makes you more worried?", what to add to it.
  {
    waitsIn: 'parent.info.increasesRiskAdded',
    path: [
      ...TO_INFO,
      'Amy, she has been seeing a man who is 25',
      ...INFO_FIELDS.slice(1, INFO_FIELDS.indexOf('increasesRisk')).map(answerFor),
    ],
  },
  { waitsIn: 'parent.profile.consent', path: PROFILE.slice(0, 2) },
  { waitsIn: 'parent.profile.keep', path: PROFILE },
  ...PROFILE_FIELDS.map((field, index) => ({
    waitsIn: `parent.profile.${field}`,
    path: [...PROFILE_KEPT, ...PROFILE_ANSWERS.slice(0, index)],
  })),
  { waitsIn: 'parent.back.hurt', path: ['1', 'They are back'] },
  { waitsIn: 'parent.back.reported', path: ['1', 'They are back', 'No'] },
  { waitsIn: 'parent.back.next', path: ['1', 'They are back', 'No', 'Yes'] },
  { waitsIn: 'parent.back.askedChild', path: ['1', 'They are back', 'No', 'Yes', 'Book it now'] },
  { waitsIn: 'parent.back.withWhom', path: ['1', 'They are back', 'No', 'Yes', 'Book it now', 'Yes'] },
  { waitsIn: 'parent.back.returned.ask', path: ['1', 'They are back', 'No', 'Yes', 'Book it now', 'Yes', 'Someone independent'] },
  {
    waitsIn: 'parent.back.returned.confirm',
    path: ['1', 'They are back', 'No', 'Yes', 'Book it now', 'Yes', 'Someone independent', 'last night'],
  },
  { waitsIn: 'carer.danger', path: ['3'] },
  { waitsIn: 'carer.whereabouts', path: ['3', 'No'] },
  { waitsIn: 'carer.went.ask', path: CARER_WENT.slice(0, 3) },
  { waitsIn: 'carer.went.confirm', path: ['3', 'No', "I don't know", '22:00'] },
  { waitsIn: 'carer.went.confirmSaid', path: ['3', 'she went out at 7', 'No', "I don't know"] },
  ...CARER_RISKS.map((risk, index) => ({ waitsIn: `carer.risk.${risk}`, path: [...CARER_WENT, ...CARER_NO_RISKS.slice(0, index)] })),
  { waitsIn: 'carer.order', path: CARER_MISSING },
  { waitsIn: 'carer.enquiries', path: [...CARER_MISSING, 'No'] },
  { waitsIn: 'carer.remindMissing', path: [...CARER_MISSING, 'No', 'Done', 'Done', 'Done', 'Done', 'Done'] },
  { waitsIn: 'carer.remindAbsence', path: CARER_ABSENT },
  { waitsIn: 'carer.wait', path: [...CARER_ABSENT, 'No'] },
  { waitsIn: 'carer.waitMissing', path: [...CARER_MISSING, 'No', 'Done', 'Done', 'Done', 'Done', 'Done', 'No'] },
  { waitsIn: 'youngPerson.safe', path: ['2'] },
  ...YOUNG_STATES.map((waitsIn, index) => ({ waitsIn, path: YOUNG.slice(0, index + 2) })),
  { waitsIn: 'youngPerson.reachCarer', path: [...YOUNG_TO_REACH, 'my carer'] },
  { waitsIn: 'youngPerson.reachSchool', path: [...YOUNG_TO_REACH, 'at school'] },
  { waitsIn: 'youngPerson.homeSafe', path: ['2', 'Yes', 'Away now'] },
  { waitsIn: 'youngPerson.talk', path: ['2', 'Yes', 'Away now', 'Yes'] },
  // Back, and not safe right now: whether home is safe is asked before the offer.
  { waitsIn: 'youngPerson.backHomeSafe', path: ['2', 'No', "I'm back"] },
  { waitsIn: 'youngPerson.who', path: ['2', 'Yes', "I'm back", 'Someone I trust'] },
  { waitsIn: 'youngPerson.someoneElse.youOk', path: YOUNG_ABOUT_A_FRIEND },
  { waitsIn: 'professional.who', path: ['4'] },
  { waitsIn: 'professional.situation', path: ['4', '1'] },
  { waitsIn: 'professional.group', path: ['4', '1', '1'] },
  { waitsIn: 'professional.exploitationWorry', path: ['4', '1', '1', 'None of these'] },
  { waitsIn: 'professional.back.reported', path: ['4', '1', 'A child is back'] },
  { waitsIn: 'booking.change.slot', path: [...YOUNG, 'Yes', 'change {{booking}}'] },
  { waitsIn: 'booking.change.confirmCancel', path: [...YOUNG, 'Yes', 'cancel it'] },
  {
    waitsIn: 'parent.info.useProfile',
    path: [...PROFILE_KEPT, ...PROFILE_ANSWERS, 'hello', ...REPORT_NOW, ...RISK_ALL_NO_BUT_BEFORE.slice(0, 4), 'No'],
  },
];

/** The professional's journey, walked to its end. */
const PROFESSIONAL_TO_THE_END = ['4', 'Other', 'A child is back', 'Yes', 'None of these', 'No'];

/**
 * A young person (the role chosen with '2') is given 999 in words for them, by their own rule;
 * talk of a friend's suicide is 999 for the friend (G-DANGER-YP-FRIEND), and an adult is told
 * what to do about the child's (G-DANGER-SUICIDE), as is a medical emergency (G-DANGER-MEDICAL: an ambulance).
 */
const SUICIDE_MESSAGE = 'She said she wants to KILL HERSELF';
const MEDICAL_MESSAGE = "she's not breathing";
const TAKEN_MESSAGE = 'he was taken by a stranger';
const SON_IN_DANGER = 'my son is in danger';
const dangerRuleFor = (path: string[], message = '') => {
  const youngPerson = path[0] === '2' || path[0] === YOUNG_ABOUT_A_FRIEND[0];
  if (message === SUICIDE_MESSAGE) return youngPerson ? 'G-DANGER-YP-FRIEND' : 'G-DANGER-SUICIDE';
  // A medical emergency is an ambulance for anyone: a young person telling of someone else's is
  // told to stay with them.
  if (message === MEDICAL_MESSAGE) return youngPerson ? 'G-DANGER-YP-FRIEND-MEDICAL' : 'G-DANGER-MEDICAL';
  // "he was taken", "my son is in danger", from a young person: 999 for him, not "the police will come and help you".
  // An adult told of a child in danger now or taken is told "call 999 now", plainly.
  if (message === TAKEN_MESSAGE || message === SON_IN_DANGER) return youngPerson ? 'G-DANGER-YP-FRIEND-DANGER' : 'G-DANGER-999-NOW';
  // Danger that names nobody ("someone has a knife"): a young person is told "call 999 now", not "if you are in danger".
  return youngPerson ? 'G-DANGER-YP-NOW' : 'G-DANGER-999-NOW';
};

const dangerMessages = [SON_IN_DANGER, SUICIDE_MESSAGE, 'someone has a knife', TAKEN_MESSAGE, MEDICAL_MESSAGE];

const nonsenseMessages = ['asdf ghjk', 'purple monkey dishwasher', '?? ?'];

/** A conversation walked along a path: what it has been sent, and the replies to the last message. */
interface Walk {
  conversation: Conversation;
  said: string[];
  last: Reply[];
  booking: string;
}

/**
 * Reaches each state of a table by walking its path, carrying on the walk (of `harness`) whose
 * path so far begins this one, and returns a copy of the conversation at that state, with the
 * replies to the path's last message. "{{booking}}" in a path stands for the reference of the
 * booking made earlier in it.
 */
function walker(app: () => Promise<Harness>) {
  const walks: Walk[] = [];
  return async (path: string[]): Promise<{ conversation: Conversation; last: Reply[] }> => {
    const on = await app();
    const begins = (walk: Walk) => walk.said.length <= path.length && walk.said.every((message, index) => message === path[index]);
    const longest = walks.filter(begins).sort((a, b) => b.said.length - a.said.length)[0];
    // Taken out while it walks: should a message fail, the walk is not used again.
    if (longest) walks.splice(walks.indexOf(longest), 1);
    const walk = longest ?? { conversation: on.conversation(), said: [], last: [], booking: '' };
    if (!longest) walk.last = await walk.conversation.join();
    for (const message of path.slice(walk.said.length)) {
      walk.last = await walk.conversation.say(message.replace('{{booking}}', walk.booking));
      walk.booking = /number for it is (B[0-9A-Z]+)/.exec(allText(walk.last))?.[1] ?? walk.booking;
      walk.said.push(message);
    }
    walks.push(walk);
    return { conversation: await branch(on, walk.conversation), last: walk.last };
  };
}

/** A new conversation with the state (conversation and user) that `from` has now. */
async function branch(on: Harness, from: Conversation): Promise<Conversation> {
  const copy = on.conversation();
  const key = (conversation: Conversation) => [`test/conversations/${conversation.id}/`, `test/users/user-${conversation.id}/`];
  const [fromConversation, fromUser] = key(from);
  const [toConversation, toUser] = key(copy);
  const copied = await on.app.db.query(
    `insert into bot_state (key, doc) select case key when $1 then $3 else $4 end, doc from bot_state where key in ($1, $2) returning key`,
    [fromConversation, fromUser, toConversation, toUser],
  );
  if (!copied.some((row) => row.key === toConversation)) throw new Error(`no state stored for ${from.id}`);
  return copy;
}

const lastQuestion = (replies: Reply[]): string => [...replies].reverse().find((reply) => reply.text)?.text ?? '';

const reach = walker(async () => harness);

/**
 * Danger said at a question: 999 first, every time. The message is also read as an answer: if it
 * answers, the journey moves on; if not, the question is asked again, but never in two replies
 * running (the 999 reply stands alone the second time).
 */
function expectDangerHeardAndNoRepeats(turns: Reply[][], question: string): void {
  for (const replies of turns) expect(replies[0]?.text).toContain('999');
  const asked = [question, ...turns.map((replies) => lastQuestion(replies.slice(1)))];
  // After the first danger message the conversation goes on: the same question again, or the next.
  expect(asked[1]).not.toBe('');
  // A question is asked, and asked again once after danger, but never a third time running.
  for (let at = 2; at < asked.length; at += 1) {
    if (asked[at] !== '') expect(asked[at] === asked[at - 1] && asked[at - 1] === asked[at - 2]).toBe(false);
  }
}

describe.each(states)('waiting in $waitsIn', ({ path }) => {
  it('every danger phrase gives 999 first and records the danger rule for who is writing; the message is an answer too, and no question is asked twice running', async () => {
    const { conversation, last } = await reach(path);
    const question = lastQuestion(last);
    expect(question).not.toBe('');
    const before = (await harness.app.audit.forConversation(conversation.id)).length;
    const turns: Reply[][] = [];
    for (const message of dangerMessages) turns.push(await conversation.say(message));
    expectDangerHeardAndNoRepeats(turns, question);
    const audit = await harness.app.audit.forConversation(conversation.id);
    expect(
      audit
        .slice(before)
        .filter((row) => row.kind === 'advised-999')
        .map((row) => row.ruleId),
    ).toEqual(dangerMessages.map((message) => dangerRuleFor(path, message)));
  });

  it('three nonsense messages never get the same reply three times, and a question still waiting offers a way on', async () => {
    const { conversation, last: asked } = await reach(path);
    const question = lastQuestion(asked);
    const replies: Reply[][] = [];
    for (const message of nonsenseMessages) replies.push(await conversation.say(message));
    for (const reply of replies) expect(lastQuestion(reply)).not.toBe('');
    expect(new Set(replies.map(allText)).size).toBeGreaterThan(1);
    // Free text is an answer, and the journey moves on; a question asked yet again offers a way
    // on: options to tap or number, or a person, 999 and 101.
    const last = replies[replies.length - 1] ?? [];
    if (allText(last).includes(question)) {
      expect(optionTitles(last).length > 0 || /talk to a person/.test(allText(last))).toBe(true);
    }
  });
});

/** States only a text conversation reaches (in office hours): asked whether the team may see the number. */
const smsStates: Array<{ waitsIn: string; path: string[] }> = [
  { waitsIn: 'handoff.consent', path: ['hello', 'talk to a person'] },
  { waitsIn: 'youngPerson.reachByText', path: ['hello', '2', '1', '2', '2', 'last night', '1', '3', '1'] },
];

describe.each(smsStates)('by text, waiting in $waitsIn', ({ path }) => {
  it('every danger phrase gives 999 first and records the danger rule for who is writing; no question is asked twice running', async () => {
    const sms = await startSmsHarness({ now: '2026-11-24T11:00:00Z' });
    try {
      const phone = '+447700900555';
      let last: string[] = [];
      for (const message of path) last = (await sms.text(phone, message)).replies;
      const question = (last.join('\n').split('\n\n').pop() ?? '').split('\n')[0] ?? '';
      expect(question).not.toBe('');
      const turns: Reply[][] = [];
      for (const message of dangerMessages) turns.push((await sms.text(phone, message)).replies.map((text) => ({ type: 'message', text })));
      for (const replies of turns) expect(allText(replies)).toContain('999');
      // The first danger message does not answer this question: it is asked again after the 999 words, then not at once again.
      const first = allText(turns[0] ?? []);
      expect(first.indexOf('999')).toBeLessThan(first.indexOf(question));
      expect(allText(turns[1] ?? [])).not.toContain(question);
      const audit = await sms.app.audit.forConversation(sms.app.sms.conversationIdFor(phone));
      expect(audit.filter((row) => row.kind === 'advised-999').map((row) => row.ruleId)).toEqual(
        dangerMessages.map((message) => dangerRuleFor(path.slice(1), message)),
      );
    } finally {
      await sms.close();
    }
  });
});

/** States reached only when texts can be sent (Twilio set up), in the chat: the offer to text the summary. */
const PARENT_TO_SUMMARY = [...TO_INFO, ...INFO_FIELDS.map(answerFor)];
const textingStates: Array<{ waitsIn: string; path: string[] }> = [
  { waitsIn: 'parent.summary.send', path: PARENT_TO_SUMMARY },
  { waitsIn: 'parent.summary.number', path: [...PARENT_TO_SUMMARY, 'Yes'] },
  // Writing again after the summary, the child still missing: asked whether to show it again.
  { waitsIn: 'parent.stillMissing.summaryAgain', path: [...PARENT_TO_SUMMARY, 'No', 'hes still not back'] },
];

/** One app with texting set up for these states, started when the first of them runs. */
let texting: Promise<SmsHarness> | undefined;
afterAll(async () => {
  if (texting) await (await texting).close();
});
const reachWithTexting = walker(() => (texting ??= startSmsHarness()));

describe.each(textingStates)('with texting set up, in the chat, waiting in $waitsIn', ({ path }) => {
  it('every danger phrase gives 999 first; the message is an answer too, and no question is asked twice running', async () => {
    const { conversation, last } = await reachWithTexting(path);
    const question = lastQuestion(last);
    expect(question).not.toBe('');
    const turns: Reply[][] = [];
    for (const message of dangerMessages) turns.push(await conversation.say(message));
    expectDangerHeardAndNoRepeats(turns, question);
  });
});

describe('no conversation yet', () => {
  it.each(dangerMessages)('"%s" gives 999 first, then the welcome question', async (message) => {
    const conversation = harness.conversation();
    const replies = await conversation.say(message);
    expect(replies[0]?.text).toContain('999');
    expect((await harness.app.audit.forConversation(conversation.id)).map((row) => row.ruleId)).toContain(dangerRuleFor([], message));
    // Who is writing, when the message says it, is read back to confirm; otherwise asked.
    const understoodWriter = harness.app.services.understanding.read(message, 'en-GB').likely.writer;
    if (understoodWriter) expect(optionTitles(replies)).toEqual(['Yes', 'No']);
    else expect(optionTitles(replies)).toHaveLength(4);
  });
});

describe("after a professional's journey ended", () => {
  it.each(dangerMessages)('"%s" gives 999 first, then their own steps again, not "Who is writing?"', async (message) => {
    const conversation = harness.conversation();
    await conversation.join();
    for (const said of PROFESSIONAL_TO_THE_END) await conversation.say(said);
    const replies = await conversation.say(message);
    expect(replies[0]?.text).toContain('999');
    expect((await harness.app.audit.forConversation(conversation.id)).map((row) => row.ruleId)).toContain(dangerRuleFor([], message));
    expect(allText(replies)).not.toMatch(/Who is writing\?/);
    // Their line of work was said already: what is happening is asked, not who they are.
    expect(optionTitles(replies)).not.toContain('Social worker');
    expect(optionTitles(replies).length).toBeGreaterThan(0);
  });
});

it('negated phrases do not interrupt ("not in danger")', async () => {
  const conversation = harness.conversation();
  await conversation.join();
  const replies = await conversation.say("no, she isn't in danger");
  expect(allText(replies)).not.toContain('call 999 now');
  expect(await harness.app.audit.forConversation(conversation.id)).toEqual([]);
});

it('the table above lists every dialog that waits for input', () => {
  const waiting: string[] = [];
  const walk = (dialog: Dialog) => {
    if (dialog instanceof WaitingDialog) waiting.push(dialog.id);
    const set = (dialog as unknown as { dialogs?: DialogSet }).dialogs;
    if (set)
      for (const id of Object.keys((set as unknown as { dialogs: Record<string, Dialog> }).dialogs)) {
        const child = set.find(id);
        if (child) walk(child);
      }
  };
  walk(new RootDialog(harness.app.services));
  expect([...new Set(waiting)].sort()).toEqual(
    [...new Set([...states, ...smsStates, ...textingStates].map((state) => state.waitsIn))].sort(),
  );
});
