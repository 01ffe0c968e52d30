// Deletes conversation and user state that has not changed for RETENTION_DAYS.
import type { Clock } from './clock';
import type { Queryable } from './db/database';
import type { Logger } from './logger';

const DAY_MS = 24 * 60 * 60 * 1000;

export async function purgeExpiredState(db: Queryable, clock: Clock, retentionDays: number): Promise<number> {
  const cutoff = new Date(clock.now().getTime() - retentionDays * DAY_MS);
  const deleted = await db.query('delete from bot_state where updated_at < $1 returning key', [cutoff]);
  return deleted.length;
}

export interface RetentionJob {
  stop(): void;
}

export function startRetentionJob(options: {
  db: Queryable;
  clock: Clock;
  retentionDays: number;
  logger: Logger;
  everyMs?: number;
}): RetentionJob {
  const run = () =>
    purgeExpiredState(options.db, options.clock, options.retentionDays)
      .then((count) => {
        if (count > 0) options.logger.info({ count }, 'expired conversation state deleted');
      })
      .catch((err: unknown) => options.logger.warn({ err }, 'retention purge failed; will retry'));
  void run();
  const timer = setInterval(() => void run(), options.everyMs ?? 60 * 60 * 1000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
