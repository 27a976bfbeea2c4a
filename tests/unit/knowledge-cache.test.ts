import { describe, expect, test, vi } from 'vitest';
import { type CacheEntry, cachedFetch, RetryableError, rateLimited } from '../../lib/knowledge';

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
    const get = cachedFetch(fetchJson, store, { freshMs: 100, maxAgeMs: 1000, now: () => clock });
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
      memoryStore(),
      { freshMs: 10, maxAgeMs: 20, now: () => clock },
    );
    expect(await get('a')).toBe('ok');
    fail = true;
    clock = 1000;
    expect(await get('a')).toBe('ok');
    await expect(get('b')).rejects.toThrow('offline');
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
