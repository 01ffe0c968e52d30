// The PostgreSQL server failing the bot for a few seconds while people write: slow (bot_state
// locked from another connection, so every turn waits on it) or gone (the proxy between them drops
// every connection and refuses new ones, then lets them through again).
import { Client } from 'pg';
import type { PostgresStorage } from '../journeys/database';
import { checkStorage, startBot, stopBot } from './botStorage';
import { ready, type Bench, type Kind } from './conversations';
import { throughFault, type FaultWindow } from './faultWindow';
import type { Person } from './person';
import { FaultRow } from './tally';

/** Shorter than the deadline fail-safe (3 s), between it and the statement timeout (5 s), and past both. */
const LOCKED_MS = [1500, 4000, 7000];
/** A blip, and outages past the deadline and the statement timeout. */
const GONE_MS = [1000, 3000, 5000];
const PEOPLE: Kind[] = ['parent by chat', 'parent by chat', 'young person booking by chat', 'parent by text'];
/** Once the store is back, a turn's texts leave within a second or two. */
const SETTLE_MS = 8000;

export const SLOW_STORE = 'slow store: bot_state locked 1.5 to 7 s';
export const STORE_GONE = 'store gone: connections dropped (at random, or as a turn commits) and refused 1 to 5 s';
/** With people writing, a turn commits within this long. */
const COMMIT_WITHIN_MS = 3000;

async function injectRepeatedly(
  bench: Bench,
  storage: PostgresStorage,
  row: FaultRow,
  faultFor: (injection: number) => Promise<FaultWindow>,
): Promise<FaultRow> {
  const bot = await startBot(storage, bench.twilio);
  const botUrl = () => bot.url;
  const everyone: Person[] = [];
  let people: Array<Person | undefined> = PEOPLE.map(() => undefined);
  try {
    for (let injection = 0; row.tried.length < bench.trials; injection += 1) {
      people = await Promise.all(PEOPLE.map((kind, index) => ready(bench, kind, people[index], botUrl, row)));
      for (const person of people) if (person && !everyone.includes(person)) everyone.push(person);
      await throughFault(bench, row, people as Person[], botUrl, await faultFor(injection), injection);
    }
  } finally {
    await stopBot(row, bot);
  }
  await checkStorage(storage, row, everyone);
  return row;
}

export async function slowStore(bench: Bench, storage: PostgresStorage): Promise<FaultRow> {
  const row = new FaultRow(SLOW_STORE, 'PostgreSQL');
  return injectRepeatedly(bench, storage, row, async (injection) => {
    const locker = new Client({ connectionString: storage.serverUrl });
    await locker.connect();
    return {
      ms: LOCKED_MS[injection % LOCKED_MS.length] ?? 0,
      settleMs: SETTLE_MS,
      async begin() {
        await locker.query('begin');
        await locker.query('lock table bot_state in access exclusive mode');
      },
      async end() {
        await locker.query('rollback').catch(() => undefined);
        await locker.end();
      },
    };
  });
}

export async function storeGone(bench: Bench, storage: PostgresStorage): Promise<FaultRow> {
  const row = new FaultRow(STORE_GONE, 'PostgreSQL');
  return injectRepeatedly(bench, storage, row, async (injection) => ({
    // Each length of outage is met both ways.
    ms: GONE_MS[Math.floor(injection / 2) % GONE_MS.length] ?? 0,
    settleMs: SETTLE_MS,
    async begin() {
      if (injection % 2 === 0) return storage.proxy.stop();
      // Committed on the server, its answer lost: the bot cannot know whether the turn was saved.
      const atCommit = await storage.proxy.stopAtNextCommit(COMMIT_WITHIN_MS);
      row.remark(atCommit ? 'dropped just as a COMMIT had passed to the server' : 'dropped with no COMMIT in time');
    },
    end: () => storage.proxy.start(),
  }));
}
