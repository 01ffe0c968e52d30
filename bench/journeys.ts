// Measures the real bot (dist/bot/server.js, spawned) through its real endpoints, with simulated
// people walking whole journeys at once: parents from the first message to the police summary,
// young people booking a return interview, carers setting reminders (POST /api/messages with
// expectReplies), and parents by text (POST /api/sms, signed as Twilio signs, the replies coming
// back through a fake Twilio REST API on loopback). BENCH_CONNECTIONS people (default 50), shared
// among the journeys, each sending its next message only once the replies to the last are in and
// contain what its script expects; a reply off the script is an error, listed by step, and the
// run exits non-zero. The bot runs on PostgreSQL (BENCH_DATABASE_URL, default the local test
// server; a schema of its own, dropped after; BENCH_DATABASE_URL=none to skip) and on PGlite,
// BENCH_SECONDS (default 15) each, next to a bare botbuilder echo bot and a bare restify handler
// given the parent's messages by as many people, in the same run.
//
//   npm run bench:journeys
//   BENCH_TRACE=1 npm run bench:journeys     (walks each journey once on PGlite, printing every reply)
//   BENCH_ONLY=carer                         (only the journeys whose name contains it)
//   BENCH_PROFILE=/tmp/prof                  (a CPU profile of each measured bot, node --cpu-prof)
//   BENCH_TWILIO_DELAY_MS=10000              (Twilio answers each send after 10 s: a slow provider)
import { percentile, runLoad, type LoadResult } from './journeys/load';
import { startFakeTwilio, twilioEnv, type FakeTwilio } from './journeys/fakeTwilio';
import { peakRssMiB, startProcess, stopProcess, type Started } from './journeys/processes';
import { pgliteStorage, postgresStorage, type StateSize, type Storage } from './journeys/database';
import { journeys, parentChat, type Journey } from './journeys/scripts';

const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const only = process.env.BENCH_ONLY;
const trace = Boolean(process.env.BENCH_TRACE);
const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];

interface Row {
  name: string;
  result: LoadResult;
}

interface Measured {
  name: string;
  rows: Row[];
  all: LoadResult;
  peakMiB: number | undefined;
  state?: StateSize;
  roundTrips?: number;
  texts?: number;
  /** Spawn to /healthz 200: on new storage (migrations), then on the same storage again. */
  startMs: { fresh?: number; existing: number };
  logs: Map<string, number>;
}

function botEnv(twilio: FakeTwilio, storage: Storage): Record<string, string> {
  return { ...storage.env, ...twilioEnv(twilio) };
}

/** The people shared among the journeys as evenly as they go. */
const shares = (count: number, ways: number) => Array.from({ length: ways }, (_, index) => Math.floor((count + ways - 1 - index) / ways));

/** The results of several loads run side by side, as one. */
function merged(results: LoadResult[]): LoadResult {
  const latencies = new Float64Array(results.reduce((sum, result) => sum + result.latencies.length, 0));
  let offset = 0;
  for (const result of results) {
    latencies.set(result.latencies, offset);
    offset += result.latencies.length;
  }
  const acks = results.flatMap((result) => [...result.acks]);
  const sum = (pick: (result: LoadResult) => number) => results.reduce((total, result) => total + pick(result), 0);
  return {
    turns: sum((result) => result.turns),
    seconds: Math.max(...results.map((result) => result.seconds)),
    latencies: latencies.sort(),
    journeysDone: sum((result) => result.journeysDone),
    journeysStarted: sum((result) => result.journeysStarted),
    errors: sum((result) => result.errors),
    errorsByStep: new Map(results.flatMap((result) => [...result.errorsByStep])),
    detours: new Map(results.flatMap((result) => [...result.detours])),
    acks: Float64Array.from(acks).sort(),
  };
}

/** The journeys side by side on one bot, after a first start that made its storage. */
async function measureBot(name: string, storage: Storage, selected: Journey[], twilio: FakeTwilio): Promise<Measured> {
  const env = botEnv(twilio, storage);
  const first = await startProcess('bot/server.js', env);
  await stopProcess(first);
  const bot = await startProcess('bot/server.js', env, profile);
  twilio.reset();
  const tripsBefore = await storage.roundTrips();
  const people = shares(connections, selected.length);
  const results = await Promise.all(
    selected.map((journey, index) => runLoad(journey, { url: bot.url, connections: people[index] ?? 1, seconds, twilio })),
  );
  const tripsAfter = await storage.roundTrips();
  const peakMiB = peakRssMiB(bot.child.pid);
  const texts = twilio.count();
  await stopProcess(bot);
  const measured: Measured = {
    name,
    rows: selected.map((journey, index) => ({ name: journey.name, result: results[index] as LoadResult })),
    all: merged(results),
    peakMiB,
    state: await storage.stateSize(),
    texts,
    startMs: { fresh: first.startMs, existing: bot.startMs },
    logs: bot.logs,
  };
  if (tripsBefore !== undefined && tripsAfter !== undefined) measured.roundTrips = tripsAfter - tripsBefore;
  return measured;
}

/** A baseline: the same number of people sending the parent's messages, the replies unchecked. */
async function measureBaseline(name: string, script: string): Promise<Measured> {
  const server = await startProcess(script, {});
  try {
    const result = await runLoad(parentChat, { url: server.url, connections, seconds, unchecked: true });
    return {
      name,
      rows: [],
      all: result,
      peakMiB: peakRssMiB(server.child.pid),
      startMs: { existing: server.startMs },
      logs: server.logs,
    };
  } finally {
    await stopProcess(server);
  }
}

async function traceJourneys(twilio: FakeTwilio, selected: Journey[]): Promise<boolean> {
  let allWalked = true;
  for (const journey of selected) {
    const storage = pgliteStorage();
    let bot: Started | undefined;
    try {
      bot = await startProcess('bot/server.js', botEnv(twilio, storage));
      console.log(`\n== ${journey.name} (${journey.channel})`);
      const result = await runLoad(journey, {
        url: bot.url,
        connections: 1,
        seconds: 120,
        twilio,
        journeysPerUser: 1,
        trace: (index, said, shown, verdict) => {
          console.log(`#${index} > ${said}   [${verdict}]`);
          for (const line of shown.split('\n')) console.log(`     ${line.length > 220 ? `${line.slice(0, 220)}…` : line}`);
        },
      });
      const walked = result.journeysDone === 1;
      allWalked &&= walked;
      console.log(`-- ${walked ? 'walked to the end' : 'did NOT reach the end'}`);
    } finally {
      if (bot) await stopProcess(bot);
      await storage.dispose();
    }
  }
  return allWalked;
}

const fixed = (value: number | undefined, digits = 0) => (value === undefined || Number.isNaN(value) ? 'n/a' : value.toFixed(digits));
const rate = (result: LoadResult) => result.turns / result.seconds;

function table(measured: Measured[], echo: Measured): string {
  const header = [
    '',
    'turns/s',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'errors',
    'journeys',
    'peak RSS MiB',
    'state B/conv',
    'db trips/turn',
    '÷ echo',
  ];
  const line = (name: string, result: LoadResult, whole?: Measured) => [
    name,
    fixed(rate(result)),
    fixed(percentile(result.latencies, 50), 1),
    fixed(percentile(result.latencies, 95), 1),
    fixed(percentile(result.latencies, 99), 1),
    String(result.errors),
    whole && whole.rows.length === 0 ? '' : `${result.journeysDone}/${result.journeysStarted}`,
    whole ? fixed(whole.peakMiB) : '',
    whole?.state ? fixed(whole.state.bytesPerConversation) : '',
    whole?.roundTrips === undefined ? (whole?.state ? 'n/a' : '') : fixed(whole.roundTrips / Math.max(1, result.turns), 1),
    !whole ? '' : whole === echo ? '1' : (rate(result) / rate(echo.all)).toFixed(2),
  ];
  const lines: string[][] = [];
  for (const m of measured) {
    lines.push(line(m.name, m.all, m));
    for (const row of m.rows) lines.push(line(`  ${row.name}`, row.result));
  }
  const all = [header, ...lines];
  const widths = header.map((_, column) => Math.max(...all.map((cells) => (cells[column] ?? '').length)));
  const format = (cells: string[]) =>
    cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ');
  return [format(header), format(widths.map((width) => '-'.repeat(width))), ...lines.map(format)].join('\n');
}

function notes(measured: Measured[]): string {
  const out: string[] = [];
  for (const m of measured) {
    const parts: string[] = [];
    if (m.startMs.fresh !== undefined)
      parts.push(`cold start to /healthz 200: ${fixed(m.startMs.fresh)} ms on new storage, ${fixed(m.startMs.existing)} ms on existing`);
    if (m.texts !== undefined) parts.push(`${m.texts} texts sent through the fake Twilio API`);
    if (m.all.acks.length > 0)
      parts.push(
        `SMS webhook answered (empty TwiML) p50 ${fixed(percentile(m.all.acks, 50), 1)} ms, p99 ${fixed(percentile(m.all.acks, 99), 1)} ms`,
      );
    for (const [where, count] of [...m.all.detours].sort((a, b) => b[1] - a[1])) parts.push(`detour ×${count}: ${where}`);
    for (const [where, count] of [...m.all.errorsByStep].sort((a, b) => b[1] - a[1]).slice(0, 6)) parts.push(`ERROR ×${count}: ${where}`);
    if (m.all.errorsByStep.size > 6) parts.push(`… and ${m.all.errorsByStep.size - 6} other kinds of error`);
    for (const [line, count] of [...m.logs].sort((a, b) => b[1] - a[1]).slice(0, 5)) parts.push(`bot log ×${count}: ${line}`);
    if (parts.length > 0) out.push(`${m.name}:\n${parts.map((part) => `  - ${part}`).join('\n')}`);
  }
  return out.join('\n');
}

async function main(): Promise<number> {
  const selected = journeys.filter((journey) => !only || journey.name.includes(only));
  const twilio = await startFakeTwilio(Number(process.env.BENCH_TWILIO_DELAY_MS ?? 0));
  try {
    if (trace) return (await traceJourneys(twilio, selected)) ? 0 : 1;
    console.log(
      `journeys: ${connections} people at once shared among ${selected.map((journey) => journey.name).join(', ')}; ` +
        `${seconds} s per bot; each person's next message only after the replies to the last`,
    );
    const echo = await measureBaseline('bare botbuilder echo bot', 'bench/echoBot.js');
    const bare = await measureBaseline('bare restify handler', 'bench/bareRestify.js');
    const bots: Measured[] = [];
    if (databaseUrl !== 'none') {
      const storage = await postgresStorage(databaseUrl);
      try {
        bots.push(await measureBot('helpline bot, PostgreSQL', storage, selected, twilio));
      } finally {
        await storage.dispose();
      }
    }
    const storage = pgliteStorage();
    try {
      bots.push(await measureBot('helpline bot, PGlite', storage, selected, twilio));
    } finally {
      await storage.dispose();
    }
    const everything = [...bots, echo, bare];
    console.log(`\n${table(everything, echo)}`);
    console.log(
      '\nturns/s: turns answered ÷ wall time; latency: per turn, from sending to the replies (by text: to the last expected text reaching the fake Twilio API);' +
        '\njourneys: walked to the end / begun (those cut by the end of the run count as begun); state: length(doc::text) of bot_state after the run ÷ conversations;' +
        '\ndb trips/turn: messages the bot sent PostgreSQL and waited on (simple queries and extended-query syncs), counted by a proxy, ÷ turns;' +
        '\n÷ echo: turns/s ÷ the echo bot’s (the baselines get the parent’s messages, unchecked).',
    );
    const remarks = notes(everything);
    if (remarks) console.log(`\n${remarks}`);
    const errors = bots.reduce((sum, bot) => sum + bot.all.errors, 0);
    if (errors > 0) console.error(`\n${errors} turn(s) went off their script: see the errors above.`);
    return errors > 0 ? 1 : 0;
  } finally {
    await twilio.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
