/**
 * Gradient-boosted regression trees for a binary label (logistic loss), grown level by level to a fixed depth on
 * histogram bins, as LightGBM and XGBoost's "hist" method do, small enough to read. Deterministic: no sampling.
 */

export interface GbdtOptions {
  trees: number;
  depth: number;
  learningRate: number;
  bins: number;
  minLeaf: number;
  l2: number;
}

/** A tree in heap order: node k splits on `feature[k]` at `threshold[k]` (x < t goes left to 2k+1); leaves follow. */
export interface Tree {
  feature: number[];
  threshold: number[];
  leaf: number[];
}

export interface Gbdt {
  base: number;
  depth: number;
  trees: Tree[];
}

/** Feature index that sends every row left: a node that did not split. */
export const NO_SPLIT = 255;

export function trainGbdt(rows: number[][], labels: number[], weights: number[], o: GbdtOptions): Gbdt {
  const n = rows.length;
  const dims = rows[0]?.length ?? 0;
  if (dims >= NO_SPLIT) throw new Error(`at most ${NO_SPLIT - 1} features`);
  // Split points halfway between neighbouring distinct values, so a value rounded on the way into the model file
  // never lands on the other side of a split it was trained on.
  const edges: number[][] = [];
  const columns = new Uint8Array(dims * n);
  const values = new Float64Array(n);
  for (let j = 0; j < dims; j++) {
    for (let i = 0; i < n; i++) values[i] = rows[i]?.[j] ?? 0;
    const sorted = Float64Array.from(values).sort();
    const cuts: number[] = [];
    for (let b = 1; b < o.bins; b++) {
      const k = Math.floor((b * n) / o.bins);
      const hi = sorted[k] as number;
      let lo = k;
      while (lo > 0 && (sorted[lo - 1] as number) >= hi) lo--;
      if (lo === 0) continue;
      const cut = ((sorted[lo - 1] as number) + hi) / 2;
      if (!cuts.length || cut > (cuts[cuts.length - 1] as number)) cuts.push(cut);
    }
    edges.push(cuts);
    for (let i = 0; i < n; i++) {
      const v = values[i] as number;
      let lo = 0;
      let hi = cuts.length;
      while (lo < hi) {
        const m = (lo + hi) >> 1;
        if (v >= (cuts[m] as number)) lo = m + 1;
        else hi = m;
      }
      columns[j * n + i] = lo;
    }
  }
  let positive = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    positive += (labels[i] as number) * (weights[i] as number);
    total += weights[i] as number;
  }
  const base = Math.log(positive / (total - positive));
  const score = new Float64Array(n).fill(base);
  const grad = new Float64Array(n);
  const hess = new Float64Array(n);
  const gs = new Float64Array(o.bins + 1);
  const hs = new Float64Array(o.bins + 1);
  const cs = new Float64Array(o.bins + 1);
  const model: Gbdt = { base, depth: o.depth, trees: [] };
  const internal = 2 ** o.depth - 1;
  for (let t = 0; t < o.trees; t++) {
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-(score[i] as number)));
      const w = weights[i] as number;
      grad[i] = (p - (labels[i] as number)) * w;
      hess[i] = Math.max(1e-6, p * (1 - p)) * w;
    }
    const tree: Tree = { feature: Array(internal).fill(NO_SPLIT), threshold: Array(internal).fill(0), leaf: Array(internal + 1).fill(0) };
    const grow = (node: number, rowsIn: Int32Array, level: number) => {
      let G = 0;
      let H = 0;
      for (const i of rowsIn) {
        G += grad[i] as number;
        H += hess[i] as number;
      }
      if (level === o.depth) {
        const value = (-G / (H + o.l2)) * o.learningRate;
        tree.leaf[node - internal] = value;
        for (const i of rowsIn) score[i] = (score[i] as number) + value;
        return;
      }
      let best = 1e-9;
      let bestFeature = -1;
      let bestBin = -1;
      const parent = (G * G) / (H + o.l2);
      if (rowsIn.length >= 2 * o.minLeaf) {
        for (let j = 0; j < dims; j++) {
          const bins = (edges[j] as number[]).length + 1;
          if (bins < 2) continue;
          gs.fill(0, 0, bins);
          hs.fill(0, 0, bins);
          cs.fill(0, 0, bins);
          const offset = j * n;
          for (const i of rowsIn) {
            const b = columns[offset + i] as number;
            gs[b] = (gs[b] as number) + (grad[i] as number);
            hs[b] = (hs[b] as number) + (hess[i] as number);
            cs[b] = (cs[b] as number) + 1;
          }
          let gl = 0;
          let hl = 0;
          let cl = 0;
          for (let b = 0; b < bins - 1; b++) {
            gl += gs[b] as number;
            hl += hs[b] as number;
            cl += cs[b] as number;
            if (cl < o.minLeaf || rowsIn.length - cl < o.minLeaf) continue;
            const gain = (gl * gl) / (hl + o.l2) + (G - gl) ** 2 / (H - hl + o.l2) - parent;
            if (gain > best) {
              best = gain;
              bestFeature = j;
              bestBin = b;
            }
          }
        }
      }
      if (bestFeature < 0) {
        // No split worth making: every row goes left, and the right subtree stays empty.
        grow(2 * node + 1, rowsIn, level + 1);
        fillEmpty(tree, 2 * node + 2, internal);
        return;
      }
      tree.feature[node] = bestFeature;
      tree.threshold[node] = (edges[bestFeature] as number[])[bestBin] as number;
      const offset = bestFeature * n;
      const left: number[] = [];
      const right: number[] = [];
      for (const i of rowsIn) ((columns[offset + i] as number) <= bestBin ? left : right).push(i);
      grow(2 * node + 1, Int32Array.from(left), level + 1);
      grow(2 * node + 2, Int32Array.from(right), level + 1);
    };
    grow(
      0,
      Int32Array.from({ length: n }, (_, i) => i),
      0,
    );
    model.trees.push(tree);
  }
  return model;
}

function fillEmpty(tree: Tree, node: number, internal: number) {
  if (node >= internal) return;
  tree.feature[node] = NO_SPLIT;
  fillEmpty(tree, 2 * node + 1, internal);
  fillEmpty(tree, 2 * node + 2, internal);
}

export function predictGbdt(model: Gbdt, x: number[]): number {
  const internal = 2 ** model.depth - 1;
  let z = model.base;
  for (const tree of model.trees) {
    let k = 0;
    while (k < internal) {
      const f = tree.feature[k] as number;
      k = f === NO_SPLIT || (x[f] ?? 0) < (tree.threshold[k] as number) ? 2 * k + 1 : 2 * k + 2;
    }
    z += tree.leaf[k - internal] as number;
  }
  return 1 / (1 + Math.exp(-z));
}
