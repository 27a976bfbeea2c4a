import type { ArticleEntity } from './types';

const DAY = 86_400_000;

/** What a news search asks: the article's most central names, in a window that ends at the article's date. */
export interface NewsQuery {
  names: string[];
  /** YYYY-MM-DD: the article's date; results are before it */
  before: string;
  /** YYYY-MM-DD: the start of the window */
  after: string;
  /** the publisher's host, to search its own earlier coverage only */
  site: string | null;
}

export interface QueryOptions {
  windowDays?: number;
  site?: string | null;
  now?: number;
  /** at most this many names: each one narrows the search */
  maxNames?: number;
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The query for the news search: the most central person, then the most central other name (an organisation or a
 * second person); places only when the article names nothing else. Null when the article names nobody.
 */
export function buildNewsQuery(entities: ArticleEntity[], published: string | null, options: QueryOptions = {}): NewsQuery | null {
  const { windowDays = 30, site = null, now = Date.now(), maxNames = 2 } = options;
  const ranked = [...entities].sort((a, b) => b.weight - a.weight);
  const notPlaces = ranked.filter((e) => e.type === 'PER' || e.type === 'ORG');
  const pool = notPlaces.length ? notPlaces : ranked.filter((e) => e.type === 'LOC');
  const person = pool.find((e) => e.type === 'PER');
  const names = [...new Set([person, ...pool].filter((e): e is ArticleEntity => !!e).map((e) => e.name))].slice(0, maxNames);
  if (!names.length) return null;
  const parsed = published ? Date.parse(published) : Number.NaN;
  // A date that does not parse, or that no calendar can show after the window is taken off, counts as today.
  const end = Number.isFinite(parsed) && Number.isFinite(new Date(parsed - windowDays * DAY).getTime()) ? parsed : now;
  return { names, before: day(end), after: day(end - windowDays * DAY), site };
}

/** `"Mara Lindqvist" "Harbour Union"`: each name as a phrase. */
export function phrases(names: string[], joiner = ' '): string {
  return names.map((n) => `"${n.replace(/"/g, '')}"`).join(joiner);
}
