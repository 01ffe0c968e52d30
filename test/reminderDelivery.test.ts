// A reminder whose instance stopped part-way is taken over by another and sent once: if the
// first had sent it, its delivery key says so and only the bookkeeping is finished; if not,
// the second sends it. Either way one message in the widget and one audit row.
import { createScheduler } from '../bot/scheduled/scheduler';
import type { Deliverer } from '../bot/turn/delivery';
import { databasesUnderTest } from './support/databases';
import { activitiesAfter, openSession } from './support/directLine';
import { startHarness, type Harness } from './support/harness';

const NOW = '2026-11-24T11:00:00Z';
/** Longer than a claim is left to its instance before another takes it over. */
const TAKEOVER_AFTER_MS = 11 * 60 * 1000;

const backEnds = databasesUnderTest();

class InstanceStopped extends Error {}

describe.each(backEnds)('on %s', (_name, open) => {
  let harness: Harness;
  let cleanUp: () => Promise<void>;
  beforeAll(async () => {
    const backEnd = await open();
    cleanUp = backEnd.cleanUp;
    harness = await startHarness({ now: NOW, database: backEnd.db });
  });
  afterAll(async () => {
    await harness.close();
    await cleanUp();
  });
  afterEach(() => harness.clock.set(NOW));

  /** Another instance's scheduler on the same database, whose delivery stops it before or after sending. */
  const instanceThatStops = (when: 'before sending' | 'after sending') => {
    const { app } = harness;
    const deliverer: Deliverer = {
      async deliver(...args) {
        if (when === 'after sending') await app.deliverer.deliver(...args);
        throw new InstanceStopped(when);
      },
    };
    return createScheduler({
      db: app.db,
      clock: harness.clock,
      deliverer,
      localiser: app.services.localiser,
      audit: app.audit,
      hashId: app.hashId,
      logger: app.logger,
      timeZone: 'Europe/London',
    });
  };

  /** A widget conversation with one hourly review reminder due now. */
  const conversationWithReminder = async () => {
    const session = await openSession(harness.url);
    const { body } = await activitiesAfter(harness.url, session);
    await harness.app.scheduler.schedule({
      conversationId: session.conversationId,
      subject: `test:${session.conversationId}`,
      channel: 'webchat',
      address: { channel: 'directline', conversationId: session.conversationId },
      locale: 'en-GB',
      messageKey: 'carer.reminders.hourly',
      variables: { hour: 1 },
      ruleId: 'C-REVIEW-HOURLY',
      dueAt: harness.clock.now(),
    });
    return { session, watermark: body.watermark };
  };

  const outcome = async (conversation: Awaited<ReturnType<typeof conversationWithReminder>>) => {
    const { body } = await activitiesAfter(harness.url, conversation.session, conversation.watermark);
    const audit = await harness.app.audit.forConversation(conversation.session.conversationId);
    const [reminder] = await harness.app.db.query<{ status: string }>('select status from reminder where subject = $1', [
      `test:${conversation.session.conversationId}`,
    ]);
    return {
      reviews: body.activities.filter((activity) => activity.text?.startsWith('Hourly review (1 of 6)')).length,
      auditRows: audit.filter((row) => row.kind === 'reminder-sent').length,
      status: reminder?.status,
    };
  };

  it('stopped after sending: the instance taking over sends nothing more, and finishes the record once', async () => {
    const conversation = await conversationWithReminder();
    await expect(instanceThatStops('after sending').tick()).rejects.toBeInstanceOf(InstanceStopped);
    expect(await outcome(conversation)).toEqual({ reviews: 1, auditRows: 0, status: 'sending' });

    harness.clock.advance(TAKEOVER_AFTER_MS);
    expect(await harness.app.scheduler.tick()).toBe(0);
    expect(await outcome(conversation)).toEqual({ reviews: 1, auditRows: 1, status: 'sent' });
    // And nothing later sends it again.
    harness.clock.advance(TAKEOVER_AFTER_MS);
    await harness.app.scheduler.tick();
    expect(await outcome(conversation)).toEqual({ reviews: 1, auditRows: 1, status: 'sent' });
  });

  it('stopped before sending: the instance taking over sends it, once', async () => {
    const conversation = await conversationWithReminder();
    await expect(instanceThatStops('before sending').tick()).rejects.toBeInstanceOf(InstanceStopped);
    expect(await outcome(conversation)).toEqual({ reviews: 0, auditRows: 0, status: 'sending' });

    harness.clock.advance(TAKEOVER_AFTER_MS);
    expect(await harness.app.scheduler.tick()).toBe(1);
    expect(await outcome(conversation)).toEqual({ reviews: 1, auditRows: 1, status: 'sent' });
  });

  it('a reminder 30 minutes late says when it was due; one over 3 hours late is not sent at all', async () => {
    const late = await conversationWithReminder();
    harness.clock.advance(30 * 60 * 1000);
    expect(await harness.app.scheduler.tick()).toBe(1);
    const { body } = await activitiesAfter(harness.url, late.session, late.watermark);
    const review = body.activities.find((activity) => activity.text?.startsWith('Hourly review'));
    expect(review?.text).toMatch(/Sent late: this was due at \d\d:\d\d/);

    harness.clock.set(NOW);
    const stale = await conversationWithReminder();
    harness.clock.advance(4 * 60 * 60 * 1000);
    expect(await harness.app.scheduler.tick()).toBe(0);
    const [row] = await harness.app.db.query<{ status: string }>('select status from reminder where subject = $1', [
      `test:${stale.session.conversationId}`,
    ]);
    expect(row?.status).toBe('skipped');
    const audit = await harness.app.audit.forConversation(stale.session.conversationId);
    expect(audit.filter((entry) => entry.kind === 'reminder-sent')).toEqual([]);
  });

  it('a second send under the same delivery key writes nothing to the widget', async () => {
    const session = await openSession(harness.url);
    const { body } = await activitiesAfter(harness.url, session);
    const address = { channel: 'directline' as const, conversationId: session.conversationId };
    const audit = { conversationId: session.conversationId };
    expect(await harness.app.deliverer.deliver(address, ['Once only'], audit, 'test:once')).toBe('sent');
    expect(await harness.app.deliverer.deliver(address, ['Once only'], audit, 'test:once')).toBe('sent');
    const { body: after } = await activitiesAfter(harness.url, session, body.watermark);
    expect(after.activities.map((activity) => activity.text)).toEqual(['Once only']);
  });
});
