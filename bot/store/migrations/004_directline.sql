-- The self-hosted Direct Line: each web chat conversation and its activities (the user's,
-- echoed back, and the bot's), numbered per conversation so a watermark is a position in it.
-- Kept in the database so any instance answers any poll or stream.
create table if not exists dl_conversation (
  id text primary key,
  created_at timestamptz not null,
  started boolean not null default false,
  next_seq integer not null default 0
);

create table if not exists dl_activity (
  conversation_id text not null references dl_conversation (id) on delete cascade,
  seq integer not null,
  at timestamptz not null,
  activity jsonb not null,
  primary key (conversation_id, seq)
);

create index if not exists dl_conversation_created on dl_conversation (created_at);
