import { expect, test } from 'vitest';
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
  // Protocols are no bodies.
  ['The interview was conducted on IRC with many people.', 'IRC', undefined],
])('%s: %s → %s', (text, name, type) => {
  expect(typeOf(text, name)).toBe(type);
});
