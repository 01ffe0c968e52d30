// Two messages of one conversation at the same moment: both are processed, one after the
// other, so no step is lost (botbuilder saves state with eTag "*"). Many conversations at once
// do not wait for each other, nor starve the database pool.
import { databasesUnderTest } from './support/databases';
import { optionTitles, startHarness, type Harness } from './support/harness';

const backEnds = databasesUnderTest();

describe.each(backEnds)('on %s', (_name, open) => {
  let harness: Harness;
  let cleanUp: () => Promise<void>;
  beforeAll(async () => {
    const backEnd = await open();
    cleanUp = backEnd.cleanUp;
    harness = await startHarness({ database: backEnd.db });
  });
  afterAll(async () => {
    await harness.close();
    await cleanUp();
  });

  it('two messages of one conversation at once: both answered, taken in turn', async () => {
    for (let round = 0; round < 10; round += 1) {
      const conversation = harness.conversation();
      await conversation.join();
      const [left, right] = await Promise.all([conversation.say('4'), conversation.say('4')]);
      // In turn: the first chooses the professional (4), whose first question the second answers (4 = Police).
      const asked = [left, right].filter((replies) => optionTitles(replies).includes('Teacher or school staff'));
      const answered = [left, right].filter((replies) => optionTitles(replies).includes('A child is missing now'));
      expect([asked.length, answered.length]).toEqual([1, 1]);
    }
  });

  it('60 conversations at once (more than the pool has connections) all get their welcome', async () => {
    const conversations = Array.from({ length: 60 }, () => harness.conversation());
    const replies = await Promise.all(conversations.map((conversation) => conversation.join()));
    for (const turn of replies) expect(optionTitles(turn)).toHaveLength(4);
  });
});
