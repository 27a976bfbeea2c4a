import type { Span } from '../analyze/types';
import { isAt, LETTER, NUMBER } from '../text/chars';

/** A passage between quotation marks: a candidate quote, before anyone decides it is reported speech. */
export interface QuoteSpan extends Span {
  /** the opening mark, or '' when the passage has none (a paragraph closing a quote its predecessor left open) */
  open: string;
  /** the closing mark, or '' when the paragraph ended first */
  close: string;
  /** single marks (‘ ’ ' ‹ › ‚) rather than double ones */
  single: boolean;
  /** how many other candidate spans enclose this one (0: top level) */
  depth: number;
  /** this paragraph reopens a quote that the paragraph before left open: the same quotation goes on */
  continuesPrevious: boolean;
  /** the quotation goes on in the next paragraph */
  continuesNext: boolean;
  /** a passage the page set apart as a quotation (<blockquote>), with or without marks */
  block?: boolean;
}

/** What may close a span opened by each mark. Straight and curly marks mix on many sites, in both directions. */
const CLOSERS: Record<string, string> = {
  '“': '”"',
  '"': '"”“',
  '„': '“”"',
  '”': '”"',
  '«': '»',
  '»': '«»',
  '‹': '›',
  '›': '‹›',
  '「': '」',
  '『': '』',
  '‘': "’'",
  "'": "'’",
  '‚': '‘’',
};
const SINGLE = new Set(['‘', '’', "'", '‚', '‹', '›']);
const MARKS = /["“”„«»‹›「」『』‘’'‚]/g;
const MARK = /["“”„«»‹›「」『』‘’'‚]/;
/** What may stand before an opening mark: a space, an opening bracket or dash, another opening mark. */
const BEFORE_OPEN = /[\s([{\u2014\u2013\-/—:;,“„«‘‚‹"'「『]/u;
/** Whether a character (one code unit) is a letter or digit. */
const WORD_CHAR = { test: (ch: string) => isAt(ch, 0, LETTER | NUMBER) };
/** Elisions written with a leading apostrophe: 'n', 'em, 'til, 'cause, 'tis, '90s. */
const LEADING_ELISION = /^['‘’](?:n['’]?\b|em\b|til\b|cause\b|tis\b|twas\b|bout\b|round\b|\d\d?s?\b)/i;

type Role = 'open' | 'close' | 'either' | null;

function roleOf(text: string, i: number): Role {
  const ch = text[i] as string;
  const before = i > 0 ? (text[i - 1] as string) : '\n';
  const after = i + 1 < text.length ? (text[i + 1] as string) : '\n';
  const spaceBefore = /\s/.test(before);
  const spaceAfter = /\s/.test(after);
  // CJK corner brackets and guillemets say which side they are by themselves (» opens German »…«, closes «…»).
  if (ch === '「' || ch === '『' || ch === '„' || ch === '‚') return spaceAfter ? null : 'open';
  if (ch === '」' || ch === '』') return 'close';
  const canOpen = !spaceAfter && (BEFORE_OPEN.test(before) || i === 0);
  const canClose = !spaceBefore && i > 0 && !(WORD_CHAR.test(after) && WORD_CHAR.test(before));
  // French sets guillemets off with a (no-break, often thin) space inside: « Oui », a-t-il dit.
  if (ch === '«' && spaceAfter && (i === 0 || BEFORE_OPEN.test(before)) && /\S/.test(text.slice(i + 1, i + 3))) return 'open';
  if (ch === '»' && spaceBefore && !WORD_CHAR.test(after) && i > 1 && !/\s/.test(text[i - 2] as string)) return 'close';
  if (ch === '«' || ch === '‹') return canClose && !canOpen ? 'close' : spaceAfter && !canClose ? null : 'open';
  if (ch === "'" || ch === '’' || ch === '‘') {
    // An apostrophe inside a word ("don't", "Pakistan’s"), or one that elides letters ('90s, rock 'n' roll).
    if (WORD_CHAR.test(before) && WORD_CHAR.test(after)) return null;
    if (canOpen && LEADING_ELISION.test(text.slice(i, i + 6))) return null;
    if (ch === '’') return canClose ? 'close' : canOpen && !WORD_CHAR.test(before) ? 'open' : null;
    if (ch === '‘') return canOpen || !canClose ? 'open' : 'close';
  }
  if (ch === '”') {
    // A closing-shaped mark used to open ("she said: ”Bird flu…”"), as some sites and Nordic styles do.
    if (canOpen && !canClose) return 'open';
    return canClose ? 'close' : 'either';
  }
  if (ch === '“') return canClose && !canOpen ? 'either' : 'open';
  if (ch === '»' || ch === '›') return canOpen && !canClose ? 'open' : 'close';
  // A straight mark with no space on either side ('=“…' in quoted markup, '5"x7"') may open as well as close.
  if (ch === '"' && !spaceBefore && !spaceAfter && i > 0 && i + 1 < text.length && !/[.,;:!?)\]}…]/.test(after)) return 'either';
  if (canOpen && !canClose) return 'open';
  if (canClose && !canOpen) return 'close';
  if (canOpen && canClose) return 'either';
  return spaceBefore && spaceAfter ? 'either' : null;
}

interface Open {
  at: number;
  mark: string;
}

/** Open marks deeper than this below the innermost are not searched for the one a mark closes (no text nests so deep). */
const MAX_NESTING = 16;

/** A quote left open at a paragraph end shorter than this is a stray mark, not a passage. */
const MIN_UNCLOSED = 30;

/**
 * Candidate quotes: every pair of quotation marks of any common style (“ ” " „ « » ‹ › 「 」 ‘ ’ ' ‚), straight and curly
 * mixed, nested pairs reported with their depth, apostrophes inside and before words ignored. A quote never crosses a
 * paragraph: one running over paragraphs is reported once per paragraph, and a mark left open at a paragraph's end runs
 * to that end. One pass with a stack per paragraph: linear in the text.
 */
export function findQuoteSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let stack: Open[] = [];
  let paragraphStart = 0;
  // The paragraph before ended inside a quote and this one did not reopen it: its first closing mark ends that quote.
  let carried = false;
  /** the mark that opened the quote carried over */
  let carriedMark = '';
  let continuing = false;
  const emit = (start: number, end: number, open: string, close: string, depth: number, extra: Partial<QuoteSpan> = {}) => {
    if (end - start <= open.length + close.length) return;
    spans.push({
      start,
      end,
      open,
      close,
      single: SINGLE.has(open || close),
      depth,
      continuesPrevious: false,
      continuesNext: false,
      ...extra,
    });
  };
  const endParagraph = (end: number, next: number) => {
    // The outermost double quote left open: it runs on if the next paragraph reopens it, else to this paragraph's end.
    const outer = stack.find((o) => !SINGLE.has(o.mark));
    if (outer) {
      const nextRole = next < text.length && MARK.test(text[next] as string) ? roleOf(text, next) : null;
      const reopens = (nextRole === 'open' || nextRole === 'either') && (CLOSERS[outer.mark] ?? '').length > 0 && !SINGLE.has(text[next] as string);
      const trimmed = text.slice(outer.at, end).trimEnd().length + outer.at;
      if (reopens || trimmed - outer.at > MIN_UNCLOSED) {
        emit(outer.at, trimmed, outer.mark, '', 0, { continuesPrevious: continuing && outer.at === paragraphStart, continuesNext: reopens });
      }
      carried = !reopens && trimmed - outer.at > MIN_UNCLOSED;
      carriedMark = outer.mark;
      continuing = reopens;
    } else {
      carried = false;
      continuing = false;
    }
    stack = [];
  };
  MARKS.lastIndex = 0;
  let nextBreak = text.indexOf('\n');
  for (let m = MARKS.exec(text); m; m = MARKS.exec(text)) {
    const i = m.index;
    while (nextBreak !== -1 && nextBreak < i) {
      let next = nextBreak;
      while (next < text.length && /\s/.test(text[next] as string)) next++;
      endParagraph(nextBreak, next);
      paragraphStart = next;
      nextBreak = text.indexOf('\n', next);
      if (nextBreak !== -1 && nextBreak < next) nextBreak = text.indexOf('\n', next);
    }
    const ch = m[0];
    const role = roleOf(text, i);
    if (!role) continue;
    if (role !== 'open') {
      // The nearest open mark this one can close, among the innermost MAX_NESTING; marks opened above it and never
      // closed are dropped. (Bounded: a paragraph of thousands of unclosed marks costs linear time, not quadratic.)
      let k = stack.length - 1;
      const floor = Math.max(0, stack.length - MAX_NESTING);
      while (k >= floor && !(CLOSERS[(stack[k] as Open).mark] ?? '').includes(ch)) k--;
      if (k < floor) k = -1;
      if (k >= 0) {
        const opened = stack[k] as Open;
        // A single closing mark after letters may be a plural possessive ("the states’ rights") when a double quote is
        // the one left open above a single one: only a single opener takes it.
        stack.length = k;
        emit(opened.at, i + 1, opened.mark, ch, stack.length, {
          continuesPrevious: continuing && opened.at === paragraphStart && k === 0,
        });
        if (k === 0) continuing = false;
        continue;
      }
      // No open mark: the close of a quote the paragraph before left open ("…today.\n\nIt was a long week.”"); a mark
      // that may also open closes it when it is that quote's closer after a word (German's „…\n\n…Jahren“, so X).
      const closer = role === 'close' || ((CLOSERS[carriedMark] ?? '').includes(ch) && !/\s/.test(text[i - 1] ?? ' '));
      if (closer && carried && stack.length === 0 && !SINGLE.has(ch) && i + 1 - paragraphStart > MIN_UNCLOSED) {
        const before = spans[spans.length - 1];
        if (before && before.close === '') before.continuesNext = true;
        emit(paragraphStart, i + 1, '', ch, 0, { continuesPrevious: true });
        carried = false;
        continue;
      }
      if (role === 'close') continue;
    }
    stack.push({ at: i, mark: ch });
  }
  while (nextBreak !== -1) {
    let next = nextBreak;
    while (next < text.length && /\s/.test(text[next] as string)) next++;
    endParagraph(nextBreak, next);
    paragraphStart = next;
    nextBreak = next < text.length ? text.indexOf('\n', next) : -1;
  }
  endParagraph(text.length, text.length);
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  return spans;
}

/** The candidates that no other candidate encloses, in text order. */
export function topLevel(spans: QuoteSpan[]): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  let end = -1;
  for (const s of spans) {
    if (s.start < end) continue;
    out.push(s);
    end = s.end;
  }
  return out;
}
