import { describe, expect, test } from 'vitest';
import type { EntityType } from '../../lib/analyze';
import { findEntities } from '../../lib/entities';

const typeOf = (text: string, name: string) => findEntities(text).entities.find((e) => e.name === name)?.type;

test.each<[string, string, EntityType | undefined]>([
  // A craft's or an instrument's kind after its name.
  ['The Galileo and Ulysses spacecraft carried dust detectors.', 'Galileo', 'MISC'],
  ['The Galileo and Ulysses spacecraft carried dust detectors.', 'Ulysses', 'MISC'],
  ['Images from the Hubble telescope were shared.', 'Hubble', 'MISC'],
  ['The Cassini orbiter ended its mission.', 'Cassini', 'MISC'],
  // The body that runs the craft, and a place, stay what they are.
  ['The NASA probe was launched.', 'NASA', 'ORG'],
  ['The India satellite failed.', 'India', 'LOC'],
  // An acronym spelled out in capitalised words that name no body is a thing too.
  ["Wikinews interviewed him for May's Interview of the Month (IOTM) on May 18.", 'IOTM', 'MISC'],
  ['He was named Most Valuable Player (MVP) of the series.', 'MVP', undefined],
  ['The Foreign Office (FO) said so.', 'Foreign Office', 'ORG'],
  ['He joined the Centre for Social Evolution (CSE) in 2012.', 'Centre for Social Evolution', 'ORG'],
  // A squad named by its place or its sponsor is a body, at a sentence start too.
  ['Team Estonia had to rebuild their robot.', 'Team Estonia', 'ORG'],
  ['The stage was won by Team Sky.', 'Team Sky', 'ORG'],
  ['Team members said so.', 'Team', undefined],
  ['Team Leader John Smith spoke.', 'John Smith', 'PER'],
  // A competition's group by its letter, at a line's start.
  ['Group F — Sweden 1 – 0 Korea Republic\n\nSweden won.', 'Group F', 'ORG'],
  ['Group leaders met on Monday.', 'Group', undefined],
  // A famous street is a place, by the gazetteer.
  ['It can be a real mess on Broadway.', 'Broadway', 'LOC'],
  // Protocols are no bodies.
  ['The interview was conducted on IRC with many people.', 'IRC', undefined],
])('%s: %s → %s', (text, name, type) => {
  expect(typeOf(text, name)).toBe(type);
});

describe('a word the text writes in lowercase is a plain word there', () => {
  test('"learning in Ants" is no place where the text speaks of "ants"', () => {
    const text = 'I did a project on learning in Ants under supervision. Some species eat aphids and dead ants.';
    expect(typeOf(text, 'Ants')).toBeUndefined();
  });

  test('"Standalone Wasm" is no one, and "Wasm" no surname, where "standalone" is a plain word', () => {
    const text =
      'Standalone Wasm files run anywhere. Wasm is fast. Wasm is small. Wasm is safe. Build it in standalone mode, ' + 'or use the standalone flag.';
    const people = findEntities(text).entities.filter((e) => e.type === 'PER');
    expect(people).toEqual([]);
  });

  test('a word named many times before a longer name is no surname of it ("Stardust", then "JPL Stardust")', () => {
    const text = [
      'Stardust flew past a comet. Stardust returned dust. Stardust landed in Utah. Stardust was a success.',
      'Watch the launch on the JPL Stardust website.',
    ].join(' ');
    expect(findEntities(text).entities.filter((e) => e.type === 'PER')).toEqual([]);
  });

  test('a name shaped like a person\'s takes back its surname named before it ("de Jong", "Michiel B. de Jong")', () => {
    const text = [
      'de Jong [Page 1] The server stores documents. de Jong [Page 2] The client reads them. de Jong [Page 3] More text.',
      "Author's Address: Michiel B. de Jong, IndieHosters, Amsterdam.",
    ].join('\n\n');
    const entity = findEntities(text).entities.find((e) => e.name === 'Michiel B. de Jong');
    expect(entity?.type).toBe('PER');
    expect(entity?.mentions.length).toBe(4);
  });
});

test.each<[string, string]>([
  ['Thomas Sam and Manju Sam were convicted. Despite the illness, the Sams continued to shun medicine.', 'Sams'],
  ['Tom Jones sang. Later the Joneses left the party.', 'Joneses'],
])('a family by the plural of a surname: %s', (text, family) => {
  expect(typeOf(text, family)).toBe('PER');
});

test('a plural that is no family stays out: "the Pirates" with no one named Pirate', () => {
  expect(typeOf('Later the Pirates won the game.', 'Pirates')).toBeUndefined();
});

describe('the kind of thing the words around a name say it is', () => {
  test.each<[string, string, EntityType | undefined]>([
    ["Do you want titles by publishers who are open to the concept, such as O'Reilly?", "O'Reilly", 'ORG'],
    ['Bars and restaurants hire firms such as Let There Be Neon in Manhattan.', 'Let There Be Neon', 'ORG'],
    ['By the way, AKMA was the first guy I know of to do this.', 'AKMA', 'PER'],
    ['Silego Technology is a fabless semiconductor company.', 'Silego Technology', 'ORG'],
    ['He visited countries like Jordan and Peru.', 'Jordan', 'LOC'],
    ['Such authors as Austen are read.', 'Austen', 'PER'],
    // The nearest plural decides, and a singular before "including" names no kind of its members.
    ['As organizations adopt new technologies such as AI, they change.', 'AI', undefined],
    ['It attacked defectors from the organization including Tom Devocht.', 'Tom Devocht', 'PER'],
    // "like" as a verb says nothing.
    ['I like Paris very much.', 'Paris', 'LOC'],
  ])('%s: %s → %s', (text, name, type) => {
    expect(typeOf(text, name)).toBe(type);
  });
});
