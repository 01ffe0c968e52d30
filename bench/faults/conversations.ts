// The people a fault meets and how the bench walks them: who they are (parents by chat and by
// text, young people booking a return interview), where each stands when a fault comes (a
// booking at its "Shall I send this?", anyone else a step or three on), and how their
// conversation must carry on once the fault is over.
import type { FakeTwilio } from '../journeys/fakeTwilio';
import { parentChat, parentSms, youngPersonChat } from '../journeys/scripts';
import { Person } from './person';
import { offStep, type FaultRow, type Tried } from './tally';

export type Kind = 'parent by chat' | 'young person booking by chat' | 'parent by text';

/** What every fault scenario is given. */
export interface Bench {
  /** Messages to try per fault and storage. */
  trials: number;
  twilio: FakeTwilio;
  /** Seeded, so that a run can be repeated. */
  random: () => number;
  /** A name no other person of this run has. */
  uniqueName: (prefix: string) => string;
  /** A mobile number no other person of this run has. */
  uniquePhone: () => string;
  log: (line: string) => void;
}

/** A fail-safe seen once a fault is over (the store still reconnecting) is sent again after this. */
const AGAIN_AFTER_MS = 1000;
const TIMES_AGAIN = 3;

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

export function newPerson(bench: Bench, kind: Kind): Person {
  switch (kind) {
    case 'parent by chat':
      return Person.byChat(bench.uniqueName('parent'), parentChat);
    case 'young person booking by chat':
      return Person.byChat(bench.uniqueName('young'), youngPersonChat);
    case 'parent by text':
      return Person.byText(bench.uniqueName('texter'), parentSms, bench.uniquePhone(), bench.twilio);
  }
}

/**
 * Walks `count` steps (fewer if the journey ends) with no fault on. A fail-safe is sent again a
 * few times, a second apart, as a person would once told something went wrong. Returns why the
 * conversation did not carry on, or undefined when it did.
 */
export async function walk(person: Person, botUrl: () => string, count: number, row?: FaultRow): Promise<string | undefined> {
  for (let walked = 0; walked < count && !person.done; walked += 1) {
    for (let attempt = 1; ; attempt += 1) {
      const index = person.step;
      const answer = await person.say(botUrl());
      const verdict = person.judge(answer);
      if (verdict === 'next') break;
      if (verdict === 'failSafe' && attempt <= TIMES_AGAIN) {
        row?.remark('fail-safe after the fault was over (sent again a second later)');
        await sleep(AGAIN_AFTER_MS);
        continue;
      }
      return `step #${index} ${JSON.stringify(person.textOf(index))}: ${offStep(person, index, verdict, answer)}`;
    }
  }
  return undefined;
}

/**
 * Puts a person where a fault message makes sense and returns them: a young person at the
 * booking's "Shall I send this to the team?" (a new one each time), anyone else one to three
 * steps further on (a new one when their journey is nearly over or a fault derailed it).
 */
export async function ready(bench: Bench, kind: Kind, person: Person | undefined, botUrl: () => string, row: FaultRow): Promise<Person> {
  for (let attempt = 1; ; attempt += 1) {
    const booking = kind === 'young person booking by chat';
    const fresh = !person || person.derailed || (booking ? person.step > person.capturingStep : person.stepsLeft < 4);
    const current = fresh ? newPerson(bench, kind) : (person as Person);
    const steps = booking ? current.capturingStep - current.step : (fresh ? 1 : 0) + Math.floor(bench.random() * 3);
    const problem = await walk(current, botUrl, steps);
    if (!problem) return current;
    // Not a message tried under the fault, so not counted; shown so that a bench problem is seen.
    row.remark(`getting ready went off the script: ${current.name} ${problem}`);
    if (attempt === 2) throw new Error(`${current.name} could not be got ready: ${problem}`);
    person = undefined;
  }
}

/**
 * Judges messages of one person tried under a fault, once it is over: a message with no reply,
 * or a reply to another step, is lost; and the conversation must carry on, `followSteps` more
 * steps. If no message moved the conversation on (only the fail-safe came), the person first sends
 * the same words again, not knowing whether they went through: the bot must answer them as the
 * same step, or it took a step whose question the person never saw.
 */
export async function carryOn(person: Person, tried: Tried[], botUrl: () => string, row: FaultRow, followSteps = 2): Promise<void> {
  for (const one of tried)
    if (one.verdict === 'nothing' || one.verdict === 'offScript') row.lose(one, offStep(person, one.step, one.verdict, one.answer));
  if (person.derailed) return;
  const first = Math.min(...tried.map((one) => one.step));
  const moved = person.step > first;
  const problem = await walk(person, botUrl, followSteps + (moved ? 0 : 1), row);
  if (!problem) return;
  const why = moved
    ? `the conversation did not carry on: ${problem}`
    : `sent again after the fail-safe, it was not taken as the same step: ${problem}`;
  for (const one of tried) row.lose(one, why);
}

/** Sends the person's current step and counts it as tried. */
export async function sendTried(person: Person, botUrl: string, row: FaultRow, options: { waitMs?: number } = {}): Promise<Tried> {
  const step = person.step;
  const said = person.textOf();
  const answer = await person.say(botUrl, options);
  return row.count(person, step, said, answer, person.judge(answer));
}
