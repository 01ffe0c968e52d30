// The load: `connections` simulated users, each walking journeys one after another (a new
// conversation each time) until the time is up. Each user sends its next message only when the
// replies to the previous one are in, and checks them against the script; the latency of every
// turn is measured here, from sending to the replies (by chat: the HTTP response, expectReplies;
// by text: the last expected text arriving at the fake Twilio API).
import { Agent } from 'node:http';
import { chatActivity, inboundText, matches, post, shownByChat } from './endpoints';
import type { FakeTwilio, Text } from './fakeTwilio';
import type { Journey, Step } from './scripts';

export interface LoadOptions {
  url: string;
  connections: number;
  seconds: number;
  /** For SMS journeys: the fake Twilio API the bot texts through. */
  twilio?: FakeTwilio;
  /** Do not check the replies (the baselines, which answer whatever is sent). */
  unchecked?: boolean;
  /** How long a texter waits for the expected reply before counting an error. */
  smsTimeoutMs?: number;
  /**
   * How long a texter waits after the last text before it replies (a turn's reply may come in
   * several texts): reading time, not counted in the latency, which ends at the last text.
   */
  smsQuietMs?: number;
  /** Each user stops after this many journeys (the trace walks one). */
  journeysPerUser?: number;
  /** Called after every turn with what was sent and what the replies showed. */
  trace?: (index: number, said: string, shown: string, verdict: string) => void;
}

export interface LoadResult {
  turns: number;
  seconds: number;
  latencies: Float64Array;
  journeysDone: number;
  journeysStarted: number;
  errors: number;
  /** Errors by the step they happened at ("#8 'Library': ..."), with a count. */
  errorsByStep: Map<string, number>;
  /** Detours taken (the bot's own other path), by name. */
  detours: Map<string, number>;
  /** By text: how long the webhook took to answer (its empty TwiML), per turn. */
  acks: Float64Array;
}

class Latencies {
  private values = new Float64Array(1 << 16);
  length = 0;
  push(value: number): void {
    if (this.length === this.values.length) {
      const bigger = new Float64Array(this.values.length * 2);
      bigger.set(this.values);
      this.values = bigger;
    }
    this.values[this.length++] = value;
  }
  sorted(): Float64Array {
    return this.values.slice(0, this.length).sort();
  }
}

export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

const excerpt = (shown: string) => JSON.stringify(shown.replace(/\s+/g, ' ').slice(0, 140));

/** One turn of a conversation: sends `text` and returns what the replies show (and when the last came), or throws. */
type Turn = (text: string, step: Step) => Promise<{ shown: string; at?: number }>;

let runSequence = 0;

function chatTurns(agent: Agent, base: string, conversationId: string): Turn {
  const url = new URL('/api/messages', base);
  return async (text) => {
    const activity = chatActivity('bench', conversationId, text);
    const answer = await post(agent, url, 'application/json', JSON.stringify(activity));
    if (answer.status !== 200) throw new Error(`HTTP ${answer.status} ${excerpt(answer.body)}`);
    return { shown: shownByChat(answer.body) };
  };
}

function smsTurns(
  agent: Agent,
  base: string,
  phone: string,
  twilio: FakeTwilio,
  timing: { timeoutMs: number; quietMs: number },
  acks: Latencies,
): Turn {
  const url = new URL('/api/sms', base);
  return async (text, step) => {
    const params = inboundText(phone, text);
    const from = twilio.sentTo(phone).length;
    const began = performance.now();
    const answer = await post(agent, url, 'application/x-www-form-urlencoded', new URLSearchParams(params).toString(), {
      'x-twilio-signature': twilio.sign(params),
    });
    acks.push(performance.now() - began);
    if (answer.status !== 200) throw new Error(`webhook HTTP ${answer.status} ${excerpt(answer.body)}`);
    const expected = [step.expect, ...(step.detours ?? []).map((detour) => detour.when)];
    const joined = (texts: Text[]) => texts.map((sent) => sent.body).join('\n');
    const { texts, matched, lastAt } = await twilio.waitFor(
      phone,
      from,
      (texts) => expected.some((expect) => matches(joined(texts), expect)),
      timing.timeoutMs,
      timing.quietMs,
    );
    if (!matched) throw new Error(`no expected text within ${timing.timeoutMs} ms; got ${texts.length}: ${excerpt(joined(texts))}`);
    return { shown: joined(texts), ...(lastAt === undefined ? {} : { at: lastAt }) };
  };
}

/** Runs the journey's users for the time given and returns what they measured. */
export async function runLoad(journey: Journey, options: LoadOptions): Promise<LoadResult> {
  // Idle sockets are dropped before the server's 5 s keep-alive ends, or a reuse races its close (ECONNRESET).
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections, timeout: 4_000 });
  const latencies = new Latencies();
  const acks = new Latencies();
  const errorsByStep = new Map<string, number>();
  const detours = new Map<string, number>();
  const labels = new Map(journey.steps.flatMap((step, index) => (step.label ? [[step.label, index] as const] : [])));
  let journeysDone = 0;
  let journeysStarted = 0;
  const run = ++runSequence;
  const began = performance.now();
  const deadline = began + options.seconds * 1000;

  const user = async (userIndex: number) => {
    let walk = 0;
    while (performance.now() < deadline && walk < (options.journeysPerUser ?? Infinity)) {
      walk += 1;
      journeysStarted += 1;
      const id = `bench-${process.pid}-${run}-${userIndex}-${walk}`;
      // Unique numbers, outside the Ofcom drama range the area files use for staff.
      const phone = `+4475${String(run % 10)}${String(userIndex).padStart(3, '0')}${String(walk).padStart(4, '0')}`;
      const turn =
        journey.channel === 'chat'
          ? chatTurns(agent, options.url, id)
          : smsTurns(
              agent,
              options.url,
              phone,
              options.twilio as FakeTwilio,
              { timeoutMs: options.smsTimeoutMs ?? 10_000, quietMs: options.smsQuietMs ?? 100 },
              acks,
            );
      const captured: Record<string, string> = {};
      let index = 0;
      let detoursHere = 0;
      let finished = true;
      while (index < journey.steps.length) {
        if (performance.now() >= deadline) {
          finished = false;
          break;
        }
        const step = journey.steps[index] as Step;
        const text = step.say.replace(/\{\{(\w+)\}\}/g, (_all, name: string) => captured[name] ?? '');
        const sent = performance.now();
        let shown: string;
        let at: number | undefined;
        try {
          ({ shown, at } = await turn(text, step));
        } catch (error) {
          options.trace?.(index, text, '', `ERROR ${(error as Error).message}`);
          record(errorsByStep, `#${index} ${JSON.stringify(step.say)}: ${(error as Error).message}`);
          finished = false;
          break;
        }
        latencies.push((at ?? performance.now()) - sent);
        options.trace?.(
          index,
          text,
          shown,
          options.unchecked
            ? 'unchecked'
            : matches(shown, step.expect)
              ? 'ok'
              : (step.detours ?? []).some((detour) => matches(shown, detour.when))
                ? 'detour'
                : `UNEXPECTED (wanted ${String(step.expect)})`,
        );
        if (options.unchecked) {
          index += 1;
          continue;
        }
        if (matches(shown, step.expect)) {
          for (const [name, pattern] of Object.entries(step.capture ?? {})) captured[name] = pattern.exec(shown)?.[1] ?? '';
          index += 1;
          continue;
        }
        const detour = (step.detours ?? []).find((candidate) => matches(shown, candidate.when));
        const target = detour ? labels.get(detour.goto) : undefined;
        if (detour && target !== undefined && detoursHere < 20) {
          record(detours, `#${index} ${JSON.stringify(step.say)} -> ${detour.goto}: ${String(detour.when)}`);
          detoursHere += 1;
          // The reply to this step already asks the target step's question: carry on from the step after it.
          index = target + 1;
          continue;
        }
        record(errorsByStep, `#${index} ${JSON.stringify(step.say)}: expected ${String(step.expect)}, got ${excerpt(shown)}`);
        finished = false;
        break;
      }
      if (journey.channel === 'sms') options.twilio?.forget(phone);
      if (finished) journeysDone += 1;
    }
  };

  await Promise.all(Array.from({ length: options.connections }, (_, index) => user(index)));
  const seconds = (performance.now() - began) / 1000;
  agent.destroy();
  const errors = [...errorsByStep.values()].reduce((sum, count) => sum + count, 0);
  return {
    turns: latencies.length,
    seconds,
    latencies: latencies.sorted(),
    journeysDone,
    journeysStarted,
    errors,
    errorsByStep,
    detours,
    acks: acks.sorted(),
  };
}

function record(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}
