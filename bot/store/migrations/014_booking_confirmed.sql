-- A booking stands only once the turn that made it commits, with the reply that gives its
-- reference. Until then its seat is held (unconfirmed); a turn that failed leaves it so, and it
-- is released a few minutes on. Bookings made before this column are confirmed.
alter table booking add column if not exists confirmed boolean not null default true;
