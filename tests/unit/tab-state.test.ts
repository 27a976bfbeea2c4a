import 'fake-indexeddb/auto';
import { describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { openDatabase } from '../../adapters/database';
import { databaseResults, type ResultStore, tabStateStore } from '../../adapters/tab-state';
import { watchTabState } from '../../adapters/tab-state-events';
import { type AnalysisResult, analyzeText, emptyArticle } from '../../lib/analyze';
import type { TabState } from '../../lib/messaging';
import { envelope, isEnvelope } from '../../lib/messaging';

/** Session storage as the browsers give it: 10 MB for the whole extension, a quota error past it. */
function sessionArea(quota = 10 * 1024 * 1024) {
  const items = new Map<string, unknown>();
  const size = () => [...items].reduce((n, [k, v]) => n + k.length + JSON.stringify(v).length, 0);
  return {
    items,
    size,
    async get(key: string | null) {
      if (key === null) return Object.fromEntries(items);
      return items.has(key) ? { [key]: items.get(key) } : {};
    },
    async set(values: Record<string, unknown>) {
      const before = new Map(items);
      for (const [k, v] of Object.entries(values)) items.set(k, v);
      if (size() > quota) {
        items.clear();
        for (const [k, v] of before) items.set(k, v);
        throw new Error('Session storage quota bytes exceeded. Values were not stored.');
      }
    },
    async remove(key: string | string[]) {
      for (const k of Array.isArray(key) ? key : [key]) items.delete(k);
    },
  };
}

let dbCount = 0;
const results = () => {
  const db = openDatabase(`backstory-tabs-${++dbCount}`);
  return databaseResults(() => db);
};

const PARAGRAPH = '“The talks will go on,” Jeff Rathke said in Washington, adding that Sartaj Aziz had met officials in Islamabad.';
function analysed(paragraphs: number): AnalysisResult {
  const text = Array.from({ length: paragraphs }, () => PARAGRAPH).join('\n\n');
  return { isArticle: true, reason: 'news article', article: emptyArticle(text, '2014-11-19'), ...analyzeText(text, 'en') };
}
const SMALL = analysed(30);
const stateOf = (result: AnalysisResult | null, url = 'https://news.example/2014/11/19/story'): TabState => ({
  url,
  isArticle: true,
  reason: 'news article',
  result,
  analysedAt: 1,
});

describe('per-tab state', () => {
  test('stores, reads back and forgets a tab, its analysis included', async () => {
    const area = sessionArea();
    const store = tabStateStore(area, results());
    expect(await store.get(7)).toBeNull();
    expect(await store.set(7, stateOf(SMALL))).toBe(true);
    expect(await store.get(7)).toEqual(stateOf(SMALL));
    expect(await store.get(8)).toBeNull();
    await store.remove(7);
    expect(await store.get(7)).toBeNull();
    expect(area.items.size).toBe(0);
  });

  test('survives a new store on the same storage (a restarted service worker)', async () => {
    const area = sessionArea();
    const db = results();
    await tabStateStore(area, db).set(3, stateOf(SMALL));
    expect(await tabStateStore(area, db).get(3)).toEqual(stateOf(SMALL));
  });

  // (Megabytes of JSON are written and read: seconds on a loaded machine.)
  test('the analysis of a long article is kept when other tabs already fill most of the session quota', { timeout: 30_000 }, async () => {
    const area = sessionArea();
    await area.set({ 'other-tabs': 'x'.repeat(7 * 1024 * 1024) });
    const big = analysed(8000);
    expect(JSON.stringify(big).length).toBeGreaterThan(3.5 * 1024 * 1024);
    const store = tabStateStore(area, results());
    expect(await store.set(1, stateOf(big))).toBe(true);
    expect((await store.get(1))?.result?.quotes).toHaveLength(big.quotes.length);
    expect(area.size() - 7 * 1024 * 1024).toBeLessThan(2000);
  });

  test('500 open articles all keep their analyses, and session storage stays small', async () => {
    const area = sessionArea();
    const store = tabStateStore(area, results());
    const article = analysed(60);
    for (let tab = 1; tab <= 500; tab++) expect(await store.set(tab, stateOf(article, `https://news.example/${tab}`))).toBe(true);
    for (const tab of [1, 250, 500]) expect((await store.get(tab))?.result?.entities).toEqual(article.entities);
    expect(area.size()).toBeLessThan(500 * 400);
  });

  test('without a database, an analysis that fits is kept in session storage itself', async () => {
    const broken: ResultStore = {
      get: async () => undefined,
      put: async () => {
        throw new Error('Your Backstory data was saved by a newer version of Backstory');
      },
      delete: async () => {},
      keys: async () => [],
    };
    const store = tabStateStore(sessionArea(), broken);
    expect(await store.set(2, stateOf(SMALL))).toBe(true);
    expect(await store.get(2)).toEqual(stateOf(SMALL));
  });

  // (The store that failed answers too: its memory does not show what storage could not keep.)
  test('an analysis that cannot be kept anywhere says so, and the popup gets the reason', async () => {
    const failing: ResultStore = {
      get: async () => undefined,
      put: async () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
      delete: async () => {},
      keys: async () => [],
    };
    const store = tabStateStore(sessionArea(1000), failing);
    expect(await store.set(2, stateOf(SMALL))).toBe(false);
    const read = await store.get(2);
    expect(read?.result).toBeNull();
    expect(read?.problem).toMatch(/could not keep this page’s analysis \(the browser’s storage is full\)/);
  });

  test('an analysis that went missing is reported, not shown as an empty page', async () => {
    const db = results();
    const area = sessionArea();
    await tabStateStore(area, db).set(4, stateOf(SMALL));
    for (const key of await db.keys()) await db.delete(key);
    // (The service worker was stopped meanwhile: the store that kept it, and its memory, are gone.)
    expect((await tabStateStore(area, db).get(4))?.problem).toMatch(/is gone/);
  });

  test('a new state replaces the old analysis, and closing the tab deletes it', async () => {
    const db = results();
    const store = tabStateStore(sessionArea(), db);
    await store.set(5, stateOf(SMALL));
    await store.set(5, stateOf(analysed(3)));
    expect(await db.keys()).toHaveLength(1);
    await store.remove(5);
    expect(await db.keys()).toHaveLength(0);
  });

  test('a sweep drops the analyses of an ended session, never one a tab still points to or one made since', async () => {
    const db = results();
    let clock = 1000;
    const area = sessionArea();
    const earlier = tabStateStore(area, db, () => clock++);
    await earlier.set(1, stateOf(SMALL));
    await earlier.set(2, stateOf(SMALL));
    area.items.delete('tab:2'); // the browser quit: session storage is gone, IndexedDB is not
    const now = tabStateStore(area, db, () => clock++);
    await db.put(`${clock + 50}-made-after-the-sweep-began`, SMALL);
    expect(await now.sweep()).toBe(1);
    expect(await db.keys()).toHaveLength(2);
    expect((await now.get(1))?.result).toEqual(SMALL);
  });
});

/** A result store that counts its reads. */
function countingResults() {
  const inner = results();
  const reads = { count: 0 };
  const store: ResultStore = {
    ...inner,
    get: (key) => {
      reads.count++;
      return inner.get(key);
    },
  };
  return { store, reads };
}

describe('the states of the tabs in use stay in memory', () => {
  test('a state is there at once, before storage has it, and is read without the database', async () => {
    const area = sessionArea();
    const { store: db, reads } = countingResults();
    const store = tabStateStore(area, db);
    const keeping = store.set(7, stateOf(SMALL));
    expect(await store.get(7)).toEqual(stateOf(SMALL));
    expect(await keeping).toBe(true);
    expect(area.items.has('tab:7')).toBe(true);
    for (let i = 0; i < 3; i++) expect((await store.get(7))?.result).toEqual(SMALL);
    expect(reads.count).toBe(0);
  });

  test('storage is written only after what must not wait for it, while memory answers at once', async () => {
    const area = sessionArea();
    const store = tabStateStore(area, results());
    let answer = () => {};
    const answered = new Promise<void>((resolve) => {
      answer = resolve;
    });
    const keeping = store.set(3, stateOf(SMALL), answered);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(area.items.has('tab:3')).toBe(false);
    expect((await store.get(3))?.result).toEqual(SMALL);
    answer();
    expect(await keeping).toBe(true);
    expect(area.items.has('tab:3')).toBe(true);
  });

  test('only the most recently used tabs stay in memory; the others are read back from storage', async () => {
    const area = sessionArea();
    const { store: db, reads } = countingResults();
    const store = tabStateStore(area, db, Date.now, { tabs: 3, chars: 1_000_000 });
    for (let tab = 1; tab <= 5; tab++) await store.set(tab, stateOf(SMALL, `https://news.example/${tab}`));
    for (const tab of [3, 4, 5]) expect((await store.get(tab))?.url).toBe(`https://news.example/${tab}`);
    expect(reads.count).toBe(0);
    expect((await store.get(1))?.result).toEqual(SMALL);
    expect(reads.count).toBe(1);
    // Tab 1, just read, is in memory again; tab 3, the least recently used, went out for it.
    await store.get(1);
    expect(reads.count).toBe(1);
    await store.get(3);
    expect(reads.count).toBe(2);
  });

  test('memory holds only so much article text, always the latest tab’s', async () => {
    const { store: db, reads } = countingResults();
    const chars = SMALL.article?.text.length ?? 0;
    const store = tabStateStore(sessionArea(), db, Date.now, { tabs: 8, chars: chars * 2 });
    for (let tab = 1; tab <= 4; tab++) await store.set(tab, stateOf(SMALL, `https://news.example/${tab}`));
    await store.get(4);
    await store.get(3);
    expect(reads.count).toBe(0);
    await store.get(2);
    expect(reads.count).toBe(1);
    const tiny = tabStateStore(sessionArea(), db, Date.now, { tabs: 8, chars: 10 });
    await tiny.set(5, stateOf(SMALL));
    await tiny.get(5);
    expect(reads.count).toBe(1);
  });

  test('a tab’s states reach storage in the order they were kept, and a closed tab is forgotten in both', async () => {
    const area = sessionArea();
    const db = results();
    const store = tabStateStore(area, db);
    const gated = { ...stateOf(null), analysedAt: 1 };
    const analysedState = { ...stateOf(SMALL), analysedAt: 2 };
    void store.set(9, gated);
    await store.set(9, analysedState);
    expect(await tabStateStore(area, db).get(9)).toEqual(analysedState);
    await store.remove(9);
    expect(await store.get(9)).toBeNull();
    expect(await db.keys()).toHaveLength(0);
  });
});

describe('the popup is told when its tab changes', () => {
  test('each change to the tab’s entry (verdict, analysis, removal) calls back once; other tabs and areas do not', async () => {
    fakeBrowser.reset();
    const store = tabStateStore(fakeBrowser.storage.session, results());
    const told = vi.fn();
    const stop = watchTabState(fakeBrowser.storage, 'session', 5, told);
    await store.set(5, { ...stateOf(null), isArticle: true });
    expect(told).toHaveBeenCalledTimes(1);
    await store.set(5, stateOf(SMALL));
    expect(told).toHaveBeenCalledTimes(2);
    await store.set(6, stateOf(SMALL));
    await fakeBrowser.storage.local.set({ 'tab:5': 'a key of the same name in another area' });
    expect(told).toHaveBeenCalledTimes(2);
    await store.remove(5);
    expect(told).toHaveBeenCalledTimes(3);
    stop();
    await store.set(5, stateOf(SMALL));
    expect(told).toHaveBeenCalledTimes(3);
  });
});

describe('message envelopes', () => {
  test.each([
    [envelope('popup/tab-state', { tabId: 1 }), true],
    [{ type: 'popup/tab-state', data: {} }, false],
    [{ backstory: 2, type: 'x' }, false],
    [null, false],
    ['popup/tab-state', false],
  ])('%o is ours: %s', (message, ours) => {
    expect(isEnvelope(message)).toBe(ours);
  });
});
