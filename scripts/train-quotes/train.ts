// npm run train:quotes   trains the quote classifier and the speaker ranker on LitBank and the web-news dev documents,
//                        and writes lib/quotes/model.json (deterministic: the same data gives the same file).
// npm run eval:quotes    the same training with document-level k-fold cross-validation: every web-news document is
//                        predicted by the fold that did not train on it, every other genre by the full model; then
//                        ../shared/eval's scorer prints quote P/R/F1 and speaker accuracy per genre.
// Options: --folds N (5), --split S (another fold assignment), --eval-data DIR (BACKSTORY_EVAL_DATA, else /work/shared/eval/data), --out FILE (predictions).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { languageSupport } from '../../lib/analyze/language';
import { detectLanguage } from '../../lib/extract';
import { attribute } from '../../lib/quotes';
import type { QuoteModel } from '../../lib/quotes/model';
import { type Doc, defaultEvalData, foldOf, loadConventions, loadEvalDocs, loadLitbank } from './corpus';
import { type DocExamples, docExamples } from './examples';
import { FeatureIndex, named, trainLogistic, trainRanker } from './learn';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
};

/** How much a LitBank example counts beside a news one: fiction teaches the mechanics, news the conventions. */
const LITBANK_WEIGHT = Number(process.env.Q_LIT ?? 0.3);
/** The classifier learns less from fiction: LitBank leaves its non-speech quotes unmarked, so its negatives are noisy. */
const LITBANK_QUOTE_WEIGHT = Number(process.env.Q_LITC ?? 0.1);
const CLASSIFIER = { iterations: 400, rate: 0.05, l2: Number(process.env.Q_L2C ?? 1e-3) };
const RANKER = { iterations: Number(process.env.Q_IT ?? 400), rate: 0.05, l2: Number(process.env.Q_L2 ?? 1e-3) };
const THRESHOLD = 0.5;

function train(docs: { doc: Doc; examples: DocExamples }[]): QuoteModel {
  const weightOf = (doc: Doc) => (doc.source === 'litbank' ? LITBANK_WEIGHT : 1);
  const quoteIndex = new FeatureIndex(docs.flatMap(({ examples }) => examples.quotes.map((e) => e.features)));
  const quoteExamples = docs.flatMap(({ doc, examples }) =>
    examples.quotes.map((e) => ({ x: quoteIndex.encode(e.features), y: e.label, weight: doc.source === 'litbank' ? LITBANK_QUOTE_WEIGHT : 1 })),
  );
  const quoteWeights = trainLogistic(quoteExamples, quoteIndex.names.length, CLASSIFIER);
  const speakerIndex = new FeatureIndex(docs.flatMap(({ examples }) => examples.speakers.flatMap((e) => e.options)));
  const groups = docs.flatMap(({ doc, examples }) =>
    [...examples.speakers, ...examples.referents].map((e) => ({
      options: e.options.map((o) => speakerIndex.encode(o)),
      positive: e.positive,
      weight: weightOf(doc),
    })),
  );
  const speakerWeights = trainRanker(groups, speakerIndex.names.length, RANKER);
  const sources = [...new Set(docs.map(({ doc }) => doc.source))].sort();
  return {
    about: {
      trainedOn: Object.fromEntries(sources.map((s) => [s, docs.filter(({ doc }) => doc.source === s).length])),
      quoteExamples: quoteExamples.length,
      speakerGroups: groups.length,
      litbankWeight: { quotes: LITBANK_QUOTE_WEIGHT, speakers: LITBANK_WEIGHT },
      by: 'npm run train:quotes',
    },
    quote: { weights: named(quoteIndex, quoteWeights), threshold: THRESHOLD },
    speaker: { weights: named(speakerIndex, speakerWeights) },
  };
}

const started = performance.now();
const litbank = loadLitbank();
const evalDir = option('--eval-data') ?? defaultEvalData();
const evalSet = evalDir ? loadEvalDocs(evalDir) : null;
if (!evalSet) console.warn('train:quotes: no ../shared/eval data here: training on LitBank alone');
const webNews = (evalSet?.docs ?? []).filter((d) => d.source === 'web-news' && d.annotated);
const conventions = process.env.Q_NOCONV === '1' ? [] : loadConventions();
const trainingDocs = [...litbank, ...conventions, ...webNews].map((doc) => ({ doc, examples: docExamples(doc) }));
console.error(
  `train:quotes: ${litbank.length} LitBank + ${webNews.length} web-news documents read in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);

if (flag('--cv')) {
  if (!evalDir || !evalSet) throw new Error('eval:quotes needs ../shared/eval/data (or --eval-data DIR)');
  const folds = Number(option('--folds') ?? 5);
  // Another split of the same documents (--split 1, 2 …): how much a figure moves with the folds alone.
  const salt = option('--split') ?? '';
  const predicted = new Map<string, ReturnType<typeof attribute>>();
  for (let k = 0; k < folds; k++) {
    const model = train(trainingDocs.filter(({ doc }) => doc.source !== 'web-news' || foldOf(doc.id, folds, salt) !== k));
    for (const doc of webNews) if (foldOf(doc.id, folds, salt) === k) predicted.set(doc.id, attribute(doc.an, model));
  }
  const full = train(trainingDocs);
  const byId = new Map(evalSet.docs.map((d) => [d.id, d]));
  const lines = evalSet.raw.map((raw) => {
    const id = raw.id as string;
    const doc = byId.get(id);
    const supported = languageSupport(detectLanguage(raw.text as string)).supported;
    const quotes = !doc || !supported ? [] : (predicted.get(id) ?? attribute(doc.an, full));
    return JSON.stringify({ id, isArticle: true, entities: [], quotes: quotes.map((q) => ({ start: q.start, end: q.end, speaker: q.speaker })) });
  });
  const out = option('--out') ?? join(process.env.TMPDIR ?? '/tmp', 'backstory-quotes-cv.jsonl');
  writeFileSync(out, `${lines.join('\n')}\n`);
  const scorer = await import(pathToFileURL(join(evalDir, '..', 'score.mjs')).href);
  const report = scorer.formatReport(scorer.score(scorer.loadData(evalDir, { only: 'nlp' }), scorer.loadPreds(out))) as string;
  const quotesPart = report.slice(report.indexOf('QUOTES'));
  console.log(`Quotes and speakers, ${folds}-fold cross-validated by document on web-news (LitBank in every fold's training);`);
  console.log('other genres by the model trained on all of it (they are never trained on). Entities are not scored here.\n');
  console.log(quotesPart.split('\n\n')[0]);
  console.log(`\npredictions: ${out}; ${((performance.now() - started) / 1000).toFixed(1)} s`);
} else {
  const model = train(trainingDocs);
  const file = new URL('../../lib/quotes/model.json', import.meta.url);
  writeFileSync(file, `${JSON.stringify(model, null, 2)}\n`);
  const n = (r: Record<string, number>) => Object.keys(r).length;
  console.log(
    `lib/quotes/model.json: ${n(model.quote.weights)} quote features, ${n(model.speaker.weights)} speaker features; ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}
