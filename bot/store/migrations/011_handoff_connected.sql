-- The on-call person who answered a handoff: while set, the user's messages go to them (by text),
-- until the user goes back to the bot or the handoff ends. A staff number from the area file,
-- never the user's.
alter table handoff add column if not exists connected_phone text;
