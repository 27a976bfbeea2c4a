import type { GateSignals } from '../detect';
import { findEntities } from '../entities';
import { detectLanguage, type PageDocument } from '../extract';
import { findQuotes } from '../quotes';
import { languageSupport } from './language';
import { extractPage, type PageExtraction, type PageOptions } from './page';
import type { AnalysisResult, Article, Entity, LanguageSupport, Quote, Span } from './types';

export type * from './types';

export interface TextAnalysis {
  entities: Entity[];
  quotes: Quote[];
  nlp: LanguageSupport;
}

export { languageSupport, SUPPORTED_LANGUAGES } from './language';
export { extractPage, type PageExtraction, type PageOptions } from './page';

/**
 * Entities and quotes of plain text; offsets are UTF-16 indices into `text`. Nothing is guessed for other languages.
 * `blockQuotes` are passages the page set apart as quotations (<blockquote>), quoted even without quote marks.
 */
export function analyzeText(text: string, language: string | null = detectLanguage(text), blockQuotes: Span[] = []): TextAnalysis {
  const nlp = languageSupport(language);
  if (!nlp.supported) return { entities: [], quotes: [], nlp };
  const { entities } = findEntities(text);
  return { entities, quotes: findQuotes(text, entities, blockQuotes), nlp };
}

export type PageAnalysis = PageExtraction;

/** The whole pipeline on a page: gate, extraction, confirmation, then entities and quotes of the article text. */
export function analyzePage(doc: PageDocument, signals: GateSignals, options: PageOptions = {}): PageAnalysis {
  const page = extractPage(doc, signals, options);
  if (!page.isArticle || !page.article) return page;
  return { ...page, ...analyzeText(page.article.text, page.article.lang, page.blockQuotes) };
}

/** The serialisable part of an analysis, as the popup, the CLI and the evaluation read it. */
export function toResult(analysis: PageAnalysis): AnalysisResult {
  const { isArticle, reason, nlp, article, entities, quotes } = analysis;
  return { isArticle, reason, nlp, article, entities, quotes };
}

export function emptyArticle(text: string, published: string | null = null): Article {
  return {
    title: null,
    byline: null,
    siteName: null,
    published,
    updated: null,
    canonicalUrl: null,
    publisherUrl: null,
    lang: null,
    text,
    relatedLinks: [],
  };
}
export { formatAge, formatDate } from './age';
