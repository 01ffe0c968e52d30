// What any part of the conversation may need to tell a person who takes it over: who is
// writing and the risks said so far (as short flags, never names or free text).
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import {
  ADULT_AGE,
  DANGER_CATEGORIES,
  DISCLOSURES,
  PROFESSIONS,
  ROLES,
  STATED_FACTS,
  WORKER_WISHES,
  type Role,
} from '../../bot/content/vocabulary';
import type { StatedFacts } from '../../bot/understanding/understand';
import { stateRecord } from './record';
import { pastMomentResult } from './stepData';
import type { PastMoment, PastMomentBegin } from './pastMomentDialog';
import type { DialogServices } from '../../bot/turn/services';
import { noteEmergencyCalled } from '../../bot/turn/advice';
import { OPEN_HANDOFF_HOURS } from '../../bot/turn/ports';

export const RISK_FLAGS = [
  'danger-phrase',
  'danger-now',
  'parent-believes-at-risk',
  'home-not-safe',
  'selfHarm',
  'exploitation',
  'substances',
  'before',
  'repeat-missing',
  'adult',
  ...DANGER_CATEGORIES,
  ...DISCLOSURES,
] as const;
export type RiskFlag = (typeof RISK_FLAGS)[number];

/** Flags that say the child was harmed or exploited (by someone, somewhere): what happened is for the police to hear. */
const HARM_FLAGS: ReadonlySet<RiskFlag> = new Set([
  'takenHeld',
  'violenceAbuse',
  'sexualHarm',
  'exploitation',
  'madeToDoThings',
  'childExploited',
]);

/** Whether the conversation has said the child was harmed or exploited. */
export const harmSaid = (facts: Pick<ConversationFacts, 'flags'>): boolean => facts.flags.some((flag) => HARM_FLAGS.has(flag));

/** The longest text kept of something said in passing. */
const SAID_MAX = 1000;
/** Something said in passing, as typed, and when it was first said. */
const saidInPassing = z.object({ text: z.string().max(SAID_MAX), at: z.string().datetime() });

const conversationFactsSchema = z.object({
  role: z.enum(ROLES).optional(),
  /** When a young person said no to someone to talk to: a later yes takes them back to the offer. */
  offerDeclinedAt: z.string().datetime().optional(),
  /** A professional's line of work, once said: not asked again when they write again. */
  profession: z.enum(PROFESSIONS).optional(),
  flags: z.array(z.enum(RISK_FLAGS)).default([]),
  /** The child's age as said at any point, so that no journey asks it again. */
  ageYears: z.number().int().min(0).max(120).optional(),
  /** When the age was said (or last corrected): the police summary shows it. */
  ageSaidAt: z.string().datetime().optional(),
  /** Who the words have said is writing, before they confirm it: the danger words fit them. */
  writerHeard: z.enum(ROLES).optional(),
  /** Other facts said in passing ("no phone", "asylum seeker"). */
  stated: z.array(z.enum(STATED_FACTS)).default([]),
  /** Kinds of danger the words said (the phrase book's, not a trained reader's guess): a booking carries them. */
  dangerSaid: z.array(z.enum(DANGER_CATEGORIES)).default([]),
  /** When the child was last seen or went (as the journey read it), for whoever takes the conversation over. */
  goneSince: z.string().datetime().optional(),
  /** An adult's journey is on the steps for a child still gone (not those for one back). */
  childGone: z.boolean().optional(),
  /** Where a young person said they are, at a question about something else ("im back home now" at "are you safe?"): not asked again. */
  situationSaid: z.enum(['away', 'back']).optional(),
  /** When the child came back, as said with the return ("im back, got home last nite"): confirmed, not asked again. */
  returnedSaid: pastMomentResult.optional(),
  /** When a missing child was last seen, as said in passing ("she went out at 7"): confirmed, not asked again. */
  lastSeenSaid: pastMomentResult.optional(),
  /** When a message corrected that time ("sorry i got it wrong he left at half 7 not 7"): it replaces the time kept before. */
  lastSeenCorrectedAt: z.string().datetime().optional(),
  /** What the child looks like or wears, as said before the police details were asked ("he was wearing a black coat"): given to them, not asked again. */
  appearanceSaid: saidInPassing.optional(),
  /** Where the child was last seen, said before it was asked ("last seen at the park on london road"). */
  placeSaid: saidInPassing.optional(),
  /** Who the child was with, said before it was asked ("went off with some older lads"). */
  companySaid: saidInPassing.optional(),
  /** A worry an adult told that was answered as danger or a concern ("she has been seeing a boy who is 19, he picks her up in a blue golf"): for the police, as said. */
  worriesSaid: saidInPassing.optional(),
  /** A young person was just asked straight whether they are thinking of ending their life: their next yes or no answers that. */
  caringQuestionOpen: z.boolean().default(false),
  /**
   * The option the message that drew the straight question also answered ("yes im at my mates,
   * but..."): taken once that question is answered, so the question on screen is not asked again.
   */
  answerHeld: z.object({ questionId: z.string(), option: z.string() }).optional(),
  /** Who they would rather meet at the return interview ("can it be with a woman"): goes with the booking. */
  workerWish: z.enum(WORKER_WISHES).optional(),
  /** That straight question was asked in this conversation: it is not asked again. */
  askedStraight: z.boolean().default(false),
  /** A young child lost in a public place, said in the first words: 999 was given then, and is not given again at the danger question. */
  youngLostTold: z.boolean().default(false),
  /** When a young person was last told to call 999 now for danger now (followed, held): "are you safe?" just after it is not asked. */
  toldDangerNowAt: z.string().datetime().optional(),
  /** When they asked for a person and were told nobody from the team could come (out of hours): not offered again that night. */
  toldNobodyAt: z.string().datetime().optional(),
  /** When they last asked for a person: until it is old, each message checks whether one is with them. */
  handoffAskedAt: z.string().datetime().optional(),
  /** When the last message came: one after hours of quiet is someone coming back, not an answer typed at once. */
  lastHeardAt: z.string().datetime().optional(),
});
export type ConversationFacts = z.infer<typeof conversationFactsSchema>;

export const conversationFactsRecord = (services: Pick<DialogServices, 'conversationState'>) =>
  stateRecord(services.conversationState, 'conversationFacts', conversationFactsSchema, () => conversationFactsSchema.parse({}));

const TURN_QUIET_MINUTES = Symbol('helpline.quietMinutes');

/** Keeps when this message came, and, for this turn, how long the conversation was quiet before it. */
export async function keepHeardAt(context: TurnContext, services: Pick<DialogServices, 'conversationState' | 'clock'>): Promise<void> {
  const now = services.clock.now();
  const { lastHeardAt } = await conversationFactsRecord(services).get(context);
  if (lastHeardAt) context.turnState.set(TURN_QUIET_MINUTES, (now.getTime() - Date.parse(lastHeardAt)) / 60_000);
  await conversationFactsRecord(services).update(context, (facts) => ({ ...facts, lastHeardAt: now.toISOString() }));
}

/** How long the conversation was quiet before this message, in minutes; undefined for its first message. */
export const quietMinutes = (context: TurnContext): number | undefined => context.turnState.get<number | undefined>(TURN_QUIET_MINUTES);

export async function flagRisk(
  context: TurnContext,
  services: Pick<DialogServices, 'conversationState'>,
  ...flags: RiskFlag[]
): Promise<void> {
  await conversationFactsRecord(services).update(context, (facts) => ({ ...facts, flags: [...new Set([...facts.flags, ...flags])] }));
}

/** A young person said no to someone to talk to: a later yes is the offer again. */
export async function keepOfferDeclined(
  context: TurnContext,
  services: Pick<DialogServices, 'conversationState' | 'clock'>,
): Promise<void> {
  const declinedAt = services.clock.now().toISOString();
  await conversationFactsRecord(services).update(context, (facts) => ({ ...facts, offerDeclinedAt: declinedAt }));
}

/** Whether an adult's journey is on the steps for a child still gone, or for one back. */
export async function keepChildGone(
  context: TurnContext,
  services: Pick<DialogServices, 'conversationState'>,
  childGone: boolean,
): Promise<void> {
  await conversationFactsRecord(services).update(context, (facts) => ({ ...facts, childGone }));
}

/** When the child was last seen or went, as a journey read it. */
export async function keepGoneSince(context: TurnContext, services: Pick<DialogServices, 'conversationState'>, at: Date): Promise<void> {
  await conversationFactsRecord(services).update(context, (facts) => ({ ...facts, goneSince: at.toISOString() }));
}

/**
 * An age said after a child's: a correction ("sorry, I meant 6 not 5") replaces it; an adult's age
 * ("yes hes 24!!", of the man she is with) is someone else's and never does.
 */
export function childAgeAfter(known: number | undefined, said: number | undefined): number | undefined {
  if (said === undefined) return known;
  return known !== undefined && known < ADULT_AGE && said >= ADULT_AGE ? known : said;
}

/** Keeps what a message stated in passing, and who it says is writing; an age said again replaces the one before (a correction). */
export async function keepStatedFacts(
  context: TurnContext,
  services: Pick<DialogServices, 'conversationState' | 'clock'>,
  facts: StatedFacts,
  writer: Role | undefined,
): Promise<void> {
  const denied = facts.denied ?? [];
  if (facts.ageYears === undefined && facts.said.length === 0 && denied.length === 0 && writer === undefined) return;
  const emergencyCalled =
    (facts.said.includes('policeTold') && !facts.said.includes('reportedOn101')) || facts.said.includes('ambulanceCalled');
  if (emergencyCalled) await noteEmergencyCalled(context, services);
  await conversationFactsRecord(services).update(context, (current) => ({
    ...current,
    ...(writer ? { writerHeard: writer } : {}),
    ...(childAgeAfter(current.ageYears, facts.ageYears) === current.ageYears
      ? {}
      : { ageYears: facts.ageYears, ageSaidAt: services.clock.now().toISOString() }),
    stated: [...new Set([...current.stated, ...facts.said])].filter((fact) => !denied.includes(fact)),
  }));
}

/**
 * Keeps what a message said of the child for the police (how they look, where last seen, who
 * with), beside what was said before. Says whether it was news.
 */
export async function keepSaid(
  context: TurnContext,
  services: Pick<DialogServices, 'conversationState' | 'clock'>,
  fact: 'appearanceSaid' | 'placeSaid' | 'companySaid' | 'worriesSaid',
  said: string,
): Promise<boolean> {
  let news = false;
  await conversationFactsRecord(services).update(context, (facts) => {
    const before = facts[fact]?.text;
    if (before?.toLowerCase().includes(said.toLowerCase())) return facts;
    news = true;
    const text = (before ? `${before}${SAID_JOINER}${said}` : said).slice(0, SAID_MAX);
    return { ...facts, [fact]: { text, at: facts[fact]?.at ?? services.clock.now().toISOString() } };
  });
  return news;
}

/** Between the pieces of a detail said at different times. */
export const SAID_JOINER = '; ';

/**
 * Moments said in passing, to confirm rather than ask: when the child came back ("came in about
 * 2am", for "when did they get back?") and when a missing child was last seen ("went out at 7",
 * for "when did you last see them?").
 */
export type MomentSaid = 'returnedSaid' | 'lastSeenSaid';

export async function keepMomentSaid(
  context: TurnContext,
  services: Pick<DialogServices, 'conversationState'>,
  which: MomentSaid,
  moment: PastMoment,
): Promise<void> {
  await conversationFactsRecord(services).update(context, (facts) => ({ ...facts, [which]: moment }));
}

/** How a journey begins its question about that moment: with the moment said already, to confirm, if one was. */
export async function momentSaidBegin(
  context: TurnContext,
  services: Pick<DialogServices, 'conversationState'>,
  which: MomentSaid,
): Promise<PastMomentBegin> {
  const said = (await conversationFactsRecord(services).get(context))[which];
  return said ? { said, earlier: true } : {};
}

/** How long after "call 999 now" a young person is not asked whether they are safe: they said they are not. */
const DANGER_NOW_STILL_FRESH_MS = 30 * 60 * 1000;

/** How long "nobody from the team can chat right now" holds: the night it was said. */
const NOBODY_STILL_FRESH_MS = 12 * 60 * 60 * 1000;

/** Whether something said at `at` (ISO) was said less than `withinMs` before `now`. */
const saidWithin = (at: string | undefined, now: Date, withinMs: number): boolean =>
  at !== undefined && now.getTime() - Date.parse(at) < withinMs;

/** How long a handoff stands: messages after it are the bot's again. */
const HANDOFF_STILL_OPEN_MS = OPEN_HANDOFF_HOURS * 60 * 60 * 1000;

/** Whether they asked for a person recently enough that one may be with them now. */
export const personMayBeWithThem = (facts: Pick<ConversationFacts, 'handoffAskedAt'>, now: Date): boolean =>
  saidWithin(facts.handoffAskedAt, now, HANDOFF_STILL_OPEN_MS);

/** Whether they were told tonight that nobody from the team could come. */
export const nobodyJustTold = (facts: Pick<ConversationFacts, 'toldNobodyAt'>, now: Date): boolean =>
  saidWithin(facts.toldNobodyAt, now, NOBODY_STILL_FRESH_MS);

/** How long a return time said in passing stays this episode's, not an earlier one's. */
const RETURN_SAID_FRESH_MS = 24 * 60 * 60 * 1000;

/** When the child came back, said to the minute within the last day ("she just came back at 3am"); undefined otherwise. */
export const returnJustSaid = (facts: Pick<ConversationFacts, 'returnedSaid'>, now: Date): string | undefined =>
  facts.returnedSaid?.precision === 'minute' && saidWithin(facts.returnedSaid.at, now, RETURN_SAID_FRESH_MS)
    ? facts.returnedSaid.at
    : undefined;

/** Whether a young person was told, just now, to call 999 for danger now. */
export const dangerNowJustTold = (facts: Pick<ConversationFacts, 'toldDangerNowAt'>, now: Date): boolean =>
  saidWithin(facts.toldDangerNowAt, now, DANGER_NOW_STILL_FRESH_MS);
