// The shape of a locale file (i18next resources): nested keys, each a message or a list of words.
import { z } from 'zod';

const localeValue: z.ZodType<LocaleTree | string | string[]> = z.lazy(() =>
  z.union([z.string().min(1), z.array(z.string().min(1)).min(1), localeTreeSchema]),
);
export type LocaleTree = { [key: string]: LocaleTree | string | string[] };
export const localeTreeSchema: z.ZodType<LocaleTree> = z.record(z.string().regex(/^[a-zA-Z0-9]+$/), localeValue);
export type LocaleResources = LocaleTree;

/** Every leaf of a locale tree by its dotted key. */
export function flattenKeys(tree: LocaleResources, prefix = ''): Map<string, string | string[]> {
  const keys = new Map<string, string | string[]>();
  for (const [key, value] of Object.entries(tree)) {
    const dotted = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string' || Array.isArray(value)) keys.set(dotted, value);
    else for (const [inner, leaf] of flattenKeys(value, dotted)) keys.set(inner, leaf);
  }
  return keys;
}
