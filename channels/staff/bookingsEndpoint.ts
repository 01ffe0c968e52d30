// GET /api/bookings: upcoming bookings for the return interview team, as JSON or CSV
// (?format=csv). A bearer token from STAFF_API_TOKEN is required; with no token set the
// endpoint is off. Only what staff need to confirm and turn up: no names, and how to reach
// the person only as they agreed for this booking (a number to text, whom to ask for); who
// asked for it (the young person or a parent) and the child's age band, which decides the team.
import { bearerTokenCheck } from '../../bot/http/bearerToken';
import { stringify } from 'csv-stringify/sync';
import type { Request, Response } from 'restify';
import type { BookingDesk, Reach } from '../../bot/bookings/bookingDesk';
import type { RateLimiter } from '../../bot/http/rateLimit';
import type { ClientAddressReader } from '../../bot/http/clientAddress';

/** The number to text, or whom to ask for; empty when none was given. */
const reachDetailOf = (reach: Reach | undefined): string => {
  if (!reach) return '';
  return reach.how === 'text' ? reach.phone : (reach.who ?? '');
};

/** Compared as digests: equal lengths whatever was sent, so the time taken tells nothing of the token's length. */

export function createBookingsHandler(deps: {
  token: string | undefined;
  bookings: BookingDesk;
  timeZone: string;
  /** Requests per client: staff fetch the list a few times a day, so guessing the token gets a few tries a window. */
  tries: RateLimiter;
  clientAddress: ClientAddressReader;
}) {
  const carriesToken = bearerTokenCheck(deps.token);
  return async (req: Request, res: Response): Promise<void> => {
    if (!carriesToken) {
      res.send(404, { code: 'NotFound', message: 'The staff bookings list is off: set STAFF_API_TOKEN to turn it on.' });
      return;
    }
    const verdict = await deps.tries.take(deps.clientAddress(req));
    if (!verdict.allowed) {
      res.header('Retry-After', String(verdict.retryAfterSeconds));
      res.send(429, { code: 'TooManyRequests', message: 'Too many requests for the staff list from this address; try again later.' });
      return;
    }
    if (!carriesToken(req)) {
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
      reminderByText: booking.reach?.how === 'text',
      reach: booking.reach?.how ?? 'none',
      reachDetail: reachDetailOf(booking.reach),
      askedBy: booking.askedBy ?? '',
      ageBand: booking.ageBand ?? '',
      // Kinds of danger said in the chat (category names), never what was said.
      safety: booking.safety.join(' '),
      workerWish: booking.workerWish ?? '',
    }));
    const format = new URL(req.url ?? '/', 'http://localhost').searchParams.get('format');
    if (format === 'csv') {
      res.sendRaw(
        200,
        stringify(rows, {
          header: true,
          // What people typed (whom to ask for) must not run as a formula when the list is opened.
          escape_formulas: true,
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
              reach: '',
              reachDetail: '',
              askedBy: '',
              ageBand: '',
              safety: '',
              workerWish: '',
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
