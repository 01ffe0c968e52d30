// A danger phrase reaches 999 from every dialog state that exists, and the dialog carries on.
import { Dialog, type DialogSet } from 'botbuilder-dialogs';
import { ChoiceQuestion } from '../dialogs/base/choiceQuestion';
import { RootDialog } from '../dialogs/root/rootDialog';
import { allText, optionTitles, startHarness, type Conversation, type Harness } from './support/harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.close());

/**
 * Every state a conversation can wait in, with the turns that reach it. A dialog that waits
 * for input and is not listed here fails the completeness test below.
 */
const states: Array<{ name: string; waitsIn: string | null; reach: (c: Conversation) => Promise<unknown> }> = [
  { name: 'no conversation yet', waitsIn: null, reach: async () => undefined },
  { name: 'asked who is writing', waitsIn: 'root.role', reach: (c) => c.join() },
  {
    name: 'after a journey ended',
    waitsIn: null,
    reach: async (c) => {
      await c.join();
      await c.say('1');
    },
  },
];

const dangerMessages = [
  'my son is in danger',
  'She said she wants to KILL HERSELF',
  'someone has a knife',
  'he was taken by a stranger',
  "she's not breathing",
];

describe.each(states)('in state "$name"', ({ reach }) => {
  it.each(dangerMessages)('"%s" gives 999 first and records G-DANGER-999', async (message) => {
    const conversation = harness.conversation();
    await reach(conversation);
    const replies = await conversation.say(message);
    expect(replies[0]?.text).toContain('999');
    const audit = await harness.app.audit.forConversation(conversation.id);
    expect(audit.map((row) => row.ruleId)).toContain('G-DANGER-999');
    // The conversation carries on: the question is asked (again).
    expect(optionTitles(replies).length).toBeGreaterThan(0);
  });
});

it('negated phrases do not interrupt ("not in danger")', async () => {
  const conversation = harness.conversation();
  await conversation.join();
  const replies = await conversation.say("no, she isn't in danger");
  expect(allText(replies)).not.toContain('call 999 now');
  expect(await harness.app.audit.forConversation(conversation.id)).toEqual([]);
});

it('the table above lists every dialog that waits for input', () => {
  const waiting: string[] = [];
  const walk = (dialog: Dialog) => {
    if (dialog instanceof ChoiceQuestion) waiting.push(dialog.id);
    const set = (dialog as unknown as { dialogs?: DialogSet }).dialogs;
    if (set) for (const id of Object.keys((set as unknown as { dialogs: Record<string, Dialog> }).dialogs)) {
      const child = set.find(id);
      if (child) walk(child);
    }
  };
  walk(new RootDialog(harness.app.services));
  const covered = states.map((state) => state.waitsIn).filter((id): id is string => id !== null);
  expect(waiting.sort()).toEqual([...new Set(covered)].sort());
});
