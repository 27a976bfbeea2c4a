/** Tags a document's tokens with the two-stage model: sentence by sentence, then again with what the first pass found. */
import { finish, type Steps } from '../steps';
import { documentCues, documentFeatures } from './document';
import { type NerResources, sentenceFeatures, type TokenInfo } from './features';
import { addEmissions, addGroupedEmissions, type NerModel, punctuationInside, spansOf, TAG_COUNT, viterbi } from './tagger';
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

/** The second stage over a whole document's first-stage output; returns the final tag paths. */
export function secondStage(staged: StagedSentence[], model: NerModel, resources: NerResources): Int32Array[] {
  return finish(secondStageSteps(staged, model, resources));
}

/** secondStage, yielding after the document's features and after each sentence. */
function* secondStageSteps(staged: StagedSentence[], model: NerModel, resources: NerResources): Steps<Int32Array[]> {
  const stage2 = model.stage2;
  if (!stage2) return staged.map((s) => s.path);
  const features = documentFeatures(staged, documentCues(resources));
  yield;
  let tokens = 0;
  for (const s of staged) tokens += s.words.length;
  const scores = new Float32Array(tokens * TAG_COUNT);
  const tags = new Int32Array(tokens);
  const carry = model.stage2Carry;
  let at = 0;
  const paths: Int32Array[] = [];
  for (const [i, s] of staged.entries()) {
    const f = features[i] as { hashes: Uint32Array; offsets: Uint32Array };
    const n = s.words.length;
    const emissions = scores.subarray(at * TAG_COUNT, (at + n) * TAG_COUNT);
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

/** Names in a document's tokens, as token spans. */
export function tagTokens(tokens: Token[], model: NerModel, resources: NerResources): TaggedSpan[] {
  return finish(tagTokenSteps(tokens, model, resources));
}

/** tagTokens in steps of a sentence or so each: the background lets other tabs in between (see lib/steps). */
export function* tagTokenSteps(tokens: Token[], model: NerModel, resources: NerResources): Steps<TaggedSpan[]> {
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
  let paths: Int32Array[] = [];
  if (model.meta.stage2Scope === 'sentence') for (const s of staged) paths.push(...(yield* secondStageSteps([s], model, resources)));
  else paths = yield* secondStageSteps(staged, model, resources);
  const spans: TaggedSpan[] = [];
  let offset = 0;
  sentences.forEach((s, i) => {
    for (const span of spansOf(paths[i] as Int32Array)) spans.push({ start: offset + span.start, end: offset + span.end, type: span.type });
    offset += s.length;
  });
  return spans;
}
