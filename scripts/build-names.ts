// Writes data/lexicons/names.bin: personal names (given names and surnames, many languages) as a Bloom filter for the
// name tagger's 'name' word class, from
// - humannames 1.0.5 (MIT, Alex Corvi, github.com/finnlp/humannames): ~197,000 male and female first and last names;
// - @cspell/dict-people-names 1.1.16 (MIT, Street Side Software, github.com/streetsidesoftware/cspell-dicts): ~39,000.
// `npm run names:build` rewrites it (both packages are dev dependencies); `npm run train:ner` copies it into the model.
import { readFileSync, writeFileSync } from 'node:fs';
import { writeNameFilter } from '../lib/entities/names';

const lines = (path: string) => readFileSync(new URL(`../node_modules/${path}`, import.meta.url), 'utf8').split(/\r?\n/);
const names = new Set<string>();
for (const line of [...lines('humannames/list.txt'), ...lines('@cspell/dict-people-names/dict/people-names.txt')]) {
  const name = line.trim().toLowerCase();
  // Names only: letters with inner apostrophes or hyphens, two letters or more (no comments, no initials).
  if (/^\p{L}[\p{L}'’-]*\p{L}$/u.test(name)) names.add(name);
}
const sorted = [...names].sort();
// 2^21 bits (256 kB) and 7 hashes: about 1 % of other words test positive with ~200,000 names.
const out = writeNameFilter(sorted, 21, 7);
const file = new URL('../data/lexicons/names.bin', import.meta.url).pathname;
writeFileSync(file, out);
console.log(`wrote ${file}: ${sorted.length} names, ${(out.length / 1024).toFixed(0)} kB`);
