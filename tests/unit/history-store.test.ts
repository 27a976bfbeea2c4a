import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DatabaseTooNewError, MIGRATIONS, openDatabase } from '../../adapters/database';
import { historyService } from '../../adapters/history-service';
import { historyStore } from '../../adapters/history-store';
import { type HistoryRecord, rankHistory } from '../../lib/coverage';
import type { TabState } from '../../lib/messaging';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { exportHistory, ImportError, isExcluded, parseHistoryExport, validRecord } from '../../lib/storage';

vi.mock('wxt/browser', () => ({ browser: fakeBrowser }));

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
    expect(current.version).toBe(3);
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
    await store.setQids(rec(3).url, new Map([['Jeff Rathke', 'Q6174600']]));
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

  /** A disk that refuses the next `failures` writes. */
  const fullDisk = (failures: number) => {
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (failures-- > 0) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args as Parameters<typeof put>);
    });
  };

  test('on a quota error the rebuildable cache of answers goes first, and the history stays whole', async () => {
    const dbPromise = openDatabase(freshName());
    const store = historyStore(() => dbPromise);
    await store.save(Array.from({ length: 20 }, (_, i) => rec(i + 1)));
    const db = await dbPromise;
    for (let i = 0; i < 30; i++) await db.put('answers', { value: { i }, storedAt: i }, `https://www.wikidata.org/w/api.php?${i}`);
    fullDisk(1);
    expect(await store.record(rec(25))).toEqual({ saved: true, pruned: 0, freed: 30 });
    expect(await store.count()).toBe(21);
    expect(await db.count('answers')).toBe(0);
  });

  test('when the cache is not enough, the oldest records are pruned, and the outcome says how many', async () => {
    const store = historyStore(open());
    await store.save(Array.from({ length: 20 }, (_, i) => rec(i + 1)));
    fullDisk(1);
    const outcome = await store.record(rec(25));
    expect(outcome).toEqual({ saved: true, pruned: 2, freed: 0 });
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
    expect(await store.record(rec(2))).toEqual({ saved: false, pruned: 1, freed: 0 });
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
    ['a time no date can hold', { ...rec(1), readAt: 9e15 }, false],
    ['a time before Backstory could have read it', { ...rec(1), readAt: 5 }, false],
    ['NaN for a time', { ...rec(1), readAt: Number.NaN }, false],
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

describe('bad data never breaks what reads the history, and nothing goes without a word', () => {
  const open = () => {
    const db = openDatabase(freshName());
    return () => db;
  };

  test('a record with a reading time past any date is skipped on reading, so "You read before" does not throw', async () => {
    const dbPromise = openDatabase(freshName());
    const store = historyStore(() => dbPromise);
    await store.save([rec(1)]);
    await (await dbPromise).put('history', { ...rec(2), readAt: 9e15, lastReadAt: 9e15 });
    const { records, corrupted } = await store.read();
    expect(records.map((r) => r.url)).toEqual([rec(1).url]);
    expect(corrupted).toBe(1);
    const matches = rankHistory({ url: 'https://news.example/now', published: '2014-11-30', entities: rec(1).entities }, records);
    for (const m of matches) expect(() => new Date(m.record.readAt).toISOString()).not.toThrow();
  });

  test('an imported record with readAt 9e15 is skipped and counted, not imported', () => {
    const json = JSON.stringify({ format: 'backstory-history', version: 1, exportedAt: '', records: [rec(1), { ...rec(2), readAt: 9e15 }] });
    expect(parseHistoryExport(json)).toEqual({ records: [rec(1)], skipped: 1 });
  });

  test('a publication date that does not parse is read as none', () => {
    expect(validRecord({ ...rec(1), published: 'yesterday-ish' })?.published).toBeNull();
  });

  test.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])('an entity named %s is saved with the ids found since', async (name) => {
    const store = historyStore(open());
    const record = rec(7, { entities: [{ name, type: 'ORG', weight: 1 }, ...rec(7).entities] });
    await store.record(record);
    await store.setQids(record.url, new Map([['Jeff Rathke', 'Q6174600']]));
    const [saved] = (await store.read()).records;
    expect(saved?.entities.map((e) => [e.name, e.qid ?? null])).toEqual([
      [name, null],
      ['Jeff Rathke', 'Q6174600'],
      ['Haqqani network', null],
    ]);
  });

  test('the links a look-up found are remembered for a record with such a name (no DataCloneError)', async () => {
    const store = historyStore(open());
    const service = historyService(store);
    await store.record(rec(8, { entities: [{ name: 'constructor', type: 'ORG', weight: 1 }] }));
    const state = {
      url: rec(8).url,
      isArticle: true,
      reason: '',
      analysedAt: 0,
      result: {
        isArticle: true,
        reason: '',
        nlp: { language: 'en', supported: true, notice: null },
        article: { canonicalUrl: rec(8).url } as NonNullable<TabState['result']>['article'],
        entities: [{ id: 'e1', name: 'constructor', type: 'ORG', mentions: [], variants: ['constructor'], titles: [] }],
        quotes: [],
      },
    } as TabState;
    await expect(service.rememberLinks(state, {})).resolves.toBeUndefined();
    expect((await store.read()).records[0]?.entities[0]).toEqual({ name: 'constructor', type: 'ORG', weight: 1 });
  });

  test('an import that had to prune says how many records went; the cache went first', async () => {
    const dbPromise = openDatabase(freshName());
    const store = historyStore(() => dbPromise);
    const service = historyService(store);
    await store.save(Array.from({ length: 20 }, (_, i) => rec(i + 1)));
    await (await dbPromise).put('answers', { value: 1, storedAt: 1 }, 'https://www.wikidata.org/w/api.php?x');
    const json = exportHistory([rec(21), rec(22)], Date.parse('2026-11-29'));
    // The disk stays full after the cache is emptied: only pruning the history makes room.
    const put = IDBObjectStore.prototype.put;
    let failures = 2;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (failures-- > 0) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args as Parameters<typeof put>);
    });
    expect(await service.importJson(json)).toEqual({ ok: true, imported: 2, skipped: 0, pruned: 2 });
    expect(await (await dbPromise).count('answers')).toBe(0);
    expect(await store.count()).toBe(20);
  });

  test('export says how many damaged records it could not hold', async () => {
    const dbPromise = openDatabase(freshName());
    const store = historyStore(() => dbPromise);
    await store.save([rec(1), rec(2)]);
    await (await dbPromise).put('history', { url: 'https://bad.example/1', title: 42 });
    const exported = await historyService(store).exportJson(Date.parse('2026-11-29'));
    expect(exported.exported).toBe(2);
    expect(exported.skipped).toBe(1);
    expect(parseHistoryExport(exported.json).records).toHaveLength(2);
  });

  test('a database a newer Backstory upgraded is reported, not swallowed', async () => {
    const name = freshName();
    const newer = await openDB(name, 9, { upgrade: (db) => db.createObjectStore('somethingNew') });
    newer.close();
    await expect(openDatabase(name)).rejects.toBeInstanceOf(DatabaseTooNewError);
    const service = historyService(historyStore(() => openDatabase(name)));
    const summary = await service.summary();
    expect(summary.notice).toMatch(/newer version of Backstory/);
    const result = { entities: [], quotes: [], article: { canonicalUrl: null, published: null, title: 'Now' } } as unknown as TabState['result'];
    const tabState: TabState = { url: rec(1).url, isArticle: true, reason: '', analysedAt: 0, result };
    expect((await service.earlier(tabState, DEFAULT_SETTINGS)).recording).toBe('unavailable');
    const imported = await service.importJson(exportHistory([rec(1)], 0));
    expect(imported.ok ? '' : imported.error).toMatch(/newer version of Backstory/);
  });
});
