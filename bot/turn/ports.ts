// The few things a journey asks of the world outside the conversation, declared here and
// implemented by the channels: send a text to a phone, and alert a person on call.
import type { StatedFact } from '../content/vocabulary';
import type { Role } from '../content/vocabulary';
import type { Address, AuditKey, DeliveryResult } from './delivery';

export interface TextSender {
  /** False when texts are logged rather than sent (no Twilio account configured). */
  readonly live: boolean;
  send(phone: string, text: string, audit: AuditKey): Promise<DeliveryResult>;
}

export interface HandoffRequest {
  conversationId: string;
  channel: string;
  /** How the person's replies reach the user. */
  address: Address;
  locale: string;
  role: Role | undefined;
  /** The dialog the user was in (for the handover), e.g. "parent.search". */
  step: string;
  riskFlags: string[];
  /** What was said of the child that a person needs first: the age, when they went, facts like "no phone". Never a name. */
  said: { ageYears?: number; goneSince?: Date; stated: readonly StatedFact[] };
  /** Given only when the user agreed to share it. */
  callbackPhone: string | undefined;
  /** Who asks, as the channel knows them (turnChannel's `clientOf`): alerts are limited per client. */
  client: string;
}

export interface PersonAlerter {
  /**
   * Opens a handoff and alerts the on-call numbers; returns the reference and how many were
   * alerted. A conversation that already has one open gets that one back (`already`), and no one
   * is alerted again. Over a conversation's or a client's limit of alerts, nothing is opened and
   * no one is alerted (`limited`).
   */
  open(request: HandoffRequest): Promise<HandoffOpened>;
  /** The person from the team who answered the conversation's open handoff and is with the user now, if any. */
  connected(conversationId: string): Promise<ConnectedPerson | undefined>;
  /** Passes the user's words to that person. */
  passOn(
    person: ConnectedPerson,
    conversationId: string,
    channel: string,
    role: Role | undefined,
    text: string,
  ): Promise<'sent' | 'failed'>;
  /** The user goes back to the bot: the person is told, and later words stay with the bot. */
  leave(person: ConnectedPerson, conversationId: string, channel: string): Promise<void>;
}

export type HandoffOpened =
  { reference: string; alerted: number; already?: boolean } | { reference?: undefined; alerted: 0; limited: true };

/** How long a handoff stands: asked for a person again later, the team is alerted afresh. */
export const OPEN_HANDOFF_HOURS = 12;

export interface ConnectedPerson {
  reference: string;
  /** As the area file names them to users ("Duty worker"). */
  name: string;
  /** Their on-call number, from the area file: where the user's words go. */
  phone: string;
}
