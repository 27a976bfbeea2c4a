// The background's history write path with real analyses of two corpus pages: a section front at an article-like
// address (marked og:type article by its CMS) is never recorded; a deals roundup, with its many links, is.
import 'fake-indexeddb/auto';
import { expect, test } from 'vitest';
import { openDatabase } from '../../adapters/database';
import { historyService } from '../../adapters/history-service';
import { historyStore } from '../../adapters/history-store';
import { analyzePage, toResult } from '../../lib/analyze';
import type { TabState } from '../../lib/messaging';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { corpusPage } from '../fixtures/corpus';
import { loadPage } from '../fixtures/pages';

function tabState(slug: string): TabState {
  const { url, html, fetchedAt } = corpusPage(slug);
  const { doc, signals } = loadPage(html, url);
  if (fetchedAt !== undefined) doc.fetchedAt = fetchedAt;
  const result = toResult(analyzePage(doc, signals));
  return { url, isArticle: result.isArticle, reason: result.reason, result, analysedAt: 1 };
}

test('a section front is never written to the reading history; a roundup is', async () => {
  const db = openDatabase('history-section-front');
  const store = historyStore(() => db);
  const history = historyService(store);
  const front = tabState('section-front-article-url');
  expect(front.result?.isArticle).toBe(false);
  expect(front.reason).toMatch(/section front/);
  // Reading times as the store keeps them (records dated before 1990 are refused on read).
  const readAt = Date.UTC(2024, 10, 20, 9);
  expect(await history.record(front, DEFAULT_SETTINGS, readAt)).toBe(false);

  const roundup = tabState('deals-roundup');
  expect(await history.record(roundup, DEFAULT_SETTINGS, readAt + 60_000)).toBe(true);
  const { records } = await store.read();
  expect(records.map((r) => r.url)).toEqual(['https://gadgets.example.net/deals/best-early-black-friday-headphone-deals-2024']);
});
