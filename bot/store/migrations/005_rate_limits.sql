-- Requests counted per client and fixed window, so instances sharing the database share each
-- limit. `key` is the limit's name and a keyed hash of the client's address, never the address.
create table if not exists rate_limit_window (
  key text not null,
  window_start timestamptz not null,
  hits integer not null,
  primary key (key, window_start)
);

create index if not exists rate_limit_window_start on rate_limit_window (window_start);
