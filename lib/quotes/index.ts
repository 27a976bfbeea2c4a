import type { Entity, Quote, Span } from '../analyze/types';
import { findQuoteSpans, type QuoteSpan } from './marks';
import { splitAtSentences } from './sentences';
import { attributeSpeakers } from './speakers';

export { findQuoteSpans, type QuoteSpan } from './marks';
export { passages } from './passages';

// A speech verb right after the quote, or after its short subject ("Smith said", "a witness told the BBC").
const SPEECH_NEAR =
  /^\s*[,.]?\s*(?:[^\s,;:!?"“”()]+\s+){0,4}?(said|says|added|adds|noted|told|tells|asked|replied|wrote|explained|continued|insisted|warned|stated|according)\b/i;

// Words that can follow a partial quote in running prose without the quote being a noun's modifier.
const FUNCTION_WORD =
  /^(and|or|but|nor|so|yet|that|which|who|whom|whose|when|where|while|because|if|as|than|then|to|in|of|for|on|at|by|with|from|into|about|over|after|before|is|are|was|were|be|been|has|have|had|will|would|could|should|may|might|can|must|do|does|did|not|he|she|they|it|we|i|you|his|her|their|its|said|says|say|told|added|wrote|asked|according)$/;

function words(s: string): number {
  return s.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

/** Scare quotes and titles ("so-called ‘experts’", “Star Wars”) are quoted words, not reported speech. */
function isReportedSpeech(text: string, span: QuoteSpan): boolean {
  const inner = text.slice(span.start + 1, span.end - 1).trim();
  const n = words(inner);
  const after = text.slice(span.end, span.end + 40);
  const before = text.slice(Math.max(0, span.start - 40), span.start);
  const saidBefore =
    /\b(said|says|told|added|asked|wrote|replied|saying|stated|declared|declaring|proclaimed|proclaiming|telling)\b[^.!?"“”]{0,30}?[,:]?\s*$/i.test(
      before,
    ) || /:\s*$/.test(before);
  const attributed = saidBefore || SPEECH_NEAR.test(after);
  if (n === 0) return false;
  // A few quoted words right before a noun modify it (the first “solid” sample, features “free as in beer” content):
  // a mention, whatever verb stands before.
  const nextWord = /^\s(\p{Ll}+)\b/u.exec(after)?.[1];
  if (n <= 5 && nextWord && !FUNCTION_WORD.test(nextWord) && !/[.!?,;:…]$/.test(inner)) return false;
  // A few words are a quote when a speech verb introduces them ("told the police, “everything he did”"), or when they
  // end like a sentence and a speech verb follows; otherwise they are scare quotes or a title.
  if (n <= 3) return saidBefore || (attributed && /[.!?,…]$/.test(inner));
  const titleCase = inner.split(/\s+/).every((w) => /^[\p{Lu}\p{N}]|^(of|the|a|an|and|in|on|for|to|with|at|by)$/u.test(w));
  if (titleCase && n <= 8 && !attributed) return false;
  if (span.single && n <= 5 && !attributed) return false;
  return true;
}

function isPartial(text: string, span: QuoteSpan): boolean {
  const inner = text.slice(span.start + 1, span.end - 1).trimStart();
  const before = text.slice(Math.max(0, span.start - 3), span.start);
  const startsSentence = /^(|.*[.!?:\n]\s*)$/s.test(before) || /[,:]\s*$/.test(before) || span.start === 0;
  return !startsSentence && /^\p{Ll}/u.test(inner);
}

/** Reported speech in the text with its speaker: direct and partial quotes, scare quotes and titles left out. */
export function findQuotes(text: string, entities: Entity[], blockQuotes: Span[] = []): Quote[] {
  const marked = findQuoteSpans(text).filter((s) => isReportedSpeech(text, s));
  // A block quotation is one quote, unless its own quote marks already delimit the quoted words.
  const blocks = blockQuotes.filter((b) => !marked.some((m) => m.start < b.end && b.start < m.end)).map((b) => ({ ...b, single: false }));
  const spans = [...marked, ...blocks].sort((a, b) => a.start - b.start);
  const speakers = attributeSpeakers(text, spans, entities);
  return spans.flatMap((span, i) => {
    const speaker = speakers[i];
    const partial = isPartial(text, span);
    return splitAtSentences(text, span).map((piece, n) => ({
      start: piece.start,
      end: piece.end,
      text: text.slice(piece.start, piece.end),
      speaker: speaker?.name ?? null,
      speakerText: speaker?.written ?? null,
      speakerId: speaker?.entityId ?? null,
      partial,
      continuesPrevious: n > 0,
    }));
  });
}
