/**
 * The name tagger's resources per language: English's are built in resources.ts; another language's come from its data
 * file (lexicons/<lang>.json, with function words and speech verbs from lib/text/speech/<lang>.json) and share the
 * feature function. Given names, surnames and places are international enough to be shared with English's lexicon.
 * Another language's word lists are not bundled: like its model, they are handed over when an article in it comes (the
 * background fetches them from the extension package, Node reads them from disk: scripts/ner-lexicons.mjs).
 */
import speechDe from '../text/speech/de.json';
import speechFr from '../text/speech/fr.json';
import speechPt from '../text/speech/pt.json';
import speechRu from '../text/speech/ru.json';
import { readClusters } from './clusters';
import type { NerResources } from './features';
import { FIRST_NAMES, LAST_NAMES, NAME_PARTICLES, PLACES } from './lexicon';
import { ablated, englishResources } from './resources';

/** A language's word lists as shipped: lexicons/<lang>.json, with lexicons/<lang>-places.json's towns as morePlaces. */
export interface LexiconData {
  language: string;
  title: string;
  orgHead: string;
  /** nouns for a firm ("konzern", "hersteller"), whose compounds too: the name right after one is a firm's (compounds.ts) */
  firmHead?: string;
  placeHead: string;
  placePrefix: string;
  calendar: string;
  demonym: string;
  places: string;
  orgs: string;
  connectors: string;
  headClasses: string;
  firstNames: string;
  lastNames: string;
  morePlaces?: string;
  /** common nouns in all their forms (lexicons/<lang>-nouns.json), for the classes 'noun' and 'noun-head' */
  nouns?: string;
  /** the language writes compounds as one word ("Landesinnenministerium"): its titles and heads of bodies also end longer words */
  compounds?: boolean;
}

const words = (list: string) => new Set(list.split('|').filter(Boolean));

/** A compound's head is at least this long, after at least MIN_MODIFIER letters: shorter ones end too many other words. */
const MIN_HEAD = 4;
const MIN_MODIFIER = 3;
/** Longer words are no compounds (German's longest run to about 60 letters): each try costs a look-up per letter. */
const MAX_COMPOUND = 64;
/** A compound's own endings beyond its head's: the genitive "-s", "-es", the plural "-n", "-en" ("…ministeriums"). */
const INFLECTIONS = ['', 's', 'es', 'n', 'en'];

/**
 * The words that end in one of `heads` after a modifier of their own ("Rüstungskonzern", "Landesverkehrsministeriums",
 * "Vereinssprecherin" for "konzern", "ministerium", "sprecherin"), as a word class: heads at least MIN_HEAD long, with
 * the inflections a compound adds to them; the heads themselves are not in it (their own class has them). Read once per
 * distinct word (the feature function caches a word's classes).
 */
export function compoundsOf(heads: ReadonlySet<string>): { has(word: string): boolean } {
  const long = wordList([...heads].filter((h) => h.length >= MIN_HEAD).join('|'));
  return {
    has(word: string): boolean {
      if (word.length > MAX_COMPOUND) return false;
      for (const ending of INFLECTIONS) {
        if (ending && !word.endsWith(ending)) continue;
        if (long.hasTail(ending ? word.slice(0, -ending.length) : word, MIN_MODIFIER, MIN_HEAD)) return true;
      }
      return false;
    },
  };
}

/** A long word list: membership of a word, or of its tail from a given letter on. */
export interface WordList {
  has(word: string): boolean;
  /** whether word.slice(i) is in the list for some i ≥ from with at least `shortest` letters left (no slices made) */
  hasTail(word: string, from: number, shortest: number): boolean;
}

/**
 * A long word list ('|'-separated) looked up where it lies: a hash table of the entries' offsets, each entry hashed from
 * its last letter back, so every tail of a word is looked up in one pass over it, and no string is made per entry or per
 * tail. (A Set of German's 66,081 noun forms took tens of milliseconds to build at the first German article.)
 */
export function wordList(list: string): WordList {
  let count = list ? 1 : 0;
  for (let i = 0; i < list.length; i++) if (list.charCodeAt(i) === 124) count++;
  const starts = new Int32Array(count + 1);
  for (let i = 0, k = 1; i < list.length; i++) if (list.charCodeAt(i) === 124) starts[k++] = i + 1;
  starts[count] = list.length + 1;
  let size = 1;
  while (size < count * 2) size <<= 1;
  const mask = size - 1;
  const table = new Int32Array(size).fill(-1);
  for (let k = 0; k < count; k++) {
    let h = 0x811c9dc5;
    for (let i = (starts[k + 1] as number) - 2; i >= (starts[k] as number); i--) h = Math.imul(h ^ list.charCodeAt(i), 0x01000193);
    let at = (h >>> 0) & mask;
    while ((table[at] as number) >= 0) at = (at + 1) & mask;
    table[at] = k;
  }
  const found = (h: number, word: string, from: number): boolean => {
    const length = word.length - from;
    for (let at = (h >>> 0) & mask; (table[at] as number) >= 0; at = (at + 1) & mask) {
      const k = table[at] as number;
      const start = starts[k] as number;
      if ((starts[k + 1] as number) - 1 - start !== length) continue;
      let same = true;
      for (let i = 0; i < length && same; i++) same = word.charCodeAt(from + i) === list.charCodeAt(start + i);
      if (same) return true;
    }
    return false;
  };
  const hasTail = (word: string, from: number, shortest: number): boolean => {
    let h = 0x811c9dc5;
    for (let i = word.length - 1; i >= from; i--) {
      h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
      if (word.length - i >= shortest && found(h, word, i)) return true;
    }
    return false;
  };
  return {
    has: (word: string) => word.length > 0 && hasTail(word, 0, word.length),
    hasTail,
  };
}

/** Words that are not in `nouns` but end in one of them after a modifier ("Akkuladung", "Hafen-Krise"): compound nouns. */
export function nounHeadsOf(nouns: WordList): { has(word: string): boolean } {
  return { has: (word: string) => word.length <= MAX_COMPOUND && !nouns.has(word) && nouns.hasTail(word, MIN_MODIFIER, MIN_HEAD) };
}
const singleWords = (entries: ReadonlySet<string>) => new Set([...entries].filter((e) => !e.includes(' ')));

function fromData(data: LexiconData, speech: { speechVerbs: string; functionWords: string }, version: number): NerResources {
  const gazetteer = new Set([...PLACES, ...words(data.places), ...words(data.morePlaces ?? '')]);
  const classes: [string, { has(word: string): boolean }][] = [
    ['first', new Set([...FIRST_NAMES, ...words(data.firstNames)])],
    ['last', new Set([...LAST_NAMES, ...words(data.lastNames)])],
    ['place', singleWords(gazetteer)],
    ['org', words(data.orgs)],
    ['demonym', words(data.demonym)],
    ['function', words(speech.functionWords)],
    ['title', words(data.title)],
    ['org-head', words(data.orgHead)],
    ['place-head', words(data.placeHead)],
    ['place-prefix', words(data.placePrefix)],
    ['particle', NAME_PARTICLES],
    ['speech', words(speech.speechVerbs)],
    ['calendar', words(data.calendar)],
  ];
  // (Appended, so the languages without them keep their classes' indices, and their models.)
  if (data.compounds) classes.push(['org-compound', compoundsOf(words(data.orgHead))], ['title-compound', compoundsOf(words(data.title))]);
  if (data.nouns) {
    const nouns = wordList(data.nouns);
    classes.push(['noun', nouns], ['noun-head', nounHeadsOf(nouns)]);
  }
  const index = (name: string) => classes.findIndex(([n]) => n === name);
  return {
    id: `${data.language}-${version}`,
    classes,
    phrases: [['place', new Set([...gazetteer].filter((e) => e.includes(' ')))]],
    connectors: words(data.connectors),
    headClasses: data.headClasses.split('|').map(index),
    titleClass: index('title'),
    speechClass: index('speech'),
    functionClass: index('function'),
  };
}

const BUILDERS: Record<string, (data: LexiconData) => NerResources> = {
  de: (data) => fromData(data, speechDe, 3),
  fr: (data) => fromData(data, speechFr, 1),
  pt: (data) => fromData(data, speechPt, 1),
  ru: (data) => fromData(data, speechRu, 1),
};
const built = new Map<string, NerResources>();
const withClusters = new WeakMap<Uint8Array, NerResources>();
const lexicons = new Map<string, LexiconData>();
let lexiconSource: ((language: string) => LexiconData | null) | null = null;

/** The languages whose resources are here (a shipped model is the other half: see model.ts). */
export const NER_LANGUAGES = ['en', ...Object.keys(BUILDERS)];

/** The languages whose word lists come apart from the code, with their model. */
export const LEXICON_LANGUAGES = Object.keys(BUILDERS);

export function provideNerLexicon(language: string, data: LexiconData): void {
  lexicons.set(language, data);
  built.delete(language);
  firmHeadLists.delete(language);
}

/** Where word lists come from on demand (Node reads them from disk); the browser provides them ahead instead. */
export function provideNerLexiconSource(read: (language: string) => LexiconData | null): void {
  lexiconSource = read;
}

export function hasNerLexicon(language: string): boolean {
  return !BUILDERS[language] || lexicons.has(language);
}

function lexiconOf(language: string): LexiconData {
  let data = lexicons.get(language);
  if (!data && lexiconSource) {
    data = lexiconSource(language) ?? undefined;
    if (data) lexicons.set(language, data);
  }
  if (!data) throw new Error(`The word lists for "${language}" are not loaded (provideNerLexicon was never called)`);
  return data;
}

const firmHeadLists = new Map<string, ReadonlySet<string> | null>();

/** A language's nouns for a firm (its lexicon's firmHead), or null where it has none (English: capitals say it). */
export function firmHeads(language: string): ReadonlySet<string> | null {
  if (!BUILDERS[language]) return null;
  let heads = firmHeadLists.get(language);
  if (heads === undefined) {
    const list = lexiconOf(language).firmHead;
    heads = list ? words(list) : null;
    firmHeadLists.set(language, heads);
  }
  return heads;
}

/**
 * The resources of `language`, with a model's word clusters and personal-name filter when it has them (English's do),
 * less a part when `id` says so.
 */
export function resourcesFor(language: string, clusters: Uint8Array | null = null, id?: string, names: Uint8Array | null = null): NerResources {
  const build = BUILDERS[language];
  if (!build) return englishResources(clusters, id, names);
  let r = built.get(language);
  if (!r) {
    r = build(lexiconOf(language));
    built.set(language, r);
  }
  if (clusters) {
    const base = r;
    r = withClusters.get(clusters) ?? { ...base, id: `${base.id}+clusters`, clusters: readClusters(clusters) };
    withClusters.set(clusters, r);
  }
  return id ? ablated(r, id) : r;
}
