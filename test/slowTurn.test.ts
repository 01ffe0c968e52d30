// A turn held up (a conversation lock slow to come, an overloaded store) still answers within
// TURN_DEADLINE_MS with 999, 101 and 116 000, on the widget and by SMS; its own answer follows.
import { slowLockDatabase } from './support/databases';
import { activitiesAfter, openSession, postActivity } from './support/directLine';
import { startHarness } from './support/harness';
import { startSmsHarness } from './support/sms';

const SAFE_NUMBERS = ['999', '101', '116 000'];
const METRICS_TOKEN = 'metrics-token-for-tests-0123456789';
const DEADLINE = { TURN_DEADLINE_MS: '500', METRICS_TOKEN };

async function eventually(condition: () => Promise<boolean>, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

it('the widget: the fail-safe within the deadline, then the answer once the turn runs', async () => {
  const database = await slowLockDatabase(2500);
  const harness = await startHarness({ database: database.db, env: DEADLINE });
  try {
    const session = await openSession(harness.url);
    const { body: before } = await activitiesAfter(harness.url, session);
    database.slow(true);
    const posted = Date.now();
    // Direct Line answers the post when the turn is done; the reply is looked for meanwhile.
    const posting = postActivity(harness.url, session, '1');
    const botTexts = async () =>
      (await activitiesAfter(harness.url, session, before.watermark)).body.activities
        .filter((activity) => activity.from?.role !== 'user')
        .map((activity) => activity.text ?? '');
    await eventually(async () => (await botTexts()).length > 0);
    expect(Date.now() - posted).toBeLessThan(2500);
    const [failSafe] = await botTexts();
    for (const number of SAFE_NUMBERS) expect(failSafe).toContain(number);
    // The turn itself then answers the "1" (a parent whose child is missing).
    expect((await posting).status).toBe(200);
    await eventually(async () => (await botTexts()).length > 1, 10_000);
    const metrics = await (await fetch(`${harness.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
    expect(metrics).toContain('helpline_failsafes_total{reason="deadline"} 1');
  } finally {
    database.slow(false);
    await harness.close();
  }
});

it("SMS: the webhook's own answer carries the fail-safe, and the turn's reply follows by the REST API", async () => {
  const database = await slowLockDatabase(1500);
  const sms = await startSmsHarness({ database: database.db, env: DEADLINE });
  try {
    const phone = '+447700900511';
    await sms.text(phone, 'hi');
    database.slow(true);
    const { twiml, replies } = await sms.text(phone, 'my son has not come home');
    for (const number of SAFE_NUMBERS) expect(twiml).toContain(number);
    expect(replies).toHaveLength(1);
    expect(replies[0]).not.toEqual(expect.stringContaining('went wrong'));
  } finally {
    database.slow(false);
    await sms.close();
  }
});
