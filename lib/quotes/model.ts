import trained from './model.json';

/** Weights of named features: a logistic model for "is it a quote", a conditional-logit ranker for "who said it". */
export interface QuoteModel {
  /** what trained it (data, folds, date-free so the file is reproducible) */
  about?: Record<string, unknown>;
  quote: { weights: Record<string, number>; threshold: number };
  speaker: { weights: Record<string, number> };
}

/** Weights as a Map, made once per weights object: a lookup by feature name for every candidate of every quote. */
const asMap = new WeakMap<Record<string, number>, Map<string, number>>();

export function score(weights: Record<string, number>, features: string[]): number {
  let map = asMap.get(weights);
  if (!map) {
    map = new Map(Object.entries(weights));
    asMap.set(weights, map);
  }
  let s = 0;
  for (const f of features) s += map.get(f) ?? 0;
  return s;
}

export const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** Softmax of scores, stable for large ones. */
export function softmax(scores: number[]): number[] {
  const max = Math.max(...scores);
  const e = scores.map((s) => Math.exp(s - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / sum);
}

/** The model shipped with the extension, written by `npm run train:quotes`. */
export const SHIPPED_MODEL = trained as QuoteModel;
