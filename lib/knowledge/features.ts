import type { Kind } from './classes';
import { kindFit } from './classes';
import type { ArticleContext, ContextEntity } from './context';
import type { LinkType, LookUp } from './lookups';
import { containsPhrase, contentWords, fold, nameKey, plainPersonName, stem } from './text';
import { compareDates, heldAt, itemValues, timeValue, type WikidataEntity, type WikidataTime } from './wikidata';

/** An item a name may stand for, with what the search and the look-ups found about it. */
export interface Candidate {
  entity: WikidataEntity;
  kinds: Kind[];
  /** position in the search results */
  rank: number;
  /** the label or alias the search matched */
  matched: string | null;
  /** the Wikipedia intro, when fetched */
  extract: string | null;
}

/** Labels and descriptions of the items candidates point to (their places, employers, teams, offices). */
export interface Related {
  label: string | null;
  aliases: string[];
  description: string | null;
}

export interface Features {
  name: number;
  fit: number;
  team: number;
  context: number;
  relations: number;
  qualifier: number;
  dateline: number;
  region: number;
  time: number;
  office: number;
  age: number;
  prior: number;
  rank: number;
}

/** Properties that tie an item to others, and how much a tie counts (a shared country is weak evidence). */
export const RELATIONS: Record<string, number> = {
  P131: 1, // located in the administrative territorial entity
  P17: 0.3, // country
  P27: 0.3, // country of citizenship
  P159: 1, // headquarters location
  P108: 1, // employer
  P54: 1, // member of sports team
  P102: 1, // member of political party
  P463: 1, // member of
  P69: 1, // educated at
  P276: 1, // location
  P361: 1, // part of
  P749: 1, // parent organization
  P127: 1, // owned by
  P137: 1, // operator
  P112: 1, // founded by
  P118: 1, // league
  P740: 1, // location of formation
  P3373: 1, // sibling
  P26: 1, // spouse
  P19: 0.7, // place of birth
  P551: 0.7, // residence
  P36: 1, // capital
  P1376: 1, // capital of
};

/** Properties whose targets' labels go into a candidate's words: what it is, does and belongs to. */
export const DESCRIBING = ['P106', 'P39', 'P108', 'P54', 'P463', 'P102', 'P69', 'P749', 'P361'];

/** Whether date `a` is before `b`, on what both give. */
const before = (a: string, b: string) => compareDates(a, b) < 0;

const yearOf = (t: WikidataTime | null) => (t ? Number.parseInt(t.date, 10) : null);

/**
 * How the name matches the item's names: 1 the label or an alias, 0.8 the label with a qualifier ("Washington, D.C.") or
 * a team's full name after the place it is named for ("Ball State" — "Ball State Cardinals football"), 0 only a prefix.
 */
export function nameMatch(query: string, type: LinkType, c: Candidate, team = false): number {
  const key = (s: string) => (type === 'PER' ? plainPersonName(s) : nameKey(s)).replace(/^the /, '');
  const q = key(query);
  const forms = [c.entity.label, ...c.entity.aliases, c.matched].filter((f): f is string => !!f);
  if (forms.some((f) => key(f) === q)) return 1;
  const label = fold(c.entity.label ?? '');
  const folded = fold(query);
  if (label.startsWith(`${folded},`) || label.startsWith(`${folded} (`)) return 0.8;
  if (team && c.kinds.includes('team') && label.startsWith(`${folded} `)) return 0.8;
  return 0;
}

const TITLE_WORDS: Record<string, string> = {
  sen: 'senator',
  gov: 'governor',
  rep: 'representative',
  pres: 'president',
  gen: 'general',
  sec: 'secretary',
  amb: 'ambassador',
  atty: 'attorney',
  supt: 'superintendent',
  rev: 'reverend',
};
const IGNORED_TITLE_WORDS = ['mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'dame', 'prof', 'of', 'the', 'and', 'former', 'then'];
/** Fit of a person to a full name typed as an organisation or place. */
const MISTYPED_PERSON = -2.5;

/** Any office held at the date, where the article gives no title: people in the news often hold one, but it is weak evidence. */
const NO_TITLE_OFFICE = 0.15;
const RANK_WORDS = ['vice', 'deputy', 'assistant', 'lieutenant', 'associate', 'acting'];

/** Whether an office's label names the title the article gives ("Sen." — "United States senator"; "Defense Secretary" — "Secretary of Defense"). */
export function titleFits(titles: string[], office: string): boolean {
  const want = titles
    .flatMap((t) => t.split(/\s+/))
    .map((t) => t.replace(/\.$/, ''))
    .filter((t) => t && !IGNORED_TITLE_WORDS.includes(t.toLowerCase()));
  if (!want.length) return false;
  const officeWords = nameKey(office).split(' ').map(stem);
  const officeInitials = officeWords.filter((w) => !IGNORED_TITLE_WORDS.includes(w)).map((w) => w[0]);
  const wanted = want.map((t) => t.toLowerCase());
  for (const rank of RANK_WORDS) if (officeWords.includes(rank) && !wanted.includes(rank)) return false;
  return want.every((t) => {
    const w = TITLE_WORDS[t.toLowerCase()] ?? t.toLowerCase();
    if (officeWords.includes(stem(w))) return true;
    // "FBI Director": an acronym matches the initials of words in a row
    return /^[A-Z]{2,}$/.test(t) && officeInitials.join('').includes(t.toLowerCase());
  });
}

/** Everything the article, the dates and the item's statements say for or against a candidate; null rules it out. */
export interface LocalInput {
  lookUp: LookUp;
  candidate: Candidate;
  date: string | null;
  context: ArticleContext | undefined;
  related: Map<string, Related>;
}

const labelsOf = (related: Map<string, Related>, id: string) => {
  const r = related.get(id);
  return r ? [r.label, ...r.aliases].filter((x): x is string => !!x) : [];
};

/** Whether the item lies in a region (its description, its located-in targets, or theirs, say so). */
export function liesIn(entity: WikidataEntity, region: string, related: Map<string, Related>): boolean {
  if (entity.description && containsPhrase(entity.description, region)) return true;
  for (const p of ['P131', 'P17', 'P276', 'P159']) {
    for (const t of itemValues(entity, p)) {
      if (labelsOf(related, t).some((l) => fold(l) === fold(region))) return true;
      const d = related.get(t)?.description;
      if (d && containsPhrase(d, region)) return true;
    }
  }
  return false;
}

/** Whether someone born then was `age` at the date: exactly, when the birthday is known; within a year otherwise. */
export function ageFits(born: WikidataTime, date: string, age: number): boolean {
  const [by, bm, bd] = born.date.split('-').map(Number) as [number, number?, number?];
  const [y, m, d] = date.slice(0, 10).split('-').map(Number) as [number, number?, number?];
  if (born.precision === 'year' || bm === undefined || m === undefined) return Math.abs(y - age - by) <= 1;
  const hadBirthday = m > bm || (m === bm && (bd === undefined || d === undefined || d >= bd));
  return y - by - (hadBirthday ? 0 : 1) === age;
}

function timeFeature(entity: WikidataEntity, type: LinkType, date: string, about: ContextEntity | undefined, years: number[]): number | null {
  const start = timeValue(entity, type === 'PER' ? 'P569' : 'P571');
  const end = timeValue(entity, type === 'PER' ? 'P570' : 'P576');
  if (start && before(date, start.date)) return null; // born or founded after the article
  // An article about 1986 names what stood in 1986: something that did not yet exist in any year it names fits less.
  const articleYear = Number.parseInt(date, 10);
  const named = years.filter((y) => Math.abs(y - articleYear) > 1);
  const startYear = yearOf(start);
  const era = startYear !== null && named.length && named.every((y) => y < startYear) ? -0.5 : 0;
  if (!end || !before(end.date, date)) return era;
  if (type === 'PER' && about?.speaker) return -3; // quoted, so alive then
  const from = yearOf(start) ?? Number.NEGATIVE_INFINITY;
  const to = yearOf(end) as number;
  // an article about their time: it names a year they lived or it stood
  return years.some((y) => y >= from && y <= to) ? era : era - 1;
}

function officeFeature(entity: WikidataEntity, titles: string[], date: string | null, related: Map<string, Related>): number {
  let best = 0;
  for (const st of entity.claims.P39 ?? []) {
    if (typeof st.value !== 'string') continue;
    const label = related.get(st.value)?.label ?? '';
    const atDate = !!date && heldAt(st, date);
    const fits = !!label && titleFits(titles, label);
    best = Math.max(best, fits && atDate ? 1 : fits ? 0.4 : atDate ? NO_TITLE_OFFICE : 0);
  }
  return best;
}

/** The features that do not depend on what the other names link to; null when the candidate is ruled out. */
export function localFeatures({ lookUp, candidate: c, date, context, related }: LocalInput): Omit<Features, 'context' | 'relations'> | null {
  const { entity, kinds } = c;
  const about = lookUp.about;
  let fit = kindFit(kinds, lookUp.type);
  // A full name the recogniser took for a body or a place ("Harrison Ford returned...") may still be the person; a single
  // word never is ("Washington" is not George Washington).
  if (fit === null && lookUp.type !== 'PER' && kinds.includes('person') && lookUp.query.trim().includes(' ')) fit = MISTYPED_PERSON;
  if (fit === null) return null;
  const time = date ? timeFeature(entity, lookUp.type, date, about, context?.years ?? []) : 0;
  if (time === null) return null;
  let age = 0;
  if (lookUp.type === 'PER' && about?.age !== undefined && date) {
    const born = timeValue(entity, 'P569');
    if (born) {
      if (!ageFits(born, date, about.age)) return null;
      age = 1;
    }
  }
  let qualifier = 0;
  if (about?.qualifier && lookUp.type !== 'PER') {
    if (liesIn(entity, about.qualifier, related)) qualifier = 1;
    else if (itemValues(entity, 'P17').length || itemValues(entity, 'P131').length) qualifier = -1;
  }
  const regions = context?.regions ?? [];
  // "Georgia beat Ball State 45-3": a place beats nobody.
  if (about?.team && !kinds.includes('team') && (['settlement', 'region', 'feature'] as Kind[]).some((k) => kinds.includes(k))) return null;
  // Only the names an item goes by: "St. Louis" is never the St. Louis Cardinals, however much the article is about them.
  const name = nameMatch(lookUp.query, lookUp.type, c, about?.team);
  if (name === 0) return null;
  return {
    name,
    fit,
    team: about?.team ? (kinds.includes('team') ? 1 : 0) : 0,
    qualifier,
    dateline: about?.dateline && kinds.includes('settlement') ? 1 : 0,
    region: kinds.includes('region') && regions.some((r) => fold(r) === fold(entity.label ?? '')) ? 1 : 0,
    time,
    office: lookUp.type === 'PER' ? officeFeature(entity, about?.titles ?? [], date, related) : 0,
    age,
    prior: Math.min(1.2, Math.log2(1 + entity.sitelinks) / 8),
    rank: 1 / (1 + c.rank),
  };
}

/** A candidate's words: its description, Wikipedia intro, and the labels of what it is, does and belongs to. */
export function candidateWords(c: Candidate, related: Map<string, Related>): string[] {
  const parts = [c.entity.description ?? '', c.extract ?? ''];
  for (const p of DESCRIBING) for (const t of itemValues(c.entity, p)) parts.push(related.get(t)?.label ?? '');
  return contentWords(parts.join(' \n '));
}
