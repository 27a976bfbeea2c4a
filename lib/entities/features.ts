/**
 * The name tagger's feature function, shared by training (scripts/train-ner) and inference (tagger.ts). A model records
 * FEATURE_VERSION and the resources' id it was trained with, and refuses to run with any other: change anything here that
 * alters the features, and bump the version.
 *
 * Features are 32-bit hashes (template id mixed with the value), so the model is a hashed weight table. Language knowledge
 * comes in as data (NerResources: word classes, phrase gazetteers, word clusters), never as code branches, so another
 * language needs resources and a model, not another feature function.
 */

export const FEATURE_VERSION = 3;

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

export interface SentenceFeatures {
  /** feature hashes of token k are hashes[offsets[k]] … hashes[offsets[k + 1] - 1] */
  hashes: Uint32Array;
  offsets: Uint32Array;
  info: TokenInfo[];
}

const BOS = hashString('<s>');
const EOS = hashString('</s>');
const OPENERS = /^["'([«“‘:—-]$/;

/** The features of one sentence's tokens (their text as written). */
export function sentenceFeatures(words: readonly string[], res: NerResources): SentenceFeatures {
  const n = words.length;
  const info: TokenInfo[] = new Array(n);
  const shapeHash = new Uint32Array(n);
  const clusterIds: (readonly [number, number, number] | null)[] = new Array(n);
  let alpha = 0;
  let capitalised = 0;
  let shouted = 0;
  for (let k = 0; k < n; k++) {
    const norm = normalise(words[k] as string);
    const lower = norm.toLowerCase();
    const cap = capitalOf(norm);
    let classes = 0;
    for (let c = 0; c < res.classes.length; c++) if ((res.classes[c] as readonly [string, ReadonlySet<string>])[1].has(lower)) classes |= 1 << c;
    const digitless = lower.replace(/[0-9]/g, '0');
    info[k] = { lower, cap, classes, wordHash: hashString(digitless), shortShapeHash: hashString(shapeOf(norm, 1)) };
    shapeHash[k] = hashString(shapeOf(norm, 4));
    clusterIds[k] = res.clusters?.(lower) ?? null;
    if (cap !== Cap.None && lower.length > 1 && !(classes & (1 << res.functionClass))) {
      alpha++;
      if (isCapital(cap)) capitalised++;
      if (cap === Cap.AllCaps) shouted++;
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
    for (let k = 0; k < n; k++) {
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

  const hashes: number[] = [];
  const offsets = new Uint32Array(n + 1);
  const emit = (template: number, value: number) => hashes.push(mix(template, value));
  const wordAt = (k: number) => (k < 0 ? BOS : k >= n ? EOS : (info[k] as TokenInfo).wordHash);
  const shortAt = (k: number) => (k < 0 ? BOS : k >= n ? EOS : (info[k] as TokenInfo).shortShapeHash);
  const capAt = (k: number): number => (k < 0 || k >= n ? 7 : (info[k] as TokenInfo).cap);
  const classesAt = (k: number) => (k < 0 || k >= n ? 0 : (info[k] as TokenInfo).classes);
  for (let k = 0; k < n; k++) {
    offsets[k] = hashes.length;
    const t = info[k] as TokenInfo;
    const norm = normalise(words[k] as string);
    // Sentence-initial: the first word, or the first after an opening quote, bracket, dash or colon.
    let initial = k === 0;
    if (!initial && k <= 2) {
      initial = true;
      for (let j = 0; j < k; j++) if (!OPENERS.test(words[j] as string)) initial = false;
    }
    const capClass = t.cap * 8 + (initial ? 4 : 0) + casing;
    emit(T.bias, 0);
    emit(T.word, t.wordHash);
    emit(T.raw, hashString(norm.replace(/[0-9]/g, '0')));
    emit(T.shape, shapeHash[k] as number);
    emit(T.shortShape, t.shortShapeHash);
    for (let p = 1; p <= 4 && p < t.lower.length; p++) {
      emit(T.prefix + p - 1, hashString(t.lower.slice(0, p)));
      emit(T.suffix + p - 1, hashString(t.lower.slice(-p)));
    }
    emit(T.capital, capClass);
    for (let c = 0; c < res.classes.length; c++) {
      if (t.classes & (1 << c)) emit(T.lexicon, c * 64 + capClass);
      if (classesAt(k - 1) & (1 << c)) emit(T.lexiconBefore, c * 8 + (isCapital(t.cap) ? 1 : 0));
      if (classesAt(k + 1) & (1 << c)) emit(T.lexiconAfter, c * 8 + (isCapital(t.cap) ? 1 : 0));
    }
    for (const mark of phraseMarks[k] ?? []) emit(T.phrase, mark * 8 + (isCapital(t.cap) ? 1 : 0));
    emit(T.wordBefore, wordAt(k - 1));
    emit(T.wordAfter, wordAt(k + 1));
    emit(T.wordBefore2, wordAt(k - 2));
    emit(T.wordAfter2, wordAt(k + 2));
    emit(T.shapeBefore, shortAt(k - 1));
    emit(T.shapeAfter, shortAt(k + 1));
    emit(T.shapeBefore2, shortAt(k - 2));
    emit(T.shapeAfter2, shortAt(k + 2));
    emit(T.bigramBefore, mix(wordAt(k - 1), t.wordHash));
    emit(T.bigramAfter, mix(t.wordHash, wordAt(k + 1)));
    emit(T.shapeTrigram, mix(mix(shortAt(k - 1), t.shortShapeHash), shortAt(k + 1)));
    emit(T.capitalWindow, capAt(k - 1) * 100 + t.cap * 10 + capAt(k + 1) + casing * 1000);
    const clusters = clusterIds[k];
    if (clusters) {
      emit(T.cluster, clusters[0] * 4 + (isCapital(t.cap) ? 1 : 0));
      emit(T.cluster + 1, clusters[1] * 4 + (isCapital(t.cap) ? 1 : 0) + 0x10000);
      emit(T.cluster + 2, clusters[2] * 4 + (isCapital(t.cap) ? 1 : 0) + 0x20000);
    }
    const before = k > 0 ? clusterIds[k - 1] : null;
    const after = k + 1 < n ? clusterIds[k + 1] : null;
    if (before) emit(T.clusterBefore, before[1]);
    if (after) emit(T.clusterAfter, after[1]);

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
  offsets[n] = hashes.length;
  return { hashes: Uint32Array.from(hashes), offsets, info };
}
