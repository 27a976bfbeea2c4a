/**
 * The name tagger's resources per language: English's are built in resources.ts; another language's come from its data
 * file (lexicons/<lang>.json, with function words and speech verbs from lib/text/speech/<lang>.json) and share the
 * feature function. Given names, surnames and places are international enough to be shared with English's lexicon.
 */
import speechDe from '../text/speech/de.json';
import speechFr from '../text/speech/fr.json';
import speechPt from '../text/speech/pt.json';
import speechRu from '../text/speech/ru.json';
import { readClusters } from './clusters';
import type { NerResources } from './features';
import { FIRST_NAMES, LAST_NAMES, NAME_PARTICLES, PLACES } from './lexicon';
import german from './lexicons/de.json';
import germanPlaces from './lexicons/de-places.json';
import french from './lexicons/fr.json';
import portuguese from './lexicons/pt.json';
import russian from './lexicons/ru.json';
import { ablated, englishResources } from './resources';

interface LexiconData {
  language: string;
  title: string;
  orgHead: string;
  placeHead: string;
  placePrefix: string;
  calendar: string;
  demonym: string;
  places: string;
  orgs: string;
  connectors: string;
  headClasses: string;
  firstNames: string;
  lastNames: string;
}

const words = (list: string) => new Set(list.split('|').filter(Boolean));
const singleWords = (entries: ReadonlySet<string>) => new Set([...entries].filter((e) => !e.includes(' ')));

function fromData(data: LexiconData, places: string, speech: { speechVerbs: string; functionWords: string }, version: number): NerResources {
  const gazetteer = new Set([...PLACES, ...words(data.places), ...words(places)]);
  const classes: [string, ReadonlySet<string>][] = [
    ['first', new Set([...FIRST_NAMES, ...words(data.firstNames)])],
    ['last', new Set([...LAST_NAMES, ...words(data.lastNames)])],
    ['place', singleWords(gazetteer)],
    ['org', words(data.orgs)],
    ['demonym', words(data.demonym)],
    ['function', words(speech.functionWords)],
    ['title', words(data.title)],
    ['org-head', words(data.orgHead)],
    ['place-head', words(data.placeHead)],
    ['place-prefix', words(data.placePrefix)],
    ['particle', NAME_PARTICLES],
    ['speech', words(speech.speechVerbs)],
    ['calendar', words(data.calendar)],
  ];
  const index = (name: string) => classes.findIndex(([n]) => n === name);
  return {
    id: `${data.language}-${version}`,
    classes,
    phrases: [['place', new Set([...gazetteer].filter((e) => e.includes(' ')))]],
    connectors: words(data.connectors),
    headClasses: data.headClasses.split('|').map(index),
    titleClass: index('title'),
    speechClass: index('speech'),
    functionClass: index('function'),
  };
}

const BUILDERS: Record<string, () => NerResources> = {
  de: () => fromData(german as LexiconData, germanPlaces.places, speechDe, 2),
  fr: () => fromData(french as LexiconData, '', speechFr, 1),
  pt: () => fromData(portuguese as LexiconData, '', speechPt, 1),
  ru: () => fromData(russian as LexiconData, '', speechRu, 1),
};
const built = new Map<string, NerResources>();
const withClusters = new WeakMap<Uint8Array, NerResources>();

/** The languages whose resources are here (a shipped model is the other half: see model.ts). */
export const NER_LANGUAGES = ['en', ...Object.keys(BUILDERS)];

/**
 * The resources of `language`, with a model's word clusters and personal-name filter when it has them (English's do),
 * less a part when `id` says so.
 */
export function resourcesFor(language: string, clusters: Uint8Array | null = null, id?: string, names: Uint8Array | null = null): NerResources {
  const build = BUILDERS[language];
  if (!build) return englishResources(clusters, id, names);
  let r = built.get(language);
  if (!r) {
    r = build();
    built.set(language, r);
  }
  if (clusters) {
    const base = r;
    r = withClusters.get(clusters) ?? { ...base, id: `${base.id}+clusters`, clusters: readClusters(clusters) };
    withClusters.set(clusters, r);
  }
  return id ? ablated(r, id) : r;
}
