// Two small linear learners, full-batch and deterministic (no random state): a logistic regression for "is it a
// quote", and a conditional logit that ranks a quote's speaker candidates against "no one".

/** Feature names to indices; only features seen at least `minCount` times in training get a weight. */
export class FeatureIndex {
  readonly ids = new Map<string, number>();
  readonly names: string[] = [];
  constructor(lists: Iterable<string[]>, minCount = 2) {
    const counts = new Map<string, number>();
    for (const list of lists) for (const f of new Set(list)) counts.set(f, (counts.get(f) ?? 0) + 1);
    for (const [f, n] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      if (n < minCount) continue;
      this.ids.set(f, this.names.length);
      this.names.push(f);
    }
  }
  encode(list: string[]): Int32Array {
    const out: number[] = [];
    for (const f of new Set(list)) {
      const id = this.ids.get(f);
      if (id !== undefined) out.push(id);
    }
    return Int32Array.from(out);
  }
}

export interface Options {
  iterations: number;
  rate: number;
  l2: number;
}

/** Adam over a full-batch gradient: the same data gives the same weights, run after run. */
function adam(size: number, options: Options, gradient: (w: Float64Array, g: Float64Array) => void): Float64Array {
  const w = new Float64Array(size);
  const g = new Float64Array(size);
  const m = new Float64Array(size);
  const v = new Float64Array(size);
  const [b1, b2, eps] = [0.9, 0.999, 1e-8];
  for (let t = 1; t <= options.iterations; t++) {
    g.fill(0);
    gradient(w, g);
    for (let i = 0; i < size; i++) {
      const gi = (g[i] as number) + options.l2 * (w[i] as number);
      m[i] = b1 * (m[i] as number) + (1 - b1) * gi;
      v[i] = b2 * (v[i] as number) + (1 - b2) * gi * gi;
      const mh = (m[i] as number) / (1 - b1 ** t);
      const vh = (v[i] as number) / (1 - b2 ** t);
      w[i] = (w[i] as number) - (options.rate * mh) / (Math.sqrt(vh) + eps);
    }
  }
  return w;
}

export interface BinaryExample {
  x: Int32Array;
  y: 0 | 1;
  weight: number;
}

export function trainLogistic(examples: BinaryExample[], size: number, options: Options): Float64Array {
  const total = examples.reduce((n, e) => n + e.weight, 0) || 1;
  return adam(size, options, (w, g) => {
    for (const e of examples) {
      let s = 0;
      for (const i of e.x) s += w[i] as number;
      const p = 1 / (1 + Math.exp(-s));
      const d = (e.weight * (p - e.y)) / total;
      for (const i of e.x) g[i] = (g[i] as number) + d;
    }
  });
}

/** One quote: its options (the first is "no one"), which of them are right, and how much the quote counts. */
export interface RankGroup {
  options: Int32Array[];
  positive: boolean[];
  weight: number;
}

/** Conditional logit with the likelihood of any right option (several mentions of one speaker may all be right). */
export function trainRanker(groups: RankGroup[], size: number, options: Options): Float64Array {
  const total = groups.reduce((n, e) => n + e.weight, 0) || 1;
  return adam(size, options, (w, g) => {
    for (const group of groups) {
      const scores = group.options.map((x) => {
        let s = 0;
        for (const i of x) s += w[i] as number;
        return s;
      });
      const max = Math.max(...scores);
      const e = scores.map((s) => Math.exp(s - max));
      const z = e.reduce((a, b) => a + b, 0);
      const zPos = e.reduce((a, b, i) => a + (group.positive[i] ? b : 0), 0);
      if (zPos === 0) continue;
      group.options.forEach((x, i) => {
        const p = (e[i] as number) / z;
        const q = group.positive[i] ? (e[i] as number) / zPos : 0;
        const d = (group.weight * (p - q)) / total;
        for (const f of x) g[f] = (g[f] as number) + d;
      });
    }
  });
}

/** Named weights, rounded, zeros left out, in a stable order. */
export function named(index: FeatureIndex, w: Float64Array): Record<string, number> {
  const out: Record<string, number> = {};
  index.names.forEach((name, i) => {
    const v = Math.round((w[i] as number) * 1e4) / 1e4;
    if (v !== 0) out[name] = v;
  });
  return out;
}
