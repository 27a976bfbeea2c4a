import { browser } from 'wxt/browser';
import { t } from '../components/i18n';
import type { AnalysisResult } from '../lib/analyze';
import { ANSWER_POLICIES, cachedFetch } from '../lib/cache';
import {
  type ArticleEntity,
  buildNewsQuery,
  type CoverageItem,
  mergeCoverage,
  type NewsProvider,
  type NewsSource,
  newsProviders,
} from '../lib/coverage';
import { TITLE_MODIFIERS, TITLES } from '../lib/entities/lexicon';
import { pathOf } from '../lib/extract';
import { type FetchJson, rateLimited } from '../lib/knowledge';
import type { SearchFailure, SearchPreview, SearchResponse, TabState } from '../lib/messaging';
import { searchableNames } from '../lib/salience';
import type { Settings } from '../lib/settings';
import { answerCache } from './answer-cache';
import { mayTransmit } from './data-consent';
import { failureMessage, httpGet, isOffline, sleep } from './http';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Paced request queues by service; the background keeps one set for its life (GDELT asks for one request per 5 s). */
export type NewsQueues = Map<NewsSource, FetchJson>;
const backgroundQueues: NewsQueues = new Map();

function fetcherFor(provider: NewsProvider, queues: NewsQueues): FetchJson {
  let queue = queues.get(provider.id);
  if (!queue) {
    queue = rateLimited((url) => httpGet(url, provider.format), {
      minIntervalMs: provider.minIntervalMs,
      backoffMs: 5000,
      maxBackoffMs: 120_000,
      sleep,
    });
    queues.set(provider.id, queue);
  }
  return cachedFetch(queue, { store: answerCache, policy: ANSWER_POLICIES.news });
}

/** Words of titles ("Defense Secretary"), the name tagger's own lexicon: never sent glued to a name. */
const isTitleWord = (word: string) => TITLES.has(word) || TITLES.has(`${word}.`) || TITLE_MODIFIERS.has(word);

/**
 * The article's names a news search may send, most central first (lib/salience): people by their full names, never a
 * lone word or a name with a title glued to it, nor an organisation named once in passing.
 */
export function searchEntities(result: Pick<AnalysisResult, 'entities' | 'quotes' | 'article'>): ArticleEntity[] {
  return searchableNames(result, isTitleWord).map(({ name, salient }) => ({ name, type: salient.entity.type, weight: salient.score }));
}

/** What a search would send for the tab's article, for the popup to show before the reader clicks. */
export function searchPreview(state: TabState | null, settings: Settings): SearchPreview | null {
  const result = state?.result;
  if (!result?.article) return null;
  const query = buildNewsQuery(searchEntities(result), result.article.published, { windowDays: settings.news.windowDays });
  return query && { names: query.names, before: query.before };
}

/** Why a service whose answers need host access cannot be asked: the reader chose "only when I click" (no host access). */
async function withoutHostAccess(provider: NewsProvider, url: string): Promise<string | null> {
  if (!provider.needsHostAccess) return null;
  const { origin, host } = new URL(url);
  const granted = await Promise.resolve()
    .then(() => browser.permissions.contains({ origins: [`${origin}/*`] }))
    .catch(() => false);
  return granted ? null : t('coverageNeedsAccess', host);
}

/**
 * News search for a tab's article, on the reader's click: only names from the article and dates go out, never its
 * URL or text. Each available service is asked once; the results come back merged, deduplicated, newest first.
 */
export async function searchNews(
  state: TabState | null,
  settings: Settings,
  sources?: NewsSource[],
  queues: NewsQueues = backgroundQueues,
): Promise<SearchResponse> {
  const result = state?.result;
  const article = result?.article;
  if (!result || !article) return { query: null, results: [], failed: [], skipped: [] };
  // The tab's own address, not the publisher URL the page declares: a page could name any site there; and only with
  // the reader's consent to send it, where the browser asks for one (Firefox).
  const site = settings.news.sameSite && (await mayTransmit('browsingActivity')) ? pathOf(state.url).host || null : null;
  const query = buildNewsQuery(searchEntities(result), article.published, { windowDays: settings.news.windowDays, site });
  if (!query) return { query: null, results: [], failed: [], skipped: [] };
  const now = Date.now();
  const failed: SearchFailure[] = [];
  const skipped: SearchFailure[] = [];
  const wanted = newsProviders(settings.news).filter((p) => !sources || sources.includes(p.id));
  const answers = await Promise.all(
    wanted.map(async (provider): Promise<CoverageItem[]> => {
      const unavailable = provider.unavailable(query, now);
      if (unavailable) {
        const message = unavailable === 'needs-key' ? t('coverageNeedsKey') : t('coverageTooOld');
        skipped.push({ source: provider.id, label: provider.label, message, ...(unavailable === 'needs-key' && { needsKey: true }) });
        return [];
      }
      const why = await withoutHostAccess(provider, provider.url(query));
      if (why) {
        skipped.push({ source: provider.id, label: provider.label, message: why });
        return [];
      }
      try {
        return provider.parse(await fetcherFor(provider, queues)(provider.url(query)));
      } catch (error) {
        failed.push({ source: provider.id, label: provider.label, message: isOffline() ? t('serviceOffline') : failureMessage(error) });
        return [];
      }
    }),
  );
  const currentUrl = article.canonicalUrl ?? state.url;
  // Results past the article's date are not earlier coverage, whatever the service's own filter did.
  const end = Date.parse(query.before) + DAY;
  const results = mergeCoverage(answers.flat(), currentUrl).filter((item) => !item.date || Date.parse(item.date) < end);
  return { query, results, failed, skipped };
}
