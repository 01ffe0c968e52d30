// Fixed-answer questions: one description yields the buttons and the typed-text matcher.
import { loadContent } from '../bot/content/loadContent';
import { createLocaliser } from '../bot/content/i18n';
import { roleChoices } from '../dialogs/root/rootDialog';
import { matchCommand, readAnswer } from '../bot/understanding/openQuestion';
import { createUnderstanding } from '../bot/understanding/understand';

const content = loadContent({ area: 'kent' });
const messages = createLocaliser(content).messages('en-GB');
const understanding = createUnderstanding(content, { dangerAlwaysIn: content.area.languages });
const requestWords = understanding.commandRequestWords('en-GB');
const roleMeant = (text: string) => readAnswer(text, roleChoices.asked('root.role'), messages, understanding).option;

describe('role choices', () => {
  it('suggested actions carry the title as both what is seen and what is sent back', () => {
    for (const action of roleChoices.suggestedActions(messages)) expect(action.value).toBe(action.title);
  });

  it.each([
    ['1', 'parent'],
    ['4', 'professional'],
    [' 2 ', 'youngPerson'],
    ['A foster carer or care worker', 'carer'],
    ['a FOSTER carer or care worker!', 'carer'],
    ['MUM', 'parent'],
    ["I'm her stepdad", 'parent'],
    ['I work in a childrens home', 'carer'],
    ["I work in a children's home", 'carer'],
    ['Teacher at her school', 'professional'],
    ['I ran away', 'youngPerson'],
  ])('"%s" -> %s', (text, value) => {
    expect(roleMeant(text)).toBe(value);
  });

  it.each(['0', '5', '', 'banana', 'my child ran away'])('"%s" matches nothing (asked again, never guessed)', (text) => {
    expect(roleMeant(text)).toBeUndefined();
  });

  it('every synonym leads to its own option only', () => {
    for (const option of roleChoices.options) {
      for (const synonym of messages.list(option.synonyms ?? '')) {
        expect({ synonym, value: roleMeant(synonym) }).toEqual({ synonym, value: option.value });
      }
    }
  });
});

describe('commands', () => {
  const list = (key: string) => messages.list(key);
  it.each([
    ['HELP', 'help'],
    ['Start again', 'startAgain'],
    ['talk to a human', 'talkToPerson'],
    ['quit', 'stop'],
    ['Delete my data', 'deleteMyData'],
  ])('"%s" is the command %s', (text, command) => {
    expect(matchCommand(text, list)).toBe(command);
  });

  it('a command is the whole message, not a word inside an answer', () => {
    expect(matchCommand('I need help finding him', list)).toBeUndefined();
  });

  it.each([
    ['can i talk to a real person', 'talkToPerson'],
    ['is there a human i can talk to', 'talkToPerson'],
    ['i want to speak to someone', 'talkToPerson'],
    ['can you delete my data please', 'deleteMyData'],
    ['can we start again please', 'startAgain'],
  ])('"%s" asks for the command around it: %s', (text, command) => {
    expect(matchCommand(text, list, requestWords)).toBe(command);
  });

  it.each([
    'I need help finding him',
    'i want to talk to someone about my son',
    'i want to stop',
    'he wont stop crying',
    'help me find my son',
  ])('"%s" is not a command: words other than asking stand around it, or it is stop', (text) => {
    expect(matchCommand(text, list, requestWords)).toBeUndefined();
  });
});
