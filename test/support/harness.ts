// Builds the real app in process (memory PGlite: a schema of its own in the instance the jest
// worker shares, see sharedPglite.ts; a set clock, silent logs) and talks to it
// over HTTP with deliveryMode expectReplies, reading every reply of every turn.
import { buildApp, type App } from '../../bot/app';
import { ManualClock } from '../../bot/platform/clock';
import { loadConfig } from '../../bot/config';
import type { Database } from '../../bot/store/database';
import { createLogger } from '../../bot/platform/logger';
import { openSharedPgliteSchema } from './sharedPglite';

export interface Reply {
  type: string;
  text?: string;
  suggestedActions?: { actions: Array<{ title: string; value: string }> };
  [key: string]: unknown;
}

export interface Harness {
  app: App;
  url: string;
  clock: ManualClock;
  conversation(id?: string, options?: ConversationOptions): Conversation;
  close(): Promise<void>;
}

let counter = 0;

export async function startHarness(
  options: { now?: string; env?: Record<string, string>; database?: Database; startScheduler?: boolean; contentDirectory?: string } = {},
): Promise<Harness> {
  const clock = new ManualClock(options.now ?? '2026-11-24T23:00:00Z');
  // A busy test machine must not turn an ordinary turn into a slow one: the deadline's own tests set it.
  const config = loadConfig({ LOG_LEVEL: 'silent', ID_HASH_SECRET: 'test-secret-test-secret', TURN_DEADLINE_MS: '30000', ...options.env });
  const database = options.database ?? (await openSharedPgliteSchema());
  // Tests tick the scheduler themselves, with the clock where they want it.
  const app = await buildApp({
    config,
    clock,
    database,
    logger: createLogger('silent'),
    startScheduler: options.startScheduler ?? false,
    contentDirectory: options.contentDirectory,
  });
  const url = await app.listen(0, '127.0.0.1');
  return {
    app,
    url,
    clock,
    conversation: (id, conversationOptions) => new Conversation(url, id ?? `conv-${process.pid}-${++counter}`, conversationOptions),
    close: () => app.close(),
  };
}

export interface ConversationOptions {
  channelId?: string;
  locale?: string;
  /** Where the bot would send proactive messages (a test fakes it with nock). */
  serviceUrl?: string;
}

export class Conversation {
  constructor(
    readonly baseUrl: string,
    readonly id: string,
    private readonly options: ConversationOptions = {},
  ) {}

  private activity(extra: Record<string, unknown>) {
    return {
      channelId: this.options.channelId ?? 'test',
      serviceUrl: this.options.serviceUrl ?? 'http://127.0.0.1:9/unused',
      conversation: { id: this.id },
      from: { id: `user-${this.id}` },
      recipient: { id: 'bot' },
      deliveryMode: 'expectReplies',
      ...(this.options.locale ? { locale: this.options.locale } : {}),
      ...extra,
    };
  }

  async post(activity: Record<string, unknown>): Promise<Reply[]> {
    const response = await fetch(`${this.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(this.activity(activity)),
    });
    if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
    const body = (await response.json()) as { activities?: Reply[] };
    return body.activities ?? [];
  }

  join(): Promise<Reply[]> {
    return this.post({ type: 'conversationUpdate', membersAdded: [{ id: `user-${this.id}` }, { id: 'bot' }] });
  }

  say(text: string): Promise<Reply[]> {
    return this.post({ type: 'message', text });
  }
}

/** All reply texts of a turn, joined: assertions look across every reply, not just the first. */
export const allText = (replies: Reply[]): string => replies.map((reply) => reply.text ?? '').join('\n');

/** What a conversation's audit rows say, as `kind:ruleId`, oldest first. */
export const auditTrail = async (app: Pick<App, 'audit'>, conversationId: string): Promise<string[]> =>
  (await app.audit.forConversation(conversationId)).map((row) => `${row.kind}:${row.ruleId}`);

/** The police summary card's fields as label -> answer: each is a container of a label and its answer. */
export const cardFacts = (replies: Reply[]): Record<string, string> => {
  type Element = { type: string; items?: Array<{ text?: string }> };
  const card = replies.flatMap((reply) => (reply.attachments as Array<{ content: { body: Element[] } }>) ?? [])[0];
  const fields = card?.content.body.filter((element) => element.type === 'Container') ?? [];
  return Object.fromEntries(fields.map((field) => [field.items?.[0]?.text ?? '', field.items?.[1]?.text ?? '']));
};

export const optionTitles = (replies: Reply[]): string[] =>
  replies.flatMap((reply) => reply.suggestedActions?.actions.map((action) => action.title) ?? []);

/** Says each answer in turn (after joining, when asked) and returns every turn's replies. */
export async function walk(conversation: Conversation, answers: string[], options: { join?: boolean } = {}): Promise<Reply[][]> {
  const turns: Reply[][] = options.join ? [await conversation.join()] : [];
  for (const answer of answers) turns.push(await conversation.say(answer));
  return turns;
}

export const lastTurn = (turns: Reply[][]): Reply[] => turns[turns.length - 1] ?? [];
