// POST /api/sms: Twilio's inbound webhook. The signature is checked first (against
// PUBLIC_BASE_URL and the path, with TWILIO_AUTH_TOKEN); a bad or missing one is refused with
// 403 and nothing stored. A good one is recorded, and its turn runs; its replies go out through
// the REST API. The webhook is answered when the turn is done with an empty TwiML <Response/>;
// or with the fail-safe text in the TwiML itself, which reaches the sender by Twilio's other
// path, when the replies could not be sent (the REST API down) or are not sent by `replyWaitMs`
// (TURN_DEADLINE_MS: a slow store or provider).
import type { Request, Response } from 'restify';
import twilio from 'twilio';
import { z } from 'zod';
import type { Logger } from '../../bot/platform/logger';
import type { SmsInbox } from './smsInbox';
import { providerNumberSchema } from '../../bot/platform/phoneNumbers';

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>';

export const inboundTextSchema = z
  .object({
    MessageSid: z.string().regex(/^[A-Z]{2}[0-9a-fA-F]{32}$/, { message: 'must be a Twilio message SID' }),
    From: providerNumberSchema,
    Body: z.string().max(1600).default(''),
  })
  .passthrough();

export interface SmsEndpointOptions {
  /** Absent when Twilio is not configured: the endpoint then answers 503. */
  twilio?: { authToken: string; publicBaseUrl: string };
  inbox: SmsInbox;
  /** Said in the webhook's own answer when the text cannot even be recorded (storage down). */
  failSafeText: string;
  /** The longest the webhook waits for the turn's replies to be sent before it gives the fail-safe itself. */
  replyWaitMs?: number;
  logger: Logger;
  isShuttingDown: () => boolean;
}

/** TURN_DEADLINE_MS's default; Twilio waits 15 s for a webhook's answer. */
const DEFAULT_REPLY_WAIT_MS = 3000;

export function createSmsHandler({
  twilio: settings,
  inbox,
  failSafeText,
  replyWaitMs = DEFAULT_REPLY_WAIT_MS,
  logger,
  isShuttingDown,
}: SmsEndpointOptions) {
  const failSafeTwiml = new twilio.twiml.MessagingResponse();
  failSafeTwiml.message(failSafeText);
  const failSafeXml = failSafeTwiml.toString();

  return async (req: Request, res: Response): Promise<void> => {
    if (!settings) {
      res.send(503, {
        code: 'SmsNotConfigured',
        message: 'SMS is not set up on this bot: set TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM_NUMBER and PUBLIC_BASE_URL.',
      });
      return;
    }
    if (isShuttingDown()) {
      res.send(503, { code: 'ShuttingDown', message: 'The bot is restarting; Twilio will retry.' });
      return;
    }
    const params = formParams(req.body);
    const signature = req.header('x-twilio-signature');
    const url = `${settings.publicBaseUrl}${req.getPath()}${req.getQuery() ? `?${req.getQuery()}` : ''}`;
    if (!params || !signature || !twilio.validateRequest(settings.authToken, signature, url, params)) {
      logger.warn({ requestId: req.id(), signed: Boolean(signature) }, 'SMS webhook refused: signature does not match');
      res.send(403, { code: 'Forbidden', message: 'The request signature does not match.' });
      return;
    }
    const parsed = inboundTextSchema.safeParse(params);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      res.send(400, { code: 'InvalidSms', message: `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'is not an inbound text'}` });
      return;
    }
    const text = { messageSid: parsed.data.MessageSid, phone: parsed.data.From, body: parsed.data.Body };
    let fresh: boolean;
    try {
      fresh = await inbox.record(text);
    } catch (err) {
      // Nothing can run without storage; the answer to the webhook itself still gives the numbers.
      logger.error({ err, requestId: req.id() }, 'inbound text could not be recorded');
      res.sendRaw(200, failSafeXml, { 'Content-Type': 'text/xml' });
      return;
    }
    if (!fresh) {
      res.sendRaw(200, EMPTY_TWIML, { 'Content-Type': 'text/xml' });
      return;
    }
    let waited: ReturnType<typeof setTimeout> | undefined;
    const delivery = await Promise.race([
      inbox.handle(text),
      new Promise<'still running'>((resolve) => {
        waited = setTimeout(() => resolve('still running'), replyWaitMs);
      }),
    ]);
    clearTimeout(waited);
    // Failed, or past the deadline with the replies not yet sent: the fail-safe goes in the
    // answer to the webhook now, and the replies follow by the REST API when the turn ends.
    res.sendRaw(200, delivery === 'failed' || delivery === 'still running' ? failSafeXml : EMPTY_TWIML, { 'Content-Type': 'text/xml' });
  };
}

/** Twilio posts form fields; each must be a single string for the signature to be checked. */
function formParams(body: unknown): Record<string, string> | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const entries = Object.entries(body as Record<string, unknown>);
  if (!entries.every(([, value]) => typeof value === 'string')) return undefined;
  return Object.fromEntries(entries) as Record<string, string>;
}
