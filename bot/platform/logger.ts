// Structured logs (pino). Message text, names and numbers never reach a log line:
// callers log hashed ids, and these paths are censored as a second line of defence.
import pino, { type Logger } from 'pino';

export type { Logger };

export const redactedPaths = [
  'text',
  '*.text',
  'body',
  '*.body',
  'activity',
  '*.activity',
  'from',
  '*.from',
  'phone',
  '*.phone',
  'name',
  '*.name',
  'req.headers.authorization',
  'req.headers["x-twilio-signature"]',
  'headers.authorization',
  'headers["x-twilio-signature"]',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'helpline-bot' },
      redact: { paths: redactedPaths, censor: '[redacted]' },
      serializers: { err: pino.stdSerializers.err },
    },
    destination,
  );
}
