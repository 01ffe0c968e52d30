// A journey's record in bot state, typed by a zod schema: what is read back is checked, so a
// record written by an older release (or damaged) starts afresh instead of breaking a turn.
import type { BotState, TurnContext } from 'botbuilder';
import type { z } from 'zod';

export interface StateRecord<T> {
  get(context: TurnContext): Promise<T>;
  set(context: TurnContext, value: T): Promise<void>;
  update(context: TurnContext, change: (current: T) => T): Promise<T>;
  clear(context: TurnContext): Promise<void>;
}

export function stateRecord<Schema extends z.ZodType>(
  state: BotState,
  name: string,
  schema: Schema,
  fresh: () => z.infer<Schema>,
): StateRecord<z.infer<Schema>> {
  const property = state.createProperty<unknown>(name);
  const get = async (context: TurnContext) => {
    const parsed = schema.safeParse(await property.get(context));
    return parsed.success ? parsed.data : fresh();
  };
  const set = (context: TurnContext, value: z.infer<Schema>) => property.set(context, schema.parse(value));
  return {
    get,
    set,
    async update(context, change) {
      const next = change(await get(context));
      await set(context, next);
      return next;
    },
    clear: (context) => property.delete(context),
  };
}
