// What the popup shows of bylines, publishers and "other names", cleaned before display whatever a page gives.
import { describe, expect, test } from 'vitest';
import type { Entity, EntityType } from '../../lib/analyze';
import { cleanByline, cleanPublisher, isDescriptor, otherNames } from '../../lib/display';

describe('bylines', () => {
  test.each([
    ['Anwar Iqbal', 'Anwar Iqbal'],
    ['By By ROBERT BURNS', 'Robert Burns'],
    ['by: Jane Doe', 'Jane Doe'],
    ['BY JANE DOE AND JOHN O’NEIL', 'Jane Doe and John O’Neil'],
    ['https://www.facebook.com/jane.doe.reporter', null],
    ['Jane Doe https://twitter.com/janedoe', 'Jane Doe'],
    ['Jane Doe | facebook.com/janedoe', 'Jane Doe'],
    ['  —  ', null],
    ['Dawn', null], // the publisher again
    [null, null],
  ])('%j → %j', (byline, shown) => {
    expect(cleanByline(byline, 'Dawn')).toBe(shown);
  });

  test('a very long byline is cut', () => {
    expect(cleanByline('Jane Doe, '.repeat(30))?.length).toBe(120);
  });
});

describe('publishers', () => {
  test.each([
    ['Dawn', 'https://www.dawn.com/news/1', 'Dawn'],
    ['https://www.apnews.com', 'https://apnews.com/article/x', 'apnews.com'],
    ['www.reuters.com', null, 'reuters.com'],
    ['apnews.com', null, 'apnews.com'],
    [null, 'https://www.example.co.uk/news/1', 'example.co.uk'],
    ['THE TIMES', null, 'The Times'],
    [null, null, null],
  ])('%j on %j → %j', (siteName, url, shown) => {
    expect(cleanPublisher(siteName, url)).toBe(shown);
  });
});

describe('"other names"', () => {
  let id = 0;
  const misc = (name: string, starts: number[] = [0], type: EntityType = 'MISC'): Entity => ({
    id: `m${id++}`,
    name,
    type,
    mentions: starts.map((start) => ({ start, end: start + name.length, text: name })),
    variants: [name],
    titles: [],
  });

  test.each([
    ['American', 'American officials said.'],
    ['Pakistani', 'The Pakistani government.'],
    ['Democratic', 'A Democratic senator.'],
    ['Republicans', 'Republicans voted.'],
    ['Tories', 'The Tories won.'],
    ['Afghans', 'Afghans fled.'],
    ['Afghan', 'Afghan forces moved.'],
    ['Islamist', 'Islamist groups spread.'],
  ])('%s (in “%s”) only describes: it is left out', (name, text) => {
    const at = text.indexOf(name);
    expect(isDescriptor(misc(name, [at]), text)).toBe(true);
  });

  test.each([
    ['Brexit', 'Brexit happened.'],
    ['Olympics', 'The Olympics opened.'],
    ['Ramadan', 'During Ramadan, shops close.'],
    ['iPhone', 'The iPhone sold.'],
    ['World Cup', 'The World Cup began.'],
    ['Boeing 737 Max', 'The Boeing 737 Max flew.'],
    ['Affordable Care Act', 'The Affordable Care Act passed.'],
  ])('%s (in “%s”) is a name of its own: it is kept', (name, text) => {
    expect(isDescriptor(misc(name, [text.indexOf(name)]), text)).toBe(false);
  });

  test('the popup lists only the kept ones, and only "other names"', () => {
    const text = 'The Pakistani army and the World Cup.';
    const result = { entities: [misc('Pakistani', [4]), misc('World Cup', [27]), misc('Jeff Rathke', [0], 'PER')], article: { text } };
    expect(otherNames(result as never).map((e) => e.name)).toEqual(['World Cup']);
  });
});
