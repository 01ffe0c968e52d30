// Request counts per key and fixed window, in the database: one statement counts a request
// and returns the window's total, so instances sharing the database count together.
import type { Queryable } from './database';

export interface RateWindows {
  /** Counts one request of `key` in the window beginning at `windowStart`; returns the window's count. */
  hit(key: string, windowStart: Date): Promise<number>;
}

export function createRateWindows(db: Queryable): RateWindows {
  return {
    async hit(key, windowStart) {
      const [row] = await db.query<{ hits: number }>(
        `insert into rate_limit_window (key, window_start, hits) values ($1, $2, 1)
         on conflict (key, window_start) do update set hits = rate_limit_window.hits + 1
         returning hits`,
        [key, windowStart],
      );
      return Number(row?.hits ?? 1);
    },
  };
}
