import { cachedFetch, type FetchJson, type NameToLink, RetryableError, rateLimited, WikimediaProvider } from '../lib/knowledge';
import type { KnowledgeResponse, PublisherResponse } from '../lib/messaging';
import { answerCache, pruneAnswers } from './answer-cache';
import { readSettings } from './settings';

const USER_AGENT = 'Backstory/0.1 (news context browser extension)';
const DAY = 86_400_000;
const TIMEOUT_MS = 10_000;

/** GET JSON without cookies, with the Api-User-Agent Wikimedia asks for; 429 and 5xx are worth backing off from. */
const httpJson: FetchJson = async (url) => {
  const response = await fetch(url, { credentials: 'omit', headers: { 'Api-User-Agent': USER_AGENT }, signal: AbortSignal.timeout(TIMEOUT_MS) });
  if (response.status === 429 || response.status >= 500)
    throw new RetryableError(`${new URL(url).host} answered ${response.status}`, response.status);
  if (!response.ok) throw new Error(`${new URL(url).host} answered ${response.status}`);
  try {
    return await response.json();
  } catch {
    throw new Error(`${new URL(url).host} sent something that is not JSON`);
  }
};

const MAX_AGE_MS = 90 * DAY;

/** Answers are kept in IndexedDB by URL, so a note looked up once opens at once; this drops the ones too old to use. */
export function pruneOldAnswers(): Promise<number> {
  return pruneAnswers(MAX_AGE_MS);
}

const fetchJson = cachedFetch(
  rateLimited(httpJson, { minIntervalMs: 50, backoffMs: 2000, maxBackoffMs: 60_000, sleep: (ms) => new Promise((r) => setTimeout(r, ms)) }),
  answerCache,
  { freshMs: 7 * DAY, maxAgeMs: MAX_AGE_MS },
);

function failure(error: unknown): { ok: false; offline: boolean; error: string } {
  const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
  return { ok: false, offline, error: error instanceof Error ? error.message : String(error) };
}

/** Links names for a card or the popup; every failure becomes an answer the card can show, with a retry. */
export async function lookUp(names: NameToLink[], date: string | null): Promise<KnowledgeResponse> {
  try {
    const provider = new WikimediaProvider(fetchJson, await readSettings());
    const results = await provider.link(names, date);
    return { ok: true, results: Object.fromEntries(results) };
  } catch (error) {
    return failure(error);
  }
}

/** The outlet behind a page, for the popup's header. */
export async function lookUpPublisher(name: string, siteUrl: string, date: string | null): Promise<PublisherResponse> {
  try {
    const provider = new WikimediaProvider(fetchJson, await readSettings());
    return { ok: true, note: await provider.publisher(name, siteUrl, date) };
  } catch (error) {
    return failure(error);
  }
}
