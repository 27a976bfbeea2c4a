import { canonicalizeUrl } from '../extract';
import type { CoverageItem, CoverageSource } from './types';

const PRIORITY: CoverageSource[] = ['article', 'history', 'guardian', 'nyt', 'gdelt', 'google-news'];

/** One key per article across sources: canonical URL without scheme, "www." or a trailing slash. */
export function urlKey(url: string): string {
  return canonicalizeUrl(url)
    .replace(/^https?:\/\//i, '')
    .replace(/^www\./i, '')
    .replace(/\/+$/, '')
    .replace(/^[^/]+/, (host) => host.toLowerCase());
}

const time = (item: { date: string | null }) => (item.date ? Date.parse(item.date) || 0 : 0);

/**
 * Search results from every source as one list: one item per article (the best source's, filling in a missing date),
 * the current article left out, newest first, undated last.
 */
export function mergeCoverage(items: CoverageItem[], currentUrl: string | null): CoverageItem[] {
  const current = currentUrl ? urlKey(currentUrl) : null;
  const byKey = new Map<string, CoverageItem>();
  for (const item of items) {
    const key = urlKey(item.url);
    if (key === current) continue;
    const seen = byKey.get(key);
    if (!seen) byKey.set(key, item);
    else {
      const [best, other] = PRIORITY.indexOf(item.source) < PRIORITY.indexOf(seen.source) ? [item, seen] : [seen, item];
      byKey.set(key, { ...best, date: best.date ?? other.date, publisher: best.publisher ?? other.publisher });
    }
  }
  return [...byKey.values()].sort((a, b) => time(b) - time(a));
}

export interface TimelineEntry {
  item: CoverageItem;
  /** the article in front of the reader */
  current: boolean;
}

/** Earlier coverage from all sources on one dated list, oldest first, with the current article placed among it. */
export function buildTimeline(items: CoverageItem[], current: { url: string; title: string; date: string | null }): TimelineEntry[] {
  const dated = mergeCoverage(items, current.url).filter((i) => i.date);
  const entries: TimelineEntry[] = dated.map((item) => ({ item, current: false }));
  entries.push({ item: { url: current.url, title: current.title, publisher: null, date: current.date, source: 'article' }, current: true });
  // An undated current article goes last: it is the newest thing the reader has.
  return entries.sort((a, b) => (a.current && !a.item.date ? 1 : b.current && !b.item.date ? -1 : time(a.item) - time(b.item)));
}
