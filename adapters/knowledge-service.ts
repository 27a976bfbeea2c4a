import { t } from '../components/i18n';
import type { AnalysisResult } from '../lib/analyze';
import { ANSWER_POLICIES, type Cache, cachedFetch } from '../lib/cache';
import {
  type ArticleContext,
  articleContext,
  type FetchJson,
  type NameToLink,
  namesForLookUp,
  rateLimited,
  WIKIMEDIA_IMAGE_HOST,
  WikimediaProvider,
} from '../lib/knowledge';
import { vouchedPublisherName } from '../lib/knowledge/publisher-name';
import type { KnowledgeResponse, PublisherResponse, TabState, ThumbnailResponse } from '../lib/messaging';
import type { Settings } from '../lib/settings';
import { answerCache, pruneAnswers } from './answer-cache';
import { failureMessage, httpGet, httpGetBytes, isOffline, isUnreachable, sleep, UnreachableError } from './http';
import { readSettings } from './settings';

const USER_AGENT = 'Backstory/0.1 (news context browser extension)';

/** Wikimedia asks API clients to name themselves in Api-User-Agent. */
const httpJson: FetchJson = (url) => httpGet(url, 'json', { headers: { 'Api-User-Agent': USER_AGENT } });

/** Searches, entities and pages are kept in IndexedDB one by one, so a note looked up once opens at once; this drops the ones too old to use. */
export function pruneOldAnswers(): Promise<number> {
  return pruneAnswers();
}

/** One request at a time, backing off after 429 and 5xx. */
const fetchJson = rateLimited(httpJson, { minIntervalMs: 50, backoffMs: 2000, maxBackoffMs: 60_000, sleep });

/** Searches by name, entities by QID and pages by title, one by one. */
const itemCache: Cache = { store: answerCache, policy: ANSWER_POLICIES.notes };

function failure(error: unknown): { ok: false; offline: boolean; error: string } {
  return { ok: false, offline: isOffline() || error instanceof UnreachableError, error: failureMessage(error) };
}

/**
 * Links names for a card or the popup, with the article's context (compared here, never sent); every failure becomes an
 * answer the card can show, with a retry.
 */
export async function lookUp(names: NameToLink[], date: string | null, context?: ArticleContext): Promise<KnowledgeResponse> {
  try {
    const provider = new WikimediaProvider(fetchJson, await readSettings(), itemCache);
    const results = await provider.link(names, date, context);
    // Offline, or with no server reachable at all, the failures are all one: say that, so the card says it quietly.
    const failures = [...results.values()].flatMap((r) => (r.status === 'failed' ? [r.message] : []));
    if (failures.length && (isOffline() || failures.every(isUnreachable))) return { ok: false, offline: true, error: t('serviceOffline') };
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

/** A note's picture is a thumbnail of about 160 px: anything much larger is not one. */
const MAX_THUMBNAIL_BYTES = 512 * 1024;
const PICTURE_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);

/** Whether a note's picture may be fetched: from Wikimedia's image host over https, or from the configured Wikipedia server. */
export function thumbnailAllowed(url: string, settings: Pick<Settings, 'wikipediaBase'>): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'https:' && parsed.host === WIKIMEDIA_IMAGE_HOST) return true;
  try {
    return parsed.origin === new URL(settings.wikipediaBase).origin;
  } catch {
    return false;
  }
}

const PICTURE_KEY = 'thumbnail|';

/** A picture as a data: URL, kept with the answers by its address. */
const cachedPicture = cachedFetch(
  async (key: string) => {
    const { bytes, type } = await httpGetBytes(key.slice(PICTURE_KEY.length), {
      headers: { 'Api-User-Agent': USER_AGENT },
      maxBytes: MAX_THUMBNAIL_BYTES,
    });
    if (!PICTURE_TYPES.has(type)) throw new Error(t('thumbnailRefused'));
    return dataUrl(bytes, type);
  },
  { store: answerCache, policy: ANSWER_POLICIES.pictures },
);

function dataUrl(bytes: Uint8Array, type: string): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:${type};base64,${btoa(binary)}`;
}

/**
 * A note's picture, once the reader has its note on screen: fetched here (never by the page, and never on page load),
 * cached with the answers, and handed over as a data: URL, which the card shows inside its closed shadow root (no page
 * CSP applies to it, no page script can read it). Only pictures of the configured servers, of a picture's types and size.
 */
export async function thumbnail(url: string): Promise<ThumbnailResponse> {
  const settings = await readSettings();
  if (!thumbnailAllowed(url, settings)) return { ok: false, error: t('thumbnailRefused') };
  try {
    return { ok: true, dataUrl: await cachedPicture(`${PICTURE_KEY}${url}`) };
  } catch (error) {
    return { ok: false, error: failureMessage(error) };
  }
}
