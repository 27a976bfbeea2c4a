import type { AnalysisResult, Entity } from '../analyze/types';
import { canonicalizeUrl } from '../extract';
import type { ArticleEntity, HistoryRecord } from './types';

/** More than this and the tail is names mentioned in passing, which only add noise to matching. */
const KEPT_ENTITIES = 15;

/**
 * How central each entity is to an article: mentions relative to the most mentioned, raised for names in the headline
 * and for speakers. Places weigh half: "Pakistan" is shared by too many unrelated stories to say much.
 */
export function centralEntities(result: Pick<AnalysisResult, 'entities' | 'quotes'>, title: string | null): ArticleEntity[] {
  const entities = result.entities.filter((e) => e.type !== 'MISC');
  const most = Math.max(1, ...entities.map((e) => e.mentions.length));
  const speakers = new Set(result.quotes.map((q) => q.speakerId).filter(Boolean));
  const headline = (title ?? '').toLowerCase();
  const scored = entities.map((e) => {
    let weight = e.mentions.length / most;
    if (e.variants.some((v) => v.length > 2 && headline.includes(v.toLowerCase()))) weight += 0.5;
    if (speakers.has(e.id)) weight += 0.25;
    if (e.type === 'LOC') weight /= 2;
    return { entity: e, weight: Math.min(1, weight) };
  });
  return scored
    .sort((a, b) => b.weight - a.weight || a.entity.name.localeCompare(b.entity.name))
    .slice(0, KEPT_ENTITIES)
    .map(({ entity, weight }) => toArticleEntity(entity, weight));
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
    entities: centralEntities(result, article.title),
    readAt: now,
    lastReadAt: now,
  };
}
