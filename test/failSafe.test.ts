// When storage is down or a dialog throws, the reply still carries 999, 101 and 116 000.
import { allText, startHarness } from './support/harness';
import { messageSid, startSmsHarness } from './support/sms';
import { failingDatabase } from './support/databases';

it('storage down: the user still gets 999, 101 and 116 000, and /healthz says 503', async () => {
  const { db, fail } = await failingDatabase();
  const harness = await startHarness({ database: db });
  try {
    const conversation = harness.conversation();
    await conversation.join();
    fail();
    const text = allText(await conversation.say('1'));
    for (const number of ['999', '101', '116 000']) expect(text).toContain(number);
    expect((await fetch(`${harness.url}/healthz`)).status).toBe(503);
    // Not ready, but alive: a liveness probe must not restart the instance for a database blip.
    expect((await fetch(`${harness.url}/readyz`)).status).toBe(503);
    expect((await fetch(`${harness.url}/livez`)).status).toBe(200);
  } finally {
    await harness.close();
  }
});

it('storage down on the very first message of a conversation: still the numbers', async () => {
  const { db, fail } = await failingDatabase();
  const harness = await startHarness({ database: db });
  try {
    fail();
    const text = allText(await harness.conversation().say('my son is in danger'));
    for (const number of ['999', '101', '116 000']) expect(text).toContain(number);
  } finally {
    await harness.close();
  }
});

it('a dialog that throws: the fail-safe reply, and the error is logged without the message text', async () => {
  const harness = await startHarness();
  const lines: string[] = [];
  const original = harness.app.logger.error.bind(harness.app.logger);
  harness.app.logger.error = (object: unknown, message?: string) => {
    lines.push(JSON.stringify(object) + (message ?? ''));
    return original(object as object, message as string);
  };
  try {
    const conversation = harness.conversation();
    await conversation.join();
    harness.app.services.localiser.messages = () => {
      throw new Error('boom');
    };
    // The fail-safe has its own path to the words, so it survives a broken dialog layer.
    const text = allText(await conversation.say('Jane Doe is my daughter'));
    for (const number of ['999', '101', '116 000']) expect(text).toContain(number);
    expect(lines.join('\n')).toContain('turn failed');
    expect(lines.join('\n')).not.toContain('Jane');
  } finally {
    await harness.close();
  }
});

it('by text with storage down: the webhook answers with TwiML that gives 999, 101 and 116 000', async () => {
  const { db, fail } = await failingDatabase();
  const sms = await startSmsHarness({ database: db });
  try {
    fail();
    const response = await sms.postSigned({ MessageSid: messageSid(), From: '+447700900909', Body: 'help my son is missing' });
    expect(response.status).toBe(200);
    const twiml = await response.text();
    expect(twiml).toMatch(/<Response><Message>[^<]*999[^<]*101[^<]*116 000[^<]*<\/Message><\/Response>/);
  } finally {
    await sms.close();
  }
});
