import type { GateSignals } from '../detect';
import { entitySteps, tokenize } from '../entities';
import { nerResources } from '../entities/model';
import { detectLanguage, type PageDocument } from '../extract';
import { quoteSteps } from '../quotes';
import { finish } from '../steps';
import { mergeSectionSteps, type SectionAnalysis, sections, WHOLE_TEXT_CHARS } from './bounds';
import { languageSupport, nlpLanguage } from './language';
import { extractPage, type PageExtraction, type PageOptions } from './page';
import type { AnalysisResult, Article, Entity, LanguageSupport, Quote, Span } from './types';

export type * from './types';

export interface TextAnalysis {
  entities: Entity[];
  quotes: Quote[];
  nlp: LanguageSupport;
}

export { ANALYSIS_LIMITS, limitText, SECTION_CHARS, sections, WHOLE_TEXT_CHARS } from './bounds';
export { languageSupport, nlpLanguage, SUPPORTED_LANGUAGES } from './language';
export { extractPage, type PageExtraction, type PageOptions } from './page';

/**
 * Entities and quotes of plain text, step by step, so the background can answer other tabs in between: the generator
 * yields after the model's first-use set-up, and after the names and after the quotes of each piece. A text longer than
 * WHOLE_TEXT_CHARS is analysed in sections (see lib/analyze/bounds.ts). Where it yields changes nothing in the result.
 */
export function* analysisSteps(
  text: string,
  language: string | null = detectLanguage(text),
  blockQuotes: Span[] = [],
): Generator<void, TextAnalysis> {
  const nlp = languageSupport(language);
  if (!nlp.supported) return { entities: [], quotes: [], nlp };
  // (A text whose language is unknown is read as English.)
  const lang = nlpLanguage(language);
  // A language's model is parsed and its word lists built on its first use: a step of their own.
  nerResources(lang);
  yield;
  if (text.length <= WHOLE_TEXT_CHARS) {
    const { entities, tokens } = yield* entitySteps(text, lang);
    yield;
    return { entities, quotes: yield* quoteSteps(text, entities, { blockQuotes, language: lang, tokens }), nlp };
  }
  const parts: SectionAnalysis[] = [];
  for (const { start, end } of sections(text)) {
    const piece = text.slice(start, end);
    const inside = blockQuotes.filter((b) => b.start >= start && b.end <= end).map((b) => ({ start: b.start - start, end: b.end - start }));
    const { entities, tokens } = yield* entitySteps(piece, lang);
    yield;
    parts.push({ offset: start, entities, quotes: yield* quoteSteps(piece, entities, { blockQuotes: inside, language: lang, tokens }) });
    yield;
  }
  return { ...(yield* mergeSectionSteps(parts)), nlp };
}

/** The beginnings of a text the engine warms up on (see warmUpSteps), each cut after a paragraph or sentence. */
const WARM_UP_CHARS = [500, 1500, 4000];

/**
 * Steps to run before a process's first analyses, whose results are dropped: the names and quotes of growing beginnings
 * of `text`, shorter than it, past the `from` characters an earlier warm-up covered. The engine's code runs slowly on
 * first use (interpreted, its regular expressions not yet compiled); run on a little text at a time, it is fast by the
 * time analysisSteps comes, so no step of that takes long. Returns how far the warm-up has now gone.
 */
export function* warmUpSteps(text: string, language: string | null = detectLanguage(text), from = 0): Generator<void, number> {
  const todo = WARM_UP_CHARS.filter((chars) => chars > from);
  if (!todo.length || !languageSupport(language).supported) return from;
  const lang = nlpLanguage(language);
  nerResources(lang);
  yield;
  let done = from;
  for (const chars of todo) {
    // (Only the first section is wanted: it depends on the text's first `chars` characters and on there being more.)
    const end = sections(text.slice(0, chars + 1), chars)[0]?.end ?? 0;
    if (end >= text.length) break;
    const piece = text.slice(0, end);
    // (The tokens apart, at first: the tokenizer's expression is compiled on its first use.)
    const tokens = tokenize(piece, lang);
    yield;
    const { entities } = yield* entitySteps(piece, lang, tokens);
    yield;
    yield* quoteSteps(piece, entities, { language: lang, tokens });
    done = chars;
    yield;
  }
  return done;
}

/**
 * A process's warm-up, kept per language: each language has its own model and word lists to set up and its own
 * expressions to compile, so an English warm-up leaves a later German article cold.
 */
export class WarmUp {
  private readonly done = new Map<string, number>();

  /** The warm-up steps `text` still calls for in its language (none once that language is warm). */
  *steps(text: string, language: string | null = detectLanguage(text)): Generator<void, void> {
    const lang = nlpLanguage(language);
    this.done.set(lang, yield* warmUpSteps(text, language, this.done.get(lang) ?? 0));
  }
}

/**
 * Entities and quotes of plain text; offsets are UTF-16 indices into `text`. Nothing is guessed for other languages.
 * `blockQuotes` are passages the page set apart as quotations (<blockquote>), quoted even without quote marks.
 */
export function analyzeText(text: string, language: string | null = detectLanguage(text), blockQuotes: Span[] = []): TextAnalysis {
  return finish(analysisSteps(text, language, blockQuotes));
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
