import type { Span } from '../analyze/types';
import { tokenWords } from '../entities/tokens';
import { isAt, LETTER, MARK, NUMBER, startsWith, UPPER } from '../text/chars';
import { type SentencePiece, sentenceIndices } from '../text/sentences';

/** A word of the text, with where it stands: its sentence, its paragraph, and the quote around it. */
export interface Word extends Span {
  /** lowercased, a possessive 's taken off */
  lower: string;
  /** opens with a capital letter */
  cap: boolean;
  possessive: boolean;
  sentence: number;
  paragraph: number;
  /** index of the top-level quote span around the word, or -1 in the narrative */
  quote: number;
}

/** The text cut into paragraphs, sentences and words, quote spans kept whole inside the sentence that holds them. */
export interface TextLayout {
  text: string;
  words: Word[];
  sentences: Span[];
  paragraphs: Span[];
  /** the opaque spans the sentences were cut around (top-level quote candidates), in text order */
  quotes: Span[];
}

// Words: a letter or digit, then letters, marks and digits, joined through - ' ’ . ‐ when a letter or digit follows
// ("don't", "U.S", "al-Amr"). Scanned by character code: a Unicode-class regex over the whole text costs several times more.
const JOINERS = new Set(['-', "'", '’', '.', '‐']);

function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Whether the character at i is an ASCII letter or digit, or else has one of `wide` (letters, digits, and marks or not). */
function charIs(text: string, i: number, wide: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return isAsciiAlnum(c);
  return isAt(text, i, wide);
}
const startsWord = (text: string, i: number) => charIs(text, i, LETTER | NUMBER);
const continuesWord = (text: string, i: number) => charIs(text, i, LETTER | MARK | NUMBER);

/** Code units of the character at i (2 for a surrogate pair). */
const width = (text: string, i: number) => ((text.codePointAt(i) as number) > 0xffff ? 2 : 1);

function nextWordStart(text: string, from: number): number {
  let i = from;
  while (i < text.length && !startsWord(text, i)) i += width(text, i);
  return i;
}

function wordEnd(text: string, start: number): number {
  let i = start + width(text, start);
  for (;;) {
    while (i < text.length && continuesWord(text, i)) i += width(text, i);
    // A joiner continues the word only when a letter, mark or digit follows it.
    if (i + 1 < text.length && JOINERS.has(text[i] as string) && continuesWord(text, i + 1)) {
      i += 1;
      continue;
    }
    return i;
  }
}
const POSSESSIVE = /^(.+?)['’]s$/u;
const WHITESPACE = /\s/;

/** The first index whose item no longer satisfies `before` (the items satisfying it come first): a binary search. */
export function firstIndexAfter<T>(items: T[], before: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(items[mid] as T)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the last span starting at or before `at` (spans sorted by start), or -1. */
export const lastAtOrBefore = <T extends Span>(spans: T[], at: number): number => firstIndexAfter(spans, (s) => s.start <= at) - 1;

/** Index of the first span ending after `at` (spans sorted and not overlapping), or spans.length. */
export const firstEndingAfter = <T extends Span>(spans: T[], at: number): number => firstIndexAfter(spans, (s) => s.end <= at);

/**
 * Paragraphs (lines), sentences and words of `text`. Sentences are the name tagger's, cut by the one splitter
 * (lib/text/sentences.ts) over the same tokens (`tokens`, when the caller has them), except that punctuation inside a
 * quote span ends no sentence, but at the quote's own end ("“We lost.” Then …"), so a quote and its attribution stay in
 * one sentence. Linear: one pass over the tokens, one over the lines, the spans walked in order.
 */
export function layOut(text: string, quotes: Span[], language = 'en', tokens: readonly SentencePiece[] = tokenWords(text, language)): TextLayout {
  const sentences: Span[] = [];
  const indices = sentenceIndices(tokens, { text, language, keepWhole: quotes });
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k] as SentencePiece;
    if (k === 0 || indices[k] !== indices[k - 1]) sentences.push({ start: t.start, end: t.end });
    else (sentences[sentences.length - 1] as Span).end = t.end;
  }
  const paragraphs: Span[] = [];
  // Whether a stretch holds anything but whitespace, read without copying it (a paragraph may be a whole book).
  const hasText = (from: number, to: number) => {
    for (let i = from; i < to; i++) if (!WHITESPACE.test(text[i] as string)) return true;
    return false;
  };
  let paragraphStart = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) {
    if (hasText(paragraphStart, at)) paragraphs.push({ start: paragraphStart, end: at });
    paragraphStart = at + 1;
  }
  if (hasText(paragraphStart, text.length)) paragraphs.push({ start: paragraphStart, end: text.length });

  const words: Word[] = [];
  let s = 0;
  let p = 0;
  let q = 0;
  for (let start = nextWordStart(text, 0), end = 0; start < text.length; start = nextWordStart(text, end)) {
    end = wordEnd(text, start);
    const word = text.slice(start, end);
    while (s < sentences.length - 1 && (sentences[s] as Span).end <= start) s++;
    while (p < paragraphs.length - 1 && (paragraphs[p] as Span).end <= start) p++;
    while (q < quotes.length && (quotes[q] as Span).end <= start) q++;
    const inQuote = q < quotes.length && (quotes[q] as Span).start < start ? q : -1;
    const last = word.charCodeAt(word.length - 1);
    const possessive = last === 115 || last === 83 ? POSSESSIVE.exec(word) : null; // (…'s, …’S)
    const first = word[0] as string;
    words.push({
      start,
      end,
      lower: (possessive ? (possessive[1] as string) : word).toLowerCase(),
      cap: first !== first.toLowerCase() || (first === first.toUpperCase() && first !== first.toLowerCase()) ? startsWith(word, UPPER) : false,
      possessive: !!possessive,
      sentence: s,
      paragraph: p,
      quote: inQuote,
    });
  }
  return { text, words, sentences, paragraphs, quotes };
}
