// Serialises the turns of one conversation. Botbuilder's BotState saves with eTag "*" (last
// writer wins), so two messages of one conversation handled at once could silently lose a
// step. Turns of one conversation wait in line in this process, and the database's exclusive
// lock makes processes sharing a PostgreSQL server take turns too.
import type { Database, HeldLock } from '../store/database';

export interface TurnLock {
  run<T>(conversationKey: string, turn: (lock: HeldLock) => Promise<T>): Promise<T>;
  /** Resolves when no turn is running or waiting (graceful shutdown). */
  idle(): Promise<void>;
}

export function createTurnLock(db: Pick<Database, 'withExclusiveLock'>): TurnLock {
  const tails = new Map<string, Promise<unknown>>();
  let running = 0;
  let idleWaiters: Array<() => void> = [];

  const settle = () => {
    if (running === 0) {
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const wake of waiters) wake();
    }
  };

  return {
    async run<T>(conversationKey: string, turn: (lock: HeldLock) => Promise<T>): Promise<T> {
      running += 1;
      const previous = tails.get(conversationKey) ?? Promise.resolve();
      const current = previous.catch(() => undefined).then(() => db.withExclusiveLock(`helpline-bot:turn:${conversationKey}`, turn));
      tails.set(conversationKey, current);
      try {
        return await current;
      } finally {
        if (tails.get(conversationKey) === current) tails.delete(conversationKey);
        running -= 1;
        settle();
      }
    },
    idle() {
      if (running === 0) return Promise.resolve();
      return new Promise<void>((resolve) => idleWaiters.push(resolve));
    },
  };
}
