// The staff side: GET /api/bookings, the return interview team's list (see bookingsEndpoint.ts).
import type { BookingDesk } from '../../bot/bookings/bookingDesk';
import type { Config } from '../../bot/config';
import type { ChannelHost } from '../channelHost';
import { createRateLimiter } from '../../bot/http/rateLimit';
import type { Clock } from '../../bot/platform/clock';
import type { IdHasher } from '../../bot/platform/ids';
import type { Database } from '../../bot/store/database';
import { createRateWindows } from '../../bot/store/rateLimitWindows';
import { createBookingsHandler } from './bookingsEndpoint';

/** Requests for the staff list per client address in a quarter of an hour, right token or wrong. */
const TRIES = { name: 'staff-list', limit: 30, windowMs: 15 * 60 * 1000 };

export function mountStaff(
  host: Pick<ChannelHost, 'server' | 'logger' | 'clientAddress'>,
  deps: { config: Pick<Config, 'STAFF_API_TOKEN' | 'TZ'>; bookings: BookingDesk; db: Database; clock: Clock; hashId: IdHasher },
): void {
  const { config, bookings, db, clock, hashId } = deps;
  const tries = createRateLimiter(TRIES, { windows: createRateWindows(db), clock, hashId, logger: host.logger });
  host.server.get(
    '/api/bookings',
    createBookingsHandler({ token: config.STAFF_API_TOKEN, bookings, timeZone: config.TZ, tries, clientAddress: host.clientAddress }),
  );
}
