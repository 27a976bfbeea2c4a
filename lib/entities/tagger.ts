/**
 * The name tagger's decoder: a hashed, quantised linear model over BIO tags (SCHEME; BILOU is one constant away),
 * decoded with Viterbi under the scheme's constraints. The model file (see readModel) is written by
 * scripts/train-ner.ts and records its tags, so a model of the other scheme is refused.
 */

import { LETTER, NUMBER, someChar } from '../text/chars';
import { Cap, EDGE as EDGE_WORD, FEATURE_VERSION, GROUPS, groupFeatures, type NerResources, type SentenceFeatures, type WordInfo } from './features';

export const ENTITY_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type TaggedType = (typeof ENTITY_TYPES)[number];

/**
 * BILOU: a name's first, inside and last tokens, and one-token names. (BIO, with half the weights per feature, was
 * measured too: about a point lower on every dev set, and only some 15 % faster.)
 */
const SCHEME = 'BILOU' as 'BIO' | 'BILOU';
const POSITION_NAMES = SCHEME === 'BIO' ? ['B', 'I'] : ['B', 'I', 'L', 'U'];
const P = POSITION_NAMES.length;

/** Tag k: 0 is O; 1 + P·type + position (B=0, I=1, and in BILOU L=2, U=3). */
export const TAG_COUNT = 1 + P * ENTITY_TYPES.length;
export const tagType = (tag: number) => (tag === 0 ? -1 : Math.floor((tag - 1) / P));
export const tagPosition = (tag: number) => (tag === 0 ? -1 : (tag - 1) % P);
/** The tag of a BILOU position (0 B, 1 I, 2 L, 3 U), in this scheme: under BIO, L is I and U is B. */
export const tagOf = (type: number, position: number) => 1 + P * type + (P === 2 ? (position === 0 || position === 3 ? 0 : 1) : position);
export const TAG_NAMES = ['O', ...ENTITY_TYPES.flatMap((t) => POSITION_NAMES.map((p) => `${p}-${t}`))];

/** A bit mask of O and every tag of the given type (partial labels: "O, or a name of this type"). */
export function oOrType(type: number): number {
  let mask = 1;
  for (let t = 1; t < TAG_COUNT; t++) if (tagType(t) === type) mask |= 1 << t;
  return mask;
}

/** A tag that continues a name (I, L). */
const inside = (tag: number) => tag > 0 && (tagPosition(tag) === 1 || tagPosition(tag) === 2);
/** A tag after which the name must go on (BILOU's B and I; nothing in BIO). */
const open = (tag: number) => SCHEME === 'BILOU' && tag > 0 && tagPosition(tag) <= 1;

/** Whether tag `b` may follow tag `a` (a = -1: the sentence start). */
export function allowedTransition(a: number, b: number): boolean {
  if (inside(b)) return a > 0 && tagType(a) === tagType(b) && (tagPosition(a) === 0 || tagPosition(a) === 1);
  return a < 0 || !open(a);
}
/** Whether a sentence may end on tag `a`. */
export const allowedEnd = (a: number) => !open(a);

export interface Span {
  /** token indexes, end exclusive */
  start: number;
  end: number;
  type: number;
}

export function spansOf(path: ArrayLike<number>): Span[] {
  const spans: Span[] = [];
  for (let k = 0; k < path.length; ) {
    const tag = path[k] as number;
    if (tag === 0) {
      k++;
      continue;
    }
    // A name runs from its first tag over the tags that continue it (a stray I opens one too).
    const type = tagType(tag);
    let end = k + 1;
    while (
      end < path.length &&
      inside(path[end] as number) &&
      tagType(path[end] as number) === type &&
      !(SCHEME === 'BILOU' && tagPosition(path[end - 1] as number) >= 2)
    )
      end++;
    spans.push({ start: k, end, type });
    k = end;
  }
  return spans;
}

/** O and every inside tag: what a token of punctuation alone may be. */
const O_OR_INSIDE = (() => {
  let mask = 1;
  for (let t = 1; t < TAG_COUNT; t++) if (inside(t) && tagPosition(t) === 1) mask |= 1 << t;
  return mask;
})();
/** Letters, digits, and the marks that open a handle or a tag ("@", "#": some corpora split them off the name). */
const isWordlike = (word: string) => someChar(word, LETTER | NUMBER) || word.includes('@') || word.includes('#');

/**
 * Tag masks for Viterbi where a sentence has tokens of punctuation alone ("—", "(", "&"): such a token never starts,
 * ends or is a name (it may be inside one: "AT & T"). Undefined when there is none (no constraint).
 */
export function punctuationInside(info: readonly { cap: number; lower: string }[]): Uint32Array | undefined {
  let masks: Uint32Array | undefined;
  for (let k = 0; k < info.length; k++) {
    const t = info[k] as { cap: number; lower: string };
    // (A word with a letter has a capitalisation class; only the others are read.)
    if (t.cap !== Cap.None || isWordlike(t.lower)) continue;
    masks ??= new Uint32Array(info.length).fill(0xffffffff);
    masks[k] = O_OR_INSIDE;
  }
  return masks;
}

const NEG = -1e30;

/**
 * Best tag path for `n` tokens. `emissions[k·T + t]` is tag t's score at token k; `transitions[(a + 1)·T + b]` the score of b
 * after a (row 0: after the start). `allowed`, when given, is a bit mask of the tags each token may take (training's
 * partial labels).
 */
export function viterbi(
  emissions: Float32Array,
  n: number,
  transitions: Float32Array,
  allowed?: Uint32Array,
  out: Int32Array = new Int32Array(n),
): Int32Array {
  const T = TAG_COUNT;
  if (!n) return out;
  if (scores.length < n * T) {
    scores = new Float64Array(n * T * 2);
    backs = new Int32Array(n * T * 2);
  }
  // (Module-level tables read through locals: this loop runs twice per sentence.)
  const score = scores;
  const back = backs;
  const from = FROM;
  const fromCount = FROM_COUNT;
  const stride = MAX_FROM;
  for (let b = 0; b < T; b++) {
    const ok = VALID[b] && (!allowed || (allowed[0] as number) & (1 << b));
    score[b] = ok ? (emissions[b] as number) + (transitions[b] as number) : NEG;
  }
  const table = transitionTable(transitions);
  if (BILOU4) {
    bilouSteps(score, back, emissions, n, table, allowed);
    return backtrack(score, back, n, out);
  }
  for (let k = 1; k < n; k++) {
    const mask = allowed ? (allowed[k] as number) : 0xffffffff;
    const row = k * T;
    const prev = row - T;
    for (let b = 0; b < T; b++) {
      if (!(mask & (1 << b))) {
        score[row + b] = NEG;
        continue;
      }
      // Only the tags that may come before b (two before an inside tag), with their transition scores, from flat
      // tables: b's predecessors are FROM[b · MAX_FROM …], FROM_COUNT[b] of them.
      const at = b * stride;
      const count = fromCount[b] as number;
      let best = NEG;
      let arg = 0;
      for (let i = at; i < at + count; i++) {
        const a = from[i] as number;
        const s = (score[prev + a] as number) + (table[i] as number);
        if (s > best) {
          best = s;
          arg = a;
        }
      }
      score[row + b] = best + (emissions[row + b] as number);
      back[row + b] = arg;
    }
  }
  return backtrack(score, back, n, out);
}

/** The best last tag a sentence may end on, then the path back from it. */
function backtrack(score: Float64Array, back: Int32Array, n: number, out: Int32Array): Int32Array {
  const T = TAG_COUNT;
  let best = NEG;
  let arg = 0;
  const last = (n - 1) * T;
  for (let a = 0; a < T; a++) {
    if (!allowedEnd(a)) continue;
    if ((score[last + a] as number) > best) {
      best = score[last + a] as number;
      arg = a;
    }
  }
  for (let k = n - 1; k >= 0; k--) {
    out[k] = arg;
    arg = back[k * T + arg] as number;
  }
  return out;
}

/**
 * BILOU over four types: every tag that opens a name, and O, follows the same nine tags (O and each type's L and U), and
 * an inside tag (I, L) its type's B and I. So Viterbi's steps read those nine scores once per token, not once per tag.
 * And of the nine, only those within the transitions' spread (see buildTable) of the best one can be an opening tag's
 * best predecessor: one further below loses to the best one whatever the transitions. So each step keeps those and
 * tries them in FROM's order: the same ties are broken the same way, and the path is the full search's.
 */
const CLOSED = [0, 3, 4, 7, 8, 11, 12, 15, 16];
/** A step's kept predecessors: their tags and scores. */
const keptTag = new Int32Array(CLOSED.length);
const keptScore = new Float64Array(CLOSED.length);
const CLOSED_TAG = Int32Array.from(CLOSED);

function bilouSteps(score: Float64Array, back: Int32Array, emissions: Float32Array, n: number, table: Float64Array, allowed?: Uint32Array): void {
  const T = TAG_COUNT;
  const stride = MAX_FROM;
  const spread = table[T * stride] as number;
  const tags = keptTag;
  const scores = keptScore;
  for (let k = 1; k < n; k++) {
    const mask = allowed ? (allowed[k] as number) : 0xffffffff;
    const row = k * T;
    const prev = row - T;
    // (The nine written out: as a loop over CLOSED they cost 5 % more of the warm pass, counted by callgrind.)
    const p0 = score[prev] as number;
    const p3 = score[prev + 3] as number;
    const p4 = score[prev + 4] as number;
    const p7 = score[prev + 7] as number;
    const p8 = score[prev + 8] as number;
    const p11 = score[prev + 11] as number;
    const p12 = score[prev + 12] as number;
    const p15 = score[prev + 15] as number;
    const p16 = score[prev + 16] as number;
    let top = p0;
    if (p3 > top) top = p3;
    if (p4 > top) top = p4;
    if (p7 > top) top = p7;
    if (p8 > top) top = p8;
    if (p11 > top) top = p11;
    if (p12 > top) top = p12;
    if (p15 > top) top = p15;
    if (p16 > top) top = p16;
    // (Strictly below by a margin far above float64's rounding of the sums, so a left-out sum never ties the best.)
    const floor = top - spread - 1e-9 * (1 + Math.abs(top) + spread);
    let kept = 0;
    if (p0 >= floor) {
      tags[kept] = 0;
      scores[kept++] = p0;
    }
    if (p3 >= floor) {
      tags[kept] = 1;
      scores[kept++] = p3;
    }
    if (p4 >= floor) {
      tags[kept] = 2;
      scores[kept++] = p4;
    }
    if (p7 >= floor) {
      tags[kept] = 3;
      scores[kept++] = p7;
    }
    if (p8 >= floor) {
      tags[kept] = 4;
      scores[kept++] = p8;
    }
    if (p11 >= floor) {
      tags[kept] = 5;
      scores[kept++] = p11;
    }
    if (p12 >= floor) {
      tags[kept] = 6;
      scores[kept++] = p12;
    }
    if (p15 >= floor) {
      tags[kept] = 7;
      scores[kept++] = p15;
    }
    if (p16 >= floor) {
      tags[kept] = 8;
      scores[kept++] = p16;
    }
    const only = tags[0] as number;
    const onlyScore = scores[0] as number;
    const onlyTag = CLOSED_TAG[only] as number;
    for (let b = 0; b < T; b++) {
      if (!(mask & (1 << b))) {
        score[row + b] = NEG;
        continue;
      }
      const at = b * stride;
      let best = NEG;
      let arg = 0;
      let s = 0;
      const position = (b - 1) & 3;
      if (b === 0 || position === 0 || position === 3) {
        // (tags[j] is the predecessor's place in CLOSED, which is its place in b's row of the table. One kept, the
        // common case, is read without the loop.)
        if (kept === 1) {
          s = onlyScore + (table[at + only] as number);
          if (s > best) {
            best = s;
            arg = onlyTag;
          }
          score[row + b] = best + (emissions[row + b] as number);
          back[row + b] = arg;
          continue;
        }
        for (let j = 0; j < kept; j++) {
          const i = tags[j] as number;
          s = (scores[j] as number) + (table[at + i] as number);
          if (s > best) {
            best = s;
            arg = i;
          }
        }
        arg = CLOSED_TAG[arg] as number;
      } else {
        // I or L: after the type's B (b - position) or I.
        const a = b - position;
        s = (score[prev + a] as number) + (table[at] as number);
        if (s > best) {
          best = s;
          arg = a;
        }
        s = (score[prev + a + 1] as number) + (table[at + 1] as number);
        if (s > best) {
          best = s;
          arg = a + 1;
        }
      }
      score[row + b] = best + (emissions[row + b] as number);
      back[row + b] = arg;
    }
  }
}
/**
 * Per tag b, the transition scores from each of its predecessors (in FROM's order, at b · MAX_FROM): built once for a
 * loaded model's (fixed) transitions, per call for training's (changing) ones.
 */
const tables = new WeakMap<Float32Array, Float64Array>();
const buildTable = (transitions: Float32Array) => {
  const table = new Float64Array(TAG_COUNT * MAX_FROM + 1);
  // After the rows, the spread: the widest gap between two transitions into one tag that opens a name (or O), which
  // bounds how much a predecessor's transition can make up for a lower score (see bilouSteps).
  let spread = 0;
  for (let b = 0; b < TAG_COUNT; b++) {
    let low = Number.POSITIVE_INFINITY;
    let high = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < (FROM_COUNT[b] as number); i++) {
      const t = transitions[((FROM[b * MAX_FROM + i] as number) + 1) * TAG_COUNT + b] as number;
      table[b * MAX_FROM + i] = t;
      if (t < low) low = t;
      if (t > high) high = t;
    }
    if (!inside(b) && high - low > spread) spread = high - low;
  }
  // (Transitions that are not finite numbers: nothing is left out.)
  table[TAG_COUNT * MAX_FROM] = Number.isFinite(spread) ? spread : Number.POSITIVE_INFINITY;
  return table;
};
const transitionTable = (transitions: Float32Array) => tables.get(transitions) ?? buildTable(transitions);

// Viterbi's tables, reused (grown as needed) across calls.
let scores = new Float64Array(256 * TAG_COUNT);
let backs = new Int32Array(256 * TAG_COUNT);

/** VALID[(a + 1)·T + b]: 1 when b may follow a (row 0: the start). */
const VALID = (() => {
  const T = TAG_COUNT;
  const v = new Uint8Array((T + 1) * T);
  for (let a = -1; a < T; a++) for (let b = 0; b < T; b++) v[(a + 1) * T + b] = allowedTransition(a, b) ? 1 : 0;
  return v;
})();

/** The tags a that b may follow: FROM[b · MAX_FROM …], FROM_COUNT[b] of them, in increasing order. */
const PREDECESSORS = Array.from({ length: TAG_COUNT }, (_, b) =>
  Array.from({ length: TAG_COUNT }, (_, a) => a).filter((a) => allowedTransition(a, b)),
);
const MAX_FROM = Math.max(...PREDECESSORS.map((p) => p.length));
const FROM = new Int8Array(TAG_COUNT * MAX_FROM);
const FROM_COUNT = Int8Array.from(PREDECESSORS, (p) => p.length);
PREDECESSORS.forEach((p, b) => {
  FROM.set(p, b * MAX_FROM);
});
/** Whether the tags are laid out as bilouSteps has them written out (else the general loop runs). */
const BILOU4 = PREDECESSORS.every((p, b) => {
  const position = tagPosition(b);
  const expected = position === 1 || position === 2 ? [b - position, b - position + 1] : CLOSED;
  return p.join() === expected.join();
});

/**
 * One stage's weights: a hashed table of 2^bits rows of int8 weights, one per tag but O (whose weights are subtracted
 * from the others when the model is written: only score differences matter, and a row of 16 bytes stays in one cache
 * line), and transition scores.
 */
export interface StageWeights {
  bits: number;
  /** multiply int8 weights by this */
  scale: number;
  weights: Int8Array;
  transitions: Float32Array;
  /** the weights' bytes as 32-bit words (see packWeights), read four weights at a time */
  packed?: Uint32Array;
}

/** The weights' bytes seen as 32-bit words (a view where the weights are 4-byte aligned, as in a model file; else a copy). */
export function packWeights(stage: StageWeights): StageWeights {
  const w = stage.weights;
  const packed =
    w.byteOffset % 4 === 0 && w.length % 4 === 0
      ? new Uint32Array(w.buffer, w.byteOffset, w.length / 4)
      : new Uint32Array(Uint8Array.from(new Uint8Array(w.buffer, w.byteOffset, w.length)).buffer);
  return { ...stage, packed };
}

/** Rows of 16 weights at most summed at once by rowSums (250 · 255 < 2^16: no lane overflows). */
const LANE_ROWS = 250;

/**
 * Adds the int8 weight rows (16 a row) of hashes[from … end) into out[0 … 16), exactly: each 32-bit word holds four
 * weights, biased to unsigned bytes by one XOR and summed two at a time in 16-bit lanes.
 */
function rowSums(packed: Uint32Array, hashes: ArrayLike<number>, from: number, end: number, shift: number, out: Int32Array): void {
  for (let start = from; start < end; start += LANE_ROWS) {
    const stop = Math.min(end, start + LANE_ROWS);
    let a0 = 0;
    let b0 = 0;
    let a1 = 0;
    let b1 = 0;
    let a2 = 0;
    let b2 = 0;
    let a3 = 0;
    let b3 = 0;
    for (let f = start; f < stop; f++) {
      const base = ((hashes[f] as number) >>> shift) << 2;
      let x = (packed[base] as number) ^ 0x80808080;
      a0 += x & 0x00ff00ff;
      b0 += (x >>> 8) & 0x00ff00ff;
      x = (packed[base + 1] as number) ^ 0x80808080;
      a1 += x & 0x00ff00ff;
      b1 += (x >>> 8) & 0x00ff00ff;
      x = (packed[base + 2] as number) ^ 0x80808080;
      a2 += x & 0x00ff00ff;
      b2 += (x >>> 8) & 0x00ff00ff;
      x = (packed[base + 3] as number) ^ 0x80808080;
      a3 += x & 0x00ff00ff;
      b3 += (x >>> 8) & 0x00ff00ff;
    }
    const bias = 128 * (stop - start);
    out[0] = (out[0] as number) + (a0 & 0xffff) - bias;
    out[1] = (out[1] as number) + (b0 & 0xffff) - bias;
    out[2] = (out[2] as number) + (a0 >>> 16) - bias;
    out[3] = (out[3] as number) + (b0 >>> 16) - bias;
    out[4] = (out[4] as number) + (a1 & 0xffff) - bias;
    out[5] = (out[5] as number) + (b1 & 0xffff) - bias;
    out[6] = (out[6] as number) + (a1 >>> 16) - bias;
    out[7] = (out[7] as number) + (b1 >>> 16) - bias;
    out[8] = (out[8] as number) + (a2 & 0xffff) - bias;
    out[9] = (out[9] as number) + (b2 & 0xffff) - bias;
    out[10] = (out[10] as number) + (a2 >>> 16) - bias;
    out[11] = (out[11] as number) + (b2 >>> 16) - bias;
    out[12] = (out[12] as number) + (a3 & 0xffff) - bias;
    out[13] = (out[13] as number) + (b3 & 0xffff) - bias;
    out[14] = (out[14] as number) + (a3 >>> 16) - bias;
    out[15] = (out[15] as number) + (b3 >>> 16) - bias;
  }
}

/** Zeroes a row of sums: sixteen stores, where fill(0) is a call into the runtime (made once per token and stage). */
function zeroRow(out: Int32Array): void {
  if (COLUMNS !== 16) {
    out.fill(0);
    return;
  }
  out[0] = 0;
  out[1] = 0;
  out[2] = 0;
  out[3] = 0;
  out[4] = 0;
  out[5] = 0;
  out[6] = 0;
  out[7] = 0;
  out[8] = 0;
  out[9] = 0;
  out[10] = 0;
  out[11] = 0;
  out[12] = 0;
  out[13] = 0;
  out[14] = 0;
  out[15] = 0;
}

/** Weights stored per row: every tag but O (8 for BIO: half a cache line). */
export const COLUMNS = TAG_COUNT - 1;

export interface NerModel {
  featureVersion: number;
  resources: string;
  stage1: StageWeights;
  stage2: StageWeights | null;
  /** how the second stage counts the first stage's scores */
  stage2Carry: number;
  /** the word-cluster table the features were computed with (see clusters.ts), or null */
  clusters: Uint8Array | null;
  /** the personal-name filter the features were computed with (see names.ts), or null */
  names?: Uint8Array | null;
  /** free-form facts about the training run */
  meta: Record<string, unknown>;
}

const MAGIC = 'BSNER3';

// The header is ASCII JSON (other characters escaped), so no text codec is needed in either direction.
const asciiBytes = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
function asciiText(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 4096) s += String.fromCharCode(...bytes.subarray(i, i + 4096));
  return s;
}

/** Adds one stage's emission scores for the given feature hashes to `emissions` (row k for token k; O's stays as it is). */
export function addEmissions(stage: StageWeights, hashes: Uint32Array, offsets: Uint32Array, emissions: Float32Array): void {
  const T = TAG_COUNT;
  const shift = 32 - stage.bits;
  const w = stage.weights;
  const n = offsets.length - 1;
  const s = stage.scale;
  const packed = COLUMNS === 16 ? stage.packed : undefined;
  const row = new Int32Array(COLUMNS);
  for (let k = 0; k < n; k++) {
    const from = offsets[k] as number;
    const end = offsets[k + 1] as number;
    const at = k * T + 1;
    zeroRow(row);
    if (packed) rowSums(packed, hashes, from, end, shift, row);
    else
      for (let f = from; f < end; f++) {
        const base = ((hashes[f] as number) >>> shift) * COLUMNS;
        for (let c = 0; c < COLUMNS; c++) row[c] = (row[c] as number) + (w[base + c] as number);
      }
    for (let c = 0; c < COLUMNS; c++) emissions[at + c] = (emissions[at + c] as number) + (row[c] as number) * s;
  }
}

const ROW = new Int32Array(16);

/** A word's weight sums for one of its feature groups under `stage` (GROUPS · COLUMNS int16 per word, made on demand). */
function groupSums(stage: StageWeights, w: WordInfo, group: number): Int16Array {
  let sums = w.sums;
  if (!sums || w.sumsOf !== stage) {
    sums = new Int16Array(GROUPS * COLUMNS);
    w.sums = sums;
    w.sumsOf = stage;
    w.sumsDone = 0;
  }
  if (!(w.sumsDone & (1 << group))) {
    // (At most 123 int8 weights in a group: no int16 overflows.)
    const features = groupFeatures(w, group, false);
    const shift = 32 - stage.bits;
    const at = group * COLUMNS;
    const packed = stage.packed;
    if (packed) {
      zeroRow(ROW);
      rowSums(packed, features, 0, features.length, shift, ROW);
      sums.set(ROW, at);
    } else {
      const weights = stage.weights;
      for (let i = 0; i < features.length; i++) {
        const base = ((features[i] as number) >>> shift) * COLUMNS;
        for (let c = 0; c < COLUMNS; c++) sums[at + c] = (sums[at + c] as number) + (weights[base + c] as number);
      }
    }
    w.sumsDone |= 1 << group;
  }
  return sums;
}

/**
 * addEmissions for features computed grouped (sentenceFeatures(…, true)): each token's word-level groups come from the
 * per-word sums (one add of 16 numbers per group instead of a table row per feature), the rest from the table. The
 * sums are integers, so the scores equal those of the plain feature lists exactly.
 */
export function addGroupedEmissions(stage: StageWeights, f: SentenceFeatures, emissions: Float32Array): void {
  const grouped = f.grouped;
  if (!grouped || COLUMNS !== 16) {
    addEmissions(stage, f.hashes, f.offsets, emissions);
    return;
  }
  const T = TAG_COUNT;
  const shift = 32 - stage.bits;
  const { hashes, offsets } = f;
  const { words, groups } = grouped;
  const n = offsets.length - 1;
  const s = stage.scale;
  const row = ROW;
  // (A model read from a file is packed already; a stage made in memory is, on first use.)
  stage.packed ??= packWeights(stage).packed;
  const packed = stage.packed as Uint32Array;
  // The table's rows for the token's own features (four weights a read), then the five groups' sums, written out.
  let a0 = 0,
    a1 = 0,
    a2 = 0,
    a3 = 0,
    a4 = 0,
    a5 = 0,
    a6 = 0,
    a7 = 0;
  let a8 = 0,
    a9 = 0,
    a10 = 0,
    a11 = 0,
    a12 = 0,
    a13 = 0,
    a14 = 0,
    a15 = 0;
  for (let k = 0; k < n; k++) {
    zeroRow(row);
    rowSums(packed, hashes, offsets[k] as number, offsets[k + 1] as number, shift, row);
    a0 = row[0] as number;
    a1 = row[1] as number;
    a2 = row[2] as number;
    a3 = row[3] as number;
    a4 = row[4] as number;
    a5 = row[5] as number;
    a6 = row[6] as number;
    a7 = row[7] as number;
    a8 = row[8] as number;
    a9 = row[9] as number;
    a10 = row[10] as number;
    a11 = row[11] as number;
    a12 = row[12] as number;
    a13 = row[13] as number;
    a14 = row[14] as number;
    a15 = row[15] as number;
    for (let i = 0; i < 5; i++) {
      const j = i === 0 ? k : i === 1 ? k - 1 : i === 2 ? k + 1 : i === 3 ? k - 2 : k + 2;
      const group = groups[k * 5 + i] as number;
      const word = j < 0 || j >= n ? EDGE_WORD : (words[j] as WordInfo);
      // (The sums made already, the common case, are read here: groupSums is too large to be inlined.)
      const sums = word.sumsOf === stage && word.sumsDone & (1 << group) ? (word.sums as Int16Array) : groupSums(stage, word, group);
      const at = group << 4;
      a0 += sums[at] as number;
      a1 += sums[at + 1] as number;
      a2 += sums[at + 2] as number;
      a3 += sums[at + 3] as number;
      a4 += sums[at + 4] as number;
      a5 += sums[at + 5] as number;
      a6 += sums[at + 6] as number;
      a7 += sums[at + 7] as number;
      a8 += sums[at + 8] as number;
      a9 += sums[at + 9] as number;
      a10 += sums[at + 10] as number;
      a11 += sums[at + 11] as number;
      a12 += sums[at + 12] as number;
      a13 += sums[at + 13] as number;
      a14 += sums[at + 14] as number;
      a15 += sums[at + 15] as number;
    }
    const r = k * T + 1;
    emissions[r] = (emissions[r] as number) + a0 * s;
    emissions[r + 1] = (emissions[r + 1] as number) + a1 * s;
    emissions[r + 2] = (emissions[r + 2] as number) + a2 * s;
    emissions[r + 3] = (emissions[r + 3] as number) + a3 * s;
    emissions[r + 4] = (emissions[r + 4] as number) + a4 * s;
    emissions[r + 5] = (emissions[r + 5] as number) + a5 * s;
    emissions[r + 6] = (emissions[r + 6] as number) + a6 * s;
    emissions[r + 7] = (emissions[r + 7] as number) + a7 * s;
    emissions[r + 8] = (emissions[r + 8] as number) + a8 * s;
    emissions[r + 9] = (emissions[r + 9] as number) + a9 * s;
    emissions[r + 10] = (emissions[r + 10] as number) + a10 * s;
    emissions[r + 11] = (emissions[r + 11] as number) + a11 * s;
    emissions[r + 12] = (emissions[r + 12] as number) + a12 * s;
    emissions[r + 13] = (emissions[r + 13] as number) + a13 * s;
    emissions[r + 14] = (emissions[r + 14] as number) + a14 * s;
    emissions[r + 15] = (emissions[r + 15] as number) + a15 * s;
  }
}

/** Serialises a model: magic, a JSON header, then each stage's int8 weights and float32 transitions. */
export function writeModel(model: NerModel): Uint8Array {
  const stages = [model.stage1, model.stage2].filter((s): s is StageWeights => !!s);
  const header = JSON.stringify({
    featureVersion: model.featureVersion,
    resources: model.resources,
    stage2Carry: model.stage2Carry,
    tags: TAG_NAMES,
    stages: stages.map((s) => ({ bits: s.bits, scale: s.scale })),
    clusters: model.clusters?.length ?? 0,
    names: model.names?.length ?? 0,
    meta: model.meta,
  });
  const headerBytes = asciiBytes(header.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
  let size = 8 + 4 + headerBytes.length;
  size = (size + 3) & ~3;
  const offsets: number[] = [];
  for (const s of stages) {
    offsets.push(size);
    size += s.transitions.length * 4 + s.weights.length;
    size = (size + 3) & ~3;
  }
  const clustersAt = size;
  size += model.clusters?.length ?? 0;
  size = (size + 3) & ~3;
  const namesAt = size;
  size += model.names?.length ?? 0;
  const out = new Uint8Array(size);
  out.set(asciiBytes(MAGIC.padEnd(8, '\0')), 0);
  new DataView(out.buffer).setUint32(8, headerBytes.length, true);
  out.set(headerBytes, 12);
  stages.forEach((s, i) => {
    const at = offsets[i] as number;
    out.set(new Uint8Array(s.transitions.buffer, s.transitions.byteOffset, s.transitions.byteLength), at);
    out.set(new Uint8Array(s.weights.buffer, s.weights.byteOffset, s.weights.byteLength), at + s.transitions.length * 4);
  });
  if (model.clusters) out.set(model.clusters, clustersAt);
  if (model.names) out.set(model.names, namesAt);
  return out;
}

export class ModelMismatchError extends Error {}

/**
 * Reads a model file (views into `bytes`, no copy), refusing one written for other features or resources.
 * `resourcesOf` builds the resources for the model's cluster table.
 */
export function readModel(
  bytes: Uint8Array,
  resourcesOf: (clusters: Uint8Array | null, id: string, names: Uint8Array | null) => Pick<NerResources, 'id'>,
): NerModel {
  const magic = asciiText(bytes.subarray(0, MAGIC.length));
  if (magic !== MAGIC) throw new ModelMismatchError('not a Backstory name-tagger model');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(8, true);
  const header = JSON.parse(asciiText(bytes.subarray(12, 12 + headerLength))) as {
    featureVersion: number;
    resources: string;
    stage2Carry: number;
    tags: string[];
    stages: { bits: number; scale: number }[];
    clusters: number;
    names?: number;
    meta: Record<string, unknown>;
  };
  if (header.featureVersion !== FEATURE_VERSION)
    throw new ModelMismatchError(
      `the name model was trained for features v${header.featureVersion}, this code computes v${FEATURE_VERSION}: run npm run train:ner`,
    );
  if (header.tags.join(' ') !== TAG_NAMES.join(' ')) throw new ModelMismatchError('the name model has other tags');
  let at = (12 + headerLength + 3) & ~3;
  const stages = header.stages.map(({ bits, scale }) => {
    const transitions = new Float32Array((TAG_COUNT + 1) * TAG_COUNT);
    // (Copied: the file's bytes need not be 4-byte aligned in memory.)
    new Uint8Array(transitions.buffer).set(bytes.subarray(at, at + transitions.byteLength));
    at += transitions.byteLength;
    const length = (1 << bits) * COLUMNS;
    const weights = new Int8Array(bytes.buffer, bytes.byteOffset + at, length);
    at = (at + length + 3) & ~3;
    tables.set(transitions, buildTable(transitions));
    // (A view of the file's bytes, no copy, when the weights are aligned: they are, in a file read whole.)
    return packWeights({ bits, scale, weights, transitions });
  });
  if (!stages[0]) throw new ModelMismatchError('the name model has no weights');
  const clusters = header.clusters ? bytes.subarray(at, at + header.clusters) : null;
  at = (at + header.clusters + 3) & ~3;
  const names = header.names ? bytes.subarray(at, at + header.names) : null;
  const resources = resourcesOf(clusters, header.resources, names);
  if (header.resources !== resources.id)
    throw new ModelMismatchError(`the name model was trained with resources ${header.resources}, not ${resources.id}: run npm run train:ner`);
  return {
    clusters,
    names,
    featureVersion: header.featureVersion,
    resources: header.resources,
    stage1: stages[0],
    stage2: stages[1] ?? null,
    stage2Carry: header.stage2Carry,
    meta: header.meta,
  };
}
