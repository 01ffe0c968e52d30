// The bot as a fault scenario runs it (bot/server.js of the bench's own build, on a storage,
// texting through the fake Twilio API), and what the bench reads from its tables once a scenario
// is over: fail-safes whose turn took its step all the same, bookings confirmed whose reference
// nobody was shown, and texts left for the sweep to run again.
import { createIdHasher } from '../../bot/platform/ids';
import type { Storage } from '../journeys/database';
import { twilioEnv, type FakeTwilio } from '../journeys/fakeTwilio';
import { startProcess, stopProcess, type Started } from '../journeys/processes';
import type { Person } from './person';
import type { FaultRow, Tried } from './tally';

// Every instance on one database must hash ids alike; the bench hashes them too, to find a
// person's rows.
const ID_HASH_SECRET = 'fault-bench-id-hash-secret';
const hashId = createIdHasher(ID_HASH_SECRET);

export async function startBot(storage: Storage, twilio: FakeTwilio): Promise<Started> {
  const bot = await startProcess('bot/server.js', { ...storage.env, ...twilioEnv(twilio), ID_HASH_SECRET });
  // What it says at start (council facts not yet confirmed) is the same every time: only what it logs while serving counts.
  bot.logs.clear();
  return bot;
}

/** Stops the bot (SIGTERM lets it finish its turns; SIGKILL is the fault) and remarks what it logged (warn and above). */
export async function stopBot(row: FaultRow, bot: Started, signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
  await stopProcess(bot, signal);
  for (const [line, count] of bot.logs) row.remark(`bot log: ${line}`, count);
}

/** The bot's id for the person's conversation (by text, one per number, named by its hash). */
const botConversationId = (person: Person): string => (person.phone ? `sms-${hashId(person.phone)}` : person.conversationId);

/**
 * Whether the turns of messages answered by the fail-safe alone committed all the same, their
 * step taken and its question never shown: by chat, the replies kept for a retry of that activity;
 * by text, a reply owed to the phone from the turn (written between the message and the person's
 * next one, which is sent only once the fault is over).
 */
async function checkFailSafesTookNoStep(storage: Storage, row: FaultRow): Promise<void> {
  const failSafes = row.tried.filter((tried) => tried.verdict === 'failSafe');
  const replayKey = (tried: Tried) => hashId(`replay/test/${tried.person.conversationId}/${tried.answer.deliveryId}`);
  const chats = failSafes.filter((tried) => tried.person.channel === 'chat');
  const kept = new Set(
    (await storage.query<{ key: string }>('select key from activity_replay where key = any($1)', [chats.map(replayKey)])).map(
      (replay) => replay.key,
    ),
  );
  for (const tried of chats)
    if (kept.has(replayKey(tried)))
      row.lose(tried, 'only the fail-safe was shown, yet its turn committed (its replies kept for a retry): a step the person never saw');

  const texts = failSafes.filter((tried) => tried.person.channel === 'sms');
  const owed = await storage.query<{ conversation_id: string; created_at: Date }>(
    'select conversation_id, created_at from sms_outbound where conversation_id = any($1)',
    [texts.map((tried) => botConversationId(tried.person))],
  );
  for (const tried of texts) {
    const until = tried.person.nextSentAfter(tried.answer.sentAt) ?? Infinity;
    const committed = owed.some(
      (text) =>
        text.conversation_id === botConversationId(tried.person) &&
        new Date(text.created_at).getTime() >= tried.answer.sentAt &&
        new Date(text.created_at).getTime() < until,
    );
    if (committed)
      row.lose(tried, 'only the fail-safe came in time, yet its turn committed a reply to the phone: a step the person never saw');
  }
}

/**
 * Reads the storage once no bot runs on it (PGlite serves one process) and counts as lost: a
 * fail-safe whose turn took its step all the same, a booking confirmed whose reference its person
 * was never shown (booked twice, or by a turn whose reply never came), and a text recorded but
 * never handled, which the inbox's sweep runs 5 minutes on, after its sender has moved on. Texts
 * owed and not sent, or given up on, are remarked.
 */
export async function checkStorage(storage: Storage, row: FaultRow, people: Person[]): Promise<void> {
  await checkFailSafesTookNoStep(storage, row);
  const byConversation = new Map(people.map((person) => [hashId(botConversationId(person)), person]));
  const bookings = await storage.query<{ reference: string; conversation_hash: string }>(
    'select reference, conversation_hash from booking where confirmed order by created_at',
  );
  for (const booking of bookings) {
    const person = byConversation.get(booking.conversation_hash);
    if (person && !person.references.has(booking.reference))
      row.loseFor(person, `booking ${booking.reference} confirmed in the booking table, and its reference never shown`);
  }

  const byPhone = new Map(people.flatMap((person) => (person.phone ? [[person.phone, person] as const] : [])));
  const unhandled = await storage.query<{ from_number: string }>(
    'select from_number from sms_inbound where processed_at is null and from_number is not null',
  );
  for (const text of unhandled) {
    const person = byPhone.get(text.from_number);
    if (person) row.loseFor(person, 'a text of theirs left unhandled in sms_inbound: the sweep runs it 5 minutes on, out of turn');
  }

  const [outbound] = await storage.query<{ owed: number; failed: number }>(
    `select count(*) filter (where done_at is null)::int as owed, count(*) filter (where result = 'failed')::int as failed
     from sms_outbound where conversation_id = any($1)`,
    [people.filter((person) => person.phone).map(botConversationId)],
  );
  if (outbound?.owed) row.remark('texts owed and not sent when the bot stopped', outbound.owed);
  if (outbound?.failed) row.remark('texts given up on after their retries (sms_outbound result failed)', outbound.failed);
}
