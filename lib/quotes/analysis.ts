import type { Entity } from '../analyze/types';
import { matchPatterns, prepareSymbols, type SymbolDoc, symbolsBetween } from './attribution';
import type { SpeechLexicon } from './lexicon';
import { findQuoteSpans, type QuoteSpan, topLevel } from './marks';
import { findMentions } from './mentions';
import { layOut } from './text';

/** Everything the quote classifier and the speaker ranker read, computed once per text. */
export interface QuoteAnalysis extends SymbolDoc {
  /** every candidate span, nested ones included, in text order */
  spans: QuoteSpan[];
  /** the candidates no other one encloses: the layout's opaque spans */
  top: QuoteSpan[];
  /** local pattern names of each mention ("X_said_here"), matched once */
  localPatterns: string[][];
  /** the symbol just before each mention in its sentence ('^' at its start) */
  symbolBefore: string[];
  /** word index of each paragraph's first word */
  paragraphFirstWord: Int32Array;
}

/** No more words are read on either side of a mention for its local patterns. */
const LOCAL_BEFORE = 3;
const LOCAL_AFTER = 7;

export function analyse(text: string, entities: Entity[], lex: SpeechLexicon, extraSpans: QuoteSpan[] = []): QuoteAnalysis {
  const marked = findQuoteSpans(text);
  // Block quotations the page set apart without marks join the candidates; marked quotes inside them stay nested.
  const spans = extraSpans.length ? [...marked, ...extraSpans].sort((a, b) => a.start - b.start || b.end - a.end) : marked;
  if (extraSpans.length) {
    // Depth again, now that blocks may enclose marked quotes.
    const open: QuoteSpan[] = [];
    for (const s of spans) {
      while (open.length && (open[open.length - 1] as QuoteSpan).end <= s.start) open.pop();
      s.depth = open.length;
      open.push(s);
    }
  }
  const top = topLevel(spans);
  const layout = layOut(text, top);
  const mentions = findMentions(layout, entities, lex);
  const sym = prepareSymbols(text, layout, lex, mentions);
  const { words } = layout;
  const symbolBefore: string[] = [];
  const localPatterns = mentions.map((m, i) => {
    const sentence = layout.sentences[m.sentence];
    const fromWord = words[Math.max(0, m.first - LOCAL_BEFORE)];
    const toWord = words[Math.min(words.length - 1, m.last + LOCAL_AFTER)];
    const from = Math.max(sentence?.start ?? 0, fromWord?.start ?? m.start);
    const to = Math.min(sentence?.end ?? text.length, toWord?.end ?? m.end);
    const symbols = symbolsBetween(sym, from, Math.max(to, m.end), i, 20);
    const x = symbols.indexOf('X');
    symbolBefore.push(x <= 0 ? (from === sentence?.start ? '^' : '') : (symbols[x - 1] as string));
    return matchPatterns(lex.patterns.local, symbols);
  });
  const paragraphFirstWord = new Int32Array(layout.paragraphs.length).fill(-1);
  for (let k = words.length - 1; k >= 0; k--) paragraphFirstWord[(words[k] as { paragraph: number }).paragraph] = k;
  return { ...sym, spans, top, localPatterns, symbolBefore, paragraphFirstWord };
}
