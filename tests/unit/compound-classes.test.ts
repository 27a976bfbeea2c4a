// The German name tagger's word classes for compounds and common nouns (lib/entities/languages.ts): German capitalises
// every noun, so what a capitalised word ends in says more than its capital. Every word here is made up for the test or
// an ordinary German noun.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { compoundsOf, nounHeadsOf, resourcesFor, wordList } from '../../lib/entities/languages';

const lexicons = new URL('../../lib/entities/lexicons/', import.meta.url);

describe('compounds ending in a head word', () => {
  const heads = compoundsOf(new Set(['ministerium', 'konzern', 'sprecherin', 'amt']));

  test('a compound ending in a head, also with its genitive or plural ending, is in the class', () => {
    for (const word of ['quellbachministerium', 'zeltwarenkonzern', 'zeltwarenkonzerns', 'vereinssprecherin', 'landesforstministeriums'])
      expect(heads.has(word), word).toBe(true);
  });

  test('the head alone, a word merely ending in its letters, and heads shorter than four letters are not', () => {
    for (const word of ['ministerium', 'konzern', 'kernkonzer', 'zollamt', 'insgesamt', 'rheinufer']) expect(heads.has(word), word).toBe(false);
  });
});

describe('common nouns and compounds of them', () => {
  const compounds = nounHeadsOf(wordList('ladung|krise|foto|fotos'));

  test('a word ending in a known noun after a modifier of three letters or more is a compound noun', () => {
    for (const word of ['akkuladung', 'zeltwaren-krise', 'archivfotos']) expect(compounds.has(word), word).toBe(true);
  });

  test('the noun itself, and words whose ending is too short to be a noun, are not', () => {
    for (const word of ['ladung', 'fotos', 'exfoto', 'kalbmeier']) expect(compounds.has(word), word).toBe(false);
  });
});

describe('the German resources', () => {
  const german = resourcesFor('de');
  const classOf = (name: string) => german.classes.find(([n]) => n === name)?.[1];

  test('German has the compound and noun classes, and reads them at a run of capitals’ edge', () => {
    for (const name of ['org-compound', 'title-compound', 'noun', 'noun-head']) {
      const index = german.classes.findIndex(([n]) => n === name);
      expect(index, name).toBeGreaterThanOrEqual(0);
      expect(german.headClasses).toContain(index);
    }
    expect(classOf('org-compound')?.has('gartenbauverband')).toBe(true);
    expect(classOf('title-compound')?.has('landesforstminister')).toBe(true);
    expect(classOf('noun')?.has('regierung')).toBe(true);
    expect(classOf('noun-head')?.has('zeltwarenregierung')).toBe(true);
    expect(german.headClasses.every((i) => i >= 0)).toBe(true);
  });

  test('languages without compounds or a noun list keep their classes (and their models)', () => {
    for (const language of ['fr', 'pt', 'ru']) {
      const names = resourcesFor(language).classes.map(([n]) => n);
      for (const name of ['org-compound', 'title-compound', 'noun', 'noun-head']) expect(names).not.toContain(name);
    }
  });

  test('the noun list is lowercase, sorted, free of empty entries, and keeps its licence beside it', () => {
    const data = JSON.parse(readFileSync(new URL('de-nouns.json', lexicons), 'utf8')) as { nouns: string };
    const list = data.nouns.split('|');
    expect(list.length).toBeGreaterThan(30_000);
    for (const w of list) expect(w === w.toLowerCase() && w.length > 1 && !/\s/.test(w), w).toBe(true);
    expect([...list].sort()).toEqual(list);
    expect(readFileSync(new URL('LICENSE-de-nouns.txt', lexicons), 'utf8')).toContain('Attribution-ShareAlike 4.0');
  });
});

describe('a long word list looked up where it lies', () => {
  test('finds exactly the entries of the list, as a set of them would', () => {
    const entries = ['abend', 'akku', 'akkus', 'bär', 'zelt', 'ärger', 'öl'];
    const list = wordList(entries.join('|'));
    const set = new Set(entries);
    for (const word of [...entries, 'ab', 'abende', 'akk', 'akkusa', 'a', '', 'zz', 'ö', 'äger', 'bar'])
      expect(list.has(word), word).toBe(set.has(word));
    expect(wordList('').has('')).toBe(false);
    expect(wordList('akku').has('akku')).toBe(true);
    // Tails: from the given letter on, at least `shortest` letters long.
    expect(list.hasTail('zeltakkus', 3, 4)).toBe(true);
    expect(list.hasTail('zeltakkus', 5, 4)).toBe(false);
    expect(list.hasTail('zeltöl', 3, 3)).toBe(false);
    expect(list.hasTail('zeltöl', 3, 2)).toBe(true);
  });

  test('German’s noun list reads the same through it as through a set', () => {
    const data = JSON.parse(readFileSync(new URL('de-nouns.json', lexicons), 'utf8')) as { nouns: string };
    const list = wordList(data.nouns);
    const set = new Set(data.nouns.split('|'));
    for (const word of [...set].filter((_, i) => i % 97 === 0)) expect(list.has(word), word).toBe(true);
    for (const word of ['zeltwarenkonzern', 'kalbmeier', 'quellbach', 'regierungx']) expect(list.has(word), word).toBe(set.has(word));
  });
});
