// Quotes and speakers. Every sentence here is made up for the test (names included), except the seed article's.
import { describe, expect, test } from 'vitest';
import { analyzeText } from '../../lib/analyze';
import { findEntities } from '../../lib/entities';
import { findQuoteSpans, findQuotes, passages, type QuoteSpan } from '../../lib/quotes';
import { analyse } from '../../lib/quotes/analysis';
import { quoteFeatures, utteranceEnd } from '../../lib/quotes/classifier';
import { personRoleOf, speechLexicon } from '../../lib/quotes/lexicon';
import { seedBody } from '../fixtures/seed';

const quotesOf = (text: string) => analyzeText(text, 'en').quotes;

describe('the seed article: 7 quotes, each with its speaker', () => {
  const quotes = quotesOf(seedBody());
  test.each([
    ['"We have long communicated', 'Jeff Rathke', false],
    ['“It’s vital that every effort', 'Jeff Rathke', false],
    ['“pose a direct threat to the state”', 'Sartaj Aziz', true],
    ['“We will reiterate this message', 'Jeff Rathke', false],
    ['“the highest levels of the Pakistani government”', 'Jeff Rathke', true],
    ['“policy to target all militant groups', 'Jeff Rathke', true],
    ['“we welcome the clarification', 'Jeff Rathke', true],
  ])('%s… said by %s', (opening, speaker, partial) => {
    const quote = quotes.find((q) => q.text.startsWith(opening));
    expect(quote?.speaker).toBe(speaker);
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

describe('mark pairing', () => {
  const spans = (text: string) => findQuoteSpans(text).map((s) => text.slice(s.start, s.end));
  test.each([
    ['straight', 'She said "we will go" today.', ['"we will go"']],
    ['curly', 'She said “we will go” today.', ['“we will go”']],
    ['curly open, straight close', 'She said “we will go," and left.', ['“we will go,"']],
    ['straight open, curly close', 'She said "we will go,” and left.', ['"we will go,”']],
    ['guillemets', 'Il a dit «nous irons» hier.', ['«nous irons»']],
    ['guillemets pointing in', 'Er sagte »wir gehen« und ging.', ['»wir gehen«']],
    ['German low-high', 'Er sagte: „Wir gehen morgen.“ Dann ging er.', ['„Wir gehen morgen.“']],
    ['corner brackets', '彼は「明日行く」と言った。', ['「明日行く」']],
    ['single guillemets', 'Elle a dit ‹non› encore.', ['‹non›']],
    ['British single marks', 'She said ‘we are leaving now’ and went.', ['‘we are leaving now’']],
    ['straight single marks', "She said 'we are leaving now' and went.", ["'we are leaving now'"]],
    ['a closing mark used to open', 'One user wrote: ”The trains are late again today.”', ['”The trains are late again today.”']],
    ['apostrophes inside words', 'It’s Dana’s view that they don’t care.', []],
    ['straight apostrophes inside words', "It's Dana's view that they don't care, O'Neill says.", []],
    ['elisions before words', 'Music of the ’90s, rock ’n’ roll and ’em all.', []],
    ['a plural possessive is no closing mark', 'The farmers’ union said “prices are too low” again.', ['“prices are too low”']],
    ['single inside double', '“He told me ‘never again’ twice,” she said.', ['“He told me ‘never again’ twice,”', '‘never again’']],
    ['double inside double', 'He wrote "the word "fair" means little here" in the note.', ['"the word "fair" means little here"', '"fair"']],
    ['two quotes side by side', 'They chanted "one" and "two" loudly.', ['"one"', '"two"']],
    ['a short unclosed mark is no quote', 'The sign said "no and nothing else.', []],
  ])('%s', (_, text, expected) => {
    expect(spans(text)).toEqual(expected);
  });

  test('a mark left open at a paragraph’s end runs to that end when the passage is long', () => {
    const text = 'She said “the bridge will stay closed for the whole of the coming winter\n\nThen she left.';
    expect(spans(text)).toEqual(['“the bridge will stay closed for the whole of the coming winter']);
  });

  test('a quote over paragraphs, reopened at each: one span a paragraph, linked to each other', () => {
    const text = '“The first part of a long statement goes on here.\n\n“And the second part ends it,” she said.';
    const found = findQuoteSpans(text);
    expect(found.map((s) => text.slice(s.start, s.end))).toEqual([
      '“The first part of a long statement goes on here.',
      '“And the second part ends it,”',
    ]);
    expect(found.map((s) => [s.continuesPrevious, s.continuesNext])).toEqual([
      [false, true],
      [true, false],
    ]);
  });

  test('a quote over paragraphs with no reopening mark ends at the next closing mark', () => {
    const text = 'He said, “We learned a great deal from the game today.\n\nIt was an emotional day for the whole squad.” Then he left.';
    expect(spans(text)).toEqual(['“We learned a great deal from the game today.', 'It was an emotional day for the whole squad.”']);
  });

  test('German: the closing “ of a quote the paragraph before left open ends it there, though “ may also open', () => {
    const text = 'Sie sagte: „Wir haben lange über den neuen Fahrplan beraten.\n\nAm Ende waren sich alle Beteiligten einig“, so Lena Roth.';
    const found = findQuoteSpans(text);
    expect(found.map((s) => text.slice(s.start, s.end))).toEqual([
      '„Wir haben lange über den neuen Fahrplan beraten.',
      'Am Ende waren sich alle Beteiligten einig“',
    ]);
    expect(found.map((s) => [s.continuesPrevious, s.continuesNext])).toEqual([
      [false, true],
      [true, false],
    ]);
  });
});

describe('attribution patterns', () => {
  test.each([
    ['“…,” X said', '“The bridge will reopen in May,” Dana Whitfield said on Monday.', 'Dana Whitfield'],
    ['“…,” said X', '“The bridge will reopen in May,” said Dana Whitfield.', 'Dana Whitfield'],
    ['“…,” said a role, X', '“The bridge will reopen in May,” said the head of the roads office, Dana Whitfield.', 'Dana Whitfield'],
    ['“…,” X, an aside, said', '“The bridge will reopen in May,” Dana Whitfield, who runs the roads office, said.', 'Dana Whitfield'],
    ['“…,” X told Y', '“The bridge will reopen in May,” Dana Whitfield told reporters.', 'Dana Whitfield'],
    ['X said: “…”', 'Dana Whitfield said: “The bridge will reopen in May.”', 'Dana Whitfield'],
    ['X said, “…”', 'Dana Whitfield said, “The bridge will reopen in May.”', 'Dana Whitfield'],
    ['X said that “…”', 'Dana Whitfield said that the bridge would reopen “by the end of May at the latest”.', 'Dana Whitfield'],
    ['X: “…”', 'Dana Whitfield: “The bridge will reopen in May.”', 'Dana Whitfield'],
    ['according to X', '“The bridge will reopen in May,” according to Dana Whitfield.', 'Dana Whitfield'],
    ['X’s statement that “…”', 'Dana Whitfield’s statement that the bridge was “safe for every kind of traffic” surprised many.', 'Dana Whitfield'],
    ['X said on the line before: “…”', 'Dana Whitfield told the council:\n\n“The bridge will reopen in May, and not a day later.”', 'Dana Whitfield'],
    ['an organisation', '“Talks will resume next week in Geneva,” the Foreign Office said.', 'Foreign Office'],
    ['a name the recogniser may miss, next to the verb', '“It was seen as routine,” said Oona Pekkarinen, a historian.', 'Oona Pekkarinen'],
    ['a signature under the quote', '“The staff were friendly and the rooms were clean.”\n\n— Marta Quiroga', 'Marta Quiroga'],
  ])('%s', (_, text, speaker) => {
    expect(quotesOf(text)[0]?.speaker).toBe(speaker);
  });

  test('the named person, not the body named before them ("a spokesman for Body, X, said")', () => {
    const text = '“We do not comment on rumours,” a spokesman for Northwind Mining, Tomas Ekberg, said.';
    expect(quotesOf(text)[0]?.speaker).toBe('Tomas Ekberg');
  });

  test('the speaker, not another name between the quote and the verb’s object', () => {
    const text = 'Dana Whitfield met Omar Haddad on Friday. “We agreed on nothing,” Whitfield told Haddad afterwards.';
    expect(quotesOf(text)[0]?.speaker).toBe('Dana Whitfield');
  });
});

describe('pronouns, descriptions and continuations', () => {
  test('a pronoun is the person it refers back to, by gender from the given name', () => {
    const text = 'Margaret Osei and her colleague Daniel Brandt visited the plant. “We need more staff,” he said.';
    expect(quotesOf(text)[0]?.speaker).toBe('Daniel Brandt');
    const her = 'Daniel Brandt and his colleague Margaret Osei visited the plant. “We need more staff,” she said.';
    expect(quotesOf(her)[0]?.speaker).toBe('Margaret Osei');
  });

  test('a pronoun opening a paragraph refers to the person the paragraph before introduced', () => {
    const text =
      'The council met on Tuesday.\n\nPeter Lindqvist, a teacher at the village school, said parents were worried.\n\n“They want answers before the winter,” he said.';
    expect(quotesOf(text).at(-1)?.speaker).toBe('Peter Lindqvist');
  });

  test('a role description is the person named earlier in that role', () => {
    const text =
      'Sara Novak, the company’s spokeswoman, declined to give figures. Sales fell in the spring.\n\n“We expect a better autumn,” the spokeswoman said.';
    expect(quotesOf(text)[0]?.speaker).toBe('Sara Novak');
  });

  test('a source never named is the description as written', () => {
    const quote = quotesOf('“The talks have stalled again,” a senior diplomat said.')[0];
    expect(quote?.speaker).toBe('a senior diplomat');
    expect(quote?.speakerId).toBeNull();
  });

  test('a quote cut by its attribution is two quotes with one speaker', () => {
    const text = '“We came here,” Dana Whitfield said, “to show that the town can rebuild its bridge on its own.”';
    const quotes = quotesOf(text);
    expect(quotes.map((q) => q.text)).toEqual(['“We came here,”', '“to show that the town can rebuild its bridge on its own.”']);
    expect(quotes.map((q) => q.speaker)).toEqual(['Dana Whitfield', 'Dana Whitfield']);
  });

  test('a quote over paragraphs keeps its speaker in every paragraph', () => {
    const text =
      'Dana Whitfield said: “The first paragraph of the statement is about the bridge.\n\n“The second one is about the roads and the money for them.”';
    expect(quotesOf(text).map((q) => q.speaker)).toEqual(['Dana Whitfield', 'Dana Whitfield']);
  });

  test('a quote right after another, with no attribution of its own, continues it', () => {
    const text = '“We will not give up on the bridge,” said Dana Whitfield. “Never, whatever it costs the town.”';
    expect(quotesOf(text).map((q) => q.speaker)).toEqual(['Dana Whitfield', 'Dana Whitfield']);
  });

  test('"they said" after a company is the company', () => {
    const text = 'The label Brightwater Records denied the claims on Friday. “At no point did we block the concert,” they said.';
    expect(quotesOf(text)[0]?.speaker).toBe('Brightwater Records');
  });
});

describe('German conventions', () => {
  const germanQuotes = (text: string) => analyzeText(text, 'de').quotes;

  test('the comma after the closing mark („…“, sagte X) ends the utterance as English’s comma inside does', () => {
    const text = '„Wir bauen die Halle im Sommer“, sagte Vereinschefin Jana Roth.';
    const an = analyse(text, findEntities(text, 'de').entities, speechLexicon('de'));
    const span = an.spans[0] as QuoteSpan;
    expect(utteranceEnd(an, span, '')).toBe(',');
    const english = analyse(text, findEntities(text, 'en').entities, speechLexicon('en'));
    expect(utteranceEnd(english, english.spans[0] as QuoteSpan, '')).toBe('');
  });

  test('a description with a body after it ("die Konzernchefin von X") is the person named in that role, not the body', () => {
    const text =
      'Der Hersteller Nordlicht meldet Rekordzahlen. „Wir wachsen weiter“, sagte Konzernchefin Jana Roth am Montag.\n\n' +
      '„Die Nachfrage bleibt hoch“, sagte die Konzernchefin von Nordlicht mit Blick auf Frankreich und Italien.';
    const quotes = germanQuotes(text);
    expect(quotes.map((q) => q.speaker)).toEqual(['Jana Roth', 'Jana Roth']);
    expect(quotes[1]?.speakerText).toBe('die Konzernchefin');
  });

  test('a compound title and a later shorter description name one role ("Regierungssprecherin X" … "die Sprecherin")', () => {
    expect(personRoleOf('regierungssprecherin', speechLexicon('de'))).toBe('sprecherin');
    expect(personRoleOf('konzernchef', speechLexicon('de'))).toBe('chef');
    expect(personRoleOf('spokeswoman', speechLexicon('en'))).toBe('spokeswoman');
    const text =
      'Regierungssprecherin Paula Brenner kündigte am Morgen neue Regeln an. Ministerin Greta Olsen war nicht dabei.\n\n' +
      '„Wir haben lange genug gewartet“, sagte die Sprecherin am Abend.';
    expect(germanQuotes(text)[0]?.speaker).toBe('Paula Brenner');
  });

  test('one quotation over paragraphs, attributed after its last part, is that speaker’s in every part', () => {
    const text =
      'Das Museum zeigt ab Mai Bilder von Edith Kranz. „Die Ausstellung war lange geplant und ist nun endlich fertig.\n\n' +
      'Wir freuen uns auf viele Gäste aus der ganzen Region“, so die Kuratorin Marie Olsen.';
    expect(germanQuotes(text).map((q) => q.speaker)).toEqual(['Marie Olsen', 'Marie Olsen']);
  });

  test('a phrase of capitalised nouns is no title where every noun has a capital', () => {
    const german = 'Die Pläne seien „ein Schlag ins Gesicht der Betriebe“, sagte Präsidentin Olga Brandt.';
    const de = analyse(german, findEntities(german, 'de').entities, speechLexicon('de'));
    expect(quoteFeatures(de, de.spans[0] as QuoteSpan, false)).not.toContain('title_case');
    const english = 'The film “Blow To The Face” opens on Friday.';
    const en = analyse(english, findEntities(english, 'en').entities, speechLexicon('en'));
    expect(quoteFeatures(en, en.spans[0] as QuoteSpan, false)).toContain('title_case');
    expect(germanQuotes(german).map((q) => [q.text, q.speaker])).toEqual([['„ein Schlag ins Gesicht der Betriebe“', 'Olga Brandt']]);
  });
});

describe('never a fragment as the speaker', () => {
  test.each([
    'Officials in the region said the road was “closed until further notice” after the storm.',
    'The country’s affairs and its debts were, in one minister’s words, “a mess that nobody will clean up”.',
    'Most people say that “the plan was wrong from the start” and should be dropped.',
    '“We lost the vote, and we will lose the next one too,” Mary E. Holt, who leads the group, said.',
    'And an overwhelming share of voters, the poll found, think “the bridge should never have been built.”',
  ])('%s', (text) => {
    const { entities, quotes } = analyzeText(text, 'en');
    for (const { speaker, speakerId } of quotes) {
      if (speaker === null) continue;
      // An entity's name, or words the text writes as a name or a description: never a clause cut in two.
      if (speakerId) expect(entities.find((e) => e.id === speakerId)?.name).toBe(speaker);
      else expect(text).toContain(speaker);
      expect(speaker).not.toMatch(/\b(and|or|the|of|in|its|their)$/i);
      expect(speaker).not.toMatch(/^(and|or|in|of)\b/i);
      expect(speaker).not.toMatch(/^\p{Lu}\.?$/u);
    }
  });
});

describe('quoted words that are not reported speech', () => {
  test.each([
    ['scare quotes', 'The so-called “experts” disagreed again about the new road.'],
    ['a title', 'The film “Winter in the Valley” opened in three cinemas on Friday.'],
    ['quoted words modifying a noun', 'It was the first “solid” proof of the theory that anyone had seen.'],
    ['a list of headlines', 'Further reading:\n\n“Ten towns that rebuilt their bridges” (2019)\n\n“The cost of roads” (2020)'],
  ])('%s', (_, text) => {
    expect(quotesOf(text)).toEqual([]);
  });

  test('partial quotes woven into a sentence are quotes', () => {
    const text = 'Dana Whitfield said the plan was “a very grave matter” and called the delay “entirely avoidable”.';
    expect(quotesOf(text).map((q) => q.text)).toEqual(['“a very grave matter”', '“entirely avoidable”']);
  });
});

test('the paragraphs of one quotation join back into one passage for the reader', () => {
  const text = 'Dana Whitfield said: “The first paragraph of the statement is about the bridge.\n\n“The second is about the roads.”';
  const quotes = quotesOf(text);
  expect(quotes.map((q) => q.continuesPrevious)).toEqual([false, true]);
  expect(passages(quotes).map((q) => [q.text, q.speaker])).toEqual([
    ['“The first paragraph of the statement is about the bridge. “The second is about the roads.”', 'Dana Whitfield'],
  ]);
});

describe('block quotations in the page', () => {
  const para = '<p>The minister spoke to reporters in the capital on Tuesday about the new plan for the region and its people.</p>';
  const page = (body: string) =>
    `<html><head><meta property="og:type" content="article"></head><body><article><h1>Minister speaks on the plan</h1>${para.repeat(3)}${body}${para}</article></body></html>`;
  const analyse = async (body: string) => {
    const { loadPage } = await import('../fixtures/pages');
    const { analyzePage } = await import('../../lib/analyze');
    const { doc, signals } = loadPage(page(body), 'https://news.example/2021/05/04/minister-speaks-on-the-plan');
    return analyzePage(doc, signals);
  };

  test('a <blockquote> without marks is a quote, its speaker from the line that introduces it', async () => {
    const result = await analyse(
      '<p>Imran Khan said:</p><blockquote><p>We will not stop until every child in the province has a school to go to and a teacher to learn from.</p></blockquote>',
    );
    expect(result.quotes.find((q) => q.text.startsWith('We will not stop'))?.speaker).toBe('Imran Khan');
  });

  test('an embedded post: its signature names the speaker and stays out of the quote', async () => {
    const result = await analyse(
      '<blockquote class="twitter-tweet"><p>The bridge is closed from today until further notice. Please use the ferry.</p>— Harbour Council (@harbourcouncil) May 4, 2021</blockquote>',
    );
    const quote = result.quotes.find((q) => q.text.startsWith('The bridge is closed'));
    expect(quote?.text.endsWith('Please use the ferry.')).toBe(true);
    expect(quote?.speaker).toBe('Harbour Council');
  });

  test('marks inside a block quotation delimit the quotes themselves', async () => {
    const result = await analyse('<blockquote><p>“We will not stop,” said Imran Khan at the rally in the city.</p></blockquote>');
    expect(result.quotes.map((q) => q.text)).toEqual(['“We will not stop,”']);
  });
});

test('attribution is linear in the text: ten times the article, about ten times the time', () => {
  const paragraph =
    'Dana Whitfield, a spokeswoman for the council, spoke on Monday. “The bridge will reopen in May,” she said. “We are sure of it.”\n\n' +
    'Omar Haddad disagreed. He said the plan was “far too optimistic” and that “nobody believes it”, according to the minutes.\n\n';
  const time = (n: number) => {
    const text = paragraph.repeat(n);
    const { entities } = findEntities(text);
    findQuotes(text, entities);
    const start = performance.now();
    const quotes = findQuotes(text, entities);
    return { ms: performance.now() - start, quotes: quotes.length };
  };
  const small = time(60);
  const large = time(600);
  expect(large.quotes).toBe(2400);
  // Quadratic work would take a hundred times as long; allow for a noisy machine, not for that.
  expect(large.ms / Math.max(small.ms, 1)).toBeLessThan(30);
}, 60_000);
