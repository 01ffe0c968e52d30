// Twilio's REST API misbehaving while people text: slow (each send answered late), failing (500s)
// and down (connections refused) for a few seconds, then right again. Twilio's webhook carries on
// as usual: a text reaches the person by the TwiML answer to it or by the REST API.
import type { Storage } from '../journeys/database';
import type { TwilioFault } from '../journeys/fakeTwilio';
import { checkStorage, startBot, stopBot } from './botStorage';
import { ready, type Bench } from './conversations';
import { throughFault } from './faultWindow';
import type { Person } from './person';
import { FaultRow } from './tally';

/** Absorbed by the bot's retries (0.5 + 1 + 2 s), and longer than them. */
const FAILING_MS = [2000, 5000, 8000];
/** Sends made in this window are answered late. */
const SLOW_FOR_MS = 4000;
const TEXTERS = 8;
/** The bot's retries of a send (0.5 + 1 + 2 s, at the default settings) are over well within this. */
const RETRIES_OVER_MS = 6000;

export interface TwilioFaultKind {
  name: string;
  /** The fault for the nth injection, and how long it lasts. */
  at(injection: number): { fault: TwilioFault; ms: number };
  /** How long after the fault ends the texts it held up may still come. */
  settleMs: number;
}

export function twilioFaults(slowDelayMs: number): TwilioFaultKind[] {
  const seconds = (ms: number) => `${ms / 1000} s`;
  const range = `${seconds(FAILING_MS[0] ?? 0)} to ${seconds(FAILING_MS[FAILING_MS.length - 1] ?? 0)}`;
  const lasting = (injection: number) => FAILING_MS[injection % FAILING_MS.length] ?? 0;
  return [
    {
      name: `Twilio slow: each send answered after ${seconds(slowDelayMs)}`,
      at: () => ({ fault: { kind: 'slow', delayMs: slowDelayMs }, ms: SLOW_FOR_MS }),
      // A reply may be sent in two parts, one after the other.
      settleMs: 2 * slowDelayMs + 5000,
    },
    {
      name: `Twilio failing: 500s for ${range}`,
      at: (injection) => ({ fault: { kind: 'failing' }, ms: lasting(injection) }),
      settleMs: RETRIES_OVER_MS,
    },
    {
      name: `Twilio down: connections refused for ${range}`,
      at: (injection) => ({ fault: { kind: 'down' }, ms: lasting(injection) }),
      settleMs: RETRIES_OVER_MS,
    },
  ];
}

export async function twilioFault(bench: Bench, storage: Storage, storageName: string, kind: TwilioFaultKind): Promise<FaultRow> {
  const row = new FaultRow(kind.name, storageName);
  const bot = await startBot(storage, bench.twilio);
  const botUrl = () => bot.url;
  const everyone: Person[] = [];
  let people: Array<Person | undefined> = Array.from({ length: TEXTERS }, () => undefined);
  try {
    for (let injection = 0; row.tried.length < bench.trials; injection += 1) {
      people = await Promise.all(people.map((person) => ready(bench, 'parent by text', person, botUrl, row)));
      for (const person of people) if (person && !everyone.includes(person)) everyone.push(person);
      const { fault, ms } = kind.at(injection);
      await throughFault(
        bench,
        row,
        people as Person[],
        botUrl,
        { ms, settleMs: kind.settleMs, begin: () => bench.twilio.setFault(fault), end: () => bench.twilio.setFault(undefined) },
        injection,
      );
    }
  } finally {
    await bench.twilio.setFault(undefined);
    await stopBot(row, bot);
  }
  await checkStorage(storage, row, everyone);
  return row;
}
