/**
 * `tsx scripts/ner-calibrate.ts [--model FILE] [--heldout]`: whether a decision rule on top of the tagger's scores would
 * raise the product's figure, PER/ORG/LOC exact-span F1 (MISC is never shown), measured on the corpora, never on the eval
 * articles. By default on the dev splits (score a model trained with `npm run train:ner -- --select --out FILE`, which
 * never saw them); with --heldout on the second halves of the test splits. Two families of rules are scored:
 * - biases added to the final emission scores before decoding: to O (fewer, surer names) and against MISC (fewer names
 *   read as products, works or events);
 * - leaving out a name found once in its document whose margin (its span's score as its type less its score as O, both
 *   with the transitions around them) is below a threshold, for every type or for bodies and places only.
 * Labels are read as the shipped model is trained (corpus.ts harmonised).
 */
import { loadNerModel } from '../cli/ner-model';
import { nerModel, nerResources } from '../lib/entities/model';
import { firstStage, secondStage } from '../lib/entities/recognize';
import { punctuationInside, type Span, spansOf, TAG_COUNT, tagOf, tagType, viterbi } from '../lib/entities/tagger';
import { harmonised, readManifest, readSplit, type Sentence, TEST_SOURCES, testHalves } from './ner/corpus';

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
loadNerModel(option('model'));
const model = nerModel();
const resources = nerResources();
const manifest = readManifest();
const read = (source: string, split: string) => readSplit(source, split, manifest, { misc: 'mask', ...harmonised(source) });
const crossner = TEST_SOURCES.filter((s) => s.startsWith('crossner'));
const sentences: Sentence[] = args.includes('--heldout')
  ? TEST_SOURCES.flatMap((s) => testHalves(read(s, 'test'))[1])
  : [...['uner-ewt', 'gum', 'btc', 'wnut17'].flatMap((s) => read(s, 'dev')), ...crossner.flatMap((s) => testHalves(read(s, 'test'))[0])];

const docs = new Map<string, Sentence[]>();
for (const s of sentences) docs.set(s.doc, [...(docs.get(s.doc) ?? []), s]);
interface Item {
  sentence: Sentence;
  emissions: Float32Array;
  masks: Uint32Array | undefined;
  doc: number;
}
const items: Item[] = [];
let docIndex = 0;
for (const doc of docs.values()) {
  const staged = firstStage(
    doc.map((s) => s.words),
    model,
    resources,
  );
  const scores: Float32Array[] = [];
  secondStage(staged, model, resources, scores);
  doc.forEach((sentence, i) => {
    const s = staged[i] as (typeof staged)[number];
    items.push({ sentence, emissions: Float32Array.from(scores[i] as Float32Array), masks: s.masks ?? punctuationInside(s.info), doc: docIndex });
  });
  docIndex++;
}
const T = TAG_COUNT;
const transitions = (model.stage2 ?? model.stage1).transitions;
const trans = (a: number, b: number) => transitions[(a + 1) * T + b] as number;
/** A span's score as one name of `type`, or as O when type is -1, with O before and after. */
function spanScore(e: Float32Array, n: number, span: Span, type: number): number {
  let score = 0;
  let prev = span.start === 0 ? -1 : 0;
  for (let k = span.start; k < span.end; k++) {
    const position = span.end - span.start === 1 ? 3 : k === span.start ? 0 : k === span.end - 1 ? 2 : 1;
    const tag = type < 0 ? 0 : tagOf(type, position);
    score += (e[k * T + tag] as number) + trans(prev, tag);
    prev = tag;
  }
  return span.end < n ? score + trans(prev, 0) : score;
}

const sources = [...new Set(items.map((x) => x.sentence.source))];
const header = (label: string) => console.log(`\n${label.padEnd(14)}${sources.map((s) => s.slice(0, 11).padStart(12)).join('')}         all`);
/** F1 per source and overall of the PER/ORG/LOC spans `keep` lets through, after biasing the emissions. */
function row(label: string, biasO: number, biasMisc: number, keep: (span: Span, margin: number, single: boolean) => boolean): void {
  const counts = new Map<string, [number, number, number]>();
  const decoded = items.map(({ sentence, emissions, masks }) => {
    const n = sentence.words.length;
    const e = Float32Array.from(emissions);
    for (let k = 0; k < n; k++) {
      e[k * T] = (e[k * T] as number) + biasO;
      for (let t = 1; t < T; t++) if (tagType(t) === 3) e[k * T + t] = (e[k * T + t] as number) - biasMisc;
    }
    return { e, n, spans: spansOf(viterbi(e, n, transitions, masks)).filter((x) => x.type < 3) };
  });
  // How often each name (its words in lowercase) is found in its document.
  const found = new Map<string, number>();
  const keyOf = (i: number, x: Span) => `${items[i]?.doc} ${(items[i] as Item).sentence.words.slice(x.start, x.end).join(' ').toLowerCase()}`;
  decoded.forEach((d, i) => {
    for (const x of d.spans) found.set(keyOf(i, x), (found.get(keyOf(i, x)) ?? 0) + 1);
  });
  decoded.forEach(({ e, n, spans }, i) => {
    const s = (items[i] as Item).sentence;
    const key = (x: Span) => `${x.start}:${x.end}:${x.type}`;
    const gold = new Set(
      spansOf(s.gold)
        .filter((x) => x.type < 3)
        .map(key),
    );
    const kept = spans.filter((x) => keep(x, spanScore(e, n, x, x.type) - spanScore(e, n, x, -1), found.get(keyOf(i, x)) === 1));
    const tp = kept.filter((x) => gold.has(key(x))).length;
    const c = counts.get(s.source) ?? [0, 0, 0];
    c[0] += tp;
    c[1] += kept.length - tp;
    c[2] += gold.size - tp;
    counts.set(s.source, c);
  });
  const all: [number, number, number] = [0, 0, 0];
  for (const c of counts.values()) for (let j = 0; j < 3; j++) all[j as 0 | 1 | 2] += c[j as 0 | 1 | 2];
  const f1 = ([tp, fp, fn]: [number, number, number]) => ((2 * tp) / Math.max(1, 2 * tp + fp + fn)).toFixed(3).padStart(12);
  console.log(`${label.padEnd(14)}${sources.map((s) => f1(counts.get(s) ?? [0, 0, 0])).join('')}${f1(all)}`);
}

const all = () => true;
header('bias O, MISC');
for (const [o, m] of [
  [0, 0],
  [5, 0],
  [10, 0],
  [-5, 0],
  [0, 5],
  [0, 10],
  [0, -5],
])
  row(`${o}, ${m}`, o as number, m as number, all);
for (const [label, types] of [
  ['margin, any', [0, 1, 2]],
  ['margin, ORG/LOC', [1, 2]],
] as const) {
  header(label);
  for (const threshold of [0, 10, 20, 30, 40])
    row(String(threshold), 0, 0, (x, margin, single) => !(single && (types as readonly number[]).includes(x.type) && margin < threshold));
}
