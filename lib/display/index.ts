/**
 * What the popup shows of a page's metadata and names, cleaned once more before display: extraction cleans bylines and
 * publishers at the source, and this guard keeps what a page still gets wrong off the screen ("By By ROBERT BURNS", the
 * outlet as its URL, a social profile's address as the byline, nationalities listed as "other names").
 */
import type { AnalysisResult, Entity } from '../analyze/types';
// The list itself, not lib/entities' index or lexicon.ts, which load every lexicon: this file goes into the popup.
import { DEMONYMS } from '../entities/lexicon-data';

const URL_LIKE = /\b(?:https?:\/\/|www\.)\S+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|co|uk|io|news|info|gov|edu)(?:\/\S*)?\b/gi;
const ADDRESS = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:www\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)(?::\d+)?(?:[/?#]\S*)?$/i;

/** Words written all in capitals become capitalised words ("ROBERT BURNS" → "Robert Burns"); mixed case is kept. */
function unshout(text: string): string {
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length < 4 || letters !== letters.toUpperCase()) return text;
  const small = /^(?:and|of|the|for|de|da|del|van|von|bin|al)$/;
  return text
    .toLowerCase()
    .split(' ')
    .map((word, i) =>
      i > 0 && small.test(word) ? word : word.replace(/(^|['’-])(\p{L})/gu, (_, edge: string, first: string) => edge + first.toUpperCase()),
    )
    .join(' ');
}

/** A byline fit to show after "By": no "By" of its own (however often), no web address, no shouting; null when nothing is left. */
export function cleanByline(byline: string | null | undefined, publisher?: string | null): string | null {
  if (!byline) return null;
  let text = byline.replace(URL_LIKE, ' ').replace(/\s+/g, ' ').trim();
  for (;;) {
    const next = text.replace(/^(?:by|written by|words by)\s*[:\-–—]?\s+/i, '').trim();
    if (next === text) break;
    text = next;
  }
  text = text.replace(/^[\s,;:|·–—-]+|[\s,;:|·–—-]+$/g, '');
  if (!text || !/\p{L}/u.test(text)) return null;
  text = unshout(text);
  if (publisher && text.toLowerCase() === publisher.toLowerCase()) return null;
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

/**
 * The publisher's name to show: the name the page gives, or, where that is an address (or missing), the site's domain
 * ("apnews.com"), never a URL.
 */
export function cleanPublisher(siteName: string | null | undefined, pageUrl?: string | null): string | null {
  const name = siteName?.replace(/\s+/g, ' ').trim() ?? '';
  const address = ADDRESS.exec(name);
  if (name && !address) return unshout(name);
  const host = address?.[1] ?? (pageUrl ? ADDRESS.exec(pageUrl)?.[1] : undefined);
  return host ? host.toLowerCase().replace(/^www\./, '') : null;
}

const DEMONYM = new Set(DEMONYMS.split('|'));
/** Parties said of people like adjectives ("a Democratic senator", "the Tories"). */
const PARTY =
  /^(?:democrat|democrats|democratic|republican|republicans|conservative|conservatives|labour|liberal|liberals|tory|tories|socialist|socialists|communist|communists|libertarian|libertarians|progressive|progressives|nationalist|nationalists|unionist|unionists|gop)$/i;
/** How names of peoples, faiths and movements end ("Pakistani", "Afghan", "Chinese", "British", "Islamic", "Shiite"). */
const PEOPLE_ENDING = /(?:an|ans|ese|ish|ch|i|is|ic|ist|ists|ite|ites|ean|eans)$/i;
/** Plurals that name a people or a group ("Afghans", "Pakistanis", "Islamists"): never a product's or event's name. */
const PEOPLE_PLURAL = /(?:ans|is|ists|ites|eans)$/i;

/**
 * Whether an "other name" only describes ("Pakistani", "American", "Democratic", "Islamist"): one word that is a
 * nationality or a party, or that ends like one and is a plural of people or written before a noun ("Afghan forces").
 */
export function isDescriptor(entity: Entity, text: string): boolean {
  const forms = [entity.name, ...entity.variants];
  if (forms.some((f) => /\s/.test(f.trim()))) return false;
  const word = entity.name.trim();
  const lower = word.toLowerCase();
  if (DEMONYM.has(lower) || PARTY.test(word)) return true;
  if (!PEOPLE_ENDING.test(word) || !/^\p{Lu}\p{Ll}+$/u.test(word)) return false;
  if (PEOPLE_PLURAL.test(word)) return true;
  const beforeNoun = entity.mentions.filter((m) => /^\s+\p{Ll}/u.test(text.slice(m.end, m.end + 3))).length;
  return entity.mentions.length > 0 && beforeNoun * 2 >= entity.mentions.length;
}

/** The article's "other names" worth listing: products, works, events, laws; not the words that only describe. */
export function otherNames(result: Pick<AnalysisResult, 'entities' | 'article'>): Entity[] {
  const text = result.article?.text ?? '';
  return result.entities.filter((e) => e.type === 'MISC' && !isDescriptor(e, text));
}
