/** The one message protocol between the content scripts, the background and the popup: payloads typed end to end. */
import type { AnalysisResult } from '../analyze/types';
import type { BackgroundNote, LinkResult, NameToLink } from '../knowledge';

/** The background's answer to a look-up: notes by entity id, or why there are none. */
export type KnowledgeResponse = { ok: true; results: Record<string, LinkResult> } | { ok: false; offline: boolean; error: string };

export type PublisherResponse = { ok: true; note: BackgroundNote | null } | { ok: false; offline: boolean; error: string };

/** Where background notes come from; the options page edits it, tests point it at a local server. */
export interface Settings {
  wikidataBase: string;
  wikipediaBase: string;
}

/** What the background keeps about a tab's page. */
export interface TabState {
  url: string;
  isArticle: boolean;
  reason: string;
  /** present once the analyser ran on an article */
  result: AnalysisResult | null;
  analysedAt: number;
}

export interface Protocol {
  /** gate → background: the cheap gate's verdict; an article gets the analyser injected */
  'page/gated': { request: { url: string; isArticle: boolean; reason: string }; response: { injected: boolean } };
  /** analyser → background: the finished analysis of the tab's page */
  'page/analysed': { request: { url: string; result: AnalysisResult }; response: { stored: boolean } };
  /** popup → background: what is known of a tab */
  'popup/tab-state': { request: { tabId: number }; response: TabState | null };
  /** card or popup → background, on the reader's hover, focus or click: background notes for names (names only) */
  'knowledge/link': { request: { names: NameToLink[]; date: string | null }; response: KnowledgeResponse };
  /** popup → background, when the popup opens: the outlet behind the page (its name is sent; the site is compared locally) */
  'knowledge/publisher': { request: { name: string; siteUrl: string; date: string | null }; response: PublisherResponse };
}

export type MessageType = keyof Protocol;
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
