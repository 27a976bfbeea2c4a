// Training examples from a document with gold quotes: the features the extension computes, labelled by the gold.
import { quoteFeatures, repeatedSpans } from '../../lib/quotes/classifier';
import type { QuoteSpan } from '../../lib/quotes/marks';
import { type Answer, type Attributed, rankContext, type SpeakerCandidate, speakerCandidates } from '../../lib/quotes/ranker';
import type { Doc, GoldQuote } from './corpus';

/** The eval's name match: equal after normalisation, or the same last word ("Rathke" for "Jeff Rathke"). */
export function normName(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/'s\b/g, '')
    .replace(/[.']/g, '')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

export function sameSpeaker(said: string, names: string[]): boolean {
  const a = normName(said);
  const last = a.split(' ').at(-1);
  return (
    !!last &&
    names.some((n) => {
      const b = normName(n);
      return a === b || b.split(' ').at(-1) === last;
    })
  );
}

/** Gold quotes matched one-to-one to candidate spans, largest overlap first, as the eval matches predictions. */
export function matchGold(spans: QuoteSpan[], gold: GoldQuote[]): Map<QuoteSpan, GoldQuote> {
  const pairs: [number, QuoteSpan, GoldQuote][] = [];
  for (const g of gold) {
    for (const s of spans) {
      const overlap = Math.min(s.end, g.end) - Math.max(s.start, g.start);
      if (overlap >= (g.end - g.start) / 2) pairs.push([overlap, s, g]);
    }
  }
  pairs.sort((a, b) => b[0] - a[0] || a[1].start - b[1].start);
  const out = new Map<QuoteSpan, GoldQuote>();
  const used = new Set<GoldQuote>();
  for (const [, s, g] of pairs) {
    if (out.has(s) || used.has(g)) continue;
    out.set(s, g);
    used.add(g);
  }
  return out;
}

export interface ClassifierExample {
  features: string[];
  label: 0 | 1;
}

export interface RankerExample {
  /** options[0] is "no one" */
  options: string[][];
  positive: boolean[];
}

export interface DocExamples {
  quotes: ClassifierExample[];
  speakers: RankerExample[];
  /** for pronouns and descriptions that attribute a quote: which of their readings is right */
  referents: RankerExample[];
}

function isRight(gold: GoldQuote, answer: Answer): boolean {
  if (gold.names) return sameSpeaker(answer.name, gold.names);
  // An unnamed source: its description as written ("a US official", "the doctors").
  return !answer.entityId && !!gold.description && sameSpeaker(answer.name, [gold.description]);
}

/** LitBank names the speaker entity's mentions: a candidate is right when its mention, and what it refers back to, are. */
function isRightInLitbank(
  doc: Doc,
  gold: GoldQuote,
  previous: GoldQuote | undefined,
  beforePrevious: GoldQuote | undefined,
  c: SpeakerCandidate,
): boolean {
  const isSpeaker = (i: number) => {
    const m = doc.an.mentions[i];
    return !!m && (gold.speakerMentions ?? []).some(([s, e]) => s < m.end && m.start < e);
  };
  const previousSpoke = !!previous && previous.speakerId === gold.speakerId;
  if (c.via === -3) return !!beforePrevious && beforePrevious.speakerId === gold.speakerId && !previousSpoke;
  if (c.mention === -1) return previousSpoke;
  if (!isSpeaker(c.mention)) return false;
  // A description as written is right only for a speaker the excerpt never names (the product's convention: a name
  // whenever there is one); otherwise what it refers back to must be one of the speaker's mentions.
  if (c.via === -1) return !gold.names;
  return c.via === -2 ? previousSpoke : isSpeaker(c.via);
}

/** The latest quote before `last` whose speaker is another one. */
function lastOtherSpeaker(quotes: GoldQuote[], last: GoldQuote | undefined): GoldQuote | undefined {
  for (let i = quotes.length - 1; i >= 0; i--) if ((quotes[i] as GoldQuote).speakerId !== last?.speakerId) return quotes[i];
  return undefined;
}

export function docExamples(doc: Doc): DocExamples {
  const { an } = doc;
  const matched = matchGold(an.spans, doc.quotes);
  const repeated = repeatedSpans(an);
  const quotes: ClassifierExample[] = [];
  let coveredTo = -1;
  for (const span of an.spans) {
    const gold = matched.get(span);
    // Inside a quote taken as one, a nested one is never its own: the decoder skips it, so training does too.
    if (span.start < coveredTo) continue;
    if (gold) coveredTo = span.end;
    quotes.push({ features: quoteFeatures(an, span, repeated.has(span)), label: gold ? 1 : 0 });
  }
  const ctx = rankContext(an);
  const history: Attributed[] = [];
  const speakers: RankerExample[] = [];
  const referents: RankerExample[] = [];
  const previousGold: GoldQuote[] = [];
  for (const span of an.spans) {
    const gold = matched.get(span);
    if (!gold) continue;
    const { candidates, none } = speakerCandidates(an, ctx, span, history);
    const last = previousGold[previousGold.length - 1];
    const positive = candidates.map((c) =>
      doc.source === 'litbank' ? isRightInLitbank(doc, gold, last, lastOtherSpeaker(previousGold, last), c) : isRight(gold, c.answer),
    );
    const anyRight = positive.some(Boolean);
    // What a pronoun or a description in the attribution refers back to, learned on its own too: where a name near the
    // quote already carries the speaker, the joint likelihood would not need the referent to be right.
    const bySlot = new Map<number, number[]>();
    candidates.forEach((c, i) => {
      const m = c.mention >= 0 ? an.mentions[c.mention] : undefined;
      if (m && (m.kind === 'PRON' || m.kind === 'DESC')) bySlot.set(c.mention, [...(bySlot.get(c.mention) ?? []), i]);
    });
    for (const [slot, indices] of bySlot) {
      if (indices.length < 2) continue;
      const slotIsSpeaker =
        doc.source === 'litbank'
          ? (gold.speakerMentions ?? []).some(([s, e]) => s < (an.mentions[slot]?.end ?? 0) && (an.mentions[slot]?.start ?? 0) < e)
          : (candidates[indices[0] as number]?.features ?? []).some((f) => /^(pa|pb|pi):/.test(f));
      const right = indices.map((i) => positive[i] as boolean);
      if (!slotIsSpeaker || !right.some(Boolean) || right.every(Boolean)) continue;
      referents.push({ options: indices.map((i) => (candidates[i]?.features ?? []).filter((f) => f.includes(':a:'))), positive: right });
    }
    // An unnamed source with no description among the candidates teaches nothing about who spoke.
    const named = doc.source === 'litbank' || !!gold.names;
    if (candidates.length && (anyRight || named)) {
      speakers.push({ options: [none, ...candidates.map((c) => c.features)], positive: [!anyRight, ...positive] });
    }
    // What the next quote sees as "the previous speaker": the gold one, as the candidates name it.
    const right = candidates.find((c, i) => positive[i] && c.mention !== -1) ?? candidates.find((_, i) => positive[i]);
    history.push({ quote: span, answer: right?.answer ?? null });
    previousGold.push(gold);
  }
  return { quotes, speakers, referents };
}

export interface QuoteScores {
  gold: number;
  predicted: number;
  matched: number;
  /** matched quotes whose gold speaker has a name, and how many of them got it */
  judged: number;
  right: number;
}

/** The eval's quote figures for one document: one-to-one matching by overlap, speakers by name. */
export function scoreDoc(predicted: { start: number; end: number; speaker: string | null }[], gold: GoldQuote[]): QuoteScores {
  const pairs: [number, number, number][] = [];
  gold.forEach((g, i) => {
    predicted.forEach((p, j) => {
      const overlap = Math.min(p.end, g.end) - Math.max(p.start, g.start);
      if (overlap >= (g.end - g.start) / 2) pairs.push([overlap, i, j]);
    });
  });
  pairs.sort((a, b) => b[0] - a[0]);
  const usedGold = new Set<number>();
  const usedPred = new Set<number>();
  let judged = 0;
  let right = 0;
  for (const [, i, j] of pairs) {
    if (usedGold.has(i) || usedPred.has(j)) continue;
    usedGold.add(i);
    usedPred.add(j);
    const names = (gold[i] as GoldQuote).names;
    if (!names) continue;
    judged++;
    const said = (predicted[j] as { speaker: string | null }).speaker;
    if (said && sameSpeaker(said, names)) right++;
  }
  return { gold: gold.length, predicted: predicted.length, matched: usedGold.size, judged, right };
}

export function sumScores(all: QuoteScores[]): QuoteScores & { p: number; r: number; f1: number; accuracy: number } {
  const t = all.reduce((a, s) => ({
    gold: a.gold + s.gold,
    predicted: a.predicted + s.predicted,
    matched: a.matched + s.matched,
    judged: a.judged + s.judged,
    right: a.right + s.right,
  }));
  const p = t.matched / Math.max(1, t.predicted);
  const r = t.matched / Math.max(1, t.gold);
  return { ...t, p, r, f1: p + r ? (2 * p * r) / (p + r) : 0, accuracy: t.right / Math.max(1, t.judged) };
}
