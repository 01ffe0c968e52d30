// The widget's conversations when the database is down. What cannot be written (the user's
// message, the fail-safe reply) is held in this process, so the POST still succeeds and polls
// and streams still show the reply with 999, 101 and 116 000; it is written to the database,
// with the numbers it was given, as soon as the database answers for that conversation again.
import type { Activity } from 'botbuilder';
import type { Clock } from '../../bot/platform/clock';
import type { Logger } from '../../bot/platform/logger';
import { stampActivity, type DirectLineStore, type StoredActivity } from './directLineStore';

/**
 * Held activities are numbered in a block above any number the database has given (a
 * conversation has far fewer activities), so a client whose watermark came from any instance
 * still sees them, and the database's numbering carries on after them once they are restored.
 */
const HELD_BLOCK = 2 ** 24;
const MAX_HELD_PER_CONVERSATION = 100;
const MAX_CONVERSATIONS = 1000;

export function withHeldActivities(store: DirectLineStore, deps: { clock: Clock; logger: Logger }): DirectLineStore {
  const held = new Map<string, StoredActivity[]>();
  /** The highest number this process has seen in each recent conversation. */
  const lastSeen = new Map<string, number>();

  const see = (conversationId: string, seq: number) => {
    lastSeen.delete(conversationId);
    lastSeen.set(conversationId, Math.max(seq, lastSeen.get(conversationId) ?? 0));
    // Oldest first in a Map: forget the least recent beyond the bound.
    for (const oldest of lastSeen.keys()) {
      if (lastSeen.size <= MAX_CONVERSATIONS) break;
      lastSeen.delete(oldest);
    }
  };

  const hold = (conversationId: string, activity: Partial<Activity>, error: unknown): StoredActivity => {
    const list = held.get(conversationId) ?? [];
    const last = list[list.length - 1];
    const seq = last ? last.seq + 1 : (Math.floor((lastSeen.get(conversationId) ?? 0) / HELD_BLOCK) + 1) * HELD_BLOCK;
    const stored = { seq, activity: stampActivity(conversationId, seq, activity, deps.clock.now()) };
    list.push(stored);
    if (list.length > MAX_HELD_PER_CONVERSATION) list.shift();
    held.delete(conversationId);
    held.set(conversationId, list);
    for (const oldest of held.keys()) {
      if (held.size <= MAX_CONVERSATIONS) break;
      held.delete(oldest);
    }
    deps.logger.warn({ err: error }, 'Direct Line activity held in memory: storage did not answer');
    return stored;
  };

  /** Writes what is held for the conversation; throws, keeping it held, while storage is down. */
  const restore = async (conversationId: string) => {
    const list = held.get(conversationId);
    if (!list) return;
    await store.restore(conversationId, list);
    if (held.get(conversationId) === list) held.delete(conversationId);
    const last = list[list.length - 1];
    if (last) see(conversationId, last.seq);
  };

  return {
    create: (conversationId) => store.create(conversationId),
    async exists(conversationId) {
      try {
        return await store.exists(conversationId);
      } catch {
        // Storage cannot say: the signed token that named this conversation vouches for it.
        return true;
      }
    },
    async forgotten(conversationId) {
      try {
        return await store.forgotten(conversationId);
      } catch {
        // Storage cannot say: a blip must not end every open chat, so the token is renewed.
        return false;
      }
    },
    async start(conversationId) {
      try {
        return await store.start(conversationId);
      } catch {
        // The welcome turn then runs, and its fail-safe reply gives the numbers.
        return true;
      }
    },
    async append(conversationId, activity) {
      try {
        await restore(conversationId);
        const stored = await store.append(conversationId, activity);
        see(conversationId, stored.seq);
        return stored;
      } catch (error) {
        return hold(conversationId, activity, error);
      }
    },
    // A keyed delivery is retried by its sender (the scheduler) rather than held.
    async appendOnce(conversationId, activities, deliveryKey) {
      await restore(conversationId);
      return store.appendOnce(conversationId, activities, deliveryKey);
    },
    // Inside a turn's commit: what is held is written first, so the replies number after it.
    async appendWithin(tx, conversationId, activities) {
      await restore(conversationId);
      const stored = await store.appendWithin(tx, conversationId, activities);
      const last = stored[stored.length - 1];
      if (last) see(conversationId, last.seq);
      return stored;
    },
    async after(conversationId, watermark, limit = 100) {
      let rows: StoredActivity[] = [];
      try {
        await restore(conversationId);
        rows = await store.after(conversationId, watermark, limit);
      } catch (error) {
        if (!held.has(conversationId)) throw error;
      }
      const last = rows[rows.length - 1];
      if (last) see(conversationId, last.seq);
      // A full page: the held ones, numbered above, come with a later page.
      if (rows.length >= limit) return rows;
      const waiting = (held.get(conversationId) ?? []).filter((stored) => stored.seq > watermark);
      return [...rows, ...waiting].slice(0, limit);
    },
    restore: (conversationId, list) => store.restore(conversationId, list),
  };
}
