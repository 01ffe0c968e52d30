// Speaking to the bot as its channels do, for the benches that drive it: a Bot Framework
// activity posted to /api/messages with expectReplies, and Twilio's inbound-text webhook for
// /api/sms; and reading what a turn's replies show a person.
import { request, type Agent } from 'node:http';
import { TWILIO } from './fakeTwilio';
import { JOIN } from './scripts';

export interface HttpAnswer {
  status: number;
  body: string;
}

/** Posts `body`; with `timeoutMs`, a request not answered by then fails, as a channel gives up. */
export function post(
  agent: Agent,
  url: URL,
  contentType: string,
  body: string,
  headers: Record<string, string> = {},
  timeoutMs?: number,
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', agent, headers: { 'content-type': contentType, 'content-length': Buffer.byteLength(body), ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    if (timeoutMs !== undefined) req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * What a channel posts for a person saying `text` in a conversation (JOIN: the conversationUpdate
 * sent when they join), asking for the replies in the answer.
 */
export function chatActivity(channelId: string, conversationId: string, text: string, activityId?: string): Record<string, unknown> {
  return {
    ...(text === JOIN
      ? { type: 'conversationUpdate', membersAdded: [{ id: `user-${conversationId}` }, { id: 'bot' }] }
      : { type: 'message', text }),
    ...(activityId === undefined ? {} : { id: activityId }),
    channelId,
    serviceUrl: 'http://127.0.0.1:9/unused',
    deliveryMode: 'expectReplies',
    conversation: { id: conversationId },
    from: { id: `user-${conversationId}` },
    recipient: { id: 'bot' },
  };
}

interface Reply {
  text?: string;
  suggestedActions?: { actions?: Array<{ title?: string }> };
  attachments?: unknown[];
}

/** What each of a chat turn's replies shows: its text, option titles and cards. */
export function chatReplies(body: string): string[] {
  const parsed = JSON.parse(body) as { activities?: Reply[] };
  return (parsed.activities ?? []).map((reply) =>
    [
      reply.text ?? '',
      ...(reply.suggestedActions?.actions ?? []).map((action) => action.title ?? ''),
      ...(reply.attachments ?? []).map((attachment) => JSON.stringify(attachment)),
    ]
      .filter((part) => part !== '')
      .join('\n'),
  );
}

/** What a chat turn's replies show, together. */
export const shownByChat = (body: string): string =>
  chatReplies(body)
    .filter((reply) => reply !== '')
    .join('\n');

/** Whether what the replies show contains what a script expects, case-insensitively. */
export const matches = (shown: string, expected: string | RegExp): boolean =>
  typeof expected === 'string'
    ? shown.toLowerCase().includes(expected.toLowerCase())
    : new RegExp(expected.source, `${expected.flags.replace('i', '')}i`).test(shown);

let sidSequence = 0;

/** A MessageSid of Twilio's shape, unique to this process and run. */
export function nextMessageSid(): string {
  return `SM${(++sidSequence).toString(16).padStart(8, '0')}${process.pid.toString(16).padStart(8, '0')}${'0'.repeat(16)}`;
}

/** The form fields Twilio posts to the webhook for a text from `phone`. */
export function inboundText(phone: string, text: string, messageSid = nextMessageSid()): Record<string, string> {
  return { MessageSid: messageSid, AccountSid: TWILIO.accountSid, From: phone, To: TWILIO.from, Body: text };
}

/** The words of the <Message> elements of a TwiML answer (what Twilio texts back from it). */
export function twimlMessages(xml: string): string {
  const entities: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'", '&amp;': '&' };
  return [...xml.matchAll(/<Message[^>]*>([\s\S]*?)<\/Message>/g)]
    .map((match) => (match[1] ?? '').replace(/&(?:lt|gt|quot|apos|amp);/g, (entity) => entities[entity] ?? entity))
    .join('\n');
}
