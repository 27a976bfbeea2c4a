import type { Entity, EntityType, Mention } from '../analyze/types';
import { allChars, charsWith, isAt, LETTER, LOWER, NUMBER, replaceRunsWithout, someChar, startsWith, UPPER, widthAt } from '../text/chars';
import { ALIASES, FIRST_NAMES, givenNameVariants, KNOWN_ORGS, PLACE_ALIASES, PLACE_PREFIXES, PLACES } from './lexicon';

/** A tagged mention, before merging. */
export interface TypedMention extends Mention {
  type: EntityType;
  /** title words written just before it ("General", "President") */
  titles: string[];
  /** the tagger's score for each type of these words (ENTITY_TYPES order), where the tagger gave the type */
  typeScores?: readonly number[];
}

interface Cluster {
  key: string;
  words: string[];
  mentions: TypedMention[];
  votes: Map<EntityType, number>;
  titles: Set<string>;
  firstStart: number;
}

export function nameKey(name: string): string {
  const key = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['’]s$/u, '')
    .replace(/[.’']/g, '');
  return replaceRunsWithout(key, LETTER | NUMBER, ' ').trim();
}

/** "Miller" of "Robert T. Miller Jr.": the last word, before a generational suffix. */
function surnameOf(words: string[]): string | undefined {
  const last = words.length - 1;
  return last > 1 && /^(jr|sr|ii|iii|iv)$/.test(words[last] as string) ? words[last - 1] : words[last];
}

const SMALL_WORDS = /^(of|the|and|for|de|la|al|el|on|in|to|a)$/;
const initials = (words: string[]) =>
  words
    .filter((w) => !SMALL_WORDS.test(w))
    .map((w) => w[0] ?? '')
    .join('');

/** "CodeWorks" → "cw": the capitals of a name written in camel case, which its acronym is made of. */
function camelInitials(name: string): string {
  const capitals = charsWith(name, UPPER);
  return capitals.length >= 2 && someChar(name, LOWER) ? capitals.join('').toLowerCase() : '';
}

/** A company's legal form, written after its name or not ("Acme Robotics Inc.", "Beispiel AG", "Verein e.V."). */
const LEGAL_FORM = /\s(?:inc|incorporated|corp|co|ltd|llc|llp|plc|ag|gmbh|ev|sa|se|nv|bv|spa)$/;
const withoutLegalForm = (key: string) => key.replace(LEGAL_FORM, '');

/** "Department of Justice" is "Justice Department": a ministry's name in either order (only these heads say the same both ways). */
const GOVERNMENT_HEAD = /^(?:department|ministry)$/;
const governmentBodyOrder = (key: string) => key.replace(/^(department|ministry) of (?:the )?(.+)$/, '$2 $1');

/** Head words a body's name is shortened by, to its first word ("Drummond University" → "Drummond"). */
const SHORTENED_HEADS =
  /^(?:university|college|institute|academy|school|company|corporation|corp|inc|group|ltd|llc|plc|foundation|society|association)$/;

/** "@JaneDoe", "#Acme": a handle or a tag, whose key is a name's words written together. */
const HANDLE = /^[@#]/;

const VOTE_TYPES: readonly EntityType[] = ['PER', 'ORG', 'LOC', 'MISC'];
/** The softmax temperature of the tagger's type scores (their scale; chosen on the dev genres: 10 to 80 score alike). */
const VOTE_TEMPERATURE = 40;

/** The vote a name's lexicon entry has (a sure mention's; 1 and 2 scored alike on the dev genres, 0.5 less). */
const LEXICON_VOTE = 1;

/**
 * A mention's vote for its entity's type: for the type it was tagged with, weighted by the tagger's confidence in that
 * type over the others (a softmax of its scores), so a clear mention outweighs a doubtful one; a whole vote for a type a
 * rule gave.
 */
function vote(votes: Map<EntityType, number>, m: TypedMention): void {
  const scores = m.typeScores;
  const own = VOTE_TYPES.indexOf(m.type);
  let weight = 1;
  if (scores && scores.length === VOTE_TYPES.length && own >= 0) {
    let total = 0;
    for (const s of scores) total += Math.exp((s - (scores[own] as number)) / VOTE_TEMPERATURE);
    weight = 1 / total;
  }
  votes.set(m.type, (votes.get(m.type) ?? 0) + weight);
}

function typeOf(cluster: Cluster): EntityType {
  let best: EntityType = cluster.mentions[0]?.type ?? 'MISC';
  let bestVotes = 0;
  for (const [type, votes] of cluster.votes) {
    if (votes > bestVotes) {
      best = type;
      bestVotes = votes;
    }
  }
  return best;
}

/** Candidates looked at, at most, before a merge is given up (only a page built to repeat one name gets there). */
const MAX_CANDIDATES = 64;
/** Longer names are found by their last words up to this many. */
const MAX_ENDING = 8;

/**
 * One candidate wins outright; with several, the nearest before the short mention does. `candidates` are in the order of
 * their first mention; `beforeOnly` counts only those first named before the short one; `ok` leaves some out.
 */
function pickTarget(
  candidates: Cluster[] | undefined,
  short: Cluster,
  beforeOnly = false,
  ok: (c: Cluster) => boolean = () => true,
): Cluster | undefined {
  if (!candidates) return undefined;
  let first: Cluster | undefined;
  let count = 0;
  let nearest: Cluster | undefined;
  for (let i = 0, seen = 0; i < candidates.length && seen < MAX_CANDIDATES; i++) {
    const c = candidates[i] as Cluster;
    if (!ok(c)) continue;
    seen++;
    const before = c.firstStart < short.firstStart;
    if (beforeOnly && !before) break;
    count++;
    first ??= c;
    if (before) nearest = c;
    else if (count > 1) break;
  }
  return count <= 1 ? first : nearest;
}

/** The one candidate that passes `ok`, or nothing when none or several do. */
function only(candidates: Cluster[] | undefined, ok: (c: Cluster) => boolean): Cluster | undefined {
  let found: Cluster | undefined;
  for (let i = 0, seen = 0; candidates && i < candidates.length && seen < MAX_CANDIDATES; i++) {
    const c = candidates[i] as Cluster;
    seen++;
    if (!ok(c)) continue;
    if (found) return undefined;
    found = c;
  }
  return found;
}

function absorb(target: Cluster, short: Cluster): void {
  target.mentions.push(...short.mentions);
  const type = typeOf(target);
  // The short form's votes count for the entity's own type: "Rathke" tagged ORG once is still Jeff Rathke.
  let total = 0;
  for (const v of short.votes.values()) total += v;
  target.votes.set(type, (target.votes.get(type) ?? 0) + total);
  for (const t of short.titles) target.titles.add(t);
}

/**
 * Merges tagged mentions into entities: the same name in any case or alias ("US", "United States"); a person's surname or
 * first name alone after the full name ("Rathke", "General Raheel"); the same surname with a short form of the given
 * name ("Bill Harris"); a shorter name ending a longer one ("State Department"); an acronym of a longer name ("FO").
 */
export function mergeMentions(mentions: TypedMention[]): Entity[] {
  const clusters = new Map<string, Cluster>();
  for (const m of [...mentions].sort((a, b) => a.start - b.start)) {
    const written = withoutLegalForm(nameKey(m.text));
    if (!written) continue;
    const key = (m.type === 'LOC' ? PLACE_ALIASES.get(written) : undefined) ?? ALIASES.get(written) ?? governmentBodyOrder(written);
    let cluster = clusters.get(key);
    if (!cluster) {
      cluster = { key, words: written.split(' '), mentions: [], votes: new Map(), titles: new Set(), firstStart: m.start };
      clusters.set(key, cluster);
    }
    cluster.mentions.push(m);
    vote(cluster.votes, m);
    for (const t of m.titles) cluster.titles.add(t);
  }
  // (Clusters are in the order of their first mention. Every step below looks its candidates up in an index, so a page
  // of thousands of names stays linear.)
  const all = [...clusters.values()];
  // A name the place lexicon or the organisation lexicon knows (one, not both) has one more vote, for that type: what the
  // lexicons know about a whole name weighs as one sure mention ("Hong Kong" tagged as a body in some sentences). Not
  // a word that is also the surname of a person named in the text ("Holm" of "Jan Holm").
  const surnames = new Set<string>();
  for (const c of all) if (c.words.length > 1 && typeOf(c) === 'PER') surnames.add(surnameOf(c.words) as string);
  for (const c of all) {
    const place = PLACES.has(c.key);
    if (place === KNOWN_ORGS.has(c.key) || surnames.has(c.key)) continue;
    const type = place ? 'LOC' : 'ORG';
    c.votes.set(type, (c.votes.get(type) ?? 0) + LEXICON_VOTE);
  }
  const absorbed = new Set<Cluster>();
  const push = <K>(index: Map<K, Cluster[]>, key: K, c: Cluster) => {
    const list = index.get(key);
    if (list) list.push(c);
    else index.set(key, [c]);
  };

  // One word alone: a person's surname or given name, or an acronym of a longer name. (Only one-word clusters are
  // absorbed here, and absorbing keeps a target's type, so the people and the acronyms' bodies are indexed once.)
  const bySurname = new Map<string, Cluster[]>();
  const byGivenName = new Map<string, Cluster[]>();
  const byInitials = new Map<string, Cluster[]>();
  for (const c of all) {
    const type = typeOf(c);
    if (c.words.length > 1 && type === 'PER') {
      push(bySurname, surnameOf(c.words) as string, c);
      push(byGivenName, c.words[0] as string, c);
    }
    if (type !== 'PER') {
      const key = c.words.length > 1 ? initials(c.words) : camelInitials(c.mentions[0]?.text ?? '');
      if (key) push(byInitials, key, c);
      // (Some acronyms keep the small words: "DOJ" for "Department of Justice".)
      const whole = c.words.length > 2 ? c.words.map((w) => w[0] ?? '').join('') : '';
      if (whole && whole !== key) push(byInitials, whole, c);
      // (A ministry's acronym follows either order of its name: "DHS" for "Homeland Security Department" too.)
      const head = c.words[c.words.length - 1] as string;
      if (c.words.length > 1 && GOVERNMENT_HEAD.test(head)) push(byInitials, initials([head, ...c.words.slice(0, -1)]), c);
    }
  }
  for (const short of all) {
    if (short.words.length !== 1) continue;
    const word = short.words[0] as string;
    const type = typeOf(short);
    const text = short.mentions[0]?.text ?? '';
    // (A place or a known body keeps its own name: "Paris" beside "Paris Hilton" is still the city when tagged so.)
    const mayBePerson = type === 'PER' || type === 'MISC' || !(PLACES.has(word) || KNOWN_ORGS.has(word));
    const acronym = allChars(text, UPPER, 2, 6) && type !== 'PER';
    const target =
      (mayBePerson ? pickTarget(bySurname.get(word), short) : undefined) ??
      (mayBePerson ? pickTarget(byGivenName.get(word), short, type !== 'PER') : undefined) ??
      (acronym ? pickTarget(byInitials.get(word), short, false, (c) => c !== short && !absorbed.has(c)) : undefined);
    if (!target) continue;
    absorb(target, short);
    absorbed.add(short);
  }

  // "Bill Harris" beside "William Harris": one surname, a short form of the same given name; "Yang Li" beside "Li Yang".
  const twoWordPeople = new Map<string, Cluster>();
  for (const c of all) if (c.words.length === 2 && typeOf(c) === 'PER') twoWordPeople.set(c.words.join(' '), c);
  for (const c of all) {
    if (absorbed.has(c) || typeOf(c) !== 'PER' || c.words.length !== 2) continue;
    let target: Cluster | undefined;
    // (And the two words the other way round: a family name written first, as in Chinese, or last, as in English.)
    for (const name of [...givenNameVariants(c.words[0] as string).map((given) => `${given} ${c.words[1]}`), `${c.words[1]} ${c.words[0]}`]) {
      const o = twoWordPeople.get(name);
      if (o && o !== c && !absorbed.has(o) && o.firstStart < c.firstStart && (!target || o.firstStart < target.firstStart)) target = o;
    }
    if (!target) continue;
    absorb(target, c);
    absorbed.add(c);
  }

  // A shorter name that ends a longer one of the same type: "Maria Rossi" after "Anna Maria Rossi", "State
  // Department" after "US State Department". (Looked up by the shorter name's words.)
  const byEnding = new Map<string, Cluster[]>();
  for (const c of all) for (let n = 2; n < c.words.length && n <= MAX_ENDING; n++) push(byEnding, c.words.slice(-n).join(' '), c);
  for (const short of all) {
    const type = typeOf(short);
    if (absorbed.has(short) || short.words.length < 2 || (type !== 'PER' && type !== 'ORG')) continue;
    if (type === 'PER' && FIRST_NAMES.has(short.words[0] as string)) continue;
    const longer = only(byEnding.get(short.words.join(' ')), (c) => c !== short && !absorbed.has(c) && typeOf(c) === type);
    if (!longer) continue;
    absorb(longer, short);
    absorbed.add(short);
  }

  // A body's or place's last word alone after its full name ("the Statehouse" after "the Drummond Statehouse",
  // "Rovers" after "Riverside Rovers"), or its first word alone where the rest is a head word ("Drummond" after
  // "Drummond University"): when only one such name is given, and the word is no known place or body of its own.
  const byLastWord = new Map<string, Cluster[]>();
  const byFirstWord = new Map<string, Cluster[]>();
  for (const c of all) {
    const type = typeOf(c);
    if (absorbed.has(c) || c.words.length < 2 || (type !== 'ORG' && type !== 'LOC')) continue;
    push(byLastWord, c.words[c.words.length - 1] as string, c);
    if (type === 'ORG' && c.words.slice(1).every((w) => SHORTENED_HEADS.test(w))) push(byFirstWord, c.words[0] as string, c);
  }
  for (const short of all) {
    const type = typeOf(short);
    if (absorbed.has(short) || short.words.length !== 1 || type === 'PER' || PLACES.has(short.key) || KNOWN_ORGS.has(short.key)) continue;
    if (allChars(short.mentions[0]?.text ?? '', UPPER, 2, 6)) continue;
    const before = (c: Cluster) => !absorbed.has(c) && c.firstStart < short.firstStart;
    const longer =
      (type === 'ORG' || type === 'LOC' ? only(byLastWord.get(short.key), (c) => before(c) && typeOf(c) === type) : undefined) ??
      only(byFirstWord.get(short.key), before);
    if (!longer) continue;
    absorb(longer, short);
    absorbed.add(short);
  }

  // "@JaneDoe" and "Jane Doe": a handle or tag is the name whose words it writes together (when one name does).
  const bySpacelessKey = new Map<string, Cluster[]>();
  for (const c of all) if (!absorbed.has(c) && c.words.length > 1) push(bySpacelessKey, c.words.join(''), c);
  for (const handle of all) {
    if (absorbed.has(handle) || handle.words.length !== 1 || !HANDLE.test(handle.mentions[0]?.text ?? '')) continue;
    const name = only(bySpacelessKey.get(handle.key), (c) => !absorbed.has(c));
    if (!name) continue;
    absorb(name, handle);
    absorbed.add(handle);
  }

  // "Korea" after "South Korea": a place's last word alone, when only one such place is named.
  const prefixed = new Map<string, Cluster[]>();
  for (const c of all)
    if (c.words.length > 1 && typeOf(c) === 'LOC' && c.words.slice(0, -1).every((w) => PLACE_PREFIXES.has(w)))
      push(prefixed, c.words[c.words.length - 1] as string, c);
  for (const short of all) {
    if (absorbed.has(short) || short.words.length !== 1 || typeOf(short) !== 'LOC' || PLACES.has(short.key)) continue;
    const longer = only(prefixed.get(short.key), (c) => !absorbed.has(c));
    if (!longer) continue;
    absorb(longer, short);
    absorbed.add(short);
  }

  const entities: Entity[] = [];
  for (const cluster of all) {
    if (absorbed.has(cluster)) continue;
    const type = typeOf(cluster);
    const mentions: Mention[] = cluster.mentions.map(({ start, end, text }) => ({ start, end, text })).sort((a, b) => a.start - b.start);
    // Longest form first (a handle last); of equal length, one not in capitals ("Washington" over "WASHINGTON").
    const shouted = (v: string) => (v === v.toUpperCase() && v.length > 3 ? 1 : 0);
    const handle = (v: string) => (HANDLE.test(v) ? 1 : 0);
    const variants = [...new Set(cluster.mentions.map((m) => m.text))].sort(
      (a, b) => handle(a) - handle(b) || b.length - a.length || shouted(a) - shouted(b),
    );
    entities.push({ id: '', name: displayName(variants[0] ?? cluster.key, type), type, mentions, variants, titles: [...cluster.titles] });
  }
  entities.sort((a, b) => (a.mentions[0]?.start ?? 0) - (b.mentions[0]?.start ?? 0));
  entities.forEach((e, i) => {
    e.id = `e${i + 1}`;
  });
  return entities;
}

/** A dateline's "WASHINGTON" reads as "Washington"; acronyms (NATO) and organisations keep their capitals. */
export function displayName(name: string, type: EntityType): string {
  if (type === 'ORG' || name !== name.toUpperCase() || !isShouted(name)) return name;
  // Each lowercase letter first or after a space or joiner, capitalised.
  const lower = name.toLowerCase();
  let out = '';
  let from = 0;
  for (let i = 0; i < lower.length; i += widthAt(lower, i)) {
    if (!isAt(lower, i, LOWER) || (i > 0 && !NAME_JOINER.test(lower[i - 1] as string))) continue;
    const end = i + widthAt(lower, i);
    out += lower.slice(from, i) + lower.slice(i, end).toUpperCase();
    from = end;
  }
  return out + lower.slice(from);
}

const NAME_JOINER = /[\s'’.-]/;
/** A capital, then four or more capitals, spaces and joiners ("WASHINGTON", "O'NEILL"). */
function isShouted(name: string): boolean {
  if (!startsWith(name, UPPER)) return false;
  let n = 0;
  for (let i = widthAt(name, 0); i < name.length; i += widthAt(name, i), n++)
    if (!isAt(name, i, UPPER) && !NAME_JOINER.test(name[i] as string)) return false;
  return n >= 4;
}
