-- Numbers that texted STOP (or that Twilio reports as unsubscribed): nothing more is sent to
-- them until they text START. Kept as a keyed hash, never the number.
create table if not exists sms_opt_out (
  phone_hash text primary key,
  at timestamptz not null
);

-- Inbound texts, recorded before the webhook is answered: the MessageSid makes Twilio's retries
-- harmless, and a text whose turn never ran (a crash) is picked up again. The number and body
-- are cleared once the turn has run.
create table if not exists sms_inbound (
  message_sid text primary key,
  received_at timestamptz not null,
  claimed_at timestamptz,
  processed_at timestamptz,
  from_number text,
  body text
);

create index if not exists sms_inbound_pending on sms_inbound (received_at) where processed_at is null;

-- A request to talk to a person, and the way back to the user for the on-call person's replies.
-- `address` is where the user is reached: the conversation's reference (widget, Bot Framework)
-- or, on SMS, the phone number; it is cleared when the handoff ends or the retention period passes.
create sequence if not exists reference_number start 32768;

create table if not exists handoff (
  reference text primary key,
  conversation_hash text not null,
  channel text not null,
  address jsonb,
  locale text not null,
  status text not null check (status in ('open', 'closed')),
  opened_at timestamptz not null,
  closed_at timestamptz
);

create index if not exists handoff_open on handoff (conversation_hash) where status = 'open';
