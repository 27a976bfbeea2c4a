import type { Entity } from '../analyze/types';
import { finish, type Steps } from '../steps';
import type { SentencePiece } from '../text/sentences';
import { MENTION_SYMBOL, matchPatterns, prepareSymbols, type SymbolDoc, symbolsBetween } from './attribution';
import type { SpeechLexicon } from './lexicon';
import { findQuoteSpans, type QuoteSpan, topLevel } from './marks';
import { findMentions, type SpeakerMention } from './mentions';
import { layOut } from './text';

/** Everything the quote classifier and the speaker ranker read, computed once per text. */
export interface QuoteAnalysis extends SymbolDoc {
  /** every candidate span, nested ones included, in text order */
  spans: QuoteSpan[];
  /** the candidates no other one encloses: the layout's opaque spans */
  top: QuoteSpan[];
  /** the local pattern names of a mention ("X_said_here"), matched on first use */
  local(mention: number): string[];
  /** the symbol just before a mention in its sentence ('^' at its start) */
  before(mention: number): string;
  /** word index of each paragraph's first word */
  paragraphFirstWord: Int32Array;
}

/** `make(i)` for mentions 0 … count − 1, each made on its first call and kept: several quotes read the same mention. */
export function perMention<T>(count: number, make: (i: number) => T): (i: number) => T {
  const made = new Uint8Array(count);
  const kept = new Array<T>(count);
  return (i: number): T => {
    if (made[i]) return kept[i] as T;
    const value = make(i);
    kept[i] = value;
    made[i] = 1;
    return value;
  };
}

/** No more words are read on either side of a mention for its local patterns. */
const LOCAL_BEFORE = 3;
const LOCAL_AFTER = 7;

export function analyse(
  text: string,
  entities: Entity[],
  lex: SpeechLexicon,
  extraSpans: QuoteSpan[] = [],
  marked: QuoteSpan[] = findQuoteSpans(text),
  tokens?: readonly SentencePiece[],
): QuoteAnalysis {
  return finish(quoteAnalysisSteps(text, entities, lex, extraSpans, marked, tokens));
}

/** analyse, yielding after each pass over the text (see lib/steps). */
export function* quoteAnalysisSteps(
  text: string,
  entities: Entity[],
  lex: SpeechLexicon,
  extraSpans: QuoteSpan[],
  marked: QuoteSpan[],
  tokens?: readonly SentencePiece[],
): Steps<QuoteAnalysis> {
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
  const layout = layOut(text, top, lex.language, tokens);
  yield;
  const mentions = findMentions(layout, entities, lex);
  yield;
  const sym = prepareSymbols(text, layout, lex, mentions);
  yield;
  const { words } = layout;
  // Local patterns are matched only for the mentions some quote's ranking reads, once each.
  const local = perMention(mentions.length, (i: number): string[] => {
    const m = mentions[i] as SpeakerMention;
    const sentence = layout.sentences[m.sentence];
    const fromWord = words[Math.max(0, m.first - LOCAL_BEFORE)];
    const toWord = words[Math.min(words.length - 1, m.last + LOCAL_AFTER)];
    const from = Math.max(sentence?.start ?? 0, fromWord?.start ?? m.start);
    const to = Math.min(sentence?.end ?? text.length, toWord?.end ?? m.end);
    return matchPatterns(lex.patterns.local, symbolsBetween(sym, from, Math.max(to, m.end), i, 20));
  });
  // (Read for every pronoun's antecedents around every quote: found once per mention.)
  const before = perMention(mentions.length, (i: number): string => {
    const m = mentions[i] as SpeakerMention;
    const k = m.first - 1;
    const w = words[k];
    if (!w || w.sentence !== m.sentence) {
      // The mention opens its sentence: what stands before it there ("— Name"), else the sentence start.
      const start = layout.sentences[m.sentence]?.start ?? m.start;
      return m.start - start > 0 && m.start - start < 20 ? symbolsBetween(sym, start, m.start, -1).slice(-1) || '^' : '^';
    }
    const gap = sym.gapBefore[m.first] as string;
    if (gap) return gap.slice(-1);
    if (w.quote !== -1) return 'Q';
    const other = sym.mentionOfWord[k] as number;
    if (other !== -1) return (mentions[other] as SpeakerMention).possessive ? 'z' : (MENTION_SYMBOL[(mentions[other] as SpeakerMention).kind] ?? 'N');
    return w.possessive ? 'z' : (sym.wordSymbol[k] as string).slice(-1) || 'A';
  });
  const paragraphFirstWord = new Int32Array(layout.paragraphs.length).fill(-1);
  for (let k = words.length - 1; k >= 0; k--) paragraphFirstWord[(words[k] as { paragraph: number }).paragraph] = k;
  return { ...sym, spans, top, local, before, paragraphFirstWord };
}
