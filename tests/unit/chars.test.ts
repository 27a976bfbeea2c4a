// lib/text/chars.ts answers as the `\p{…}` expressions it stands in for, on every code point and on made-up strings.
import { describe, expect, test } from 'vitest';
import { displayName } from '../../lib/entities/merge';
import { stopThenCapital } from '../../lib/quotes/classifier';
import {
  allChars,
  charFlags,
  charsWith,
  countRuns,
  hasRun,
  LETTER,
  LOWER,
  MARK,
  MODIFIER,
  NUMBER,
  OTHER_LETTER,
  oneCharThen,
  replaceRunsWithout,
  someChar,
  startsWith,
  TITLE,
  UPPER,
} from '../../lib/text/chars';

const CLASSES: [number, RegExp][] = [
  [UPPER, /^\p{Lu}$/u],
  [LOWER, /^\p{Ll}$/u],
  [TITLE, /^\p{Lt}$/u],
  [MODIFIER, /^\p{Lm}$/u],
  [OTHER_LETTER, /^\p{Lo}$/u],
  [MARK, /^\p{M}$/u],
  [NUMBER, /^\p{N}$/u],
];

// Letters of several scripts, marks, digits of other scripts, punctuation, a lone surrogate, astral letters and digits.
const SAMPLES = [
  '',
  'a',
  'Ab',
  'ÉTAT',
  'ǅemal',
  'x-ray',
  'Ünal’s',
  'ⅫⅪ',
  'İstanbul',
  'ß',
  '١٢٣',
  'e\u0301t\u0301',
  '“Quoted,” she said — twice.',
  '\ud835\udc00\ud835\udc01 mathematical',
  '𝟘𝟙 digits',
  'lone \ud800 surrogate',
  '\udc00 reversed',
  '  ',
  '¼ ² µ ª º',
  'Ωmega ωmega',
  '中文 和 日本語',
  'A.',
  'Ä',
  'ä.',
  '\ud835\udc00.',
  'AB',
  'ABCDEFG',
  'ABCDEF',
  'A1',
  'One. Two',
  'Why?  Écoute',
  'Stop.\n\u00a0\ud835\udc00stral',
  'no.  lower',
  'end.',
  'A!B',
  'AB C DEF',
];

describe('character categories without a \\p{…} expression per test', () => {
  test('every code point has the flags of the one category \\p{…} gives it', () => {
    const wrong: string[] = [];
    for (let code = 0; code <= 0x10ffff; code++) {
      const s = String.fromCodePoint(code);
      let expected = 0;
      for (const [flag, re] of CLASSES) if (re.test(s)) expected |= flag;
      // (Asked twice: the first answer is kept, the second read back.)
      if (charFlags(code) !== expected || charFlags(code) !== expected) wrong.push(code.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  test.each(SAMPLES)('the string helpers match their expressions on %j', (s) => {
    expect(startsWith(s, UPPER)).toBe(/^\p{Lu}/u.test(s));
    expect(startsWith(s, UPPER | NUMBER)).toBe(/^[\p{Lu}\p{N}]/u.test(s));
    expect(someChar(s, UPPER | TITLE | NUMBER)).toBe(/[\p{Lu}\p{Lt}\p{N}]/u.test(s));
    expect(someChar(s, LOWER)).toBe(/\p{Ll}/u.test(s));
    expect(s.length > 0 && !someChar(s, LETTER | NUMBER)).toBe(/^[^\p{L}\p{N}]+$/u.test(s));
    expect(oneCharThen(s, LETTER, '.', true)).toBe(/^\p{L}\.?$/u.test(s));
    expect(oneCharThen(s, UPPER, '.', false)).toBe(/^\p{Lu}\.$/u.test(s));
    expect(allChars(s, UPPER, 2, 6)).toBe(/^\p{Lu}{2,6}$/u.test(s));
    expect(allChars(s, UPPER, 2, Number.POSITIVE_INFINITY)).toBe(/^\p{Lu}{2,}$/u.test(s));
    expect(allChars(s, LOWER, 2, 6)).toBe(/^\p{Ll}{2,6}$/u.test(s));
    expect(hasRun(s, UPPER, 3)).toBe(/\p{Lu}{3}/u.test(s));
    expect(stopThenCapital(s)).toBe(/[.!?]\s+\p{Lu}/u.test(s));
    expect(charsWith(s, UPPER)).toEqual(s.match(/\p{Lu}/gu) ?? []);
    expect(replaceRunsWithout(s, LETTER | NUMBER, ' ')).toBe(s.replace(/[^\p{L}\p{N}]+/gu, ' '));
    expect(countRuns(s, LETTER | NUMBER)).toBe(s.match(/[\p{L}\p{N}]+/gu)?.length ?? 0);
  });
});

describe('a shouted name made readable, as by its two expressions before', () => {
  const before = (name: string, type: string) =>
    type === 'ORG' || name !== name.toUpperCase() || !/^[\p{Lu}][\p{Lu}\s'’.-]{4,}$/u.test(name)
      ? name
      : name.toLowerCase().replace(/(^|[\s'’.-])(\p{Ll})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
  test.each([
    'NORTHVALE',
    "O'DWYER-LANE",
    'ST. KEVERNE',
    'ÅLBERG ÉTANG',
    'ABC',
    'ABCD',
    'ABCDE',
    'MIXED Case',
    'A  B  C',
    '\ud835\udc00BCDEF',
    'ǄEMAL TOWN',
    '-ALREADY',
    'X1YZW',
  ])('%j', (name) => {
    for (const type of ['PER', 'LOC', 'ORG'] as const) expect(displayName(name, type)).toBe(before(name, type));
  });
});
