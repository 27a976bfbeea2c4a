import type { EntityType } from '../analyze/types';
import type { ArticleContext, ContextEntity } from './context';
import { regionNamed } from './regions';
import { fold, nameKey } from './text';

/** A name to link, as the caller knows it: the article's entity id, its name and type. */
export interface NameToLink {
  id: string;
  name: string;
  type: EntityType;
  dateline?: boolean;
  /** sent only to help pick the others (the article's places): its own look-up may fail without a word */
  contextOnly?: boolean;
}

export type LinkType = 'PER' | 'ORG' | 'LOC';

/** One search and one decision, shared by every name of the article that stands for the same thing. */
export interface LookUp {
  key: string;
  /** what is searched for: the name, or the fuller name it stands for */
  query: string;
  type: LinkType;
  /** ids of the names this decides */
  ids: string[];
  /** what the article says around the name looked up (dateline, qualifier, age, titles) */
  about: ContextEntity | undefined;
}

const GENERIC_ORG_WORDS =
  'university college school institute institution inc incorporated corp corporation company co group party club foundation ' +
  'association society bank airline airlines motor motors holdings ltd llc plc fc cf ag sa gmbh international industries ' +
  'technologies systems partners media entertainment enterprises trust council agency department commission authority hospital';
const isGenericOrgWord = (w: string) => ` ${GENERIC_ORG_WORDS} `.includes(` ${w} `);
const FUNCTION_WORDS = ['of', 'the', 'and', 'for', 'de', 'la', 'el', 'al', 'du', 'des', 'y', '&'];

const words = (name: string) => nameKey(name).split(' ').filter(Boolean);

function surname(ws: string[]): string | undefined {
  const last = ws.length - 1;
  return last > 1 && /^(jr|sr|ii|iii|iv)$/.test(ws[last] as string) ? ws[last - 1] : ws[last];
}

function initials(name: string): string {
  return words(name)
    .filter((w) => !FUNCTION_WORDS.includes(w))
    .map((w) => w[0])
    .join('');
}

/** The one entity of `pool` the most mentioned, or 'ambiguous' when two tie. */
function mostMentioned(pool: ContextEntity[]): ContextEntity | 'ambiguous' | null {
  if (!pool.length) return null;
  const sorted = [...pool].sort((a, b) => b.mentions - a.mentions);
  return pool.length > 1 && sorted[0]?.mentions === sorted[1]?.mentions ? 'ambiguous' : (sorted[0] as ContextEntity);
}

/**
 * The entity of the article that `e` is a short form of: a surname or first name alone after the full name ("Rauner",
 * never a place), an acronym of a name the article spells out ("NEA" after "National Education Association"), or a
 * body's short name ("Ford" after "Ford Motor Company", "Heat" after "Miami Heat"). A dateline or a qualified place
 * stands for itself. 'ambiguous' when two people share the surname equally.
 */
export function shortFormOf(e: ContextEntity, all: ContextEntity[], wordsOf: (name: string) => string[] = words): ContextEntity | 'ambiguous' | null {
  if (e.dateline || e.qualifier || e.type === 'MISC') return null;
  const own = wordsOf(e.name);
  if (!own.length) return null;
  const others = all.filter((o) => o.id !== e.id && wordsOf(o.name).length > own.length);
  if (own.length === 1) {
    const [w] = own;
    // The full name comes first; a surname before it is someone else's, or a place.
    const people = others.filter((o) => o.type === 'PER' && o.first < e.first);
    const bySurname = mostMentioned(people.filter((p) => surname(wordsOf(p.name)) === w));
    if (bySurname) return bySurname;
    if (e.type === 'PER') {
      const byFirstName = mostMentioned(people.filter((p) => wordsOf(p.name)[0] === w));
      if (byFirstName) return byFirstName;
    }
  }
  const compact = e.name.replace(/\./g, '');
  if (/^[A-Z]{2,6}$/.test(compact)) {
    const spelled = mostMentioned(others.filter((o) => o.type !== 'PER' && initials(o.name) === compact.toLowerCase()));
    if (spelled) return spelled;
  }
  // "Oxford" after "University of Oxford", "Stanford" after "Stanford University": the body, not the place.
  const schoolOf = mostMentioned(
    others.filter((o) => {
      if ((o.type !== 'ORG' && o.type !== 'MISC') || o.first > e.first) return false;
      const ws = wordsOf(o.name);
      const rest =
        ws[0] === 'university' && ws[1] === 'of' ? ws.slice(2) : ['university', 'college'].includes(ws.at(-1) as string) ? ws.slice(0, -1) : null;
      return !!rest && rest.join(' ') === own.join(' ');
    }),
  );
  if (schoolOf) return schoolOf;
  if (e.type === 'ORG') {
    const longer = others.filter((o) => o.type === 'ORG' || o.type === 'MISC');
    const prefixOf = longer.filter((o) => {
      const ws = wordsOf(o.name);
      return own.every((w, i) => ws[i] === w) && ws.slice(own.length).every((w) => isGenericOrgWord(w));
    });
    const suffixOf = own.length === 1 ? longer.filter((o) => o.type === 'ORG' && wordsOf(o.name).at(-1) === own[0]) : [];
    const found = mostMentioned(prefixOf.length ? prefixOf : suffixOf);
    if (found) return found;
  }
  return null;
}

const linkType = (t: EntityType): LinkType => (t === 'MISC' ? 'ORG' : t);

/**
 * What to search for: each name once, merged before linking. A short form is decided as the name it stands for (never
 * looked up alone); a region's abbreviation as the region ("Ont" → "Ontario"); names the article writes the same way
 * share one look-up. Names left out (MISC, a surname two people share) get no match without a request.
 */
export function planLookUps(names: NameToLink[], context?: ArticleContext): { lookUps: LookUp[]; unmatched: string[] } {
  const byKey = new Map<string, LookUp>();
  const unmatched: string[] = [];
  const all = context?.entities ?? [];
  // Each name is split into words once, however many other names it is compared with.
  const cache = new Map<string, string[]>();
  const wordsOf = (name: string) => {
    const known = cache.get(name);
    if (known) return known;
    const ws = words(name);
    cache.set(name, ws);
    return ws;
  };
  for (const n of names) {
    if (n.type === 'MISC' || !n.name.trim()) {
      unmatched.push(n.id);
      continue;
    }
    const self: ContextEntity = all.find((e) => e.id === n.id) ?? {
      id: n.id,
      name: n.name,
      type: n.type,
      variants: [n.name],
      titles: [],
      mentions: 1,
      first: 0,
      ...(n.dateline ? { dateline: true } : {}),
    };
    const target = shortFormOf(self, all, wordsOf);
    if (target === 'ambiguous') {
      unmatched.push(n.id);
      continue;
    }
    let query = (target ?? self).name;
    let type = linkType((target ?? self).type);
    const about = target ?? self;
    const region = type === 'LOC' && !target ? regionNamed(query) : null;
    if (region && fold(region) !== fold(query)) {
      query = region;
      type = 'LOC';
    }
    // A name written as a team is another look-up than the same name as a place ("Ga." and "Georgia beat ...").
    const key = `${type}|${about.team ? 'team|' : ''}${nameKey(query)}`;
    const existing = byKey.get(key);
    if (existing) existing.ids.push(n.id);
    else byKey.set(key, { key, query, type, ids: [n.id], about: about === self && region ? { ...self, name: query } : about });
  }
  return { lookUps: [...byKey.values()], unmatched };
}
