// Return interviews and missing conversations: free slots inside the window after a child
// comes back (the area's bookable hours, a seat count per slot), bookings with a short
// reference, change and cancel by that reference from the same conversation only, and the
// staff list. A slot's seats are rows of a unique index, so the last one is taken once.
// How the team may reach the person is kept in the booking's `contact` column: personal
// data, cleared when the booking is cancelled, by "delete my data" and by the retention job.
import { DateTime } from 'luxon';
import { WEEKDAYS } from '../content/area';
import type { Clock } from '../platform/clock';
import type { Area } from '../content/areaSchema';
import {
  DANGER_CATEGORIES,
  dangerKinds,
  WORKER_WISHES,
  type BookingPlace,
  type DangerCategory,
  type WorkerWish,
} from '../content/vocabulary';
import type { Database, Queryable } from '../store/database';
import { z } from 'zod';
import type { Address } from '../turn/delivery';
import { providerNumberSchema } from '../platform/phoneNumbers';
import { nextReference } from '../store/references';

export const WITH_WHOM = ['independent', 'worker', 'teacher', 'youthWorker'] as const;
export type WithWhom = (typeof WITH_WHOM)[number];

/** Who asked for the meeting: the young person, or a parent for them. */
export const ASKED_BY = ['youngPerson', 'parent'] as const;
export type AskedBy = (typeof ASKED_BY)[number];

/** The child's age as the team needs it: in Kent it decides which Early Help team (004 5.6). */
export const AGE_BANDS = ['12orUnder', '13orOver'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
const OLDER_BAND_FROM_YEARS = 13;

export const ageBandOf = (ageYears: number | undefined): AgeBand | undefined =>
  ageYears === undefined ? undefined : ageYears >= OLDER_BAND_FROM_YEARS ? '13orOver' : '12orUnder';

/** How the team may reach them to confirm: by text, through their carer or social worker, or at school. */
export const REACH_WAYS = ['text', 'carer', 'school'] as const;
export type ReachWay = (typeof REACH_WAYS)[number];

export const reachSchema = z.discriminatedUnion('how', [
  z.object({ how: z.literal('text'), phone: providerNumberSchema }).strict(),
  /** `who`: the person or school to ask for, in their words, when they gave it. */
  z.object({ how: z.literal('carer'), who: z.string().min(1).max(300).optional() }).strict(),
  z.object({ how: z.literal('school'), who: z.string().min(1).max(300).optional() }).strict(),
]);
export type Reach = z.infer<typeof reachSchema>;

/** Bookings made before the way to reach them was asked hold a reminder's address. */
const storedReachSchema = z.union([
  reachSchema,
  z
    .object({ channel: z.literal('sms'), phone: providerNumberSchema })
    .strict()
    .transform(({ phone }): Reach => ({ how: 'text', phone })),
]);

/** Where the reminder before the meeting goes: only a number they gave for this booking. */
export function reminderAddressOf(booking: { reach: Reach | undefined }): Address | undefined {
  return booking.reach?.how === 'text' ? { channel: 'sms', phone: booking.reach.phone } : undefined;
}

export interface BookingDraft {
  conversationId: string;
  channel: string;
  returnedAt: Date;
  withWhom: WithWhom;
  place: BookingPlace;
  slotStart: Date;
  reach: Reach | undefined;
  askedBy: AskedBy;
  ageBand: AgeBand | undefined;
  /** Kinds of danger said in the chat before booking. */
  safety: DangerCategory[];
  /** Who they would rather meet, if they said. */
  workerWish: WorkerWish | undefined;
}

export interface Booking {
  reference: string;
  returnedAt: Date;
  withWhom: WithWhom;
  place: BookingPlace;
  slotStart: Date;
  status: 'booked' | 'cancelled';
  late: boolean;
  reach: Reach | undefined;
  askedBy: AskedBy | undefined;
  ageBand: AgeBand | undefined;
  /** Kinds of danger said in the chat (categories only, never words): the team meets them knowing it. */
  safety: DangerCategory[];
  /** Who they would rather meet ("can it be with a woman"): the team tries to arrange it. */
  workerWish: WorkerWish | undefined;
}

export type SlotProblem = 'past' | 'outsideWindow' | 'closed' | 'notOnSlot' | 'full';

export interface BookingDesk {
  /** The window's end; when it has passed, bookings are still taken (flagged late). */
  windowEnd(returnedAt: Date): Date;
  isLate(returnedAt: Date): boolean;
  /** Free slots, earliest first: inside the window, or from now on when it has passed. */
  freeSlots(returnedAt: Date, options?: { limit?: number; day?: Date }): Promise<Date[]>;
  /** Why a slot cannot be booked, or undefined when it can. */
  checkSlot(returnedAt: Date, slot: Date): Promise<SlotProblem | undefined>;
  /**
   * Takes a seat for the booking, held until `confirm`: made in a turn, it stands only once that
   * turn commits with the reply that gives its reference. A seat held longer than
   * `HELD_SEAT_MINUTES` is released.
   */
  book(draft: BookingDraft): Promise<Booking | undefined>;
  /** The booking stands (written `on` the turn's transaction, when given). */
  confirm(reference: string, on?: Queryable): Promise<void>;
  /** Releases the seats of bookings never confirmed (their turn failed); returns how many. */
  releaseHeldSeats(): Promise<number>;
  find(reference: string, conversationId: string): Promise<Booking | undefined>;
  /** The conversation's own booking still to come, the latest made: what "cancel it" means. */
  current(conversationId: string): Promise<Booking | undefined>;
  cancel(reference: string, conversationId: string): Promise<Booking | undefined>;
  /**
   * Adds kinds of danger said after booking to the conversation's booking still to come; the
   * booking when that added any (the team is then told), undefined otherwise.
   */
  noteSafety(conversationId: string, said: readonly DangerCategory[]): Promise<Booking | undefined>;
  /** Moves a booking to another slot; undefined when it was not found or the slot is full. */
  reschedule(reference: string, conversationId: string, slot: Date): Promise<Booking | undefined>;
  /** Moves a booking to another place, at the same time; undefined when it was not found. */
  movePlace(reference: string, conversationId: string, place: BookingPlace): Promise<Booking | undefined>;
  /** Bookings from the start of today on, for staff. */
  upcoming(): Promise<Booking[]>;
}

interface BookingRow {
  reference: string;
  returned_at: Date;
  with_whom: WithWhom;
  place: BookingPlace;
  slot_start: Date;
  status: 'booked' | 'cancelled';
  late: boolean;
  contact: unknown;
  asked_by: AskedBy | null;
  age_band: AgeBand | null;
  safety: unknown;
  worker_wish: string | null;
}

/** How long a seat is held for a booking whose turn has not committed: far longer than any turn. */
const HELD_SEAT_MINUTES = 10;

/**
 * Deletes bookings never confirmed (their turn failed, nobody was given the reference) that were
 * held longer than HELD_SEAT_MINUTES, and, given a conversation, any that conversation holds: a
 * seat it holds is from a turn of its own that failed, never another's. Returns how many.
 */
export async function releaseHeldSeats(db: Queryable, now: Date, conversationHash?: string): Promise<number> {
  const rows = await db.query(
    `delete from booking where not confirmed and (created_at < $1 or conversation_hash = $2) returning reference`,
    [new Date(now.getTime() - HELD_SEAT_MINUTES * 60_000), conversationHash ?? null],
  );
  return rows.length;
}

const COLUMNS = 'reference, returned_at, with_whom, place, slot_start, status, late, contact, asked_by, age_band, safety, worker_wish';
const workerWishSchema = z.enum(WORKER_WISHES).optional().catch(undefined);
const safetySchema = z.array(z.enum(DANGER_CATEGORIES)).catch([]);

const toBooking = (row: BookingRow): Booking => {
  const reach = storedReachSchema.safeParse(row.contact);
  return {
    reference: row.reference,
    returnedAt: new Date(row.returned_at),
    withWhom: row.with_whom,
    place: row.place,
    slotStart: new Date(row.slot_start),
    status: row.status,
    late: row.late,
    reach: reach.success ? reach.data : undefined,
    askedBy: row.asked_by ?? undefined,
    ageBand: row.age_band ?? undefined,
    safety: safetySchema.parse(row.safety),
    workerWish: workerWishSchema.parse(row.worker_wish ?? undefined),
  };
};

export function createBookingDesk(deps: {
  db: Database;
  clock: Clock;
  area: Area;
  timeZone: string;
  hashId: (id: string) => string;
}): BookingDesk {
  const settings = deps.area.returnInterviews;
  const windowMs = settings.windowHours * 60 * 60 * 1000;
  const earliest = () => new Date(deps.clock.now().getTime() + settings.leadMinutes * 60 * 1000);
  const windowEnd = (returnedAt: Date) => new Date(returnedAt.getTime() + windowMs);
  const isLate = (returnedAt: Date) => windowEnd(returnedAt).getTime() < earliest().getTime();
  /** The range slots are offered in: the window, or (late) as long a range from now on. */
  // The window, or, once it has passed or holds no time left that anyone can meet (it ends
  // tonight), a window's length from now: a child is never left with no time to choose.
  const range = (returnedAt: Date) => {
    const from = earliest();
    const end = windowEnd(returnedAt);
    const closedOut = isLate(returnedAt) || slotsBetween(from, end).length === 0;
    return { from, to: closedOut ? new Date(from.getTime() + windowMs) : end };
  };

  /** Every bookable slot start between two instants. */
  const slotsBetween = (from: Date, to: Date): Date[] => {
    const slots: Date[] = [];
    let day = DateTime.fromJSDate(from, { zone: deps.timeZone }).startOf('day');
    const last = DateTime.fromJSDate(to, { zone: deps.timeZone });
    while (day <= last) {
      const weekday = WEEKDAYS[day.weekday - 1];
      if (weekday && settings.bookable.days.includes(weekday)) {
        const [openHour = 0, openMinute = 0] = settings.bookable.open.split(':').map(Number);
        const [closeHour = 0, closeMinute = 0] = settings.bookable.close.split(':').map(Number);
        const close = day.set({ hour: closeHour, minute: closeMinute });
        for (
          let slot = day.set({ hour: openHour, minute: openMinute });
          slot.plus({ minutes: settings.slotMinutes }) <= close;
          slot = slot.plus({ minutes: settings.slotMinutes })
        ) {
          if (slot.toMillis() >= from.getTime() && slot.toMillis() <= to.getTime()) slots.push(slot.toJSDate());
        }
      }
      day = day.plus({ days: 1 });
    }
    return slots;
  };

  const seatsTaken = async (from: Date, to: Date): Promise<Map<number, number>> => {
    const rows = await deps.db.query<{ slot_start: Date; taken: string }>(
      `select slot_start, count(*)::text as taken from booking where status = 'booked' and slot_start between $1 and $2 group by slot_start`,
      [from, to],
    );
    return new Map(rows.map((row) => [new Date(row.slot_start).getTime(), Number(row.taken)]));
  };

  /** Takes the first free seat of the slot; undefined when every seat is taken. */
  const takeSeat = async (insert: (seat: number) => Promise<BookingRow | undefined>): Promise<Booking | undefined> => {
    for (let seat = 1; seat <= settings.seatsPerSlot; seat += 1) {
      const row = await insert(seat);
      if (row) return toBooking(row);
    }
    return undefined;
  };

  const desk: BookingDesk = {
    windowEnd,
    isLate,
    async freeSlots(returnedAt, { limit = 3, day } = {}) {
      let { from, to } = range(returnedAt);
      if (day) {
        const dayStart = DateTime.fromJSDate(day, { zone: deps.timeZone }).startOf('day');
        from = new Date(Math.max(from.getTime(), dayStart.toMillis()));
        to = new Date(Math.min(to.getTime(), dayStart.endOf('day').toMillis()));
      }
      if (from > to) return [];
      const taken = await seatsTaken(from, to);
      return slotsBetween(from, to)
        .filter((slot) => (taken.get(slot.getTime()) ?? 0) < settings.seatsPerSlot)
        .slice(0, limit);
    },
    async checkSlot(returnedAt, slot) {
      const { from, to } = range(returnedAt);
      if (slot.getTime() < from.getTime()) return 'past';
      if (slot.getTime() > to.getTime()) return 'outsideWindow';
      const dayOfSlot = DateTime.fromJSDate(slot, { zone: deps.timeZone });
      const onDay = slotsBetween(dayOfSlot.startOf('day').toJSDate(), dayOfSlot.endOf('day').toJSDate());
      if (onDay.length === 0) return 'closed';
      if (!onDay.some((candidate) => candidate.getTime() === slot.getTime())) {
        const time = dayOfSlot.toFormat('HH:mm');
        return time < settings.bookable.open || time >= settings.bookable.close ? 'closed' : 'notOnSlot';
      }
      const taken = (await seatsTaken(slot, slot)).get(slot.getTime()) ?? 0;
      return taken >= settings.seatsPerSlot ? 'full' : undefined;
    },
    async book(draft) {
      await releaseHeldSeats(deps.db, deps.clock.now(), deps.hashId(draft.conversationId));
      const reference = await nextReference(deps.db, 'B');
      const now = deps.clock.now();
      return takeSeat(async (seat) => {
        const [row] = await deps.db.query<BookingRow>(
          `insert into booking (reference, conversation_hash, channel, returned_at, with_whom, place, slot_start, seat, status, late, contact, asked_by, age_band, safety, worker_wish, created_at, updated_at, confirmed)
           values ($1, $2, $3, $4, $5, $6, $7, $8, 'booked', $9, $10::jsonb, $12, $13, $14::jsonb, $15, $11, $11, false)
           on conflict (slot_start, seat) where status = 'booked' do nothing
           returning ${COLUMNS}`,
          [
            reference,
            deps.hashId(draft.conversationId),
            draft.channel,
            draft.returnedAt,
            draft.withWhom,
            draft.place,
            draft.slotStart,
            seat,
            // A meeting after the window is late, whenever it was asked for.
            isLate(draft.returnedAt) || draft.slotStart.getTime() > windowEnd(draft.returnedAt).getTime(),
            draft.reach ? JSON.stringify(draft.reach) : null,
            now,
            draft.askedBy,
            draft.ageBand ?? null,
            JSON.stringify(dangerKinds(draft.safety)),
            draft.workerWish ?? null,
          ],
        );
        return row;
      });
    },
    async confirm(reference, on = deps.db) {
      await on.query('update booking set confirmed = true where reference = $1', [reference]);
    },
    releaseHeldSeats: () => releaseHeldSeats(deps.db, deps.clock.now()),
    async find(reference, conversationId) {
      const [row] = await deps.db.query<BookingRow>(
        `select ${COLUMNS} from booking where reference = $1 and conversation_hash = $2 and confirmed`,
        [reference, deps.hashId(conversationId)],
      );
      return row && toBooking(row);
    },
    async current(conversationId) {
      const [row] = await deps.db.query<BookingRow>(
        `select ${COLUMNS} from booking where conversation_hash = $1 and status = 'booked' and confirmed and slot_start > $2
         order by created_at desc limit 1`,
        [deps.hashId(conversationId), deps.clock.now()],
      );
      return row && toBooking(row);
    },
    async noteSafety(conversationId, said) {
      const booking = await desk.current(conversationId);
      if (!booking || said.every((category) => booking.safety.includes(category))) return undefined;
      const safety = dangerKinds(booking.safety, said);
      const [row] = await deps.db.query<BookingRow>(
        `update booking set safety = $3::jsonb, updated_at = $4
         where reference = $1 and conversation_hash = $2 and status = 'booked' returning ${COLUMNS}`,
        [booking.reference, deps.hashId(conversationId), JSON.stringify(safety), deps.clock.now()],
      );
      return row && toBooking(row);
    },
    async cancel(reference, conversationId) {
      const [row] = await deps.db.query<BookingRow>(
        `update booking set status = 'cancelled', updated_at = $3, contact = null
         where reference = $1 and conversation_hash = $2 and status = 'booked' returning ${COLUMNS}`,
        [reference, deps.hashId(conversationId), deps.clock.now()],
      );
      return row && toBooking(row);
    },
    async reschedule(reference, conversationId, slot) {
      const current = await desk.find(reference, conversationId);
      if (!current || current.status !== 'booked') return undefined;
      return takeSeat(async (seat) => {
        try {
          const [row] = await deps.db.query<BookingRow>(
            `update booking set slot_start = $3, seat = $4, updated_at = $5
             where reference = $1 and conversation_hash = $2 and status = 'booked' returning ${COLUMNS}`,
            [reference, deps.hashId(conversationId), slot, seat, deps.clock.now()],
          );
          return row;
        } catch (error) {
          if ((error as { code?: string }).code === '23505') return undefined;
          throw error;
        }
      });
    },
    async movePlace(reference, conversationId, place) {
      const [row] = await deps.db.query<BookingRow>(
        `update booking set place = $3, updated_at = $4
         where reference = $1 and conversation_hash = $2 and status = 'booked' returning ${COLUMNS}`,
        [reference, deps.hashId(conversationId), place, deps.clock.now()],
      );
      return row && toBooking(row);
    },
    async upcoming() {
      const today = DateTime.fromJSDate(deps.clock.now(), { zone: deps.timeZone }).startOf('day').toJSDate();
      const rows = await deps.db.query<BookingRow>(
        `select ${COLUMNS} from booking where slot_start >= $1 and confirmed order by slot_start, reference`,
        [today],
      );
      return rows.map(toBooking);
    },
  };
  return desk;
}
