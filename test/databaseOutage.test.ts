// The database failing in the middle of a turn (as the turn saves its state, or after it took
// the conversation's lock): the turn gets the fail-safe reply (999, 101, 116 000); nothing of it
// is saved, not even half; and once the database is back the next turn carries on from the last
// saved step.
import { Client } from 'pg';
import type { Database } from '../bot/store/database';
import { openPostgres } from '../bot/store/database';
import { beforeEachStatement, pgliteInMemory, postgresSchema, postgresUrl } from './support/databases';
import { allText, optionTitles, startHarness, type Conversation, type Harness } from './support/harness';
import { startTcpProxy, type TcpProxy } from './support/tcpProxy';

const SAFE_NUMBERS = ['999', '101', '116 000'];
/** After "4" (a professional), "Which professional?" offers these; "4" then answers it (police). */
const PROFESSIONAL_ASKED = 'Teacher or school staff';
const POLICE_ANSWERED = 'A child is missing now';

const isStateWrite = (sql: string) => /^\s*(insert into|update) bot_state\b/.test(sql);
/** The storage's read at the start of a turn (not `stateOf` below). */
const isStateRead = (sql: string) => sql.startsWith('select key, doc') && sql.includes('= any(');

type Hook = (params: unknown[]) => Promise<void>;

/**
 * A database whose turns can be interrupted: `beforeStateRead` and `beforeStateWrite` run
 * (once) just before the next statement that reads or writes bot state.
 */
function interruptible(real: Database): Database & { beforeStateRead?: Hook; beforeStateWrite?: Hook } {
  const wrapped: Database & { beforeStateRead?: Hook; beforeStateWrite?: Hook } = beforeEachStatement(real, async (sql, params) => {
    if (wrapped.beforeStateRead && isStateRead(sql)) {
      const hook = wrapped.beforeStateRead;
      wrapped.beforeStateRead = undefined;
      await hook(params);
    }
    if (wrapped.beforeStateWrite && isStateWrite(sql)) {
      const hook = wrapped.beforeStateWrite;
      wrapped.beforeStateWrite = undefined;
      await hook(params);
    }
  });
  return wrapped;
}

async function stateOf(db: Database, conversation: Conversation): Promise<Array<{ key: string; doc: unknown; version: string }>> {
  return db.query('select key, doc, version::text as version from bot_state where key like $1 order by key', [`%${conversation.id}%`]);
}

/** Joins and answers "who is writing" with "4": the professional's first question is waiting. */
async function professionalAsked(conversation: Conversation): Promise<void> {
  await conversation.join();
  expect(optionTitles(await conversation.say('4'))).toContain(PROFESSIONAL_ASKED);
}

async function expectCarriesOnFromLastSave(conversation: Conversation): Promise<void> {
  const replies = await conversation.say('4');
  expect(optionTitles(replies)).toContain(POLICE_ANSWERED);
}

describe('on PGlite, storage failing between the conversation save and the user save', () => {
  let harness: Harness;
  let db: ReturnType<typeof interruptible>;
  beforeAll(async () => {
    db = interruptible(await pgliteInMemory());
    harness = await startHarness({ database: db });
  });
  afterAll(() => harness.close());

  it('the turn gets the fail-safe reply, neither save lands, and the next turn carries on', async () => {
    const conversation = harness.conversation();
    await professionalAsked(conversation);
    const before = await stateOf(harness.app.db, conversation);

    // This turn is the first to give a locale, so it saves both the conversation and the user;
    // storage fails as the user's state is written, after the conversation's.
    const failAtUserSave = async (params: unknown[]) => {
      if (String(params[0]).includes('/users/')) throw new Error('connection terminated unexpectedly');
      db.beforeStateWrite = failAtUserSave;
    };
    db.beforeStateWrite = failAtUserSave;
    const replies = await conversation.post({ type: 'message', text: '4', locale: 'en-GB' });
    for (const number of SAFE_NUMBERS) expect(allText(replies)).toContain(number);

    expect(await stateOf(harness.app.db, conversation)).toEqual(before);
    await expectCarriesOnFromLastSave(conversation);
  });
});

const onPostgres = postgresUrl ? describe : describe.skip;

onPostgres('on a PostgreSQL server', () => {
  let schema: Awaited<ReturnType<typeof postgresSchema>>;
  let proxy: TcpProxy;
  let harness: Harness;
  let db: ReturnType<typeof interruptible>;
  const applicationName = `outage_${process.pid}`;

  beforeAll(async () => {
    schema = await postgresSchema();
    const server = new URL(schema.url);
    proxy = await startTcpProxy({ host: server.hostname, port: Number(server.port || 5432) });
    const viaProxy = new URL(schema.url);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    viaProxy.searchParams.set('application_name', applicationName);
    db = interruptible(await openPostgres(viaProxy.toString()));
    harness = await startHarness({ database: db });
  });
  afterAll(async () => {
    proxy.start();
    await harness.close();
    await proxy.close();
    await schema.cleanUp();
  });

  /** Has the server end every connection of the bot, and waits until it has. */
  const killConnections = async () => {
    const admin = new Client({ connectionString: postgresUrl });
    await admin.connect();
    try {
      await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1', [applicationName]);
      // Termination is signalled, not awaited: wait until the server has ended them.
      const remaining = async () =>
        Number((await admin.query('select count(*) as n from pg_stat_activity where application_name = $1', [applicationName])).rows[0]?.n);
      while ((await remaining()) > 0) await new Promise((resolve) => setTimeout(resolve, 10));
    } finally {
      await admin.end();
    }
  };

  it("connections killed after the turn took the conversation's lock: with the lock gone, the turn does not save", async () => {
    const conversation = harness.conversation();
    await professionalAsked(conversation);
    const before = await stateOf(harness.app.db, conversation);

    // The turn's own queries reconnect and would succeed; its lock went with its connection.
    db.beforeStateRead = killConnections;
    const replies = await conversation.say('4');
    for (const number of SAFE_NUMBERS) expect(allText(replies)).toContain(number);

    expect(await stateOf(harness.app.db, conversation)).toEqual(before);
    await expectCarriesOnFromLastSave(conversation);
  });

  it('connections killed by the server mid-turn: the fail-safe reply, nothing saved, and the next turn carries on', async () => {
    const conversation = harness.conversation();
    await professionalAsked(conversation);
    const before = await stateOf(harness.app.db, conversation);

    db.beforeStateWrite = killConnections;
    // With a locale for the first time, the turn saves conversation and user in one
    // transaction, whose connection the server ends as the first row is written.
    const replies = await conversation.post({ type: 'message', text: '4', locale: 'en-GB' });
    for (const number of SAFE_NUMBERS) expect(allText(replies)).toContain(number);

    expect(await stateOf(harness.app.db, conversation)).toEqual(before);
    await expectCarriesOnFromLastSave(conversation);
  });

  it('the server stopped mid-turn: that turn and the next get the fail-safe reply; back again, the conversation carries on', async () => {
    const conversation = harness.conversation();
    await professionalAsked(conversation);
    const before = await stateOf(harness.app.db, conversation);

    db.beforeStateWrite = async () => proxy.stop();
    for (const number of SAFE_NUMBERS) expect(allText(await conversation.say('4'))).toContain(number);
    // Still down: the turn cannot even take its lock, and still gets the numbers.
    for (const number of SAFE_NUMBERS) expect(allText(await conversation.say('4'))).toContain(number);
    expect((await fetch(`${harness.url}/healthz`)).status).toBe(503);

    proxy.start();
    expect(await stateOf(harness.app.db, conversation)).toEqual(before);
    await expectCarriesOnFromLastSave(conversation);
  });
});

onPostgres('on a PostgreSQL server that is slow, not down', () => {
  let schema: Awaited<ReturnType<typeof postgresSchema>>;
  let harness: Harness;

  beforeAll(async () => {
    schema = await postgresSchema();
    await (await schema.open()).close();
    // A second the most a statement or a connection may take, so that a locked table is an error soon.
    harness = await startHarness({ database: await openPostgres(schema.url, 1000) });
  });
  afterAll(async () => {
    await harness.close();
    await schema.cleanUp();
  });

  it('a table locked for longer than the timeout: the fail-safe reply, not silence until the lock goes', async () => {
    const conversation = harness.conversation();
    await conversation.join();
    const blocker = new Client({ connectionString: schema.url });
    await blocker.connect();
    try {
      await blocker.query('begin');
      await blocker.query('lock table bot_state in access exclusive mode');
      const text = allText(await conversation.say('hello'));
      for (const number of SAFE_NUMBERS) expect(text).toContain(number);
    } finally {
      await blocker.query('rollback').catch(() => undefined);
      await blocker.end();
    }
    // Once the lock is gone, the conversation carries on.
    expect(allText(await conversation.say('1'))).toMatch(/missing now, or are they back/);
  });
});
