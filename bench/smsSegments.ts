// What a whole journey costs by text, per language: the real bot (dist/bot/server.js, PGlite in a
// temporary folder) and a fake Twilio on loopback; each journey walked once per approved language,
// its answers given as option numbers and digits so that the same script works in every language.
// Prints, per journey and language, the texts sent, the segments they cost (GSM-7 or UCS-2, as
// carriers bill them), the welcome's segments, and any reply that said it did not understand
// (then the script went off its path, and the figures count more than the journey costs).
//
//   npm run bench:sms
//   BENCH_TRACE=1 npm run bench:sms     (prints every text)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadContent } from '../bot/content/loadContent';
import { createLocaliser } from '../bot/content/i18n';
import { countSegments } from '../channels/sms/segments';
import { startFakeTwilio, TWILIO, type FakeTwilio } from './journeys/fakeTwilio';
import { startProcess, stopProcess } from './journeys/processes';

/** The first message: the language's name picks it, and the welcome comes in it. */
const OPENING: Record<string, string> = { 'en-GB': 'hello', pl: 'Polski', ro: 'Română', ar: 'العربية' };

interface SmsJourney {
  name: string;
  answers: string[];
}

const JOURNEYS: SmsJourney[] = [
  {
    name: 'parent, missing to police summary',
    answers: [
      ...['1', '1', '2', '23/11 21:00', '1', '14', '2', '2'],
      ...Array.from({ length: 7 }, () => '1'),
      ...['1', '2', '2', '2', '1', '3'],
      ...['Sam Smith', '14/03/2012', 'Maidstone bus station', '-', '5ft, blue hoodie', '1', '-', '-', 'Ashford', '-', '-', 'Alex Smith'],
    ],
  },
  {
    name: 'young person, back, books a return interview',
    answers: ['2', '1', '2', '2', '23/11 20:00', '1', '3', '1', '1', '1'],
  },
];

interface Walked {
  texts: string[];
  welcomeSegments: number;
  segments: number;
  misunderstood: number;
}

let sid = 0;
async function walk(url: string, twilio: FakeTwilio, phone: string, messages: string[], notUnderstood: string[]): Promise<Walked> {
  const texts: string[] = [];
  let welcomeSegments = 0;
  for (const [index, body] of messages.entries()) {
    const params = {
      MessageSid: `SM${(++sid).toString(16).padStart(32, '0')}`,
      AccountSid: TWILIO.accountSid,
      From: phone,
      To: TWILIO.from,
      Body: body,
    };
    const from = twilio.sentTo(phone).length;
    const answer = await fetch(`${url}/api/sms`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilio.sign(params) },
      body: new URLSearchParams(params).toString(),
    });
    if (answer.status !== 200) throw new Error(`webhook HTTP ${answer.status}`);
    const { texts: sent } = await twilio.waitFor(phone, from, (got) => got.length > 0, 10_000, 300);
    const bodies = sent.map((text) => text.body);
    if (process.env.BENCH_TRACE) console.log(`> ${body}\n${bodies.map((text) => `  < ${text.replace(/\n/g, ' | ')}`).join('\n')}`);
    if (index === 0) welcomeSegments = bodies.reduce((sum, text) => sum + countSegments(text).segments, 0);
    texts.push(...bodies);
  }
  return {
    texts,
    welcomeSegments,
    segments: texts.reduce((sum, text) => sum + countSegments(text).segments, 0),
    misunderstood: texts.filter((text) => notUnderstood.some((words) => text.includes(words))).length,
  };
}

async function main(): Promise<void> {
  const content = loadContent({ area: 'kent' });
  const localiser = createLocaliser(content);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sms-bench-'));
  const twilio = await startFakeTwilio();
  const bot = await startProcess('bot/server.js', {
    DATA_DIR: dataDir,
    TWILIO_ACCOUNT_SID: TWILIO.accountSid,
    TWILIO_AUTH_TOKEN: TWILIO.authToken,
    TWILIO_FROM_NUMBER: TWILIO.from,
    TWILIO_API_BASE_URL: twilio.url,
    PUBLIC_BASE_URL: TWILIO.publicBaseUrl,
  });
  try {
    console.log('SMS segments per journey and language (GSM-7: 160 a text, 153 a part; UCS-2: 70, 67):');
    // Not the on-call staff numbers an area pack may hold (+4477009001xx).
    let phone = 7700900700;
    for (const journey of JOURNEYS) {
      console.log(`  ${journey.name}`);
      for (const [locale, opening] of Object.entries(OPENING)) {
        const messages = localiser.messages(locale);
        const notUnderstood = ['common.choiceRetry', 'common.miss.wayOn'].map((key) => messages.t(key).slice(0, 24));
        const walked = await walk(bot.url, twilio, `+44${(phone += 1)}`, [opening, ...journey.answers], notUnderstood);
        const ucs2 = walked.texts.filter((text) => countSegments(text).encoding === 'UCS-2').length;
        console.log(
          `    ${locale.padEnd(6)} ${String(walked.texts.length).padStart(3)} texts, ${String(walked.segments).padStart(3)} segments (welcome ${walked.welcomeSegments}; ${ucs2} texts in UCS-2)${walked.misunderstood > 0 ? `; ${walked.misunderstood} not understood: off the script` : ''}`,
        );
      }
    }
  } finally {
    await stopProcess(bot);
    await twilio.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
