// One message arriving twice: the same Bot Framework activity (same id) posted again after its
// answer or at the same moment, as a channel retrying does; and one conversation's messages sent
// to two bot instances on one PostgreSQL schema, alternating, and sometimes both at once (a
// double tap). Each must be answered, and the conversation moved on once per message.
import type { PostgresStorage, Storage } from '../journeys/database';
import { checkStorage, startBot, stopBot } from './botStorage';
import { carryOn, newPerson, ready, sendTried, walk, type Bench, type Kind } from './conversations';
import { excerpt, isFailSafe, shown, type Answer, type Person } from './person';
import { FaultRow, type Tried } from './tally';

const withoutFailSafe = (answer: Answer): string => answer.parts.filter((part) => !isFailSafe(part)).join('\n');

export const SAME_ACTIVITY = 'the same activity twice (after its answer, and at once)';
export const TWO_INSTANCES = 'two instances on one schema, alternating (and at once)';

/**
 * Judges the answers to one person's messages sent at once, in the order the bot took them: the
 * answer to the current step moves the person on, and so on. What is left is judged against the
 * step the person is at then, unless `answersAnyway` accepts it. Returns them as counted.
 */
function judgeInTurn(row: FaultRow, person: Person, said: string, answers: Answer[], answersAnyway?: (answer: Answer) => boolean): Tried[] {
  const left = [...answers];
  const tried: Tried[] = [];
  for (;;) {
    const next = left.findIndex((answer) => !person.done && person.answers(answer, person.step));
    if (next < 0) break;
    const [answer] = left.splice(next, 1) as [Answer];
    const step = person.step;
    tried.push(row.count(person, step, said, answer, person.judge(answer)));
  }
  for (const answer of left)
    tried.push(row.count(person, person.step, said, answer, answersAnyway?.(answer) ? 'next' : person.verdictOn(answer)));
  return tried;
}

export async function sameActivityTwice(bench: Bench, storage: Storage, storageName: string): Promise<FaultRow> {
  const row = new FaultRow(SAME_ACTIVITY, storageName);
  const kinds: Kind[] = ['parent by chat', 'parent by chat', 'young person booking by chat'];
  const bot = await startBot(storage, bench.twilio);
  const botUrl = () => bot.url;
  const everyone: Person[] = [];
  let people: Array<Person | undefined> = kinds.map(() => undefined);
  try {
    for (let round = 0; row.tried.length < bench.trials; round += 1) {
      const atOnce = round % 2 === 1;
      people = await Promise.all(kinds.map((kind, index) => ready(bench, kind, people[index], botUrl, row)));
      await Promise.all(
        (people as Person[]).map(async (person) => {
          if (!everyone.includes(person)) everyone.push(person);
          const step = person.step;
          const said = person.textOf();
          const deliveryId = person.newDeliveryId();
          const deliver = () => person.say(bot.url, { deliveryId, index: step });
          const answers = atOnce ? await Promise.all([deliver(), deliver()]) : [await deliver(), await deliver()];
          // One message: each delivery must show this step, the second by the replies the first committed.
          const verdicts = answers.map((answer) => person.verdictOn(answer, step));
          const moving = answers.find((_answer, index) => verdicts[index] === 'next');
          if (moving) person.judge(moving);
          const tried = answers.map((answer, index) => row.count(person, step, said, answer, verdicts[index] ?? 'nothing'));
          // Replayed, the replies are the first turn's own (less a deadline's fail-safe, which is not kept).
          const [first, second] = answers.map(withoutFailSafe);
          if (verdicts.every((verdict) => verdict === 'next') && first !== second)
            row.lose(
              tried[1] as Tried,
              `the second delivery got other replies than the first, so it was taken twice: ${excerpt(second ?? '')}`,
            );
          await carryOn(person, tried, botUrl, row);
        }),
      );
    }
  } finally {
    await stopBot(row, bot);
  }
  await checkStorage(storage, row, everyone);
  return row;
}

/** Two steps answered by the same words ("Done", "No"): sent at once, they must be taken in turn. */
const isTwin = (person: Person, index: number): boolean =>
  person.channel === 'chat' && index + 1 < person.journey.steps.length && person.textOf(index + 1) === person.textOf(index);

/** The step after the last where a person's messages may be sent to both instances at once (twins, the booking's "Yes"). */
function bothWaysUntil(person: Person): number {
  if (person.channel !== 'chat') return 0;
  const twins = person.journey.steps.map((_step, index) => index).filter((index) => isTwin(person, index));
  return Math.min(person.journey.steps.length, Math.max((twins.at(-1) ?? -2) + 2, person.capturingStep + 1));
}

/** The person's next message: to the instance the step's number picks, or the same words to both at once. */
async function hop(bench: Bench, row: FaultRow, person: Person, urls: string[]): Promise<void> {
  const index = person.step;
  const said = person.textOf();
  const instance = () => urls[person.step % urls.length] ?? '';
  // Two steps answered by the same words ("Done", "No"): sent at once, they must be taken in turn.
  const twin =
    person.channel === 'chat' && index + 1 < person.journey.steps.length && person.textOf(index + 1) === said && bench.random() < 0.5;
  // "Yes, send it to the team", tapped twice: one booking, and both answered.
  const doubleTap = person.channel === 'chat' && index === person.capturingStep;
  if (!twin && !doubleTap) {
    await carryOn(person, [await sendTried(person, instance(), row)], instance, row, 0);
    return;
  }
  row.remark(
    doubleTap ? 'a double tap of "Yes, send it", one to each instance' : 'the same words for two steps, one to each instance at once',
  );
  const answers = await Promise.all(urls.map((url) => person.say(url, { index })));
  const tried = judgeInTurn(row, person, said, answers, (answer) => {
    const answered = doubleTap && answer.parts.length > 0 && !/number for it is/i.test(shown(answer));
    if (answered) row.remark('the second of a double tap answered, with no second booking');
    return answered;
  });
  await carryOn(person, tried, instance, row, 0);
}

export async function twoInstances(bench: Bench, storage: PostgresStorage): Promise<FaultRow> {
  const row = new FaultRow(TWO_INSTANCES, 'PostgreSQL');
  const kinds: Kind[] = ['parent by chat', 'young person booking by chat', 'parent by text'];
  const bots = await Promise.all([startBot(storage, bench.twilio), startBot(storage, bench.twilio)]);
  const urls = bots.map((bot) => bot.url);
  const everyone: Person[] = [];
  try {
    await Promise.all(
      kinds.map(async (kind) => {
        let person = newPerson(bench, kind);
        everyone.push(person);
        // The first of each kind goes at least past where its messages may go both ways at once.
        const first = person;
        while (row.tried.length < bench.trials || (!first.derailed && first.step < bothWaysUntil(first))) {
          if (person.done || person.derailed) {
            person = newPerson(bench, kind);
            everyone.push(person);
          }
          await hop(bench, row, person, urls);
        }
        // One more message, not counted, to see the conversation carry on after the last one.
        const last = row.tried.filter((tried) => tried.person === person).at(-1);
        const problem = last && !person.derailed ? await walk(person, () => urls[person.step % urls.length] ?? '', 1, row) : undefined;
        if (last && problem) row.lose(last, `the conversation did not carry on: ${problem}`);
      }),
    );
  } finally {
    await Promise.all(bots.map((bot) => stopBot(row, bot)));
  }
  await checkStorage(storage, row, everyone);
  return row;
}
