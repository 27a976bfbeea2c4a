import 'fake-indexeddb/auto';
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { failureMessage, httpGet } from '../../adapters/http';
import { searchNews } from '../../adapters/news-service';
import { type Article, analyzePage, toResult } from '../../lib/analyze';
import { DEFAULT_NEWS, type NewsQuery, newsProviders } from '../../lib/coverage';
import type { TabState } from '../../lib/messaging';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import { STORIES } from '../fixtures/news/data.mjs';
import { type FakeNews, startFakeNews } from '../fixtures/news/server.mjs';
import { DEMO_ARTICLE_URL, demoHtml, loadPage } from '../fixtures/pages';

/** The data the reader consented to send, as Firefox lists it; undefined where the browser has no such consent. */
const consent: { data_collection?: string[] } = {};
/** Whether the reader granted host access (the "on all news sites" mode) or not ("only when I click"). */
const access = { granted: true };
vi.mock('wxt/browser', () => ({ browser: { permissions: { getAll: async () => consent, contains: async () => access.granted } } }));

const { doc, signals } = loadPage(demoHtml('dawn-haqqani'), DEMO_ARTICLE_URL);
const result = toResult(analyzePage(doc, signals));
const state: TabState = { url: DEMO_ARTICLE_URL, isArticle: true, reason: '', result, analysedAt: 0 };
const QUERY: NewsQuery = { names: ['Jeff Rathke', 'Haqqani network'], before: '2014-11-19', after: '2014-10-20', site: null };

let fake: FakeNews;
let settings: Settings;
beforeAll(async () => {
  fake = await startFakeNews({ currentUrl: DEMO_ARTICLE_URL });
  const base = fake.origin;
  settings = { ...DEFAULT_SETTINGS, news: { ...DEFAULT_NEWS, googleNewsBase: base, gdeltBase: base, guardianBase: base, nytBase: base } };
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
  fake.setMode('ok');
});

/** Each provider against the local server answering in its API's real shape. */
describe.each(['google-news', 'gdelt', 'guardian', 'nyt'] as const)('%s provider', (id) => {
  test('builds a query with the names and the window, and reads the answer', async () => {
    const provider = newsProviders({ ...settings.news, guardianKey: 'g-key', nytKey: 'n-key' }).find((p) => p.id === id);
    if (!provider) throw new Error(id);
    const url = provider.url(QUERY);
    expect(url.startsWith(fake.origin)).toBe(true);
    const decoded = decodeURIComponent(url);
    expect(decoded).toContain('"Jeff Rathke"');
    expect(decoded).toContain('"Haqqani network"');
    expect(decoded).toMatch(/2014-?11-?19/);
    expect(decoded).toMatch(/2014-?10-?20/);
    const response = await fetch(url);
    const body = provider.format === 'json' ? await response.json() : await response.text();
    const items = provider.parse(body);
    expect(items.map((i) => i.url)).toEqual([...STORIES.map((s) => s.url), DEMO_ARTICLE_URL]);
    expect(items[0]).toMatchObject({ title: STORIES[0]?.title, date: '2014-11-16T09:30:00.000Z', source: id });
    // Markup in a headline stays text.
    expect(items[3]?.title).toContain('<img src=x');
  });
});

describe('searchNews: the search the popup runs on the reader click', () => {
  test('by default asks Google News once, with the names and a before: date; no page URL or text is sent', async () => {
    const response = await searchNews(state, settings);
    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request?.path).toBe('/rss/search');
    expect(request?.params.q).toBe('"Jeff Rathke" "Haqqani network" before:2014-11-19 after:2014-10-20');
    expect(JSON.stringify(fake.requests.map((r) => r.params))).not.toMatch(/127\.0\.0\.1:8080|1145345|reiterate/);
    expect(response.skipped.map((s) => s.source)).toEqual(['gdelt', 'guardian', 'nyt']);
    // Each reason worded by the interface (locales/*.json); the ones the settings can mend say so.
    expect(response.skipped.map((s) => [s.message, !!s.needsKey])).toEqual([
      ['Covers only the last three months; this article is older.', false],
      ['Needs your API key.', true],
      ['Needs your API key.', true],
    ]);
    expect(response.failed).toEqual([]);
  });

  test('without host access ("only when I click"), Google News, whose answers carry no CORS headers, is skipped with the reason', async () => {
    access.granted = false;
    try {
      const response = await searchNews(state, settings);
      expect(fake.requests).toHaveLength(0);
      const google = response.skipped.find((s) => s.source === 'google-news');
      expect(google?.message).toBe(`Needs access to ${new URL(fake.origin).host}: choose “On all news sites” in the settings.`);
    } finally {
      access.granted = true;
    }
  });

  test('results are deduplicated, dated before the article, without the article itself, newest first', async () => {
    const { results } = await searchNews(state, settings);
    expect(results.map((r) => r.url)).toEqual([STORIES[0]?.url, STORIES[1]?.url, STORIES[3]?.url]);
    expect(results[0]).toMatchObject({ publisher: 'Example Daily', title: 'Army chief Raheel Sharif arrives in Washington for talks' });
  });

  test('with keys the Guardian and the New York Times are asked too, and "same publisher" adds the tab’s own site:', async () => {
    const withKeys = { ...settings, news: { ...settings.news, guardianKey: 'g', nytKey: 'n', sameSite: true } };
    // The page declares a publisher URL of its choosing: the search names the site the tab is really on.
    const planted = {
      ...state,
      result: { ...result, article: { ...(result.article as Article), publisherUrl: 'https://reader-7f3a9c.tracker.example/' } },
    };
    const response = await searchNews(planted, withKeys, ['google-news', 'guardian', 'nyt']);
    expect(fake.requests.map((r) => r.path).sort()).toEqual(['/rss/search', '/search', '/svc/search/v2/articlesearch.json']);
    const q = fake.requests.find((r) => r.path === '/rss/search')?.params.q;
    expect(q).toContain(`site:${new URL(DEMO_ARTICLE_URL).host.replace(/^www\./, '')}`);
    expect(JSON.stringify(fake.requests.map((r) => r.params))).not.toContain('7f3a9c');

    // In Firefox, the domain goes only with the reader's consent to send browsing activity.
    for (const [granted, site] of [
      [[], false],
      [['browsingActivity'], true],
    ] as const) {
      consent.data_collection = [...granted];
      const { query } = await searchNews(planted, withKeys, ['google-news'], new Map());
      expect(query?.site ?? null).toBe(site ? new URL(DEMO_ARTICLE_URL).host : null);
    }
    delete consent.data_collection;
    expect(response.results.find((r) => r.url === STORIES[1]?.url)?.source).toBe('guardian');
  });

  // Fresh queues per case: a 500 makes a service's queue back off before its next request, as it should.
  test.each([
    ['error', 'nyt', /answered 500/],
    ['malformed', 'guardian', /not JSON/],
  ] as const)('a server in %s mode gives a failure to show with a retry, not an exception', async (mode, source, message) => {
    fake.setMode(mode);
    const withKeys = { ...settings, news: { ...settings.news, guardianKey: 'g-other-key', nytKey: 'n-other-key' } };
    const response = await searchNews(state, withKeys, [source], new Map());
    expect(response.results).toEqual([]);
    expect(response.failed).toHaveLength(1);
    expect(response.failed[0]?.message).toMatch(message);
  });

  test('a server that answers 429 is reported as such, and its queue waits before the next request', async () => {
    fake.setMode('rate-limited');
    const queues = new Map();
    const withKey = { ...settings, news: { ...settings.news, guardianKey: 'g-429' } };
    const first = await searchNews(state, withKey, ['guardian'], queues);
    expect(first.failed[0]?.message).toMatch(/answered 429/);
    fake.setMode('ok');
    const started = Date.now();
    const second = await searchNews(state, withKey, ['guardian'], queues);
    expect(Date.now() - started).toBeGreaterThanOrEqual(4500); // backed off 5 s after the 429
    expect(second.results.length).toBeGreaterThan(0);
  }, 15_000);

  test('an answer in the cache is served when the server fails afterwards', async () => {
    const withKey = { ...settings, news: { ...settings.news, guardianKey: 'g-cache' } };
    const first = await searchNews(state, withKey, ['guardian'], new Map());
    expect(first.results.length).toBeGreaterThan(0);
    fake.setMode('error');
    const requestsBefore = fake.requests.length;
    const again = await searchNews(state, withKey, ['guardian'], new Map());
    expect(again.failed).toEqual([]);
    expect(again.results).toEqual(first.results);
    expect(fake.requests.length).toBe(requestsBefore);
  });

  test('a server that never answers becomes an error the reader can retry, not a spinner', async () => {
    fake.setMode('hang');
    const error = await httpGet(`${fake.origin}/rss/search?q=x`, 'text', { timeoutMs: 300 }).catch((e: unknown) => e);
    expect(failureMessage(error)).toBe('The server did not answer in time.');
  });

  test('GDELT is asked only when the article is within its three-month window', async () => {
    const recent = structuredClone(state);
    if (recent.result?.article) recent.result.article.published = new Date(Date.now() - 5 * 86_400_000).toISOString();
    const response = await searchNews(recent, settings, ['gdelt']);
    expect(fake.requests.map((r) => r.path)).toEqual(['/api/v2/doc/doc']);
    expect(fake.requests[0]?.params.startdatetime).toMatch(/^\d{14}$/);
    expect(response.skipped).toEqual([]);
  });

  test('no article, or nobody named, means no request', async () => {
    expect(await searchNews(null, settings)).toEqual({ query: null, results: [], failed: [], skipped: [] });
    const nobody = structuredClone(state);
    if (nobody.result) nobody.result.entities = [];
    expect((await searchNews(nobody, settings)).query).toBeNull();
    expect(fake.requests).toHaveLength(0);
  });
});
