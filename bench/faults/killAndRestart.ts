// The bot's process killed (SIGKILL) while turns are in flight, then started again on the same
// storage. A message left with no HTTP answer is sent again by its channel with the same activity
// id, as Bot Framework channels do, to the bot now running: it must be answered once, either
// with the replies its first turn committed or by a turn of its own, never taken twice.
import type { Storage } from '../journeys/database';
import { checkStorage, startBot, stopBot } from './botStorage';
import { carryOn, ready, sleep, walk, type Bench, type Kind } from './conversations';
import type { Answer, Person } from './person';
import { FaultRow, offStep } from './tally';

export const KILLED = 'kill mid-turn (SIGKILL), then restart';

const PEOPLE: Kind[] = [
  'parent by chat',
  'parent by chat',
  'parent by chat',
  'young person booking by chat',
  'young person booking by chat',
];
/** People write one message after another, each as soon as the last is answered; the kill comes this long in. */
const KILL_AFTER_MS = [200, 900];
/** Steps a parent keeps for the conversation to carry on after the restart (a booking ends with its cancelling). */
const KEEP_FOR_AFTER = 3;

interface InFlight {
  person: Person;
  step: number;
  said: string;
  deliveryId: string;
  answer: Answer;
}

/**
 * Each person writes their next message as soon as the last is answered, until the kill: what is
 * returned is the message they were waiting on then (or the last, answered just before it).
 */
async function writeUntilKilled(person: Person, botUrl: string, killed: () => boolean, row: FaultRow): Promise<InFlight | undefined> {
  const keep = person.capturingStep >= 0 ? 0 : KEEP_FOR_AFTER;
  let last: InFlight | undefined;
  while (!killed() && person.stepsLeft > keep) {
    const step = person.step;
    const said = person.textOf();
    const deliveryId = person.newDeliveryId();
    const answer = await person.say(botUrl, { deliveryId });
    last = { person, step, said, deliveryId, answer };
    if (answer.failure !== undefined) return last;
    const verdict = person.judge(answer);
    if (verdict !== 'next') {
      // Before the kill, with nothing wrong yet: a problem of the bot's own, counted all the same.
      row.lose(row.count(person, step, said, answer, verdict), `before the kill: ${offStep(person, step, verdict, answer)}`);
      return undefined;
    }
  }
  return last;
}

export async function killAndRestart(bench: Bench, storage: Storage, storageName: string): Promise<FaultRow> {
  const row = new FaultRow(KILLED, storageName);
  let bot = await startBot(storage, bench.twilio);
  const botUrl = () => bot.url;
  const everyone: Person[] = [];
  let people: Array<Person | undefined> = PEOPLE.map(() => undefined);
  try {
    while (row.tried.length < bench.trials) {
      people = await Promise.all(PEOPLE.map((kind, index) => ready(bench, kind, people[index], botUrl, row)));
      for (const person of people) if (person && !everyone.includes(person)) everyone.push(person);
      const killed = bot;
      let dead = false;
      const writing = (people as Person[]).map((person) => writeUntilKilled(person, killed.url, () => dead, row));
      const [soonest = 0, latest = 0] = KILL_AFTER_MS;
      await sleep(soonest + bench.random() * (latest - soonest));
      dead = true;
      await stopBot(row, killed, 'SIGKILL');
      const waiting = await Promise.all(writing);
      bot = await startBot(storage, bench.twilio);
      row.remark('restarts');
      await Promise.all(
        waiting.map(async (inFlight) => {
          if (!inFlight || inFlight.person.derailed) return;
          const { person, step, said, deliveryId, answer } = inFlight;
          if (answer.failure === undefined) {
            // Answered before the kill: not counted, unless what it was told did not outlive the process.
            const problem = await walk(person, botUrl, 1, row);
            if (problem)
              row.lose(row.count(person, step, said, answer, 'next'), `answered before the kill, but after the restart: ${problem}`);
            return;
          }
          // No HTTP answer: the channel sends the same activity again, to the bot running now.
          row.remark('no HTTP answer before the kill: sent again by the channel with the same id');
          const again = await person.say(bot.url, { deliveryId });
          await carryOn(person, [row.count(person, step, said, again, person.judge(again))], botUrl, row);
        }),
      );
    }
  } finally {
    await stopBot(row, bot);
  }
  await checkStorage(storage, row, everyone);
  return row;
}
