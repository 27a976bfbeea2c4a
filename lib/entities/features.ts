/**
 * The name tagger's feature function, shared by training (scripts/train-ner) and inference (tagger.ts). A model records
 * FEATURE_VERSION and the resources' id it was trained with, and refuses to run with any other: change anything here that
 * alters the features, and bump the version.
 *
 * Features are 32-bit hashes (template id mixed with the value), so the model is a hashed weight table. Language knowledge
 * comes in as data (NerResources: word classes, phrase gazetteers, word clusters), never as code branches, so another
 * language needs resources and a model, not another feature function.
 */

export const FEATURE_VERSION = 6;

export interface NerResources {
  /** names the resources (and their version): the model refuses resources other than those it was trained with */
  id: string;
  /** single-word classes (lowercase): "first name", "place", "title", "organisation head" … */
  classes: readonly (readonly [name: string, words: ReadonlySet<string>])[];
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

export function capitalOf(word: string): Cap {
  let letters = 0;
  let upper = 0;
  let firstUpper = false;
  let firstLetter = true;
  for (const ch of word) {
    const u = ch.toUpperCase();
    const l = ch.toLowerCase();
    if (u === l) continue;
    if (firstLetter) firstUpper = ch === u;
    firstLetter = false;
    letters++;
    if (ch === u) upper++;
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
  for (const ch of word) {
    const u = ch.toUpperCase();
    const l = ch.toLowerCase();
    const c = u !== l ? (ch === u ? 'X' : 'x') : ch >= '0' && ch <= '9' ? 'd' : ch;
    if (c === last) {
      if (++run > maxRun) continue;
    } else run = 1;
    last = c;
    out += c;
  }
  return out;
}

/** What the feature function knows of each token; also read by the second stage. */
export interface TokenInfo {
  lower: string;
  cap: Cap;
  classes: number;
  wordHash: number;
  shortShapeHash: number;
}

/** Everything about one word that does not depend on its neighbours: computed once per distinct word, then cached. */
interface WordInfo extends TokenInfo {
  rawHash: number;
  shapeHash: number;
  /** hashes of the lowercase word's first and last 1–4 characters (0: the word is too short) */
  prefixes: Uint32Array;
  suffixes: Uint32Array;
  clusters: readonly [number, number, number] | null;
  /** the features this word gives on its own, and as the word before, after, two before and two after a token */
  own: Uint32Array;
  asBefore: Uint32Array;
  asAfter: Uint32Array;
  asBefore2: Uint32Array;
  asAfter2: Uint32Array;
}

export interface SentenceFeatures {
  /** feature hashes of token k are hashes[offsets[k]] … hashes[offsets[k + 1] - 1] */
  hashes: Uint32Array;
  offsets: Uint32Array;
  info: TokenInfo[];
}

const BOS = hashString('<s>');
const EOS = hashString('</s>');
// The neighbour features at a sentence's edges.
const EDGE_BEFORE = Uint32Array.from([mix(T.wordBefore, BOS), mix(T.shapeBefore, BOS)]);
const EDGE_AFTER = Uint32Array.from([mix(T.wordAfter, EOS), mix(T.shapeAfter, EOS)]);
const EDGE_BEFORE2 = Uint32Array.from([mix(T.wordBefore2, BOS), mix(T.shapeBefore2, BOS)]);
const EDGE_AFTER2 = Uint32Array.from([mix(T.wordAfter2, EOS), mix(T.shapeAfter2, EOS)]);
const OPENERS = /^["'([«“‘:—-]$/;
const TO_NORMALISE = /[’‘‐‑–—“”«»]/;

interface Compiled {
  /** lowercase word → bit mask of its classes */
  classOf: Map<string, number>;
  /** per phrase gazetteer, the first words of its entries */
  firstWords: Set<string>[];
  words: Map<string, WordInfo>;
}
const compiledResources = new WeakMap<NerResources, Compiled>();
const MAX_CACHED_WORDS = 50_000;

function compile(res: NerResources): Compiled {
  let c = compiledResources.get(res);
  if (c) return c;
  // Word classes are a 32-bit mask; MAX_FEATURES counts on at most 16 head classes and 8 phrase gazetteers.
  if (res.classes.length > 32 || res.headClasses.length > 16 || res.phrases.length > 8)
    throw new Error(`too many word classes in resources ${res.id}`);
  const classOf = new Map<string, number>();
  res.classes.forEach(([, words], i) => {
    for (const w of words) classOf.set(w, (classOf.get(w) ?? 0) | (1 << i));
  });
  const firstWords = res.phrases.map(([, entries]) => new Set([...entries].map((e) => e.slice(0, e.indexOf(' ')))));
  c = { classOf, firstWords, words: new Map() };
  compiledResources.set(res, c);
  return c;
}

function analyseWord(word: string, res: NerResources, c: Compiled): WordInfo {
  const cached = c.words.get(word);
  if (cached) return cached;
  const norm = TO_NORMALISE.test(word) ? normalise(word) : word;
  const lower = norm.toLowerCase();
  // FNV over the lowercase word with digits as 0, and over the word as written; prefixes are the running hash.
  const prefixes = new Uint32Array(4);
  const suffixes = new Uint32Array(4);
  let h = 0x811c9dc5;
  let raw = 0x811c9dc5;
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    h = Math.imul(h ^ (code >= 48 && code <= 57 ? 48 : code), 0x01000193);
    const rawCode = norm.charCodeAt(i);
    raw = Math.imul(raw ^ (rawCode >= 48 && rawCode <= 57 ? 48 : rawCode), 0x01000193);
    if (i < 4 && i + 1 < lower.length) prefixes[i] = h >>> 0;
  }
  let back = 0x811c9dc5;
  for (let i = lower.length - 1, p = 0; i >= 0 && p < 4; i--, p++) {
    back = Math.imul(back ^ lower.charCodeAt(i), 0x01000193);
    if (i > 0) suffixes[p] = back >>> 0;
  }
  const cap = capitalOf(norm);
  const capital = isCapital(cap) ? 1 : 0;
  const wordHash = h >>> 0;
  const shortShapeHash = hashString(shapeOf(norm, 1));
  const clusters = res.clusters?.(lower) ?? null;
  const own = [
    mix(T.bias, 0),
    mix(T.word, wordHash),
    mix(T.raw, raw >>> 0),
    mix(T.shape, hashString(shapeOf(norm, 4))),
    mix(T.shortShape, shortShapeHash),
  ];
  for (let p = 0; p < 4; p++) {
    if (prefixes[p]) own.push(mix(T.prefix + p, prefixes[p] as number));
    if (suffixes[p]) own.push(mix(T.suffix + p, suffixes[p] as number));
  }
  if (clusters)
    own.push(
      mix(T.cluster, clusters[0] * 4 + capital),
      mix(T.cluster + 1, clusters[1] * 4 + capital + 0x10000),
      mix(T.cluster + 2, clusters[2] * 4 + capital + 0x20000),
    );
  const info: WordInfo = {
    own: Uint32Array.from(own),
    asBefore: Uint32Array.from([
      mix(T.wordBefore, wordHash),
      mix(T.shapeBefore, shortShapeHash),
      ...(clusters ? [mix(T.clusterBefore, clusters[1])] : []),
    ]),
    asAfter: Uint32Array.from([
      mix(T.wordAfter, wordHash),
      mix(T.shapeAfter, shortShapeHash),
      ...(clusters ? [mix(T.clusterAfter, clusters[1])] : []),
    ]),
    asBefore2: Uint32Array.from([mix(T.wordBefore2, wordHash), mix(T.shapeBefore2, shortShapeHash)]),
    asAfter2: Uint32Array.from([mix(T.wordAfter2, wordHash), mix(T.shapeAfter2, shortShapeHash)]),
    lower,
    cap,
    classes: c.classOf.get(lower) ?? 0,
    wordHash,
    shortShapeHash,
    rawHash: raw >>> 0,
    shapeHash: hashString(shapeOf(norm, 4)),
    prefixes,
    suffixes,
    clusters,
  };
  if (c.words.size >= MAX_CACHED_WORDS) c.words.clear();
  c.words.set(word, info);
  return info;
}

// The feature buffer, reused across sentences (copied out per sentence). A token has at most: its own 16, 10 of its
// neighbours, 4 of its window, 1 + 3 · 32 of word classes (a 32-bit mask), 8 phrase marks and 40 of its run of
// capitals (2 per head class, and 8 more).
const MAX_FEATURES = 16 + 10 + 4 + 1 + 3 * 32 + 8 + 40;
let buffer = new Uint32Array(1 << 14);

/** The features of one sentence's tokens (their text as written). */
export function sentenceFeatures(words: readonly string[], res: NerResources): SentenceFeatures {
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
  const runStart = new Int32Array(n).fill(-1);
  const runEnd = new Int32Array(n).fill(-1);
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

  // Phrase gazetteers: the longest entry starting at each token (up to 5 words), marked B/I/L/U per gazetteer.
  const phraseMarks: number[][] = [];
  for (let g = 0; g < res.phrases.length; g++) {
    const entries = (res.phrases[g] as readonly [string, ReadonlySet<string>])[1];
    const firstWords = compiled.firstWords[g] as Set<string>;
    for (let k = 0; k < n; k++) {
      if (!firstWords.has((info[k] as TokenInfo).lower)) continue;
      let phrase = (info[k] as TokenInfo).lower;
      let best = 0;
      for (let len = 2; len <= 5 && k + len <= n; len++) {
        phrase += ` ${(info[k + len - 1] as TokenInfo).lower}`;
        if (entries.has(phrase)) best = len;
      }
      if (!best) continue;
      for (let j = k; j < k + best; j++) {
        const position = j === k ? 0 : j === k + best - 1 ? 2 : 1;
        const marks = phraseMarks[j] ?? [];
        marks.push(g * 4 + position);
        phraseMarks[j] = marks;
      }
      k += best - 1;
    }
  }

  const offsets = new Uint32Array(n + 1);
  // No token has more than MAX_FEATURES features, so the buffer is sized once per sentence, not checked per feature.
  if (buffer.length < n * MAX_FEATURES) buffer = new Uint32Array(n * MAX_FEATURES * 2);
  const out = buffer;
  let used = 0;
  const emit = (template: number, value: number) => {
    out[used++] = mix(template, value);
  };
  const copy = (features: Uint32Array) => {
    for (let i = 0; i < features.length; i++) out[used++] = features[i] as number;
  };
  const wordAt = (k: number) => (k < 0 ? BOS : k >= n ? EOS : (info[k] as TokenInfo).wordHash);
  const shortAt = (k: number) => (k < 0 ? BOS : k >= n ? EOS : (info[k] as TokenInfo).shortShapeHash);
  const capAt = (k: number): number => (k < 0 || k >= n ? 7 : (info[k] as TokenInfo).cap);
  const classesAt = (k: number) => (k < 0 || k >= n ? 0 : (info[k] as TokenInfo).classes);
  for (let k = 0; k < n; k++) {
    offsets[k] = used;
    const t = info[k] as WordInfo;
    // Sentence-initial: the first word, or the first after an opening quote, bracket, dash or colon.
    let initial = k === 0;
    if (!initial && k <= 2) {
      initial = true;
      for (let j = 0; j < k; j++) if (!OPENERS.test(words[j] as string)) initial = false;
    }
    const capClass = t.cap * 8 + (initial ? 4 : 0) + casing;
    // (What a word gives alone or as a neighbour is computed once per word: see analyseWord.)
    copy(t.own);
    copy(k > 0 ? (info[k - 1] as WordInfo).asBefore : EDGE_BEFORE);
    copy(k + 1 < n ? (info[k + 1] as WordInfo).asAfter : EDGE_AFTER);
    copy(k > 1 ? (info[k - 2] as WordInfo).asBefore2 : EDGE_BEFORE2);
    copy(k + 2 < n ? (info[k + 2] as WordInfo).asAfter2 : EDGE_AFTER2);
    emit(T.capital, capClass);
    const capital = isCapital(t.cap) ? 1 : 0;
    for (let bits = t.classes, c = 0; bits; bits >>>= 1, c++) if (bits & 1) emit(T.lexicon, c * 64 + capClass);
    for (let bits = classesAt(k - 1), c = 0; bits; bits >>>= 1, c++) if (bits & 1) emit(T.lexiconBefore, c * 8 + capital);
    for (let bits = classesAt(k + 1), c = 0; bits; bits >>>= 1, c++) if (bits & 1) emit(T.lexiconAfter, c * 8 + capital);
    for (const mark of phraseMarks[k] ?? []) emit(T.phrase, mark * 8 + capital);
    emit(T.bigramBefore, mix(wordAt(k - 1), t.wordHash));
    emit(T.bigramAfter, mix(t.wordHash, wordAt(k + 1)));
    emit(T.shapeTrigram, mix(mix(shortAt(k - 1), t.shortShapeHash), shortAt(k + 1)));
    emit(T.capitalWindow, capAt(k - 1) * 100 + t.cap * 10 + capAt(k + 1) + casing * 1000);

    // Name-shape tests, as evidence: the run of capitalised words this token is in, its last and first words, a title
    // before it, a speech verb after it, an acronym of it in brackets.
    const rs = res.withoutShapeTests ? -1 : (runStart[k] as number);
    if (rs >= 0) {
      const re = runEnd[k] as number;
      const len = re - rs;
      const position = len === 1 ? 3 : k === rs ? 0 : k === re - 1 ? 2 : 1;
      emit(T.runLength, Math.min(len, 6) * 4 + position + casing * 64);
      const last = info[re - 1] as TokenInfo;
      const first = info[rs] as TokenInfo;
      for (const c of res.headClasses) {
        if (last.classes & (1 << c)) emit(T.runHead, c * 8 + position);
        if (first.classes & (1 << c)) emit(T.runFirst, c * 8 + position);
      }
      const next = info[re];
      const afterComma = next && words[re] === ',' ? info[re + 1] : undefined;
      if (next && next.classes & (1 << res.speechClass)) emit(T.runSpeaks, position);
      else if (afterComma && afterComma.classes & (1 << res.speechClass)) emit(T.runSpeaks, 8 + position);
      const previous = info[rs - 1];
      if (previous && previous.classes & (1 << res.titleClass)) emit(T.runTitled, position);
      if (previous && previous.lower === 'the' && previous.cap === Cap.Lower) emit(T.afterThe, position);
      if (info[re]?.lower === "'s") emit(T.possessive, position);
      // "Foreign Office (FO)": the run is spelled out by the acronym in brackets after it.
      const acronym = words[re] === '(' ? info[re + 1] : undefined;
      if (acronym && acronym.cap === Cap.AllCaps && words[re + 2] === ')') {
        let initials = '';
        for (let j = rs; j < re; j++) if (isCapital((info[j] as TokenInfo).cap)) initials += (info[j] as TokenInfo).lower[0];
        if (initials === acronym.lower) emit(T.acronymOfRun, position);
      }
      if (len === 1 && initial) emit(T.capitalAlone, t.cap * 8 + casing);
    } else if (!res.withoutShapeTests && res.connectors.has(t.lower) && k > 0 && runStart[k - 1] !== -1 && k + 1 < n && isCapital(capAt(k + 1))) {
      emit(T.connector, t.wordHash);
    }
    if (!res.withoutShapeTests && t.cap === Cap.AllCaps && words[k - 1] === '(' && words[k + 1] === ')' && k >= 2 && runStart[k - 2] !== -1) {
      let initials = '';
      for (let j = runStart[k - 2] as number; j < k - 1; j++) if (isCapital((info[j] as TokenInfo).cap)) initials += (info[j] as TokenInfo).lower[0];
      if (initials === t.lower) emit(T.acronymOfRun, 16);
    }
  }
  offsets[n] = used;
  return { hashes: out.slice(0, used), offsets, info };
}
