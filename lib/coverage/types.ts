/** Earlier coverage: what the article links to, what the reader read before, and what news search finds. */
import type { EntityType } from '../analyze/types';

/** Where an item of earlier coverage came from, best first. */
export type CoverageSource = 'article' | 'history' | 'google-news' | 'gdelt' | 'guardian' | 'nyt';

export interface CoverageItem {
  url: string;
  title: string;
  publisher: string | null;
  /** ISO date (or date-time) of publication, when known */
  date: string | null;
  source: CoverageSource;
}

/** One of an article's entities as history keeps it: how central it was to that article (0–1]. */
export interface ArticleEntity {
  name: string;
  type: EntityType;
  weight: number;
  /** Wikidata id, once the reader looked the name up */
  qid?: string;
  /** other full forms that name the same entity ("Raheel Sharif" for "General Raheel Sharif") */
  variants?: string[];
}

/** An article the reader opened, as history keeps it on the device. */
export interface HistoryRecord {
  /** canonical URL: the record's key */
  url: string;
  title: string;
  publisher: string | null;
  published: string | null;
  lang: string | null;
  entities: ArticleEntity[];
  /** when the reader first opened it (ms since epoch) */
  readAt: number;
  /** when the reader last opened it */
  lastReadAt: number;
}

/** An earlier article from the reader's history that shares names with this one. */
export interface HistoryMatch {
  record: HistoryRecord;
  score: number;
  /** the shared names, most central first, as this article writes them */
  shared: string[];
}
