// The training corpora read in the product's labelling convention (scripts/ner/corpus.ts): UNER's countries and cities
// that stand for their government become LOC, CrossNER science's MISC spans may also be LOC (partial labels), and
// German national bodies that GermEval leaves O are ORG.
import { describe, expect, test } from 'vitest';
import { provideNerLexiconSource, resourcesFor } from '../../lib/entities/languages';
import { ENTITY_TYPES, spansOf, tagOf } from '../../lib/entities/tagger';
import { bodyNames, harmonised, PLACES_AS_LOC, readManifest, readSplit } from '../../scripts/ner/corpus';
import { LANGUAGE_SPLITS } from '../../scripts/ner/languages';
import { readNerLexicon } from '../../scripts/ner-lexicons.mjs';

const manifest = readManifest();
const typeCounts = (source: string, split: string, options: Parameters<typeof readSplit>[3]) => {
  const counts = [0, 0, 0, 0];
  for (const s of readSplit(source, split, manifest, options)) for (const span of spansOf(s.gold)) counts[span.type] = (counts[span.type] ?? 0) + 1;
  return counts;
};

describe('harmonised corpus labels', () => {
  test('place names of the lexicon, not firms named after a town or known organisations', () => {
    expect(PLACES_AS_LOC.has('china')).toBe(true);
    expect(PLACES_AS_LOC.has('hong kong')).toBe(true);
    expect(PLACES_AS_LOC.has('edison')).toBe(false);
    expect(PLACES_AS_LOC.has('eu')).toBe(false);
  });

  test('UNER PUD: ORG spans that are place names become LOC, and nothing else changes', () => {
    const raw = typeCounts('uner-pud', 'test', { misc: 'mask' });
    const moved = typeCounts('uner-pud', 'test', { misc: 'mask', ...harmonised('uner-pud') });
    const shift = (raw[1] as number) - (moved[1] as number);
    // (A few dozen of its 235 ORG spans: "China said", "Beijing's response".)
    expect(shift).toBeGreaterThan(20);
    expect(shift).toBeLessThan(80);
    expect(moved[2]).toBe((raw[2] as number) + shift);
    expect(moved[0]).toBe(raw[0]);
  });

  test('CrossNER science: a MISC span may be MISC or LOC, and other spans keep their one tag', () => {
    const sentences = readSplit('crossner-science', 'train', manifest, { misc: 'mask', ...harmonised('crossner-science') });
    let misc = 0;
    for (const s of sentences)
      for (const span of spansOf(s.gold)) {
        // (Partial labels only where a sentence has a MISC span.)
        if (span.type !== 3 && s.allowed === null) continue;
        expect(s.allowed).not.toBeNull();
        const allowed = (s.allowed as Uint32Array)[span.start] as number;
        const position = span.end - span.start === 1 ? 3 : 0;
        expect((allowed >> (s.gold[span.start] as number)) & 1).toBe(1);
        const alsoLoc = (allowed >> tagOf(ENTITY_TYPES.indexOf('LOC'), position)) & 1;
        expect(alsoLoc).toBe(span.type === 3 || span.type === 2 ? 1 : 0);
        if (span.type === 3) misc++;
      }
    expect(misc).toBeGreaterThan(100);
    // Sources without the mapping keep exact labels.
    expect(
      readSplit('crossner-politics', 'train', manifest, { misc: 'mask', ...harmonised('crossner-politics') }).every((s) => s.allowed === null),
    ).toBe(true);
  });
});

describe("German bodies' names in the news convention", () => {
  provideNerLexiconSource(readNerLexicon);
  const prefixes = LANGUAGE_SPLITS.de?.bodiesAsOrg ?? [];

  test('a national prefix and the head of a body, not other words with the prefix', () => {
    const bodies = bodyNames(prefixes, resourcesFor('de'));
    for (const word of ['Bundesregierung', 'Bundesrates', 'Bundesverkehrsministerium', 'Bundesamt']) expect(bodies.has(word)).toBe(true);
    for (const word of ['Bundesland', 'Bundestrainer', 'Bundesstraße', 'bundesregierung', 'Regierung', 'Landesregierung'])
      expect(bodies.has(word)).toBe(false);
  });

  test('GermEval: only words outside names become one-word ORG spans, and nothing else changes', () => {
    const german = readManifest('de');
    const counts = (options: Parameters<typeof readSplit>[3]) => {
      const out = [0, 0, 0, 0];
      for (const s of readSplit('germeval', 'test', german, options)) for (const span of spansOf(s.gold)) out[span.type] = (out[span.type] ?? 0) + 1;
      return out;
    };
    const bodies = bodyNames(prefixes, resourcesFor('de'));
    const raw = counts({ misc: 'mask' });
    const moved = counts({ misc: 'mask', bodiesAsOrg: bodies });
    // ("Bundesregierung" alone is O eleven times in GermEval's test split.)
    expect(bodies.read).toBeGreaterThanOrEqual(11);
    expect(moved[1]).toBe((raw[1] as number) + bodies.read);
    expect([moved[0], moved[2], moved[3]]).toEqual([raw[0], raw[2], raw[3]]);
  });
});
