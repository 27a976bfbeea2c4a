import type { Span } from '../analyze/types';

/** A quoted span with its marks; `continued` when it runs over paragraphs with the opening mark repeated. */
export interface QuoteSpan extends Span {
  single: boolean;
}

const OPENING_DOUBLE = new Set(['“', '„', '«']);
const CLOSING_DOUBLE = new Set(['”', '»']);
const STRAIGHT_DOUBLE = '"';
const OPEN_CONTEXT = /[\s([{\u2014\u2013\-/]/u;
const LETTER = /[\p{L}\p{N}]/u;

type Role = 'open' | 'close' | 'either';

function doubleRole(text: string, i: number): Role | null {
  const ch = text[i] as string;
  if (OPENING_DOUBLE.has(ch)) return 'open';
  if (CLOSING_DOUBLE.has(ch)) return 'close';
  if (ch !== STRAIGHT_DOUBLE) return null;
  const before = i > 0 ? (text[i - 1] as string) : ' ';
  const after = i + 1 < text.length ? (text[i + 1] as string) : ' ';
  const openLike = OPEN_CONTEXT.test(before) || OPENING_DOUBLE.has(before);
  const closeLike = /\s/.test(after) || /[.,;:!?)\]}…\u2014\u2013-]/u.test(after) || i + 1 >= text.length;
  if (openLike && !closeLike) return 'open';
  if (closeLike && !openLike) return 'close';
  return 'either';
}

function paragraphEnd(text: string, from: number): number {
  const next = text.indexOf('\n', from);
  return next === -1 ? text.length : next;
}

/**
 * Pairs double quote marks of any style (straight and curly mixed, as many sites do), following a quote over
 * paragraphs when the next paragraph reopens it, then single-mark quotes outside them (British style), telling
 * apostrophes (It’s, ’90s, rock ’n’ roll) from marks by what stands around them.
 */
export function findQuoteSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let open = -1;
  // A quote that ran to a paragraph's end without closing, when the next paragraph does not reopen it: that paragraph
  // is still quoted, up to its closing mark.
  let carried = false;
  let paragraphStart = 0;
  // Double marks nested inside a double-quoted passage ("… called "research", would it?") open and close in pairs.
  let nested = 0;
  // Parentheses open in the paragraph, outside any quote and inside the open one: a mark opened within "(also known
  // as "Wild 2)" is no quote once that parenthesis closes.
  let outerParens = 0;
  let innerParens = 0;
  let openedInParens = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '(' || ch === ')') {
      const delta = ch === '(' ? 1 : -1;
      if (open === -1) outerParens = Math.max(0, outerParens + delta);
      else if (delta === 1 || innerParens > 0) innerParens += delta;
      else if (openedInParens) {
        open = -1;
        nested = 0;
        outerParens--;
      }
      continue;
    }
    if (ch === '\n' && open !== -1) {
      // A quote left open at a paragraph end continues only if the next paragraph opens with a mark.
      let k = i;
      while (k < text.length && /\s/.test(text[k] as string)) k++;
      nested = 0;
      if (doubleRole(text, k) === 'open' || (text[k] === STRAIGHT_DOUBLE && doubleRole(text, k) === 'either')) {
        // The quote runs on: each paragraph is reported as its own segment, as the reopening mark presents it.
        if (i - open > 30) spans.push({ start: open, end: i, single: false });
        open = k;
        i = k;
        continue;
      }
      const start = open;
      open = -1;
      if (i - start > 30) spans.push({ start, end: i, single: false });
      carried = true;
      paragraphStart = k;
      i = k - 1;
      continue;
    }
    if (ch === '\n') {
      outerParens = 0;
      if (text[i + 1] !== '\n' && text[i + 1] !== undefined && !/\s/.test(text[i + 1] as string)) paragraphStart = i + 1;
      continue;
    }
    const role = doubleRole(text, i);
    if (!role) continue;
    if (open === -1) {
      if (role !== 'close') {
        open = i;
        openedInParens = outerParens > 0;
        innerParens = 0;
      } else if (carried && i - paragraphStart > 30) spans.push({ start: paragraphStart, end: i + 1, single: false });
      carried = false;
    } else if (role === 'open') {
      nested++;
    } else if (nested > 0) {
      nested--;
    } else {
      spans.push({ start: open, end: i + 1, single: false });
      open = -1;
    }
  }
  if (open !== -1 && text.length - open > 30) spans.push({ start: open, end: text.length, single: false });
  spans.sort((a, b) => a.start - b.start);
  return [...spans, ...findSingleQuoteSpans(text, spans)].sort((a, b) => a.start - b.start);
}

/** A single-quoted passage longer than this is not one: the search for its closing mark stops there. */
const MAX_SINGLE_QUOTE = 1500;

function findSingleQuoteSpans(text: string, doubles: QuoteSpan[]): QuoteSpan[] {
  // Both walks move forward only (the double-quoted spans are in text order), so the whole pass stays linear.
  let d = 0;
  const inside = (i: number) => {
    while (d < doubles.length && (doubles[d] as QuoteSpan).end <= i) d++;
    return d < doubles.length && (doubles[d] as QuoteSpan).start <= i;
  };
  let paragraphEndAt = -1;
  const spans: QuoteSpan[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch !== '‘' && ch !== "'") continue;
    const before = i > 0 ? (text[i - 1] as string) : ' ';
    const after = text[i + 1] ?? ' ';
    if (!(OPEN_CONTEXT.test(before) || before === '"' || before === '“') || !/\p{L}/u.test(after) || inside(i)) continue;
    if (ch === "'" && /^'(n|em|til|cause|tis|twas)\b/i.test(text.slice(i, i + 6))) continue;
    if (paragraphEndAt < i) paragraphEndAt = paragraphEnd(text, i);
    const limit = Math.min(paragraphEndAt, i + MAX_SINGLE_QUOTE);
    for (let j = i + 2; j < limit; j++) {
      const c = text[j];
      if (c !== '’' && c !== "'") continue;
      const prev = text[j - 1] as string;
      const next = text[j + 1] ?? ' ';
      if (/\s/.test(prev) || LETTER.test(next)) continue; // an apostrophe inside a word
      if (c === '’' && ch === "'") continue;
      spans.push({ start: i, end: j + 1, single: true });
      i = j;
      break;
    }
  }
  return spans;
}
