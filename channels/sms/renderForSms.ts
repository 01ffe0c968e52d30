// What an activity looks like as a text message: its text, then any suggested actions as
// numbered options ("Reply with a number: 1 Yes, 2 No"), since SMS has no buttons.
import type { Activity, Attachment } from 'botbuilder';
import type { Messages } from '../../bot/content/i18n';
import { optionsByWord } from '../../bot/turn/turnChannel';

export function renderForSms(activity: Partial<Activity>, messages: Messages): string {
  const parts: string[] = [];
  if (activity.text) parts.push(activity.text);
  else parts.push(...(activity.attachments ?? []).map(plainTextOf).filter((text) => text !== ''));
  const actions = activity.suggestedActions?.actions ?? [];
  if (actions.length > 0 && optionsByWord(activity)) {
    // The answer may itself be a number ("How many times?"): the options are words to type.
    parts.push(messages.t('sms.orReply', { options: actions.map((action) => action.title ?? '').join(' / ') }));
  } else if (actions.length > 0) {
    const options = actions.map((action, index) => messages.t('sms.option', { number: index + 1, title: action.title ?? '' }));
    parts.push(`${messages.t('sms.replyWithNumber')}\n${options.join('\n')}`);
  }
  return parts.join('\n');
}

/** An Adaptive Card's text blocks and facts, as lines. */
function plainTextOf(attachment: Attachment): string {
  const lines: string[] = [];
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    const element = node as {
      type?: string;
      text?: string;
      facts?: Array<{ title?: string; value?: string }>;
      body?: unknown[];
      items?: unknown[];
    };
    if (element.type === 'TextBlock' && element.text) lines.push(element.text);
    for (const fact of element.facts ?? []) lines.push(`${fact.title ?? ''}: ${fact.value ?? ''}`);
    for (const child of [...(element.body ?? []), ...(element.items ?? [])]) walk(child);
  };
  walk(attachment.content);
  return lines.join('\n');
}
