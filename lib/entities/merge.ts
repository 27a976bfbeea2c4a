import type { Entity, EntityType, Mention } from '../analyze/types';
import { ALIASES, CORE_ORGS, CORE_PLACES, DEMONYMS, FIRST_NAMES, KNOWN_ORGS, NAME_PARTICLES, PLACE_PREFIXES, PLACES, sameGivenName } from './lexicon';
import type { GuessType, RawMention } from './recognize';
import { isPlainHere, isTitle } from './words';

interface Cluster {
  key: string;
  words: string[];
  mentions: RawMention[];
  votes: Map<GuessType, number>;
  titles: Set<string>;
  firstStart: number;
}

export function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[.’']/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** "Kennedy" of "James P. Kennedy Jr.": the last word, before a generational suffix. */
function surnameOf(words: string[]): string | undefined {
  const last = words.length - 1;
  return last > 1 && /^(jr|sr|ii|iii|iv)$/.test(words[last] as string) ? words[last - 1] : words[last];
}

function initials(words: string[]): string {
  return words
    .filter((w) => !/^(of|the|and|for|de|la|al|el)$/.test(w))
    .map((w) => w[0] ?? '')
    .join('');
}

/** "LibriVox" → "lv": the capitals of a name written in camel case, which its acronym is made of. */
function camelInitials(name: string): string {
  const capitals = name.match(/\p{Lu}/gu) ?? [];
  return capitals.length >= 2 && /\p{Ll}/u.test(name) ? capitals.join('').toLowerCase() : '';
}

function typeOf(cluster: Cluster): GuessType {
  let best: GuessType = 'UNK';
  let bestVotes = 0;
  for (const [type, votes] of cluster.votes) {
    if (type !== 'UNK' && votes > bestVotes) {
      best = type;
      bestVotes = votes;
    }
  }
  return best;
}

/**
 * Merges mentions into entities: same name in any case, surname or first name alone after a full name ("Rathke",
 * "General Raheel"), and acronyms of a longer name in the text ("Foreign Office (FO)", "FO").
 */
export function mergeMentions(raw: RawMention[], plainWords: ReadonlySet<string> = new Set()): Entity[] {
  // A word the text mostly writes in lowercase ("standalone mode") is a plain word here, whatever the lexicon says.
  const plainHere = (w: string) => isPlainHere(w, plainWords);
  const clusters = new Map<string, Cluster>();
  const ordered = [...raw].sort((a, b) => a.start - b.start);
  for (const m of ordered) {
    const written = nameKey(m.name ?? m.text);
    const key = ALIASES.get(written) ?? written;
    if (!key) continue;
    let cluster = clusters.get(key);
    if (!cluster) {
      cluster = { key, words: written.split(' '), mentions: [], votes: new Map(), titles: new Set(), firstStart: m.start };
      clusters.set(key, cluster);
    }
    cluster.mentions.push(m);
    cluster.votes.set(m.type, (cluster.votes.get(m.type) ?? 0) + 1 + m.strength);
    for (const t of m.titles) cluster.titles.add(t);
  }

  const all = [...clusters.values()];
  const multiWord = all.filter((c) => c.words.length > 1);
  const absorbed = new Set<Cluster>();
  for (const short of all) {
    const shortType = typeOf(short);
    if (short.words.length !== 1) continue;
    const word = short.words[0] as string;
    // Person back-references: the last word (surname) first, then the first word.
    // (An untyped name with "of" in it, "Winter Carnival of Magic", is no one's full name; and a plain word alone,
    // "Magic", does not make an untyped name someone's.)
    // ("the Web" is no back-reference to "Web Audio Editor": no one is "the" Smith, though "the Sheriff" is someone.)
    const theOnly = short.mentions.every((m) => m.afterThe) && !isTitle(word);
    // ("Bugzilla Installation List", "Gecko Layout Engine": plain words make a title or a product, not a person; and
    // "Arduino" ×21 is no first-name back-reference to one "Arduino Yún", nor "Stardust" ×14, named first, a surname of a
    // later "JPL Stardust"; "Jong" ×22 is one of "Michiel B. de Jong", whose initial and particle make a person's name.)
    const untypedPerson = (c: Cluster) =>
      typeOf(c) === 'UNK' &&
      !c.words.includes('of') &&
      !plainHere(word) &&
      !c.words.some((w) => w !== word && plainHere(w) && !NAME_PARTICLES.has(w)) &&
      ((c.words[0] !== word && (c.firstStart < short.firstStart || nameShaped(c.words))) || short.mentions.length <= 3 * c.mentions.length);
    // ("American" is no back-reference to "American-Sudanese".)
    const mayReferBack = !DEMONYMS.has(word) && !theOnly && (shortType === 'PER' || shortType === 'UNK' || shortType === 'MISC');
    const people = mayReferBack ? multiWord.filter((c) => typeOf(c) === 'PER' || untypedPerson(c)) : [];
    // "Stafford", "Epstein" beside "Tom Stafford", "Jeffrey Epstein": a surname that some gazetteer also lists as a town
    // is the person's, unless the words around it make it a place ("near Stafford"); a country or a major city ("Jordan",
    // "Paris") stays a place. So does "Xi" beside "Xi Jinping", a family name written first.
    const townOrName = shortType === 'LOC' && !CORE_PLACES.has(word) && short.mentions.some((m) => !m.placed);
    // So is "Ford" after "John M. Ford": a firm's name from the long list (not a major body) that a person named
    // before it bears.
    const firmOrName = shortType === 'ORG' && KNOWN_ORGS.has(word) && !CORE_ORGS.has(word);
    const namedPeople = townOrName
      ? multiWord.filter((c) => typeOf(c) === 'PER')
      : firmOrName
        ? multiWord.filter((c) => typeOf(c) === 'PER' && c.firstStart < short.firstStart)
        : [];
    // (Taken back by a surname, a person is one whose first name the lexicon knows, who bears a title, or who is named
    // about as often as the word alone: "Taranaki Māori", named twice, lends "Māori" ×87 nothing.)
    const personShaped = namedPeople.filter(
      (c) => FIRST_NAMES.has(c.words[0] as string) || c.titles.size > 0 || short.mentions.length <= 3 * c.mentions.length,
    );
    const bySurname = [...people, ...personShaped].filter((c) => surnameOf(c.words) === word);
    // (A name whose other words are in capitals, "Dropbox ATF", "Silego ZIF", is a product's, whatever its type.)
    const givenFirst = namedPeople.filter((c) => !FIRST_NAMES.has(word) && !/\s\p{Lu}{2,}\b/u.test(c.mentions[0]?.text ?? ''));
    const byFirstName = [...people, ...givenFirst].filter((c) => c.words[0] === word);
    const acronymOf = /^\p{Lu}{2,6}$/u.test(short.mentions[0]?.text ?? '')
      ? // "IE" for "Internet Explorer", "ROS" for "Reactive Oxygen Species": an acronym is what it stands for, be it an
        // organisation or a thing (never a person or a place: "US" and "United States" are merged as aliases).
        all.filter(
          (c) =>
            c !== short &&
            ['ORG', 'MISC', 'UNK'].includes(typeOf(c)) &&
            // ("Interview of the Month (IOTM)": some acronyms keep the small words' letters.)
            (c.words.length > 1
              ? initials(c.words) === word || c.words.map((w) => w[0]).join('') === word
              : camelInitials(c.mentions[0]?.text ?? '') === word),
        )
      : [];
    const target = pickTarget(bySurname, short) ?? pickTarget(byFirstName, short) ?? pickTarget(acronymOf, short);
    if (!target) continue;
    // The mentions the words around them make a place ("near Stafford, England") stay one.
    const placed = townOrName && typeOf(target) === 'PER' ? short.mentions.filter((m) => m.placed) : [];
    if (placed.length) {
      target.mentions.push(...short.mentions.filter((m) => !m.placed));
      short.mentions = placed;
      continue;
    }
    target.mentions.push(...short.mentions);
    // A full name referred back to by one of its words alone is a person's.
    if (typeOf(target) === 'UNK' && !acronymOf.includes(target)) target.votes.set('PER', 1);
    for (const [type, votes] of short.votes) if (type === typeOf(target)) target.votes.set(type, (target.votes.get(type) ?? 0) + votes);
    for (const t of short.titles) target.titles.add(t);
    absorbed.add(short);
  }

  // "Larry Lessig" beside "Lawrence Lessig": one surname, and a short form of the same given name.
  for (const c of multiWord) {
    if (absorbed.has(c) || typeOf(c) !== 'PER' || c.words.length !== 2) continue;
    const target = multiWord.find(
      (o) =>
        o !== c &&
        !absorbed.has(o) &&
        typeOf(o) === 'PER' &&
        o.words.length === 2 &&
        o.firstStart < c.firstStart &&
        o.words[1] === c.words[1] &&
        sameGivenName(o.words[0] as string, c.words[0] as string),
    );
    if (!target) continue;
    target.mentions.push(...c.mentions);
    for (const t of c.titles) target.titles.add(t);
    absorbed.add(c);
  }

  // A shorter name that ends a longer one: "Hawk Sawyer" after "Kathleen Hawk Sawyer", a person named before; "State
  // Department" after "US State Department", a body led by a place. (Looked up by last word: a page of thousands of names
  // stays linear.)
  const byLastWord = groupBy(multiWord, (c) => c.words[c.words.length - 1] as string);
  for (const short of multiWord) {
    const type = typeOf(short);
    if (absorbed.has(short) || (type !== 'PER' && type !== 'ORG')) continue;
    const n = short.words.length;
    const longer = (byLastWord.get(short.words[n - 1] as string) ?? []).filter(
      (c) =>
        c !== short &&
        !absorbed.has(c) &&
        c.words.length > n &&
        typeOf(c) === type &&
        c.words.slice(-n).join(' ') === short.key &&
        (type === 'PER' ? c.firstStart < short.firstStart : isPlacePhrase(c.words.slice(0, -n))),
    );
    const target = longer.length === 1 ? longer[0] : undefined;
    if (!target) continue;
    target.mentions.push(...short.mentions);
    if (type === 'PER') for (const t of short.titles) target.titles.add(t);
    absorbed.add(short);
  }

  // "Korea" after "South Korea": a place's last word alone, when only one such place is named.
  const prefixedPlaces = groupBy(
    multiWord.filter((c) => c.words.slice(0, -1).every((w) => PLACE_PREFIXES.has(w))),
    (c) => c.words[c.words.length - 1] as string,
  );
  for (const short of all) {
    if (absorbed.has(short) || short.words.length !== 1) continue;
    const type = typeOf(short);
    if (type !== 'LOC' && type !== 'ORG') continue;
    const longer = (prefixedPlaces.get(short.key) ?? []).filter((c) => !absorbed.has(c) && typeOf(c) === type);
    const target = longer.length === 1 ? longer[0] : undefined;
    if (!target) continue;
    target.mentions.push(...short.mentions);
    absorbed.add(short);
  }

  // "the Sams", "the Obamas", "the Joneses": a family, by the plural of a surname the text gives a person.
  const surnames = new Set(multiWord.filter((c) => !absorbed.has(c) && typeOf(c) === 'PER').map((c) => surnameOf(c.words)));
  for (const c of all) {
    const word = c.words[0] as string;
    if (c.words.length !== 1 || typeOf(c) !== 'UNK' || !c.mentions.every((m) => m.afterThe) || !word.endsWith('s')) continue;
    if (surnames.has(word.slice(0, -1)) || (word.endsWith('es') && surnames.has(word.slice(0, -2)))) c.votes.set('PER', 1);
  }

  const entities: Entity[] = [];
  for (const cluster of all) {
    if (absorbed.has(cluster)) continue;
    const guessed = typeOf(cluster);
    if (guessed === 'UNK' && cluster.words.length === 1) continue;
    const type: EntityType = guessed === 'UNK' ? 'MISC' : guessed;
    const mentions: Mention[] = cluster.mentions.map(({ start, end, text }) => ({ start, end, text })).sort((a, b) => a.start - b.start);
    // Longest form first; of equal length, one seen in running text, then one not in capitals ("Washington" over "WASHINGTON").
    const inText = new Set(cluster.mentions.filter((m) => !m.propagated).map((m) => m.name ?? m.text));
    const rank = (v: string) => (inText.has(v) ? 0 : 2) + (v === v.toUpperCase() && v.length > 3 ? 1 : 0);
    const variants = [...new Set(cluster.mentions.map((m) => m.name ?? m.text))].sort((a, b) => b.length - a.length || rank(a) - rank(b));
    entities.push({
      id: '',
      name: displayName(variants[0] ?? cluster.key, type),
      type,
      mentions,
      variants,
      titles: [...cluster.titles],
    });
  }
  entities.sort((a, b) => (a.mentions[0]?.start ?? 0) - (b.mentions[0]?.start ?? 0));
  entities.forEach((e, i) => {
    e.id = `e${i + 1}`;
  });
  return entities;
}

/** A given name the lexicon knows, an initial or a particle: "Michiel B. de Jong" is a person's name by its shape. */
function nameShaped(words: string[]): boolean {
  return FIRST_NAMES.has(words[0] as string) || words.slice(1, -1).some((w) => w.length === 1 || NAME_PARTICLES.has(w));
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(keyOf(item));
    if (group) group.push(item);
    else groups.set(keyOf(item), [item]);
  }
  return groups;
}

/** "US", "Pakistani", "United States": words that name a place or its people. */
function isPlacePhrase(words: string[]): boolean {
  const phrase = words.join(' ');
  return PLACES.has(phrase) || ALIASES.has(phrase) || words.every((w) => PLACES.has(w) || DEMONYMS.has(w));
}

/** A dateline's "WASHINGTON" reads as "Washington"; acronyms (NATO, ISI) and organisations keep their capitals. */
function displayName(name: string, type: EntityType): string {
  if (type === 'ORG' || name !== name.toUpperCase() || !/^[\p{Lu}][\p{Lu}\s'’.-]{4,}$/u.test(name)) return name;
  return name.toLowerCase().replace(/(^|[\s'’.-])(\p{Ll})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}

/** One candidate wins outright; with several, the nearest full name before the short mention does. */
function pickTarget(candidates: Cluster[], short: Cluster): Cluster | undefined {
  if (candidates.length <= 1) return candidates[0];
  const at = short.firstStart;
  const before = candidates.filter((c) => c.firstStart < at).sort((a, b) => b.firstStart - a.firstStart);
  return before[0];
}
