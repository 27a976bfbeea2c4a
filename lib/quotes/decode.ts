import type { QuoteAnalysis } from './analysis';
import { quoteFeatures, repeatedSpans } from './classifier';
import type { QuoteSpan } from './marks';
import { type QuoteModel, score, sigmoid, softmax } from './model';
import { type Answer, type Attributed, type RankContext, speakerCandidates, writtenAs } from './ranker';

/** The candidates the classifier takes for reported speech, with their probability: none inside another one taken. */
export function acceptQuotes(an: QuoteAnalysis, model: QuoteModel): { span: QuoteSpan; p: number }[] {
  const repeated = repeatedSpans(an);
  const accepted: { span: QuoteSpan; p: number }[] = [];
  let coveredTo = -1;
  for (const span of an.spans) {
    if (span.start < coveredTo) continue;
    // The page set a block quotation apart as someone's words: no mark or sentence shape needs to say so.
    if (span.block) {
      accepted.push({ span, p: 1 });
      coveredTo = span.end;
      continue;
    }
    const p = sigmoid(score(model.quote.weights, quoteFeatures(an, span, repeated.has(span))));
    if (p < model.quote.threshold) continue;
    accepted.push({ span, p });
    coveredTo = span.end;
  }
  return accepted;
}

export interface Ranked {
  answer: Answer | null;
  /** the probability of the answer given (or of "no one") */
  p: number;
}

/**
 * The speaker of one quote: the candidates' probabilities (a softmax over them and "no one"), summed per speaker, so
 * that several mentions of one person back each other; "no one" wins when no speaker gathers more.
 */
export function rankSpeaker(an: QuoteAnalysis, ctx: RankContext, quote: QuoteSpan, history: Attributed[], model: QuoteModel): Ranked {
  const { candidates, none } = speakerCandidates(an, ctx, quote, history);
  if (!candidates.length) return { answer: null, p: 1 };
  const w = model.speaker.weights;
  const probs = softmax([score(w, none), ...candidates.map((c) => score(w, c.features))]);
  const byKey = new Map<string, { answer: Answer; p: number; best: number }>();
  candidates.forEach((c, i) => {
    const p = probs[i + 1] as number;
    const entry = byKey.get(c.answer.key);
    if (!entry) byKey.set(c.answer.key, { answer: c.answer, p, best: p });
    else {
      entry.p += p;
      // The mention that carries most of the weight says how the speaker is written near the quote.
      if (p > entry.best) {
        entry.best = p;
        entry.answer = writtenAs(entry.answer, c.answer.written);
      }
    }
  });
  let top: { answer: Answer; p: number } | null = null;
  for (const entry of byKey.values()) if (!top || entry.p > top.p) top = entry;
  const pNone = probs[0] as number;
  if (!top || top.p < pNone) return { answer: null, p: pNone };
  return { answer: top.answer, p: top.p };
}
