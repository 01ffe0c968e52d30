// Content: every file validates, every rule has a source and a message in every locale,
// every message key is used and its variables are supplied, and a broken file is named.
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import bidiFactory from 'bidi-js';
import { areaVariables, createLocaliser } from '../bot/content/i18n';
import { RuleBook } from '../bot/content/ruleBook';
import { LIMIT_NAMES, thresholdsOf } from '../bot/content/ruleSchema';
import { isPassage } from '../bot/content/sourceSchema';
import { councilFactsOf, isConfirmed } from '../bot/content/ruleBookPage';
import { ContentError, DIALOG_VARIABLES, flattenKeys, GUIDANCE_FILES, loadContent, variablesOf } from './support/contentFacts';
import { projectPath } from '../bot/platform/paths';

const AREAS = ['kent', 'medway', 'thames-valley', 'set'] as const;
const packs = AREAS.map((area) => loadContent({ area }));
const content = loadContent({ area: 'kent' });

/** A limit's number as the guidance states it: "72 hours", or "5 days" for 120 hours. */
function statedAs(value: number): string[] {
  return value % 24 === 0 && value > 24 ? [`${value} hours`, `${value / 24} days`] : [`${value} hours`];
}

describe.each(packs.map((pack) => [pack.area.id, pack] as const))('the %s pack', (_id, pack) => {
  it("loads: every rule it serves stands on its own documents, national guidance or the council's word, with a message in every locale", () => {
    const documents = new Set(pack.area.guidance.documents.map((document) => document.file));
    for (const { rule, standing } of pack.servedRules) {
      expect(rule.source.length).toBeGreaterThan(0);
      for (const source of rule.source.filter(isPassage)) {
        if (!source.national && standing !== 'borrowed')
          expect({ rule: rule.id, file: source.file, ok: documents.has(source.file) }).toEqual({
            rule: rule.id,
            file: source.file,
            ok: true,
          });
      }
      for (const locale of Object.keys(pack.locales)) expect(typeof flattenKeys(pack.locales[locale] ?? {}).get(rule.say)).toBe('string');
    }
  });

  it("every message renders with the variables the bot supplies (the area's numbers and hours, and the dialogs' own)", () => {
    const localiser = createLocaliser(pack);
    for (const locale of localiser.locales) {
      const messages = localiser.messages(locale);
      for (const [key, value] of flattenKeys(pack.locales[locale] ?? {})) {
        if (typeof value !== 'string' || key.startsWith('common.')) continue;
        expect(() => messages.t(key, DIALOG_VARIABLES)).not.toThrow();
        expect(messages.t(key, DIALOG_VARIABLES)).not.toMatch(/\{\{|\}\}/);
      }
    }
  });

  it("each limit it sets is carried by one rule whose passage and message state the number, and each condition uses a limit's number", () => {
    const carriers = pack.rules.filter((rule) => rule.limit);
    const book = new RuleBook(pack.rules);
    for (const name of LIMIT_NAMES) {
      const carrying = carriers.filter((rule) => rule.limit?.name === name);
      expect(carrying.length).toBeLessThanOrEqual(1);
      expect(book.optionalLimit(name)).toBe(carrying[0]?.limit?.value);
    }
    expect(book.limit('returnInterviewHours')).toBeGreaterThan(0);
    for (const rule of carriers) {
      const stated = statedAs(rule.limit?.value ?? 0);
      const passages = rule.source.filter(isPassage).filter((source) => stated.some((words) => source.quote.toLowerCase().includes(words)));
      expect({ rule: rule.id, stated, cited: passages.length > 0 }).toEqual({ rule: rule.id, stated, cited: true });
      for (const locale of Object.keys(pack.locales)) {
        const message = String(flattenKeys(pack.locales[locale] ?? {}).get(rule.say));
        const figures = stated.map((words) => words.split(' ')[0] ?? '');
        expect({ rule: rule.id, locale, gives: figures.some((figure) => message.includes(figure)) }).toEqual({
          rule: rule.id,
          locale,
          gives: true,
        });
      }
      if (rule.limit?.fact) expect(thresholdsOf(rule.when)).toContainEqual({ fact: rule.limit.fact, value: rule.limit.value });
    }
    for (const rule of pack.rules) {
      for (const { fact, value } of thresholdsOf(rule.when)) {
        const values = carriers.flatMap((carrier) => (carrier.limit?.fact === fact ? [carrier.limit.value] : []));
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
});

describe('shared messages', () => {
  const localNames = [...new Set(packs.flatMap((pack) => pack.area.localNames))];
  const said = (locale: string) =>
    [...flattenKeys(content.locales[locale] ?? {})].filter(
      // An area's own messages are its pack's; what people may type (synonyms) is not said.
      ([key]) => !key.startsWith('area.') && !key.endsWith('.synonyms'),
    );

  it('name no area, partnership or local system: those are in the area packs', () => {
    for (const locale of Object.keys(content.locales)) {
      for (const [key, value] of said(locale)) {
        const text = Array.isArray(value) ? value.join(' ') : String(value);
        const named = localNames.filter((name) => new RegExp(`\\b${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(text));
        expect({ locale, key, named }).toEqual({ locale, key, named: [] });
      }
    }
  });
});

describe('content files', () => {
  it('load and validate', () => {
    expect(content.rules.length).toBeGreaterThan(0);
    expect(content.version).toMatch(/^[0-9a-f]{12}$/);
  });

  it('every rule has a source in the guidance and a message in every locale', () => {
    for (const rule of content.rules) {
      expect(rule.source.length).toBeGreaterThan(0);
      for (const source of rule.source.filter(isPassage)) expect(GUIDANCE_FILES).toContain(source.file);
      for (const locale of Object.keys(content.locales)) {
        expect(typeof flattenKeys(content.locales[locale] ?? {}).get(rule.say)).toBe('string');
      }
    }
  });

  it("the guidance held in content/ is the partnerships' documents as published (when shared/ is beside the repo)", () => {
    const shared = path.resolve(projectPath(), '..', 'shared', 'guidance');
    let files: string[];
    try {
      files = readdirSync(shared);
    } catch {
      return; // A clone without shared/ checks every quote against content/guidance at load.
    }
    for (const file of GUIDANCE_FILES) {
      expect(files).toContain(file);
      expect(readFileSync(projectPath('content', 'guidance', file), 'utf8')).toBe(readFileSync(path.join(shared, file), 'utf8'));
    }
  });

  it('every message key is used by code or a rule, and every key used exists', () => {
    const keys = [...new Set(packs.flatMap((pack) => [...flattenKeys(pack.locales['en-GB'] ?? {}).keys()]))];
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
      packs.some((pack) => pack.rules.some((rule) => rule.say === key || rule.sayAgain === key)) ||
      code.includes(`'${key}'`) ||
      templates.some((pattern) => pattern.test(key)) ||
      quotedPrefix(key);
    expect(keys.filter((key) => !used(key))).toEqual([]);
    const literalKeys = [...code.matchAll(/t\('([a-zA-Z]+(?:\.[a-zA-Z0-9]+)+)'/g)].map((match) => match[1] ?? '');
    expect(literalKeys.filter((key) => !keys.includes(key))).toEqual([]);
  });

  it("a service's number is the area's own, and one no document or council gives is said as the council's to give", () => {
    expect(areaVariables(content.area, 'unknown').earlyHelpPhone).toBe('03000 419222');
    const thamesValley = packs.find((pack) => pack.area.id === 'thames-valley');
    expect(thamesValley && areaVariables(thamesValley.area, "the number on your council's website").outOfHoursPhone).toBe(
      "the number on your council's website",
    );
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
  const messageOf = (directory: string, area = 'kent') => {
    try {
      loadContent({ area, directory });
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

  it('a rule without a source is refused, naming the area and the rule', () => {
    const directory = brokenCopy('rules/carer.json', (json) => {
      ruleAt(json, ruleIndex(json, 'C-DANGER-999')).source = [];
    });
    expect(messageOf(directory)).toMatch(/content\/areas\/kent: rule C-DANGER-999 rests only on , not on Kent's documents/);
  });

  it('a quote that is not in its document word for word names the rule and the document', () => {
    const directory = brokenCopy('rules/carer.json', (json) => {
      const [first] = ruleAt(json, ruleIndex(json, 'C-DANGER-999')).source as Array<{ quote: string }>;
      if (first) first.quote += ' and a word more';
    });
    expect(messageOf(directory)).toMatch(
      /content\/rules: rule C-DANGER-999: ".* and a word more" is not in content\/guidance\/\S+ word for word/,
    );
  });

  it('a quote joined from two places with "..." is refused: each place is a source of its own', () => {
    let index = -1;
    const directory = brokenCopy('rules/carer.json', (json) => {
      index = ruleIndex(json, 'C-DANGER-999');
      const [first] = ruleAt(json, index).source as Array<{ quote: string }>;
      if (first) first.quote = 'If you think ... call 999';
    });
    expect(messageOf(directory)).toMatch(
      new RegExp(`rules/carer\\.json: rules\\.${index}\\.source\\.0\\.quote: must be one passage word for word`),
    );
  });

  it("a rule served on another partnership's document alone is refused; borrowed, it is said as theirs", () => {
    const served = brokenCopy('areas/kent/rules.json', (json) => {
      json.remove = (json.remove as Array<{ id: string }>).filter((entry) => entry.id !== 'C-REVIEW-HOURLY');
    });
    expect(messageOf(served)).toMatch(/content\/areas\/kent: rule C-REVIEW-HOURLY rests only on 001, not on Kent's documents/);
    const borrowed = brokenCopy('areas/kent/rules.json', (json) => {
      json.remove = (json.remove as Array<{ id: string }>).filter((entry) => entry.id !== 'C-REVIEW-HOURLY');
      json.borrow = [
        { id: 'C-REVIEW-HOURLY', from: '001_03c1220fa8561956.txt', reason: 'A test of borrowing: Kent has no hourly review.' },
      ];
    });
    const content = loadContent({ area: 'kent', directory: borrowed });
    const rule = content.servedRules.find((served) => served.rule.id === 'C-REVIEW-HOURLY');
    expect(rule?.standing).toBe('borrowed');
    expect(rule?.rule.source.every((source) => isPassage(source) && source.file === '001_03c1220fa8561956.txt')).toBe(true);
    expect(
      createLocaliser(content)
        .messages('en-GB')
        .t(rule?.rule.say ?? '', DIALOG_VARIABLES),
    ).toMatch(/^Kent's guidance doesn't say; Thames Valley .*'s guidance says:/);
  });

  it("a rule standing only on national guidance quoted in another area's document is served, said as national guidance", () => {
    const directory = brokenCopy('rules/carer.json', (json) => {
      const rule = ruleAt(json, ruleIndex(json, 'C-REVIEW-HOURLY'));
      rule.source = [
        {
          file: '003_4454952f043df8a0.txt',
          quote: 'anyone whose whereabouts cannot be established will be considered as missing until located',
          national: 'college-of-policing-app',
        },
      ];
    });
    const withRule = path.join(directory, 'areas', 'kent', 'rules.json');
    const changes = JSON.parse(readFileSync(withRule, 'utf8')) as { remove: Array<{ id: string }> };
    changes.remove = changes.remove.filter((entry) => entry.id !== 'C-REVIEW-HOURLY');
    writeFileSync(withRule, JSON.stringify(changes));
    const content = loadContent({ area: 'kent', directory });
    const rule = content.servedRules.find((served) => served.rule.id === 'C-REVIEW-HOURLY');
    expect(rule?.standing).toBe('national');
    expect(
      createLocaliser(content)
        .messages('en-GB')
        .t(rule?.rule.say ?? '', DIALOG_VARIABLES),
    ).toMatch(/^Your local guidance doesn't say; national guidance says:/);
  });

  it("a council fact no one has confirmed is flagged, and a service without a number is said as the council's to give", () => {
    const unconfirmed = councilFactsOf(content).filter(({ fact }) => !isConfirmed(fact));
    expect(unconfirmed.map(({ where }) => where)).toEqual(expect.arrayContaining(['Childline', 'Shout', 'Office hours']));
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
    const directory = brokenCopy('areas/thames-valley/rules.json', (json) => {
      const added = json.add as Array<Record<string, unknown>>;
      index = added.findIndex((rule) => rule.id === 'C-REVIEW-6H');
      (added[index]?.limit as Record<string, unknown>).value = 4;
    });
    expect(messageOf(directory, 'thames-valley')).toMatch(
      new RegExp(`areas/thames-valley/rules\\.json: add\\.${index}\\.limit\\.value: .*reviewHour with 4`),
    );
  });

  it("a rule comparing a limit's fact with another number is refused, naming both", () => {
    const directory = brokenCopy('rules/carer.json', (json) => {
      ruleAt(json, ruleIndex(json, 'C-REVIEW-HOURLY')).when = { fact: 'reviewHour', below: 5 };
    });
    expect(messageOf(directory, 'thames-valley')).toMatch(
      /rule C-REVIEW-HOURLY compares reviewHour with 5, but the limits on reviewHour are 6 \(unauthorisedAbsenceHours\)/,
    );
  });

  it('an unknown limit, or a known one given twice or not at all, is refused', () => {
    const added = (json: Record<string, unknown>, id: string) =>
      (json.add as Array<Record<string, unknown>>).find((rule) => rule.id === id) ?? {};
    const unknown = brokenCopy('areas/kent/rules.json', (json) => {
      (added(json, 'C-RETURN-72H').limit as Record<string, unknown>).name = 'returnHours';
    });
    expect(messageOf(unknown)).toMatch(/areas\/kent\/rules\.json: add\.\d+\.limit\.name: must be a known limit/);
    const missing = brokenCopy('areas/kent/rules.json', (json) => {
      delete added(json, 'C-RETURN-72H').limit;
    });
    expect(messageOf(missing)).toMatch(/no rule carries the limit returnInterviewHours/);
    const twice = brokenCopy('areas/kent/rules.json', (json) => {
      added(json, 'C-BACK-RETURN-INTERVIEW').limit = added(json, 'C-RETURN-72H').limit;
    });
    expect(messageOf(twice)).toMatch(/the limit returnInterviewHours is carried by C-BACK-RETURN-INTERVIEW and C-RETURN-72H/);
  });

  // Until the area file's copy of the window goes (the rule is the source of truth), it must agree.
  it("an area window that is not the guidance's names the area file", () => {
    const directory = brokenCopy('areas/kent/area.json', (json) => {
      (json.returnInterviews as Record<string, unknown>).windowHours = 48;
    });
    expect(messageOf(directory)).toMatch(/areas\/kent\/area\.json: returnInterviews\.windowHours: must be 72/);
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
      expect(messageOf(brokenCopy('areas/kent/area.json', (json) => void (json.languages = ['en-GB', 'xx'])))).toMatch(
        /languages: xx has no content\/locales\/xx/,
      );
      expect(messageOf(brokenCopy('areas/kent/area.json', (json) => void (json.languages = ['pl', 'en-GB'])))).toMatch(
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
    const directory = brokenCopy('areas/kent/area.json', (json) => {
      ((json.services as Record<string, Record<string, unknown>>).earlyHelp ?? {}).phone = 'call us';
    });
    expect(messageOf(directory)).toMatch(/areas\/kent\/area\.json: services\.earlyHelp\.phone: /);
  });
});

function listFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(path.join(directory, entry.name)) : [path.join(directory, entry.name)],
  );
}

/** Text as compared with a quotation: lower case, one space for any run of white space, plain quotes and dashes. */

describe('a danger message said again within minutes', () => {
  it('is said by its short form, which keeps 999 in every locale wherever the whole message gives it', () => {
    for (const pack of packs) {
      for (const rule of pack.rules.filter((candidate) => candidate.sayAgain)) {
        for (const locale of Object.keys(pack.locales)) {
          const keys = flattenKeys(pack.locales[locale] ?? {});
          const whole = String(keys.get(rule.say));
          const short = String(keys.get(rule.sayAgain ?? ''));
          expect({ rule: rule.id, locale, keeps999: !whole.includes('999') || short.includes('999') }).toEqual({
            rule: rule.id,
            locale,
            keeps999: true,
          });
        }
      }
    }
    expect(packs[0]?.rules.filter((rule) => rule.sayAgain).length).toBeGreaterThan(10);
  });
});
