import { allText, startHarness, type Harness } from './support/harness';
import { startSmsHarness, type SmsHarness } from './support/sms';
let harness: Harness;
let sms: SmsHarness;
beforeAll(async () => {
  harness = await startHarness({ now: '2026-11-24T23:00:00Z' });
  sms = await startSmsHarness();
});
afterAll(async () => {
  await harness.close();
  await sms.close();
});
const scripts: string[][] = JSON.parse(process.env.SCRIPTS ?? '[]');
it('types', async () => {
  let n = 0;
  for (const script of scripts) {
    n += 1;
    const c = harness.conversation();
    const phone = `+4477009${String(20000 + n).slice(1)}`;
    for (const input of script) {
      const bf = allText(await c.say(input));
      const { replies } = await sms.text(phone, input);
      console.log(
        `#${n} > ${input}\n  BF: ${bf.replace(/\n/g, ' | ').slice(0, 400)}\n  SMS: ${replies.join(' || ').replace(/\n/g, ' | ').slice(0, 400)}`,
      );
    }
  }
}, 120000);
