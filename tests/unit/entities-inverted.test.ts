import { describe, expect, test } from 'vitest';
import { findEntities } from '../../lib/entities';

const people = (text: string) =>
  findEntities(text)
    .entities.filter((e) => e.type === 'PER')
    .map((e) => [e.name, e.mentions.map((m) => text.slice(m.start, m.end))]);

describe('names written surname first in reading lists and references', () => {
  test.each<[string, [string, string[]][]]>([
    ['Good ones to start with:\n\nWoolf, Virginia. To the Lighthouse\n', [['Virginia Woolf', ['Woolf, Virginia']]]],
    [
      '- Orwell, George. Animal Farm\n- Eliot, George. Middlemarch\n',
      [
        ['George Orwell', ['Orwell, George']],
        ['George Eliot', ['Eliot, George']],
      ],
    ],
    // A gazetteer's town as a surname, and a second given name.
    [
      'Reading:\n\nLondon, Jack. The Call of the Wild\n\nMacaulay, Thomas Babington. Essays\n',
      [
        ['Jack London', ['London, Jack']],
        ['Thomas Babington Macaulay', ['Macaulay, Thomas Babington']],
      ],
    ],
    // Co-authors, with an initial, and a reference that gives the year.
    [
      '1. Watson, James D. and Crick, Francis. Molecular structure\n2. Franklin, Rosalind (1953). Nature\n',
      [
        ['James D. Watson', ['Watson, James D']],
        ['Francis Crick', ['Crick, Francis']],
        ['Rosalind Franklin', ['Franklin, Rosalind']],
      ],
    ],
    [
      '^ Hatfield, Peter J.; Kaplan, David (1998). "Testing"\n',
      [
        ['Peter J. Hatfield', ['Hatfield, Peter J']],
        ['David Kaplan', ['Kaplan, David']],
      ],
    ],
  ])('%j', (text, expected) => {
    expect(people(text)).toEqual(expected);
  });

  test('the surname alone later refers back to the person', () => {
    const text = 'Favourites:\n\nAusten, Jane. Emma\n\nI read Austen every winter.';
    expect(people(text)).toEqual([['Jane Austen', ['Austen, Jane', 'Austen']]]);
  });

  test.each([
    // Running text: a place and a person in a list, not one inverted name.
    'He flew to Boston, Jane said.',
    'They toured Georgia, Virginia. It rained.',
    'The winners were Smith, Mary and John.',
    'Thanks, John. See you soon.',
    'Hello, Anna.',
  ])('no inverted name in running text: %j', (text) => {
    const names = findEntities(text).entities.map((e) => e.name);
    expect(names.some((n) => /,/.test(n) || n.split(' ').length > 1)).toBe(false);
  });
});
