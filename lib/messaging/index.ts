/** The one message protocol between the content scripts, the background and the popup: payloads typed end to end. */
import type { AnalysisResult, Article, LanguageSupport, Span } from '../analyze/types';
import type { Off } from '../control';
import type { CoverageItem, HistoryMatch, NewsQuery, NewsSource } from '../coverage';
import type { BackgroundNote, LinkResult, NameToLink } from '../knowledge';
import type { PackedAnalysis, PackedResult } from './packed';

export * from './packed';

/** The background's answer to a look-up: notes by entity id, or why there are none. */
export type KnowledgeResponse = { ok: true; results: Record<string, LinkResult> } | { ok: false; offline: boolean; error: string };

/** A background note's picture, fetched by the background and handed over as a data: URL (no page's CSP blocks it). */
export type ThumbnailResponse = { ok: true; dataUrl: string } | { ok: false; error: string };

/** What a news search would send, shown in the popup before the reader clicks. */
export interface SearchPreview {
  names: string[];
  /** the article's date (YYYY-MM-DD): results are before it */
  before: string;
}

export type PublisherResponse = { ok: true; note: BackgroundNote | null } | { ok: false; offline: boolean; error: string };

/** Earlier articles from the reader's history. */
export interface HistoryResponse {
  matches: HistoryMatch[];
  /**
   * recording is paused or this site is excluded: the reader should know why nothing new appears; 'unavailable' when
   * the history cannot be read (a newer Backstory upgraded it)
   */
  recording: 'on' | 'paused' | 'excluded' | 'unavailable';
}

export interface SearchFailure {
  source: NewsSource;
  label: string;
  message: string;
  /** a service not asked because it needs the reader's API key (the settings take it) */
  needsKey?: boolean;
}

export interface SearchResponse {
  /** null when the article names nobody to search for */
  query: NewsQuery | null;
  results: CoverageItem[];
  /** sources asked that failed (retry is worth it) */
  failed: SearchFailure[];
  /** sources not asked, and why (no API key, outside the window) */
  skipped: SearchFailure[];
}

export interface HistorySummary {
  count: number;
  corrupted: number;
  /** what the reader should be told: records pruned for quota, and the like */
  notice: string | null;
}

/** `skipped`: damaged records left out; `pruned`: oldest history records removed to make room (the reader is told). */
export type ImportResponse = { ok: true; imported: number; skipped: number; pruned: number } | { ok: false; error: string };

/** The export file, how many records it holds, and how many damaged ones could not go in it. */
export interface ExportResponse {
  json: string;
  exported: number;
  skipped: number;
}

/** What the background keeps about a tab's page; of a page that is not an article, not its URL (`url` is empty). */
export interface TabState {
  url: string;
  isArticle: boolean;
  reason: string;
  /** present once the analyser ran on an article */
  result: AnalysisResult | null;
  analysedAt: number;
  /** why the analysis is missing when it should be there (it could not be kept): shown to the reader */
  problem?: string;
  /** the reader turned highlighting off here (paused, or this site): the gate did nothing else */
  off?: Off;
}

/** A tab's state as it goes to the popup: the analysis packed against its article's text (see packed.ts). */
export type PackedTabState = Omit<TabState, 'result'> & { result: PackedResult | null };

/** What the analyser extracted from its page: the verdict, and the article with its text (sent this once). */
export interface PageExtract {
  url: string;
  isArticle: boolean;
  reason: string;
  /** the language support the page's extraction saw: the answer's, where nothing is analysed */
  nlp: LanguageSupport;
  article: Article | null;
  blockQuotes: Span[];
}

export interface Protocol {
  /** gate → background: the cheap gate's verdict; an article gets the analyser injected */
  'page/gated': { request: { url: string; isArticle: boolean; reason: string; off?: Off }; response: { injected: boolean } };
  /** popup → background, on the reader's click on "Analyse this page": the analyser runs on a page the gate refused or left alone */
  /** `confirm`: the reader opened the popup with Backstory set to work only on a click: the analyser checks it is an article */
  'page/analyse': { request: { tabId: number; confirm?: boolean }; response: { started: boolean; error?: string } };
  /**
   * analyser → background: names and quotes of a long article's first part, found in the background so the page never
   * waits on them; packed against the text sent (all the page's cards show: attributed quotes only)
   */
  'text/analyse': { request: { text: string; language: string | null; blockQuotes: Span[] }; response: PackedAnalysis };
  /**
   * analyser → background: the page's extraction. The background analyses the article, keeps the whole result for the
   * tab (the popup, the badge, the history and look-ups read it there) and answers with what the page highlights and
   * its cards show, packed against the article's text the page holds. Nothing is sent back.
   */
  'page/extracted': { request: PageExtract; response: PackedAnalysis };
  /** popup → background: what is known of a tab */
  'popup/tab-state': { request: { tabId: number }; response: PackedTabState | null };
  /**
   * card or popup → background, on the reader's hover, focus or click: background notes for names. Only the names are
   * sent on to Wikimedia; the article's context stays in the browser and helps choose among namesakes.
   */
  'knowledge/link': {
    /** `context`: the card's page's; `tabId`: the popup's tab, whose context the background builds from its analysis */
    request: { names: NameToLink[]; date: string | null; tabId?: number };
    response: KnowledgeResponse;
  };
  /** card or popup → background, once a note is on screen: its picture (only from Wikimedia's image host or the configured server) */
  'knowledge/thumbnail': { request: { url: string }; response: ThumbnailResponse };
  /**
   * popup → background, when the popup opens: the outlet behind the tab's article. Only the part of its name that the
   * tab's own address vouches for is sent (see vouchedPublisherName); the site is compared locally.
   */
  'knowledge/publisher': { request: { tabId: number }; response: PublisherResponse };
  /** popup → background, when it opens: earlier articles in the reader's history sharing names with the tab's article */
  'coverage/history': { request: { tabId: number }; response: HistoryResponse };
  /** popup → background, when it opens: the names and date a news search would send (nothing is sent) */
  'coverage/preview': { request: { tabId: number }; response: SearchPreview | null };
  /** popup → background, on the reader's click: news search before the article's date (names and dates only) */
  'coverage/search': { request: { tabId: number; sources?: NewsSource[] }; response: SearchResponse };
  /** options → background: the history's size and anything the reader should know */
  'history/summary': { request: Record<string, never>; response: HistorySummary };
  'history/clear': { request: Record<string, never>; response: { removed: number } };
  'history/export': { request: Record<string, never>; response: ExportResponse };
  'history/import': { request: { json: string }; response: ImportResponse };
}

export type MessageType = keyof Protocol;

/** Who sends a message: the content scripts in a web page's tab, or the extension's own pages (popup, options). */
export type SenderKind = 'page' | 'extension';

/**
 * Who may send each message; the background refuses the rest. A web page's content scripts analyse and look names
 * up; only the extension's own pages read a tab's analysis and the history, search the news, or export, import and
 * clear the history.
 */
export const ALLOWED_SENDERS: Record<MessageType, readonly SenderKind[]> = {
  'page/gated': ['page'],
  'text/analyse': ['page'],
  'page/extracted': ['page'],
  'page/analyse': ['extension'],
  'popup/tab-state': ['extension'],
  'knowledge/link': ['page', 'extension'],
  'knowledge/thumbnail': ['page', 'extension'],
  'knowledge/publisher': ['extension'],
  'coverage/history': ['extension'],
  'coverage/preview': ['extension'],
  'coverage/search': ['extension'],
  'history/summary': ['extension'],
  'history/clear': ['extension'],
  'history/export': ['extension'],
  'history/import': ['extension'],
};
export type Request<K extends MessageType> = Protocol[K]['request'];
export type Response<K extends MessageType> = Protocol[K]['response'];

export interface Envelope<K extends MessageType = MessageType> {
  backstory: 1;
  type: K;
  data: Request<K>;
}

export function envelope<K extends MessageType>(type: K, data: Request<K>): Envelope<K> {
  return { backstory: 1, type, data };
}

export function isEnvelope(value: unknown): value is Envelope {
  return typeof value === 'object' && value !== null && (value as Envelope).backstory === 1 && typeof (value as Envelope).type === 'string';
}
