/**
 * The one sentence splitter: the name tagger (lib/entities/tokens.ts, articles and training corpora alike) and the quote
 * stage's layout (lib/quotes/text.ts) both cut sentences here, over the tokeniser's tokens. Abbreviations, initials, a
 * German date's ordinal ("3. Oktober") and decimals end no sentence because the tokeniser keeps their dot inside the token
 * ("Gen.", "J.", "3.", "3.5"), by each language's data (lib/text/languages); the marks that close and open a sentence
 * beyond English's are that data too.
 */

import { isAt, LETTER, NUMBER, OTHER_LETTER, startsWith, UPPER, widthAt } from './chars';
import { textConventions } from './index';

/** A token as the splitter reads it: its text and, in an article, where it stands (UTF-16 offsets, end exclusive). */
export interface SentencePiece {
  text: string;
  start: number;
  end: number;
}

export interface SentenceOptions {
  /** the text the tokens come from: a line break in it ends a sentence; corpus tokens have none */
  text?: string;
  language?: string;
  /** a run-on "sentence" (a list, text with no stops) is cut after this many tokens */
  maxTokens?: number;
  /** spans no sentence ends inside, except at their own end (quotations, sorted, not overlapping) */
  keepWhole?: readonly { start: number; end: number }[];
}

const ENDS_SENTENCE = /^(?:[.!?…]|\.{2,}|[!?]+)$/;
const CLOSERS = /^["”’')\]»]$/;
const OPENING_MARKS = '"“‘\'([«';
/** A capital, a digit, a letter of a script without case, or an opening mark or bracket: what a sentence starts with. */
const opensSentence = (word: string) =>
  startsWith(word, UPPER | NUMBER | OTHER_LETTER) || (word.length > 0 && OPENING_MARKS.includes(word[0] as string));

/**
 * Whether the dot at `dot` belongs to a listed abbreviation the tokeniser cut apart ("n.Chr.", written without spaces):
 * the letters and dots around it (at most 8 characters each way), less a final dot.
 */
function inAbbreviation(text: string, dot: number, isAbbreviation: (word: string) => boolean): boolean {
  const before = text.slice(Math.max(0, dot - 8), dot);
  const after = text.slice(dot, dot + 9);
  let from = before.length;
  while (from > 0) {
    // (The code point before `from`: a surrogate pair read whole.)
    const pair = from > 1 && isAt(before, from - 2, LETTER) && widthAt(before, from - 2) === 2;
    if (pair) from -= 2;
    else if (before[from - 1] === '.' || isAt(before, from - 1, LETTER)) from--;
    else break;
  }
  let to = 0;
  while (to < after.length && (after[to] === '.' || isAt(after, to, LETTER))) to += widthAt(after, to);
  return isAbbreviation(before.slice(from) + after.slice(0, to));
}

/**
 * The sentence of each token, as an array beside them: a new sentence after ".", "!", "?", "…" (and any closing quotes or
 * brackets right after them) before a capital, a digit or an opening mark; and after a line break in `text`.
 */
export function sentenceIndices(tokens: readonly SentencePiece[], options: SentenceOptions = {}): Int32Array {
  const { text, language = 'en', maxTokens = Number.POSITIVE_INFINITY, keepWhole = [] } = options;
  // (A language may close and open quotes with other marks: German closes with “ ‘ «, opens with „ ‚.)
  const { sentenceClosers, sentenceOpeners, isAbbreviation } = textConventions(language);
  const closes = (word: string) => CLOSERS.test(word) || (word.length === 1 && sentenceClosers.includes(word));
  const opens = (word: string) => opensSentence(word) || (word.length === 1 && sentenceOpeners.includes(word));
  const out = new Int32Array(tokens.length);
  let sentence = 0;
  let pendingEnd = false;
  let length = 0;
  let whole = 0;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k] as SentencePiece;
    if (k > 0) {
      const previous = tokens[k - 1] as SentencePiece;
      const gap = text === undefined ? '' : text.slice(previous.end, t.start);
      // A quote mark or bracket right after the full stop closes the sentence; one after a space opens the next.
      const closing = pendingEnd && closes(t.text) && gap === '';
      let ends = gap.includes('\n') || length >= maxTokens;
      if (!ends && pendingEnd && !closing && opens(t.text)) {
        // Inside a span kept whole, only the punctuation that closes it counts.
        while (whole < keepWhole.length && (keepWhole[whole] as { end: number }).end < previous.end) whole++;
        const span = keepWhole[whole];
        ends = !(span && span.start < previous.start && previous.end < span.end);
      }
      if (ends) {
        sentence++;
        pendingEnd = false;
        length = 0;
      }
    }
    out[k] = sentence;
    length++;
    if (ENDS_SENTENCE.test(t.text)) pendingEnd = !(t.text === '.' && text !== undefined && inAbbreviation(text, t.start, isAbbreviation));
    else if (!(pendingEnd && closes(t.text))) pendingEnd = false;
  }
  return out;
}
