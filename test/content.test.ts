// Content: every file validates, every rule has a source and a message in every locale,
// every message key is used and its variables are supplied, and a broken file is named.
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import bidiFactory from 'bidi-js';
import { areaVariables, createLocaliser } from '../bot/content/i18n';
import { RuleBook } from '../bot/content/ruleBook';
import { LIMIT_NAMES, thresholdsOf } from '../bot/content/ruleSchema';
import { ContentError, DIALOG_VARIABLES, flattenKeys, GUIDANCE_FILES, loadContent, variablesOf } from './support/contentFacts';
import { projectPath } from '../bot/platform/paths';

const content = loadContent({ area: 'kent' });

describe('content files', () => {
  it('load and validate', () => {
    expect(content.rules.length).toBeGreaterThan(0);
    expect(content.version).toMatch(/^[0-9a-f]{12}$/);
  });

  it('every rule has a source in the guidance and a message in every locale', () => {
    for (const rule of content.rules) {
      expect(rule.source.length).toBeGreaterThan(0);
      for (const source of rule.source) expect(GUIDANCE_FILES).toContain(source.file);
      for (const locale of Object.keys(content.locales)) {
        expect(typeof flattenKeys(content.locales[locale] ?? {}).get(rule.say)).toBe('string');
      }
    }
  });

  it('cited guidance files exist and each cited section is found in them (when shared/ is beside the repo)', () => {
    const guidance = path.resolve(projectPath(), '..', 'shared', 'guidance');
    let files: string[];
    try {
      files = readdirSync(guidance);
    } catch {
      return; // A clone without shared/ still checks the file names above.
    }
    for (const file of GUIDANCE_FILES) expect(files).toContain(file);
    const areaSources = Object.values(content.area.services).map((service) => service.source);
    for (const source of [...content.rules.flatMap((rule) => rule.source), ...content.danger.source, ...areaSources]) {
      // The quoted passage is in the document as written: its parts (split at "...") in order,
      // ignoring case, line breaks and the shape of quotes and dashes.
      const text = comparable(readFileSync(path.join(guidance, source.file), 'utf8'));
      const parts = source.section
        .split(/\s*(?:\.\.\.|…)\s*/)
        .map(comparable)
        .filter((part) => part !== '');
      let from = 0;
      const missing = parts.find((part) => {
        const at = text.indexOf(part, from);
        if (at < 0) return true;
        from = at + part.length;
        return false;
      });
      expect({ file: source.file, section: source.section, missing }).toEqual({
        file: source.file,
        section: source.section,
        missing: undefined,
      });
    }
  });

  it('every message key is used by code or a rule, and every key used exists', () => {
    const keys = [...flattenKeys(content.locales['en-GB'] ?? {}).keys()];
    const code = ['bot', 'dialogs', 'channels']
      .flatMap((folder) => listFiles(projectPath(folder)))
      .filter((file) => file.endsWith('.ts'))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    // Keys built from a template (`parent.search.options.${value}.title`) count as used by
    // every key of that shape, and the keys below it: each `${...}` stands for one segment.
    const templates = [...code.matchAll(/`([a-zA-Z]+(?:\.(?:[a-zA-Z0-9]+|\$\{[^}`]+\}))+)`/g)]
      .map((match) => match[1] ?? '')
      .filter((template) => template.includes('${'))
      .map(
        (template) =>
          new RegExp(
            `^${template
              .split(/\$\{[^}]+\}/)
              .map((part) => part.replace(/\./g, '\\.'))
              .join('[a-zA-Z0-9]+')}(\\..+)?$`,
          ),
      );
    // A family of keys handed over by its prefix (a checklist's `keys: 'parent.search'`) counts too.
    const quotedPrefix = (key: string) =>
      key
        .split('.')
        .map((_, index, parts) => parts.slice(0, index + 1).join('.'))
        .slice(1, -1)
        .some((prefix) => code.includes(`keys: '${prefix}'`));
    const used = (key: string) =>
      content.rules.some((rule) => rule.say === key) ||
      code.includes(`'${key}'`) ||
      templates.some((pattern) => pattern.test(key)) ||
      quotedPrefix(key);
    expect(keys.filter((key) => !used(key))).toEqual([]);
    const literalKeys = [...code.matchAll(/t\('([a-zA-Z]+(?:\.[a-zA-Z0-9]+)+)'/g)].map((match) => match[1] ?? '');
    expect(literalKeys.filter((key) => !keys.includes(key))).toEqual([]);
  });

  it("every message renders with the variables the bot supplies (area, numbers, hours, and the dialogs' own)", () => {
    const localiser = createLocaliser(content);
    for (const locale of localiser.locales) {
      const messages = localiser.messages(locale);
      for (const [key, value] of flattenKeys(content.locales[locale] ?? {})) {
        if (typeof value !== 'string' || key.startsWith('common.')) continue;
        expect(() => messages.t(key, DIALOG_VARIABLES)).not.toThrow();
        expect(messages.t(key, DIALOG_VARIABLES)).not.toMatch(/\{\{|\}\}/);
      }
    }
    expect(areaVariables(content.area).earlyHelpPhone).toBe('03000 419222');
  });
});

describe('limits: the numbers from the guidance that code counts with', () => {
  const carriers = content.rules.filter((rule) => rule.limit);
  const guidanceText = (file: string): string | undefined => {
    try {
      return readFileSync(path.resolve(projectPath(), '..', 'shared', 'guidance', file), 'utf8')
        .replace(/\s+/g, ' ')
        .toLowerCase();
    } catch {
      return undefined; // A clone without shared/ still checks the cited sections below.
    }
  };

  it('each limit is carried by exactly one rule, and code gets it by name from the rule book', () => {
    const book = new RuleBook(content.rules);
    for (const name of LIMIT_NAMES) {
      const carrying = carriers.filter((rule) => rule.limit?.name === name);
      expect({ name, rules: carrying.length }).toEqual({ name, rules: 1 });
      expect(book.limit(name)).toBe(carrying[0]?.limit?.value);
    }
  });

  it("each limit's rule cites a passage that states the number, and the passage is found in its document", () => {
    for (const rule of carriers) {
      const { value, unit } = rule.limit ?? { value: 0, unit: 'hours' };
      const stated = `${value} ${unit}`;
      const passages = rule.source.filter((source) => source.section.toLowerCase().includes(stated));
      expect({ rule: rule.id, stated, cited: passages.length > 0 }).toEqual({ rule: rule.id, stated, cited: true });
      for (const source of passages) {
        const text = guidanceText(source.file);
        if (text === undefined) continue;
        const section = source.section.replace(/\s+/g, ' ').toLowerCase();
        const upToNumber = section.slice(0, section.indexOf(stated) + stated.length);
        expect({ rule: rule.id, file: source.file, upToNumber, found: text.includes(upToNumber) }).toEqual({
          rule: rule.id,
          file: source.file,
          upToNumber,
          found: true,
        });
      }
    }
  });

  it("every rule that compares a limit's fact with a number uses that limit's number", () => {
    const limitsOn = (fact: string) => carriers.flatMap((rule) => (rule.limit?.fact === fact ? [rule.limit.value] : []));
    for (const rule of carriers) {
      if (!rule.limit?.fact) continue;
      // The rule carrying the limit states it in its own condition.
      expect(thresholdsOf(rule.when)).toContainEqual({ fact: rule.limit.fact, value: rule.limit.value });
    }
    for (const rule of content.rules) {
      for (const { fact, value } of thresholdsOf(rule.when)) {
        const values = limitsOn(fact);
        if (values.length > 0)
          expect({ rule: rule.id, fact, value, oneOfTheLimits: values.includes(value) }).toEqual({
            rule: rule.id,
            fact,
            value,
            oneOfTheLimits: true,
          });
      }
    }
  });

  it("the message of a limit's rule gives the same number, in every locale", () => {
    for (const rule of carriers) {
      for (const locale of Object.keys(content.locales)) {
        const message = flattenKeys(content.locales[locale] ?? {}).get(rule.say);
        expect({ rule: rule.id, locale, message }).toEqual({
          rule: rule.id,
          locale,
          message: expect.stringContaining(String(rule.limit?.value)),
        });
      }
    }
  });
});

describe('numbers in right-to-left languages', () => {
  const bidi = bidiFactory();
  const ISOLATES = /[\u2066-\u2069]/g;
  const NUMBERS = /\+?\d+(?:[ \u00a0]\d+)+|\d+/g;

  it('every phone number and figure in an Arabic or Pashto message shows in its own order on screen', () => {
    const localiser = createLocaliser(content);
    for (const locale of ['ar', 'ps']) {
      const messages = localiser.messages(locale);
      for (const [key, value] of flattenKeys(content.locales[locale] ?? {})) {
        if (typeof value !== 'string') continue;
        // Every variable filled, a figure where the dialogs' own list has none.
        const variables = Object.fromEntries(variablesOf(value).map((name) => [name, DIALOG_VARIABLES[name] ?? '0800 1111']));
        const text = messages.t(key, { ...DIALOG_VARIABLES, ...variables });
        const shown = bidi.getReorderedString(text, bidi.getEmbeddingLevels(text, 'rtl')).replace(ISOLATES, '');
        for (const [number] of text.replace(ISOLATES, '').matchAll(NUMBERS)) {
          expect({ key, number, shown: shown.includes(number) }).toEqual({ key, number, shown: true });
        }
      }
    }
  });

  it('English is left as it is', () => {
    expect(createLocaliser(content).messages('en-GB').t('commands.help.reply')).not.toMatch(ISOLATES);
  });
});

describe('a broken content file', () => {
  const brokenCopy = (file: string, edit: (json: Record<string, unknown>) => void) => {
    const directory = mkdtempSync(path.join(tmpdir(), 'content-'));
    cpSync(projectPath('content'), directory, { recursive: true });
    const target = path.join(directory, file);
    const json = JSON.parse(readFileSync(target, 'utf8')) as Record<string, unknown>;
    edit(json);
    writeFileSync(target, JSON.stringify(json));
    return directory;
  };
  const messageOf = (directory: string) => {
    try {
      loadContent({ area: 'kent', directory });
    } catch (error) {
      expect(error).toBeInstanceOf(ContentError);
      return (error as Error).message;
    }
    return 'loaded';
  };

  /** A rule of a content file being broken on purpose; a missing one fails the test that wanted it. */
  const ruleAt = (json: Record<string, unknown>, index: number): Record<string, unknown> => {
    const rule = (json.rules as Array<Record<string, unknown>>)[index];
    if (!rule) throw new Error(`no rule at ${index}`);
    return rule;
  };

  it('an option that is also a command in any language is refused: tapping it would do the command', () => {
    const directory = brokenCopy('locales/ro/parent.json', (json) => {
      const search = json.search as { options: { done: { synonyms: string[] } } };
      search.options.done.synonyms.push('start again');
    });
    expect(messageOf(directory)).toMatch(
      /locales\/ro: parent\.search\.options\.done\.synonyms: "start again" is also a command \(\S+ commands\.startAgain\.synonyms\)/,
    );
  });

  it('a rule without a source names the file and the path', () => {
    const directory = brokenCopy('rules/general.json', (json) => {
      ruleAt(json, 1).source = [];
    });
    expect(messageOf(directory)).toMatch(/rules\/general\.json: rules\.1\.source: /);
  });

  it('a condition on an unknown fact, or with a value of the wrong type, is refused', () => {
    const unknownFact = brokenCopy('rules/general.json', (json) => {
      ruleAt(json, 0).when = { fact: 'childAge', equals: 3 };
    });
    expect(messageOf(unknownFact)).toMatch(/rules\/general\.json: rules\.0\.when/);
    const wrongType = brokenCopy('rules/general.json', (json) => {
      ruleAt(json, 0).when = { fact: 'command', equals: 'dance' };
    });
    expect(messageOf(wrongType)).toMatch(/rules\/general\.json: rules\.0\.when: "dance" is not a possible value/);
  });

  const ruleIndex = (json: Record<string, unknown>, id: string) =>
    (json.rules as Array<Record<string, unknown>>).findIndex((rule) => rule.id === id);

  it("a limit that differs from its rule's condition names the file and the path", () => {
    let index = -1;
    const directory = brokenCopy('rules/carer.json', (json) => {
      index = ruleIndex(json, 'C-REVIEW-6H');
      (ruleAt(json, index).limit as Record<string, unknown>).value = 4;
    });
    expect(messageOf(directory)).toMatch(new RegExp(`rules/carer\\.json: rules\\.${index}\\.limit\\.value: .*reviewHour with 4`));
  });

  it("a rule comparing a limit's fact with another number is refused, naming both", () => {
    const directory = brokenCopy('rules/carer.json', (json) => {
      ruleAt(json, ruleIndex(json, 'C-REVIEW-HOURLY')).when = { fact: 'reviewHour', below: 5 };
    });
    expect(messageOf(directory)).toMatch(
      /rule C-REVIEW-HOURLY compares reviewHour with 5, but the limits on reviewHour are 6 \(unauthorisedAbsenceHours\)/,
    );
  });

  it('an unknown limit, or a known one given twice or not at all, is refused', () => {
    const unknown = brokenCopy('rules/carer.json', (json) => {
      (ruleAt(json, ruleIndex(json, 'C-RETURN-72H')).limit as Record<string, unknown>).name = 'returnHours';
    });
    expect(messageOf(unknown)).toMatch(/rules\/carer\.json: rules\.\d+\.limit\.name: must be a known limit/);
    const missing = brokenCopy('rules/carer.json', (json) => {
      delete ruleAt(json, ruleIndex(json, 'C-RETURN-72H')).limit;
    });
    expect(messageOf(missing)).toMatch(/no rule carries the limit returnInterviewHours/);
    const twice = brokenCopy('rules/carer.json', (json) => {
      ruleAt(json, ruleIndex(json, 'C-BACK-RETURN-INTERVIEW')).limit = ruleAt(json, ruleIndex(json, 'C-RETURN-72H')).limit;
    });
    expect(messageOf(twice)).toMatch(/the limit returnInterviewHours is carried by C-BACK-RETURN-INTERVIEW and C-RETURN-72H/);
  });

  // Until the area file's copy of the window goes (the rule is the source of truth), it must agree.
  it("an area window that is not the guidance's names the area file", () => {
    const directory = brokenCopy('areas/kent.json', (json) => {
      (json.returnInterviews as Record<string, unknown>).windowHours = 48;
    });
    expect(messageOf(directory)).toMatch(/areas\/kent\.json: returnInterviews\.windowHours: must be 72/);
  });

  it('a message missing from a locale names the locale and the key', () => {
    const directory = brokenCopy('locales/en-GB/safety.json', (json) => {
      delete (json.danger as Record<string, unknown>).call999;
    });
    expect(messageOf(directory)).toMatch(/locales\/en-GB: safety\.danger\.call999: message of rule G-DANGER-999 is missing/);
  });

  describe('a translation', () => {
    const english = JSON.parse(readFileSync(projectPath('content/locales/en-GB/safety.json'), 'utf8')) as Record<
      string,
      Record<string, string>
    >;

    it('missing a key names the locale and the key', () => {
      const directory = brokenCopy('locales/pl/safety.json', (json) => {
        delete (json.danger as Record<string, unknown>).call999;
      });
      expect(messageOf(directory)).toMatch(/locales\/pl: safety\.danger\.call999: message of rule G-DANGER-999 is missing/);
    });

    it('with an empty message names the file and the key', () => {
      const directory = brokenCopy('locales/pl/safety.json', (json) => {
        (json.danger as Record<string, unknown>).call999 = '';
      });
      expect(messageOf(directory)).toMatch(/locales\/pl\/safety\.json: danger\.call999: /);
    });

    it('left in English names the locale and the key', () => {
      const directory = brokenCopy('locales/ro/safety.json', (json) => {
        (json.danger as Record<string, unknown>).call999 = english.danger?.call999;
      });
      expect(messageOf(directory)).toMatch(/locales\/ro: safety\.danger\.call999: left in English/);
    });

    it('with other interpolation variables than en-GB names both', () => {
      const directory = brokenCopy('locales/ar/safety.json', (json) => {
        const danger = json.danger as Record<string, string>;
        danger.call999 = `${danger.call999 ?? ''} {{placeName}}`;
      });
      expect(messageOf(directory)).toMatch(/locales\/ar: safety\.danger\.call999: uses \{\{.*placeName.*\}\}, en-GB uses/);
    });

    it('the area offers only locales that exist, English first', () => {
      expect(messageOf(brokenCopy('areas/kent.json', (json) => void (json.languages = ['en-GB', 'xx'])))).toMatch(
        /languages: xx has no content\/locales\/xx/,
      );
      expect(messageOf(brokenCopy('areas/kent.json', (json) => void (json.languages = ['pl', 'en-GB'])))).toMatch(
        /languages: must begin with en-GB/,
      );
    });

    it('every locale but en-GB says a qualified translator must review it', () => {
      const content = loadContent({ area: 'kent' });
      const locales = Object.keys(content.locales).filter((locale) => locale !== 'en-GB');
      expect(locales.sort()).toEqual(['ar', 'cy', 'pl', 'ps', 'ro', 'ti']);
      for (const locale of locales) expect(content.localeMeta[locale]?.review).toMatch(/qualified translator/);
    });
  });

  it('an area service with a malformed number names the file and the path', () => {
    const directory = brokenCopy('areas/kent.json', (json) => {
      ((json.services as Record<string, Record<string, unknown>>).earlyHelp ?? {}).phone = 'call us';
    });
    expect(messageOf(directory)).toMatch(/areas\/kent\.json: services\.earlyHelp\.phone: /);
  });
});

function listFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(path.join(directory, entry.name)) : [path.join(directory, entry.name)],
  );
}

/** Text as compared with a quotation: lower case, one space for any run of white space, plain quotes and dashes. */
function comparable(text: string): string {
  return text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\ufffd/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}
