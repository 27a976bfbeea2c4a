import { describe, expect, test } from 'vitest';
import { type AnalysisResult, analyzeText, emptyArticle } from '../../lib/analyze';
import { packAnalysis, packResult, unpackAnalysis, unpackResult } from '../../lib/messaging';

const PARAGRAPH =
  '“The bridge will open in spring,” Mara Velden said in Oslo on Tuesday, adding that the Nordic Rail Board had agreed. ' +
  'A spokesman for the board said, “We expect delays.” Velden later met Jonas Brekke of the Harbour Authority.';
const TEXT = Array.from({ length: 12 }, () => PARAGRAPH).join('\n\n');
const ANALYSIS = analyzeText(TEXT, 'en');

describe('an analysis packed for messaging', () => {
  test('the analysis names people, places and quotes to carry (the test is not vacuous)', () => {
    expect(ANALYSIS.entities.length).toBeGreaterThan(2);
    expect(ANALYSIS.quotes.length).toBeGreaterThan(2);
    expect(ANALYSIS.quotes.some((q) => q.speakerId)).toBe(true);
  });

  test('comes back the same against the text it was made of', () => {
    expect(unpackAnalysis(TEXT, packAnalysis(TEXT, ANALYSIS))).toEqual(ANALYSIS);
  });

  test('goes as a fraction of the JSON, carrying no copy of the text', () => {
    const packed = JSON.stringify(packAnalysis(TEXT, ANALYSIS));
    expect(packed.length).toBeLessThan(JSON.stringify(ANALYSIS).length * 0.6);
    expect(packed).not.toContain('We expect delays');
  });

  test('a mention or quote whose text is not the text’s own at its offsets travels with its text', () => {
    const odd = structuredClone(ANALYSIS);
    const entity = odd.entities[0];
    const quote = odd.quotes[0];
    if (!entity?.mentions[0] || !quote) throw new Error('no entity or quote');
    entity.mentions[0].text = 'written otherwise';
    quote.text = 'said otherwise';
    expect(unpackAnalysis(TEXT, packAnalysis(TEXT, odd))).toEqual(odd);
  });

  test('for a page’s cards, only the quotes of named speakers go', () => {
    const some = structuredClone(ANALYSIS);
    for (const q of some.quotes.slice(0, 2)) Object.assign(q, { speaker: null, speakerText: null, speakerId: null });
    const packed = packAnalysis(TEXT, some, { attributedOnly: true });
    expect(packed.quotes).toHaveLength(some.quotes.length - 2);
    expect(unpackAnalysis(TEXT, packed).quotes).toEqual(some.quotes.slice(2));
  });

  test('a whole result (the popup’s) is packed against its own article’s text', () => {
    const result: AnalysisResult = { isArticle: true, reason: 'news article', article: emptyArticle(TEXT, '2021-03-02'), ...ANALYSIS };
    const packed = packResult(result);
    expect(unpackResult(JSON.parse(JSON.stringify(packed)))).toEqual(result);
    const none: AnalysisResult = { ...result, article: null, entities: [], quotes: [] };
    expect(unpackResult(packResult(none))).toEqual(none);
  });
});
