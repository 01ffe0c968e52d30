// Two messages of one conversation at the same moment, in one process: both are processed,
// one after the other, so no step is lost (botbuilder saves state with eTag "*").
import { allText, optionTitles, startHarness, type Harness } from './support/harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.close());

it('answers both, taking them in turn', async () => {
  for (let round = 0; round < 10; round += 1) {
    const conversation = harness.conversation();
    await conversation.join();
    const [left, right] = await Promise.all([conversation.say('1'), conversation.say('3')]);
    const answered = [left, right].filter((replies) => allText(replies).includes('still being built'));
    const restarted = [left, right].filter((replies) => optionTitles(replies).length === 4);
    expect([answered.length, restarted.length]).toEqual([1, 1]);
  }
});

it('different conversations do not wait for each other', async () => {
  const conversations = Array.from({ length: 20 }, () => harness.conversation());
  const replies = await Promise.all(conversations.map((conversation) => conversation.join()));
  for (const turn of replies) expect(optionTitles(turn)).toHaveLength(4);
});
