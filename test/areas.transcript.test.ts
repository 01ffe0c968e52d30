// Each area pack end to end, typed as people write, at 02:00 and 14:00 on Tuesday 24 November 2026:
// a carer at night and by day, a carer who knows where the child is, a parent, a young person who
// came back, and a professional. Each area gives its own numbers, its own time points and its
// own rule ids, and never another area's number or local system. One journey goes by text too.
import { loadContent } from '../bot/content/loadContent';
import { allText, auditTrail, startHarness, walk, type Harness } from './support/harness';
import { startSmsHarness } from './support/sms';

const NIGHT = '2026-11-24T02:00:00Z';
const DAY = '2026-11-24T14:00:00Z';
const AREAS = ['kent', 'medway', 'thames-valley', 'set'] as const;
type AreaId = (typeof AREAS)[number];
const packs = Object.fromEntries(AREAS.map((area) => [area, loadContent({ area })])) as Record<AreaId, ReturnType<typeof loadContent>>;

/** Numbers every area may give: the national ones. */
const NATIONAL = new Set(['999', '101', '116 000', '0800 1111', '85258', '020 8392 5710']);
const numbersOf = (area: AreaId) =>
  new Set(
    Object.values(packs[area].area.services).flatMap((service) =>
      [service.phone, service.text].filter((value): value is string => Boolean(value)),
    ),
  );

/** What no text in `area` may contain: another area's local names and numbers that are not also its own. */
function othersIn(area: AreaId, text: string): string[] {
  const own = packs[area].area.localNames;
  // An area's own name may hold another's ("Kent and Medway Exploitation Toolkit"): take its own out first.
  // A rule borrowed from another partnership is said as theirs, by name: that name is not a leak.
  const unborrowed = text.replace(/guidance doesn't say; [^:\n]+'s guidance says:/g, ' ');
  const rest = own.reduce((remaining, name) => remaining.split(name).join(' '), unborrowed);
  const ownNumbers = numbersOf(area);
  return AREAS.filter((other) => other !== area).flatMap((other) => [
    ...packs[other].area.localNames.filter((name) => !own.includes(name) && new RegExp(`\\b${name}\\b`).test(rest)),
    ...[...numbersOf(other)].filter((number) => !NATIONAL.has(number) && !ownNumbers.has(number) && rest.includes(number)),
  ]);
}

const CARER_RISKS_NONE = ['no', 'no', 'no', 'no', 'no', 'no'];
const CARER_MISSING = [
  'hi im a foster carer, the 15 yr old placed with us hasnt come back tonight',
  'yes',
  'no not in danger as far as i know',
  'no idea where he is',
  'about 9pm',
  'yes',
  ...CARER_RISKS_NONE,
  'no',
  'done',
  'done',
  'done',
  'done',
  'done',
];
const CARER_KNOWN = [
  'foster carer here, our girl (14) is at her mates house and wont come back',
  'yes',
  'no',
  'i know where she is',
  'since 1am',
  'yes',
  ...CARER_RISKS_NONE,
];
const YOUNG_PERSON_BACK = ['i ran away for 2 days but im back home now', 'yes', 'yeah im safe'];
const POLICE_FOUND = ['im a police officer, a 13 year old reported missing has just been found', 'yes'];

const EXPECTED: Record<
  AreaId,
  {
    outOfHours: RegExp;
    missingPoints: RegExp | undefined;
    hourlyReviews: boolean;
    returnInterview: RegExp;
    police: RegExp;
  }
> = {
  kent: {
    outOfHours: /03000 419191/,
    missingPoints: undefined,
    hourlyReviews: false,
    returnInterview: /Young Lives Foundation/,
    police: /Post Missing Intervention Meeting/,
  },
  medway: {
    outOfHours: /the number on your council's website/,
    missingPoints: /24 hours[\s\S]*48 hours/,
    hourlyReviews: false,
    returnInterview: /Return Home Interview/,
    police: /Safe and Well/,
  },
  'thames-valley': {
    outOfHours: /Emergency Duty Team on the number on your council's website/,
    missingPoints: /24 hours[\s\S]*5 days/,
    hourlyReviews: true,
    returnInterview: /Return Home Interview|return interview/,
    police: /24 hours|Safe and Well/,
  },
  set: {
    outOfHours: /the number on your council's website|0345 603 7627/,
    missingPoints: undefined,
    hourlyReviews: false,
    returnInterview: /Missing Chat/,
    police: /Vulnerability Check|safe and well/i,
  },
};

describe.each(AREAS)('the %s pack, end to end', (area) => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ now: NIGHT, env: { AREA: area } });
  });
  afterAll(() => harness.close());
  afterEach(() => harness.clock.set(NIGHT));
  const expected = EXPECTED[area];

  it("names the area in the welcome, and a carer at night is sent to the area's own out-of-hours service, with its own time points", async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, CARER_MISSING);
    const text = turns.map(allText).join('\n');
    expect(allText(turns[0] ?? [])).toContain(packs[area].area.name);
    expect(text).toMatch(expected.outOfHours);
    expect(text).toContain('101');
    const asked = allText(turns[turns.length - 1] ?? []);
    if (expected.missingPoints) expect(asked).toMatch(expected.missingPoints);
    else expect(asked).not.toMatch(/Shall I remind you/);
    expect(await auditTrail(harness.app, conversation.id)).toContainEqual(expect.stringMatching(/C-NOTIFY-OUT-OF-HOURS|C-REPORT-101/));
    expect(othersIn(area, text)).toEqual([]);
  });

  it('a number the area has not given is never said "closed now" with another such number inside it', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, ['young person', 'yes', 'back', 'im scared of my mums boyfriend. he comes in my room at night']);
    const text = turns.map(allText).join('\n');
    expect(text).toMatch(/999/);
    expect(text).not.toMatch(/council's website \(closed now/);
  });

  it("a carer by day is told whom the area's guidance says to tell in office hours", async () => {
    harness.clock.set(DAY);
    const conversation = harness.conversation();
    const text = (await walk(conversation, CARER_MISSING)).map(allText).join('\n');
    expect(await auditTrail(harness.app, conversation.id)).toContain('notify-advised:C-NOTIFY-IN-HOURS');
    const daytime = packs[area].area.services.specialistChildrensServices;
    if (daytime.phone) expect(text).toContain(daytime.phone);
    expect(text).toMatch(/social worker|Children's Services|children's services/);
    expect(othersIn(area, text)).toEqual([]);
  });

  it(`a carer who knows where the child is ${expected.hourlyReviews ? 'is offered the hourly reviews up to 6 hours' : 'is given no hourly review or 6-hour clock'}`, async () => {
    const conversation = harness.conversation();
    const text = (await walk(conversation, CARER_KNOWN)).map(allText).join('\n');
    if (expected.hourlyReviews) expect(text).toMatch(/hourly review[\s\S]*6 hours/);
    else expect(text).not.toMatch(/hourly|at 6 hours|after 6 hours/);
    expect(othersIn(area, text)).toEqual([]);
  });

  it("a young person who came back is offered the area's own return interview", async () => {
    const conversation = harness.conversation();
    const text = (await walk(conversation, YOUNG_PERSON_BACK)).map(allText).join('\n');
    expect(text).toMatch(expected.returnInterview);
    expect(othersIn(area, text)).toEqual([]);
  });

  it('"can i talk to someone" at night gets the numbers to call now, never silence', async () => {
    const conversation = harness.conversation();
    const text = (await walk(conversation, ['hi my daughter has run off again', 'talk to a person'])).map(allText).join('\n');
    expect(text).toContain('999');
    expect(text).toMatch(/101|116 000/);
    expect(othersIn(area, text)).toEqual([]);
  });

  it('a young person who says no to a return interview is told it is their choice, and the door stays open', async () => {
    const conversation = harness.conversation();
    const turns = await walk(conversation, [...YOUNG_PERSON_BACK, 'no thanks']);
    const text = allText(turns[turns.length - 1] ?? []);
    expect(text).toMatch(/choice/);
    expect(text).toMatch(/change your mind/);
    expect(othersIn(area, text)).toEqual([]);
  });

  it('a police officer with a child found is told what the area asks of the police', async () => {
    const conversation = harness.conversation();
    const text = (await walk(conversation, POLICE_FOUND)).map(allText).join('\n');
    expect(text).toMatch(expected.police);
    expect(othersIn(area, text)).toEqual([]);
  });

  it('a parent whose child has not come home is told to ring 101, with no other area in it', async () => {
    const conversation = harness.conversation();
    const text = (
      await walk(conversation, ['my son is 14 and hasnt come home from school, hes never done this', 'yes', 'no', 'after school about 4'])
    )
      .map(allText)
      .join('\n');
    expect(text).toMatch(/101|999/);
    expect(othersIn(area, text)).toEqual([]);
  });
});

describe.each(AREAS)('the %s pack by text', (area) => {
  it("a carer at night by SMS gets the area's out-of-hours advice", async () => {
    const sms = await startSmsHarness({ now: NIGHT, env: { AREA: area } });
    try {
      const replies: string[] = [];
      for (const body of CARER_MISSING) replies.push(...(await sms.text('+447700900123', body)).replies);
      const text = replies.join('\n');
      expect(text).toMatch(EXPECTED[area].outOfHours);
      expect(othersIn(area, text)).toEqual([]);
      // Gone since 9pm at 02:00: past the council's time for enquiries first, in every area.
      expect(text).toContain('gone 5 hours already');
      const audited = await sms.app.db.query<{ channel: string }>("select channel from audit_log where rule_id = 'C-MISSING-OVERDUE'");
      expect(audited).toEqual([{ channel: 'sms' }]);
    } finally {
      await sms.close();
    }
  });
});

describe('a service whose hours no document gives', () => {
  it('the sexual assault referral centre is never said to be closed at night', async () => {
    const harness = await startHarness({ now: '2026-11-25T01:20:00Z' });
    try {
      const conversation = harness.conversation();
      const turns = await walk(conversation, [
        'A parent or family member',
        'Missing now',
        'my daughter is 14 she came home at 1am and says a man in a car touched her',
      ]);
      const text = turns.map(allText).join('\n');
      expect(text).toContain('01622 726461');
      expect(text).not.toMatch(/01622 726461\W*\(closed now/);
    } finally {
      await harness.close();
    }
  });
});

describe.each([
  ['set', 'G-ASK-POLICE-SAID-WAIT-SET'],
  ['thames-valley', 'G-ASK-POLICE-SAID-WAIT-TV'],
])('"the police said wait" in %s', (area, rule) => {
  it("is answered with the area's own words, not Kent's rule on risk", async () => {
    const harness = await startHarness({ now: NIGHT, env: { AREA: area } });
    try {
      const conversation = harness.conversation();
      const turns = await walk(conversation, ['A parent or family member', 'Missing now', 'the police said wait']);
      const text = allText(turns[turns.length - 1] ?? []);
      expect(text).toMatch(/101/);
      expect(text).not.toMatch(/only answer a few questions|never/);
      expect(await auditTrail(harness.app, conversation.id)).toContain(`advised-101:${rule}`);
      // "absent, not missing ... ring back at 8am" is the same thing said in the police's words.
      const other = harness.conversation();
      await walk(other, ['A foster carer or care worker', 'they said shes absent not missing and to ring back if shes not home by 8am']);
      expect(await auditTrail(harness.app, other.id)).toContain(`advised-101:${rule}`);
    } finally {
      await harness.close();
    }
  });
});
