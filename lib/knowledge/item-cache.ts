import type { CacheEntry, CacheStore } from './cache';

export interface ItemCacheOptions {
  store: CacheStore;
  /** younger than this, an item is used as it is */
  freshMs: number;
  /** younger than this, a stale item is used while a fresh one is fetched behind it; older ones are fetched again */
  maxAgeMs: number;
  now?: () => number;
}

/**
 * Items (Wikidata entities by QID, Wikipedia pages by title, searches by name) cached one by one, so a batch of ten
 * ids where eight are known asks the API for two. Fresh items are served; stale ones served and refreshed behind; an
 * item the API did not return is cached as null, so it is not asked for again; when the API fails, any cached copy of
 * any age beats an error.
 */
export async function cachedItems<T>(
  keys: string[],
  options: ItemCacheOptions | undefined,
  fetchMissing: (keys: string[]) => Promise<Map<string, T>>,
): Promise<Map<string, T>> {
  if (!options) return fetchMissing(keys);
  const now = options.now ?? Date.now;
  const found = new Map<string, T>();
  const old = new Map<string, CacheEntry>();
  const missing: string[] = [];
  const stale: string[] = [];
  for (const key of new Set(keys)) {
    const entry = await options.store.get(key);
    const age = entry ? now() - entry.storedAt : Number.POSITIVE_INFINITY;
    if (entry && age < options.maxAgeMs) {
      if (entry.value !== null) found.set(key, entry.value as T);
      if (age >= options.freshMs) stale.push(key);
    } else {
      if (entry) old.set(key, entry);
      missing.push(key);
    }
  }
  const store = async (asked: string[], got: Map<string, T>) => {
    const storedAt = now();
    for (const key of asked) await options.store.set(key, { value: got.get(key) ?? null, storedAt });
  };
  if (stale.length)
    fetchMissing(stale)
      .then((got) => store(stale, got))
      .catch(() => {
        // The stale copies stand; the next look-up tries again.
      });
  if (missing.length) {
    try {
      const got = await fetchMissing(missing);
      await store(missing, got);
      for (const [key, value] of got) found.set(key, value);
    } catch (error) {
      if (!missing.every((key) => old.has(key))) throw error;
      for (const key of missing) {
        const value = old.get(key)?.value;
        if (value !== null && value !== undefined) found.set(key, value as T);
      }
    }
  }
  return found;
}
