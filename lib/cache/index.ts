/**
 * The one cache policy for answers from outside (Wikidata and Wikipedia items, news searches, notes' pictures): how long
 * an answer is used as it is, how long it is still served while a fresh one is fetched behind it, and that when the
 * network fails an answer of any age beats an error. Where answers are kept is the caller's (IndexedDB in the
 * background, a Map in tests).
 */

export interface CacheEntry {
  value: unknown;
  storedAt: number;
}

/** Where cached answers live. */
export interface CacheStore {
  get(key: string): Promise<CacheEntry | undefined>;
  set(key: string, entry: CacheEntry): Promise<void>;
}

export interface CachePolicy {
  /** younger than this, an answer is used as it is */
  freshMs: number;
  /** younger than this, a stale answer is used while a fresh one is fetched behind it; older ones are fetched again */
  maxAgeMs: number;
}

const DAY = 86_400_000;

/** The policy of each kind of answer, in one place. */
export const ANSWER_POLICIES = {
  /** names' searches, Wikidata entities and Wikipedia intros: a note changes slowly */
  notes: { freshMs: 7 * DAY, maxAgeMs: 90 * DAY },
  /** a news search of a past window changes little */
  news: { freshMs: DAY, maxAgeMs: 30 * DAY },
  /** a note's picture: kept as long as notes are, never refreshed behind (it is fetched again once too old) */
  pictures: { freshMs: 90 * DAY, maxAgeMs: 90 * DAY },
} as const satisfies Record<string, CachePolicy>;

/** No answer is used past this age, so the store can drop older ones. */
export const LONGEST_KEPT_MS = Math.max(...Object.values(ANSWER_POLICIES).map((p) => p.maxAgeMs));

/** A cache: where answers are kept, under which policy. */
export interface Cache {
  store: CacheStore;
  policy: CachePolicy;
  now?: () => number;
}

export type Freshness = 'fresh' | 'stale' | 'expired';

/** What the policy makes of a kept answer at `now`. */
export function freshness(entry: CacheEntry, policy: CachePolicy, now: number): Freshness {
  const age = now - entry.storedAt;
  if (!(age < policy.maxAgeMs)) return 'expired';
  return age < policy.freshMs ? 'fresh' : 'stale';
}

/**
 * Answers kept one by one, so a batch of ten keys where eight are known asks for two. Fresh answers are served; stale
 * ones served and refreshed behind; a key the source did not answer is kept as null, so it is not asked for again; when
 * the source fails, a kept answer of any age beats the error (which shows when a key has none).
 */
export async function cachedItems<T>(
  keys: string[],
  cache: Cache | undefined,
  fetchMissing: (keys: string[]) => Promise<Map<string, T>>,
): Promise<Map<string, T>> {
  if (!cache) return fetchMissing(keys);
  const { store, policy } = cache;
  const now = cache.now ?? Date.now;
  const found = new Map<string, T>();
  const old = new Map<string, CacheEntry>();
  const missing: string[] = [];
  const stale: string[] = [];
  for (const key of new Set(keys)) {
    const entry = await store.get(key);
    const state = entry ? freshness(entry, policy, now()) : 'expired';
    if (entry && state !== 'expired') {
      if (entry.value !== null) found.set(key, entry.value as T);
      if (state === 'stale') stale.push(key);
    } else {
      if (entry) old.set(key, entry);
      missing.push(key);
    }
  }
  const keep = async (asked: string[], got: Map<string, T>) => {
    const storedAt = now();
    for (const key of asked) await store.set(key, { value: got.get(key) ?? null, storedAt });
  };
  if (stale.length)
    fetchMissing(stale)
      .then((got) => keep(stale, got))
      .catch(() => {
        // The stale copies stand; the next look-up tries again.
      });
  if (missing.length) {
    try {
      const got = await fetchMissing(missing);
      await keep(missing, got);
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

/** One answer per key (a request URL), under the same policy: `fetchOne` wrapped in the cache. */
export function cachedFetch<T>(fetchOne: (key: string) => Promise<T>, cache: Cache): (key: string) => Promise<T> {
  return async (key) => {
    const got = await cachedItems([key], cache, async () => new Map([[key, await fetchOne(key)]]));
    return got.get(key) as T;
  };
}
