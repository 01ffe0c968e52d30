// The rule book an area serves: the base rules with the area's changes applied, each rule keeping
// only the passages of the area's own documents (or national guidance they reproduce). A rule
// left with none is refused unless the area borrows it from another partnership, by name.
import type { Area } from './areaSchema';
import type { AreaRules, Rule } from './ruleSchema';
import { isPassage, type RuleSource } from './sourceSchema';

export class AreaPackError extends Error {
  override readonly name = 'AreaPackError';
}

/**
 * How the served rule stands: on the area's documents; on national guidance alone; on the
 * council's word where the documents are silent (a national helpline, how booking works); or
 * borrowed from another partnership's document.
 */
export type RuleStanding = 'own' | 'national' | 'council' | 'borrowed';

export interface ServedRule {
  rule: Rule;
  standing: RuleStanding;
  /** From the area's changes: how the rule came to be served, with the area's reason. */
  change?: { kind: 'replaced' | 'added' | 'borrowed'; reason?: string };
}

export function serveRules(base: readonly Rule[], changes: AreaRules, area: Area): ServedRule[] {
  if (base.some((rule) => rule.source.some((source) => !isPassage(source)))) {
    throw new AreaPackError(`content/rules: a base rule stands on a council's word: keep it in the area's rules.json (council)`);
  }
  const where = `content/areas/${area.id}/rules.json`;
  const baseIds = new Set(base.map((rule) => rule.id));
  const claimed = new Map<string, string>();
  const claim = (list: string, id: string) => {
    if (!baseIds.has(id)) throw new AreaPackError(`${where}: ${list}: ${id} is not a base rule`);
    const earlier = claimed.get(id);
    if (earlier) throw new AreaPackError(`${where}: ${id} is in both ${earlier} and ${list}`);
    claimed.set(id, list);
  };
  changes.remove.forEach(({ id }) => claim('remove', id));
  changes.replace.forEach(({ id }) => claim('replace', id));
  changes.borrow.forEach(({ id }) => claim('borrow', id));
  changes.council.forEach(({ id }) => claim('council', id));

  const replacements = new Map(changes.replace.map(({ reason, ...rule }) => [rule.id, { rule, reason }]));
  const borrowings = new Map(changes.borrow.map(({ id, from, reason }) => [id, { from, reason }]));
  const removed = new Set(changes.remove.map(({ id }) => id));
  const onCouncilWord = new Map(changes.council.map(({ id, ...council }) => [id, council]));
  const served: ServedRule[] = base.flatMap((rule): ServedRule[] => {
    if (removed.has(rule.id)) return [];
    const replacement = replacements.get(rule.id);
    if (replacement) return [{ rule: replacement.rule, standing: 'own', change: { kind: 'replaced', reason: replacement.reason } }];
    const borrowing = borrowings.get(rule.id);
    if (borrowing) return [{ rule: { ...rule, borrowed: borrowing }, standing: 'borrowed', change: { kind: 'borrowed', reason: borrowing.reason } }];
    const council = onCouncilWord.get(rule.id);
    // The area's silence is what the council confirms: the other areas' passages do not count here.
    if (council) return [{ rule: { ...rule, source: [{ council }] }, standing: 'council' }];
    return [{ rule, standing: 'own' }];
  });

  for (const { before, ...rule } of changes.add) {
    if (baseIds.has(rule.id) || served.some((entry) => entry.rule.id === rule.id)) {
      throw new AreaPackError(`${where}: add: ${rule.id} is already a rule: replace it instead`);
    }
    const entry: ServedRule = { rule, standing: 'own', change: { kind: 'added' } };
    if (before) {
      const at = served.findIndex((other) => other.rule.id === before);
      if (at < 0 || served[at]?.rule.point !== rule.point) throw new AreaPackError(`${where}: add: ${rule.id}: before ${before}: no such rule at ${rule.point}`);
      served.splice(at, 0, entry);
    } else {
      const last = served.map((other) => other.rule.point).lastIndexOf(rule.point);
      served.splice(last < 0 ? served.length : last + 1, 0, entry);
    }
  }
  return served.map((entry) => withAreaSources(entry, area));
}

/** Keeps the passages the area may stand on, and names the rule's standing from what is left. */
function withAreaSources(entry: ServedRule, area: Area): ServedRule {
  const { rule } = entry;
  const use = new Map(area.guidance.documents.map((document) => [document.file, document.use]));
  const passages = rule.source.filter(isPassage);
  const own = passages.filter((source) => use.get(source.file) === 'own' && !source.national);
  const national = passages.filter((source) => source.national);
  const corroborating = passages.filter((source) => use.get(source.file) === 'corroborating' && !source.national);
  const lent = rule.borrowed ? passages.filter((source) => source.file === rule.borrowed?.from && !source.national) : [];
  const council = rule.source.filter((source) => !isPassage(source));
  const where = `content/areas/${area.id}`;
  if (rule.borrowed) {
    if (use.has(rule.borrowed.from)) throw new AreaPackError(`${where}: rule ${rule.id} is borrowed from ${rule.borrowed.from}, one of the area's own documents`);
    if (lent.length === 0) throw new AreaPackError(`${where}: rule ${rule.id} is borrowed from ${rule.borrowed.from} but cites nothing in it`);
    if (own.length > 0) throw new AreaPackError(`${where}: rule ${rule.id} is borrowed but the area's own documents support it: cite them instead`);
    return { ...entry, standing: 'borrowed', rule: { ...rule, source: [...lent, ...national] } };
  }
  const standing: RuleStanding = own.length > 0 ? 'own' : national.length > 0 ? 'national' : council.length > 0 ? 'council' : 'own';
  const sources: RuleSource[] = own.length > 0 ? [...own, ...corroborating, ...national, ...council] : [...national, ...council];
  if (sources.length === 0) {
    const files = [...new Set(passages.map((source) => source.file.slice(0, 3)))].join(', ');
    throw new AreaPackError(
      `${where}: rule ${rule.id} rests only on ${files}, not on ${area.name}'s documents: cite the area's own passage, replace or remove the rule, or borrow it with a reason`,
    );
  }
  return { ...entry, standing, rule: { ...rule, source: sources } };
}
