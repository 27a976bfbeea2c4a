import { dotEndsNoSentence } from '../entities';
import type { QuoteSpan } from './marks';

/** How far around a quote its own sentence is looked for. */
const CONTEXT = 200;

/** Offsets where a new sentence starts inside a quote (the first letter after ". "), ellipses and abbreviations aside. */
function sentenceStartsWithin(text: string, span: QuoteSpan): number[] {
  const starts: number[] = [];
  const inner = /[.!?][)\]]?(\s+)(?=["“‘'(]?\p{Lu})/gu;
  inner.lastIndex = span.start + 1;
  for (let m = inner.exec(text); m && m.index < span.end - 1; m = inner.exec(text)) {
    const next = m.index + m[0].length;
    if (next >= span.end - 1) break;
    if (text[m.index] === '.' && dotEndsNoSentence(text, m.index)) continue;
    starts.push(next);
  }
  return starts;
}

/**
 * A quote is reported per sentence unit, so that it never straddles a sentence boundary with its attribution: when it
 * resumes a sentence its attribution interrupted (“"A," she told the press, "to show … section. We were …"”) that sentence
 * is its own quote, and when its last sentence runs on past the closing mark (“"… it occurs. So if …," he said.”) that one
 * is. A quote of whole sentences, also after a plain "he said", stays whole; each piece keeps the quote's speaker.
 */
export function splitAtSentences(text: string, span: QuoteSpan): QuoteSpan[] {
  const starts = sentenceStartsWithin(text, span);
  if (starts.length === 0) return [span];
  // Only the line around the quote matters, and only near it: a bounded look keeps long one-line texts linear.
  const near = text.slice(Math.max(0, span.start - CONTEXT), span.start);
  const before = near.slice(near.lastIndexOf('\n') + 1);
  // Only a quote resumed after its attribution ("A," she told the press, "B. C.") opens inside a sentence of its own:
  // B completes the interrupted one. After a plain "he said", the quote's sentences are the quote's own.
  const resumed = /["”]\s*,?\s[^"“”]{1,120}[,:]?\s*$/u.test(before);
  const opensMidSentence = resumed && /[\p{L}\p{N},:;—–]\s*$/u.test(before) && !/[.!?]["”’)]*\s*$/u.test(before);
  const following = text.slice(span.end, span.end + CONTEXT);
  const lineEnd = following.indexOf('\n');
  const after = lineEnd === -1 ? following : following.slice(0, lineEnd);
  const endsWithStop = /[.!?]["”’]?$/u.test(text.slice(span.start, span.end));
  const closesMidSentence = /^\s*[\p{L}\p{N}]/u.test(after) && (!endsWithStop || /^\s*\p{Ll}/u.test(after));
  const cuts = new Set<number>();
  if (opensMidSentence) cuts.add(starts[0] as number);
  if (closesMidSentence) cuts.add(starts[starts.length - 1] as number);
  if (cuts.size === 0) return [span];
  const pieces: QuoteSpan[] = [];
  let from = span.start;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    pieces.push({ ...span, start: from, end: text.slice(from, cut).trimEnd().length + from });
    from = cut;
  }
  pieces.push({ ...span, start: from });
  return pieces;
}
