// Typed reads of what a waterfall step is handed: the result of the dialog that just ended, the
// options its waterfall began with, and the values it keeps between steps. Each is checked by a
// zod schema, so a wrong shape (a tree changed under a conversation, a slip between two
// dialogs) fails the turn with the dialog named, and the fail-safe reply, instead of being trusted.
import type { WaterfallStepContext } from 'botbuilder-dialogs';
import { z } from 'zod';
import type { ChecklistResult } from './checklistDialog';
import type { PastMoment } from './pastMomentDialog';
import type { Answer } from './question';
import type { YesNo, YesNoUnsure } from './yesNo';

export class StepDataError extends Error {
  override readonly name = 'StepDataError';
}

function read<Schema extends z.ZodType>(schema: Schema, value: unknown, what: string, step: WaterfallStepContext): z.infer<Schema> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
  throw new StepDataError(
    `${step.activeDialog?.id ?? 'a waterfall'} step ${step.index}: ${what}${where}: ${issue?.message ?? 'unexpected shape'}`,
  );
}

/** What the dialog that just ended returned to this step. */
export function resultOf<Schema extends z.ZodType>(step: WaterfallStepContext, schema: Schema): z.infer<Schema> {
  return read(schema, step.result, 'result', step);
}

/** The options this waterfall was begun (or replaced) with. */
export function optionsOf<Schema extends z.ZodType>(step: WaterfallStepContext, schema: Schema): z.infer<Schema> {
  return read(schema, step.options, 'options', step);
}

/** What a waterfall keeps between its steps: plain JSON in its state, read and written typed. */
export interface StepValues<Values> {
  read(step: WaterfallStepContext): Values;
  /** Adds to what is kept and returns the whole. */
  keep(step: WaterfallStepContext, values: Partial<Values>): Values;
}

export function stepValues<Schema extends z.ZodObject>(schema: Schema): StepValues<z.infer<Schema>> {
  const readValues = (step: WaterfallStepContext): z.infer<Schema> => read(schema, step.values, 'values', step);
  return {
    read: readValues,
    keep(step, values) {
      Object.assign(step.values, values);
      return readValues(step);
    },
  };
}

// What the shared questions end with, as schemas; `satisfies` keeps each in step with its type.

export const yesNoResult = z.enum(['yes', 'no']) satisfies z.ZodType<YesNo>;
export const yesNoUnsureResult = z.enum(['yes', 'no', 'unsure']) satisfies z.ZodType<YesNoUnsure>;
export const checklistResult = z.enum(['finished', 'found', 'reportNow']) satisfies z.ZodType<ChecklistResult>;

/** A free-text question's answer (dialogs/base/question.ts): the value read, skipped, or not known. */
function answerOf<Value extends z.ZodType>(value: Value) {
  return z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('value'), value }),
    z.object({ kind: z.literal('skipped') }),
    z.object({ kind: z.literal('unknown') }),
  ]);
}
export const textAnswerResult = answerOf(z.string()) satisfies z.ZodType<Answer<string>>;
export const numberAnswerResult = answerOf(z.number()) satisfies z.ZodType<Answer<number>>;

/** An instant as ISO text: a slot picked, when a child came back. */
export const isoInstant = z.iso.datetime({ offset: true });

export const pastMomentResult = z.object({
  at: isoInstant,
  precision: z.enum(['minute', 'day', 'period']),
  alternative: isoInstant.optional(),
}) satisfies z.ZodType<PastMoment>;
