import type { Quote } from '../analyze/types';

/** Quotes as a reader sees them: the sentence pieces of one quotation joined back into one passage. */
export function passages(quotes: Quote[]): Quote[] {
  const joined: Quote[] = [];
  for (const q of quotes) {
    const last = joined[joined.length - 1];
    if (q.continuesPrevious && last && last.speakerId === q.speakerId && last.speaker === q.speaker) {
      joined[joined.length - 1] = { ...last, end: q.end, text: `${last.text} ${q.text}` };
    } else joined.push({ ...q, continuesPrevious: false });
  }
  return joined;
}
