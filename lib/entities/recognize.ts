/** Tags a document's tokens with the two-stage model: sentence by sentence, then again with what the first pass found. */
import { finish, type Steps } from '../steps';
import { documentCues, documentFeatures } from './document';
import { type NerResources, sentenceFeatures, type TokenInfo } from './features';
import { addEmissions, addGroupedEmissions, ENTITY_TYPES, type NerModel, punctuationInside, spansOf, TAG_COUNT, tagOf, viterbi } from './tagger';
import type { Token } from './tokens';

export interface TaggedSpan {
  /** token indexes into the document's tokens, end exclusive */
  start: number;
  end: number;
  /** index into ENTITY_TYPES */
  type: number;
}

export interface StagedSentence {
  words: string[];
  info: TokenInfo[];
  emissions: Float32Array;
  path: Int32Array;
  /** the tags each token may take (punctuationInside), read again by the second stage */
  masks?: Uint32Array;
}

/** The first stage on sentences given as words: features, scores and best paths. */
export function firstStage(sentences: string[][], model: NerModel, resources: NerResources): StagedSentence[] {
  return finish(firstStageSteps(sentences, model, resources));
}

/** firstStage, yielding after each sentence. */
function* firstStageSteps(sentences: string[][], model: NerModel, resources: NerResources): Steps<StagedSentence[]> {
  // (One table of scores and one of tags for the document, each sentence's a view: no allocation per sentence.)
  let tokens = 0;
  for (const words of sentences) tokens += words.length;
  const scores = new Float32Array(tokens * TAG_COUNT);
  const tags = new Int32Array(tokens);
  let at = 0;
  const staged: StagedSentence[] = [];
  for (const words of sentences) {
    const n = words.length;
    const f = sentenceFeatures(words, resources, true);
    const emissions = scores.subarray(at * TAG_COUNT, (at + n) * TAG_COUNT);
    addGroupedEmissions(model.stage1, f, emissions);
    const masks = punctuationInside(f.info);
    const path = viterbi(emissions, n, model.stage1.transitions, masks, tags.subarray(at, at + n));
    at += n;
    staged.push({ words, info: f.info, emissions, path, masks });
    yield;
  }
  return staged;
}

/**
 * The second stage over a whole document's first-stage output; returns the final tag paths (and, into `scores` when
 * given, each sentence's final emission scores).
 */
export function secondStage(staged: StagedSentence[], model: NerModel, resources: NerResources, scores?: Float32Array[]): Int32Array[] {
  return finish(secondStageSteps(staged, model, resources, scores));
}

/** secondStage, yielding after the document's features and after each sentence. */
function* secondStageSteps(staged: StagedSentence[], model: NerModel, resources: NerResources, scores?: Float32Array[]): Steps<Int32Array[]> {
  const stage2 = model.stage2;
  if (!stage2) {
    for (const s of staged) scores?.push(s.emissions);
    return staged.map((s) => s.path);
  }
  const features = documentFeatures(staged, documentCues(resources));
  yield;
  let tokens = 0;
  for (const s of staged) tokens += s.words.length;
  const table = new Float32Array(tokens * TAG_COUNT);
  const tags = new Int32Array(tokens);
  const carry = model.stage2Carry;
  let at = 0;
  const paths: Int32Array[] = [];
  for (const [i, s] of staged.entries()) {
    const f = features[i] as { hashes: Uint32Array; offsets: Uint32Array };
    const n = s.words.length;
    const emissions = table.subarray(at * TAG_COUNT, (at + n) * TAG_COUNT);
    scores?.push(emissions);
    const first = s.emissions;
    for (let k = 0; k < emissions.length; k++) emissions[k] = (first[k] as number) * carry;
    addEmissions(stage2, f.hashes, f.offsets, emissions);
    const path = viterbi(emissions, n, stage2.transitions, 'masks' in s ? s.masks : punctuationInside(s.info), tags.subarray(at, at + n));
    at += n;
    paths.push(path);
    yield;
  }
  return paths;
}

/** A document's names as token spans, and how well each type fits any run of its tokens. */
export interface TaggedDocument {
  spans: TaggedSpan[];
  /**
   * For tokens [from, to) of one sentence (document token indexes), the score of tagging them as one name of each type
   * (ENTITY_TYPES order), with O around them: the decoder's own scores, so they can be compared across types.
   */
  typeScores(from: number, to: number): number[];
}

/** Names in a document's tokens, as token spans. */
export function tagTokens(tokens: Token[], model: NerModel, resources: NerResources): TaggedSpan[] {
  return tagDocument(tokens, model, resources).spans;
}

/** A document's names and type scores (see TaggedDocument). */
export function tagDocument(tokens: Token[], model: NerModel, resources: NerResources): TaggedDocument {
  return finish(tagDocumentSteps(tokens, model, resources));
}

/** tagDocument in steps of a sentence or so each: the background lets other tabs in between (see lib/steps). */
export function* tagDocumentSteps(tokens: Token[], model: NerModel, resources: NerResources): Steps<TaggedDocument> {
  const sentences: Token[][] = [];
  for (const t of tokens) {
    const current = sentences[sentences.length - 1];
    if (current && (current[0] as Token).sentence === t.sentence) current.push(t);
    else sentences.push([t]);
  }
  const staged = yield* firstStageSteps(
    sentences.map((s) => s.map((t) => t.text)),
    model,
    resources,
  );
  // A model whose second stage learned from lone sentences (no documents in its corpora) reads each sentence alone.
  const emissions: Float32Array[] = [];
  let paths: Int32Array[] = [];
  if (model.meta.stage2Scope === 'sentence') for (const s of staged) paths.push(...(yield* secondStageSteps([s], model, resources, emissions)));
  else paths = yield* secondStageSteps(staged, model, resources, emissions);
  const spans: TaggedSpan[] = [];
  const sentenceStarts: number[] = [];
  let offset = 0;
  sentences.forEach((s, i) => {
    sentenceStarts.push(offset);
    for (const span of spansOf(paths[i] as Int32Array)) spans.push({ start: offset + span.start, end: offset + span.end, type: span.type });
    offset += s.length;
  });
  const transitions = (model.stage2 ?? model.stage1).transitions;
  const sentenceOf = (k: number) => {
    let lo = 0;
    let hi = sentenceStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((sentenceStarts[mid] as number) <= k) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  return {
    spans,
    typeScores(from, to) {
      const i = sentenceOf(from);
      const at = sentenceStarts[i] as number;
      return spanTypeScores(
        emissions[i] as Float32Array,
        (sentences[i] as Token[]).length,
        transitions,
        from - at,
        Math.min(to - at, (sentences[i] as Token[]).length),
      );
    },
  };
}

/** The score of tokens [from, to) of a sentence as one name of each type, O before and after (see TaggedDocument). */
function spanTypeScores(emissions: Float32Array, n: number, transitions: Float32Array, from: number, to: number): number[] {
  const T = TAG_COUNT;
  const trans = (a: number, b: number) => transitions[(a + 1) * T + b] as number;
  return ENTITY_TYPES.map((_, type) => {
    let score = 0;
    let prev = from === 0 ? -1 : 0;
    for (let k = from; k < to; k++) {
      const position = to - from === 1 ? 3 : k === from ? 0 : k === to - 1 ? 2 : 1;
      const tag = tagOf(type, position);
      score += (emissions[k * T + tag] as number) + trans(prev, tag);
      prev = tag;
    }
    return to < n ? score + trans(prev, 0) : score;
  });
}
