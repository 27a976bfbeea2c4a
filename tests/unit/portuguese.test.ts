// Portuguese: the text conventions, the speech lexicon's attribution patterns, and the shipped Portuguese name model on
// the held-out slice of its corpora. Every sentence here is made up for the test (names included).
import { describe, expect, test } from 'vitest';
import type { Entity, EntityType } from '../../lib/analyze';
import { tokenize } from '../../lib/entities';
import { nerModel, nerResources } from '../../lib/entities/model';
import { findQuoteSpans, findQuotes } from '../../lib/quotes';
import { readContractions, readManifest, readSplit } from '../../scripts/ner/corpus';
import { f1, scoreCorpus } from '../../scripts/ner/score';

describe('Portuguese text conventions', () => {
  test('hyphenated words and abbreviations stay whole, as in the Portuguese corpora', () => {
    expect(tokenize('Na sexta-feira, o Sr. Costa disse-lhe que não.', 'pt').map((t) => t.text)).toEqual([
      'Na',
      'sexta-feira',
      ',',
      'o',
      'Sr.',
      'Costa',
      'disse-lhe',
      'que',
      'não',
      '.',
    ]);
  });

  test('« » and “ ” pair up', () => {
    const text = 'Ele disse: «Vamos ganhar.» E ela: “Talvez.”';
    expect(findQuoteSpans(text).map((s) => text.slice(s.start, s.end))).toEqual(['«Vamos ganhar.»', '“Talvez.”']);
  });
});

describe('Portuguese attribution patterns', () => {
  // The names are given, so these test the lexicon's verbs and patterns, not the name model.
  const person = (text: string, name: string): Entity => {
    const start = text.indexOf(name);
    return { id: 'e1', name, type: 'PER' as EntityType, mentions: [{ start, end: start + name.length, text: name }], variants: [name], titles: [] };
  };
  test.each([
    ['«Foi um bom dia», disse Rita Moreira aos jornalistas.', 'Rita Moreira'],
    ['«Foi um bom dia», afirmou Rita Moreira.', 'Rita Moreira'],
    ['Rita Moreira declarou: «Foi um bom dia para todos.»', 'Rita Moreira'],
    ['Segundo Rita Moreira, foi «um bom dia para todos».', 'Rita Moreira'],
  ])('%s → %s', (text, speaker) => {
    const quotes = findQuotes(text, [person(text, speaker)], { language: 'pt' });
    expect(quotes).toHaveLength(1);
    expect(quotes[0]?.speaker).toBe(speaker);
  });
});

describe('the shipped Portuguese name model on its held-out slice (UNER Bosque dev, exact typed spans)', () => {
  // UNER Bosque dev chose the settings and was never trained on; the floor is a few points under the last training
  // run's figure (README): a broken feature, tokeniser, resource file or model falls far below it.
  test('F1 at least 0.74', () => {
    const contractions = readContractions('pt', 'uner-bosque/contractions.tsv');
    const sentences = readSplit('uner-bosque', 'dev', readManifest('pt'), { misc: 'mask', contractions });
    expect(sentences.length).toBeGreaterThan(1000);
    const counts = scoreCorpus(sentences, nerModel('pt'), nerResources('pt')).get('uner-bosque');
    expect(counts).toBeDefined();
    expect(f1(counts as NonNullable<typeof counts>).f1).toBeGreaterThanOrEqual(0.74);
  }, 60_000);
});
