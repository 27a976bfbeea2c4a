/** Averaged structured perceptron over hashed features, with lazy averaging; shared by both stages of the trainer. */
import { COLUMNS, type StageWeights, TAG_COUNT, viterbi } from '../../lib/entities/tagger';

export interface Example {
  /** feature hashes per token (see sentenceFeatures) */
  hashes: Uint32Array;
  offsets: Uint32Array;
  gold: Int32Array;
  allowed: Uint32Array | null;
  /** update size (domain weighting) */
  weight: number;
  /** fixed scores added before this stage's own (the second stage carries the first stage's) */
  base?: Float32Array;
}

/** A seeded generator (mulberry32): the same seed gives the same shuffles, so training is reproducible. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: T[], next: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

export class Perceptron {
  readonly T = TAG_COUNT;
  readonly w: Float32Array;
  readonly u: Float64Array;
  readonly tr: Float32Array;
  readonly tru: Float64Array;
  c = 1;
  constructor(readonly bits: number) {
    this.w = new Float32Array((1 << bits) * this.T);
    this.u = new Float64Array((1 << bits) * this.T);
    this.tr = new Float32Array((this.T + 1) * this.T);
    this.tru = new Float64Array((this.T + 1) * this.T);
  }

  /** Scores of every tag (O included) under the current weights. */
  emissions(ex: Example): Float32Array {
    const n = ex.offsets.length - 1;
    const T = this.T;
    const e = ex.base ? Float32Array.from(ex.base) : new Float32Array(n * T);
    const shift = 32 - this.bits;
    for (let k = 0; k < n; k++) {
      for (let f = ex.offsets[k] as number, end = ex.offsets[k + 1] as number; f < end; f++) {
        const base = ((ex.hashes[f] as number) >>> shift) * T;
        for (let t = 0; t < T; t++) e[k * T + t] = (e[k * T + t] as number) + (this.w[base + t] as number);
      }
    }
    return e;
  }

  private bump(f: number, tag: number, by: number): void {
    const shift = 32 - this.bits;
    const i = (f >>> shift) * this.T + tag;
    this.w[i] = (this.w[i] as number) + by;
    this.u[i] = (this.u[i] as number) + this.c * by;
  }

  train(ex: Example): boolean {
    const n = ex.offsets.length - 1;
    if (!n) return false;
    const e = this.emissions(ex);
    const predicted = viterbi(e, n, this.tr);
    const gold = ex.allowed ? viterbi(e, n, this.tr, ex.allowed) : ex.gold;
    let wrong = false;
    for (let k = 0; k < n; k++) {
      const g = gold[k] as number;
      const p = predicted[k] as number;
      const gPrev = k ? (gold[k - 1] as number) : -1;
      const pPrev = k ? (predicted[k - 1] as number) : -1;
      if (g !== p) {
        wrong = true;
        for (let f = ex.offsets[k] as number, end = ex.offsets[k + 1] as number; f < end; f++) {
          const h = ex.hashes[f] as number;
          this.bump(h, g, ex.weight);
          this.bump(h, p, -ex.weight);
        }
      }
      if (g !== p || gPrev !== pPrev) {
        const gi = (gPrev + 1) * this.T + g;
        const pi = (pPrev + 1) * this.T + p;
        this.tr[gi] = (this.tr[gi] as number) + ex.weight;
        this.tru[gi] = (this.tru[gi] as number) + this.c * ex.weight;
        this.tr[pi] = (this.tr[pi] as number) - ex.weight;
        this.tru[pi] = (this.tru[pi] as number) - this.c * ex.weight;
      }
    }
    this.c++;
    return wrong;
  }

  /**
   * The averaged weights less O's (see StageWeights), quantised to int8, clipped at the `quantile` of |w| (1: the
   * largest, nothing clipped).
   */
  averaged(quantile = 0.9995): StageWeights {
    const T = this.T;
    const rows = this.w.length / T;
    const avg = new Float32Array(rows * COLUMNS);
    const mean = (i: number) => (this.w[i] as number) - (this.u[i] as number) / this.c;
    for (let r = 0; r < rows; r++) {
      const o = mean(r * T);
      for (let c = 0; c < COLUMNS; c++) avg[r * COLUMNS + c] = mean(r * T + c + 1) - o;
    }
    const tr = new Float32Array(this.tr.length);
    for (let i = 0; i < tr.length; i++) tr[i] = (this.tr[i] as number) - (this.tru[i] as number) / this.c;
    const magnitudes: number[] = [];
    // (Sampled in a big table; every weight in a small one.)
    const stride = avg.length > 1 << 20 ? 7 : 1;
    for (let i = 0; i < avg.length; i += stride) if (avg[i] !== 0) magnitudes.push(Math.abs(avg[i] as number));
    magnitudes.sort((a, b) => a - b);
    const clip = magnitudes[Math.min(magnitudes.length - 1, Math.floor(magnitudes.length * quantile))] ?? 1;
    const scale = clip / 127;
    const weights = new Int8Array(avg.length);
    for (let i = 0; i < avg.length; i++) weights[i] = Math.max(-127, Math.min(127, Math.round((avg[i] as number) / scale)));
    return { bits: this.bits, scale, weights, transitions: tr };
  }
}
