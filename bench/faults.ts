// The fault bench: the real bot (dist/bot/server.js, spawned) meets the faults a deployment
// meets, many times each, while simulated people write to it through its real endpoints (POST
// /api/messages with expectReplies, and POST /api/sms signed as Twilio signs, the replies read
// back from a fake Twilio API on loopback). Per fault and storage it counts the messages tried
// while the fault was on, those that survived (answered by the bot's reply or the fail-safe, and
// the conversation carried on as the next step afterwards, nothing taken twice) and those lost
// (no reply, a reply to another step, a step or a booking kept that the person was never told),
// prints them as a Markdown table, and exits non-zero if anything was lost. Nothing leaves the
// machine: the bot, Twilio and the proxy to PostgreSQL are on loopback.
//
//   npm run bench:faults
//   BENCH_FAULT_TRIALS=24        messages tried per fault and storage (at least)
//   BENCH_DATABASE_URL=...       the PostgreSQL server (default the local test server; none to skip it)
//   BENCH_FAULT_ONLY=kill        only the faults whose name contains it
//   BENCH_FAULT_SEED=1           when each message is sent and where each fault falls
//   BENCH_FAULT_TWILIO_DELAY_MS  how late a slow Twilio answers each send (default 9000)
import { loadavg } from 'node:os';
import { Client } from 'pg';
import { pgliteStorage, postgresStorage, type Storage } from './journeys/database';
import { startFakeTwilio } from './journeys/fakeTwilio';
import type { Bench } from './faults/conversations';
import { SAME_ACTIVITY, TWO_INSTANCES, sameActivityTwice, twoInstances } from './faults/duplicates';
import { KILLED, killAndRestart } from './faults/killAndRestart';
import { SLOW_STORE, STORE_GONE, slowStore, storeGone } from './faults/storeFaults';
import { twilioFault, twilioFaults } from './faults/twilioFaults';
import type { FaultRow } from './faults/tally';

const trials = Number(process.env.BENCH_FAULT_TRIALS ?? 24);
const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const only = process.env.BENCH_FAULT_ONLY;
const seed = Number(process.env.BENCH_FAULT_SEED ?? 1);
const twilioDelayMs = Number(process.env.BENCH_FAULT_TWILIO_DELAY_MS ?? 9000);

const POSTGRES = 'PostgreSQL';
const PGLITE = 'PGlite';

/** A fault on a storage: measured, not meaningful there, or not run. */
interface Line {
  fault: string;
  storage: string;
  row?: FaultRow;
  /** Why there are no figures: where the fault does not make sense ("n/a: ..."), or what stopped it. */
  instead?: string;
  seconds?: number;
}

/** mulberry32: the same seed gives the same moments. */
function seeded(value: number): () => number {
  let state = value >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

async function serverAnswers(url: string): Promise<string | undefined> {
  if (url === 'none') return 'BENCH_DATABASE_URL=none';
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (error) {
    return `no PostgreSQL server at ${new URL(url).host} (${(error as Error).message})`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const cell = (line: Line, figure: (row: FaultRow) => number) => (line.row ? String(figure(line.row)) : (line.instead?.split(':')[0] ?? ''));

function table(lines: Line[]): string {
  const rows = lines.map((line) => [
    line.fault,
    line.storage,
    cell(line, (row) => row.tried.length),
    cell(line, (row) => row.survived),
    cell(line, (row) => row.lost),
  ]);
  return [
    '| fault | storage | tried | survived | lost |',
    '| --- | --- | ---: | ---: | ---: |',
    ...rows.map((cells) => `| ${cells.join(' | ')} |`),
  ].join('\n');
}

function details(lines: Line[]): string {
  const out: string[] = [];
  for (const line of lines) {
    const parts: string[] = [];
    if (line.instead) parts.push(line.instead);
    if (line.row) {
      const { row } = line;
      parts.push(`${line.seconds?.toFixed(0) ?? '?'} s; slowest answer to a message tried ${(row.slowestMs / 1000).toFixed(1)} s`);
      for (const [remark, count] of [...row.remarks].sort((a, b) => b[1] - a[1])) parts.push(`${remark}: ${count}`);
      const reasons = row.lostReasons();
      for (const reason of reasons.slice(0, 20)) parts.push(`LOST ${reason}`);
      if (reasons.length > 20) parts.push(`… and ${reasons.length - 20} more lost`);
    }
    out.push(`${line.fault}, ${line.storage}:\n${parts.map((part) => `  - ${part}`).join('\n')}`);
  }
  return out.join('\n');
}

async function main(): Promise<number> {
  const began = performance.now();
  const twilio = await startFakeTwilio();
  let names = 0;
  let phones = 0;
  const elapsed = () => `${((performance.now() - began) / 1000).toFixed(0)} s`;
  const bench: Bench = {
    trials,
    twilio,
    random: seeded(seed),
    uniqueName: (prefix) => `${prefix}-${process.pid}-${++names}`,
    // Mobile numbers outside the drama range the area files use for staff.
    uniquePhone: () => `+4475${10_000_000 + ++phones}`,
    log: (text) => console.error(`[${elapsed()}] ${text}`),
  };
  const lines: Line[] = [];
  const wanted = (fault: string) => !only || fault.includes(only);
  const measure = async (fault: string, storage: string, run: () => Promise<FaultRow>) => {
    if (!wanted(fault)) return;
    const line: Line = { fault, storage };
    lines.push(line);
    const started = performance.now();
    try {
      line.row = await run();
      bench.log(`${fault}, ${storage}: ${line.row.tried.length} tried, ${line.row.survived} survived, ${line.row.lost} lost`);
    } catch (error) {
      line.instead = `error: ${(error as Error).stack ?? String(error)}`;
      bench.log(`${fault}, ${storage}: ${line.instead}`);
    }
    line.seconds = (performance.now() - started) / 1000;
  };
  const notApplicable = (fault: string, storage: string, why: string) => {
    if (wanted(fault)) lines.push({ fault, storage, instead: `n/a: ${why}` });
  };
  const twilioKinds = twilioFaults(twilioDelayMs);

  console.log(
    `faults: ${trials} messages tried per fault and storage, seed ${seed}; ${new Date().toISOString()}, ` +
      `load average ${loadavg()
        .map((load) => load.toFixed(2))
        .join(' ')}, Node ${process.version}`,
  );
  try {
    const noServer = await serverAnswers(databaseUrl);
    const postgres = noServer ? undefined : await postgresStorage(databaseUrl, 'faults');
    const pglite = pgliteStorage('faults');
    const skipped = (fault: string) => {
      if (noServer && wanted(fault)) lines.push({ fault, storage: POSTGRES, instead: `skipped: ${noServer}` });
    };
    const onEach = async (fault: string, run: (storage: Storage, name: string) => Promise<FaultRow>) => {
      if (postgres) await measure(fault, POSTGRES, () => run(postgres, POSTGRES));
      else skipped(fault);
      await measure(fault, PGLITE, () => run(pglite, PGLITE));
    };
    try {
      if (postgres) await measure(SLOW_STORE, POSTGRES, () => slowStore(bench, postgres));
      else skipped(SLOW_STORE);
      notApplicable(SLOW_STORE, PGLITE, 'no other connection can lock a table of the embedded database');
      if (postgres) await measure(STORE_GONE, POSTGRES, () => storeGone(bench, postgres));
      else skipped(STORE_GONE);
      notApplicable(STORE_GONE, PGLITE, 'the embedded database runs in the bot process: there is no connection to lose');
      await onEach(KILLED, (storage, name) => killAndRestart(bench, storage, name));
      for (const kind of twilioKinds) await measure(kind.name, PGLITE, () => twilioFault(bench, pglite, PGLITE, kind));
      await onEach(SAME_ACTIVITY, (storage, name) => sameActivityTwice(bench, storage, name));
      if (postgres) await measure(TWO_INSTANCES, POSTGRES, () => twoInstances(bench, postgres));
      else skipped(TWO_INSTANCES);
      notApplicable(TWO_INSTANCES, PGLITE, 'a second process on the same DATA_DIR is refused at start');
    } finally {
      await postgres?.dispose();
      await pglite.dispose();
    }
  } finally {
    await twilio.close();
  }

  console.log(`\n${table(lines)}`);
  console.log(
    '\ntried: messages sent while the fault was on or in flight as it came; survived: answered by the bot’s reply or the fail-safe ' +
      '(999, 101, 116 000), and the conversation then carried on as the next step; lost: no reply, a reply to another step, or ' +
      'a step or a booking kept that the person was never told. Twilio faults: by text, on PGlite (one storage is enough).',
  );
  console.log(`\n${details(lines)}`);
  console.log(`\n${elapsed()} in all`);
  const lost = lines.reduce((sum, line) => sum + (line.row?.lost ?? 0), 0);
  const broken = lines.filter((line) => line.instead?.startsWith('error')).length;
  if (lost > 0) console.error(`\n${lost} message(s) lost: see LOST above.`);
  if (broken > 0) console.error(`\n${broken} fault(s) could not be measured: see error above.`);
  return lost > 0 || broken > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
