-- When the user of a widget conversation asked for their data to be deleted: its tokens are not renewed after.
alter table dl_conversation add column if not exists forgotten_at timestamptz;
