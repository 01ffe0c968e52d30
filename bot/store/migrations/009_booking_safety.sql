-- The kinds of danger said in the chat of the person who booked (a threat, self-harm...), as
-- category names only, never their words: the team meets them knowing it. Empty before.
alter table booking add column if not exists safety jsonb not null default '[]'::jsonb;
