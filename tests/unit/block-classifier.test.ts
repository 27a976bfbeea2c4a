// The boilerplate classifier: its decoder, and the shipped model scored on the slice of sites it never saw
// (scripts/train-extract: `npm run train:extract` holds that fold out and prints the same figures).
import { describe, expect, test } from 'vitest';
import { classifyBlocks, decodeBase64, isArticleBlock } from '../../lib/extract/block-classifier';
import { featureNames } from '../../lib/extract/block-feature-names';
import { blockFacts, FACT_COLUMNS } from '../../lib/extract/block-features';
import { BLOCK_MODEL } from '../../lib/extract/block-model';
import { FOLDS, figures, HELD_OUT, readTable } from '../../scripts/train-extract/table';

test('base64 decodes as Node does', () => {
  for (const bytes of [[], [0], [1, 2], [255, 254, 253], Array.from({ length: 300 }, (_, i) => (i * 37) % 256)]) {
    const text = Buffer.from(bytes).toString('base64');
    expect([...decodeBase64(text)]).toEqual(bytes);
  }
});

test('the shipped model reads the features lib/extract computes, and its vocabulary of class words', () => {
  expect(BLOCK_MODEL.features).toBe(featureNames().length + BLOCK_MODEL.vocabulary.length);
  expect(BLOCK_MODEL.trees).toBeGreaterThan(10);
  const row = featureNames().map(() => 0);
  const [p] = classifyBlocks([row], [[]]);
  expect(p).toBeGreaterThan(0);
  expect(p).toBeLessThan(1);
  expect(() => classifyBlocks([[1, 2, 3]], [[]])).toThrow(/train:extract/);
});

test('blockFacts reads the columns its names say', () => {
  for (const [name, column] of Object.entries(FACT_COLUMNS)) expect(featureNames().indexOf(name)).toBe(column);
});

test('all-link blocks, captions, credits, disclaimers, bylines and date lines are never text, however sure the model is', () => {
  const plain = { linkShare: 0.1, caption: false, metadata: false };
  expect(isArticleBlock(0.99, plain)).toBe(true);
  expect(isArticleBlock(0.01, plain)).toBe(false);
  expect(isArticleBlock(0.99, { ...plain, linkShare: 0.95 })).toBe(false);
  expect(isArticleBlock(0.99, { ...plain, caption: true })).toBe(false);
  expect(isArticleBlock(0.99, { ...plain, metadata: true })).toBe(false);
});

describe('the shipped model on its held-out slice of sites', () => {
  const pages = readTable().filter((p) => p.group % FOLDS === HELD_OUT);
  const kept = new Map(
    pages.map((p) => {
      const probabilities = classifyBlocks(p.dense, p.hashed);
      return [p.id, probabilities.map((q, i) => isArticleBlock(q, blockFacts(p.dense[i] ?? [])))];
    }),
  );
  const f = figures(pages, kept);

  test('the slice holds pages of every dataset', () => {
    expect(Object.keys(f).sort()).toEqual(['readability', 'scrapinghub', 'trafilatura']);
    expect(f.scrapinghub?.pages).toBeGreaterThan(10);
  });

  // Floors a little under the figures `npm run train:extract` prints for this slice, so a retrained model may move.
  test.each([
    ['scrapinghub', 'textF1', 0.95],
    ['readability', 'textF1', 0.93],
    ['trafilatura', 'snippets', 0.88],
  ] as const)('%s %s ≥ %s', (dataset, figure, floor) => {
    expect(f[dataset]?.[figure]).toBeGreaterThanOrEqual(floor);
  });
});
