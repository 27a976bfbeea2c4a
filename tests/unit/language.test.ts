import { describe, expect, test } from 'vitest';
import { analyzeText } from '../../lib/analyze';
import { detectLanguage, primaryLanguage } from '../../lib/extract';
import { seedBody } from '../fixtures/seed';

describe('language', () => {
  test.each([
    ['the seed article', seedBody(), null, 'en'],
    [
      'German',
      'Der Bundestag hat am Donnerstag über die neue Regelung abgestimmt, die auch für die Länder gilt und nicht mehr geändert wird.',
      null,
      'de',
    ],
    ['French', 'Le gouvernement a annoncé que la réforme des retraites sera présentée dans les prochaines semaines par le ministre.', null, 'fr'],
    ['Spanish', 'El presidente dijo que la economía del país se recupera más rápido de lo que se esperaba para este año.', null, 'es'],
    ['Japanese', '東京都は新しい感染対策を発表しました。これは来週から実施される予定です。', 'en', 'ja'],
    ['Korean', '서울시는 내년부터 새로운 교통 정책을 시행한다고 밝혔다. 시민들의 반응은 엇갈렸다.', null, 'ko'],
    ['Russian', 'Правительство объявило о новых мерах поддержки экономики, которые вступят в силу в следующем месяце.', null, 'ru'],
    ['too little text: the page says', 'OK', 'de-DE', 'de'],
    [
      'German text on a page declared English',
      'Die Polizei hat den Mann am Montag festgenommen, weil er nicht mit den Beamten sprechen wollte und sich auch wehrte.',
      'en',
      'de',
    ],
  ])('%s', (_, text, declared, expected) => {
    expect(detectLanguage(text, declared)).toBe(expected);
  });

  test.each([
    ['en-GB', 'en'],
    ['de_DE', 'de'],
    ['', null],
    [null, null],
  ])('primaryLanguage(%s) = %s', (tag, expected) => {
    expect(primaryLanguage(tag)).toBe(expected);
  });

  test('German is read by its own model; a language without one gets a notice naming those read, not guesses', () => {
    const german = analyzeText('„Wir werden das nicht zulassen“, sagte Bundeskanzler Olaf Scholz am Montag in Berlin vor der Presse.');
    expect(german.nlp).toEqual({ language: 'de', supported: true, notice: null });
    expect(german.entities.map((e) => [e.name, e.type])).toEqual(expect.arrayContaining([['Olaf Scholz', 'PER']]));
    expect(german.quotes.map((q) => q.speaker)).toEqual(['Olaf Scholz']);
    // French is read too (its guillemets set off by no-break spaces), by a model of its own.
    const french = analyzeText('«\u202fNous ne laisserons pas faire\u202f», a déclaré lundi à Paris le président de la République devant la presse.');
    expect(french.nlp).toEqual({ language: 'fr', supported: true, notice: null });
    expect(french.quotes).toHaveLength(1);
    const spanish = analyzeText('«No lo vamos a permitir», dijo el lunes en Madrid el presidente del Gobierno ante la prensa y los periodistas.');
    expect(spanish.nlp).toEqual({
      language: 'es',
      supported: false,
      notice: 'Names and quotes: English, German, French, Portuguese and Russian only for now.',
    });
    expect(spanish.entities).toEqual([]);
    expect(spanish.quotes).toEqual([]);
    expect(analyzeText(seedBody()).nlp.supported).toBe(true);
  });
});
