import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { type CorpusExpectation, corpusPage, corpusSlugs, observe } from '../fixtures/corpus';

// Each page in tests/fixtures/pages has the output it must give in expected.json (reviewed by hand; regenerate with
// `npm run fixtures:update` and read the diff).
test('the corpus holds pages', () => {
  expect(corpusSlugs().length).toBeGreaterThan(0);
});

describe.each(corpusSlugs())('corpus page %s', (slug) => {
  const { expectedPath } = corpusPage(slug);
  test('matches expected.json', () => {
    expect(existsSync(expectedPath), `${expectedPath} is missing: run npm run fixtures:update and review it`).toBe(true);
    const expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as CorpusExpectation;
    expect(observe(slug)).toEqual(expected);
  });
});
