-- Return interviews and missing conversations booked by young people (or for them). Only
-- what the booking needs: when they came back, who, where, when, and how to reach them
-- (an address, given with consent, cleared when the retention period ends).
create table if not exists booking (
  reference text primary key,
  conversation_hash text not null,
  channel text not null,
  returned_at timestamptz not null,
  with_whom text not null,
  place text not null,
  slot_start timestamptz not null,
  seat integer not null,
  status text not null check (status in ('booked', 'cancelled')),
  late boolean not null,
  contact jsonb,
  created_at timestamptz not null,
  updated_at timestamptz not null
);

-- One seat of a slot per booking: of two conversations taking the last seat at once, one wins.
create unique index if not exists booking_seat on booking (slot_start, seat) where status = 'booked';
create index if not exists booking_conversation on booking (conversation_hash);

-- Proactive messages due at a time: booking reminders, a carer's review points. Claimed with
-- SKIP LOCKED, so with several instances (or schedulers) each is sent once.
create table if not exists reminder (
  id bigserial primary key,
  conversation_hash text not null,
  subject text not null,
  channel text not null,
  address jsonb,
  locale text not null,
  message_key text not null,
  variables jsonb not null default '{}'::jsonb,
  rule_id text not null,
  due_at timestamptz not null,
  status text not null check (status in ('pending', 'sending', 'sent', 'skipped', 'failed', 'cancelled')),
  claimed_at timestamptz,
  done_at timestamptz
);

create index if not exists reminder_due on reminder (due_at) where status = 'pending';
create index if not exists reminder_subject on reminder (subject);
