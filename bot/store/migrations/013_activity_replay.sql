-- The replies a Bot Framework activity got, kept for an hour under a keyed hash of the activity's
-- id: a channel that retries the same activity is given these again, not a second turn. Written
-- in the turn's own transaction; deleted with the conversation's other data on request.
create table if not exists activity_replay (
  key text primary key,
  conversation_hash text not null,
  at timestamptz not null,
  replies jsonb not null
);

create index if not exists activity_replay_at on activity_replay (at);
create index if not exists activity_replay_conversation on activity_replay (conversation_hash);
