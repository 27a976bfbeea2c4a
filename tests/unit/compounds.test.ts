// Document-level evidence after a tagger that reads each sentence alone (lib/entities/compounds.ts: namesElsewhere).
// Every sentence here is made up for the test.
import { describe, expect, test } from 'vitest';
import type { EntityType } from '../../lib/analyze/types';
import { namesElsewhere } from '../../lib/entities/compounds';
import type { TypedMention } from '../../lib/entities/merge';
import { tokenize } from '../../lib/entities/tokens';

/** The mentions a tagger found: each [name, type, which occurrence of the name in the text (0 = first)]. */
function tagged(text: string, found: [string, EntityType, number][]): TypedMention[] {
  return found.map(([name, type, nth]) => {
    let start = -1;
    for (let i = 0; i <= nth; i++) start = text.indexOf(name, start + 1);
    return { start, end: start + name.length, text: name, type, titles: [] };
  });
}

const added = (text: string, found: [string, EntityType, number][]) =>
  namesElsewhere(tokenize(text, 'de'), tagged(text, found))
    .filter((m) => !tagged(text, found).some((f) => f.start === m.start && f.end === m.end))
    .map((m) => [text.slice(m.start, m.end), m.type]);

describe('names found elsewhere in the text', () => {
  test.each<[string, string, [string, EntityType, number][], (string | EntityType)[][]]>([
    [
      'a surname alone, after the full name',
      'Der Minister Hubert Kalbmeier sprach lange. Danach betonte Kalbmeier, dass es reiche.',
      [['Hubert Kalbmeier', 'PER', 0]],
      [['Kalbmeier', 'PER']],
    ],
    [
      'a name the tagger found in another sentence, typed as most of its mentions are',
      'Die Firma Quellbach baut Panzer. Quellbach wächst. Quellbach liefert. Man sprach mit Quellbach.',
      [
        ['Quellbach', 'ORG', 0],
        ['Quellbach', 'ORG', 1],
        ['Quellbach', 'LOC', 2],
      ],
      [['Quellbach', 'ORG']],
    ],
    [
      'a longer name before its first word alone',
      'Die Quellbach Holding wächst. Später sprach die Quellbach Holding, nicht Quellbach allein.',
      [['Quellbach Holding', 'ORG', 0]],
      [['Quellbach Holding', 'ORG']],
    ],
    [
      'not a word the tagger left alone more than twice as often as it tagged it',
      'Im Programm Wiesen wird gebaut. Die Wiesen sind nass. Wiesen gibt es hier. Wiesen gibt es dort.',
      [['Wiesen', 'LOC', 0]],
      [],
    ],
    ['not a name shorter than three letters', 'Die EU tagte. Danach sprach die EU.', [['EU', 'ORG', 0]], []],
    ['not a lowercase word', 'Der Verein kalbmeier tagte. Dann kam kalbmeier.', [['kalbmeier', 'ORG', 0]], []],
  ])('%s', (_, text, found, expected) => {
    expect(added(text, found)).toEqual(expected);
  });

  test('leaves the mentions as they are where there is nothing to add', () => {
    const text = 'Hubert Kalbmeier sprach.';
    const mentions = tagged(text, [['Hubert Kalbmeier', 'PER', 0]]);
    expect(namesElsewhere(tokenize(text, 'de'), mentions)).toBe(mentions);
  });
});
