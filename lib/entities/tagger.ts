/**
 * The name tagger's decoder: a hashed, quantised linear model over BIO tags (SCHEME; BILOU is one constant away),
 * decoded with Viterbi under the scheme's constraints. The model file (see readModel) is written by
 * scripts/train-ner.ts and records its tags, so a model of the other scheme is refused.
 */
import { FEATURE_VERSION, type NerResources } from './features';

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
  if (score.length < n * T) {
    score = new Float64Array(n * T * 2);
    back = new Int32Array(n * T * 2);
  }
  for (let b = 0; b < T; b++) {
    const ok = VALID[b] && (!allowed || (allowed[0] as number) & (1 << b));
    score[b] = ok ? (emissions[b] as number) + (transitions[b] as number) : NEG;
  }
  const table = transitionTable(transitions);
  for (let k = 1; k < n; k++) {
    const mask = allowed ? (allowed[k] as number) : 0xffffffff;
    const row = k * T;
    const prev = row - T;
    for (let b = 0; b < T; b++) {
      if (!(mask & (1 << b))) {
        score[row + b] = NEG;
        continue;
      }
      // Only the tags that may come before b (two before an inside tag), with their transition scores.
      const from = PREDECESSORS[b] as Int8Array;
      const scores = table[b] as Float64Array;
      let best = NEG;
      let arg = 0;
      for (let i = 0; i < from.length; i++) {
        const a = from[i] as number;
        const s = (score[prev + a] as number) + (scores[i] as number);
        if (s > best) {
          best = s;
          arg = a;
        }
      }
      score[row + b] = best + (emissions[row + b] as number);
      back[row + b] = arg;
    }
  }
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
 * Per tag b, the transition scores from each of its predecessors (in PREDECESSORS' order): built once for a loaded
 * model's (fixed) transitions, per call for training's (changing) ones.
 */
const tables = new WeakMap<Float32Array, Float64Array[]>();
const buildTable = (transitions: Float32Array) =>
  PREDECESSORS.map((from, b) => Float64Array.from(from, (a) => transitions[(a + 1) * TAG_COUNT + b] as number));
const transitionTable = (transitions: Float32Array) => tables.get(transitions) ?? buildTable(transitions);

// Viterbi's tables, reused (grown as needed) across calls.
let score = new Float64Array(256 * TAG_COUNT);
let back = new Int32Array(256 * TAG_COUNT);

/** VALID[(a + 1)·T + b]: 1 when b may follow a (row 0: the start). */
const VALID = (() => {
  const T = TAG_COUNT;
  const v = new Uint8Array((T + 1) * T);
  for (let a = -1; a < T; a++) for (let b = 0; b < T; b++) v[(a + 1) * T + b] = allowedTransition(a, b) ? 1 : 0;
  return v;
})();

/** PREDECESSORS[b]: the tags a that b may follow. */
const PREDECESSORS = Array.from({ length: TAG_COUNT }, (_, b) =>
  Int8Array.from(Array.from({ length: TAG_COUNT }, (_, a) => a).filter((a) => allowedTransition(a, b))),
);

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
  /** the weights as bytes biased by 128, four to a word (see packWeights): read four at a time */
  packed?: Uint32Array;
}

/** The weights as unsigned bytes (w + 128) in 32-bit words, copied into aligned memory, for addEmissions' fast path. */
export function packWeights(stage: StageWeights): StageWeights {
  const bytes = new Uint8Array(stage.weights.length);
  bytes.set(new Uint8Array(stage.weights.buffer, stage.weights.byteOffset, stage.weights.length));
  const packed = new Uint32Array(bytes.buffer);
  for (let i = 0; i < packed.length; i++) packed[i] = ((packed[i] as number) ^ 0x80808080) >>> 0;
  return { ...stage, packed };
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
    if (packed && end - from < 250) {
      // Four biased bytes per word, summed two at a time in 16-bit lanes (at most 250 × 255 < 2^16: no carry).
      let a0 = 0;
      let b0 = 0;
      let a1 = 0;
      let b1 = 0;
      let a2 = 0;
      let b2 = 0;
      let a3 = 0;
      let b3 = 0;
      for (let f = from; f < end; f++) {
        const base = ((hashes[f] as number) >>> shift) << 2;
        let x = packed[base] as number;
        a0 += x & 0x00ff00ff;
        b0 += (x >>> 8) & 0x00ff00ff;
        x = packed[base + 1] as number;
        a1 += x & 0x00ff00ff;
        b1 += (x >>> 8) & 0x00ff00ff;
        x = packed[base + 2] as number;
        a2 += x & 0x00ff00ff;
        b2 += (x >>> 8) & 0x00ff00ff;
        x = packed[base + 3] as number;
        a3 += x & 0x00ff00ff;
        b3 += (x >>> 8) & 0x00ff00ff;
      }
      const bias = 128 * (end - from);
      const lanes = [a0, b0, a1, b1, a2, b2, a3, b3];
      for (let i = 0; i < 4; i++) {
        const a = lanes[2 * i] as number;
        const b = lanes[2 * i + 1] as number;
        const c = at + 4 * i;
        emissions[c] = (emissions[c] as number) + ((a & 0xffff) - bias) * s;
        emissions[c + 1] = (emissions[c + 1] as number) + ((b & 0xffff) - bias) * s;
        emissions[c + 2] = (emissions[c + 2] as number) + ((a >>> 16) - bias) * s;
        emissions[c + 3] = (emissions[c + 3] as number) + ((b >>> 16) - bias) * s;
      }
      continue;
    }
    row.fill(0);
    for (let f = from; f < end; f++) {
      const base = ((hashes[f] as number) >>> shift) * COLUMNS;
      for (let c = 0; c < COLUMNS; c++) row[c] = (row[c] as number) + (w[base + c] as number);
    }
    for (let c = 0; c < COLUMNS; c++) emissions[at + c] = (emissions[at + c] as number) + (row[c] as number) * s;
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
  return out;
}

export class ModelMismatchError extends Error {}

/**
 * Reads a model file (views into `bytes`, no copy), refusing one written for other features or resources.
 * `resourcesOf` builds the resources for the model's cluster table.
 */
export function readModel(bytes: Uint8Array, resourcesOf: (clusters: Uint8Array | null, id: string) => Pick<NerResources, 'id'>): NerModel {
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
    return packWeights({ bits, scale, weights, transitions });
  });
  if (!stages[0]) throw new ModelMismatchError('the name model has no weights');
  const clusters = header.clusters ? bytes.subarray(at, at + header.clusters) : null;
  const resources = resourcesOf(clusters, header.resources);
  if (header.resources !== resources.id)
    throw new ModelMismatchError(`the name model was trained with resources ${header.resources}, not ${resources.id}: run npm run train:ner`);
  return {
    clusters,
    featureVersion: header.featureVersion,
    resources: header.resources,
    stage1: stages[0],
    stage2: stages[1] ?? null,
    stage2Carry: header.stage2Carry,
    meta: header.meta,
  };
}
