// The one sentence splitter (lib/text/sentences.ts), read through both of its users: the name tagger's tokens
// (lib/entities/tokens.ts) and the quote stage's layout (lib/quotes/text.ts) must cut every text the same way.
// Every sentence here is made up for the test.
import { describe, expect, test } from 'vitest';
import type { Span } from '../../lib/analyze/types';
import { splitSentences, tokenize, tokenWords } from '../../lib/entities/tokens';
import { findQuoteSpans, topLevel } from '../../lib/quotes/marks';
import { layOut } from '../../lib/quotes/text';
import { sentenceIndices } from '../../lib/text/sentences';

/** The tagger's sentences, each as the text it covers. */
function taggerSentences(text: string, language: string): string[] {
  const out: { start: number; end: number }[] = [];
  for (const t of tokenize(text, language)) {
    const s = out[t.sentence];
    if (s) s.end = t.end;
    else out[t.sentence] = { start: t.start, end: t.end };
  }
  return out.map((s) => text.slice(s.start, s.end));
}

/** The quote layout's sentences, with no quote span to keep whole. */
const layoutSentences = (text: string, language: string, quotes: Span[] = []) =>
  layOut(text, quotes, language).sentences.map((s) => text.slice(s.start, s.end));

describe('one sentence splitter for names and quotes', () => {
  test.each<[string, string, string, string[]]>([
    ['en', 'abbreviations', 'Gen. Sharif met Mr. Smith. Then he left.', ['Gen. Sharif met Mr. Smith.', 'Then he left.']],
    ['en', 'a dotted acronym', 'The U.S. State Department spoke. Nobody listened.', ['The U.S. State Department spoke.', 'Nobody listened.']],
    ['en', 'initials', 'J. K. Rowling wrote it. She did.', ['J. K. Rowling wrote it.', 'She did.']],
    ['en', 'decimals and a number opening a sentence', 'It rose 3.5 per cent. 2014 was worse.', ['It rose 3.5 per cent.', '2014 was worse.']],
    ['en', 'a lowercase word after a stop', 'It cost 5 dollars vs. ten. It rose.', ['It cost 5 dollars vs. ten.', 'It rose.']],
    ['en', 'a closing quote after the stop', '“We will go.” Then he left.', ['“We will go.”', 'Then he left.']],
    ['en', 'a closing bracket after the stop', 'He left (for good.) She stayed.', ['He left (for good.)', 'She stayed.']],
    ['en', 'an opening quote after the stop', 'He left. “Never,” she said.', ['He left.', '“Never,” she said.']],
    ['en', 'an ellipsis before a capital', 'He waited… Nobody came... It ended.', ['He waited…', 'Nobody came...', 'It ended.']],
    ['en', 'an ellipsis before a lowercase word', 'He waited… and waited.', ['He waited… and waited.']],
    ['en', 'question and exclamation marks', 'Why? Because! Fine?! Yes.', ['Why?', 'Because!', 'Fine?!', 'Yes.']],
    ['en', 'a line break', 'A headline\n\nThe body begins', ['A headline', 'The body begins']],
    ['de', 'German: a date’s ordinal', 'Am 3. Oktober sprach Prof. Lange. Sie ging.', ['Am 3. Oktober sprach Prof. Lange.', 'Sie ging.']],
    ['de', 'German: an ordinal before a lowercase word', 'Er wurde 2. im Rennen. Dann fuhr er.', ['Er wurde 2. im Rennen.', 'Dann fuhr er.']],
    ['de', 'German: dotted abbreviations', 'Das gilt z.B. hier, bzw. dort. Sonst nicht.', ['Das gilt z.B. hier, bzw. dort.', 'Sonst nicht.']],
    ['de', 'German: a dotted abbreviation written without spaces', 'Es war 500 v.Chr. Rom wuchs.', ['Es war 500 v.Chr. Rom wuchs.']],
    ['de', 'German: quote marks close and open sentences', '„Wir gehen.“ Dann ging sie. „Gut.“', ['„Wir gehen.“', 'Dann ging sie.', '„Gut.“']],
    // (Cyrillic abbreviations: a word boundary that reads ASCII letters only never matched them, and their dot ended a sentence.)
    [
      'ru',
      'Russian: abbreviations before a capital',
      'Музей им. Пушкина открыл проф. Иванов. Он ушёл.',
      ['Музей им. Пушкина открыл проф. Иванов.', 'Он ушёл.'],
    ],
    ['ru', 'Russian: a street and a town', 'Он живёт на ул. Ленина в г. Самаре. Всё тихо.', ['Он живёт на ул. Ленина в г. Самаре.', 'Всё тихо.']],
    ['ru', 'Russian: a dotted abbreviation', 'Это т.е. Новый план. Да.', ['Это т.е. Новый план.', 'Да.']],
    ['ru', 'Russian: a word ending as an abbreviation does', 'Он приехал в город. Там тихо.', ['Он приехал в город.', 'Там тихо.']],
    ['ru', 'Russian: a sentence ending in a number', 'Это было в 2020. Потом всё изменилось.', ['Это было в 2020.', 'Потом всё изменилось.']],
  ])('%s, %s: %j', (language, _, text, expected) => {
    expect(taggerSentences(text, language)).toEqual(expected);
    expect(layoutSentences(text, language)).toEqual(expected);
  });

  test('the quote layout keeps a quotation whole, ending a sentence only at the quotation’s own end', () => {
    const text = 'He said “We lost. We will win.” Then he left.';
    expect(taggerSentences(text, 'en')).toEqual(['He said “We lost.', 'We will win.”', 'Then he left.']);
    expect(layoutSentences(text, 'en', topLevel(findQuoteSpans(text)))).toEqual(['He said “We lost. We will win.”', 'Then he left.']);
  });

  test('corpus tokens (no text around them) are split by the same rules, a closing mark kept with its sentence', () => {
    const corpus = ['He', 'left', '.', '”', 'She', 'met', 'Gen.', 'Sharif', '.'].map((text, i) => ({ text, start: i, end: i + 1, sentence: 0 }));
    expect(splitSentences(corpus).map((t) => t.sentence)).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 1]);
  });

  test.each<[string, string[], number[]]>([
    // (As the trainer reads a corpus: each corpus token through the tokeniser, then the splitter with no text around.)
    ['ru', ['В', '2020', 'г.', 'Москва', 'выросла', '.', 'Да', '.'], [0, 0, 0, 0, 0, 0, 1, 1]],
    ['ru', ['Музей', 'им.', 'Пушкина', 'открыт', '.'], [0, 0, 0, 0, 0]],
    ['ru', ['Он', 'приехал', 'в', 'город', '.', 'Там', 'тихо', '.'], [0, 0, 0, 0, 0, 1, 1, 1]],
    ['de', ['Es', 'sprach', 'Prof.', 'Lange', '.', 'Sie', 'ging', '.'], [0, 0, 0, 0, 0, 1, 1, 1]],
  ])('%s corpus tokens %j: an abbreviation keeps its dot, which ends no sentence', (language, corpus, expected) => {
    const pieces = corpus.flatMap((word, i) => tokenWords(word, language).map((t) => ({ ...t, start: i, end: i + 1 })));
    expect(splitSentences(pieces, undefined, language).map((t) => t.sentence)).toEqual(expected);
  });

  test('a run-on stretch is cut only where the caller bounds it (the tagger at 200 tokens)', () => {
    const text = 'word '.repeat(450);
    expect(new Set(tokenize(text).map((t) => t.sentence)).size).toBe(3);
    expect(layoutSentences(text, 'en')).toHaveLength(1);
    const pieces = tokenize(text);
    expect(Math.max(...sentenceIndices(pieces, { text, maxTokens: 100 }))).toBe(4);
  });
});
