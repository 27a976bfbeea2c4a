import type { SpeechLexicon } from './lexicon';
import type { SpeakerMention } from './mentions';
import { firstEndingAfter, lastAtOrBefore, type TextLayout, type Word } from './text';

/**
 * The narrative around a quote, written as a string of one symbol per word, so that attribution patterns ("“…,” X
 * said", "X said: “…”", "according to X") are regular expressions in the language's data file:
 *   X  the speaker candidate being scored   N  another person's name   O  a body's or place's name
 *   p  another pronoun   R  a description
 *   V  a speech verb   L  a verb whose object is the listener ("told")   v  a characterising verb ("called")
 *   A  a source phrase ("according to")   S  a speech noun ("statement")   T  "that"   o  a preposition
 *   d  a determiner    C  another capitalised word    w  any other word    Q  another quotation
 *   z  a possessive after the word before it;  , : ; ( ) -  punctuation as written
 */
export interface SymbolDoc {
  text: string;
  layout: TextLayout;
  lex: SpeechLexicon;
  mentions: SpeakerMention[];
  /** mention index of each word, or -1 */
  mentionOfWord: Int32Array;
  /** the symbol of each word outside mentions and quotes ('' for the later words of a source phrase) */
  wordSymbol: string[];
  /** the punctuation symbols between each word and the one before it */
  gapBefore: string[];
}

const GAP = /[,:;()\u2014\u2013]|\s-\s/g;

const ANY_GAP_SYMBOL = /[,:;()\u2014\u2013-]/;

function gapSymbols(gap: string): string {
  // (Most gaps are one space.)
  if (gap === ' ' || !ANY_GAP_SYMBOL.test(gap)) return '';
  let out = '';
  GAP.lastIndex = 0;
  for (let m = GAP.exec(gap); m; m = GAP.exec(gap)) {
    const c = m[0];
    out += c === '\u2014' || c === '\u2013' || c.trim() === '-' ? '-' : c;
  }
  return out;
}

export function prepareSymbols(text: string, layout: TextLayout, lex: SpeechLexicon, mentions: SpeakerMention[]): SymbolDoc {
  const { words } = layout;
  const mentionOfWord = new Int32Array(words.length).fill(-1);
  mentions.forEach((m, i) => {
    mentionOfWord.fill(i, m.first, m.last + 1);
  });
  const wordSymbol: string[] = new Array(words.length);
  for (let k = 0; k < words.length; k++) {
    const w = words[k] as Word;
    const phrase = lex.phrasesByFirstWord.get(w.lower)?.find((p) => p.every((part, j) => words[k + j]?.lower === part && words[k + j]?.quote === -1));
    if (phrase) {
      wordSymbol[k] = 'A';
      for (let j = 1; j < phrase.length; j++) wordSymbol[k + j] = '';
      k += phrase.length - 1;
      continue;
    }
    wordSymbol[k] = lex.symbolOf.get(w.lower) ?? (w.cap ? 'C' : 'w');
  }
  const gapBefore: string[] = new Array(words.length);
  for (let k = 0; k < words.length; k++) gapBefore[k] = k === 0 ? '' : gapSymbols(text.slice((words[k - 1] as Word).end, (words[k] as Word).start));
  return { text, layout, lex, mentions, mentionOfWord, wordSymbol, gapBefore };
}

export const MENTION_SYMBOL: Record<string, string> = { PER: 'N', ORG: 'O', LOC: 'O', RUN: 'N', PRON: 'p', DESC: 'R' };

/** A stretch of narrative as symbols, each mention's symbol kept apart so that any of them can be written X. */
export interface SymbolParts {
  parts: string[];
  /** the mention each part stands for, or -1 */
  mentionAt: number[];
}

/**
 * Symbols of the words from offset `from` to offset `to` (at most `limit` words, taken from the end when `fromEnd`).
 * Words of another quotation are one Q; a mention is one symbol.
 */
export function symbolParts(doc: SymbolDoc, from: number, to: number, limit = 40, fromEnd = false): SymbolParts {
  const { words } = doc.layout;
  const parts: string[] = [];
  const mentionAt: number[] = [];
  const push = (part: string, mention = -1) => {
    if (!part) return;
    parts.push(part);
    mentionAt.push(mention);
  };
  let a = firstEndingAfter(words, from);
  while (a < words.length && (words[a] as Word).start < from) a++;
  let b = lastAtOrBefore(words, to - 1);
  while (b >= 0 && (words[b] as Word).end > to) b--;
  if (b < a) {
    if (to - from <= 200) push(gapSymbols(doc.text.slice(from, to)));
    return { parts, mentionAt };
  }
  // Only `limit` words are read, and the gaps beside them: a sentence of a million characters costs what a short one does.
  let cutBefore = false;
  let cutAfter = false;
  if (b - a + 1 > limit) {
    if (fromEnd) {
      a = b - limit + 1;
      cutBefore = true;
    } else {
      b = a + limit - 1;
      cutAfter = true;
    }
  }
  if (!cutBefore) push(gapSymbols(doc.text.slice(from, (words[a] as Word).start)));
  let lastQuote = -1;
  let lastMention = -1;
  for (let k = a; k <= b; k++) {
    const w = words[k] as Word;
    if (k > a) push(doc.gapBefore[k] as string);
    if (w.quote !== -1) {
      if (w.quote !== lastQuote) push('Q');
      lastQuote = w.quote;
      continue;
    }
    const m = doc.mentionOfWord[k] as number;
    if (m !== -1) {
      if (m !== lastMention) {
        const mention = doc.mentions[m] as SpeakerMention;
        push((MENTION_SYMBOL[mention.kind] ?? 'N') + (mention.possessive ? 'z' : ''), m);
      }
      lastMention = m;
      continue;
    }
    push((doc.wordSymbol[k] as string) + (w.possessive ? 'z' : ''));
  }
  if (!cutAfter) push(gapSymbols(doc.text.slice((words[b] as Word).end, to)));
  return { parts, mentionAt };
}

/** The parts as one string, the mention `candidate` written X. */
export function render({ parts, mentionAt }: SymbolParts, candidate: number): string {
  let out = '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    out += mentionAt[i] === candidate && candidate !== -1 ? `X${part.slice(1)}` : part;
  }
  return out;
}

/** Symbols of the words from `from` to `to`, the mention `candidate` written X (see symbolParts). */
export function symbolsBetween(doc: SymbolDoc, from: number, to: number, candidate: number, limit = 40, fromEnd = false): string {
  return render(symbolParts(doc, from, to, limit, fromEnd), candidate);
}

/** Names of the patterns of one group that the symbol string matches. */
export function matchPatterns(patterns: [string, RegExp][], symbols: string): string[] {
  const names: string[] = [];
  for (const [name, re] of patterns) if (re.test(symbols)) names.push(name);
  return names;
}
