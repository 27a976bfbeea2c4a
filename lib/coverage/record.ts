import type { AnalysisResult, Entity } from '../analyze/types';
import { canonicalizeUrl } from '../extract';
import { salience } from '../salience';
import type { ArticleEntity, HistoryRecord } from './types';

/** More than this and the tail is names mentioned in passing, which only add noise to matching. */
const KEPT_ENTITIES = 15;

/** The article's names as history keeps them, by how central they are (lib/salience), weights capped at 1. */
export function centralEntities(result: Pick<AnalysisResult, 'entities' | 'quotes' | 'article'>): ArticleEntity[] {
  return salience(result)
    .slice(0, KEPT_ENTITIES)
    .map(({ entity, score }) => toArticleEntity(entity, Math.min(1, score)));
}

function toArticleEntity(e: Entity, weight: number): ArticleEntity {
  // Only multi-word variants: a bare surname would match every namesake.
  const variants = e.variants.filter((v) => v !== e.name && /\s/.test(v));
  return { name: e.name, type: e.type, weight: Math.round(weight * 1000) / 1000, ...(variants.length ? { variants } : {}) };
}

/** A history record's key: the article's canonical URL, else the page's, without tracking parameters. */
export function recordKey(canonicalUrl: string | null, pageUrl: string): string {
  return canonicalizeUrl(canonicalUrl ?? pageUrl);
}

/** The history record of an analysed article, or null when there is no article to keep. */
export function recordFromAnalysis(result: AnalysisResult, pageUrl: string, now: number): HistoryRecord | null {
  const article = result.article;
  if (!result.isArticle || !article) return null;
  return {
    url: recordKey(article.canonicalUrl, pageUrl),
    title: article.title ?? pageUrl,
    publisher: article.siteName,
    published: article.published,
    lang: article.lang,
    entities: centralEntities(result),
    readAt: now,
    lastReadAt: now,
  };
}
