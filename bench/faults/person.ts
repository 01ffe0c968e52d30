// A simulated person in one conversation with the bot, walking a journey of bench/journeys/scripts.ts
// a message at a time, by chat (POST /api/messages, expectReplies, channel "test") or by text
// (POST /api/sms signed as Twilio signs, the replies read back from the fake Twilio API), and
// judging each answer by what the script expects of that step.
import { Agent } from 'node:http';
import { chatActivity, chatReplies, inboundText, matches, nextMessageSid, post, twimlMessages } from '../journeys/endpoints';
import type { FakeTwilio } from '../journeys/fakeTwilio';
import type { Journey, Step } from '../journeys/scripts';

/** Azure Bot Service and Twilio both give up on a bot's answer after 15 s. */
export const CHANNEL_TIMEOUT_MS = 15_000;
/** After the texts a step expects have come, a turn's last parts may still be on their way. */
const TEXTS_QUIET_MS = 300;

const SAFE_NUMBERS = ['999', '101', '116 000'];
export const isFailSafe = (part: string): boolean => SAFE_NUMBERS.every((number) => part.includes(number));
const REFERENCE = /number for it is (B[0-9A-Z]+)/g;

// One connection per request: a kept-alive socket to a bot that was killed fails its next request,
// which would count against the bot.
const agent = new Agent({ keepAlive: false });

export interface Answer {
  /** The activity id (chat) or MessageSid (SMS) it answers. */
  deliveryId: string;
  /** When it was sent (epoch ms, as the bot's clock reads). */
  sentAt: number;
  /** What the person was shown, a part per reply (chat) or per text and TwiML message (SMS). */
  parts: string[];
  /** Why no answer came over HTTP (refused, reset, timed out, not 200), when none did. */
  failure?: string;
  /** From sending to the answer (SMS: to the webhook's answer or the last text that came, whichever was later). */
  ms: number;
}

/**
 * next: the step the script expects (or one of its detours); failSafe: only the fail-safe (999,
 * 101, 116 000); nothing: no reply at all; offScript: a reply, but not to this step.
 */
export type Verdict = 'next' | 'failSafe' | 'nothing' | 'offScript';

export const shown = (answer: Answer): string => answer.parts.join('\n');

export const excerpt = (text: string, length = 160): string => JSON.stringify(text.replace(/\s+/g, ' ').slice(0, length));

export interface SendOptions {
  /** The activity id (chat) or MessageSid (SMS): given again for a channel's retry of the same message. */
  deliveryId: string;
  /** What would end the wait for texts early. */
  expects: Array<string | RegExp>;
  /** SMS: how long to wait for the expected texts after sending. */
  waitMs: number;
}

/** What a line gives back; the person adds what was sent. */
type Shown = Omit<Answer, 'deliveryId' | 'sentAt'>;

/** How a person reaches the bot. */
interface Line {
  readonly conversationId: string;
  newDeliveryId(): string;
  send(botUrl: string, text: string, options: SendOptions): Promise<Shown>;
}

class ChatLine implements Line {
  private deliveries = 0;
  constructor(readonly conversationId: string) {}

  newDeliveryId(): string {
    return `${this.conversationId}-${++this.deliveries}`;
  }

  async send(botUrl: string, text: string, { deliveryId }: SendOptions): Promise<Shown> {
    const began = performance.now();
    const activity = chatActivity('test', this.conversationId, text, deliveryId);
    try {
      const answer = await post(
        agent,
        new URL('/api/messages', botUrl),
        'application/json',
        JSON.stringify(activity),
        {},
        CHANNEL_TIMEOUT_MS,
      );
      const ms = performance.now() - began;
      if (answer.status !== 200) return { parts: [], failure: `HTTP ${answer.status} ${excerpt(answer.body, 80)}`, ms };
      return { parts: chatReplies(answer.body).filter((part) => part !== ''), ms };
    } catch (error) {
      return { parts: [], failure: (error as Error).message, ms: performance.now() - began };
    }
  }
}

class SmsLine implements Line {
  readonly conversationId: string;
  constructor(
    readonly phone: string,
    private readonly twilio: FakeTwilio,
  ) {
    this.conversationId = phone;
  }

  newDeliveryId(): string {
    return nextMessageSid();
  }

  async send(botUrl: string, text: string, { deliveryId, expects, waitMs }: SendOptions): Promise<Shown> {
    const began = performance.now();
    const params = inboundText(this.phone, text, deliveryId);
    const from = this.twilio.sentTo(this.phone).length;
    const parts: string[] = [];
    let failure: string | undefined;
    try {
      const body = new URLSearchParams(params).toString();
      const answer = await post(
        agent,
        new URL('/api/sms', botUrl),
        'application/x-www-form-urlencoded',
        body,
        { 'x-twilio-signature': this.twilio.sign(params) },
        CHANNEL_TIMEOUT_MS,
      );
      if (answer.status === 200) parts.push(twimlMessages(answer.body));
      else failure = `webhook HTTP ${answer.status} ${excerpt(answer.body, 80)}`;
    } catch (error) {
      failure = `webhook: ${(error as Error).message}`;
    }
    const webhookAnsweredAt = performance.now();
    const joined = (bodies: string[]) => [...parts, ...bodies].join('\n');
    const { texts, lastAt } = await this.twilio.waitFor(
      this.phone,
      from,
      (texts) => expects.some((expected) => matches(joined(texts.map((sent) => sent.body)), expected)),
      Math.max(0, waitMs - (performance.now() - began)),
      TEXTS_QUIET_MS,
    );
    parts.push(...texts.map((sent) => sent.body));
    const seen = parts.filter((part) => part !== '');
    // Texts that came are an answer, whatever the webhook did; the time is to the last thing shown, not to the end of the wait.
    const ms = Math.max(webhookAnsweredAt, lastAt ?? 0) - began;
    return { parts: seen, ...(seen.length === 0 && failure ? { failure } : {}), ms };
  }
}

export class Person {
  /** The step whose message is sent next. */
  step = 0;
  /** Booking references this person was shown. */
  readonly references = new Set<string>();
  /** Set when a message of theirs is lost: what follows cannot be judged, so they stop. */
  derailed = false;
  /** When each message was sent (epoch ms), in order. */
  readonly sentAt: number[] = [];
  private readonly captured: Record<string, string> = {};
  private readonly labels: Map<string, number>;

  private constructor(
    readonly name: string,
    readonly journey: Journey,
    private readonly line: Line,
    readonly phone?: string,
  ) {
    this.labels = new Map(journey.steps.flatMap((step, index) => (step.label ? [[step.label, index] as const] : [])));
  }

  static byChat(name: string, journey: Journey): Person {
    return new Person(name, journey, new ChatLine(name));
  }

  static byText(name: string, journey: Journey, phone: string, twilio: FakeTwilio): Person {
    return new Person(name, journey, new SmsLine(phone, twilio), phone);
  }

  get channel(): 'chat' | 'sms' {
    return this.phone ? 'sms' : 'chat';
  }

  /** The id the bot's conversation has (by text, before the bot hashes the number). */
  get conversationId(): string {
    return this.line.conversationId;
  }

  get done(): boolean {
    return this.step >= this.journey.steps.length;
  }

  get stepsLeft(): number {
    return this.journey.steps.length - this.step;
  }

  /** The index of the first step whose answer carries something to keep (the booking's reference). */
  get capturingStep(): number {
    return this.journey.steps.findIndex((step) => step.capture !== undefined);
  }

  private stepAt(index: number): Step {
    const step = this.journey.steps[index];
    if (!step) throw new Error(`${this.name}: no step ${index} in ${this.journey.name}`);
    return step;
  }

  textOf(index = this.step): string {
    return this.stepAt(index).say.replace(/\{\{(\w+)\}\}/g, (_all, name: string) => this.captured[name] ?? '');
  }

  expectsOf(index = this.step): Array<string | RegExp> {
    const step = this.stepAt(index);
    return [step.expect, ...(step.detours ?? []).map((detour) => detour.when)];
  }

  newDeliveryId(): string {
    return this.line.newDeliveryId();
  }

  /** When the person next wrote after `at` (epoch ms), if they did. */
  nextSentAfter(at: number): number | undefined {
    return this.sentAt.find((sent) => sent > at);
  }

  /** Sends the message of `index` (the current step unless told), as a new message or a retried delivery. */
  async say(botUrl: string, options: { deliveryId?: string; waitMs?: number; index?: number } = {}): Promise<Answer> {
    const index = options.index ?? this.step;
    const deliveryId = options.deliveryId ?? this.newDeliveryId();
    const sentAt = Date.now();
    this.sentAt.push(sentAt);
    const answer: Answer = {
      deliveryId,
      sentAt,
      ...(await this.line.send(botUrl, this.textOf(index), {
        deliveryId,
        expects: this.expectsOf(index),
        waitMs: options.waitMs ?? CHANNEL_TIMEOUT_MS,
      })),
    };
    for (const match of shown(answer).matchAll(REFERENCE)) if (match[1]) this.references.add(match[1]);
    return answer;
  }

  /** Whether `answer` answers the step `index` as the script expects (or by one of its detours). */
  answers(answer: Answer, index = this.step): boolean {
    return this.expectsOf(index).some((expected) => matches(shown(answer), expected));
  }

  /** What `answer` is to step `index` (the current step unless told), without moving on. */
  verdictOn(answer: Answer, index = this.step): Verdict {
    if (this.answers(answer, index)) return 'next';
    if (answer.parts.length === 0) return 'nothing';
    return answer.parts.every(isFailSafe) ? 'failSafe' : 'offScript';
  }

  /** Judges the answer to the current step; on `next`, moves on to the step the bot is at now. */
  judge(answer: Answer): Verdict {
    const verdict = this.verdictOn(answer);
    if (verdict !== 'next') return verdict;
    const step = this.stepAt(this.step);
    const text = shown(answer);
    if (matches(text, step.expect)) {
      for (const [name, pattern] of Object.entries(step.capture ?? {})) this.captured[name] = pattern.exec(text)?.[1] ?? '';
      this.step += 1;
      return 'next';
    }
    const detour = (step.detours ?? []).find((candidate) => matches(text, candidate.when));
    const target = detour ? this.labels.get(detour.goto) : undefined;
    if (target === undefined) throw new Error(`${this.journey.name}: a detour to a step with no such label`);
    // The reply already asks the detour's question: carry on from the step after it.
    this.step = target + 1;
    return 'next';
  }
}
