-- Bot Framework state (ConversationState, UserState): one JSON document per storage key.
-- `version` is the optimistic-concurrency counter that the storage exposes as the eTag.
create table if not exists bot_state (
  key text primary key,
  doc jsonb not null,
  version bigint not null default 1,
  updated_at timestamptz not null default now()
);

create index if not exists bot_state_updated_at on bot_state (updated_at);

-- One row per escalation (999 advised, 101 advised, a human alerted, ...). No personal data:
-- the conversation is a keyed hash, and only rule ids and channel names are kept.
create table if not exists audit_log (
  id bigserial primary key,
  at timestamptz not null,
  conversation_hash text not null,
  channel text not null,
  kind text not null,
  rule_id text not null,
  content_version text not null
);

create index if not exists audit_log_at on audit_log (at);

-- Secrets the instances sharing this database must agree on (the id-hashing key when none is set).
create table if not exists app_secret (
  name text primary key,
  value text not null
);
