/**
 * The name tagger's feature function, shared by training (scripts/train-ner) and inference (tagger.ts). A model records
 * FEATURE_VERSION and the resources' id it was trained with, and refuses to run with any other: change anything here that
 * alters the features, and bump the version.
 *
 * Features are 32-bit hashes (template id mixed with the value), so the model is a hashed weight table. Language knowledge
 * comes in as data (NerResources: word classes, phrase gazetteers, word clusters), never as code branches, so another
 * language needs resources and a model, not another feature function.
 */

export const FEATURE_VERSION = 8;

export interface NerResources {
  /** names the resources (and their version): the model refuses resources other than those it was trained with */
  id: string;
  /** single-word classes (lowercase): "first name", "place", "title", "organisation head" … */
  classes: readonly (readonly [name: string, words: { has(word: string): boolean }])[];
  /** multi-word gazetteers (lowercase, space-separated): places, organisations, people */
  phrases: readonly (readonly [name: string, entries: ReadonlySet<string>])[];
  /** words that join the capitalised words of one name ("of", "de", "bin") */
  connectors: ReadonlySet<string>;
  /** word classes whose presence at a run's edge the "name shape" features report, by class index */
  headClasses: readonly number[];
  /** the class index of titles ("President"), speech verbs ("said") and function words */
  titleClass: number;
  speechClass: number;
  functionClass: number;
  /** word clusters: a word's cluster ids at three granularities, or null */
  clusters?: (word: string) => readonly [number, number, number] | null;
  /** leaves out the name-shape tests (for measuring what they add) */
  withoutShapeTests?: boolean;
}

// Template ids. Each feature is mix(template, value).
const T = {
  bias: 1,
  word: 2,
  raw: 3,
  shape: 4,
  shortShape: 5,
  prefix: 6,
  suffix: 10,
  capital: 14,
  lexicon: 15,
  lexiconBefore: 16,
  lexiconAfter: 17,
  phrase: 18,
  wordBefore: 19,
  wordAfter: 20,
  wordBefore2: 21,
  wordAfter2: 22,
  shapeBefore: 23,
  shapeAfter: 24,
  shapeBefore2: 25,
  shapeAfter2: 26,
  bigramBefore: 27,
  bigramAfter: 28,
  shapeTrigram: 29,
  capitalWindow: 30,
  cluster: 31,
  clusterBefore: 34,
  clusterAfter: 35,
  runHead: 36,
  runFirst: 37,
  runSpeaks: 38,
  runTitled: 39,
  connector: 40,
  afterThe: 41,
  possessive: 42,
  acronymOfRun: 43,
  runLength: 44,
  capitalAlone: 45,
  runBefore: 46,
  runAfter: 47,
  runAppositive: 48,
  runAfterComma: 49,
  runPattern: 50,
} as const;

export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function mix(a: number, b: number): number {
  let x = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  x ^= x >>> 15;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 13;
  x = Math.imul(x, 0x27d4eb2f);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Capitalisation of a token: what the features (and the second stage) read. */
export const Cap = { Lower: 0, Initial: 1, AllCaps: 2, Letter: 3, Camel: 4, None: 5 } as const;
export type Cap = (typeof Cap)[keyof typeof Cap];

export function normalise(word: string): string {
  return word
    .replace(/[’‘]/g, "'")
    .replace(/[‐‑–—]/g, '-')
    .replace(/[“”«»]/g, '"');
}

/** -1 lowercase, 1 capital, 0 no letter (ASCII read from the char code; other characters by their case mappings). */
function letterCase(word: string, i: number): number {
  const code = word.charCodeAt(i);
  if (code < 128) return code >= 97 && code <= 122 ? -1 : code >= 65 && code <= 90 ? 1 : 0;
  const ch = word[i] as string;
  const u = ch.toUpperCase();
  const l = ch.toLowerCase();
  return u === l ? 0 : ch === u ? 1 : -1;
}

export function capitalOf(word: string): Cap {
  let letters = 0;
  let upper = 0;
  let firstUpper = false;
  for (let i = 0; i < word.length; i++) {
    const c = letterCase(word, i);
    if (!c) continue;
    if (!letters) firstUpper = c > 0;
    letters++;
    if (c > 0) upper++;
  }
  if (!letters) return Cap.None;
  if (!firstUpper) return upper ? Cap.Camel : Cap.Lower;
  if (letters === 1) return Cap.Letter;
  if (upper === letters) return Cap.AllCaps;
  return upper > 1 ? Cap.Camel : Cap.Initial;
}

const isCapital = (c: number) => c === Cap.Initial || c === Cap.AllCaps || c === Cap.Letter || c === Cap.Camel;

export function shapeOf(word: string, maxRun: number): string {
  let out = '';
  let last = '';
  let run = 0;
  for (let i = 0; i < word.length; i++) {
    const letter = letterCase(word, i);
    const code = word.charCodeAt(i);
    const c = letter > 0 ? 'X' : letter < 0 ? 'x' : code >= 48 && code <= 57 ? 'd' : (word[i] as string);
    if (c === last) {
      if (++run > maxRun) continue;
    } else run = 1;
    last = c;
    out += c;
  }
  return out;
}

/** hashString(shapeOf(word, maxRun)), without building the shape: the same characters hashed as they are found. */
export function shapeHash(word: string, maxRun: number): number {
  let h = 0x811c9dc5;
  let last = -1;
  let run = 0;
  for (let i = 0; i < word.length; i++) {
    const letter = letterCase(word, i);
    const code = word.charCodeAt(i);
    // 'X', 'x', 'd' or the character itself (one UTF-16 unit, as shapeOf writes it).
    const c = letter > 0 ? 88 : letter < 0 ? 120 : code >= 48 && code <= 57 ? 100 : code;
    if (c === last) {
      if (++run > maxRun) continue;
    } else run = 1;
    last = c;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h >>> 0;
}

/** What the feature function knows of each token; also read by the second stage. */
export interface TokenInfo {
  lower: string;
  cap: Cap;
  classes: number;
  wordHash: number;
  shortShapeHash: number;
}

/**
 * Everything about one word that does not depend on its neighbours: computed once per distinct word, then cached. Its
 * features fall in GROUPS groups (see groupFeatures), which the decoder sums once per word (see tagger.ts).
 */
export interface WordInfo extends TokenInfo {
  rawHash: number;
  shapeHash: number;
  clusters: readonly [number, number, number] | null;
  /** the features this word gives on its own, and as the word before, after, two before and two after a token */
  own: Uint32Array;
  asBefore: Uint32Array;
  asAfter: Uint32Array;
  asBefore2: Uint32Array;
  asAfter2: Uint32Array;
  /** groupFeatures' arrays, built on first use */
  groups: (Uint32Array | undefined)[];
  /** the decoder's per-word weight sums of the groups (tagger.ts), for the stage `sumsOf` */
  sums: Int16Array | null;
  sumsOf: object | null;
  sumsDone: number;
  /** the phrase gazetteers some entry of which this word opens (a bit mask; -1 until first read) */
  opens: number;
}

export interface SentenceFeatures {
  /** feature hashes of token k are hashes[offsets[k]] … hashes[offsets[k + 1] - 1] */
  hashes: Uint32Array;
  offsets: Uint32Array;
  info: TokenInfo[];
  /**
   * Grouped (see sentenceFeatures): the word-level groups were left out of `hashes` (then a view that the next call
   * overwrites); token k has groups[k · 5 + i] of
   * the words words[k], words[k - 1], words[k + 1], words[k - 2], words[k + 2] (EDGE past the sentence's ends).
   */
  grouped?: { words: WordInfo[]; groups: Uint8Array };
}

/**
 * The word-level feature groups, GROUPS in all: 0–5 the word itself, with its capitalisation class (by the token's
 * position at the sentence start and the sentence's casing: group = initial · 3 + casing); 6–7 as the word before a
 * token (by that token's capital); 8–9 as the word after; 10 two before; 11 two after.
 */
export const GROUPS = 12;
const BOS = hashString('<s>');
const EOS = hashString('</s>');
/** The neighbour past a sentence's start or end: its groups are the edge features (and nothing else). */
export const EDGE: WordInfo = wordInfo({
  own: new Uint32Array(0),
  asBefore: Uint32Array.from([mix(T.wordBefore, BOS), mix(T.shapeBefore, BOS)]),
  asAfter: Uint32Array.from([mix(T.wordAfter, EOS), mix(T.shapeAfter, EOS)]),
  asBefore2: Uint32Array.from([mix(T.wordBefore2, BOS), mix(T.shapeBefore2, BOS)]),
  asAfter2: Uint32Array.from([mix(T.wordAfter2, EOS), mix(T.shapeAfter2, EOS)]),
  lower: '',
  cap: Cap.None,
  classes: 0,
  wordHash: 0,
  shortShapeHash: 0,
  rawHash: 0,
  shapeHash: 0,
  clusters: null,
});

/** A WordInfo with its fields always in one order (one object shape for the decoder's loops), the caches empty. */
function wordInfo(w: Omit<WordInfo, 'groups' | 'sums' | 'sumsOf' | 'sumsDone' | 'opens'>): WordInfo {
  return {
    own: w.own,
    asBefore: w.asBefore,
    asAfter: w.asAfter,
    asBefore2: w.asBefore2,
    asAfter2: w.asAfter2,
    lower: w.lower,
    cap: w.cap,
    classes: w.classes,
    wordHash: w.wordHash,
    shortShapeHash: w.shortShapeHash,
    rawHash: w.rawHash,
    shapeHash: w.shapeHash,
    clusters: w.clusters,
    groups: [],
    sums: null,
    sumsOf: null,
    sumsDone: 0,
    opens: -1,
  };
}

/** The features of one of a word's groups (see GROUPS); `keep` caches them on the word (training reads them often). */
export function groupFeatures(w: WordInfo, group: number, keep = true): Uint32Array {
  const cached = w.groups[group];
  if (cached) return cached;
  // (Written into a scratch table: a copy is kept, or, not kept, a view that the next call overwrites.)
  const out = groupScratch;
  let n = 0;
  const copy = (features: Uint32Array) => {
    for (let i = 0; i < features.length; i++) out[n++] = features[i] as number;
  };
  if (group < 6) {
    if (w !== EDGE) {
      const capClass = w.cap * 8 + (group >= 3 ? 4 : 0) + (group % 3);
      copy(w.own);
      out[n++] = mix(T.capital, capClass);
      for (let bits = w.classes, c = 0; bits; bits >>>= 1, c++) if (bits & 1) out[n++] = mix(T.lexicon, c * 64 + capClass);
    }
  } else if (group < 10) {
    const before = group < 8;
    const capital = group & 1;
    copy(before ? w.asBefore : w.asAfter);
    const template = before ? T.lexiconBefore : T.lexiconAfter;
    for (let bits = w.classes, c = 0; bits; bits >>>= 1, c++) if (bits & 1) out[n++] = mix(template, c * 8 + capital);
  } else copy(group === 10 ? w.asBefore2 : w.asAfter2);
  if (!keep) return out.subarray(0, n);
  const features = out.slice(0, n);
  w.groups[group] = features;
  return features;
}
/** A word's own features (16 at most), its capitalisation and up to 32 word classes: 49 at most in a group. */
const groupScratch = new Uint32Array(64);

const OPENERS = /^["'([«“‘:—-]$/;
const TO_NORMALISE = /[’‘‐‑–—“”«»]/;

interface Compiled {
  /** lowercase word → bit mask of its classes */
  /** the word classes' sets, in class order (a word's mask is read from them once, when the word is first seen) */
  classSets: readonly { has(word: string): boolean }[];
  /** the word cache, in two generations: words seen since the last turnover, and those seen in the one before */
  words: Map<string, WordInfo>;
  older: Map<string, WordInfo>;
  /** the first word of some phrase gazetteer's entry → the gazetteers (a bit mask) */
  opensPhrase: Map<string, number>;
  /**
   * Per phrase gazetteer, its entries (1) and the first two or more words of its longer entries (2): a look-up that finds
   * neither ends the search for longer entries there.
   */
  phraseTables: Map<string, number>[];
  /** given names, surnames (each with the class 'name' of personal names of either kind) and common words, as masks */
  firstMask: number;
  lastMask: number;
  commonMask: number;
  /** heads of organisation and place names, and titles (the last word of "Home Office", "Mount Kea", "Vice President") */
  orgHeadMask: number;
  placeHeadMask: number;
  titleMask: number;
}
const compiledResources = new WeakMap<NerResources, Compiled>();
/**
 * Words per generation of the cache: a word seen in either of the last two stays (the frequent ones, and an article's
 * own, always do) and at most twice this many are kept. (Each keeps its features and, once decoded, 384 bytes of sums.)
 */
const CACHE_GENERATION = 16_000;

function classesOf(c: Compiled, lower: string): number {
  let mask = 0;
  for (let i = 0; i < c.classSets.length; i++) if ((c.classSets[i] as { has(word: string): boolean }).has(lower)) mask |= 1 << i;
  return mask;
}

function promote(c: Compiled, word: string): WordInfo | undefined {
  const info = c.older.get(word);
  if (info) remember(c, word, info);
  return info;
}

function remember(c: Compiled, word: string, info: WordInfo): void {
  if (c.words.size >= CACHE_GENERATION) {
    c.older = c.words;
    c.words = new Map();
  }
  c.words.set(word, info);
}

function compile(res: NerResources): Compiled {
  let c = compiledResources.get(res);
  if (c) return c;
  // Word classes are a 32-bit mask; MAX_FEATURES counts on at most 16 head classes and 8 phrase gazetteers.
  if (res.classes.length > 32 || res.headClasses.length > 16 || res.phrases.length > 8)
    throw new Error(`too many word classes in resources ${res.id}`);
  // (No word → classes map is built: the sets are asked once per distinct word, which costs less at a cold start.)
  const classSets = res.classes.map(([, words]) => words);
  const mask = (name: string) => {
    const i = res.classes.findIndex(([n]) => n === name);
    return i < 0 ? 0 : 1 << i;
  };
  const opensPhrase = new Map<string, number>();
  res.phrases.forEach(([, entries], g) => {
    for (const e of entries) {
      const w = e.slice(0, e.indexOf(' '));
      opensPhrase.set(w, (opensPhrase.get(w) ?? 0) | (1 << g));
    }
  });
  const phraseTables = res.phrases.map(([, entries]) => {
    const table = new Map<string, number>();
    for (const e of entries) {
      table.set(e, (table.get(e) ?? 0) | 1);
      for (let at = e.indexOf(' ', e.indexOf(' ') + 1); at > 0; at = e.indexOf(' ', at + 1)) {
        const prefix = e.slice(0, at);
        table.set(prefix, (table.get(prefix) ?? 0) | 2);
      }
    }
    return table;
  });
  c = {
    classSets,
    opensPhrase,
    phraseTables,
    words: new Map(),
    older: new Map(),
    firstMask: mask('first') | mask('name'),
    lastMask: mask('last') | mask('name'),
    commonMask: mask('common'),
    orgHeadMask: mask('org-head'),
    placeHeadMask: mask('place-head'),
    titleMask: mask('title'),
  };
  compiledResources.set(res, c);
  return c;
}

/** A word's own features: 5, and 8 prefixes and suffixes, and 3 clusters at most. */
const ownScratch = new Uint32Array(16);
const BIAS_FEATURE = mix(T.bias, 0);

function analyseWord(word: string, res: NerResources, c: Compiled): WordInfo {
  const cached = c.words.get(word) ?? promote(c, word);
  if (cached) return cached;
  const norm = TO_NORMALISE.test(word) ? normalise(word) : word;
  const lower = norm.toLowerCase();
  // FNV over the lowercase word with digits as 0, and over the word as written; prefixes are the running hash.
  // (Its features are written into a scratch table and copied out once: no array per feature list, nor per hash list.)
  const own = ownScratch;
  own[0] = BIAS_FEATURE;
  let h = 0x811c9dc5;
  let raw = 0x811c9dc5;
  let p0 = 0;
  let p1 = 0;
  let p2 = 0;
  let p3 = 0;
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    h = Math.imul(h ^ (code >= 48 && code <= 57 ? 48 : code), 0x01000193);
    const rawCode = norm.charCodeAt(i);
    raw = Math.imul(raw ^ (rawCode >= 48 && rawCode <= 57 ? 48 : rawCode), 0x01000193);
    if (i + 1 < lower.length) {
      if (i === 0) p0 = h >>> 0;
      else if (i === 1) p1 = h >>> 0;
      else if (i === 2) p2 = h >>> 0;
      else if (i === 3) p3 = h >>> 0;
    }
  }
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let back = 0x811c9dc5;
  for (let i = lower.length - 1, p = 0; i >= 0 && p < 4; i--, p++) {
    back = Math.imul(back ^ lower.charCodeAt(i), 0x01000193);
    if (i > 0) {
      if (p === 0) s0 = back >>> 0;
      else if (p === 1) s1 = back >>> 0;
      else if (p === 2) s2 = back >>> 0;
      else s3 = back >>> 0;
    }
  }
  const cap = capitalOf(norm);
  const capital = isCapital(cap) ? 1 : 0;
  const wordHash = h >>> 0;
  const shortShapeHash = shapeHash(norm, 1);
  const longShapeHash = shapeHash(norm, 4);
  const clusters = res.clusters?.(lower) ?? null;
  own[1] = mix(T.word, wordHash);
  own[2] = mix(T.raw, raw >>> 0);
  own[3] = mix(T.shape, longShapeHash);
  own[4] = mix(T.shortShape, shortShapeHash);
  let n = 5;
  // (Prefixes and suffixes of lengths 1 to 4, interleaved, each where the word is longer.)
  if (p0) own[n++] = mix(T.prefix, p0);
  if (s0) own[n++] = mix(T.suffix, s0);
  if (p1) own[n++] = mix(T.prefix + 1, p1);
  if (s1) own[n++] = mix(T.suffix + 1, s1);
  if (p2) own[n++] = mix(T.prefix + 2, p2);
  if (s2) own[n++] = mix(T.suffix + 2, s2);
  if (p3) own[n++] = mix(T.prefix + 3, p3);
  if (s3) own[n++] = mix(T.suffix + 3, s3);
  if (clusters) {
    own[n++] = mix(T.cluster, clusters[0] * 4 + capital);
    own[n++] = mix(T.cluster + 1, clusters[1] * 4 + capital + 0x10000);
    own[n++] = mix(T.cluster + 2, clusters[2] * 4 + capital + 0x20000);
  }
  const neighbours = clusters ? 3 : 2;
  const asBefore = new Uint32Array(neighbours);
  const asAfter = new Uint32Array(neighbours);
  asBefore[0] = mix(T.wordBefore, wordHash);
  asBefore[1] = mix(T.shapeBefore, shortShapeHash);
  asAfter[0] = mix(T.wordAfter, wordHash);
  asAfter[1] = mix(T.shapeAfter, shortShapeHash);
  if (clusters) {
    asBefore[2] = mix(T.clusterBefore, clusters[1]);
    asAfter[2] = mix(T.clusterAfter, clusters[1]);
  }
  const asBefore2 = new Uint32Array(2);
  asBefore2[0] = mix(T.wordBefore2, wordHash);
  asBefore2[1] = mix(T.shapeBefore2, shortShapeHash);
  const asAfter2 = new Uint32Array(2);
  asAfter2[0] = mix(T.wordAfter2, wordHash);
  asAfter2[1] = mix(T.shapeAfter2, shortShapeHash);
  const info = wordInfo({
    own: own.slice(0, n),
    asBefore,
    asAfter,
    asBefore2,
    asAfter2,
    lower,
    cap,
    classes: classesOf(c, lower),
    wordHash,
    shortShapeHash,
    rawHash: raw >>> 0,
    shapeHash: longShapeHash,
    clusters,
  });
  remember(c, word, info);
  return info;
}

// The feature buffer, reused across sentences (copied out per sentence). A token has at most: its own 16 and 1 + 32 of
// its capitalisation and word classes, 10 + 2 · 32 of its neighbours, 4 of its window, 8 phrase marks and 56 of its
// run of capitals (2 per head class, and 24 more).
const MAX_FEATURES = 16 + 1 + 32 + 10 + 2 * 32 + 4 + 8 + 56;
let buffer = new Uint32Array(1 << 14);
// Per-sentence tables, reused likewise (grown as needed).
let runStarts = new Int32Array(256);
let runEnds = new Int32Array(256);
let groupedOffsets = new Uint32Array(257);
let groupBuffer = new Uint8Array(256 * 5);
const APPOSITIVE_WORDS = 4;

/**
 * The features of one sentence's tokens (their text as written). `grouped` leaves each token's word-level groups (see
 * GROUPS) out of the hashes and says which they are, for a decoder that sums them once per word; training lists them.
 */
export function sentenceFeatures(words: readonly string[], res: NerResources, grouped = false): SentenceFeatures {
  const n = words.length;
  const compiled = compile(res);
  const info: WordInfo[] = new Array(n);
  let alpha = 0;
  let capitalised = 0;
  let shouted = 0;
  for (let k = 0; k < n; k++) {
    const w = analyseWord(words[k] as string, res, compiled);
    info[k] = w;
    if (w.cap !== Cap.None && w.lower.length > 1 && !(w.classes & (1 << res.functionClass))) {
      alpha++;
      if (isCapital(w.cap)) capitalised++;
      if (w.cap === Cap.AllCaps) shouted++;
    }
  }
  // A headline or a line in capitals: capitals there say little about names.
  const casing = alpha >= 3 && shouted / alpha >= 0.6 ? 2 : alpha >= 3 && capitalised / alpha >= 0.75 ? 1 : 0;

  // Runs of capitalised words, joined by connectors ("Bank of England", "Osama bin Laden"): the unit of the shape tests.
  if (runStarts.length < n) {
    runStarts = new Int32Array(n * 2);
    runEnds = new Int32Array(n * 2);
  }
  const runStart = runStarts.fill(-1, 0, n);
  const runEnd = runEnds.fill(-1, 0, n);
  for (let k = 0; k < n; ) {
    if (!isCapital((info[k] as TokenInfo).cap)) {
      k++;
      continue;
    }
    let end = k + 1;
    while (end < n) {
      const t = info[end] as TokenInfo;
      if (isCapital(t.cap)) end++;
      else if ((res.connectors.has(t.lower) || t.lower === '-') && end + 1 < n && isCapital((info[end + 1] as TokenInfo).cap)) end += 2;
      else break;
    }
    for (let j = k; j < end; j++) {
      runStart[j] = k;
      runEnd[j] = end;
    }
    k = end;
  }

  // Phrase gazetteers: the longest entry starting at each token (up to 5 words), marked B/I/L/U per gazetteer. (Tokens
  // that open an entry of some gazetteer are found first, with one look-up each.)
  const phraseMarks: number[][] = [];
  const opens: number[] = [];
  for (let k = 0; k < n; k++) {
    // (Read once per distinct word, then kept with it.)
    const w = info[k] as WordInfo;
    let gazetteers = w.opens;
    if (gazetteers < 0) gazetteers = w.opens = compiled.opensPhrase.get(w.lower) ?? 0;
    if (gazetteers) opens.push(k, gazetteers);
  }
  for (let g = 0; opens.length && g < res.phrases.length; g++) {
    const table = compiled.phraseTables[g] as Map<string, number>;
    let free = 0;
    for (let i = 0; i < opens.length; i += 2) {
      const k = opens[i] as number;
      if (k < free || !((opens[i + 1] as number) & (1 << g))) continue;
      let phrase = (info[k] as TokenInfo).lower;
      let best = 0;
      for (let len = 2; len <= 5 && k + len <= n; len++) {
        phrase += ` ${(info[k + len - 1] as TokenInfo).lower}`;
        const found = table.get(phrase) ?? 0;
        if (found & 1) best = len;
        if (!(found & 2)) break;
      }
      if (!best) continue;
      for (let j = k; j < k + best; j++) {
        const position = j === k ? 0 : j === k + best - 1 ? 2 : 1;
        const marks = phraseMarks[j] ?? [];
        marks.push(g * 4 + position);
        phraseMarks[j] = marks;
      }
      free = k + best;
    }
  }

  // No token has more than MAX_FEATURES features, so the buffer is sized once per sentence, not checked per feature.
  if (buffer.length < n * MAX_FEATURES) buffer = new Uint32Array(n * MAX_FEATURES * 2);
  if (groupedOffsets.length <= n) {
    groupedOffsets = new Uint32Array(n * 2 + 1);
    groupBuffer = new Uint8Array(n * 10);
  }
  // (Grouped, the offsets and groups are views that the next call overwrites, as the hashes are.)
  const offsets = grouped ? groupedOffsets.subarray(0, n + 1) : new Uint32Array(n + 1);
  const out = buffer;
  let used = 0;
  const copy = (features: Uint32Array) => {
    for (let i = 0; i < features.length; i++) out[used++] = features[i] as number;
  };
  const wordAt = (k: number) => (k < 0 ? BOS : k >= n ? EOS : (info[k] as TokenInfo).wordHash);
  const shortAt = (k: number) => (k < 0 ? BOS : k >= n ? EOS : (info[k] as TokenInfo).shortShapeHash);
  const capAt = (k: number): number => (k < 0 || k >= n ? 7 : (info[k] as TokenInfo).cap);
  const groups = grouped ? groupBuffer.subarray(0, n * 5) : null;
  const wordOf = (k: number) => (k < 0 || k >= n ? EDGE : (info[k] as WordInfo));
  for (let k = 0; k < n; k++) {
    offsets[k] = used;
    const t = info[k] as WordInfo;
    // Sentence-initial: the first word, or the first after an opening quote, bracket, dash or colon.
    let initial = k === 0;
    if (!initial && k <= 2) {
      initial = true;
      for (let j = 0; j < k; j++) if (!OPENERS.test(words[j] as string)) initial = false;
    }
    const capital = isCapital(t.cap) ? 1 : 0;
    // The word-level groups: the word with its capitalisation class, and its neighbours (see groupFeatures).
    const own = (initial ? 3 : 0) + casing;
    if (groups) {
      groups[k * 5] = own;
      groups[k * 5 + 1] = 6 + capital;
      groups[k * 5 + 2] = 8 + capital;
      groups[k * 5 + 3] = 10;
      groups[k * 5 + 4] = 11;
    } else {
      copy(groupFeatures(t, own));
      copy(groupFeatures(wordOf(k - 1), 6 + capital));
      copy(groupFeatures(wordOf(k + 1), 8 + capital));
      copy(groupFeatures(wordOf(k - 2), 10));
      copy(groupFeatures(wordOf(k + 2), 11));
    }
    const marks = phraseMarks[k];
    if (marks) for (let i = 0; i < marks.length; i++) out[used++] = mix(T.phrase, (marks[i] as number) * 8 + capital);
    out[used++] = mix(T.bigramBefore, mix(wordAt(k - 1), t.wordHash));
    out[used++] = mix(T.bigramAfter, mix(t.wordHash, wordAt(k + 1)));
    out[used++] = mix(T.shapeTrigram, mix(mix(shortAt(k - 1), t.shortShapeHash), shortAt(k + 1)));
    out[used++] = mix(T.capitalWindow, capAt(k - 1) * 100 + t.cap * 10 + capAt(k + 1) + casing * 1000);

    // Name-shape tests, as evidence: the run of capitalised words this token is in, its last and first words, a title
    // before it, a speech verb after it, an acronym of it in brackets.
    const rs = res.withoutShapeTests ? -1 : (runStart[k] as number);
    if (rs >= 0) {
      const re = runEnd[k] as number;
      const len = re - rs;
      const position = len === 1 ? 3 : k === rs ? 0 : k === re - 1 ? 2 : 1;
      out[used++] = mix(T.runLength, Math.min(len, 6) * 4 + position + casing * 64);
      const last = info[re - 1] as TokenInfo;
      const first = info[rs] as TokenInfo;
      for (const c of res.headClasses) {
        if (last.classes & (1 << c)) out[used++] = mix(T.runHead, c * 8 + position);
        if (first.classes & (1 << c)) out[used++] = mix(T.runFirst, c * 8 + position);
      }
      const next = info[re];
      const afterComma = next && words[re] === ',' ? info[re + 1] : undefined;
      if (next && next.classes & (1 << res.speechClass)) out[used++] = mix(T.runSpeaks, position);
      else if (afterComma && afterComma.classes & (1 << res.speechClass)) out[used++] = mix(T.runSpeaks, 8 + position);
      const previous = info[rs - 1];
      if (previous && previous.classes & (1 << res.titleClass)) out[used++] = mix(T.runTitled, position);
      if (previous && previous.lower === 'the' && previous.cap === Cap.Lower) out[used++] = mix(T.afterThe, position);
      if (info[re]?.lower === "'s") out[used++] = mix(T.possessive, position);
      // "Foreign Office (FO)": the run is spelled out by the acronym in brackets after it.
      const acronym = words[re] === '(' ? info[re + 1] : undefined;
      if (acronym && acronym.cap === Cap.AllCaps && words[re + 2] === ')') {
        let initials = '';
        for (let j = rs; j < re; j++) if (isCapital((info[j] as TokenInfo).cap)) initials += (info[j] as TokenInfo).lower[0];
        if (initials === acronym.lower) out[used++] = mix(T.acronymOfRun, position);
      }
      if (len === 1 && initial) out[used++] = mix(T.capitalAlone, t.cap * 8 + casing);
      // What surrounds the whole run, for each of its words: the words just before and after it, and an appositive
      // after a comma ("Zebulon Quarry, a donor, …", "…, a former minister, …", "…, who …"): words the model learns
      // to read as a person's, a body's or a place's description.
      out[used++] = mix(T.runBefore, wordAt(rs - 1));
      out[used++] = mix(T.runAfter, wordAt(re));
      if (words[re] === ',' && re + 1 < n) {
        const article = (info[re + 1] as TokenInfo).lower;
        if (article === 'a' || article === 'an' || article === 'the') {
          for (let j = re + 2; j < n && j < re + 2 + APPOSITIVE_WORDS && words[j] !== ','; j++) {
            const w = info[j] as WordInfo;
            out[used++] = mix(T.runAppositive, w.wordHash);
            if (w.clusters) out[used++] = mix(T.runAppositive, 0x40000 + w.clusters[1]);
          }
        } else out[used++] = mix(T.runAfterComma, (info[re + 1] as TokenInfo).wordHash);
      }
      // The run's make-up: a given name first, and what its last word is known as (the head of a body's or a place's
      // name, a surname, a title, a common word, another class, or nothing: "Tessaly Brandt" and "Zebulon Quarry" are
      // people whatever the lexicons know, "Kestrel Water Board" is a body).
      const lc = last.classes;
      const lastKind =
        re - rs < 2
          ? 0
          : lc & compiled.orgHeadMask
            ? 5
            : lc & compiled.placeHeadMask
              ? 6
              : lc & compiled.lastMask
                ? 1
                : lc & compiled.titleMask
                  ? 7
                  : lc & compiled.commonMask
                    ? 2
                    : lc
                      ? 3
                      : 4;
      out[used++] = mix(T.runPattern, (Math.min(len, 4) * 16 + lastKind * 2 + (first.classes & compiled.firstMask ? 1 : 0)) * 4 + position);
    } else if (!res.withoutShapeTests && k > 0 && runStart[k - 1] !== -1 && k + 1 < n && isCapital(capAt(k + 1)) && res.connectors.has(t.lower)) {
      out[used++] = mix(T.connector, t.wordHash);
    }
    if (!res.withoutShapeTests && t.cap === Cap.AllCaps && words[k - 1] === '(' && words[k + 1] === ')' && k >= 2 && runStart[k - 2] !== -1) {
      let initials = '';
      for (let j = runStart[k - 2] as number; j < k - 1; j++) if (isCapital((info[j] as TokenInfo).cap)) initials += (info[j] as TokenInfo).lower[0];
      if (initials === t.lower) out[used++] = mix(T.acronymOfRun, 16);
    }
  }
  offsets[n] = used;
  // (Grouped, for a decoder that reads them at once, the hashes are a view of the buffer the next sentence reuses.)
  return { hashes: groups ? out.subarray(0, used) : out.slice(0, used), offsets, info, grouped: groups ? { words: info, groups } : undefined };
}
