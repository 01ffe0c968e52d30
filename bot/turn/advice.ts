// Giving advice = saying a rule's message and, for escalations, writing its audit row.
import type { TurnContext } from 'botbuilder';
import type { Facts, Rule } from '../content/ruleSchema';
import { messagesFor, type DialogServices } from './services';
import { isOfficeOpen } from '../content/area';
import { closedNowVariables } from '../content/i18n';
import { writeWithTurnOrNow } from './turnCommit';

/** Conversation state: 999 was advised in this conversation. */
const EMERGENCY_ADVISED = 'emergencyAdvised';

/**
 * Conversation state: since the last 999, "Earlier I said to call 999" was said once, or the
 * user said they have called. Said on every later 101, it reads as not being listened to.
 */
const EMERGENCY_RECALLED = 'emergencyRecalled';

/**
 * Decision points whose 999 is said with an "if" ("if you are in danger now, call 999"): advised
 * and audited, but a later 101 does not open with "Earlier I said to call 999".
 */
const CONDITIONAL_999_POINTS: readonly string[] = ['concern', 'yp-safe', 'yp-home-safe', 'yp-caring-answer'];

/** "Call 999 now", without an "if" (of the point, or of the rule itself). */
const saysCall999Now = (rule: Rule): boolean =>
  rule.audit === 'advised-999' && !CONDITIONAL_999_POINTS.includes(rule.point) && rule.conditional999 !== true;

/** Conversation state: the last 999 advice, or rule with words for saying it again, and when. */
const LAST_EMERGENCY = 'lastEmergency';
interface LastEmergency {
  ruleId: string;
  at: string;
  /** Said for someone else's danger (a friend's, the child's), not the writer's own. */
  someoneElse?: boolean;
}
/** Within this long, the same danger message again is its `sayAgain`, not the whole of it word for word. */
const SAME_EMERGENCY_AGAIN_MS = 15 * 60_000;

/** turnState key: the note that advice is general, said already this turn. */
const COUNCIL_NOTE_SAID = Symbol('helpline.councilNoteSaid');

/** turnState key: 999 was advised, without an "if", this turn. */
const EMERGENCY_SAID_THIS_TURN = Symbol('helpline.emergencySaidThisTurn');

export async function advise(
  context: TurnContext,
  services: DialogServices,
  rule: Rule,
  variables: Record<string, string | number> = {},
  facts: Facts = {},
): Promise<void> {
  const unconditional999 = saysCall999Now(rule);
  // One "call 999 now" a turn: "shes diabetic and didnt take her insulin" at "in danger now?" is
  // the medical 999 and a yes, not the medical 999 and then the parent's 999 too.
  if (unconditional999 && context.turnState.get(EMERGENCY_SAID_THIS_TURN)) return;
  // Nor "call 101" just after "call 999 now": a professional told a child is at a man's flat hears
  // the 999 alone; the 101 advice waits for a later turn, opened by "Earlier I said to call 999".
  if (rule.audit === 'advised-101' && context.turnState.get(EMERGENCY_SAID_THIS_TURN)) return;
  const messages = messagesFor(context, services);
  const note = context.turnState.get(COUNCIL_NOTE_SAID) ? undefined : messages.councilNote(rule.say);
  if (note) context.turnState.set(COUNCIL_NOTE_SAID, true);
  // An office-hours number given at night says it is closed and what to call instead, unless
  // the message gives the out-of-hours number itself ("... in the day, 03000 419191 at night").
  const plain = messages.t(rule.say, variables);
  const outOfHoursPhone = services.area.services.outOfHours?.phone;
  const open = isOfficeOpen(services.area, services.clock.now(), services.timeZone);
  const said =
    open || (outOfHoursPhone !== undefined && plain.includes(outOfHoursPhone))
      ? plain
      : messages.t(rule.say, { ...closedNowVariables(services.area, messages), ...variables });
  // 101 after 999 in the same conversation: the 999 stands, said first.
  const emergency = services.conversationState.createProperty<boolean>(EMERGENCY_ADVISED);
  const recalled = services.conversationState.createProperty<boolean>(EMERGENCY_RECALLED);
  const after999 =
    rule.audit === 'advised-101' && (await emergency.get(context)) && !(await recalled.get(context))
      ? services.rules.decide('after-emergency', { dangerPhrase: true, policeTold: facts.policeTold ?? false })
      : undefined;
  if (after999) await recalled.set(context, true);
  const lastEmergency = services.conversationState.createProperty<LastEmergency | undefined>(LAST_EMERGENCY);
  const now = services.clock.now();
  const last = rule.sayAgain || rule.audit === 'advised-999' ? await lastEmergency.get(context) : undefined;
  // "every1 wud b better off without me", "im just a burden", "ive got pills": the same words three
  // times running read as nobody listening.
  const sayAgain = last?.ruleId === rule.id && now.getTime() - Date.parse(last.at) < SAME_EMERGENCY_AGAIN_MS ? rule.sayAgain : undefined;
  const text = sayAgain ? messages.t(sayAgain) : after999 ? `${messages.t(after999.say)} ${said}` : said;
  await context.sendActivity(note && !sayAgain ? `${text} ${note}` : text);
  if (unconditional999) {
    await emergency.set(context, true);
    // "ive rung 999 now theyre sending someone": the 999 said with it is no call still to make.
    await recalled.set(context, facts.policeTold === true);
    context.turnState.set(EMERGENCY_SAID_THIS_TURN, true);
  }
  if (rule.sayAgain || rule.audit === 'advised-999') {
    // Whose danger: said with the danger, or else the one the last 999 was for ("First, the 999
    // call", "Yes: call 999 now, yourself" are about that same call).
    const someoneElse = facts.dangerOf === undefined ? last?.someoneElse === true : facts.dangerOf === 'someoneElse';
    await lastEmergency.set(context, { ruleId: rule.id, at: now.toISOString(), ...(someoneElse ? { someoneElse } : {}) });
  }
  if (rule.audit) {
    const entry = {
      conversationId: context.activity.conversation.id,
      channel: context.activity.channelId,
      kind: rule.audit,
      ruleId: rule.id,
    };
    // Recorded as given only when the reply that gives it is committed with the turn.
    await writeWithTurnOrNow(context, (on) => services.audit.record(entry, on));
  }
}

/** Whether this turn has said "call 999 now", without an "if". */
export function emergencySaidThisTurn(context: TurnContext): boolean {
  return context.turnState.get(EMERGENCY_SAID_THIS_TURN) === true;
}

/** The user has called 999 or the police: later 101 advice does not remind them of the 999. */
export async function noteEmergencyCalled(context: TurnContext, services: Pick<DialogServices, 'conversationState'>): Promise<void> {
  await services.conversationState.createProperty<boolean>(EMERGENCY_RECALLED).set(context, true);
}

/** How long after a 999 the danger counts as just told (the rule fact `dangerToldRecently`). */
const DANGER_TOLD_RECENTLY_MS = 30 * 60_000;

/** The last 999 advice (or rule with words for saying it again), when it was in the last half hour. */
async function recentEmergency(context: TurnContext, services: DialogServices): Promise<LastEmergency | undefined> {
  const last = await services.conversationState.createProperty<LastEmergency | undefined>(LAST_EMERGENCY).get(context);
  return last !== undefined && services.clock.now().getTime() - Date.parse(last.at) < DANGER_TOLD_RECENTLY_MS ? last : undefined;
}

/** Whether danger was answered with 999 in this conversation in the last half hour. */
export async function dangerToldRecently(context: TurnContext, services: DialogServices): Promise<boolean> {
  return (await recentEmergency(context, services)) !== undefined;
}

/** Whether 999 was advised in the last half hour for someone else's danger: "should i call 999 myself?" asks about that call. */
export async function othersDangerToldRecently(context: TurnContext, services: DialogServices): Promise<boolean> {
  return (await recentEmergency(context, services))?.someoneElse === true;
}

/** Whether "call 999 now", without an "if", was said in this conversation in the last half hour. */
export async function callToldRecently(context: TurnContext, services: DialogServices): Promise<boolean> {
  const last = await recentEmergency(context, services);
  const rule = last && services.rules.get(last.ruleId);
  return rule !== undefined && saysCall999Now(rule);
}

/** Whether 999 was advised, without an "if", earlier in this conversation. */
export async function emergencyAdvised(context: TurnContext, services: DialogServices): Promise<boolean> {
  return (await services.conversationState.createProperty<boolean>(EMERGENCY_ADVISED).get(context)) === true;
}

/** Decides at `point` and advises; returns the rule used, if any applied. */
export async function adviseFirst(context: TurnContext, services: DialogServices, point: string, facts: Facts): Promise<Rule | undefined> {
  const rule = services.rules.decide(point, facts);
  if (rule) await advise(context, services, rule, {}, facts);
  return rule;
}
