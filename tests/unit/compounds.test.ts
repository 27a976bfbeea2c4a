// Document-level evidence after a tagger that reads each sentence alone (lib/entities/compounds.ts: namesElsewhere,
// firmsAfterHeads, bodiesBeforePlaces).
// Every sentence here is made up for the test.
import { describe, expect, test } from 'vitest';
import type { EntityType } from '../../lib/analyze/types';
import { bodiesBeforePlaces, firmsAfterHeads, namesElsewhere } from '../../lib/entities/compounds';
import { firmHeads, provideNerLexiconSource, resourcesFor } from '../../lib/entities/languages';
import type { TypedMention } from '../../lib/entities/merge';
import { tokenize } from '../../lib/entities/tokens';
import { readNerLexicon } from '../../scripts/ner-lexicons.mjs';

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

describe('firms named after a noun for a firm', () => {
  provideNerLexiconSource(readNerLexicon);
  const heads = firmHeads('de') as ReadonlySet<string>;
  const typed = (text: string, found: [string, EntityType, number][]) =>
    firmsAfterHeads(tokenize(text, 'de'), tagged(text, found), heads, (name) => name === 'Quelland').map((m) => [m.text, m.type]);

  test.each<[string, string, [string, EntityType, number][], (string | EntityType)[][]]>([
    [
      'a name after a compound of a firm noun, and its other mentions written alike',
      'Der Rüstungskonzern Quellberg liefert. Quellberg wächst. In Quellberg selbst wohnt niemand.',
      [
        ['Quellberg', 'LOC', 0],
        ['Quellberg', 'LOC', 1],
        ['Quellberg', 'LOC', 2],
      ],
      [
        ['Quellberg', 'ORG'],
        ['Quellberg', 'ORG'],
        ['Quellberg', 'ORG'],
      ],
    ],
    [
      'a genitive of the noun, and a name the tagger typed ORG there but PER elsewhere',
      'Die Anleihe des Herstellers Kalbmeier Bau fiel. Kalbmeier Bau meldete Verluste.',
      [
        ['Kalbmeier Bau', 'ORG', 0],
        ['Kalbmeier Bau', 'PER', 1],
      ],
      [
        ['Kalbmeier Bau', 'ORG'],
        ['Kalbmeier Bau', 'ORG'],
      ],
    ],
    [
      'a mention the tagger began with the noun, cut to the name',
      'Der Autobauer Quellmotor wächst.',
      [['Autobauer Quellmotor', 'LOC', 0]],
      [['Quellmotor', 'ORG']],
    ],
    [
      'not after the head of a body, which a town follows',
      'Der Landkreis Quellberg tagte. Quellberg liegt am Fluss.',
      [
        ['Quellberg', 'LOC', 0],
        ['Quellberg', 'LOC', 1],
      ],
      [
        ['Quellberg', 'LOC'],
        ['Quellberg', 'LOC'],
      ],
    ],
    ['not a known place', 'Das Unternehmen Quelland braucht Reformen.', [['Quelland', 'LOC', 0]], [['Quelland', 'LOC']]],
    ['not a person named in the genitive', 'Der Konzern Jana Kalbmeiers wächst.', [['Jana Kalbmeiers', 'PER', 0]], [['Jana Kalbmeiers', 'PER']]],
    ['not across a sentence end', 'Ein Bericht über den Konzern\n\nQuellberg liegt am Fluss.', [['Quellberg', 'LOC', 0]], [['Quellberg', 'LOC']]],
  ])('%s', (_, text, found, expected) => {
    expect(typed(text, found)).toEqual(expected);
  });

  test('English has no such nouns: capitals tell its tagger', () => {
    expect(firmHeads('en')).toBeNull();
  });
});

describe("a place after a body's head is the body's name", () => {
  provideNerLexiconSource(readNerLexicon);
  const named = (text: string, found: [string, EntityType, number][], language = 'de') =>
    bodiesBeforePlaces(tokenize(text, language), tagged(text, found), resourcesFor(language)).map((m) => [m.text, m.type]);

  test.each<[string, string, [string, EntityType, number][], (string | EntityType)[][]]>([
    ['a head of a body', 'Das Landgericht Quellstadt urteilte.', [['Quellstadt', 'LOC', 0]], [['Landgericht Quellstadt', 'ORG']]],
    [
      'a compound ending in one, in the genitive',
      'Der Leiter des Gesundheitsministeriums Oberquell sprach.',
      [['Oberquell', 'LOC', 0]],
      [['Gesundheitsministeriums Oberquell', 'ORG']],
    ],
    ["not after a place's head", 'Der Landkreis Quellstadt wächst.', [['Quellstadt', 'LOC', 0]], [['Quellstadt', 'LOC']]],
    ['not a place in the genitive', 'Die Regierung Quellands tagte.', [['Quellands', 'LOC', 0]], [['Quellands', 'LOC']]],
    ['not a person', 'Das Institut Kalbmeier forscht.', [['Kalbmeier', 'PER', 0]], [['Kalbmeier', 'PER']]],
    [
      "not a head that is another mention's",
      'Das Quellbach Institut Oberquell forscht.',
      [
        ['Quellbach Institut', 'ORG', 0],
        ['Oberquell', 'LOC', 0],
      ],
      [
        ['Quellbach Institut', 'ORG'],
        ['Oberquell', 'LOC'],
      ],
    ],
    ['not a lowercase word', 'Es wird gericht Quellstadt genannt.', [['Quellstadt', 'LOC', 0]], [['Quellstadt', 'LOC']]],
  ])('%s', (_, text, found, expected) => {
    expect(named(text, found)).toEqual(expected);
  });

  test('English has no compound classes: its mentions are returned as they are', () => {
    const text = 'The Court Springfield ruled.';
    const mentions = tagged(text, [['Springfield', 'LOC', 0]]);
    expect(bodiesBeforePlaces(tokenize(text, 'en'), mentions, resourcesFor('en'))).toBe(mentions);
  });
});
