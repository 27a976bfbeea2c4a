// Russian: the text conventions, the speech lexicon's attribution patterns, and the shipped Russian name model on the
// held-out slice of its corpora. Every sentence here is made up for the test (names included).
import { describe, expect, test } from 'vitest';
import type { Entity, EntityType } from '../../lib/analyze';
import { tokenize } from '../../lib/entities';
import { nerModel, nerResources } from '../../lib/entities/model';
import { findQuoteSpans, findQuotes } from '../../lib/quotes';
import { readManifest, readSplit } from '../../scripts/ner/corpus';
import { f1, scoreCorpus } from '../../scripts/ner/score';

describe('Russian text conventions', () => {
  test('hyphenated words and abbreviations stay whole, as in the Russian corpora', () => {
    expect(tokenize('Премьер-министр прибыл в Нью-Йорк, т.е. в США.', 'ru').map((t) => t.text)).toEqual([
      'Премьер-министр',
      'прибыл',
      'в',
      'Нью-Йорк',
      ',',
      'т.е.',
      'в',
      'США',
      '.',
    ]);
  });

  test('«…» and „…“ pair up', () => {
    const text = 'Он сказал: «Мы победим». Она ответила: „Возможно“.';
    expect(findQuoteSpans(text).map((s) => text.slice(s.start, s.end))).toEqual(['«Мы победим»', '„Возможно“']);
  });
});

describe('Russian attribution patterns', () => {
  // The names are given, so these test the lexicon's verbs and patterns, not the name model.
  const person = (text: string, name: string): Entity => {
    const start = text.indexOf(name);
    return { id: 'e1', name, type: 'PER' as EntityType, mentions: [{ start, end: start + name.length, text: name }], variants: [name], titles: [] };
  };
  test.each([
    ['«Это был хороший день», — сказал Олег Лебедев журналистам.', 'Олег Лебедев'],
    ['«Это был хороший день», — заявила Ирина Волкова.', 'Ирина Волкова'],
    ['Олег Лебедев заявил: «Это был хороший день для всех».', 'Олег Лебедев'],
    ['По словам Олега Лебедева, это был «хороший день для всех».', 'Олега Лебедева'],
  ])('%s → %s', (text, speaker) => {
    const quotes = findQuotes(text, [person(text, speaker)], { language: 'ru' });
    expect(quotes).toHaveLength(1);
    expect(quotes[0]?.speaker).toBe(speaker);
  });
});

describe('the shipped Russian name model on its held-out slice (factRuEval-2016 dev, exact typed spans)', () => {
  // factRuEval dev chose nothing but was never trained on; the floor is a few points under the last training run's
  // figure (README): a broken feature, tokeniser, resource file or model falls far below it.
  test('F1 at least 0.70', () => {
    const sentences = readSplit('factrueval', 'dev', readManifest('ru'), { misc: 'mask' });
    expect(sentences.length).toBeGreaterThan(1500);
    const counts = scoreCorpus(sentences, nerModel('ru'), nerResources('ru')).get('factrueval');
    expect(counts).toBeDefined();
    expect(f1(counts as NonNullable<typeof counts>).f1).toBeGreaterThanOrEqual(0.7);
  }, 60_000);
});
