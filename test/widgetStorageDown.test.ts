// The widget with the database down: the message is accepted, and the fail-safe reply (999,
// 101, 116 000) reaches the conversation's activities by polling and by the stream. When the
// database answers again, what was held is kept and the conversation carries on.
import { failingDatabase } from './support/databases';
import { activitiesAfter, listen, openSession, postActivity, waitFor } from './support/directLine';
import { startHarness, type Harness } from './support/harness';

const SAFE_NUMBERS = ['999', '101', '116 000'];

let harness: Harness;
let database: Awaited<ReturnType<typeof failingDatabase>>;
beforeEach(async () => {
  database = await failingDatabase();
  harness = await startHarness({ database: database.db });
});
afterEach(async () => {
  database.recover();
  await harness.close();
});

it('a message posted with storage down is accepted with an id, echoed, and answered with 999, 101 and 116 000', async () => {
  const session = await openSession(harness.url);
  const { body: before } = await activitiesAfter(harness.url, session);
  database.fail();

  const posted = await postActivity(harness.url, session, 'my son has not come home', 'client-7');
  expect(posted.status).toBe(200);
  expect(typeof posted.body.id).toBe('string');

  const polled = await activitiesAfter(harness.url, session, before.watermark);
  expect(polled.status).toBe(200);
  const [echo, ...replies] = polled.body.activities;
  // Web Chat marks a message sent when it sees this echo, with its clientActivityID.
  expect(echo).toMatchObject({ id: posted.body.id, from: { role: 'user' }, channelData: { clientActivityID: 'client-7' } });
  const replyText = replies.map((reply) => reply.text ?? '').join('\n');
  for (const number of SAFE_NUMBERS) expect(replyText).toContain(number);
  expect(Number(polled.body.watermark)).toBeGreaterThan(Number(before.watermark));
  // Nothing new after the watermark given.
  expect((await activitiesAfter(harness.url, session, polled.body.watermark)).body.activities).toEqual([]);
});

it('the stream carries the fail-safe reply while storage is down', async () => {
  const session = await openSession(harness.url);
  const stream = listen(session.streamUrl);
  await stream.ready;
  try {
    await waitFor(() => stream.messages.length > 0);
    database.fail();
    expect((await postActivity(harness.url, session, '1')).status).toBe(200);
    const texts = () => stream.messages.flatMap((message) => message.activities.map((activity) => activity.text ?? ''));
    await waitFor(() => texts().some((text) => text.includes('116 000') && text.includes('101')));
    expect(texts()).toContain('1');
  } finally {
    stream.close();
  }
});

it('storage back: what was held is kept in the database, and the conversation carries on after it', async () => {
  const session = await openSession(harness.url);
  database.fail();
  await postActivity(harness.url, session, 'hello');
  const { body: duringOutage } = await activitiesAfter(harness.url, session);
  database.recover();

  // "1" answers the welcome's "Who is writing?": the turn that failed changed no state.
  const posted = await postActivity(harness.url, session, '1');
  expect(posted.status).toBe(200);
  const { body: after } = await activitiesAfter(harness.url, session, duringOutage.watermark);
  expect(after.activities[0]).toMatchObject({ id: posted.body.id, text: '1' });
  expect(after.activities.map((activity) => activity.text ?? '').join('\n')).toContain('missing now, or are they back');

  // The whole conversation, read back from the database, holds the outage's activities once, in order.
  const { body: all } = await activitiesAfter(harness.url, session);
  const ids = all.activities.map((activity) => activity.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids).toEqual(expect.arrayContaining(duringOutage.activities.map((activity) => activity.id)));
  const rows = await harness.app.db.query<{ n: string }>('select count(*)::text as n from dl_activity where conversation_id = $1', [
    session.conversationId,
  ]);
  expect(Number(rows[0]?.n)).toBe(all.activities.length);
});

it("a new chat asked for with storage down gets the numbers to call, and nothing of the database's own error", async () => {
  database.fail();
  const response = await fetch(`${harness.url}/v3/directline/tokens/generate`, { method: 'POST' });
  expect(response.status).toBe(500);
  const body = await response.text();
  for (const number of SAFE_NUMBERS) expect(body).toContain(number);
  expect(body).not.toContain('connection terminated');
});
