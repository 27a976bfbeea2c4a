import { describe, expect, test } from 'vitest';
import { analyzeText } from '../../lib/analyze';
import { findQuoteSpans } from '../../lib/quotes';
import { seedBody } from '../fixtures/seed';

const quotesOf = (text: string) => analyzeText(text).quotes;

describe('the seed article: 7 quotes, each with its speaker', () => {
  const quotes = quotesOf(seedBody());
  test.each([
    ['"We have long communicated', 'Jeff Rathke', 'Jeff Rathke', false],
    ['“It’s vital that every effort', 'Jeff Rathke', 'Jeff Rathke', false],
    ['“pose a direct threat to the state”', 'Sartaj Aziz', 'Sartaj Aziz', true],
    ['“We will reiterate this message', 'Jeff Rathke', 'the US official', false],
    ['“the highest levels of the Pakistani government”', 'Jeff Rathke', 'Rathke', true],
    ['“policy to target all militant groups', 'Jeff Rathke', 'Rathke', true],
    ['“we welcome the clarification', 'Jeff Rathke', 'He', true],
  ])('%s… said by %s (written “%s”)', (opening, speaker, written, partial) => {
    const quote = quotes.find((q) => q.text.startsWith(opening));
    expect(quote?.speaker).toBe(speaker);
    expect(quote?.speakerText).toBe(written);
    expect(quote?.speakerId).toMatch(/^e\d+$/);
    expect(quote?.partial).toBe(partial);
  });

  test('exactly 7, with mixed straight and curly marks kept in the span', () => {
    expect(quotes).toHaveLength(7);
    expect(quotes[0]?.text.startsWith('"')).toBe(true);
    expect(quotes[0]?.text.endsWith('”')).toBe(true);
    expect(quotes[3]?.text.endsWith('"')).toBe(true);
  });
});

describe('quote marks', () => {
  const spans = (text: string) => findQuoteSpans(text).map((s) => text.slice(s.start, s.end));
  test.each([
    ['straight', 'He said "we will go" today.', ['"we will go"']],
    ['curly', 'He said “we will go” today.', ['“we will go”']],
    ['mixed open curly, close straight', 'He said “we will go," and left.', ['“we will go,"']],
    ['guillemets', 'Il a dit «nous irons» hier.', ['«nous irons»']],
    ['British single marks', 'She said ‘we are leaving now’ and went.', ['‘we are leaving now’']],
    ['apostrophes are not marks', 'It’s Pakistan’s view in the ’90s, rock ’n’ roll.', []],
    ['straight apostrophes are not marks', "It's Pakistan's view, rock 'n' roll.", []],
    ['a quote within a quote', '“He told me ‘never again’ twice,” she said.', ['“He told me ‘never again’ twice,”']],
  ])('%s', (_, text, expected) => {
    expect(spans(text)).toEqual(expected);
  });

  test('a quote over several paragraphs, reopened at each one', () => {
    const text = '“The first paragraph of a long statement goes on here.\n\n“And the second one ends it,” she said.';
    expect(spans(text)).toEqual([text.slice(0, text.indexOf(' she'))]);
  });
});

describe('speakers', () => {
  test.each([
    ['X said, after', '“We are ready to talk to anyone,” Imran Khan said on Monday.', 'Imran Khan'],
    ['said X, after', '“We are ready to talk to anyone,” said Imran Khan.', 'Imran Khan'],
    ['X said: before', 'Imran Khan said: “We are ready to talk to anyone.”', 'Imran Khan'],
    ['X told Y', 'Imran Khan told reporters that “the talks will go on for weeks”.', 'Imran Khan'],
    ['X, a doctor, said', 'Sarah Jones, a doctor at the clinic, said “the ward is full every single night”.', 'Sarah Jones'],
    ['according to X', '“The dam will not hold much longer,” according to Maria Lopez.', 'Maria Lopez'],
    ['organisation', '“Talks will resume next week in Doha,” the Foreign Office said.', 'Foreign Office'],
    ['pronoun', 'Nawaz Sharif arrived late. He said “the delay could not be avoided at all”.', 'Nawaz Sharif'],
  ])('%s', (_, text, speaker) => {
    expect(quotesOf(text)[0]?.speaker).toBe(speaker);
  });

  test('a continuation quote inherits the last speaker', () => {
    const quotes = quotesOf('“We will not give up on this plan,” said Imran Khan. “Never, whatever it costs us.”');
    expect(quotes.map((q) => q.speaker)).toEqual(['Imran Khan', 'Imran Khan']);
  });

  test('no speaker in the text gives null', () => {
    expect(quotesOf('The sign read “no entry for anyone after dark tonight”.')[0]?.speaker ?? null).toBeNull();
  });

  test('scare quotes and titles are not quotes', () => {
    expect(quotesOf('The so-called “experts” disagreed about the film “Star Wars” again.')).toEqual([]);
  });
});
