import { type CacheEntry, type CacheStore, LONGEST_KEPT_MS } from '../lib/cache';
import { database } from './database';

const STORE = 'answers';

/** Provider answers (Wikimedia, news search) in IndexedDB by request URL. A failing database (private mode, quota) just means no cache. */
export const answerCache: CacheStore = {
  async get(url) {
    try {
      return (await (await database()).get(STORE, url)) as CacheEntry | undefined;
    } catch {
      return undefined;
    }
  },
  async set(url, entry) {
    try {
      await (await database()).put(STORE, entry, url);
    } catch {
      // Quota or a closed database: the answer is used now and fetched again next time.
    }
  },
};

/** Drops answers too old for any policy to use (lib/cache), so the cache does not grow without end. */
export async function pruneAnswers(maxAgeMs = LONGEST_KEPT_MS, now = Date.now()): Promise<number> {
  let removed = 0;
  try {
    const tx = (await database()).transaction(STORE, 'readwrite');
    for (let cursor = await tx.store.openCursor(); cursor; cursor = await cursor.continue()) {
      if (now - ((cursor.value as CacheEntry).storedAt ?? 0) > maxAgeMs) {
        await cursor.delete();
        removed++;
      }
    }
    await tx.done;
  } catch {
    // Nothing to prune, or no database: fine either way.
  }
  return removed;
}
