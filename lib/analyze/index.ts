import { confirm, countWords, type GateSignals, gate, type Verdict } from '../detect';
import { findEntities } from '../entities';
import { detectLanguage, type Extraction, extractArticle, type PageDocument } from '../extract';
import { findQuotes } from '../quotes';
import type { AnalysisResult, Article, Entity, LanguageSupport, Quote, Span } from './types';

export type * from './types';

export interface TextAnalysis {
  entities: Entity[];
  quotes: Quote[];
  nlp: LanguageSupport;
}

export const SUPPORTED_LANGUAGES = new Set(['en']);

export function languageSupport(language: string | null): LanguageSupport {
  const supported = language === null || SUPPORTED_LANGUAGES.has(language);
  return { language, supported, notice: supported ? null : 'Names and quotes: English only for now.' };
}

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

/** The article's <blockquote> paragraphs as spans of its text. */
function blockQuoteSpans(extraction: Extraction): Span[] {
  return extraction.blocks.flatMap((block, i) => {
    if (block.tag !== 'blockquote') return [];
    const start = extraction.blockStarts[i] ?? 0;
    return [{ start, end: start + block.text.length }];
  });
}

export interface PageAnalysis extends AnalysisResult {
  extraction: Extraction | null;
  gate: Verdict;
}

export interface PageOptions {
  /** extract the text even from a page the gate refused (the CLI does, for measurement); the page stays "not an article" */
  alwaysExtract?: boolean;
}

/** The whole pipeline on a page: gate, extraction, confirmation, then entities and quotes of the article text. */
export function analyzePage(doc: PageDocument, signals: GateSignals, options: PageOptions = {}): PageAnalysis {
  const gateVerdict = gate(signals);
  if (!gateVerdict.isArticle) {
    const extraction = options.alwaysExtract ? extractArticle(doc) : null;
    const nlp = languageSupport(extraction?.article.lang ?? null);
    return {
      isArticle: false,
      reason: gateVerdict.reason,
      nlp,
      article: extraction?.article ?? null,
      entities: [],
      quotes: [],
      extraction,
      gate: gateVerdict,
    };
  }
  const extraction = extractArticle(doc);
  const verdict = confirm(gateVerdict, { words: countWords(extraction.article.text), paragraphs: extraction.blocks.length });
  if (!verdict.isArticle) {
    const nlp = languageSupport(extraction.article.lang);
    return { isArticle: false, reason: verdict.reason, nlp, article: extraction.article, entities: [], quotes: [], extraction, gate: gateVerdict };
  }
  return {
    isArticle: true,
    reason: verdict.reason,
    article: extraction.article,
    ...analyzeText(extraction.article.text, extraction.article.lang, blockQuoteSpans(extraction)),
    extraction,
    gate: gateVerdict,
  };
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
