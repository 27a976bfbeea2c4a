/**
 * Reads the committed NER training data (data/ner/<source>/<split>.conll.gz, IOB2), re-tokenises every corpus token
 * with the tagger's own tokeniser (so training and inference see the same kind of tokens), re-splits long "sentences"
 * (CrossNER paragraphs, posts) with the tagger's sentence splitter, and converts tags to BILOU.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { NerResources } from '../../lib/entities/features';
import { KNOWN_ORGS } from '../../lib/entities/lexicon';
import { PLACES as LEXICON_PLACES } from '../../lib/entities/lexicon-data';
import { ENTITY_TYPES, oOrType, TAG_COUNT, tagOf, tagPosition, tagType } from '../../lib/entities/tagger';
import { splitSentences, tokenWords } from '../../lib/entities/tokens';

export const DATA_DIR = new URL('../../data/ner/', import.meta.url).pathname;
/** A language's corpora: data/ner (English), data/ner-<lang> (others, in the same layout). */
export const dataDir = (language = 'en') => (language === 'en' ? DATA_DIR : new URL(`../../data/ner-${language}/`, import.meta.url).pathname);

export interface Sentence {
  words: string[];
  /** BILOU tags */
  gold: Int32Array;
  /** partial labels: the tags each token may take (null: exactly gold) */
  allowed: Uint32Array | null;
  source: string;
  doc: string;
  /** whether the source annotates MISC here (else MISC is masked) */
  misc: boolean;
}

export interface Manifest {
  /** the corpora's language (English when absent) */
  language?: string;
  sources: Record<string, { splits: Record<string, { file: string; misc_annotated: boolean; misc_coverage?: string }> }>;
  /** the held-out files by role ("<source>/<split>.conll"), as the manifest lists them */
  heldout?: { dev: string[]; test: string[] };
}

export function readManifest(language = 'en'): Manifest {
  const manifest = JSON.parse(readFileSync(join(dataDir(language), 'manifest.json'), 'utf8')) as Manifest;
  return { ...manifest, language };
}

const TYPE_INDEX = new Map<string, number>(ENTITY_TYPES.map((t, i) => [t, i]));

/** BIO tags (type index or -1, begin flag) to BILOU tag numbers. */
function toBilou(types: number[], begins: boolean[]): Int32Array {
  const n = types.length;
  const out = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const type = types[k] as number;
    if (type < 0) continue;
    const starts = begins[k] || k === 0 || types[k - 1] !== type;
    const continues = k + 1 < n && types[k + 1] === type && !begins[k + 1];
    out[k] = tagOf(type, starts ? (continues ? 0 : 3) : continues ? 1 : 2);
  }
  return out;
}

const ALL_TAGS = (1 << TAG_COUNT) - 1;
const O_OR_MISC = oOrType(3);

export interface ReadOptions {
  /** 'mask': MISC-free files let O be MISC; 'drop': no MISC anywhere (MISC gold becomes O) */
  misc: 'mask' | 'drop';
  /** also let O be MISC where MISC is annotated only in part */
  maskPartialMisc?: boolean;
  /** word pairs written as one word ("de o" → "do"): joined back, for sources of UD syntactic words */
  contractions?: ReadonlyMap<string, string>;
  /**
   * types a MISC span of this source may also be (partial labels: the span is MISC or one of these), for sources
   * whose MISC merges kinds of name that the target convention types otherwise (MISC_MAY_ALSO_BE)
   */
  miscMayAlsoBe?: readonly number[];
  /** place names (lowercase) whose ORG spans become LOC (a country or city standing for its government: GPE_AS_ORG) */
  placesAsLoc?: { has(name: string): boolean };
  /** single words outside any name that are a body's name in the product's convention (a language's bodiesAsOrg): ORG */
  bodiesAsOrg?: { has(word: string): boolean };
}

/**
 * UNER types a country or city that stands for its government or people as ORG ("China said", "Hong Kong's
 * government": a fifth of UNER PUD's ORG spans); the product's convention keeps countries and cities LOC whatever
 * they stand for. The trainer reads these sources' ORG spans that are a place name of the lexicon (and no known
 * organisation's) as LOC. (Other sources' ORG place names are mostly clubs named by their city, which stay ORG.)
 */
export const GPE_AS_ORG = new Set(['uner-ewt', 'uner-pud']);

/**
 * The place names GPE_AS_ORG reads as LOC: countries, regions and well-known places and cities (compromise's, not the
 * GeoNames towns, which take in firms' names such as "Edison") that are no known organisation's.
 */
const wellKnownPlaces = new Set(LEXICON_PLACES.split('|'));
export const PLACES_AS_LOC = { has: (name: string) => wellKnownPlaces.has(name) && !KNOWN_ORGS.has(name) };

/** A source's labels in the product's convention (MISC_MAY_ALSO_BE, GPE_AS_ORG), as the shipped model is trained on. */
export const harmonised = (source: string): Pick<ReadOptions, 'miscMayAlsoBe' | 'placesAsLoc'> => ({
  ...(MISC_MAY_ALSO_BE[source] ? { miscMayAlsoBe: MISC_MAY_ALSO_BE[source] } : {}),
  ...(GPE_AS_ORG.has(source) ? { placesAsLoc: PLACES_AS_LOC } : {}),
});

/**
 * CrossNER's science domain maps its astronomical objects (831 spans: "Earth", "Mars", "Titan") to MISC, where the
 * product's convention, and the other corpora (UNER, GUM, BTC, WNUT: "Earth" LOC 25 times, MISC never), make them
 * places. Its fine types are not in the committed files, so its MISC spans may be MISC or LOC, and the model's other
 * evidence decides which (partial labels, as for the sources without MISC).
 */
export const MISC_MAY_ALSO_BE: Readonly<Record<string, readonly number[]>> = { 'crossner-science': [2] };

/**
 * A language's contractions table (`<source>/contractions.tsv` of its corpora: surface, words, count, share): the
 * pairs that are the contraction at least `minShare` of the time.
 */
export function readContractions(language: string, file: string, minShare = 0.9): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of readFileSync(join(dataDir(language), file), 'utf8')
    .split('\n')
    .slice(1)) {
    const [surface, words, , share] = line.split('\t');
    if (surface && words && Number(share) >= minShare && words.split(' ').length === 2) out.set(words, surface);
  }
  return out;
}

/** Joins contracted word pairs in place (case of the first word kept; the pair takes the first word's tag). */
function joinContractions(words: string[], types: number[], begins: boolean[], table: ReadonlyMap<string, string>): void {
  for (let k = 0; k + 1 < words.length; k++) {
    const first = words[k] as string;
    const surface = table.get(`${first.toLowerCase()} ${(words[k + 1] as string).toLowerCase()}`);
    if (!surface) continue;
    words[k] = /^\p{Lu}/u.test(first) ? surface.charAt(0).toUpperCase() + surface.slice(1) : surface;
    // A name that began on the second word begins on the word after it.
    if (begins[k + 1] && types[k + 2] === types[k + 1] && !begins[k + 2] && types[k] !== types[k + 1]) begins[k + 2] = true;
    words.splice(k + 1, 1);
    types.splice(k + 1, 1);
    begins.splice(k + 1, 1);
  }
}

/** ORG spans whose words are a place name become LOC, in place. */
function placesAsLoc(words: string[], types: number[], begins: boolean[], places: { has(name: string): boolean }): void {
  for (let k = 0; k < words.length; ) {
    if (types[k] !== 1) {
      k++;
      continue;
    }
    let end = k + 1;
    while (end < words.length && types[end] === 1 && !begins[end]) end++;
    if (places.has(words.slice(k, end).join(' ').toLowerCase())) for (let j = k; j < end; j++) types[j] = 2;
    k = end;
  }
}

/**
 * Words made of one of `prefixes` and the head of a body (resources' org-head, or a compound ending in one: "Bundes" +
 * "regierung", "Bundes" + "verkehrsministerium"), as a class for ReadOptions.bodiesAsOrg; `read` counts the words it took.
 */
export function bodyNames(prefixes: readonly string[], resources: NerResources): { has(word: string): boolean; read: number } {
  const head = resources.classes.find(([name]) => name === 'org-head')?.[1];
  const compound = resources.classes.find(([name]) => name === 'org-compound')?.[1];
  const names = {
    read: 0,
    has(word: string): boolean {
      const lower = word.toLowerCase();
      const prefix = prefixes.find((p) => lower.length > p.length && lower.startsWith(p));
      if (!prefix || !head || !compound || !/^\p{Lu}/u.test(word)) return false;
      const rest = lower.slice(prefix.length);
      const body = compound.has(lower) || ['', 's', 'es', 'n', 'en'].some((e) => rest.endsWith(e) && head.has(rest.slice(0, rest.length - e.length)));
      if (body) names.read++;
      return body;
    },
  };
  return names;
}

/** Single words outside any name that `bodies` has become one-word ORG spans, in place. */
function bodiesAsOrg(words: string[], types: number[], begins: boolean[], bodies: { has(word: string): boolean }): void {
  for (let k = 0; k < words.length; k++) {
    if (types[k] !== -1 || !bodies.has(words[k] as string)) continue;
    types[k] = 1;
    begins[k] = true;
  }
}

/** The sentences of one split file. */
export function readSplit(source: string, split: string, manifest: Manifest, options: ReadOptions): Sentence[] {
  const info = manifest.sources[source]?.splits[split];
  if (!info) return [];
  const language = manifest.language ?? 'en';
  const text = gunzipSync(readFileSync(join(dataDir(language), source, `${split}.conll.gz`))).toString('utf8');
  const miscAnnotated = info.misc_annotated && options.misc !== 'drop';
  const maskMisc = options.misc === 'mask' && (!info.misc_annotated || (options.maskPartialMisc && info.misc_coverage === 'partial'));
  const miscAlso = miscAnnotated ? (options.miscMayAlsoBe ?? []) : [];
  const sentences: Sentence[] = [];
  let doc = `${source}/${split}/0`;
  let words: string[] = [];
  let types: number[] = [];
  let begins: boolean[] = [];
  let docless = 0;
  const hasDocs = /\n# doc: /.test(`\n${text.slice(0, 2000)}`);
  const flush = () => {
    if (!words.length) return;
    if (options.contractions) joinContractions(words, types, begins, options.contractions);
    if (options.placesAsLoc) placesAsLoc(words, types, begins, options.placesAsLoc);
    if (options.bodiesAsOrg) bodiesAsOrg(words, types, begins, options.bodiesAsOrg);
    const gold = toBilou(types, begins);
    const tokens = splitSentences(
      words.map((w, i) => ({ text: w, start: i, end: i + 1, sentence: 0 })),
      undefined,
      language,
    );
    // (Never split inside a name: "Yahoo! Answers".)
    let from = 0;
    const pieces: [number, number][] = [];
    for (let k = 1; k <= tokens.length; k++) {
      const split = k < tokens.length && (tokens[k] as { sentence: number }).sentence !== (tokens[k - 1] as { sentence: number }).sentence;
      const insideName = k < tokens.length && types[k] !== -1 && types[k] === types[k - 1] && !begins[k];
      const boundary = k === tokens.length || (split && !insideName);
      if (boundary) {
        pieces.push([from, k]);
        from = k;
      }
    }
    const docId = hasDocs ? doc : `${source}/${split}/${docless++}`;
    for (const [a, b] of pieces) {
      const g = gold.slice(a, b);
      let allowed: Uint32Array | null = null;
      if (maskMisc) {
        allowed = new Uint32Array(b - a);
        for (let k = 0; k < b - a; k++) allowed[k] = g[k] === 0 ? O_OR_MISC : 1 << (g[k] as number);
      } else if (miscAlso.length && g.some((t) => tagType(t) === 3)) {
        allowed = new Uint32Array(b - a);
        for (let k = 0; k < b - a; k++) {
          const t = g[k] as number;
          let mask = 1 << t;
          if (tagType(t) === 3) for (const other of miscAlso) mask |= 1 << tagOf(other, tagPosition(t));
          allowed[k] = mask;
        }
      }
      sentences.push({ words: words.slice(a, b), gold: g, allowed, source, doc: docId, misc: miscAnnotated });
    }
    words = [];
    types = [];
    begins = [];
  };
  for (const line of text.split('\n')) {
    if (!line) {
      flush();
      continue;
    }
    if (line.startsWith('# doc: ')) {
      flush();
      doc = `${source}/${line.slice(7).trim()}`;
      continue;
    }
    const tab = line.lastIndexOf('\t');
    const token = line.slice(0, tab);
    const tag = line.slice(tab + 1);
    let type = tag === 'O' ? -1 : (TYPE_INDEX.get(tag.slice(2)) ?? -1);
    if (type === 3 && !miscAnnotated) type = -1;
    const pieces = tokenWords(token, language);
    pieces.forEach((piece, i) => {
      words.push(piece.text);
      types.push(type);
      begins.push(i === 0 && tag.startsWith('B-'));
    });
  }
  flush();
  return sentences;
}

export { ALL_TAGS };

/**
 * The made-up sentences of data/ner/conventions/train.txt ("[ORG Home Office] said …"; see its header): PER, ORG and
 * LOC marked, MISC masked.
 */
export function readConventions(): Sentence[] {
  const text = readFileSync(join(DATA_DIR, 'conventions', 'train.txt'), 'utf8');
  const sentences: Sentence[] = [];
  let docs = 0;
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || !line.trim()) continue;
    if (line.trim() === '---') {
      docs++;
      continue;
    }
    const words: string[] = [];
    const types: number[] = [];
    const begins: boolean[] = [];
    const push = (chunk: string, type: number) => {
      let first = true;
      for (const raw of chunk.split(/\s+/).filter(Boolean))
        for (const piece of tokenWords(raw)) {
          words.push(piece.text);
          types.push(type);
          begins.push(type >= 0 && first);
          first = false;
        }
    };
    let at = 0;
    for (const m of line.matchAll(/\[(PER|ORG|LOC) ([^\]]+)\]/g)) {
      push(line.slice(at, m.index), -1);
      push(m[2] as string, TYPE_INDEX.get(m[1] as string) as number);
      at = (m.index as number) + m[0].length;
    }
    push(line.slice(at), -1);
    const gold = toBilou(types, begins);
    const allowed = Uint32Array.from(gold, (g) => (g === 0 ? O_OR_MISC : 1 << g));
    sentences.push({ words, gold, allowed, source: 'conventions', doc: `conventions/${docs}`, misc: false });
  }
  return sentences;
}

/**
 * A test split in two halves, cut at a document boundary (sentences of one document stay together): the first half
 * may be trained on once settings are chosen (npm run train:ner -- --final), the second is held out for good (the
 * quality test, npm run eval:ner).
 */
export function testHalves(sentences: Sentence[]): [trainable: Sentence[], heldOut: Sentence[]] {
  let cut = Math.floor(sentences.length / 2);
  while (cut > 0 && cut < sentences.length && (sentences[cut] as Sentence).doc === (sentences[cut - 1] as Sentence).doc) cut++;
  return [sentences.slice(0, cut), sentences.slice(cut)];
}

/** The sources whose test split the final model trains on in part (the first half) and holds out in part. */
export const TEST_SOURCES = [
  'uner-ewt',
  'gum',
  'btc',
  'wnut17',
  'crossner-ai',
  'crossner-literature',
  'crossner-music',
  'crossner-politics',
  'crossner-science',
];
