// What the fault bench counts for one fault on one storage: the messages tried while the fault
// was on, and for each whether it survived (answered by the bot's reply or the fail-safe, and the
// conversation carried on) or was lost, and why.
import { excerpt, shown, type Answer, type Person, type Verdict } from './person';

export interface Tried {
  person: Person;
  /** The step whose message it was. */
  step: number;
  said: string;
  answer: Answer;
  verdict: Verdict;
  /** Why it was lost; undefined while it survives. */
  lost?: string;
}

export class FaultRow {
  readonly tried: Tried[] = [];
  /** Remarks counted by kind: how the messages were answered, what the bench saw on the way. */
  readonly remarks = new Map<string, number>();
  /** Losses found in storage that belong to no message tried (a fault's effect outside its window). */
  readonly unattributed: string[] = [];
  slowestMs = 0;

  constructor(
    readonly fault: string,
    readonly storage: string,
  ) {}

  get survived(): number {
    return this.tried.filter((tried) => tried.lost === undefined).length;
  }

  get lost(): number {
    return this.tried.filter((tried) => tried.lost !== undefined).length + this.unattributed.length;
  }

  remark(kind: string, count = 1): void {
    this.remarks.set(kind, (this.remarks.get(kind) ?? 0) + count);
  }

  /** Counts a message sent while the fault was on. */
  count(person: Person, step: number, said: string, answer: Answer, verdict: Verdict): Tried {
    const tried: Tried = { person, step, said, answer, verdict };
    this.tried.push(tried);
    this.slowestMs = Math.max(this.slowestMs, answer.ms);
    this.remark(
      {
        next: 'answered as the next step',
        failSafe: 'answered by the fail-safe alone',
        nothing: 'no reply',
        offScript: 'a reply to another step',
      }[verdict],
    );
    return tried;
  }

  /** Marks a message lost (once); its person stops, since what follows can no longer be judged. */
  lose(tried: Tried, reason: string): void {
    tried.person.derailed = true;
    tried.lost ??= `${tried.person.name} step #${tried.step} ${excerpt(tried.said, 40)}: ${reason}`;
  }

  /** A loss found in storage, put on the person's first message tried that was not already lost. */
  loseFor(person: Person, reason: string): void {
    const mine = this.tried.filter((tried) => tried.person === person);
    if (mine.length === 0) this.unattributed.push(`${person.name}: ${reason}`);
    else if (mine.every((tried) => tried.lost === undefined)) this.lose(mine[0] as Tried, reason);
  }

  lostReasons(): string[] {
    return [...this.tried.flatMap((tried) => (tried.lost ? [tried.lost] : [])), ...this.unattributed];
  }
}

/** Why an answer is not the step the script expected, in a line. */
export function offStep(person: Person, index: number, verdict: Verdict, answer: Answer): string {
  const expected = person
    .expectsOf(index)
    .map((expect) => String(expect))
    .join(' or ');
  const got = verdict === 'nothing' ? `no reply${answer.failure ? ` (${answer.failure})` : ''}` : excerpt(shown(answer));
  return `expected ${excerpt(expected, 80)}, got ${got}`;
}
