// The self-hosted Direct Line's conversations and activities in the database. Each activity
// takes the next number of its conversation under the conversation's row lock, so numbers
// commit in order and a watermark (the last number seen) never skips one.
import type { Activity } from 'botbuilder';
import type { Clock } from '../../bot/platform/clock';
import type { Database, Queryable } from '../../bot/store/database';
import { recordDeliveryKey } from '../../bot/store/deliveryKeys';

export interface StoredActivity {
  seq: number;
  activity: Partial<Activity>;
}

export interface DirectLineStore {
  create(conversationId: string): Promise<void>;
  exists(conversationId: string): Promise<boolean>;
  /** Whether the user asked for their data to be deleted (its tokens are not renewed). */
  forgotten(conversationId: string): Promise<boolean>;
  /** Marks the conversation started; true only the first time (the welcome is sent once). */
  start(conversationId: string): Promise<boolean>;
  /** Appends an activity, giving it its id (`<conversation>|<seq>`); returns the stored activity. */
  append(conversationId: string, activity: Partial<Activity>): Promise<StoredActivity>;
  /**
   * Appends the bot's messages and records `deliveryKey` in one transaction; appends nothing
   * and returns false when the key was recorded before.
   */
  appendOnce(conversationId: string, activities: Array<Partial<Activity>>, deliveryKey: string): Promise<boolean>;
  /** Appends activities inside the caller's transaction (a turn's replies, committed with its state). */
  appendWithin(tx: Queryable, conversationId: string, activities: Array<Partial<Activity>>): Promise<StoredActivity[]>;
  /** Activities after the watermark, oldest first. */
  after(conversationId: string, watermark: number, limit?: number): Promise<StoredActivity[]>;
  /**
   * Writes activities that were numbered while the database was down, with their numbers, and
   * moves the conversation's numbering past them. One already there is left as it is.
   */
  restore(conversationId: string, held: StoredActivity[]): Promise<void>;
}

/** An activity as the conversation keeps it: its id is its place in the conversation. */
export function stampActivity(conversationId: string, seq: number, activity: Partial<Activity>, now: Date): Partial<Activity> {
  return {
    ...activity,
    id: `${conversationId}|${String(seq).padStart(7, '0')}`,
    timestamp: now,
    conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
  };
}

const insertActivity = (tx: Queryable, conversationId: string, stored: StoredActivity, at: Date, onConflict = '') =>
  tx.query(`insert into dl_activity (conversation_id, seq, at, activity) values ($1, $2, $3, $4::jsonb) ${onConflict}`, [
    conversationId,
    stored.seq,
    at,
    JSON.stringify(stored.activity),
  ]);

export function createDirectLineStore(db: Database, clock: Clock): DirectLineStore {
  const appendIn = async (tx: Queryable, conversationId: string, activity: Partial<Activity>): Promise<StoredActivity> => {
    const [row] = await tx.query<{ next_seq: number }>(
      'update dl_conversation set next_seq = next_seq + 1 where id = $1 returning next_seq',
      [conversationId],
    );
    if (!row) throw new Error('Unknown Direct Line conversation');
    const seq = Number(row.next_seq);
    const now = clock.now();
    const stored = { seq, activity: stampActivity(conversationId, seq, activity, now) };
    await insertActivity(tx, conversationId, stored, now);
    return stored;
  };

  return {
    async create(conversationId) {
      await db.query('insert into dl_conversation (id, created_at) values ($1, $2) on conflict (id) do nothing', [
        conversationId,
        clock.now(),
      ]);
    },
    async exists(conversationId) {
      return (await db.query('select 1 from dl_conversation where id = $1', [conversationId])).length > 0;
    },
    async forgotten(conversationId) {
      return (await db.query('select 1 from dl_conversation where id = $1 and forgotten_at is not null', [conversationId])).length > 0;
    },
    async start(conversationId) {
      const rows = await db.query('update dl_conversation set started = true where id = $1 and not started returning id', [conversationId]);
      return rows.length > 0;
    },
    append: (conversationId, activity) => db.transaction((tx) => appendIn(tx, conversationId, activity)),
    appendOnce: (conversationId, activities, deliveryKey) =>
      db.transaction(async (tx) => {
        if (!(await recordDeliveryKey(tx, deliveryKey, clock.now()))) return false;
        for (const activity of activities) await appendIn(tx, conversationId, activity);
        return true;
      }),
    async appendWithin(tx, conversationId, activities) {
      const stored: StoredActivity[] = [];
      for (const activity of activities) stored.push(await appendIn(tx, conversationId, activity));
      return stored;
    },
    async after(conversationId, watermark, limit = 100) {
      const rows = await db.query<{ seq: number; activity: Partial<Activity> }>(
        'select seq, activity from dl_activity where conversation_id = $1 and seq > $2 order by seq limit $3',
        [conversationId, watermark, limit],
      );
      return rows.map((row) => ({ seq: Number(row.seq), activity: row.activity }));
    },
    async restore(conversationId, held) {
      const last = held[held.length - 1];
      if (!last) return;
      await db.transaction(async (tx) => {
        const [row] = await tx.query('update dl_conversation set next_seq = greatest(next_seq, $2) where id = $1 returning id', [
          conversationId,
          last.seq,
        ]);
        // Deleted meanwhile ("delete my data", retention): nothing to keep them in.
        if (!row) return;
        for (const stored of held) {
          const at = stored.activity.timestamp ? new Date(stored.activity.timestamp) : clock.now();
          await insertActivity(tx, conversationId, stored, at, 'on conflict (conversation_id, seq) do nothing');
        }
      });
    },
  };
}
