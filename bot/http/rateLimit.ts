// A limit on requests per client: so many in a fixed window, counted where the instances
// sharing a database all count (bot/store/rateLimitWindows.ts). Over the limit, the caller
// answers 429 with Retry-After. The client's address is hashed before it is stored.
import type { Clock } from '../platform/clock';
import type { IdHasher } from '../platform/ids';
import type { Logger } from '../platform/logger';
import type { RateWindows } from '../store/rateLimitWindows';

export type RateVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiter {
  /** Counts one request of the client; says whether it is within the limit, and if not, when to come back. */
  take(clientAddress: string): Promise<RateVerdict>;
}

export interface RateLimit {
  /** Names the limit in its keys, so two limits never count together. */
  name: string;
  limit: number;
  windowMs: number;
}

export function createRateLimiter(
  rate: RateLimit,
  deps: { windows: RateWindows; clock: Clock; hashId: IdHasher; logger: Pick<Logger, 'warn'> },
): RateLimiter {
  return {
    async take(clientAddress) {
      const now = deps.clock.now().getTime();
      const windowStart = now - (now % rate.windowMs);
      let hits: number;
      try {
        hits = await deps.windows.hit(`${rate.name}:${deps.hashId(clientAddress)}`, new Date(windowStart));
      } catch (err) {
        // A limit that cannot be counted lets the request through: refusing would turn away
        // people looking for help whenever storage falters.
        deps.logger.warn({ err, limit: rate.name }, 'rate limit not counted: storage did not answer');
        return { allowed: true };
      }
      if (hits <= rate.limit) return { allowed: true };
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((windowStart + rate.windowMs - now) / 1000)) };
    },
  };
}
