// A fault that is on for a while, met by people in two ways: some write one message after another
// from a moment before it begins, so that it catches a turn of theirs in flight at a random
// point; the others send a message at a random moment while it lasts. Each person's first message
// not answered in full before the fault began is the one tried; once the fault is over it is
// judged, and the conversation must carry on.
import { carryOn, sleep, type Bench } from './conversations';
import type { Answer, Person, Verdict } from './person';
import type { FaultRow } from './tally';

export interface FaultWindow {
  /** How long the fault lasts. */
  ms: number;
  /** How long after the fault ends a text's replies may still come (retries, a slow provider). */
  settleMs: number;
  begin(): Promise<void>;
  end(): Promise<void>;
}

/** Those writing on and on start this long before the fault, at random. */
const WRITING_FROM_MS = [300, 1000];
/** The last messages are sent this long before the fault ends, so that each meets it. */
const LAST_SEND_BEFORE_END_MS = 300;
/** Steps a parent keeps for the conversation to carry on after the fault. */
const KEEP_FOR_AFTER = 3;

interface Sent {
  person: Person;
  step: number;
  said: string;
  answer: Answer;
  /** Set when it was judged already: answered before the fault, and not as the script expects. */
  verdict?: Verdict;
}

export async function throughFault(
  bench: Bench,
  row: FaultRow,
  people: Person[],
  botUrl: () => string,
  fault: FaultWindow,
  injection: number,
): Promise<void> {
  const [earliest = 0, latest = 0] = WRITING_FROM_MS;
  const faultAt = performance.now() + earliest + bench.random() * (latest - earliest);
  const endAt = faultAt + fault.ms;
  let over = false;
  const send = async (person: Person): Promise<Sent> => {
    const step = person.step;
    const said = person.textOf();
    return { person, step, said, answer: await person.say(botUrl(), { waitMs: endAt - performance.now() + fault.settleMs }) };
  };
  const writeOnAndOn = async (person: Person): Promise<Sent | undefined> => {
    const keep = person.capturingStep >= 0 ? 0 : KEEP_FOR_AFTER;
    while (!over && person.stepsLeft > keep) {
      const sent = await send(person);
      if (performance.now() >= faultAt) return sent;
      const verdict = person.judge(sent.answer);
      // Before the fault, with nothing wrong yet: a problem of the bot's own, counted all the same.
      if (verdict !== 'next') return { ...sent, verdict };
    }
    return undefined;
  };
  const sendOnceDuringIt = async (person: Person): Promise<Sent> => {
    await sleep(faultAt - performance.now() + bench.random() * (fault.ms - LAST_SEND_BEFORE_END_MS));
    return send(person);
  };
  const sending = people.map((person, index) => ((index + injection) % 2 === 0 ? writeOnAndOn(person) : sendOnceDuringIt(person)));
  await sleep(faultAt - performance.now());
  await fault.begin();
  try {
    await sleep(endAt - performance.now());
  } finally {
    await fault.end();
    over = true;
  }
  const sent = await Promise.all(sending);
  await Promise.all(
    sent.map(async (one) => {
      if (!one) return;
      const { person, step, said, answer } = one;
      await carryOn(person, [row.count(person, step, said, answer, one.verdict ?? person.judge(answer))], botUrl, row);
    }),
  );
}
