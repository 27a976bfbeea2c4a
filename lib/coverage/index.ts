/** Earlier coverage: the article's own links, the reader's history on the device, and news search before its date. */
import type { RelatedLink } from '../analyze/types';
import { dateFromUrl } from '../extract';
import type { CoverageItem } from './types';

export { DEFAULT_NEWS, type NewsProvider, type NewsSettings, type NewsSource, newsProviders } from './providers';
export { buildNewsQuery, type NewsQuery, phrases, type QueryOptions } from './query';
export { type CurrentArticle, entityKeys, nameKey, rankHistory } from './rank';
export { centralEntities, recordFromAnalysis, recordKey } from './record';
export { decodeEntities, parseRss, type RssItem } from './rss';
export { buildTimeline, mergeCoverage, type TimelineEntry, urlKey } from './timeline';
export type * from './types';

/** The article's own "Also read" links as coverage items, dated when the URL carries a date. */
export function linksAsCoverage(links: RelatedLink[]): CoverageItem[] {
  return links.map((l) => ({ url: l.href, title: l.text, publisher: null, date: dateFromUrl(l.href), source: 'article' }));
}
