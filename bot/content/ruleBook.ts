// Decides which rule applies: the first rule at a decision point whose condition holds; and
// gives code the numbers the guidance sets (hours until a review), by name, from the rules.
import type { Condition, Facts, LimitName, Rule } from './ruleSchema';

export function holds(condition: Condition, facts: Facts): boolean {
  if ('all' in condition) return condition.all.every((inner) => holds(inner, facts));
  if ('any' in condition) return condition.any.some((inner) => holds(inner, facts));
  if ('not' in condition) return !holds(condition.not, facts);
  const value = facts[condition.fact];
  if (value === undefined) return false;
  if ('equals' in condition) return value === condition.equals;
  if ('oneOf' in condition) return condition.oneOf.includes(value);
  if (typeof value !== 'number') return false;
  if ('atLeast' in condition) return value >= condition.atLeast;
  return value < condition.below;
}

export class RuleBook {
  private readonly byPoint = new Map<string, Rule[]>();
  private readonly byId = new Map<string, Rule>();
  private readonly limits = new Map<LimitName, number>();

  constructor(readonly rules: readonly Rule[]) {
    for (const rule of rules) {
      this.byId.set(rule.id, rule);
      if (rule.limit) this.limits.set(rule.limit.name, rule.limit.value);
      const list = this.byPoint.get(rule.point) ?? [];
      list.push(rule);
      this.byPoint.set(rule.point, list);
    }
  }

  /** The first rule at `point` whose condition holds for `facts`, or undefined. */
  decide(point: string, facts: Facts): Rule | undefined {
    return (this.byPoint.get(point) ?? []).find((rule) => holds(rule.when, facts));
  }

  /** Every rule at `point` whose condition holds, in file order. */
  decideAll(point: string, facts: Facts): Rule[] {
    return (this.byPoint.get(point) ?? []).filter((rule) => holds(rule.when, facts));
  }

  get(id: string): Rule {
    const rule = this.byId.get(id);
    if (!rule) throw new Error(`No rule ${id} in content/rules`);
    return rule;
  }

  /** The number the guidance gives for `name`, in the unit its name ends with (hours). */
  limit(name: LimitName): number {
    const value = this.limits.get(name);
    if (value === undefined) throw new Error(`No rule in content/rules carries the limit ${name}`);
    return value;
  }

  /** A limit the area may not set (its guidance has no such category or meeting): undefined then. */
  optionalLimit(name: LimitName): number | undefined {
    return this.limits.get(name);
  }
}
