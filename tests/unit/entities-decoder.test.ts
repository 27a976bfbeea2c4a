// The name tagger's fast paths against their plain definitions: shape hashes computed without building the shape, the
// decoder's written-out BILOU steps against an exhaustive search, a word's feature groups kept or not.
import { describe, expect, test } from 'vitest';
import { groupFeatures, hashString, sentenceFeatures, shapeHash, shapeOf, type WordInfo } from '../../lib/entities/features';
import { englishResources } from '../../lib/entities/resources';
import { allowedEnd, allowedTransition, TAG_COUNT, viterbi } from '../../lib/entities/tagger';

describe('shape hashes', () => {
  test.each([
    'Rathke',
    'U.S.',
    'COVID-19',
    'd’Ettorre',
    'O’Neill-Smith',
    'van',
    'AAAAAAAAbbbbbbbb1234567',
    'J.',
    '—',
    '',
    '2014',
    'Ξενοφών',
    'ÉCOLE',
    '😀😀x',
    '北京市',
  ])('%s: the hash of its shape, without the shape', (word) => {
    for (const maxRun of [1, 4, 5]) expect(shapeHash(word, maxRun)).toBe(hashString(shapeOf(word, maxRun)));
  });
});

describe('decoding', () => {
  /** A small seeded generator, so a failure repeats. */
  function random(seed: number): () => number {
    let s = seed;
    return () => {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      return s / 2 ** 32;
    };
  }

  /** The best valid path by trying every one (random real scores: no ties). */
  function exhaustive(emissions: Float32Array, n: number, transitions: Float32Array, allowed?: Uint32Array): number[] | null {
    let best = Number.NEGATIVE_INFINITY;
    let bestPath: number[] | null = null;
    const path = new Array<number>(n).fill(0);
    const visit = (k: number, score: number) => {
      if (k === n) {
        if (allowedEnd(path[n - 1] as number) && score > best) {
          best = score;
          bestPath = [...path];
        }
        return;
      }
      for (let b = 0; b < TAG_COUNT; b++) {
        const a = k ? (path[k - 1] as number) : -1;
        if (!allowedTransition(a, b) || (allowed && !((allowed[k] as number) & (1 << b)))) continue;
        path[k] = b;
        visit(k + 1, score + (emissions[k * TAG_COUNT + b] as number) + (transitions[(a + 1) * TAG_COUNT + b] as number));
      }
    };
    visit(0, 0);
    return bestPath;
  }

  test('the best valid path, as an exhaustive search finds it, with and without masks', () => {
    const next = random(7);
    for (let trial = 0; trial < 24; trial++) {
      const n = 1 + (trial % 4);
      const emissions = Float32Array.from({ length: n * TAG_COUNT }, () => next() * 8 - 4);
      const transitions = Float32Array.from({ length: (TAG_COUNT + 1) * TAG_COUNT }, () => next() * 4 - 2);
      // Masks as punctuation makes them (O or an inside tag) and as training's partial labels do (any subset).
      const allowed =
        trial % 2
          ? Uint32Array.from({ length: n }, () => (next() < 0.5 ? 0xffffffff : (Math.floor(next() * (1 << TAG_COUNT)) | 1) >>> 0))
          : undefined;
      expect([...viterbi(emissions, n, transitions, allowed)]).toEqual(exhaustive(emissions, n, transitions, allowed));
    }
  });

  /** Viterbi over every tag pair, predecessors in increasing order (ties go to the first), the best end likewise. */
  function plainViterbi(emissions: Float32Array, n: number, transitions: Float32Array, allowed?: Uint32Array): number[] {
    const T = TAG_COUNT;
    const score = new Float64Array(n * T).fill(-1e30);
    const back = new Int32Array(n * T);
    for (let k = 0; k < n; k++)
      for (let b = 0; b < T; b++) {
        if (allowed && !((allowed[k] as number) & (1 << b))) continue;
        if (k === 0) {
          if (allowedTransition(-1, b)) score[b] = (emissions[b] as number) + (transitions[b] as number);
          continue;
        }
        let best = -1e30;
        let arg = 0;
        for (let a = 0; a < T; a++) {
          if (!allowedTransition(a, b)) continue;
          const s = (score[(k - 1) * T + a] as number) + (transitions[(a + 1) * T + b] as number);
          if (s > best) {
            best = s;
            arg = a;
          }
        }
        score[k * T + b] = best + (emissions[k * T + b] as number);
        back[k * T + b] = arg;
      }
    let arg = 0;
    let best = -1e30;
    for (let a = 0; a < T; a++)
      if (allowedEnd(a) && (score[(n - 1) * T + a] as number) > best) {
        best = score[(n - 1) * T + a] as number;
        arg = a;
      }
    const path = new Array<number>(n);
    for (let k = n - 1; k >= 0; k--) {
      path[k] = arg;
      arg = back[k * T + arg] as number;
    }
    return path;
  }

  // The steps leave out predecessors too far below the best to win: on long sentences, with scores far apart (most
  // left out), close together (none), and in whole numbers (ties, broken as the full search breaks them).
  test.each([
    { scores: 'far apart', emission: 40, transition: 3, whole: false },
    { scores: 'close together', emission: 0.5, transition: 4, whole: false },
    { scores: 'in whole numbers', emission: 6, transition: 2, whole: true },
    { scores: 'in whole numbers, wide', emission: 30, transition: 5, whole: true },
  ])('on scores $scores, the same path as the search over every tag pair', ({ emission, transition, whole }) => {
    const next = random(11);
    const draw = (range: number) => (whole ? Math.round((next() * 2 - 1) * range) : (next() * 2 - 1) * range);
    for (let trial = 0; trial < 60; trial++) {
      const n = 1 + ((trial * 7) % 40);
      const emissions = Float32Array.from({ length: n * TAG_COUNT }, () => draw(emission));
      // O's emission is 0, as the model's are (its weights are subtracted from the others').
      for (let k = 0; k < n; k++) emissions[k * TAG_COUNT] = 0;
      const transitions = Float32Array.from({ length: (TAG_COUNT + 1) * TAG_COUNT }, () => draw(transition));
      const allowed =
        trial % 3 === 2
          ? Uint32Array.from({ length: n }, () => (next() < 0.7 ? 0xffffffff : (Math.floor(next() * (1 << TAG_COUNT)) | 1) >>> 0))
          : undefined;
      expect([...viterbi(emissions, n, transitions, allowed)]).toEqual(plainViterbi(emissions, n, transitions, allowed));
    }
  });
});

describe('feature groups', () => {
  test('a word’s groups are the same whether the word keeps them or not', () => {
    const f = sentenceFeatures(['Mayor', 'Zebulon', 'Quarry', 'said', '.'], englishResources(), true);
    for (const w of f.grouped?.words ?? []) {
      for (let group = 0; group < 12; group++) {
        const passing = [...groupFeatures(w as WordInfo, group, false)];
        expect([...groupFeatures(w as WordInfo, group)]).toEqual(passing);
      }
    }
    expect(f.grouped?.words).toHaveLength(5);
  });
});

describe('phrase openers kept with each word', () => {
  // (A word's mask of the gazetteers some entry of which it opens, read once and kept on the word: equal to its definition.)
  test.each(['new', 'New', 'united', 'bank', 'the', 'said', 'Zebulon', 'san', 'mount', 'of'])('%s', (word) => {
    const res = englishResources();
    const lower = word.toLowerCase();
    let expected = 0;
    res.phrases.forEach(([, entries], g) => {
      for (const e of entries)
        if (e.slice(0, e.indexOf(' ')) === lower) {
          expected |= 1 << g;
          break;
        }
    });
    // Twice: the first sentence reads the mask, the second finds it kept.
    for (let i = 0; i < 2; i++) {
      const f = sentenceFeatures([word, 'York'], res, true);
      expect(f.grouped?.words[0]?.opens).toBe(expected);
    }
  });
  test('some words open a gazetteer entry and some do not (the table above tests both)', () => {
    const res = englishResources();
    const masks = ['new', 'said'].map((w) => sentenceFeatures([w], res, true).grouped?.words[0]?.opens);
    expect(masks[0]).toBeGreaterThan(0);
    expect(masks[1]).toBe(0);
  });
});
