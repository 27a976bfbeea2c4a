import { describe, expect, test } from 'vitest';
import { analyzeText } from '../../lib/analyze';
import { findQuoteSpans, passages } from '../../lib/quotes';
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

  test('a quote over several paragraphs, reopened at each one: one segment a paragraph', () => {
    const text = '“The first paragraph of a long statement goes on here.\n\n“And the second one ends it,” she said.';
    expect(spans(text)).toEqual(['“The first paragraph of a long statement goes on here.', '“And the second one ends it,”']);
  });

  test('a quote over paragraphs with no reopening mark ends at the next closing mark', () => {
    const text = 'He said, “We have learned a lot from the game today.\n\nIt was a very emotional day for all of us.” Then he left.';
    expect(spans(text)).toEqual(['“We have learned a lot from the game today.', 'It was a very emotional day for all of us.”']);
  });

  test('double marks nested in a double-quoted passage', () => {
    const text = 'A quote attributed to Einstein — "If we knew what we were doing, it wouldn\'t be called "research", would it?"';
    expect(spans(text)).toEqual([text.slice(text.indexOf('"If'))]);
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
    ['X proclaiming,', 'The country joined with Prime Minister Amos Reed proclaiming, "Where she goes, we go."', 'Amos Reed'],
    ['with the X declaring,', 'The crowd cheered, with the mayor declaring, "We will win."', 'the mayor'],
    ['X weighed in, telling Y,', '"We all miss her so much," Dana Kirk weighed in, telling Lee Moss, "since she left."', 'Dana Kirk'],
    ['pronoun', 'Nawaz Sharif arrived late. He said “the delay could not be avoided at all”.', 'Nawaz Sharif'],
    [
      'pronoun of the right gender',
      'Thomas Sam’s sister Gloria pleaded with him, but he replied, “we will wait for the doctor to come”.',
      'Thomas Sam',
    ],
    [
      'in the words of X',
      'The child suffered, in the words of the prosecutor, Mark Tedeschi, “a long and painful decline over months”.',
      'Mark Tedeschi',
    ],
    [
      'a name as written when it is no entity',
      'There is a quote attributed to Einstein — "If we knew what we were doing, it would not be research"',
      'Einstein',
    ],
    ['single marks, British style, with a subject before the verb', '‘It was total chaos,’ a witness told the BBC.', 'a witness'],
    ['a short quote, then its subject and verb', 'Mayor Jane Doe toured the site. “It was chaos,” a resident said.', 'a resident'],
    ['a definite description with no one titled so before', '“We will rebuild the bridge,” the mayor said.', 'the mayor'],
    ['a subject before an aside', 'The minister, who declined to be named, said the plan was “dead in the water”.', 'The minister'],
    ['a surname before an age', 'Smith, 42, said later that it was “a disaster for everyone involved”.', 'Smith'],
    ['a body of people named by what they are', 'Police said the suspect was “armed and dangerous”.', 'Police'],
    ['a body, its role noun, then the person', '“We are not going anywhere,” said Hamas spokesman Hazem Qassem.', 'Hazem Qassem'],
    [
      'a body, its role noun and a comma, then the person',
      'In the words of the Crown prosecutor, Mark Tedeschi, QC, "Gloria spent a lot of her life crying."',
      'Mark Tedeschi',
    ],
    ['an unnamed source stays unnamed', 'Charles Simpson said the claims were false. “Nobody stops them,” the source said.', 'the source'],
    ['a description with a number in it', '“I’m not going anywhere,” the 80-year-old president told supporters.', 'the 80-year-old president'],
    ['a lone unknown name that speaks, after another name', 'In an interview with CNN, Zelensky said: “We will not give up our land.”', 'Zelensky'],
    [
      'a name, a long aside, then the verb',
      '“We saw a need to bring in more partners,” Steve Clarke, deputy associate administrator for exploration at the agency, said.',
      'Steve Clarke',
    ],
    ['said + a title with its dot', '“There is no reason to believe them,” said Mr. Reeves, a senior fellow.', 'Reeves'],
    ['said + an initial', '“It is something to worry about,” said C. Eugene Steuerle, a fellow at the Institute.', 'C. Eugene Steuerle'],
    [
      'a name the recogniser missed, before a body',
      '“It was seen as rote,” said Mar Hicks, a historian at the Illinois Institute of Technology.',
      'Mar Hicks',
    ],
    ['a noun phrase without its helping verbs', 'An abuser would have said: “Every time a person uses that word, it hurts.”', 'An abuser'],
    ['a description counted with "one"', '“He has no immunity at all,” said one legal expert, as the paper reported.', 'one legal expert'],
    [
      'a noun phrase as written',
      'The report’s authors say “iodine deficiency is a serious public health issue” in the country.',
      'The report’s authors',
    ],
  ])('%s', (_, text, speaker) => {
    expect(quotesOf(text)[0]?.speaker).toBe(speaker);
  });

  test('the segments of a quote over paragraphs share its speaker', () => {
    const quotes = quotesOf('Imran Khan said: “The first paragraph of a long statement goes on here.\n\n“And the second one ends it for today.”');
    expect(quotes.map((q) => q.speaker)).toEqual(['Imran Khan', 'Imran Khan']);
  });

  test('an attribution that introduces the next quote is not the previous one’s', () => {
    const text =
      'Harry Kane scored twice. He said, “In the first half it felt good out there.”\n\nAfter the match, the coach Nabil Maaloul said, “We were proud of the team today.”';
    expect(quotesOf(text).map((q) => q.speaker)).toEqual(['Harry Kane', 'Nabil Maaloul']);
  });

  test('a quote cut by its attribution keeps one speaker for both halves', () => {
    const text = '"We entered the competition," team member Rodaba Noori told the press, "to show that Afghan women can make robots too."';
    expect(quotesOf(text).map((q) => q.speaker)).toEqual(['Rodaba Noori', 'Rodaba Noori']);
  });

  test('a continuation quote inherits the last speaker', () => {
    const quotes = quotesOf('“We will not give up on this plan,” said Imran Khan. “Never, whatever it costs us.”');
    expect(quotes.map((q) => q.speaker)).toEqual(['Imran Khan', 'Imran Khan']);
  });

  test('a definite description after the same unnamed speaker is them, not the last person named', () => {
    const text =
      'Prince Charles was away. “He has no immunity at all,” said one legal expert. “His friendship with the financier is under investigation,” the expert warned.';
    expect(quotesOf(text).map((q) => q.speaker)).toEqual(['one legal expert', 'one legal expert']);
  });

  test('"he said" after a paragraph that names a new person is that person', () => {
    const text =
      'Jane Roe told teachers they were not “asking for the moon.”\n\nJoel Smith, a teacher at a high school, said politicians have “vilified” educators.\n\n“They think they know better than us,” he said.';
    expect(quotesOf(text).at(-1)?.speaker).toBe('Joel Smith');
  });

  test('"they said" is the body named just before, never a person', () => {
    const withBody = 'Taylor Swift spoke out. The label Acme Records denied it. “At no point did we stop her,” they said in a statement.';
    expect(quotesOf(withBody)[0]?.speaker).toBe('Acme Records');
    const without = 'Taylor Swift spoke out. “At no point did we stop her,” they said in a statement.';
    expect(quotesOf(without)[0]?.speaker ?? null).toBeNull();
  });

  test('a name, then an aside that names a body, then the verb: the person speaks', () => {
    const text =
      'Ian Moore, an expert in drug use and mental health at the Department of Health Sciences at the University of York who did not work on the study, told Newsweek: “The rise could equate to a large share of the population.”';
    expect(quotesOf(text)[0]?.speaker).toBe('Ian Moore');
  });

  test('"according to Body’s Person": the person', () => {
    const text = 'Rachel Stephens spoke. According to RedMonk’s Stephens, “We are in a cash-constrained environment.”';
    expect(quotesOf(text)[0]?.speaker).toBe('Rachel Stephens');
  });

  test('"said I" is the writer, not the last person named', () => {
    const text = '“What word, sir,” asked Turkey. “That is the word, Turkey,” said I.';
    expect(quotesOf(text).map((q) => q.speaker)).toEqual(['Turkey', 'I']);
  });

  test('"as if to say" names no speaker', () => {
    const text = 'A smile flickered across the president’s face as if to say “You think you got me?” before it returned.';
    expect(quotesOf(text)[0]?.speaker ?? null).toBeNull();
  });

  test('a word opening the next sentence is no speaker', () => {
    const text = 'Most say that “his actions were wrong and he should go.” And an overwhelming share of voters say so too.';
    expect(quotesOf(text)[0]?.speaker ?? null).toBeNull();
  });

  test('no speaker in the text gives null', () => {
    expect(quotesOf('The sign read “no entry for anyone after dark tonight”.')[0]?.speaker ?? null).toBeNull();
  });

  test('scare quotes and titles are not quotes', () => {
    expect(quotesOf('The so-called “experts” disagreed about the film “Star Wars” again.')).toEqual([]);
  });
});

describe('one quote per sentence unit: a quote never straddles a sentence boundary', () => {
  const texts = (text: string) => quotesOf(text).map((q) => [q.text, q.speaker]);
  test.each([
    [
      'attribution after a two-sentence quote: the last sentence carries it',
      '"The effects depend on how severe it is. So if we go to the pregnant woman, she needs more," Professor Michael Smith said.',
      [
        ['"The effects depend on how severe it is.', 'Michael Smith'],
        ['So if we go to the pregnant woman, she needs more,"', 'Michael Smith'],
      ],
    ],
    [
      'a quote opened mid-sentence: its first sentence is the one that began before it',
      'We need to "make sure there is enough iodine in the food. But we must not overdo it," Lydia Buchtmann said.',
      [
        ['"make sure there is enough iodine in the food.', 'Lydia Buchtmann'],
        ['But we must not overdo it,"', 'Lydia Buchtmann'],
      ],
    ],
    [
      'after a plain "he said" the quote’s sentences stay together; the last, running on past the mark, is its own',
      'Imran Khan said, “we will go on with the march. Nobody can stop it. Nobody will try,” and then he left the stage.',
      [
        ['“we will go on with the march. Nobody can stop it.', 'Imran Khan'],
        ['Nobody will try,”', 'Imran Khan'],
      ],
    ],
    [
      'after "he said" a quote of whole sentences ending the sentence stays whole',
      'Suleiman al-Amr said "All the wounded have been taken to hospital. There are no casualties left at the site."',
      [['"All the wounded have been taken to hospital. There are no casualties left at the site."', 'Suleiman al-Amr']],
    ],
    [
      'a quote resumed after its attribution: the sentence it completes is one quote, the rest another',
      '"We entered the contest," Rodaba Noori told the press, "to show that we can build robots. We were so proud. We came anyway."',
      [
        ['"We entered the contest,"', 'Rodaba Noori'],
        ['"to show that we can build robots.', 'Rodaba Noori'],
        ['We were so proud. We came anyway."', 'Rodaba Noori'],
      ],
    ],
    [
      'a paragraph that is all quote stays whole',
      'Imran Khan told the crowd:\n\n“We will go on with the march. Nobody can stop it. Nobody will try.”',
      [['“We will go on with the march. Nobody can stop it. Nobody will try.”', 'Imran Khan']],
    ],
    [
      'abbreviations, initials and ellipses do not end a sentence',
      '“Mr. Smith met Gen. Sharif in the U.S. Army base ... Then they left,” said Imran Khan.',
      [['“Mr. Smith met Gen. Sharif in the U.S. Army base ... Then they left,”', 'Imran Khan']],
    ],
  ])('%s', (_, text, expected) => {
    expect(texts(text)).toEqual(expected);
  });
});

test('the pieces of one quotation are marked, and join back into one passage for the reader', () => {
  const text =
    '"The effects depend on how severe it is. So if we go on, she needs more," Professor Michael Smith said. "We will act on it next year."';
  const quotes = quotesOf(text);
  expect(quotes.map((q) => q.continuesPrevious)).toEqual([false, true, false]);
  expect(passages(quotes).map((q) => [q.text, q.start, q.end, q.speaker])).toEqual([
    ['"The effects depend on how severe it is. So if we go on, she needs more,"', 0, text.indexOf(' Professor'), 'Michael Smith'],
    ['"We will act on it next year."', text.indexOf('"We will'), text.length, 'Michael Smith'],
  ]);
});

describe('quoted words that are not reported speech', () => {
  test.each([
    ['a mark opened inside parentheses ends with them', 'The comet 81P/Wild (also known as "Wild 2) was sampled. It was decided to "discover" them.'],
    ['quoted words modifying a noun', 'I should have said above that this is the first "solid" sample return mission of its kind.'],
    ['a longer quoted phrase before a noun', 'As far as I can tell, the site features "free as in beer" content that you can download.'],
  ])('%s', (_, text) => {
    expect(quotesOf(text)).toEqual([]);
  });

  test('a partial quote before a verb or a conjunction is still one', () => {
    const text = 'Rathke said that “the highest levels of government” had assured them and called it “a very grave matter” and left.';
    expect(quotesOf(text).map((q) => q.text)).toEqual(['“the highest levels of government”', '“a very grave matter”']);
  });
});

describe('block quotations in the page', () => {
  test('a <blockquote> without marks is a quote, its speaker from the line that introduces it', async () => {
    const { loadPage } = await import('../fixtures/pages');
    const { analyzePage } = await import('../../lib/analyze');
    const para = '<p>The minister spoke to reporters in Islamabad on Tuesday about the new plan for the region and its people.</p>';
    const html = `<html><head><meta property="og:type" content="article"></head><body><article><h1>Minister speaks on the plan</h1>${para.repeat(3)}<p>Imran Khan said:</p><blockquote><p>We will not stop until every child in the province has a school to go to and a teacher to learn from.</p></blockquote>${para}</article></body></html>`;
    const { doc, signals } = loadPage(html, 'https://news.example/2021/05/04/minister-speaks-on-the-plan');
    const result = analyzePage(doc, signals);
    const quote = result.quotes.find((q) => q.text.startsWith('We will not stop'));
    expect(quote?.speaker).toBe('Imran Khan');
  });
});
