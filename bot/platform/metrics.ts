// What an operator watches, in Prometheus's format (GET /metrics): turns and their time by
// channel, replies, fail-safes given, danger heard, SMS segments, turns in flight. Counts and
// kinds only: no text, no conversation id, no number. Each app has a registry of its own.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface Metrics {
  readonly registry: Registry;
  readonly turns: Counter<'channel'>;
  readonly turnSeconds: Histogram<'channel'>;
  readonly turnsInFlight: Gauge;
  readonly replies: Counter<'channel'>;
  readonly failSafes: Counter<'reason'>;
  readonly dangerHeard: Counter<'category' | 'heard_by'>;
  readonly smsSegments: Counter;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    turns: new Counter({ name: 'helpline_turns_total', help: 'Turns run, by channel.', labelNames: ['channel'], registers }),
    turnSeconds: new Histogram({
      name: 'helpline_turn_seconds',
      help: 'Time from a message coming in to its turn ending, waiting for the conversation included.',
      labelNames: ['channel'],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10],
      registers,
    }),
    turnsInFlight: new Gauge({ name: 'helpline_turns_in_flight', help: 'Turns running or waiting for their conversation.', registers }),
    replies: new Counter({
      name: 'helpline_replies_total',
      help: 'Messages the bot sent in turns, by channel.',
      labelNames: ['channel'],
      registers,
    }),
    failSafes: new Counter({
      name: 'helpline_failsafes_total',
      help: 'Fail-safe replies (999, 101, 116 000) given: the turn failed, or passed its deadline.',
      labelNames: ['reason'],
      registers,
    }),
    dangerHeard: new Counter({
      name: 'helpline_danger_heard_total',
      help: 'Messages in which danger was heard, by kind and by which reader (the phrase book: 999 message; the trained reader: the caring question).',
      labelNames: ['category', 'heard_by'],
      registers,
    }),
    smsSegments: new Counter({ name: 'helpline_sms_segments_total', help: 'SMS segments sent.', registers }),
  };
}
