/**
 * `npm run train:ner`: trains the two-stage name tagger on the committed corpora (data/ner) and writes the shipped model
 * (lib/entities/model/ner-en.bin). Deterministic: a fixed seed orders every epoch. Prints per-source scores.
 *
 *   tsx scripts/train-ner.ts [--select] [--out FILE] [--epochs N] [--bits N] [--folds N] [--no-stage2]
 *                            [--misc mask|drop] [--no-lexicons] [--no-shapes] [--no-clusters] [--no-names] [--flat] [--quick]
 *                            [--augment SHARE [--augment-case title|caps]] [--lang de]
 *                            [--misc-also none|source:LOC+ORG,...] [--keep-gpe-org] [--seed N] [--prune N] [--table-stats]
 *
 * Splits (data/ner/README.md): with --select, for choosing settings, every source's train split, CrossNER's dev split
 * (its train splits are 100–200 paragraphs), UNER PUD and WikiGold are trained on, and the dev splits (CrossNER: the
 * first half of test) are scored. The shipped model (no --select) learns from every split but the second half of each
 * test split, cut at a document boundary, which is held out for good (scored here, by npm run eval:ner and by the
 * quality test).
 * The corpora are read in the product's labelling convention (scripts/ner/corpus.ts, data/ner/README.md): UNER's
 * countries and cities that stand for a government are LOC (--keep-gpe-org: as UNER has them, ORG), and CrossNER
 * science's MISC spans, its astronomical objects among them, may be MISC or LOC (--misc-also none: MISC only).
 * `--lang de` trains another language's model from data/ner-<lang>, its splits and resources as scripts/ner/languages.ts
 * gives them, and writes lib/entities/model/ner-<lang>.bin.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { documentCues, documentFeatures } from '../lib/entities/document';
import { FEATURE_VERSION, type NerResources, sentenceFeatures } from '../lib/entities/features';
import { provideNerLexiconSource, resourcesFor } from '../lib/entities/languages';
import { ablated } from '../lib/entities/resources';
import {
  addEmissions,
  ENTITY_TYPES,
  type NerModel,
  punctuationInside,
  type StageWeights,
  spansOf,
  TAG_COUNT,
  tagOf,
  viterbi,
  writeModel,
} from '../lib/entities/tagger';
import {
  bodyNames,
  GPE_AS_ORG,
  MISC_MAY_ALSO_BE,
  PLACES_AS_LOC,
  type ReadOptions,
  readContractions,
  readConventions,
  readManifest,
  readSplit,
  type Sentence,
  TEST_SOURCES,
  testHalves,
} from './ner/corpus';
import { LANGUAGE_SPLITS } from './ner/languages';
import { type Example, Perceptron, random, shuffle } from './ner/perceptron';
import { readNerLexicon } from './ner-lexicons.mjs';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? (args[i + 1] as string) : fallback;
};

const LANG = option('lang', 'en');
const SPLITS = LANGUAGE_SPLITS[LANG];
if (LANG !== 'en' && !SPLITS) throw new Error(`no training data for language ${LANG} (see scripts/ner/languages.ts)`);
const OUT = option('out', new URL(`../lib/entities/model/ner-${LANG}.bin`, import.meta.url).pathname);
const EPOCHS = Number(option('epochs', '8'));
const EPOCHS2 = Number(option('epochs2', '5'));
const BITS = Number(option('bits', '17'));
const BITS2 = Number(option('bits2', '12'));
const FOLDS = Number(option('folds', '4'));
const FOLD_EPOCHS = Number(option('fold-epochs', String(EPOCHS)));
const SEED = Number(option('seed', '23'));
const CARRY = Number(option('carry', '1'));
const CLIP2 = Number(option('clip2', '1'));
const STAGE2 = !flag('no-stage2');
const MISC = option('misc', SPLITS?.misc ?? 'mask') as 'mask' | 'drop';
const MASK_PARTIAL = flag('mask-partial');
const AUGMENT = Number(option('augment', '0'));
const AUGMENT_CASE = option('augment-case', 'both') as 'both' | 'title' | 'caps';
const DATELINES = Number(option('datelines', '0'));
/** Sources whose cross-validated output does not train the second stage (--stage2-without a,b). */
/** 'sentence': the second stage reads each sentence alone, in training and in use (corpora without documents). */
const STAGE2_SCOPE = option('stage2-scope', SPLITS?.stage2Scope ?? 'document') as 'document' | 'sentence';
const STAGE2_WITHOUT = new Set(option('stage2-without', '').split(',').filter(Boolean));

/** News-like sources count more, noisy social media less (see data/ner/README.md). */
const SOURCE_WEIGHTS: Record<string, number> = flag('flat')
  ? {}
  : (SPLITS?.weights ?? { 'uner-pud': 2, conventions: 2, 'crossner-politics': 1.5, wikigold: 1.5, gum: 1.5, btc: 0.5, wnut17: 0.5 });

const CROSSNER = ['crossner-ai', 'crossner-literature', 'crossner-music', 'crossner-politics', 'crossner-science'];
const started = Date.now();
const log = (s: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${s}`);

const CLUSTERS_FILE = new URL('../data/clusters/en-glove.bin', import.meta.url).pathname;
// (The word clusters and the personal-name filter are English data: another language's model goes without them.)
const clusters = LANG === 'en' && !flag('no-clusters') && existsSync(CLUSTERS_FILE) ? new Uint8Array(readFileSync(CLUSTERS_FILE)) : null;
const NAMES_FILE = new URL('../data/lexicons/names.bin', import.meta.url).pathname;
const names = LANG === 'en' && !flag('no-names') && existsSync(NAMES_FILE) ? new Uint8Array(readFileSync(NAMES_FILE)) : null;
provideNerLexiconSource(readNerLexicon);
const resources: NerResources = ablated(
  resourcesFor(LANG, clusters, undefined, names),
  `${flag('no-lexicons') ? '-nolex' : ''}${flag('no-shapes') ? '-noshape' : ''}`,
);

// ---- data ----
/** What a source's MISC spans may also be (corpus.ts MISC_MAY_ALSO_BE; --misc-also none, or source:LOC+ORG,...). */
const MISC_ALSO: Record<string, number[]> = (() => {
  const given = option('misc-also', '');
  if (!given) return { ...MISC_MAY_ALSO_BE } as Record<string, number[]>;
  if (given === 'none') return {};
  return Object.fromEntries(
    given.split(',').map((entry) => {
      const [source, types] = entry.split(':') as [string, string];
      return [source, types.split('+').map((t) => ENTITY_TYPES.indexOf(t as (typeof ENTITY_TYPES)[number]))];
    }),
  );
})();
/** A language's bodies that are names though its corpora leave them O (scripts/ner/languages.ts bodiesAsOrg). */
const bodiesAsOrg = flag('no-bodies') || !SPLITS?.bodiesAsOrg ? undefined : bodyNames(SPLITS.bodiesAsOrg, resources);
const manifest = readManifest(LANG);
const contractions = SPLITS?.contractions ? readContractions(LANG, SPLITS.contractions.file) : undefined;
const read = (source: string, split: string, extra: Partial<ReadOptions> = {}) =>
  readSplit(source, split, manifest, {
    ...extra,
    misc: MISC,
    maskPartialMisc: MASK_PARTIAL,
    ...(MISC_ALSO[source] ? { miscMayAlsoBe: MISC_ALSO[source] } : {}),
    ...(GPE_AS_ORG.has(source) && !flag('keep-gpe-org') ? { placesAsLoc: PLACES_AS_LOC } : {}),
    ...(contractions && SPLITS?.contractions?.sources.includes(source) ? { contractions } : {}),
  });
// Settings are chosen with --select: training on the train splits (CrossNER: train and dev) and UNER PUD and WikiGold,
// scored on the dev splits (CrossNER: the first half of test). The shipped model (the default) then learns from every
// split but the held-out second half of each test split, and is scored on that.
const SELECT = flag('select');
const base: Sentence[] = SPLITS
  ? []
  : [
      ...read('uner-ewt', 'train'),
      ...read('uner-pud', 'test'),
      ...read('gum', 'train'),
      ...read('wikigold', 'train'),
      ...CROSSNER.flatMap((s) => [...read(s, 'train'), ...read(s, 'dev')]),
      ...read('btc', 'train'),
      ...read('wnut17', 'train'),
      ...(flag('no-conventions') ? [] : readConventions()),
    ];
// Another language: its own splits (scripts/ner/languages.ts), and English corpora borrowed at a lower weight.
if (SPLITS) {
  const english = readManifest('en');
  base.push(
    ...SPLITS.train.flatMap(([source, split]) => read(source, split, bodiesAsOrg ? { bodiesAsOrg } : {})),
    ...(SPLITS.borrowed ?? []).flatMap(([source, split]) =>
      readSplit(source, split, english, { misc: MISC }).map((x) => ({ ...x, source: `en-${source}` })),
    ),
  );
}
const devSplits = SPLITS ? [] : ['uner-ewt', 'gum', 'btc', 'wnut17'].flatMap((s) => read(s, 'dev'));
const halves = SPLITS ? [] : TEST_SOURCES.map((s) => testHalves(read(s, 'test')));
const crossnerFirstHalves = halves.filter((_, i) => TEST_SOURCES[i]?.startsWith('crossner')).flatMap(([first]) => first);
let train: Sentence[] = SELECT || SPLITS ? base : [...base, ...devSplits, ...halves.flatMap(([first]) => first)];
const dev: Sentence[] = SPLITS
  ? SPLITS.dev.flatMap(([source, split]) => read(source, split))
  : SELECT
    ? [...devSplits, ...crossnerFirstHalves]
    : halves.flatMap(([, second]) => second);
const DEV_LABEL = SPLITS ? 'dev' : SELECT ? 'dev' : 'held out (second half of each test split)';
if (flag('quick')) train = train.filter((_, i) => i % 4 === 0);
// Headlines and lines in capitals are rare in the corpora: a seeded share of sentences is added again in capitals or
// in title case, with the same tags, so capitals alone do not decide (--augment SHARE; --augment-case title|caps for one
// kind only, both by default: half each).
if (AUGMENT > 0) {
  const next = random(SEED + 7);
  const small = /^(a|an|the|of|in|on|at|to|for|and|or|but|by|with|from|as|is|are|was|were)$/;
  const extra: Sentence[] = [];
  for (const s of train) {
    const roll = next();
    if (roll >= AUGMENT) continue;
    const upper = AUGMENT_CASE === 'both' ? roll < AUGMENT / 2 : AUGMENT_CASE === 'caps';
    const words = s.words.map((w, k) => (upper ? w.toUpperCase() : k > 0 && small.test(w) ? w : w.charAt(0).toUpperCase() + w.slice(1)));
    extra.push({ ...s, words, doc: `${s.doc}/${upper ? 'caps' : 'title'}` });
  }
  train = [...train, ...extra];
}
// News articles open with a dateline ("WASHINGTON:", "LONDON —", "Kabul, Afghanistan:"), which none of the corpora
// has: a seeded share of documents gets one before its first sentence, made of a place the corpora name, in capitals
// or as written, so a dateline's place is a place (--datelines SHARE).
if (DATELINES > 0) {
  const next = random(SEED + 11);
  const places: string[][] = [];
  for (const s of train)
    for (const span of spansOf(s.gold)) if (span.type === 2 && span.end - span.start <= 3) places.push(s.words.slice(span.start, span.end));
  const seen = new Set<string>();
  train = train.map((s) => {
    if (seen.has(s.doc) || !places.length) return s;
    seen.add(s.doc);
    if (next() >= DATELINES) return s;
    const place = places[Math.floor(next() * places.length)] as string[];
    const shout = next() < 0.6;
    const mark = [':', '—', '-', ','][Math.floor(next() * 4)] as string;
    const words = [...place.map((w) => (shout ? w.toUpperCase() : w)), mark, ...s.words];
    const gold = new Int32Array(words.length);
    place.forEach((_, k) => {
      gold[k] = tagOf(2, place.length === 1 ? 3 : k === 0 ? 0 : k === place.length - 1 ? 2 : 1);
    });
    gold.set(s.gold, place.length + 1);
    let allowed: Uint32Array | null = null;
    if (s.allowed) {
      allowed = new Uint32Array(words.length);
      for (let k = 0; k <= place.length; k++) allowed[k] = 1 << (gold[k] as number);
      allowed.set(s.allowed, place.length + 1);
    }
    return { ...s, words, gold, allowed };
  });
}
if (bodiesAsOrg) log(`${bodiesAsOrg.read} words the corpora left O read as bodies' names (ORG)`);
log(`${train.length} training sentences (${train.reduce((n, s) => n + s.words.length, 0)} tokens), ${dev.length} dev sentences`);

// ---- features ----
interface Prepared extends Example {
  sentence: Sentence;
  info: ReturnType<typeof sentenceFeatures>['info'];
}
const prepare = (s: Sentence): Prepared => {
  const f = sentenceFeatures(s.words, resources);
  return { sentence: s, info: f.info, hashes: f.hashes, offsets: f.offsets, gold: s.gold, allowed: s.allowed, weight: SOURCE_WEIGHTS[s.source] ?? 1 };
};
// Word dropout (--word-dropout SHARE): a seeded share of the training sentences is added again with the words' own
// identity features (the word, as written and in lowercase) blanked inside names, so the model also learns names from
// what is left (shape, affixes, clusters, word classes, context) and leans less on having seen the very word.
const WORD_DROPOUT = Number(option('word-dropout', String(SPLITS?.wordDropout ?? 0.3)));
/** which of a token's first features are the word's own identity (features.ts: bias, word, word as written) */
const BLANK = [1, 2];
const BLANK_HASH = 0x5eed0000;
const trainSet = train.map(prepare);
const blanked = new Map<Prepared, Prepared>();
if (WORD_DROPOUT > 0) {
  const next = random(SEED + 13);
  for (const ex of trainSet) {
    if (next() >= WORD_DROPOUT || !spansOf(ex.gold).length) continue;
    const hashes = ex.hashes.slice();
    for (const span of spansOf(ex.gold))
      for (let k = span.start; k < span.end; k++) for (const i of BLANK) hashes[(ex.offsets[k] as number) + i] = BLANK_HASH + i;
    blanked.set(ex, { ...ex, hashes });
  }
  log(`word dropout: ${blanked.size} sentences added with names' own words blanked`);
}
/** The examples a first stage learns from: the sentences, and the blanked copies of theirs. */
const withBlanked = (examples: Prepared[]): Prepared[] => [...examples, ...examples.flatMap((ex) => blanked.get(ex) ?? [])];
const devSet = dev.map(prepare);
log(`features: ${trainSet.reduce((n, e) => n + e.hashes.length, 0)} in training`);
// How full the first stage's hashed table is: distinct features, and the rows they land in (--table-stats).
// Pruning (--prune N): a feature seen fewer than N times in the training tokens is left out of training, so the rare
// ones do not blur the rows they share with frequent ones; in use it reads whatever row it hashes to, as an unseen
// feature does. (Measured and left out: README, round 6.)
const PRUNE = Number(option('prune', '0'));
if (PRUNE > 1 || flag('table-stats')) {
  const counts = new Map<number, number>();
  for (const ex of trainSet) for (const h of ex.hashes) counts.set(h, (counts.get(h) ?? 0) + 1);
  const shift = 32 - BITS;
  const rowsOf = (min: number) => {
    const rows = new Set<number>();
    let n = 0;
    for (const [h, c] of counts)
      if (c >= min) {
        n++;
        rows.add(h >>> shift);
      }
    return `${n} features seen ${min}+ times in ${rows.size} of ${1 << BITS} rows (${(n / (1 << BITS)).toFixed(1)} a row)`;
  };
  for (const min of [1, 2, 3, 5]) log(`table: ${rowsOf(min)}`);
  if (PRUNE > 1) {
    const pruned = (ex: Prepared): Prepared => {
      const hashes: number[] = [];
      const offsets = new Uint32Array(ex.offsets.length);
      for (let k = 0; k + 1 < ex.offsets.length; k++) {
        for (let f = ex.offsets[k] as number; f < (ex.offsets[k + 1] as number); f++) {
          const h = ex.hashes[f] as number;
          // (The blanked words' stand-ins are kept: they are what word dropout teaches.)
          if ((counts.get(h) ?? PRUNE) >= PRUNE) hashes.push(h);
        }
        offsets[k + 1] = hashes.length;
      }
      return { ...ex, hashes: Uint32Array.from(hashes), offsets };
    };
    for (const [ex, copy] of blanked) blanked.set(ex, pruned(copy));
    for (const ex of trainSet) {
      const p = pruned(ex);
      ex.hashes = p.hashes;
      ex.offsets = p.offsets;
    }
    log(`pruned to ${trainSet.reduce((n, e) => n + e.hashes.length, 0)} features in training`);
  }
}

// ---- stage 1 ----
function trainStage(examples: Example[], bits: number, epochs: number, seed: number, label: string, quantile?: number): StageWeights {
  const p = new Perceptron(bits);
  const order = examples.slice();
  const next = random(seed);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    let wrong = 0;
    for (const ex of shuffle(order, next)) if (p.train(ex)) wrong++;
    log(`${label} epoch ${epoch}: ${wrong} of ${order.length} sentences wrong`);
  }
  return p.averaged(quantile);
}

function decode(stage: StageWeights, ex: Example & { info?: Prepared['info'] }): { emissions: Float32Array; path: Int32Array } {
  const n = ex.offsets.length - 1;
  const emissions = ex.base ? Float32Array.from(ex.base) : new Float32Array(n * TAG_COUNT);
  addEmissions(stage, ex.hashes, ex.offsets, emissions);
  // (As recognize.ts decodes: punctuation alone never starts or ends a name.)
  return { emissions, path: viterbi(emissions, n, stage.transitions, ex.info && punctuationInside(ex.info)) };
}

// ---- scoring ----
interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
const f1 = (c: Counts) => {
  const p = c.tp / Math.max(1, c.tp + c.fp);
  const r = c.tp / Math.max(1, c.tp + c.fn);
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
};
function score(sentences: Sentence[], paths: Int32Array[]): Map<string, Counts> {
  const bySource = new Map<string, Counts>();
  sentences.forEach((s, i) => {
    const c = bySource.get(s.source) ?? { tp: 0, fp: 0, fn: 0 };
    // MISC counts only where the source annotates it; elsewhere predicted MISC is neither right nor wrong.
    const keep = (type: number) => type !== 3 || s.misc;
    const gold = spansOf(s.gold).filter((x) => keep(x.type));
    const predicted = spansOf(paths[i] as Int32Array).filter((x) => keep(x.type));
    const key = (x: { start: number; end: number; type: number }) => `${x.start}:${x.end}:${x.type}`;
    const goldKeys = new Set(gold.map(key));
    for (const x of predicted) {
      if (goldKeys.has(key(x))) c.tp++;
      else c.fp++;
    }
    c.fn += gold.length - predicted.filter((x) => goldKeys.has(key(x))).length;
    bySource.set(s.source, c);
  });
  return bySource;
}
function report(label: string, sentences: Sentence[], paths: Int32Array[]): void {
  const bySource = score(sentences, paths);
  const all: Counts = { tp: 0, fp: 0, fn: 0 };
  const rows = [...bySource].map(([source, c]) => {
    all.tp += c.tp;
    all.fp += c.fp;
    all.fn += c.fn;
    const { p, r, f } = f1(c);
    return `  ${source.padEnd(22)} P ${p.toFixed(3)}  R ${r.toFixed(3)}  F1 ${f.toFixed(3)}`;
  });
  const { p, r, f } = f1(all);
  console.log(
    `${label} (exact typed spans${MISC === 'drop' ? ', no MISC' : ''})\n${rows.join('\n')}\n  ${'all'.padEnd(22)} P ${p.toFixed(3)}  R ${r.toFixed(3)}  F1 ${f.toFixed(3)}`,
  );
}

// ---- documents (for the second stage) ----
function byDocument<T extends { sentence: Sentence }>(items: T[]): T[][] {
  const docs = new Map<string, T[]>();
  for (const [i, it] of items.entries()) {
    const key = STAGE2_SCOPE === 'sentence' ? String(i) : it.sentence.doc;
    const d = docs.get(key);
    if (d) d.push(it);
    else docs.set(key, [it]);
  }
  return [...docs.values()];
}

function stage2Examples(docs: { ex: Prepared; emissions: Float32Array; path: Int32Array }[][]): (Example & { info: Prepared['info'] })[] {
  const out: (Example & { info: Prepared['info'] })[] = [];
  for (const doc of docs) {
    const features = documentFeatures(
      doc.map((d) => ({ info: d.ex.info, path: d.path })),
      documentCues(resources),
    );
    doc.forEach((d, i) => {
      const f = features[i] as { hashes: Uint32Array; offsets: Uint32Array };
      const base = new Float32Array(d.emissions.length);
      for (let k = 0; k < base.length; k++) base[k] = (d.emissions[k] as number) * CARRY;
      out.push({ hashes: f.hashes, offsets: f.offsets, gold: d.ex.gold, allowed: d.ex.allowed, weight: d.ex.weight, base, info: d.ex.info });
    });
  }
  return out;
}

const stage1 = trainStage(withBlanked(trainSet), BITS, EPOCHS, SEED, 'stage 1');
const devFirst = devSet.map((ex) => ({ ex, ...decode(stage1, ex) }));
report(
  `${DEV_LABEL}, first stage`,
  dev,
  devFirst.map((d) => d.path),
);

let stage2: StageWeights | null = null;
if (STAGE2) {
  // Cross-validated first-pass output: each document is tagged by a first stage that never saw it.
  const docs = byDocument(trainSet.map((ex) => ({ ex, sentence: ex.sentence })));
  const foldOf = (i: number) => i % FOLDS;
  const heldOut: { ex: Prepared; emissions: Float32Array; path: Int32Array }[][] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const inFold = docs
      .filter((_, i) => foldOf(i) !== fold)
      .flat()
      .map((d) => d.ex);
    const weights = trainStage(withBlanked(inFold), BITS, FOLD_EPOCHS, SEED + fold + 1, `fold ${fold + 1}/${FOLDS}`);
    for (const doc of docs.filter((_, i) => foldOf(i) === fold)) {
      if (STAGE2_WITHOUT.has(doc[0]?.ex.sentence.source ?? '')) continue;
      heldOut.push(doc.map((d) => ({ ex: d.ex, ...decode(weights, d.ex) })));
    }
  }
  // (The second stage has few weights, some large: none is clipped.)
  stage2 = trainStage(stage2Examples(heldOut), BITS2, EPOCHS2, SEED + 100, 'stage 2', CLIP2);
  const devDocs = byDocument(devFirst.map((d) => ({ ...d, sentence: d.ex.sentence })));
  const devSecond = stage2Examples(devDocs);
  const order = devDocs.flat().map((d) => d.ex.sentence);
  report(
    `${DEV_LABEL}, second stage`,
    order,
    devSecond.map((ex) => decode(stage2 as StageWeights, ex).path),
  );
}

const model: NerModel = {
  featureVersion: FEATURE_VERSION,
  resources: resources.id,
  stage1,
  stage2,
  stage2Carry: CARRY,
  clusters,
  names,
  meta: {
    trainedOn: SPLITS
      ? `data/ner-${LANG}: ${SPLITS.train.map(([source, split]) => `${source} ${split}`).join(', ')}; data/ner: ${(SPLITS.borrowed ?? []).map(([source, split]) => `${source} ${split}`).join(', ')}`
      : SELECT
        ? 'data/ner: train splits (crossner-*: train and dev), uner-pud, wikigold'
        : 'data/ner: every split but the second half of each test split (held out)',
    seed: SEED,
    ...(STAGE2_SCOPE === 'sentence' ? { stage2Scope: STAGE2_SCOPE } : {}),
    epochs: EPOCHS,
    misc: MISC,
    weights: SOURCE_WEIGHTS,
    types: ENTITY_TYPES,
  },
};
const bytes = writeModel(model);
writeFileSync(OUT, bytes);
log(`wrote ${OUT} (${(bytes.length / 1024 / 1024).toFixed(2)} MB)`);
