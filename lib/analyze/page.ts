// The page half of the pipeline, with no NLP in it: the analyser in the page runs this, and leaves names and quotes to
// the background (see entrypoints/analyzer.ts), so the lexicons never load into a page and never block it.
import { confirm, countWords, type GateSignals, gate, type Verdict } from '../detect';
import { type Extraction, extractArticle, PARAGRAPH_SEPARATOR, type PageDocument } from '../extract';
import { withinLimits } from './bounds';
import { languageSupport } from './language';
import type { Article, Entity, LanguageSupport, Quote, Span } from './types';

export interface PageExtraction {
  isArticle: boolean;
  reason: string;
  nlp: LanguageSupport;
  article: Article | null;
  extraction: Extraction | null;
  gate: Verdict;
  /** the article's <blockquote> passages, as spans of its text: quoted even without quote marks */
  blockQuotes: Span[];
  /** empty here: names and quotes come from analyzeText */
  entities: Entity[];
  quotes: Quote[];
}

export interface PageOptions {
  /** extract the text even from a page the gate refused (the CLI does, for measurement); the page stays "not an article" */
  alwaysExtract?: boolean;
  /**
   * the reader asked for this page to be analysed ("Analyse this page"): it is taken as an article whatever the gate and
   * the confirmation said, as long as extraction finds text in it
   */
  readerAsked?: boolean;
}

/** Fewer words than this, even at the reader's request, is no text to analyse (an empty page, a login wall). */
const MIN_ASKED_WORDS = 20;

function blockQuoteSpans(extraction: Extraction): Span[] {
  return extraction.blocks.flatMap((block, i) => {
    if (block.tag !== 'blockquote' && !block.quoted) return [];
    const start = extraction.blockStarts[i] ?? 0;
    return [{ start, end: start + block.text.length }];
  });
}

/** The extraction cut to the analysis' limits (ANALYSIS_LIMITS): its first paragraphs, and what was left out. */
function limitExtraction(extraction: Extraction): Extraction {
  const { count, chars, limited } = withinLimits(
    extraction.blocks.map((b) => b.text),
    PARAGRAPH_SEPARATOR,
  );
  if (!limited) return extraction;
  const { article } = extraction;
  return {
    ...extraction,
    blocks: extraction.blocks.slice(0, count),
    blockStarts: extraction.blockStarts.slice(0, count),
    article: { ...article, text: article.text.slice(0, chars), limited },
  };
}

const extractWithinLimits = (doc: PageDocument) => limitExtraction(extractArticle(doc));

/** Gate, extraction and confirmation: whether the page is an article, and its text and metadata. */
export function extractPage(doc: PageDocument, signals: GateSignals, options: PageOptions = {}): PageExtraction {
  const page = extractVerdict(doc, signals, options);
  if (page.isArticle || !options.readerAsked) return page;
  const extraction = page.extraction ?? extractWithinLimits(doc);
  const words = countWords(extraction.article.text);
  if (words < MIN_ASKED_WORDS)
    return { ...page, extraction, article: extraction.article, reason: `${page.reason}; nothing to analyse found (${words} words)` };
  return {
    ...page,
    isArticle: true,
    reason: `analysed at the reader's request (${page.reason})`,
    nlp: languageSupport(extraction.article.lang),
    article: extraction.article,
    extraction,
    blockQuotes: blockQuoteSpans(extraction),
  };
}

function extractVerdict(doc: PageDocument, signals: GateSignals, options: PageOptions): PageExtraction {
  const gateVerdict = gate(signals);
  const none = { entities: [] as Entity[], quotes: [] as Quote[], blockQuotes: [] as Span[], gate: gateVerdict };
  if (!gateVerdict.isArticle) {
    const extraction = options.alwaysExtract ? extractWithinLimits(doc) : null;
    return {
      ...none,
      isArticle: false,
      reason: gateVerdict.reason,
      nlp: languageSupport(extraction?.article.lang ?? null),
      article: extraction?.article ?? null,
      extraction,
    };
  }
  const extraction = extractWithinLimits(doc);
  const verdict = confirm(gateVerdict, {
    words: countWords(extraction.article.text),
    paragraphs: extraction.blocks.length,
    ...extraction.layout,
    dated: !!extraction.article.published,
  });
  const nlp = languageSupport(extraction.article.lang);
  if (!verdict.isArticle) return { ...none, isArticle: false, reason: verdict.reason, nlp, article: extraction.article, extraction };
  return { ...none, isArticle: true, reason: verdict.reason, nlp, article: extraction.article, extraction, blockQuotes: blockQuoteSpans(extraction) };
}
