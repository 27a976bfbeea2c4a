/**
 * An analysis as it crosses between the background and a page or the popup: names and quotes by their offsets into a
 * text the receiver already holds (the page's own article text, the article in the same message), not as copies of
 * that text in thousands of small objects. A long article's result is mostly such copies, and every copy costs the
 * background a task to serialise and the receiver one to rebuild.
 */
import type { TextAnalysis } from '../analyze';
import type { AnalysisResult, Entity, LanguageSupport, Quote } from '../analyze/types';

export interface PackedEntity extends Omit<Entity, 'mentions'> {
  /** each mention's start and end, one after the other */
  spans: number[];
  /** a mention whose text is not the text's own at its offsets, by its index (none in practice: kept exact anyway) */
  texts?: Record<number, string>;
}

/** A quote by its offsets; `text` only when it is not the text's own there. */
export type PackedQuote = Omit<Quote, 'text'> & { text?: string };

export interface PackedAnalysis {
  entities: PackedEntity[];
  quotes: PackedQuote[];
  nlp: LanguageSupport;
}

export type PackedResult = Omit<AnalysisResult, 'entities' | 'quotes' | 'nlp'> & PackedAnalysis;

export interface PackOptions {
  /** only quotes with a speaker among the names: all a page's cards show */
  attributedOnly?: boolean;
}

/** `analysis` by offsets into `text` (the text it was made of). */
export function packAnalysis(text: string, analysis: TextAnalysis, options: PackOptions = {}): PackedAnalysis {
  const entities = analysis.entities.map(({ mentions, ...entity }): PackedEntity => {
    const spans = new Array<number>(mentions.length * 2);
    let texts: Record<number, string> | undefined;
    mentions.forEach((m, i) => {
      spans[2 * i] = m.start;
      spans[2 * i + 1] = m.end;
      if (text.slice(m.start, m.end) !== m.text) texts = { ...texts, [i]: m.text };
    });
    return texts ? { ...entity, spans, texts } : { ...entity, spans };
  });
  const quotes = (options.attributedOnly ? analysis.quotes.filter((q) => q.speakerId) : analysis.quotes).map(({ text: quoted, ...quote }) =>
    text.slice(quote.start, quote.end) === quoted ? quote : { ...quote, text: quoted },
  );
  return { entities, quotes, nlp: analysis.nlp };
}

/** The analysis `packAnalysis` packed, rebuilt against the same `text`. */
export function unpackAnalysis(text: string, packed: PackedAnalysis): TextAnalysis {
  const entities = packed.entities.map(({ spans, texts, ...entity }): Entity => {
    const mentions = new Array(spans.length / 2);
    for (let i = 0; i < mentions.length; i++) {
      const start = spans[2 * i] as number;
      const end = spans[2 * i + 1] as number;
      mentions[i] = { start, end, text: texts?.[i] ?? text.slice(start, end) };
    }
    return { ...entity, mentions };
  });
  const quotes = packed.quotes.map((q): Quote => ({ ...q, text: q.text ?? text.slice(q.start, q.end) }));
  return { entities, quotes, nlp: packed.nlp };
}

/** A whole result for the popup: its article carries the text the names and quotes point into. */
export function packResult({ entities, quotes, nlp, ...rest }: AnalysisResult): PackedResult {
  return { ...rest, ...packAnalysis(rest.article?.text ?? '', { entities, quotes, nlp }) };
}

export function unpackResult({ entities, quotes, nlp, ...rest }: PackedResult): AnalysisResult {
  return { ...rest, ...unpackAnalysis(rest.article?.text ?? '', { entities, quotes, nlp }) };
}
