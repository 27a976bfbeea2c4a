import { confirm, countWords, type GateSignals, gate, type Verdict } from '../detect';
import { findEntities } from '../entities';
import { type Extraction, extractArticle, type PageDocument } from '../extract';
import { findQuotes } from '../quotes';
import type { AnalysisResult, Article, Entity, Quote } from './types';

export type * from './types';

export interface TextAnalysis {
  entities: Entity[];
  quotes: Quote[];
}

/** Entities and quotes of plain text; offsets are UTF-16 indices into `text`. */
export function analyzeText(text: string): TextAnalysis {
  const { entities } = findEntities(text);
  return { entities, quotes: findQuotes(text, entities) };
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
    return {
      isArticle: false,
      reason: gateVerdict.reason,
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
    return { isArticle: false, reason: verdict.reason, article: extraction.article, entities: [], quotes: [], extraction, gate: gateVerdict };
  }
  return {
    isArticle: true,
    reason: verdict.reason,
    article: extraction.article,
    ...analyzeText(extraction.article.text),
    extraction,
    gate: gateVerdict,
  };
}

/** The serialisable part of an analysis, as the popup, the CLI and the evaluation read it. */
export function toResult(analysis: PageAnalysis): AnalysisResult {
  const { isArticle, reason, article, entities, quotes } = analysis;
  return { isArticle, reason, article, entities, quotes };
}

export function emptyArticle(text: string, published: string | null = null): Article {
  return { title: null, byline: null, siteName: null, published, updated: null, canonicalUrl: null, lang: null, text, relatedLinks: [] };
}
export { formatAge, formatDate } from './age';
