// Delivery keys: a message sent under a key is sent once, however many instances try. Where
// the message is written to this database (the widget's conversations) the key is recorded in
// the same transaction; elsewhere it is recorded the moment the provider has accepted it.
import type { Queryable } from './database';

/** Records the key; false when it was recorded before (the message has gone already). */
export async function recordDeliveryKey(db: Queryable, key: string, at: Date): Promise<boolean> {
  const rows = await db.query('insert into delivery_key (key, at) values ($1, $2) on conflict (key) do nothing returning key', [key, at]);
  return rows.length === 1;
}

export async function wasDelivered(db: Queryable, key: string): Promise<boolean> {
  return (await db.query('select 1 from delivery_key where key = $1', [key])).length > 0;
}
