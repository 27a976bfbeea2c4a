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

function gapSymbols(gap: string): string {
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

const MENTION_SYMBOL: Record<string, string> = { PER: 'N', ORG: 'O', LOC: 'O', RUN: 'N', PRON: 'p', DESC: 'R' };

/**
 * Symbols of the words from offset `from` to offset `to` (at most `limit` words, taken from the end when `fromEnd`),
 * the mention `candidate` written X. Words of another quotation are one Q; a mention is one symbol.
 */
export function symbolsBetween(doc: SymbolDoc, from: number, to: number, candidate: number, limit = 40, fromEnd = false): string {
  const { words } = doc.layout;
  let a = firstEndingAfter(words, from);
  while (a < words.length && (words[a] as Word).start < from) a++;
  let b = lastAtOrBefore(words, to - 1);
  while (b >= 0 && (words[b] as Word).end > to) b--;
  if (b < a) return to - from > 200 ? '' : gapSymbols(doc.text.slice(from, to));
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
  let out = cutBefore ? '' : gapSymbols(doc.text.slice(from, (words[a] as Word).start));
  let lastQuote = -1;
  let lastMention = -1;
  for (let k = a; k <= b; k++) {
    const w = words[k] as Word;
    if (k > a) out += doc.gapBefore[k] as string;
    if (w.quote !== -1) {
      if (w.quote !== lastQuote) out += 'Q';
      lastQuote = w.quote;
      continue;
    }
    const m = doc.mentionOfWord[k] as number;
    if (m !== -1) {
      if (m !== lastMention) {
        const mention = doc.mentions[m] as SpeakerMention;
        out += m === candidate ? 'X' : (MENTION_SYMBOL[mention.kind] ?? 'N');
        if (mention.possessive) out += 'z';
      }
      lastMention = m;
      continue;
    }
    out += (doc.wordSymbol[k] as string) + (w.possessive ? 'z' : '');
  }
  return cutAfter ? out : out + gapSymbols(doc.text.slice((words[b] as Word).end, to));
}

/** Names of the patterns of one group that the symbol string matches. */
export function matchPatterns(patterns: [string, RegExp][], symbols: string): string[] {
  const names: string[] = [];
  for (const [name, re] of patterns) if (re.test(symbols)) names.push(name);
  return names;
}
