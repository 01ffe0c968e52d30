// The SMS path as Twilio drives it: inbound texts are signed and posted to /api/sms as form
// fields, and Twilio's REST API is faked with nock, recording every text the bot sends.
import nock from 'nock';
import twilio from 'twilio';
import { startHarness, type Harness } from './harness';
import type { Database } from '../../bot/store/database';

export const TWILIO = {
  accountSid: `AC${'1'.repeat(32)}`,
  authToken: 'test-auth-token',
  from: '+447700900999',
  publicBaseUrl: 'https://helpline.example.org',
};
export const TWILIO_API = 'https://api.twilio.com';
export const MESSAGES_PATH = `/2010-04-01/Accounts/${TWILIO.accountSid}/Messages.json`;

export interface SentText {
  to: string;
  body: string;
}

export interface SmsHarness extends Harness {
  /** Every text the bot sent through the fake Twilio API, in order. */
  sent: SentText[];
  /** Posts a signed inbound text, waits for its turn, and returns the texts sent to that number meanwhile. */
  text(
    from: string,
    body: string,
    options?: { messageSid?: string; signature?: string },
  ): Promise<{ status: number; twiml: string; replies: string[] }>;
  /** Posts form fields to /api/sms signed as Twilio signs them (or with the signature given); does not wait for the turn. */
  postSigned(params: Record<string, string>, signature?: string): Promise<Response>;
  /** Replaces the fake API's answer (status, Twilio error body) for the next `times` sends. */
  failNext(times: number, status: number, body?: Record<string, unknown>): void;
}

let sidCounter = 0;
export const messageSid = () => `SM${(++sidCounter).toString(16).padStart(32, '0')}`;

export async function startSmsHarness(
  options: { now?: string; env?: Record<string, string>; database?: Database } = {},
): Promise<SmsHarness> {
  nock.disableNetConnect();
  nock.enableNetConnect((host) => host.startsWith('127.0.0.1') || host.startsWith('localhost'));
  const harness = await startHarness({
    ...options,
    env: {
      TWILIO_ACCOUNT_SID: TWILIO.accountSid,
      TWILIO_AUTH_TOKEN: TWILIO.authToken,
      TWILIO_FROM_NUMBER: TWILIO.from,
      PUBLIC_BASE_URL: TWILIO.publicBaseUrl,
      TWILIO_RETRY_BASE_MS: '1',
      ...options.env,
    },
  });
  const sent: SentText[] = [];
  const failures: Array<{ status: number; body: Record<string, unknown> }> = [];
  const apiBase = options.env?.TWILIO_API_BASE_URL ?? TWILIO_API;
  nock(apiBase)
    .persist()
    .post(MESSAGES_PATH)
    .reply((_uri, requestBody) => {
      const failure = failures.shift();
      if (failure) return [failure.status, failure.body];
      const form = new URLSearchParams(typeof requestBody === 'string' ? requestBody : '');
      const text = { to: form.get('To') ?? '', body: form.get('Body') ?? '' };
      sent.push(text);
      return [201, { sid: messageSid().replace(/^SM/, 'SM'), status: 'queued', to: text.to, body: text.body }];
    });

  const sign = (params: Record<string, string>) =>
    twilio.getExpectedTwilioSignature(TWILIO.authToken, `${TWILIO.publicBaseUrl}/api/sms`, params);
  const post = async (params: Record<string, string>, signature: string | undefined) =>
    fetch(`${harness.url}/api/sms`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...(signature === undefined ? {} : { 'x-twilio-signature': signature }),
      },
      body: new URLSearchParams(params).toString(),
    });

  return {
    ...harness,
    sent,
    async text(from, body, textOptions = {}) {
      const params = {
        MessageSid: textOptions.messageSid ?? messageSid(),
        From: from,
        To: TWILIO.from,
        Body: body,
        AccountSid: TWILIO.accountSid,
      };
      const signature = textOptions.signature ?? sign(params);
      const before = sent.length;
      const response = await post(params, signature);
      const twiml = await response.text();
      await harness.app.sms.inbox.idle();
      return {
        status: response.status,
        twiml,
        replies: sent
          .slice(before)
          .filter((text) => text.to === from)
          .map((text) => text.body),
      };
    },
    postSigned: (params, signature) => post(params, signature ?? sign(params)),
    failNext(times, status, body = { code: 20500, message: 'Internal Server Error', status }) {
      for (let i = 0; i < times; i += 1) failures.push({ status, body });
    },
    async close() {
      await harness.close();
      nock.cleanAll();
      nock.enableNetConnect();
    },
  };
}
