// The guidance documents the rules stand on (content/guidance/), read so that every quote a rule,
// a service or a phrase book cites can be checked against its document in full at load.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { GUIDANCE_FILES, type GuidanceFile } from './vocabulary';
import type { Source } from './sourceSchema';

/** Who wrote each document, for whom, and when: said when a rule is borrowed, shown in the rule book. */
export const documentCatalogueSchema = z.record(
  z.enum(GUIDANCE_FILES),
  z.object({ partnership: z.string().min(3), area: z.string().min(3), title: z.string().min(5), date: z.string().min(4) }).strict(),
);
export type DocumentCatalogue = z.infer<typeof documentCatalogueSchema>;

/** Text as compared: case, line breaks and the shapes of quotes and dashes set aside. */
export function comparable(text: string): string {
  return text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\ufffd/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

export class GuidanceLibrary {
  private constructor(private readonly texts: ReadonlyMap<GuidanceFile, string>) {}

  /** Reads every known document; `read` fails with the file's name when one is missing. */
  static load(directory: string, read: (file: string) => string = (file) => readFileSync(file, 'utf8')): GuidanceLibrary {
    return new GuidanceLibrary(new Map(GUIDANCE_FILES.map((file) => [file, comparable(read(path.join(directory, file)))])));
  }

  /** Whether the document holds the quote word for word. */
  holds(source: Source): boolean {
    const quote = comparable(source.quote);
    return quote !== '' && (this.texts.get(source.file)?.includes(quote) ?? false);
  }
}
