// Finding names costs time in proportion to the text's length, whatever the text repeats: the second stage's document
// features, the clean-up that finds a name whole elsewhere and the merging of variants look names up by word or by key,
// never by scanning every other name for each one (which made 2,000 repetitions of one short pattern take seconds).
import { expect, test } from 'vitest';
import { analyzeText } from '../../lib/analyze';
import { findEntities } from '../../lib/entities';
import { fastest } from '../fixtures/timing';

/** Seconds per unit of text at two sizes 8× apart: linear gives a ratio near 8, quadratic near 64. */
function ratio(make: (units: number) => string, units: number, label: string): number {
  const small = make(units);
  const large = make(units * 8);
  findEntities(small); // warm up
  const tSmall = fastest(() => findEntities(small));
  const tLarge = fastest(() => findEntities(large), 2);
  console.log(`${label}: ${tSmall.toFixed(0)} ms for ${small.length} characters, ${tLarge.toFixed(0)} ms for ${large.length}`);
  return tLarge / Math.max(tSmall, 1);
}

// Made-up names from syllables: every unit of text names people, bodies and places no other unit names.
const SYLLABLES = ['kal', 'ven', 'dor', 'mira', 'tos', 'bel', 'quin', 'rav', 'sol', 'tem', 'ul', 'zar', 'nov', 'pel', 'gri', 'hal'];
const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
function madeUp(i: number, salt: number): string {
  let word = '';
  for (let n = i * 7 + salt, k = 0; k < 3; k++, n = Math.floor(n / SYLLABLES.length)) word += SYLLABLES[n % SYLLABLES.length];
  return capitalised(word);
}
const GIVEN = ['Anna', 'Jeff', 'Maria', 'Omar', 'Li', 'Kofi', 'Elena', 'Raj'];

const distinctNames = (units: number) =>
  Array.from({ length: units }, (_, i) => {
    const person = `${GIVEN[i % GIVEN.length]} ${madeUp(i, 1)}`;
    const body = `${madeUp(i, 2)} Research Institute`;
    return `${person}, a director of the ${body} (${madeUp(i, 2)[0]}RI) in ${madeUp(i, 3)}, said on Monday that ${madeUp(i, 1)} would visit ${madeUp(i, 3)} City.`;
  }).join('\n\n');

const repeatedNames = (units: number) =>
  Array.from(
    { length: units },
    (_, i) => `Jeff Rathke of the State Department met Sartaj Aziz in Washington on day ${i}; Rathke said the US would help.`,
  ).join('\n\n');

test('many distinct names: 8× the text costs about 8× the time, not 64×', () => {
  expect(ratio(distinctNames, 150, 'distinct names')).toBeLessThan(20);
});

test('one set of names repeated: 8× the text costs about 8× the time', () => {
  expect(ratio(repeatedNames, 150, 'repeated names')).toBeLessThan(20);
});

test('a short pattern repeated in one run-on line: linear too', () => {
  expect(ratio((units) => 'A,Jeff '.repeat(units), 500, 'A,Jeff ×n')).toBeLessThan(20);
  // (Sizes whose smaller one takes several milliseconds: at 1–2 ms a single pause of the machine decides the ratio.)
  expect(ratio((units) => 'Jeff Rathke '.repeat(units), 1200, 'Jeff Rathke ×n')).toBeLessThan(20);
});

test('2,000 repetitions of a short name pattern are analysed in well under a second', () => {
  for (const atom of ['A,Jeff ', 'Jeff Rathke ', 'Bank of ', 'Mr. Jeff ']) {
    const text = atom.repeat(2000);
    const start = performance.now();
    analyzeText(text, 'en');
    const took = performance.now() - start;
    console.log(`${JSON.stringify(atom)} × 2,000: ${took.toFixed(0)} ms`);
    expect(took).toBeLessThan(1000);
  }
});
