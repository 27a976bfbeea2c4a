import type { Span } from '../analyze/types';
import { countRuns, LETTER, NUMBER } from '../text/chars';
import { findQuoteSpans, type QuoteSpan } from './marks';

let signature: RegExp | null = null;
/**
 * A signature closing a block quotation: "— Riverside Rovers (@RoversFC) March 3, 2021", "– Jane Roe". It
 * stays outside the quote, where the ranker reads it as "“…” — X". (Made on first use, from a string: its class of
 * capitals is parsed only where a block is read.)
 */
const SIGNATURE = () =>
  // biome-ignore lint/complexity/useRegexLiterals: a literal's classes are parsed with the script, used or not
  (signature ??= new RegExp(String.raw`(?:^|(?<=[\s.!?”"’)]))[—–―-]{1,2}\s*(?=[\p{Lu}@])[^—–―\n]{1,100}$`, 'u'));
/** Fewer words than this in a block are a label or a caption, not a quotation. */
const MIN_WORDS = 3;
/** When marks inside a block cover this share of it, they delimit the quotes and the block is no quote itself. */
const MARKED_SHARE = 0.6;

/**
 * The page's block quotations (<blockquote>) as quote candidates: the passage without its signature line, unless
 * quotation marks inside it already delimit the quoted words.
 */
export function blockSpans(text: string, blocks: Span[]): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  for (const b of blocks) {
    if (b.start < 0 || b.end > text.length || b.end <= b.start) continue;
    const inner = text.slice(b.start, b.end);
    const signature = SIGNATURE().exec(inner);
    const body = signature ? inner.slice(0, signature.index) : inner;
    const end = b.start + body.trimEnd().length;
    const start = b.start + (body.length - body.trimStart().length);
    if (end <= start || countRuns(body, LETTER | NUMBER) < MIN_WORDS) continue;
    const marked = findQuoteSpans(text.slice(start, end)).filter((s) => s.depth === 0);
    const covered = marked.reduce((n, s) => n + (s.end - s.start), 0);
    // A block that opens with a quotation mark, or is mostly marked, has its quotes delimited by the marks.
    if (covered >= (end - start) * MARKED_SHARE || marked[0]?.start === 0) continue;
    out.push({ start, end, open: '', close: '', single: false, depth: 0, continuesPrevious: false, continuesNext: false, block: true });
  }
  return out;
}
