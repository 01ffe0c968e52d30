// The shape of a locale file (i18next resources): nested keys, each a message or a list of words.
import { z } from 'zod';

const localeValue: z.ZodType<LocaleTree | string | string[]> = z.lazy(() =>
  z.union([z.string().min(1), z.array(z.string().min(1)).min(1), localeTreeSchema]),
);
export type LocaleTree = { [key: string]: LocaleTree | string | string[] };
export const localeTreeSchema: z.ZodType<LocaleTree> = z.record(z.string().regex(/^[a-zA-Z0-9]+$/), localeValue);
export type LocaleResources = LocaleTree;

/** A BCP 47 language tag as browsers and channels send it ("pl", "en-GB", "zh-Hant-TW"). */
export const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}$/;

/** `_meta.json` beside a locale's files: how the language is named and written, and whether it is reviewed. */
export const localeMetaSchema = z
  .object({
    /** The language's name in itself ("Polski"), as the welcome offers it. */
    name: z.string().min(2),
    englishName: z.string().min(2),
    direction: z.enum(['ltr', 'rtl']),
    /** A script of its own (a Unicode script name, "Arabic"): a message written in it is read as this language. */
    script: z.enum(['Arabic', 'Ethiopic']).optional(),
    /**
     * Letters of that script only this language uses (Pashto's "ټ ډ ښ ګ"): a message holding them is
     * not taken for another language of the script, where this one is not offered.
     */
    ownLetters: z.string().min(1).optional(),
    /** Other ways people write the language's name ("po polsku", "عربي"): each switches to it. */
    aliases: z.array(z.string().min(2)).default([]),
    /** Present until a qualified translator has reviewed every message. */
    review: z.string().min(10).optional(),
  })
  .strict();
export type LocaleMeta = z.infer<typeof localeMetaSchema>;

/** The `{{variables}}` a message uses, sorted, for comparing a translation with en-GB. */
export function variablesOf(value: string | string[]): string[] {
  const text = Array.isArray(value) ? value.join(' ') : value;
  return [...new Set([...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1] ?? ''))].sort();
}

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
