/**
 * The boilerplate classifier's decoder: gradient-boosted trees (trained by `npm run train:extract`, stored in
 * block-model.ts) give each block the probability that it is the article's text.
 */
import { BLOCK_MODEL } from './block-model';

/** The layout of block-model.ts's bytes, per tree: split features, split values (float32), leaf values (int16). */
export interface PackedTrees {
  depth: number;
  trees: number;
  features: number;
  base: number;
  leafScale: number;
  /** probability at or above which a block is the article's */
  threshold: number;
  /** hashed class/id words (see block-features.ts) that are features of their own, after the dense ones */
  vocabulary: number[];
  data: string;
}

/** Feature index of a node that did not split: every row goes left. */
export const NO_SPLIT = 255;

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function decodeBase64(text: string): Uint8Array {
  const clean = text.replace(/[^A-Za-z0-9+/]/g, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let at = 0;
  for (const char of clean) {
    value = (value << 6) | BASE64.indexOf(char);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (value >> bits) & 0xff;
    }
  }
  return out;
}

interface Unpacked {
  model: PackedTrees;
  feature: Uint8Array;
  split: Float32Array;
  leaf: Float64Array;
}

let unpacked: Unpacked | undefined;

export function unpackTrees(model: PackedTrees): Unpacked {
  const bytes = decodeBase64(model.data);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const internal = 2 ** model.depth - 1;
  const feature = new Uint8Array(model.trees * internal);
  const split = new Float32Array(model.trees * internal);
  const leaf = new Float64Array(model.trees * (internal + 1));
  let at = 0;
  for (let t = 0; t < model.trees; t++) {
    for (let k = 0; k < internal; k++) feature[t * internal + k] = bytes[at++] as number;
    for (let k = 0; k < internal; k++, at += 4) split[t * internal + k] = view.getFloat32(at, true);
    for (let k = 0; k <= internal; k++, at += 2) leaf[t * (internal + 1) + k] = view.getInt16(at, true) * model.leafScale;
  }
  return { model, feature, split, leaf };
}

/** The probability that a block with these features is article text. */
export function scoreWith(trees: Unpacked, x: number[]): number {
  const { model, feature, split, leaf } = trees;
  const internal = 2 ** model.depth - 1;
  let z = model.base;
  for (let t = 0; t < model.trees; t++) {
    let k = 0;
    while (k < internal) {
      const f = feature[t * internal + k] as number;
      k = f === NO_SPLIT || (x[f] ?? 0) < (split[t * internal + k] as number) ? 2 * k + 1 : 2 * k + 2;
    }
    z += leaf[t * (internal + 1) + k - internal] as number;
  }
  return 1 / (1 + Math.exp(-z));
}

/** A block's row: its dense features, then one for each word of the vocabulary its class/id names hold. */
export function withVocabulary(dense: number[], hashed: number[], vocabulary: number[]): number[] {
  const row = dense.slice();
  for (const w of vocabulary) row.push(hashed.includes(w) ? 1 : 0);
  return row;
}

/** Probabilities for the page's blocks; the shipped model is unpacked once, on first use. */
export function classifyBlocks(dense: number[][], hashed: number[][]): number[] {
  unpacked ??= unpackTrees(BLOCK_MODEL);
  const trees = unpacked;
  const { vocabulary, features } = trees.model;
  // One row reused for every block: its vocabulary columns after the dense ones.
  const row: number[] = [];
  return dense.map((x, i) => {
    if (x.length + vocabulary.length !== features)
      throw new Error(`block-model.ts expects ${features} features, got ${x.length + vocabulary.length}: run npm run train:extract`);
    const words = hashed[i] ?? [];
    for (let j = 0; j < x.length; j++) row[j] = x[j] as number;
    for (let j = 0; j < vocabulary.length; j++) row[x.length + j] = words.includes(vocabulary[j] as number) ? 1 : 0;
    return scoreWith(trees, row);
  });
}

/** A block that is all one link away (its text all link text, written addresses aside) is no part of the text. */
export const LINK_ONLY = 0.8;

/** What the rules around the model read about a block (from its feature row, see block-features.ts). */
export interface BlockFacts {
  /** share of its text in links */
  linkShare: number;
  /** a caption, a credit or a disclaimer by its markup */
  caption: boolean;
  /** a short line that is the story's metadata: its byline, or a date (in <time> elements or written out) */
  metadata: boolean;
}

/**
 * The decision on a block: the model's probability at or above the model's threshold; and, whatever the model says,
 * not all link, not a caption, credit or disclaimer, and not the byline's or a date's line (the product's convention:
 * the story's text only).
 */
export function isArticleBlock(probability: number, facts: BlockFacts, threshold = BLOCK_MODEL.threshold): boolean {
  return probability >= threshold && facts.linkShare < LINK_ONLY && !facts.caption && !facts.metadata;
}
