import { describe, expect, test, vi } from 'vitest';
import { ANSWER_POLICIES, type CacheEntry, cachedFetch, cachedItems, freshness, LONGEST_KEPT_MS } from '../../lib/cache';
import { RetryableError, rateLimited, WikimediaProvider } from '../../lib/knowledge';
import { startFakeWikimedia } from '../fixtures/wikimedia/server.mjs';

function memoryStore() {
  const map = new Map<string, CacheEntry>();
  return { map, get: async (k: string) => map.get(k), set: async (k: string, e: CacheEntry) => void map.set(k, e) };
}

describe('cachedFetch', () => {
  test('fresh answers come from the cache; stale ones are served and refreshed behind; old ones fetched again', async () => {
    let clock = 0;
    let n = 0;
    const fetchJson = vi.fn(async () => ++n);
    const store = memoryStore();
    const get = cachedFetch(fetchJson, { store, policy: { freshMs: 100, maxAgeMs: 1000 }, now: () => clock });
    expect(await get('u')).toBe(1);
    clock = 50;
    expect(await get('u')).toBe(1);
    expect(fetchJson).toHaveBeenCalledTimes(1);
    clock = 500; // stale: served at once, refreshed behind
    expect(await get('u')).toBe(1);
    await Promise.resolve();
    expect(fetchJson).toHaveBeenCalledTimes(2);
    expect(store.map.get('u')?.value).toBe(2);
    clock = 5000; // too old: fetched before answering
    expect(await get('u')).toBe(3);
  });

  test('when the network fails, an answer of any age beats an error; with none, the error shows', async () => {
    let clock = 0;
    let fail = false;
    const get = cachedFetch(
      async () => {
        if (fail) throw new Error('offline');
        return 'ok';
      },
      { store: memoryStore(), policy: { freshMs: 10, maxAgeMs: 20 }, now: () => clock },
    );
    expect(await get('a')).toBe('ok');
    fail = true;
    clock = 1000;
    expect(await get('a')).toBe('ok');
    await expect(get('b')).rejects.toThrow('offline');
  });
});

describe('the answers’ policies', () => {
  const DAY = 86_400_000;
  test.each([
    ['notes', 6 * DAY, 'fresh'],
    ['notes', 8 * DAY, 'stale'],
    ['notes', 91 * DAY, 'expired'],
    ['news', DAY / 2, 'fresh'],
    ['news', 2 * DAY, 'stale'],
    ['news', 31 * DAY, 'expired'],
    ['pictures', 89 * DAY, 'fresh'],
    ['pictures', 90 * DAY, 'expired'],
  ] as const)('%s kept for %d ms is %s', (kind, age, expected) => {
    expect(freshness({ value: 1, storedAt: 1000 }, ANSWER_POLICIES[kind], 1000 + age)).toBe(expected);
  });

  test('every policy keeps answers at most as long as the store does before pruning them', () => {
    for (const policy of Object.values(ANSWER_POLICIES)) {
      expect(policy.freshMs).toBeLessThanOrEqual(policy.maxAgeMs);
      expect(policy.maxAgeMs).toBeLessThanOrEqual(LONGEST_KEPT_MS);
    }
  });

  test('a key the source answered with nothing is kept as nothing, and not asked for again while fresh', async () => {
    const fetchMissing = vi.fn(async () => new Map<string, string>());
    const cache = { store: memoryStore(), policy: ANSWER_POLICIES.notes };
    expect(await cachedItems(['gone'], cache, fetchMissing)).toEqual(new Map());
    expect(await cachedItems(['gone'], cache, fetchMissing)).toEqual(new Map());
    expect(fetchMissing).toHaveBeenCalledTimes(1);
  });
});

describe('rateLimited', () => {
  test('spaces requests out and backs off, doubling, after 429s and 5xx', async () => {
    let clock = 0;
    const waits: number[] = [];
    const sleep = async (ms: number) => {
      waits.push(ms);
      clock += ms;
    };
    let failuresLeft = 2;
    const fetchJson = async () => {
      if (failuresLeft-- > 0) throw new RetryableError('HTTP 429', 429);
      return 'ok';
    };
    const get = rateLimited(fetchJson, { minIntervalMs: 100, backoffMs: 1000, maxBackoffMs: 8000, now: () => clock, sleep });
    await expect(get('1')).rejects.toThrow('429');
    await expect(get('2')).rejects.toThrow('429');
    expect(await get('3')).toBe('ok');
    expect(await get('4')).toBe('ok');
    expect(waits).toEqual([1000, 2000, 100]);
  });
});

describe('cachedItems and the provider cache by QID, title and name', () => {
  test('only the items not in the cache are fetched; stale ones are served and refreshed; missing ones cached as null', async () => {
    let clock = 0;
    const store = memoryStore();
    const options = { store, policy: { freshMs: 100, maxAgeMs: 1000 }, now: () => clock };
    const asked: string[][] = [];
    const fetchMissing = async (keys: string[]) => {
      asked.push(keys);
      return new Map(keys.filter((k) => k !== 'gone').map((k) => [k, `${k}@${clock}`]));
    };
    expect(await cachedItems(['a', 'b', 'gone'], options, fetchMissing)).toEqual(
      new Map([
        ['a', 'a@0'],
        ['b', 'b@0'],
      ]),
    );
    expect(await cachedItems(['a', 'c', 'gone'], options, fetchMissing)).toEqual(
      new Map([
        ['a', 'a@0'],
        ['c', 'c@0'],
      ]),
    );
    expect(asked).toEqual([['a', 'b', 'gone'], ['c']]);
    clock = 500; // stale: served at once, refreshed behind
    expect((await cachedItems(['b'], options, fetchMissing)).get('b')).toBe('b@0');
    await Promise.resolve();
    await Promise.resolve();
    expect(asked.at(-1)).toEqual(['b']);
    expect(store.map.get('b')?.value).toBe('b@500');
  });

  test('when the API fails, cached items of any age beat the error; with an item never seen, the error shows', async () => {
    let clock = 0;
    const options = { store: memoryStore(), policy: { freshMs: 100, maxAgeMs: 1000 }, now: () => clock };
    await cachedItems(['a'], options, async (keys) => new Map(keys.map((k) => [k, 'old'])));
    clock = 10_000;
    const failing = async (): Promise<Map<string, string>> => {
      throw new RetryableError('down', 503);
    };
    expect((await cachedItems(['a'], options, failing)).get('a')).toBe('old');
    await expect(cachedItems(['a', 'new'], options, failing)).rejects.toThrow('down');
  });

  test('linking a second name asks Wikidata only for entities it has not seen', async () => {
    const server = await startFakeWikimedia();
    try {
      const provider = new WikimediaProvider(
        async (url) => (await fetch(url)).json(),
        { wikidataBase: server.origin, wikipediaBase: server.origin },
        { store: memoryStore(), policy: ANSWER_POLICIES.notes },
      );
      const pakistan = { id: 'l1', name: 'Pakistan', type: 'LOC' as const };
      await provider.link([{ id: 'p1', name: 'Raheel Sharif', type: 'PER' }, pakistan], '2014-11-19');
      const before = server.requests.length;
      const idsAsked = () =>
        server.requests.slice(before).flatMap((r) => (r.params.action === 'wbgetentities' ? (r.params.ids ?? '').split('|') : []));
      const again = await provider.link([{ id: 'p1', name: 'Raheel Sharif', type: 'PER' }, pakistan], '2014-11-19');
      expect(again.get('p1')?.status).toBe('linked');
      expect(server.requests.length).toBe(before); // all from the cache
      await provider.link([{ id: 'p2', name: 'Sartaj Aziz', type: 'PER' }, pakistan], '2014-11-19');
      expect(idsAsked()).not.toContain('Q843'); // Pakistan was seen with the first name
      expect(idsAsked()).toContain('Q99000302');
    } finally {
      await server.close();
    }
  });
});
