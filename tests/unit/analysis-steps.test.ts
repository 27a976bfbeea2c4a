// The background runs an analysis step by step and answers other tabs between steps, so no step may do much: the model's
// first-use set-up is a step of its own, the tagger reads one sentence per step, and every other pass over a piece of
// text (tokens, the document's features, the names' merging, each pass of the quotes' layout, ranking and choice) is a
// step of its own, as is each quote's speaker. Checked by what each step calls, not by timing it.
import { afterEach, describe, expect, test, vi } from 'vitest';

const calls: { fn: string; chars: number }[] = [];
/** The language each nerResources call asked for. */
const resourceLanguages: unknown[] = [];

/** A module whose named functions are recorded when called (with the length of their first argument, if text). */
function recording(names: string[]) {
  return async (importOriginal: () => Promise<Record<string, unknown>>) => {
    const real = await importOriginal();
    const wrapped: Record<string, unknown> = { ...real };
    for (const name of names) {
      const fn = real[name] as (...args: unknown[]) => unknown;
      wrapped[name] = (...args: unknown[]) => {
        calls.push({ fn: name, chars: typeof args[0] === 'string' ? args[0].length : 0 });
        if (name === 'nerResources') resourceLanguages.push(args[0]);
        return fn(...args);
      };
    }
    return wrapped;
  };
}

vi.mock('../../lib/entities/tokens', recording(['tokenize']));
vi.mock('../../lib/entities/model', recording(['nerResources']));
vi.mock('../../lib/entities/features', recording(['sentenceFeatures']));
vi.mock('../../lib/entities/tagger', recording(['viterbi']));
vi.mock('../../lib/entities/document', recording(['documentFeatures']));
vi.mock('../../lib/entities/merge', recording(['mergeMentions']));
vi.mock('../../lib/quotes/text', recording(['layOut']));
vi.mock('../../lib/quotes/mentions', recording(['findMentions']));
vi.mock('../../lib/quotes/attribution', recording(['prepareSymbols']));
vi.mock('../../lib/quotes/ranker', recording(['rankContext']));
vi.mock('../../lib/quotes/decode', recording(['acceptQuotes', 'rankSpeaker']));

/** Passes over a whole piece of text: at most one per step. */
const WHOLE_PASSES = ['tokenize', 'documentFeatures', 'mergeMentions', 'layOut', 'findMentions', 'prepareSymbols', 'rankContext', 'acceptQuotes'];
/** Work on one sentence or one quote: at most one of each per step. */
const ONE_EACH = ['sentenceFeatures', 'viterbi', 'rankSpeaker'];

// The set-up loaded the name modules before these mocks: loaded again, with the mocks, and the model given again.
vi.resetModules();
(await import('../../cli/ner-model')).loadNerModel();
const { analysisSteps, analyzeText, SECTION_CHARS, sections, WarmUp, WHOLE_TEXT_CHARS, warmUpSteps } = await import('../../lib/analyze');

const PARAGRAPH = (i: number) =>
  `“We will keep talking,” Jeff Rathke said in Washington on day ${i}, adding that officials of the State Department had met in Islamabad.`;
const textOf = (paragraphs: number) => Array.from({ length: paragraphs }, (_, i) => PARAGRAPH(i)).join('\n\n');

/** Runs a generator to its end; returns what each step called, and the result. */
function stepByStep<T>(steps: Generator<void, T>): { steps: { fn: string; chars: number }[][]; result: T } {
  const out: { fn: string; chars: number }[][] = [];
  for (;;) {
    calls.length = 0;
    const step = steps.next();
    out.push([...calls]);
    if (step.done) return { steps: out, result: step.value };
  }
}

/** Each step: at most one pass over a piece of text, of at most `max` characters; at most one sentence or quote. */
function expectSmallSteps(steps: { fn: string; chars: number }[][], max: number) {
  for (const step of steps) {
    const passes = step.filter((c) => WHOLE_PASSES.includes(c.fn));
    expect(passes.length).toBeLessThanOrEqual(1);
    for (const c of passes) expect(c.chars).toBeLessThanOrEqual(max);
    for (const fn of ONE_EACH) expect(step.filter((c) => c.fn === fn).length).toBeLessThanOrEqual(1);
  }
}

const stepsCalling = (steps: { fn: string }[][], fn: string) => steps.filter((s) => s.some((c) => c.fn === fn));

afterEach(() => {
  calls.length = 0;
});

describe('an analysis, step by step', () => {
  test('a long text: the model set-up first, alone, then each section in small steps', { timeout: 60_000 }, () => {
    const text = textOf(500);
    expect(text.length).toBeGreaterThan(WHOLE_TEXT_CHARS);
    const { steps, result } = stepByStep(analysisSteps(text, 'en'));
    expect(steps[0]?.map((c) => c.fn)).toEqual(['nerResources']);
    expectSmallSteps(steps.slice(1), SECTION_CHARS);
    const n = sections(text).length;
    for (const pass of ['tokenize', 'mergeMentions', 'layOut', 'acceptQuotes']) expect(stepsCalling(steps, pass)).toHaveLength(n);
    // The steps are the analysis: the same result run through at once.
    expect(result).toEqual(analyzeText(text, 'en'));
    expect(result.quotes.length).toBe(500);
    expect(stepsCalling(steps, 'rankSpeaker')).toHaveLength(500);
  });

  test('a text analysed whole: a sentence of the tagger, a pass or a quote per step', () => {
    const text = textOf(20);
    const { steps, result } = stepByStep(analysisSteps(text, 'en'));
    expectSmallSteps(steps, text.length);
    // Each paragraph a sentence or two, read once per stage.
    expect(stepsCalling(steps, 'sentenceFeatures').length).toBeGreaterThanOrEqual(20);
    expect(stepsCalling(steps, 'viterbi').length).toBeGreaterThanOrEqual(40);
    expect(result.quotes).toHaveLength(20);
    expect(stepsCalling(steps, 'rankSpeaker')).toHaveLength(20);
  });

  test('a text just under the length analysed whole: still small steps', { timeout: 60_000 }, () => {
    const text = textOf(Math.floor(WHOLE_TEXT_CHARS / (PARAGRAPH(0).length + 2)) - 10);
    expect(text.length).toBeLessThanOrEqual(WHOLE_TEXT_CHARS);
    expect(text.length).toBeGreaterThan(WHOLE_TEXT_CHARS * 0.9);
    const { steps } = stepByStep(analysisSteps(text, 'en'));
    expectSmallSteps(steps, WHOLE_TEXT_CHARS);
    expect(stepsCalling(steps, 'tokenize')).toHaveLength(1);
  });

  test('a language without a model: no step analyses anything', () => {
    const { steps, result } = stepByStep(analysisSteps('Ein kurzer Text.', 'xx'));
    expect(steps.flat()).toEqual([]);
    expect(result.entities).toEqual([]);
  });
});

describe('the warm-up before a first analysis', () => {
  test('analyses growing beginnings of the text, a little per step, never the whole text', () => {
    const text = textOf(500);
    const { steps } = stepByStep(warmUpSteps(text, 'en'));
    expect(steps[0]?.map((c) => c.fn)).toEqual(['nerResources']);
    expectSmallSteps(steps, 4000);
    const pieces = steps.flat().filter((c) => c.fn === 'tokenize');
    expect(pieces.length).toBeGreaterThan(1);
    for (let i = 1; i < pieces.length; i++) expect(pieces[i]?.chars).toBeGreaterThan(pieces[i - 1]?.chars ?? 0);
  });

  test('stops before the beginning would be the whole text, and does nothing for a language without a model', () => {
    const short = textOf(4);
    const { steps, result } = stepByStep(warmUpSteps(short, 'en'));
    for (const c of steps.flat()) if (c.fn !== 'nerResources') expect(c.chars).toBeLessThan(short.length);
    expect(result).toBeGreaterThan(0);
    expect(result).toBeLessThan(short.length);
    expect(stepByStep(warmUpSteps(short, 'xx')).steps.flat()).toEqual([]);
  });

  test('goes on from where an earlier warm-up stopped, and once done, does nothing more', () => {
    const text = textOf(500);
    const short = stepByStep(warmUpSteps(textOf(4), 'en')).result;
    const rest = stepByStep(warmUpSteps(text, 'en', short));
    const pieces = rest.steps.flat().filter((c) => c.fn === 'tokenize');
    expect(pieces.length).toBeGreaterThan(0);
    for (const c of pieces) expect(c.chars).toBeGreaterThan(short);
    const done = rest.result;
    expect(done).toBeGreaterThan(short);
    const again = stepByStep(warmUpSteps(text, 'en', done));
    expect(again.steps.flat()).toEqual([]);
    expect(again.result).toBe(done);
  });

  test('is kept per language: an English warm-up leaves a German text cold, and each language warms up once', () => {
    const warmUp = new WarmUp();
    const german = Array.from(
      { length: 200 },
      (_, i) => `„Wir reden weiter“, sagte Angela Berger am Tag ${i} in Berlin, wo sich Vertreter des Auswärtigen Amts getroffen hatten.`,
    ).join('\n\n');
    const run = (text: string, language: string) => {
      resourceLanguages.length = 0;
      return stepByStep(warmUp.steps(text, language)).steps.flat();
    };
    expect(run(textOf(500), 'en').some((c) => c.fn === 'viterbi')).toBe(true);
    expect(run(textOf(500), 'en')).toEqual([]);
    expect(run(german, 'de').some((c) => c.fn === 'viterbi')).toBe(true);
    expect(new Set(resourceLanguages)).toEqual(new Set(['de']));
    expect(run(german, 'de')).toEqual([]);
  });
});
