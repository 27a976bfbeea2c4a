import { describe, expect, test } from 'vitest';
import * as lexicon from '../../lib/entities/lexicon';
import { genderOf, SortedWords, WordsAndPhrases } from '../../lib/entities/lexicon';
import * as data from '../../lib/entities/lexicon-data';

// The lists load with a bare split (see lexicon.ts), so every entry must already be lowercase and trimmed.
test.each(
  Object.entries(lexicon)
    .filter(([, value]) => value instanceof Set || value instanceof SortedWords || value instanceof WordsAndPhrases)
    .map(([name, value]) => [name, value instanceof SortedWords ? value.words() : [...(value as Iterable<string>)]]) as [string, string[]][],
)('%s holds lowercase, trimmed, non-empty words', (_name, words) => {
  const bad = words.filter((w) => !w || w !== w.trim() || w !== w.toLowerCase());
  expect(bad).toEqual([]);
});

// The generated lists are read in place by binary search (SortedWords), which holds only if each is sorted, by UTF-16
// code units, without repeats.
test.each(Object.entries(data))('generated list %s is strictly sorted', (_name, list) => {
  const words = list.split('|');
  const unsorted = words.filter((w, i) => i > 0 && !((words[i - 1] as string) < w));
  expect(unsorted).toEqual([]);
});

describe('SortedWords', () => {
  const sets = Object.entries(data).map(([name, list]) => [name, new SortedWords(list), new Set(list.split('|'))] as const);
  test.each(sets)('%s: every word is found, and so are exactly the words of the list', (_name, sorted, set) => {
    const asked: string[] = [];
    for (const w of set) asked.push(w, `${w}a`, w.slice(0, -1), `${w} `, w.toUpperCase(), `a${w}`, `${w}|`);
    asked.push('', '|', 'a|b', ' ', '\uffff', '\u0000', 'zzzzzzzz', 'aaaa');
    expect(asked.filter((w) => sorted.has(w) !== (set.has(w) && w !== ''))).toEqual([]);
    expect(sorted.words()).toEqual([...set]);
  });
  test.each([
    ['b', true],
    ['a', true],
    ['c', true],
    ['', false],
    ['ab', false],
    ['d', false],
    ['a|b', false],
  ])('in "a|b|c": %s → %s', (word, found) => {
    expect(new SortedWords('a|b|c').has(word)).toBe(found);
  });
  test('a list of one word, and none', () => {
    expect(new SortedWords('solo').has('solo')).toBe(true);
    expect(new SortedWords('solo').has('sol')).toBe(false);
    expect(new SortedWords('').has('')).toBe(false);
    expect(new SortedWords('').has('a')).toBe(false);
  });
});

describe('WordsAndPhrases', () => {
  test.each([
    ['places', `${data.PLACES}|${data.CITIES}`],
    ['organisations', data.ORGANISATIONS],
    ['people', data.PEOPLE],
  ])('%s: the entries a set of the list has, single words and phrases apart', (_name, list) => {
    const set = new Set(list.split('|'));
    set.delete('');
    const read = new WordsAndPhrases(list);
    expect(new Set(read)).toEqual(set);
    expect([...read.words].every((w) => !w.includes(' '))).toBe(true);
    expect([...read.phrases].every((w) => w.includes(' '))).toBe(true);
    const asked = [...set].flatMap((w) => [w, `${w}a`, w.slice(0, -1), w.toUpperCase()]);
    expect(asked.filter((w) => read.has(w) !== set.has(w))).toEqual([]);
  });
  test('a made-up list with an empty entry', () => {
    const read = new WordsAndPhrases('alpha|beta town||gamma');
    expect([...read.words]).toEqual(['alpha', 'gamma']);
    expect([...read.phrases]).toEqual(['beta town']);
    expect(read.has('')).toBe(false);
    expect(read.has('beta town')).toBe(true);
  });
});

test('genderOf reads the name lists as sets would', () => {
  const male = new Set(data.MALE_NAMES.split('|'));
  const female = new Set(data.FEMALE_NAMES.split('|'));
  const names = [...male, ...female, ...data.FIRST_NAMES.split('|').slice(0, 500), 'zebulon', 'Mary', ''];
  const expected = (n: string) => {
    const w = n.toLowerCase();
    return male.has(w) === female.has(w) ? null : male.has(w) ? 'male' : 'female';
  };
  expect(names.filter((n) => genderOf(n) !== expected(n))).toEqual([]);
});
