// The training itself, shared by npm run train:quotes, npm run eval:quotes and the model's held-out test.
import type { QuoteModel } from '../../lib/quotes/model';
import type { Doc } from './corpus';
import type { DocExamples } from './examples';
import { FeatureIndex, named, trainLogistic, trainRanker } from './learn';

/** How much a LitBank example counts beside a news one: fiction teaches the mechanics, news the conventions. */
const LITBANK_WEIGHT = 0.3;
/** The classifier learns less from fiction: LitBank leaves its non-speech quotes unmarked, so its negatives are noisy. */
const LITBANK_QUOTE_WEIGHT = 0.1;
// (Chosen by cross-validation on the training documents: 0.1 and 0.3 for LitBank against 1 and 0; L2 0.0003 to 0.003;
// more iterations changed nothing.)
const CLASSIFIER = { iterations: 400, rate: 0.05, l2: 1e-3 };
const RANKER = { iterations: 400, rate: 0.05, l2: 1e-3 };
const THRESHOLD = 0.5;

export function train(docs: { doc: Doc; examples: DocExamples }[]): QuoteModel {
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
