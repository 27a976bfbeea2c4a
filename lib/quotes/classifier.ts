import { hasRun, isAt, LETTER, LOWER, NUMBER, replaceRunsWithout, someChar, UPPER } from '../text/chars';
import type { QuoteAnalysis } from './analysis';
import { symbolsBetween } from './attribution';
import type { QuoteSpan } from './marks';
import { firstEndingAfter, lastAtOrBefore, type Word } from './text';

/** Word indices [first, last] inside a span (last < first when it holds none). */
export function wordsIn(an: QuoteAnalysis, span: { start: number; end: number }): [number, number] {
  const { words } = an.layout;
  const first = firstEndingAfter(words, span.start);
  const last = lastAtOrBefore(words, span.end - 1);
  let b = last;
  while (b >= first && (words[b] as Word).end > span.end) b--;
  return [first, b];
}

const bucket = (n: number, edges: number[]): string => {
  for (const e of edges) if (n <= e) return `${e}`;
  return `>${edges[edges.length - 1]}`;
};

/**
 * The last character of a quoted utterance, `end` as read inside its marks (English's “…,”), or, where the language
 * writes the utterance's comma after the closing mark („…“, sagte sie), the comma right after them.
 */
export function utteranceEnd(an: QuoteAnalysis, span: QuoteSpan, end: string): string {
  return an.lex.commaAfterClosingMark && span.close && !/[.!?,…]/.test(end) && an.text[span.end] === ',' ? ',' : end;
}

const SPACE = /\s/;
/** A full stop, question or exclamation mark, spaces, then a capital (`/[.!?]\s+\p{Lu}/u`): more than one sentence. */
export function stopThenCapital(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    let j = i + 1;
    while (j < s.length && SPACE.test(s[j] as string)) j++;
    if (j > i + 1 && j < s.length && isAt(s, j, UPPER)) return true;
  }
  return false;
}

/** How a passage's own words read: a sentence, a phrase, a title in capitals. */
function shapeFeatures(an: QuoteAnalysis, span: QuoteSpan, first: number, last: number): string[] {
  const { words } = an.layout;
  const text = an.text;
  const n = Math.max(0, last - first + 1);
  const f = [`len:${bucket(n, [1, 2, 3, 5, 8, 15, 30])}`];
  const inner = text.slice(span.start + span.open.length, span.end - span.close.length).trim();
  const end = inner.replace(/["“”'’‘»«\s]+$/u, '').slice(-1);
  f.push(`end:${end === '.' || end === '!' || end === '?' || end === ',' || end === '…' ? end : someChar(end, LETTER | NUMBER) ? 'word' : 'other'}`);
  const start = inner.replace(/^[.…\s'"“‘]+/u, '')[0] ?? '';
  f.push(someChar(start, UPPER) ? 'start:cap' : someChar(start, LOWER) ? 'start:lower' : 'start:other');
  if (n >= 2) {
    let content = 0;
    let caps = 0;
    for (let k = first; k <= last; k++) {
      const w = words[k] as Word;
      if (an.lex.functionWords.has(w.lower) && !w.cap) continue;
      content++;
      if (w.cap) caps++;
    }
    // (Where every noun has a capital, a phrase of nouns is no title: German titles are not written in title case.)
    if (content > 0 && caps === content && n <= 12 && !an.lex.capitalisedNouns) f.push('title_case');
  }
  let firstPerson = false;
  for (let k = first; k <= last && !firstPerson; k++) firstPerson = an.lex.firstPersonWords.has((words[k] as Word).lower);
  if (firstPerson) f.push('first_person');
  if (stopThenCapital(inner)) f.push('sentences:many');
  if (inner === inner.toUpperCase() && hasRun(inner, UPPER, 3)) f.push('all_caps');
  if (/^(https?:|www\.|@|#)/.test(inner)) f.push('handle_or_link');
  return f;
}

/**
 * Features of a candidate passage for "is it reported speech": its shape, its marks, and the narrative around it
 * (a speech verb, a colon, a name or pronoun in its sentence, a cue word that introduces titles and terms).
 */
export function quoteFeatures(an: QuoteAnalysis, span: QuoteSpan, repeated: boolean): string[] {
  const { words, sentences, paragraphs } = an.layout;
  const text = an.text;
  const [first, last] = wordsIn(an, span);
  const n = Math.max(0, last - first + 1);
  const f = ['bias', ...shapeFeatures(an, span, first, last)];
  if (span.single) f.push('marks:single');
  if (span.open === '') f.push('marks:no_open');
  if (span.close === '') f.push('marks:no_close');
  if (span.continuesPrevious) f.push('continues_previous');
  if (span.continuesNext) f.push('continues_next');
  if (span.depth > 0) {
    f.push('nested');
    return f;
  }
  if (repeated) f.push('repeated');
  const short = n <= 3 ? 'short' : n <= 8 ? 'mid' : 'long';
  const word = words[first] ?? words[Math.max(0, first - 1)];
  const sentence = word ? sentences[word.sentence] : undefined;
  const paragraph = word ? paragraphs[word.paragraph] : undefined;
  // (Compared by what lies beside the span, never by copying the paragraph: a paragraph may be a whole book.)
  const opens = !!paragraph && span.start - paragraph.start < 4 && !text.slice(paragraph.start, span.start).trim();
  const closes = !!paragraph && paragraph.end - span.end < 4 && !text.slice(span.end, paragraph.end).trim();
  if (opens && closes) f.push('paragraph:alone');
  else if (opens) f.push('paragraph:opens');
  const before = symbolsBetween(an, sentence?.start ?? 0, span.start, -1, 30, true);
  const after = symbolsBetween(an, span.end, Math.max(span.end, sentence?.end ?? span.end), -1, 30);
  const last1 = before.replace(/z$/, '').slice(-1) || '^';
  const next1 = after.slice(0, 1) || '$';
  f.push(`prev:${last1}`, `next:${next1}`, `${short}&prev:${last1}`, `${short}&next:${next1}`);
  const cueBefore = words[first - 1] && (words[first - 1] as Word).quote === -1 && an.lex.mentionCues.has((words[first - 1] as Word).lower);
  if (cueBefore) f.push('cue_before', `${short}&cue_before`);
  const prevWord = words[first - 1];
  if (prevWord && prevWord.quote === -1 && /^(as|like)$/.test(prevWord.lower)) f.push(`${short}&as_before`);
  const nextWord = words[last + 1];
  if (nextWord && nextWord.quote === -1 && nextWord.sentence === word?.sentence && !nextWord.cap) {
    const fn = an.lex.functionWords.has(nextWord.lower) || an.lex.speechVerbs.has(nextWord.lower);
    if (!fn && !/^[,.;:!?)]/.test(text.slice(span.end, nextWord.start).trim())) f.push(`${short}&next_word_modified`);
  }
  const verbNearBefore = /[VLv][^Q]{0,3}[,:]?$/.test(before);
  const verbNearAfter = /^[,]?[^Q.]{0,4}[VLv]/.test(after) || /^,?A/.test(after);
  if (verbNearBefore) f.push('verb_near_before', `${short}&verb_near_before`);
  if (verbNearAfter) f.push('verb_near_after', `${short}&verb_near_after`);
  const sentenceSymbols = before + after;
  // (A clause in the mood of reported speech says "someone said so" as a speech verb does: German "… sei „unsinnig“".)
  const reported = reportedSpeechAround(an, first, last);
  if (/[VLv]/.test(sentenceSymbols) || reported) f.push('verb_in_sentence', `${short}&verb_in_sentence`);
  if (reported) f.push(`${short}&reported_speech`);
  if (/[NOp]/.test(sentenceSymbols)) f.push('source_in_sentence', `${short}&source_in_sentence`);
  if (/[VLvA]/.test(sentenceSymbols) && /[NOp]/.test(sentenceSymbols)) f.push(`${short}&verb_and_source`);
  // (A speech noun may also stand in a description the ranker reads as a source, "X's statement that": the word counts.)
  if (/S/.test(before) || speechNounBefore(an, first, sentence?.start ?? 0)) f.push(`${short}&speech_noun_before`);
  if (/A/.test(sentenceSymbols)) f.push('source_phrase');
  if (/:$/.test(before)) f.push('colon_before');
  // "Name: … „…“", a headline's attribution: the name and a colon open the sentence.
  else if (/^[NOp]:/.test(before)) f.push('name_colon_opens');
  if (/-$/.test(before) || /^-/.test(after)) f.push('dash_beside');
  const narrative = sentenceSymbols.replace(/[^A-Za-z]/g, '').replace(/Q/g, '').length;
  f.push(`narrative:${bucket(narrative, [0, 3, 10])}`);
  if (/Q/.test(sentenceSymbols)) f.push(`${short}&other_quote_in_sentence`);
  if (/\(\s*$/.test(text.slice(Math.max(0, span.start - 3), span.start))) f.push('in_brackets');
  return f;
}

/** Whether a verb form of reported speech stands in the sentence around words [first, last] (at most 30 words each side). */
function reportedSpeechAround(an: QuoteAnalysis, first: number, last: number): boolean {
  const forms = an.lex.reportedSpeechForms;
  if (!forms.size) return false;
  const { words } = an.layout;
  const sentence = (words[first] ?? words[last])?.sentence;
  const outside = (k: number) => {
    const w = words[k];
    return !!w && w.sentence === sentence && w.quote === -1 && forms.has(w.lower);
  };
  for (let k = first - 1; k >= 0 && k >= first - 30 && words[k]?.sentence === sentence; k--) if (outside(k)) return true;
  for (let k = last + 1; k < words.length && k <= last + 30 && words[k]?.sentence === sentence; k++) if (outside(k)) return true;
  return false;
}

/** Whether a speech noun ("statement", "remarks") stands among the (at most 30) words of the sentence before word `first`. */
function speechNounBefore(an: QuoteAnalysis, first: number, sentenceStart: number): boolean {
  const { words } = an.layout;
  for (let k = first - 1; k >= 0 && k >= first - 30; k--) {
    const w = words[k] as Word;
    if (w.start < sentenceStart) break;
    if (w.quote === -1 && an.lex.speechNouns.has(w.lower)) return true;
  }
  return false;
}

/** Candidates whose inner words occur again as another candidate: slogans, names of campaigns and terms. */
export function repeatedSpans(an: QuoteAnalysis): Set<QuoteSpan> {
  const seen = new Map<string, QuoteSpan[]>();
  for (const s of an.spans) {
    const key = replaceRunsWithout(an.text.slice(s.start, s.end).toLowerCase(), LETTER | NUMBER, ' ').trim();
    if (!key) continue;
    const list = seen.get(key) ?? [];
    list.push(s);
    seen.set(key, list);
  }
  const out = new Set<QuoteSpan>();
  for (const list of seen.values()) if (list.length > 1) for (const s of list) out.add(s);
  return out;
}
