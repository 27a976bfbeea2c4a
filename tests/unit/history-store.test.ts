import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { MIGRATIONS, openDatabase } from '../../adapters/database';
import { historyStore } from '../../adapters/history-store';
import type { HistoryRecord } from '../../lib/coverage';
import { exportHistory, ImportError, isExcluded, parseHistoryExport, validRecord } from '../../lib/storage';

let dbCount = 0;
const freshName = () => `backstory-test-${++dbCount}`;

const rec = (n: number, extra: Partial<HistoryRecord> = {}): HistoryRecord => ({
  url: `https://news.example/2014/11/${n}/story-${n}`,
  title: `Story ${n}`,
  publisher: 'Example News',
  published: `2014-11-${String(n).padStart(2, '0')}`,
  lang: 'en',
  entities: [
    { name: 'Jeff Rathke', type: 'PER', weight: 1 },
    { name: 'Haqqani network', type: 'ORG', weight: 0.6, variants: ['Haqqani Network'] },
  ],
  readAt: 1_700_000_000_000 + n,
  lastReadAt: 1_700_000_000_000 + n,
  ...extra,
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the database schema', () => {
  test('a database from the previous version (v1: answers only) upgrades without losing its records', async () => {
    const name = freshName();
    // What version 0.1 shipped: the v1 schema and a cached answer in it.
    const v1 = await openDB(name, 1, { upgrade: (db, _old, _new, tx) => MIGRATIONS[1]?.(db, tx as never) });
    await v1.put('answers', { value: { ok: 1 }, storedAt: 5 }, 'https://www.wikidata.org/w/api.php?x');
    v1.close();

    const current = await openDatabase(name);
    expect(current.version).toBe(2);
    expect(await current.get('answers', 'https://www.wikidata.org/w/api.php?x')).toEqual({ value: { ok: 1 }, storedAt: 5 });
    const store = historyStore(async () => current);
    await store.record(rec(1));
    expect((await store.read()).records).toEqual([rec(1)]);
    current.close();
  });

  test('the history survives closing and reopening the database (a browser restart)', async () => {
    const name = freshName();
    const first = await openDatabase(name);
    await historyStore(async () => first).save([rec(1), rec(2)]);
    first.close();
    const second = await openDatabase(name);
    expect((await historyStore(async () => second).read()).records.map((r) => r.url)).toEqual([rec(1).url, rec(2).url]);
    second.close();
  });
});

describe('historyStore', () => {
  const open = () => {
    const db = openDatabase(freshName());
    return () => db;
  };

  test('reading an article again keeps the first reading time and ids found since', async () => {
    const store = historyStore(open());
    await store.record(rec(3));
    await store.setQids(rec(3).url, { 'Jeff Rathke': 'Q6174600' });
    await store.record(rec(3, { readAt: 1_800_000_000_000, lastReadAt: 1_800_000_000_000, title: 'Story 3, updated' }));
    const [saved] = (await store.read()).records;
    expect(saved?.readAt).toBe(rec(3).readAt);
    expect(saved?.lastReadAt).toBe(1_800_000_000_000);
    expect(saved?.title).toBe('Story 3, updated');
    expect(saved?.entities[0]).toMatchObject({ name: 'Jeff Rathke', qid: 'Q6174600' });
  });

  test('a corrupted record is skipped and counted, and left in place', async () => {
    const dbPromise = openDatabase(freshName());
    const store = historyStore(() => dbPromise);
    await store.save([rec(1), rec(2)]);
    const db = await dbPromise;
    await db.put('history', { url: 'https://bad.example/1', title: 42, entities: 'nope' });
    const read = await store.read();
    expect(read.records).toHaveLength(2);
    expect(read.corrupted).toBe(1);
    expect(await store.count()).toBe(3);
  });

  test('on a quota error the oldest records are pruned and the save tried again', async () => {
    const store = historyStore(open());
    await store.save(Array.from({ length: 20 }, (_, i) => rec(i + 1)));
    const put = IDBObjectStore.prototype.put;
    let failures = 1;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (failures-- > 0) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args as Parameters<typeof put>);
    });
    const outcome = await store.record(rec(25));
    expect(outcome).toEqual({ saved: true, pruned: 2 });
    const urls = (await store.read()).records.map((r) => r.url);
    expect(urls).toHaveLength(19);
    expect(urls).toContain(rec(25).url);
    expect(urls).not.toContain(rec(1).url);
    expect(urls).not.toContain(rec(2).url);
  });

  test('a quota that stays full is reported, not thrown', async () => {
    const store = historyStore(open());
    await store.save([rec(1)]);
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    expect(await store.record(rec(2))).toEqual({ saved: false, pruned: 1 });
  });

  test('export then import into an empty history round-trips exactly; clear empties it', async () => {
    const store = historyStore(open());
    const records = [
      rec(1),
      rec(2, { published: null, publisher: null, lang: null }),
      rec(3, { entities: [{ name: 'Raheel Sharif', type: 'PER', weight: 0.4, qid: 'Q16149' }] }),
    ];
    await store.save(records);
    const json = exportHistory((await store.read()).records, Date.parse('2026-11-29'));
    expect(await store.clear()).toBe(3);
    expect(await store.count()).toBe(0);
    const parsed = parseHistoryExport(json);
    expect(parsed.skipped).toBe(0);
    await store.save(parsed.records);
    expect((await store.read()).records).toEqual(records);
    expect(exportHistory((await store.read()).records, Date.parse('2026-11-29'))).toBe(json);
  });
});

describe('history records, exports and exclusions', () => {
  test.each([
    ['a record', rec(1), true],
    ['no URL', { ...rec(1), url: undefined }, false],
    ['a javascript: URL', { ...rec(1), url: 'javascript:alert(1)' }, false],
    ['a bad entity type', { ...rec(1), entities: [{ name: 'X', type: 'GOD', weight: 1 }] }, false],
    ['a negative weight', { ...rec(1), entities: [{ name: 'X', type: 'PER', weight: -1 }] }, false],
    ['a string for a time', { ...rec(1), readAt: 'yesterday' }, false],
    ['null', null, false],
  ])('validRecord: %s → %s', (_, value, valid) => {
    expect(validRecord(value) !== null).toBe(valid);
  });

  test('imports skip damaged records and refuse what is not an export', () => {
    const json = JSON.stringify({ format: 'backstory-history', version: 1, exportedAt: '', records: [rec(1), { url: 5 }] });
    expect(parseHistoryExport(json)).toEqual({ records: [rec(1)], skipped: 1 });
    expect(() => parseHistoryExport('{')).toThrow(ImportError);
    expect(() => parseHistoryExport('{"format":"other","records":[]}')).toThrow('not a Backstory history export');
    expect(() => parseHistoryExport('{"format":"backstory-history","version":99,"records":[]}')).toThrow('newer Backstory');
  });

  test.each([
    ['https://www.dawn.com/news/1', ['dawn.com'], true],
    ['https://epaper.dawn.com/x', ['https://www.dawn.com/'], true],
    ['https://notdawn.com/x', ['dawn.com'], false],
    ['https://dawn.com/x', ['', '  '], false],
  ])('isExcluded(%s, %j) → %s', (url, sites, excluded) => {
    expect(isExcluded(url, sites)).toBe(excluded);
  });
});
