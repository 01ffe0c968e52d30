// The journeys the simulated users walk, as data: what each one sends, and what the replies to it
// must contain for the bot to be at the step the script expects. When the dialogs change, change
// the arrays here (`BENCH_TRACE=1 npm run bench:journeys` walks each journey once and prints
// every reply, to see what the bot says now).
//
// A step's `say` is sent as a message ("join" on a chat journey sends the conversationUpdate a
// channel sends when the user joins). `expect` is matched, case-insensitively, against
// everything the turn's replies show: their text, the suggested actions' titles and any card.
// A reply that does not match ends the journey as an error at that step, unless a `detour` of
// the step matches it: the bot's own other path (someone took the slot), which sends the
// journey back to a labelled step. `capture` keeps a part of the replies by name, which later
// steps use as {{name}} in what they say.

export interface Detour {
  when: string | RegExp;
  goto: string;
}

export interface Step {
  say: string;
  expect: string | RegExp;
  label?: string;
  capture?: Record<string, RegExp>;
  detours?: Detour[];
}

export interface Journey {
  name: string;
  channel: 'chat' | 'sms';
  steps: Step[];
}

/** Said as a step: the conversationUpdate a channel sends when the person joins, not a message. */
export const JOIN = 'join';
const step = (say: string, expect: string | RegExp, more: Omit<Step, 'say' | 'expect'> = {}): Step => ({ say, expect, ...more });

// Each script follows a transcript test in test/ (named at each), so the load walks the
// questions the tests hold the bot to; `expect` is what that reply must contain.

/** test/parent.transcript.test.ts TO_SEARCH: the first message to the search checklist. */
const PARENT_TO_SEARCH: Step[] = [
  step('1', 'missing now, or are they back'),
  step('Missing now', 'in danger right now'),
  step('No', 'When did you last see'),
  step('yesterday at 9pm', 'I read that as'),
  step('Yes', 'How old is your child'),
  step('14', 'tried to call, text or message'),
  step('Yes', 'extra risk'),
  // They have tried to call: the first step (contact them) is done already.
  step('No', 'Step 2 of 7 (1 checked so far)'),
];

/** The six places left to look, then 101 and the risk questions. */
const PARENT_SEARCH: Step[] = [
  ...[3, 4, 5, 6, 7].map((next) => step('Done', `Step ${next} of 7`)),
  step('Done', /7 of 7[\s\S]*101[\s\S]*never low[\s\S]*medical condition that needs medication/),
];

/** RISK: medication yes, missing before yes (3 times), then the first question of the summary. */
const PARENT_RISK: Step[] = [
  step('Yes', 'harmed themselves'),
  step('No', 'harming or using them'),
  step('No', 'drugs or alcohol'),
  step('No', 'gone missing before?'),
  step('Yes', 'How many times'),
  step('3', /these worries first[\s\S]*meeting[\s\S]*full name/),
];

/** INFO: every field of the police summary answered, in the order asked. */
const PARENT_INFO: Step[] = [
  step('Sam Smith', 'date of birth'),
  step('14/03/2012', 'Where were they last seen'),
  step('Maidstone bus station', 'Who were they with'),
  step('two friends from school', 'Describe them'),
  step('about 5ft, blue hoodie, white trainers', 'recent photo'),
  step('Yes', 'medical needs or medication'),
  step('insulin for diabetes', 'What was happening'),
  step('an argument at home', 'Where might they go'),
  step("her nan's house in Ashford", 'gone missing before? When'),
  step("twice; found at a friend's flat", 'more worried'),
  step("don't know", 'your name and how you are related'),
];

const PARENT_TO_SUMMARY: Step[] = [...PARENT_TO_SEARCH, ...PARENT_SEARCH, ...PARENT_RISK, ...PARENT_INFO];

/** Parents by chat: the first message to the police summary (an Adaptive Card) and the offer to text it. */
export const parentChat: Journey = {
  name: 'parent to police summary',
  channel: 'chat',
  steps: [
    step('hello', 'Who is writing?'),
    ...PARENT_TO_SUMMARY,
    step('Alex Smith, mum', /Sam Smith[\s\S]*insulin for diabetes[\s\S]*Given by Alex Smith, mum/),
  ],
};

/**
 * test/youngPerson.transcript.test.ts TO_WHEN, then the booking as in "change and cancel by reference":
 * back home, an independent return interview booked, then cancelled (which frees the seat for the next).
 */
export const youngPersonChat: Journey = {
  name: 'young person books return',
  channel: 'chat',
  steps: [
    step(JOIN, 'Who is writing?'),
    step('2', 'are you safe right now'),
    step('Yes', 'away from home now, or are you back'),
    step("I'm back", 'What would you like?'),
    step('Someone new', 'When did you get back'),
    step('last night', 'So you got back'),
    step('Yes', 'Where would you like to meet', { label: 'place' }),
    // The first free time offered; with every seat taken the bot asks for a day and time instead,
    // which this script treats as an error (nothing left to book).
    step('Library', 'When can you meet?', { label: 'when' }),
    step('1', 'How should they reach you?', { detours: [{ when: 'That time is full', goto: 'when' }] }),
    step('text me', 'What mobile number'),
    step('07700 900123', 'Shall I send this to the team?'),
    step('Yes', 'Your number for it is', {
      capture: { reference: /number for it is (B[0-9A-Z]+)/ },
      // Two seats a slot: another simulated young person may have booked it between the offer and "Yes".
      detours: [{ when: 'someone just took that time', goto: 'place' }],
    }),
    step('cancel {{reference}}', 'is cancelled'),
  ],
};

/** test/carer.transcript.test.ts TO_NOTIFY in Kent (no review points to be reminded of), then "back now". */
export const carerChat: Journey = {
  name: 'carer missing to return',
  channel: 'chat',
  steps: [
    step(JOIN, 'Who is writing?'),
    step('3', 'the child is in danger right now'),
    step('No', 'Do you know where the child is?'),
    step("I don't know", 'When did they go'),
    step('idk', 'care plan or missing plan'),
    step('No', 'exploitation'),
    step('No', 'self-harmed'),
    step('No', 'medical needs'),
    step('No', '12 or younger'),
    step('No', 'asylum-seeking'),
    step('No', 'another area'),
    step('No', /They are missing[\s\S]*secure order/),
    step('No', 'Step 1 of 5 (0 done so far)'),
    step('Done', 'Step 2 of 5'),
    step('Done', 'Step 3 of 5'),
    step('Done', 'Step 4 of 5'),
    step('Done', 'Step 5 of 5'),
    step('Done', /5 of 5 done[\s\S]*101[\s\S]*as soon as possible[\s\S]*Tell me when anything changes/),
    step('back now', /safe and well[\s\S]*Young Lives Foundation[\s\S]*Child back/),
  ],
};

/** Parents by text (POST /api/sms), as in the parent test "by text, every text of the whole journey": the summary as numbered text. */
export const parentSms: Journey = {
  name: 'parent by SMS to summary',
  channel: 'sms',
  steps: [step('hello', 'Who is writing?'), ...PARENT_TO_SUMMARY, step('Alex Smith, mum', /1\. Name: Sam Smith/)],
};

export const journeys: Journey[] = [parentChat, youngPersonChat, carerChat, parentSms];
