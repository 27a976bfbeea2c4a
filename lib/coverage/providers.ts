import { type NewsQuery, phrases } from './query';
import { parseRss } from './rss';
import type { CoverageItem, CoverageSource } from './types';

const DAY = 86_400_000;

export type NewsSource = Exclude<CoverageSource, 'article' | 'history'>;

/** Where news search goes, and the reader's own API keys; tests point the bases at a local server. */
export interface NewsSettings {
  googleNewsBase: string;
  gdeltBase: string;
  guardianBase: string;
  nytBase: string;
  guardianKey: string;
  nytKey: string;
  /** how far before the article's date to search */
  windowDays: number;
  /** search only the article's own publisher */
  sameSite: boolean;
}

export const DEFAULT_NEWS: NewsSettings = {
  googleNewsBase: 'https://news.google.com',
  gdeltBase: 'https://api.gdeltproject.org',
  guardianBase: 'https://content.guardianapis.com',
  nytBase: 'https://api.nytimes.com',
  guardianKey: '',
  nytKey: '',
  windowDays: 30,
  sameSite: false,
};

/** One news search service: how to ask it, and how to read its answer. */
/** Why a service is not asked: it needs the reader's API key, or the article is older than the service reaches back. */
export type Unavailable = 'needs-key' | 'too-old';

export interface NewsProvider {
  id: NewsSource;
  label: string;
  /** the answer's body: parsed JSON, or text (RSS) */
  format: 'json' | 'text';
  /** the least time between two requests to it */
  minIntervalMs: number;
  /** its answers carry no CORS headers, so the extension reads them only with host access to its server */
  needsHostAccess?: true;
  /** why it cannot be asked for this query (the interface words it), or null when it can */
  unavailable(query: NewsQuery, now: number): Unavailable | null;
  url(query: NewsQuery): string;
  parse(body: unknown): CoverageItem[];
}

const enc = encodeURIComponent;
const compact = (day: string) => day.replace(/-/g, '');
const isoOrNull = (value: unknown): string | null => {
  if (typeof value !== 'string' || !value) return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
};
const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const isHttp = (url: string) => /^https?:\/\//i.test(url);

type Fields = Omit<CoverageItem, 'source'>;

/** The items of a JSON answer's result list, each read by `read`; anything without a title or an http(s) URL is dropped. */
function jsonItems(list: unknown, source: CoverageItem['source'], read: (row: Record<string, unknown>) => Fields): CoverageItem[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((row: unknown) => {
    if (typeof row !== 'object' || row === null) return [];
    const item = read(row as Record<string, unknown>);
    return isHttp(item.url) && item.title ? [{ ...item, source }] : [];
  });
}

function googleNews(settings: NewsSettings): NewsProvider {
  return {
    id: 'google-news',
    label: 'Google News',
    format: 'text',
    minIntervalMs: 1000,
    needsHostAccess: true,
    unavailable: () => null,
    url(q) {
      const terms = [phrases(q.names), `before:${q.before}`, `after:${q.after}`, q.site ? `site:${q.site}` : ''].filter(Boolean).join(' ');
      return `${settings.googleNewsBase}/rss/search?q=${enc(terms)}&hl=en-US&gl=US&ceid=US:en`;
    },
    parse(body) {
      return parseRss(str(body)).map((item) => {
        // Google News titles end in " - Publisher".
        const suffix = item.source ? ` - ${item.source}` : '';
        const title = suffix && item.title.endsWith(suffix) ? item.title.slice(0, -suffix.length) : item.title;
        return { url: item.link, title, publisher: item.source, date: isoOrNull(item.pubDate), source: 'google-news' };
      });
    },
  };
}

/** GDELT's DOC 2.0 API searches a rolling window of about three months, and asks for one request per five seconds. */
const GDELT_WINDOW_DAYS = 90;

function gdelt(settings: NewsSettings): NewsProvider {
  return {
    id: 'gdelt',
    label: 'GDELT',
    format: 'json',
    minIntervalMs: 5000,
    unavailable: (q, now) => (Date.parse(q.before) < now - GDELT_WINDOW_DAYS * DAY ? 'too-old' : null),
    url(q) {
      const query = [phrases(q.names), q.site ? `domain:${q.site}` : ''].filter(Boolean).join(' ');
      return `${settings.gdeltBase}/api/v2/doc/doc?query=${enc(query)}&mode=ArtList&format=json&maxrecords=25&sort=DateDesc&startdatetime=${compact(q.after)}000000&enddatetime=${compact(q.before)}000000`;
    },
    parse(body) {
      return jsonItems((body as { articles?: unknown } | null)?.articles, 'gdelt', (a) => {
        // seendate is "20141118T051500Z".
        const seen = /^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/.exec(str(a.seendate));
        const date = seen ? `${seen[1]}-${seen[2]}-${seen[3]}T${seen[4]}:${seen[5]}:${seen[6]}.000Z` : null;
        return { url: str(a.url), title: str(a.title), publisher: str(a.domain) || null, date };
      });
    },
  };
}

function guardian(settings: NewsSettings): NewsProvider {
  return {
    id: 'guardian',
    label: 'The Guardian',
    format: 'json',
    minIntervalMs: 1000,
    unavailable: () => (settings.guardianKey ? null : 'needs-key'),
    url: (q) =>
      `${settings.guardianBase}/search?q=${enc(phrases(q.names, ' AND '))}&from-date=${q.after}&to-date=${q.before}&order-by=newest&page-size=20&api-key=${enc(settings.guardianKey)}`,
    parse: (body) =>
      jsonItems((body as { response?: { results?: unknown } } | null)?.response?.results, 'guardian', (r) => ({
        url: str(r.webUrl),
        title: str(r.webTitle),
        publisher: 'The Guardian',
        date: isoOrNull(r.webPublicationDate),
      })),
  };
}

function nyt(settings: NewsSettings): NewsProvider {
  return {
    id: 'nyt',
    label: 'The New York Times',
    format: 'json',
    minIntervalMs: 12_000,
    unavailable: () => (settings.nytKey ? null : 'needs-key'),
    url: (q) =>
      `${settings.nytBase}/svc/search/v2/articlesearch.json?q=${enc(phrases(q.names))}&begin_date=${compact(q.after)}&end_date=${compact(q.before)}&sort=newest&api-key=${enc(settings.nytKey)}`,
    parse: (body) =>
      jsonItems((body as { response?: { docs?: unknown } } | null)?.response?.docs, 'nyt', (d) => ({
        url: str(d.web_url),
        title: str((d.headline as { main?: unknown } | null | undefined)?.main),
        publisher: str(d.source) || 'The New York Times',
        date: isoOrNull(d.pub_date),
      })),
  };
}

/** Every news search service, best first; the background asks those available for the query. */
export function newsProviders(settings: NewsSettings = DEFAULT_NEWS): NewsProvider[] {
  return [googleNews(settings), gdelt(settings), guardian(settings), nyt(settings)];
}
