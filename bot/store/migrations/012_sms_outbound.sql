-- Texts a turn owes a phone, written in the same transaction as the turn's state: a crash after
-- the commit leaves them here, and they are sent by the next turn of the conversation or by the
-- recovery sweep of any instance. The number and body are cleared once the text is done with.
create table if not exists sms_outbound (
  id bigserial primary key,
  conversation_id text not null,
  to_number text,
  body text,
  even_if_opted_out boolean not null default false,
  created_at timestamptz not null,
  claimed_at timestamptz,
  done_at timestamptz,
  result text check (result in ('sent', 'opted-out', 'failed', 'expired'))
);

create index if not exists sms_outbound_owed on sms_outbound (conversation_id, id) where done_at is null;
