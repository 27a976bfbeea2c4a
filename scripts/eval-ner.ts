/**
 * `npm run eval:ner`: the name tagger's scores
 * - per genre on ../shared/eval (web-news first; GUM news and interviews): typed and untyped mention F1 and entity F1,
 *   as the eval's own score.mjs computes them, through the same pipeline as the CLI;
 * - per source on the corpora's held-out slices (exact typed spans): the second half of each test split, cut at a
 *   document boundary, which no model is trained on; with --dev the dev splits too (the shipped model learnt from them).
 *
 *   tsx scripts/eval-ner.ts [--model FILE] [--eval DIR] [--dev] [--no-corpora] [--no-eval] [--out pred.jsonl]
 *                           [--first-stage-only] [--lang fr] [--harmonised]
 *
 * With --lang, another language's shipped model on its corpora's held-out splits (data/ner-<lang>/manifest.json's
 * "heldout": dev, which chose its settings, and test, for the figures), exact typed spans; the per-genre scores are the
 * pipeline's, which routes each document to its language (web-news-de, web-news-intl).
 *
 * The web-news articles are a dev set: they chose features and settings, never trained anything.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadNerModel } from '../cli/ner-model';
import { analyzeText } from '../lib/analyze';
import { nerModel, nerResources } from '../lib/entities/model';
import { harmonised, readContractions, readManifest, readSplit, TEST_SOURCES, testHalves } from './ner/corpus';
import { LANGUAGE_SPLITS } from './ner/languages';
import { scoreCorpus } from './ner/score';

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const flag = (name: string) => args.includes(`--${name}`);

const modelPath = option('model');
loadNerModel(modelPath);
const model = nerModel();
// The first stage alone, to see what the second adds (--first-stage-only).
if (flag('first-stage-only')) model.stage2 = null;
console.log(`model: ${modelPath ?? 'shipped'}; ${model.stage2 ? 'two stages' : 'first stage only'}`);

function evalDir(): string | null {
  const given = option('eval');
  const candidates = given ? [given] : ['../shared/eval', '../../shared/eval', '/work/shared/eval'];
  return candidates.map((c) => resolve(c)).find((c) => existsSync(join(c, 'score.mjs'))) ?? null;
}

if (!flag('no-eval')) {
  const dir = evalDir();
  if (!dir) console.log('../shared/eval not found: skipping the per-genre scores (--eval DIR)');
  else {
    const lines = readFileSync(join(dir, 'data/nlp.jsonl'), 'utf8').split('\n').filter(Boolean);
    const out: string[] = [];
    for (const line of lines) {
      const doc = JSON.parse(line) as { id: string; text: string };
      const { entities, quotes } = analyzeText(doc.text);
      out.push(
        JSON.stringify({
          id: doc.id,
          isArticle: true,
          article: null,
          entities: entities.map((e) => ({ name: e.name, type: e.type, mentions: e.mentions.map(({ start, end }) => ({ start, end })) })),
          quotes: quotes.map((q) => ({ start: q.start, end: q.end, speaker: q.speaker })),
        }),
      );
    }
    const pred = option('out') ?? join(tmpdir(), `backstory-ner-eval-${process.pid}.jsonl`);
    writeFileSync(pred, `${out.join('\n')}\n`);
    const scores = JSON.parse(
      execFileSync('node', [join(dir, 'score.mjs'), '--data', join(dir, 'data'), '--pred', pred, '--json'], { encoding: 'utf8' }),
    ) as {
      nlp: { genres: Record<string, Record<string, { p: number; r: number; f1: number }>> };
    };
    const genres = ['web-news', 'web-news-de', 'web-news-intl', 'news', 'interview'];
    console.log('\n../shared/eval (dev)   typed P / R / F1         untyped F1   entity P / R / F1      quotes F1 / speaker acc.');
    for (const g of genres) {
      const s = scores.nlp.genres[g];
      if (!s) continue;
      const m = s.mentionsTyped as { p: number | null; r: number | null; f1: number | null };
      const u = s.mentionsUntyped as { f1: number | null };
      const e = s.entities as { p: number | null; r: number | null; f1: number | null };
      const q = s.quotes as { f1: number | null };
      const sa = s.speakerAccuracy as unknown as number | { accuracy?: number };
      const acc = typeof sa === 'number' ? sa : (sa?.accuracy ?? Number.NaN);
      // (A genre annotated for quotes only has no mention or entity scores: null there.)
      const x = (v: number | null) => (v == null ? '  -  ' : v.toFixed(3));
      console.log(
        `  ${g.padEnd(20)} ${x(m.p)} / ${x(m.r)} / ${x(m.f1)}    ${x(u.f1)}       ${x(e.p)} / ${x(e.r)} / ${x(e.f1)}    ${x(q.f1)} / ${x(Number(acc))}`,
      );
    }
  }
}

function printCounts(label: string, counts: Map<string, { tp: number; fp: number; fn: number }>): void {
  console.log(`\n${label}`);
  const all = { tp: 0, fp: 0, fn: 0 };
  const row = (name: string, c: { tp: number; fp: number; fn: number }) => {
    const p = c.tp / Math.max(1, c.tp + c.fp);
    const r = c.tp / Math.max(1, c.tp + c.fn);
    console.log(`  ${name.padEnd(22)} P ${p.toFixed(3)}  R ${r.toFixed(3)}  F1 ${(p + r ? (2 * p * r) / (p + r) : 0).toFixed(3)}`);
  };
  for (const [source, c] of counts) {
    all.tp += c.tp;
    all.fp += c.fp;
    all.fn += c.fn;
    row(source, c);
  }
  row('all', all);
}

const LANG = option('lang');
if (LANG && LANG !== 'en' && !flag('no-corpora')) {
  const manifest = readManifest(LANG) as ReturnType<typeof readManifest> & { heldout?: Record<string, string[]> };
  const splits = LANGUAGE_SPLITS[LANG];
  const contractions = splits?.contractions ? readContractions(LANG, splits.contractions.file) : undefined;
  for (const [role, files] of Object.entries(manifest.heldout ?? {})) {
    const sentences = files.flatMap((file) => {
      const [source, name] = file.replace(/\.conll$/, '').split('/') as [string, string];
      const uses = contractions && splits?.contractions?.sources.includes(source);
      return readSplit(source, name, manifest, { misc: 'mask', ...(uses ? { contractions } : {}) });
    });
    if (sentences.length)
      printCounts(
        `${LANG} corpora, held-out ${role} (exact typed spans; MISC only where annotated)`,
        scoreCorpus(sentences, nerModel(LANG), nerResources(LANG)),
      );
  }
} else if (!flag('no-corpora')) {
  const manifest = readManifest();
  // --harmonised: the labels in the product's convention, as the model is trained on (corpus.ts harmonised).
  const read = (source: string, split: string) =>
    readSplit(source, split, manifest, { misc: 'mask', ...(flag('harmonised') ? harmonised(source) : {}) });
  const crossner = TEST_SOURCES.filter((s) => s.startsWith('crossner'));
  if (flag('dev'))
    printCounts(
      'corpora dev splits (exact typed spans; MISC only where annotated; the shipped model trained on them)',
      scoreCorpus(
        [...['uner-ewt', 'gum', 'btc', 'wnut17'].flatMap((s) => read(s, 'dev')), ...crossner.flatMap((s) => testHalves(read(s, 'test'))[0])],
        model,
        nerResources(),
      ),
    );
  printCounts(
    `corpora held out: the second half of each test split, never trained on (exact typed spans; MISC only where annotated${flag('harmonised') ? '; labels harmonised' : ''})`,
    scoreCorpus(
      TEST_SOURCES.flatMap((s) => testHalves(read(s, 'test'))[1]),
      model,
      nerResources(),
    ),
  );
}
