/** The English resources the name tagger's features read: word classes, phrase gazetteers and word clusters, as data. */

import speechEn from '../text/speech/en.json';
import { readClusters } from './clusters';
import type { NerResources } from './features';
import {
  CALENDAR_WORDS,
  DEMONYMS,
  ENGLISH_WORDS,
  EVENT_HEADS,
  EVENT_PREFIXES,
  FIRST_NAMES,
  FUNCTION_WORDS,
  KNOWN_ORGS,
  KNOWN_PEOPLE,
  LAST_NAMES,
  NAME_PARTICLES,
  ORG_HEADS,
  ORG_OF_HEADS,
  PARTY_WORDS,
  PLACE_HEADS,
  PLACE_PREFIXES,
  PLACES,
  RELIGIONS,
  TITLE_MODIFIERS,
  TITLES,
} from './lexicon';
import { readNameFilter } from './names';

// (A loop, not a spread into an array: this set is built at a cold start.)
function wordsOf(entries: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const e of entries) for (const w of e.split(' ')) if (w.length > 1) out.add(w);
  return out;
}

let english: NerResources | null = null;
const withClusters = new WeakMap<Uint8Array, NerResources>();
const withNames = new WeakMap<NerResources, WeakMap<Uint8Array, NerResources>>();

/**
 * The English resources, with the word clusters of `clusters` (a table from the model file or data/clusters) and the
 * personal-name filter of `names` (from the model file or data/lexicons) as the word class 'name'. Built on first use
 * (some 60,000 words go into sets): only where the tagger runs.
 */
export function englishResources(clusters: Uint8Array | null = null, id?: string, names: Uint8Array | null = null): NerResources {
  const base = baseResources();
  let r = base;
  if (clusters) {
    r = withClusters.get(clusters) ?? { ...base, id: `${base.id}+clusters`, clusters: readClusters(clusters) };
    withClusters.set(clusters, r);
  }
  if (names) {
    const byNames = withNames.get(r) ?? new WeakMap<Uint8Array, NerResources>();
    withNames.set(r, byNames);
    const before = r;
    r = byNames.get(names) ?? { ...before, id: `${before.id}+names`, classes: [...before.classes, ['name', readNameFilter(names)]] };
    byNames.set(names, r);
  }
  return id ? ablated(r, id) : r;
}

/** The resources less a part, for measuring what each adds (scripts/train-ner.ts --no-lexicons, --no-shapes). */
export function ablated(r: NerResources, id: string): NerResources {
  let out = r;
  if (id.includes('-nolex') && !out.id.includes('-nolex'))
    out = { ...out, id: `${out.id}-nolex`, classes: out.classes.map(([n]) => [n, new Set<string>()] as const), phrases: [] };
  if (id.includes('-noshape') && !out.id.includes('-noshape')) out = { ...out, id: `${out.id}-noshape`, withoutShapeTests: true };
  return out;
}

function baseResources(): NerResources {
  if (english) return english;
  const classes: [string, { has(word: string): boolean }][] = [
    ['first', FIRST_NAMES],
    ['last', LAST_NAMES],
    ['place', PLACES.words],
    ['org', KNOWN_ORGS.words],
    ['demonym', DEMONYMS],
    ['person-word', wordsOf(KNOWN_PEOPLE)],
    ['common', ENGLISH_WORDS],
    ['function', FUNCTION_WORDS],
    ['title', TITLES],
    ['org-head', ORG_HEADS],
    ['place-head', PLACE_HEADS],
    ['place-prefix', PLACE_PREFIXES],
    ['event-head', EVENT_HEADS],
    ['event-prefix', EVENT_PREFIXES],
    ['particle', NAME_PARTICLES],
    ['speech', new Set(speechEn.nameContextVerbs.split('|'))],
    ['calendar', CALENDAR_WORDS],
    ['org-of', ORG_OF_HEADS],
    ['title-modifier', TITLE_MODIFIERS],
    ['party', PARTY_WORDS],
    ['religion', RELIGIONS],
  ];
  const index = (name: string) => classes.findIndex(([n]) => n === name);
  english = {
    id: 'en-1',
    classes,
    phrases: [
      ['place', PLACES.phrases],
      ['org', KNOWN_ORGS.phrases],
      ['person', KNOWN_PEOPLE.phrases],
    ],
    connectors: new Set('of|for|and|&|de|da|di|du|del|della|van|von|der|den|la|le|bin|ibn|al|el|y|dos|das|on|upon'.split('|')),
    headClasses: [
      'first',
      'last',
      'place',
      'org',
      'demonym',
      'title',
      'org-head',
      'place-head',
      'place-prefix',
      'event-head',
      'event-prefix',
      'org-of',
    ].map(index),
    titleClass: index('title'),
    speechClass: index('speech'),
    functionClass: index('function'),
  };
  return english;
}
