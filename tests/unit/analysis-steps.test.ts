// The background runs an analysis step by step and answers other tabs between steps, so no step may do much: the model's
// first-use set-up is a step of its own, and each step finds the names or the quotes of one piece, at most a section.
// Checked by what each step calls, not by timing it.
import { afterEach, describe, expect, test, vi } from 'vitest';

const calls: { fn: string; chars: number }[] = [];
/** The language of each findEntities call. */
const languages: (string | undefined)[] = [];

vi.mock('../../lib/entities', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../lib/entities')>();
  return {
    ...real,
    tokenize: (text: string, language?: string) => {
      calls.push({ fn: 'tokenize', chars: text.length });
      return real.tokenize(text, language);
    },
    findEntities: (...args: Parameters<typeof real.findEntities>) => {
      calls.push({ fn: 'findEntities', chars: args[0].length });
      languages.push(args[1]);
      return real.findEntities(...args);
    },
  };
});
vi.mock('../../lib/entities/model', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../lib/entities/model')>();
  return {
    ...real,
    nerResources: (language?: string) => {
      calls.push({ fn: 'nerResources', chars: 0 });
      return real.nerResources(language);
    },
  };
});
vi.mock('../../lib/quotes', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../lib/quotes')>();
  return {
    ...real,
    findQuotes: (...args: Parameters<typeof real.findQuotes>) => {
      calls.push({ fn: 'findQuotes', chars: args[0].length });
      return real.findQuotes(...args);
    },
  };
});

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

/** The analysers' calls of a step: at most one, on at most `max` characters. */
function expectSmallSteps(steps: { fn: string; chars: number }[][], max: number) {
  for (const step of steps) {
    const work = step.filter((c) => c.fn === 'findEntities' || c.fn === 'findQuotes');
    expect(work.length).toBeLessThanOrEqual(1);
    for (const c of work) expect(c.chars).toBeLessThanOrEqual(max);
  }
}

afterEach(() => {
  calls.length = 0;
});

describe('an analysis, step by step', () => {
  test('a long text: the model set-up first, alone, then the names and the quotes of one section per step', { timeout: 60_000 }, () => {
    const text = textOf(500);
    expect(text.length).toBeGreaterThan(WHOLE_TEXT_CHARS);
    const { steps, result } = stepByStep(analysisSteps(text, 'en'));
    expect(steps[0]?.map((c) => c.fn)).toEqual(['nerResources']);
    expectSmallSteps(steps.slice(1), SECTION_CHARS);
    const n = sections(text).length;
    expect(steps.filter((s) => s.some((c) => c.fn === 'findEntities'))).toHaveLength(n);
    expect(steps.filter((s) => s.some((c) => c.fn === 'findQuotes'))).toHaveLength(n);
    // The steps are the analysis: the same result run through at once.
    expect(result).toEqual(analyzeText(text, 'en'));
    expect(result.quotes.length).toBe(500);
  });

  test('a text analysed whole: its names and its quotes in two steps', () => {
    const text = textOf(20);
    const { steps } = stepByStep(analysisSteps(text, 'en'));
    expect(steps.map((s) => s.filter((c) => c.fn !== 'tokenize').map((c) => c.fn))).toEqual([['nerResources'], ['findEntities'], ['findQuotes']]);
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
    for (const step of steps) expect(step.length).toBeLessThanOrEqual(1);
    const pieces = steps.flat().filter((c) => c.fn === 'findEntities');
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
    const pieces = rest.steps.flat().filter((c) => c.fn === 'findEntities');
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
      languages.length = 0;
      return stepByStep(warmUp.steps(text, language)).steps.flat();
    };
    expect(run(textOf(500), 'en').some((c) => c.fn === 'findEntities')).toBe(true);
    expect(run(textOf(500), 'en')).toEqual([]);
    expect(run(german, 'de').some((c) => c.fn === 'findEntities')).toBe(true);
    expect(new Set(languages)).toEqual(new Set(['de']));
    expect(run(german, 'de')).toEqual([]);
  });
});
