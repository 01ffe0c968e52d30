// The staff side: GET /api/bookings, the return interview team's list (see bookingsEndpoint.ts).
import type { BookingDesk } from '../../bot/bookings/bookingDesk';
import type { Config } from '../../bot/config';
import type { ChannelHost } from '../channelHost';
import { createBookingsHandler } from './bookingsEndpoint';

export function mountStaff(
  host: Pick<ChannelHost, 'server'>,
  { config, bookings }: { config: Pick<Config, 'STAFF_API_TOKEN' | 'TZ'>; bookings: BookingDesk },
): void {
  host.server.get('/api/bookings', createBookingsHandler({ token: config.STAFF_API_TOKEN, bookings, timeZone: config.TZ }));
}
