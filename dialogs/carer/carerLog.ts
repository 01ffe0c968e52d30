// The carer's log: each step confirmed, written with its time as it happens, and shown as plain
// text, one line per step, ready to copy into their own log book.
import type { TurnContext } from 'botbuilder';
import { DateTime } from 'luxon';
import type { Messages } from '../../bot/content/i18n';
import { messagesFor, type DialogServices } from '../../bot/turn/services';
import { carerCaseRecord, type CarerCase, type LogEntry } from './carerCase';

export class CarerLog {
  private readonly record;

  constructor(private readonly services: DialogServices) {
    this.record = carerCaseRecord(services);
  }

  /** `at`: when it happened, where the carer said ("came back at 3am"); now otherwise. */
  async write(context: TurnContext, event: LogEntry['event'], variables: Record<string, string> = {}, at?: string): Promise<void> {
    const entry: LogEntry = { at: at ?? this.services.clock.now().toISOString(), event, variables };
    await this.record.update(context, (current) => ({ ...current, log: [...current.log, entry].slice(-200) }));
  }

  async send(context: TurnContext): Promise<void> {
    await context.sendActivity(renderLog(await this.record.get(context), messagesFor(context, this.services), this.services.timeZone));
  }
}

/** The log as plain text, one line per step with its time, ready to copy. */
export function renderLog(carerCase: CarerCase, messages: Messages, timeZone: string): string {
  if (carerCase.log.length === 0) return messages.t('carer.log.empty');
  const lines = carerCase.log.map((entry) =>
    messages.t('carer.log.line', {
      time: DateTime.fromISO(entry.at, { zone: timeZone }).toFormat('dd/MM HH:mm'),
      event: messages.t(`carer.log.events.${entry.event}`, entry.variables),
    }),
  );
  return [messages.t('carer.log.title'), ...lines].join('\n');
}
