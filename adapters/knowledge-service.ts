import type { AnalysisResult } from '../lib/analyze';
import {
  type ArticleContext,
  articleContext,
  type FetchJson,
  type ItemCacheOptions,
  type NameToLink,
  namesForLookUp,
  rateLimited,
  WikimediaProvider,
} from '../lib/knowledge';
import { vouchedPublisherName } from '../lib/knowledge/publisher-name';
import type { KnowledgeResponse, PublisherResponse, Settings, TabState } from '../lib/messaging';
import { answerCache, pruneAnswers } from './answer-cache';
import { failureMessage, httpGet, isOffline, sleep } from './http';
import { readSettings } from './settings';

const USER_AGENT = 'Backstory/0.1 (news context browser extension)';
const DAY = 86_400_000;

/** Wikimedia asks API clients to name themselves in Api-User-Agent. */
const httpJson: FetchJson = (url) => httpGet(url, 'json', { headers: { 'Api-User-Agent': USER_AGENT } });

const MAX_AGE_MS = 90 * DAY;

/** Searches, entities and pages are kept in IndexedDB one by one, so a note looked up once opens at once; this drops the ones too old to use. */
export function pruneOldAnswers(): Promise<number> {
  return pruneAnswers(MAX_AGE_MS);
}

/** One request at a time, backing off after 429 and 5xx. */
const fetchJson = rateLimited(httpJson, { minIntervalMs: 50, backoffMs: 2000, maxBackoffMs: 60_000, sleep });

/** Searches by name, entities by QID and pages by title, each fresh for a week, then served while refreshed. */
const itemCache: ItemCacheOptions = { store: answerCache, freshMs: 7 * DAY, maxAgeMs: MAX_AGE_MS };

function failure(error: unknown): { ok: false; offline: boolean; error: string } {
  return { ok: false, offline: isOffline(), error: failureMessage(error) };
}

/**
 * Links names for a card or the popup, with the article's context (compared here, never sent); every failure becomes an
 * answer the card can show, with a retry.
 */
export async function lookUp(names: NameToLink[], date: string | null, context?: ArticleContext): Promise<KnowledgeResponse> {
  try {
    const provider = new WikimediaProvider(fetchJson, await readSettings(), itemCache);
    const results = await provider.link(names, date, context);
    // Offline, the failures are all one: say that, so the card says so.
    if (isOffline() && [...results.values()].some((r) => r.status === 'failed')) return { ok: false, offline: true, error: 'You are offline.' };
    return { ok: true, results: Object.fromEntries(results) };
  } catch (error) {
    return failure(error);
  }
}

/** How many of an article's names an opted-in prefetch looks up: the most mentioned people and organisations. */
const PREFETCHED = 5;

/**
 * The reader's opt-in prefetch: the notes of an article's main names are looked up as soon as it is analysed, so cards
 * open with them. Names only, as on hover; the answers land in the cache.
 */
export async function prefetchNotes(result: AnalysisResult, settings: Settings): Promise<number> {
  if (!settings.prefetchNotes || !result.isArticle) return 0;
  const main = result.entities
    .filter((e) => e.type === 'PER' || e.type === 'ORG')
    .sort((a, b) => b.mentions.length - a.mentions.length)
    .slice(0, PREFETCHED);
  if (!main.length) return 0;
  const response = await lookUp(namesForLookUp(main, result.entities), result.article?.published ?? null, articleContext(result));
  return response.ok ? Object.keys(response.results).length : 0;
}

/**
 * The outlet behind a tab's article, for the popup's header. The name the page gives is the page's to choose (it could
 * carry a token per reader): only what the tab's own address vouches for is sent, and nothing when that is nothing.
 */
export async function lookUpPublisher(state: TabState | null): Promise<PublisherResponse> {
  const article = state?.result?.article;
  const name = state && article?.siteName ? vouchedPublisherName(article.siteName, state.url) : null;
  if (!state || !article || !name) return { ok: true, note: null };
  try {
    const provider = new WikimediaProvider(fetchJson, await readSettings(), itemCache);
    return { ok: true, note: await provider.publisher(name, article.publisherUrl ?? state.url, article.published) };
  } catch (error) {
    return failure(error);
  }
}
