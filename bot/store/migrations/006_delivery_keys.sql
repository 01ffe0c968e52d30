-- One row per message delivered under a key (a reminder's "reminder:<id>"), written with the
-- delivery itself where the channel is this database (the widget), so whoever takes over a
-- claim left by a stopped instance sees that it was already sent.
create table if not exists delivery_key (
  key text primary key,
  at timestamptz not null
);

create index if not exists delivery_key_at on delivery_key (at);
