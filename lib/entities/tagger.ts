/**
 * The name tagger's decoder: a hashed, quantised linear model over BILOU tags, decoded with Viterbi under the BILOU
 * constraints. The model file (see readModel) is written by scripts/train-ner.ts.
 */
import { FEATURE_VERSION, type NerResources } from './features';

export const ENTITY_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type TaggedType = (typeof ENTITY_TYPES)[number];

/** Tag k: 0 is O; 1 + 4·type + position, position B=0, I=1, L=2, U=3. */
export const TAG_COUNT = 1 + 4 * ENTITY_TYPES.length;
export const tagType = (tag: number) => (tag === 0 ? -1 : (tag - 1) >> 2);
export const tagPosition = (tag: number) => (tag === 0 ? -1 : (tag - 1) & 3);
export const tagOf = (type: number, position: number) => 1 + 4 * type + position;
export const TAG_NAMES = ['O', ...ENTITY_TYPES.flatMap((t) => ['B', 'I', 'L', 'U'].map((p) => `${p}-${t}`))];

/** Whether tag `b` may follow tag `a` (a = -1: the sentence start). */
export function allowedTransition(a: number, b: number): boolean {
  const open = a >= 0 && (tagPosition(a) === 0 || tagPosition(a) === 1);
  if (open) return (tagPosition(b) === 1 || tagPosition(b) === 2) && tagType(b) === tagType(a);
  return b === 0 || tagPosition(b) === 0 || tagPosition(b) === 3;
}
/** Whether a sentence may end on tag `a`. */
export const allowedEnd = (a: number) => a === 0 || tagPosition(a) >= 2;

export interface Span {
  /** token indexes, end exclusive */
  start: number;
  end: number;
  type: number;
}

export function spansOf(path: ArrayLike<number>): Span[] {
  const spans: Span[] = [];
  let open = -1;
  for (let k = 0; k < path.length; k++) {
    const tag = path[k] as number;
    const position = tagPosition(tag);
    if (position === 0) open = k;
    else if (position === 2 && open >= 0) {
      spans.push({ start: open, end: k + 1, type: tagType(tag) });
      open = -1;
    } else if (position === 3) spans.push({ start: k, end: k + 1, type: tagType(tag) });
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
  const score = new Float64Array(n * T);
  const back = new Int32Array(n * T);
  for (let b = 0; b < T; b++) {
    const ok = VALID[b] as number; // row 0 = after start
    score[b] = ok && (!allowed || (allowed[0] as number) & (1 << b)) ? (emissions[b] as number) + (transitions[b] as number) : NEG;
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
      let best = NEG;
      let arg = 0;
      for (let a = 0; a < T; a++) {
        if (!VALID[(a + 1) * T + b]) continue;
        const s = (score[prev + a] as number) + (transitions[(a + 1) * T + b] as number);
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

/** VALID[(a + 1)·T + b]: 1 when b may follow a (row 0: the start). */
const VALID = (() => {
  const T = TAG_COUNT;
  const v = new Uint8Array((T + 1) * T);
  for (let a = -1; a < T; a++) for (let b = 0; b < T; b++) v[(a + 1) * T + b] = allowedTransition(a, b) ? 1 : 0;
  return v;
})();

/** One stage's weights: a hashed table of 2^bits rows of TAG_COUNT int8 weights, and transition scores. */
export interface StageWeights {
  bits: number;
  /** multiply int8 weights by this */
  scale: number;
  weights: Int8Array;
  transitions: Float32Array;
}

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

const MAGIC = 'BSNER1';

// The header is ASCII JSON (other characters escaped), so no text codec is needed in either direction.
const asciiBytes = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
function asciiText(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 4096) s += String.fromCharCode(...bytes.subarray(i, i + 4096));
  return s;
}

/** Adds one stage's emission scores for the given feature hashes to `emissions` (row k for token k). */
export function addEmissions(stage: StageWeights, hashes: Uint32Array, offsets: Uint32Array, emissions: Float32Array, factor = 1): void {
  const T = TAG_COUNT;
  const shift = 32 - stage.bits;
  const w = stage.weights;
  const n = offsets.length - 1;
  const s = stage.scale * factor;
  for (let k = 0; k < n; k++) {
    const row = k * T;
    for (let f = offsets[k] as number, end = offsets[k + 1] as number; f < end; f++) {
      const base = ((hashes[f] as number) >>> shift) * T;
      for (let t = 0; t < T; t++) emissions[row + t] = (emissions[row + t] as number) + (w[base + t] as number) * s;
    }
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
    const length = (1 << bits) * TAG_COUNT;
    const weights = new Int8Array(bytes.buffer, bytes.byteOffset + at, length);
    at = (at + length + 3) & ~3;
    return { bits, scale, weights, transitions };
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
