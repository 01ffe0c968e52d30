// A fixed-answer question's options described once (value, title key, synonyms key): the buttons
// shown and the description the turn's reading reads answers against, so the two cannot drift
// apart. Nothing here reads what people type (see bot/understanding/openQuestion.ts).
import { ActionTypes, type CardAction } from 'botbuilder';
import type { Messages } from '../../bot/content/i18n';
import type { OpenQuestion, OptionDescription } from '../../bot/understanding/openQuestion';

export interface ChoiceOption<Value extends string> extends OptionDescription {
  value: Value;
}

/** Which option a plain "yes", "no" or "don't know" stands for, where one plainly does. */
export type EverydayMeaning<Value extends string> = Partial<Record<'yes' | 'no' | 'unknown', Value>>;

export class Choices<Value extends string> {
  constructor(
    readonly options: readonly ChoiceOption<Value>[],
    readonly everyday: EverydayMeaning<Value> = {},
  ) {
    if (options.length === 0) throw new Error('A question needs at least one option');
  }

  /** Options whose words live in content under `<keyOf(value)>.title` and `.synonyms`. */
  static keyed<Value extends string>(
    values: readonly Value[],
    keyOf: (value: Value) => string,
    everyday: EverydayMeaning<Value> = {},
  ): Choices<Value> {
    return new Choices(
      values.map((value) => ({ value, title: `${keyOf(value)}.title`, synonyms: `${keyOf(value)}.synonyms` })),
      everyday,
    );
  }

  /** The question these options answer, as the turn's reading reads it. */
  asked(id: string, extra: Partial<Omit<OpenQuestion, 'id' | 'options' | 'everyday'>> = {}): OpenQuestion {
    return {
      id,
      options: this.described,
      everyday: this.everyday,
      ...extra,
    };
  }

  /** The options as plain descriptions, to be kept with the question in conversation state. */
  get described(): OptionDescription[] {
    return this.options.map(({ value, title, synonyms }) => ({ value, title, synonyms }));
  }

  /** The options as a numbered list, for a reply that must work without buttons. */
  numbered(messages: Messages): string {
    return this.options.map((option, index) => `${index + 1}. ${messages.t(option.title)}`).join('\n');
  }

  suggestedActions(messages: Messages): CardAction[] {
    return this.options.map((option) => {
      const title = messages.t(option.title);
      return { type: ActionTypes.ImBack, title, value: title };
    });
  }

  /** The options' values, in the order they are shown. */
  get values(): Value[] {
    return this.options.map((option) => option.value);
  }

  /** The value an answer's option stands for, when it is one of these. */
  valueOf(option: string | undefined): Value | undefined {
    return this.options.find((each) => each.value === option)?.value;
  }
}
