// npm run train:quotes   trains the quote classifier and the speaker ranker on LitBank and the web-news dev documents,
//                        and writes lib/quotes/model.json (deterministic: the same data gives the same file).
// npm run eval:quotes    the same training with document-level k-fold cross-validation: every web-news document is
//                        predicted by the fold that did not train on it, every other genre by the full model; then
//                        ../shared/eval's scorer prints quote P/R/F1 and speaker accuracy per genre.
// Options: --folds N (5), --split S (another fold assignment), --eval-data DIR (BACKSTORY_EVAL_DATA, else /work/shared/eval/data), --out FILE (predictions).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadNerModel } from '../../cli/ner-model';
import { languageSupport } from '../../lib/analyze/language';
import { detectLanguage } from '../../lib/extract';
import { attribute } from '../../lib/quotes';
import { defaultEvalData, foldOf, loadConventions, loadEvalDocs, loadLitbank } from './corpus';
import { docExamples, type QuoteScores, scoreDoc, sumScores } from './examples';
import { train } from './fit';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
};

// Speaker candidates come from the shipped name tagger, as in the extension.
loadNerModel();
const started = performance.now();
const litbank = loadLitbank();
const evalDir = option('--eval-data') ?? defaultEvalData();
const evalSet = evalDir ? loadEvalDocs(evalDir) : null;
if (!evalSet) console.warn('train:quotes: no ../shared/eval data here: training on LitBank alone');
const webNews = (evalSet?.docs ?? []).filter((d) => d.source === 'web-news' && d.annotated);
const conventions = loadConventions();
const trainingDocs = [...litbank, ...conventions, ...webNews].map((doc) => ({ doc, examples: docExamples(doc) }));
console.error(
  `train:quotes: ${litbank.length} LitBank + ${conventions.length} convention + ${webNews.length} web-news documents read in ${((performance.now() - started) / 1000).toFixed(1)} s`,
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
  // LitBank, held out the same way (each excerpt predicted by the folds that did not train on it): a second, fiction,
  // figure beside the news one.
  const litbankScores: QuoteScores[] = [];
  for (let k = 0; k < folds; k++) {
    const model = train(trainingDocs.filter(({ doc }) => doc.source !== 'litbank' || foldOf(doc.id, folds, salt) !== k));
    for (const doc of litbank) if (foldOf(doc.id, folds, salt) === k) litbankScores.push(scoreDoc(attribute(doc.an, model), doc.quotes));
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
  const lit = sumScores(litbankScores);
  const f = (x: number) => x.toFixed(3);
  console.log(
    `litbank (fiction, ${litbank.length} excerpts, ${folds}-fold): quotes ${lit.gold} gold, ${lit.predicted} predicted, P ${f(lit.p)} R ${f(lit.r)} F1 ${f(lit.f1)}; named speakers ${lit.right}/${lit.judged} = ${f(lit.accuracy)}`,
  );
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
