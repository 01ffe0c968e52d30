// GET /api/bookings: upcoming bookings for the return interview team, as JSON or CSV
// (?format=csv). A bearer token from STAFF_API_TOKEN is required; with no token set the
// endpoint is off. Only what staff need to turn up: no phone numbers, no names.
import { timingSafeEqual } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import type { Request, Response } from 'restify';
import type { BookingDesk } from '../../bot/bookings/bookingDesk';

export function createBookingsHandler(deps: { token: string | undefined; bookings: BookingDesk; timeZone: string }) {
  const expected = deps.token ? Buffer.from(deps.token) : undefined;
  return async (req: Request, res: Response): Promise<void> => {
    if (!expected) {
      res.send(404, { code: 'NotFound', message: 'The staff bookings list is off: set STAFF_API_TOKEN to turn it on.' });
      return;
    }
    const given = Buffer.from(/^Bearer (.+)$/.exec(req.header('authorization') ?? '')?.[1] ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      res.header('WWW-Authenticate', 'Bearer');
      res.send(401, { code: 'Unauthorized', message: 'A valid staff token is required.' });
      return;
    }
    const rows = (await deps.bookings.upcoming()).map((booking) => ({
      reference: booking.reference,
      slotStart: booking.slotStart.toISOString(),
      place: booking.place,
      withWhom: booking.withWhom,
      status: booking.status,
      insideWindow: booking.slotStart.getTime() <= deps.bookings.windowEnd(booking.returnedAt).getTime(),
      late: booking.late,
      reminderByText: booking.contact?.channel === 'sms',
    }));
    const format = new URL(req.url ?? '/', 'http://localhost').searchParams.get('format');
    if (format === 'csv') {
      res.sendRaw(
        200,
        stringify(rows, {
          header: true,
          columns: Object.keys(
            rows[0] ?? {
              reference: '',
              slotStart: '',
              place: '',
              withWhom: '',
              status: '',
              insideWindow: '',
              late: '',
              reminderByText: '',
            },
          ),
        }),
        {
          'Content-Type': 'text/csv; charset=utf-8',
        },
      );
      return;
    }
    res.send(200, { timeZone: deps.timeZone, bookings: rows });
  };
}
