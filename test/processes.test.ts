// The bot as separate processes: restarts keep state, PGlite refuses a second process on its
// directory, and on a PostgreSQL server two processes share conversations without losing a step.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { postgresSchema, postgresUrl } from './support/databases';
import { allText, Conversation, optionTitles } from './support/harness';
import { startBotProcess, type BotProcess } from './support/processes';

const running: BotProcess[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((bot) => bot.stop()));
});

async function start(env: Record<string, string>): Promise<BotProcess> {
  const bot = await startBotProcess(env);
  running.push(bot);
  return bot;
}

describe('embedded PGlite in DATA_DIR', () => {
  it('a conversation survives a restart of the process', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'helpline-data-'));
    const first = await start({ DATA_DIR: dataDir });
    await new Conversation(first.url, 'restart-1').join();
    expect(await first.stop()).toBe(0);
    running.splice(0);

    const second = await start({ DATA_DIR: dataDir });
    // Still waiting for "who is writing": "2" is read as the answer, not as a new start.
    const replies = await new Conversation(second.url, 'restart-1').say('2');
    expect(allText(replies)).toContain('safe right now');
    expect(optionTitles(replies)).toEqual(['Yes', 'No', 'Not sure']);
  });

  it('a second process on the same DATA_DIR is refused at start with a clear message', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'helpline-data-'));
    const first = await start({ DATA_DIR: dataDir });
    const second = await start({ DATA_DIR: dataDir });
    expect(second.url).toBe('');
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain('is in use by another bot process');
    // The first is unharmed.
    expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
  });

  it('after the process is killed (SIGKILL, the lock left behind), a new one on the same DATA_DIR starts at once and carries on', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'helpline-data-'));
    const first = await start({ DATA_DIR: dataDir });
    await new Conversation(first.url, 'killed-1').join();
    first.child.kill('SIGKILL');
    await first.exited;
    running.splice(0);
    // Well inside the lock's 15 s staleness: before, this start was refused as "in use".
    const second = await start({ DATA_DIR: dataDir });
    expect(second.url).not.toBe('');
    const replies = await new Conversation(second.url, 'killed-1').say('2');
    expect(allText(replies)).toContain('safe right now');
  });

  it('a bad setting stops start-up with one line naming it', async () => {
    const bot = await start({ PORT: 'not-a-port' });
    expect(await bot.exited).toBe(1);
    expect(bot.output().trim()).toMatch(/^Configuration error: PORT /);
    expect(bot.output().trim().split('\n')).toHaveLength(1);
  });
});

const onPostgres = postgresUrl ? describe : describe.skip;

onPostgres('two processes on one PostgreSQL server', () => {
  let schema: Awaited<ReturnType<typeof postgresSchema>>;
  beforeAll(async () => {
    schema = await postgresSchema();
  });
  afterAll(() => schema.cleanUp());

  it('the second process continues a conversation begun by the first', async () => {
    const [a, b] = await Promise.all([start({ DATABASE_URL: schema.url }), start({ DATABASE_URL: schema.url })]);
    await new Conversation(a.url, 'hop-1').join();
    // "4" answers the first process's "Who is writing?": the professional's first question follows.
    const replies = await new Conversation(b.url, 'hop-1').say('4');
    expect(optionTitles(replies)).toContain('Teacher or school staff');
  });

  it('two messages of one conversation sent to both processes at the same moment are both processed, in turn', async () => {
    const [a, b] = await Promise.all([start({ DATABASE_URL: schema.url }), start({ DATABASE_URL: schema.url })]);
    for (let round = 0; round < 5; round += 1) {
      const id = `race-${round}`;
      await new Conversation(a.url, id).join();
      const [left, right] = await Promise.all([new Conversation(a.url, id).say('4'), new Conversation(b.url, id).say('4')]);
      // Taken in turn, one "4" chooses the professional and the other answers the profession (4 = police).
      // Had both read the same state, both would have been taken as the choice of role.
      const asked = [left, right].filter((replies) => optionTitles(replies).includes('Teacher or school staff'));
      const answered = [left, right].filter((replies) => optionTitles(replies).includes('A child is missing now'));
      expect([asked.length, answered.length]).toEqual([1, 1]);
    }
  });

  it('the "Yes" that books a return interview, sent to both processes at once: one booking, and both messages answered', async () => {
    const [a, b] = await Promise.all([start({ DATABASE_URL: schema.url }), start({ DATABASE_URL: schema.url })]);
    const id = 'book-race';
    const conversation = new Conversation(a.url, id);
    await conversation.join();
    // A young person, back since last night, who wants someone new at the library: the second
    // slot offered, reached by text at a mobile number, and then "Yes" sends the request.
    for (const answer of ['2', 'Yes', "I'm back", 'Someone new', 'last night', 'Yes', 'Library', '2', 'text me'])
      await conversation.say(answer);
    expect(allText(await conversation.say('07700 900123'))).toMatch(/Shall I send this to the team/i);

    const [left, right] = await Promise.all([conversation.say('Yes'), new Conversation(b.url, id).say('Yes')]);
    const references = [left, right].map((replies) => /number for it is (B[0-9A-Z]+)/.exec(allText(replies))?.[1]).filter(Boolean);
    expect(references).toHaveLength(1);
    expect(allText(left)).not.toBe('');
    expect(allText(right)).not.toBe('');

    const admin = new Client({ connectionString: schema.url });
    await admin.connect();
    try {
      const bookings = await admin.query<{ reference: string }>("select reference from booking where status = 'booked'");
      expect(bookings.rows.map((row) => row.reference)).toEqual(references);
      const made = await admin.query("select 1 from audit_log where kind = 'booking-made'");
      expect(made.rowCount).toBe(1);
    } finally {
      await admin.end();
    }
  });
});
