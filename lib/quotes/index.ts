import type { Entity, Quote, Span } from '../analyze/types';
import { finish, type Steps } from '../steps';
import { LOWER, startsWith } from '../text/chars';
import type { SentencePiece } from '../text/sentences';
import { type QuoteAnalysis, quoteAnalysisSteps } from './analysis';
import { blockSpans } from './blocks';
import { acceptQuotes, type Ranked, rankSpeaker } from './decode';
import { type SpeechLexicon, speechLexicon } from './lexicon';
import { findQuoteSpans } from './marks';
import { type QuoteModel, SHIPPED_MODEL } from './model';
import { type Attributed, rankContext } from './ranker';

export { SPEECH_LANGUAGES, speechLexicon } from './lexicon';
export { findQuoteSpans, type QuoteSpan } from './marks';
export type { QuoteModel } from './model';
export { passages } from './passages';

export interface QuoteOptions {
  /** the page's <blockquote> passages, as spans of the text */
  blockQuotes?: Span[];
  model?: QuoteModel;
  /** the text's language: picks the speech lexicon (speech/<language>.json) unless `lexicon` is given */
  language?: string | null;
  lexicon?: SpeechLexicon;
  /** the name tagger's tokens of the same text (findEntities' `tokens`), so the text is tokenised once */
  tokens?: readonly SentencePiece[];
}

/** A quote that opens inside a sentence on a lowercase word is a fragment woven into the writer's own sentence. */
function isPartial(text: string, start: number, open: string): boolean {
  const before = text.slice(Math.max(0, start - 3), start);
  const opensSentence = start === 0 || /(^|[.!?:\n]\s*|[,:]\s*)$/.test(before);
  return !opensSentence && startsWith(text.slice(start + open.length).trimStart(), LOWER);
}

/**
 * Reported speech in the text with its speaker: every candidate between quotation marks (and every block quotation of
 * the page) is kept when the classifier takes it for someone's words, then the ranker picks its speaker among the
 * names, pronouns and descriptions around it, or leaves it unattributed.
 */
export function findQuotes(text: string, entities: Entity[], options: QuoteOptions | Span[] = {}): Quote[] {
  return finish(quoteSteps(text, entities, options));
}

/** findQuotes in steps (see lib/steps): the candidates, the text's layout in passes, then the speaker of each quote. */
export function* quoteSteps(text: string, entities: Entity[], options: QuoteOptions | Span[] = {}): Steps<Quote[]> {
  const {
    blockQuotes = [],
    model = SHIPPED_MODEL,
    language = 'en',
    lexicon = speechLexicon(language),
    tokens,
  } = Array.isArray(options) ? { blockQuotes: options } : options;
  const marked = findQuoteSpans(text);
  const blocks = blockSpans(text, blockQuotes);
  // No quotation mark and no block quotation: nothing to lay out or rank.
  if (!marked.length && !blocks.length) return [];
  yield;
  return yield* attributeSteps(yield* quoteAnalysisSteps(text, entities, lexicon, blocks, marked, tokens), model);
}

/** The classifier and the ranker over an analysed text (the training script calls it with a fold's model). */
export function attribute(an: QuoteAnalysis, model: QuoteModel): Quote[] {
  return finish(attributeSteps(an, model));
}

/** attribute, yielding after the ranker's context, the classifier, and each quote's speaker. */
function* attributeSteps(an: QuoteAnalysis, model: QuoteModel): Steps<Quote[]> {
  const ctx = rankContext(an);
  yield;
  const accepted = acceptQuotes(an, model);
  yield;
  const history: Attributed[] = [];
  const ranked: Ranked[] = [];
  for (const { span } of accepted) {
    const r = rankSpeaker(an, ctx, span, history, model);
    history.push({ quote: span, answer: r.answer });
    ranked.push(r);
    yield;
  }
  // One quotation over paragraphs is one speaker's: the answer its parts are surest of holds for all of them (the
  // attribution may follow its last part: „…\n\n…“, so X).
  const spans = accepted.map((a) => a.span);
  for (let a = 0; a < spans.length; ) {
    let b = a;
    while (b + 1 < spans.length && spans[b]?.continuesNext && spans[b + 1]?.continuesPrevious) b++;
    let best: Ranked | null = null;
    for (const r of ranked.slice(a, b + 1)) if (r.answer && (!best || r.p > best.p)) best = r;
    if (best) ranked.fill(best, a, b + 1);
    a = b + 1;
  }
  return accepted.map(({ span }, k) => {
    const { answer } = ranked[k] as Ranked;
    return {
      start: span.start,
      end: span.end,
      text: an.text.slice(span.start, span.end),
      speaker: answer?.name ?? null,
      speakerText: answer?.written ?? null,
      speakerId: answer?.entityId ?? null,
      partial: isPartial(an.text, span.start, span.open),
      continuesPrevious: span.continuesPrevious,
    };
  });
}
