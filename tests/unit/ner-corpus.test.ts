// The training corpora read in the product's labelling convention (scripts/ner/corpus.ts): UNER's countries and cities
// that stand for their government become LOC, and CrossNER science's MISC spans may also be LOC (partial labels).
import { describe, expect, test } from 'vitest';
import { ENTITY_TYPES, spansOf, tagOf } from '../../lib/entities/tagger';
import { harmonised, PLACES_AS_LOC, readManifest, readSplit } from '../../scripts/ner/corpus';

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
