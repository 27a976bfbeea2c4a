/**
 * Names in languages that write compounds whole ("EU-Staaten", "VfB-Präsident") and mark the genitive with a bare "s"
 * ("Kalbmeiers Comeback"). The tokeniser keeps such a compound one token, as the training corpora do, so the tagger
 * sees the compound, not the name in it: a name found elsewhere in the text, or one of the language's known places and
 * bodies, written as a compound's first part, is a mention of its own; a name with an "s" added to one found elsewhere
 * is that name.
 */
import type { EntityType } from '../analyze/types';
import { compoundHead } from '../text';
import { startsWith, UPPER } from '../text/chars';
import type { NerResources } from './features';
import type { TypedMention } from './merge';
import type { Token } from './tokens';

const TYPED: ReadonlySet<EntityType> = new Set(['PER', 'ORG', 'LOC']);
const isCapitalised = (word: string) => startsWith(word, UPPER);

/** The type most mentions of each name (as written) have, PER/ORG/LOC only. */
function typeByName(mentions: TypedMention[]): Map<string, EntityType> {
  const votes = new Map<string, Map<EntityType, number>>();
  for (const m of mentions) {
    if (!TYPED.has(m.type)) continue;
    const v = votes.get(m.text) ?? new Map<EntityType, number>();
    v.set(m.type, (v.get(m.type) ?? 0) + 1);
    votes.set(m.text, v);
  }
  const out = new Map<string, EntityType>();
  for (const [name, v] of votes) out.set(name, [...v].sort((a, b) => b[1] - a[1])[0]?.[0] as EntityType);
  return out;
}

/** "Kalbmeiers" → "Kalbmeier" where the text names "Kalbmeier" too (a genitive, not another name). */
export function trimGenitives(mentions: TypedMention[]): TypedMention[] {
  const names = new Set(mentions.map((m) => m.text));
  return mentions.map((m) => {
    if (m.text.length < 4 || !m.text.endsWith('s')) return m;
    const stem = m.text.slice(0, -1);
    return names.has(stem) ? { ...m, end: m.end - 1, text: stem } : m;
  });
}

/** Mentions for names written as the first part of a hyphenated compound ("EU" of "EU-Staaten"). */
export function namesInCompounds(tokens: Token[], mentions: TypedMention[], resources: NerResources): TypedMention[] {
  const known = typeByName(mentions);
  const classOf = (name: string): EntityType | undefined => {
    const lower = name.toLowerCase();
    for (const [cls, words] of resources.classes) {
      if (!words.has(lower)) continue;
      if (cls === 'place') return 'LOC';
      if (cls === 'org') return 'ORG';
    }
    return undefined;
  };
  const covered = (t: Token) => mentions.some((m) => m.start < t.end && t.start < m.end);
  const added: TypedMention[] = [];
  for (const t of tokens) {
    const cut = t.text.lastIndexOf('-');
    if (cut <= 0 || cut === t.text.length - 1 || covered(t)) continue;
    // The parts before the last hyphen, longest first: "Red-Bull" of "Red-Bull-Schock", then "Red".
    const parts = t.text.slice(0, cut).split('-');
    for (let n = parts.length; n >= 1; n--) {
      const written = parts.slice(0, n).join('-');
      if (!isCapitalised(written)) break;
      const type = known.get(written) ?? known.get(written.replace(/-/g, ' ')) ?? (n === 1 ? classOf(written) : undefined);
      if (!type) continue;
      added.push({ start: t.start, end: t.start + written.length, text: written, type, titles: [] });
      break;
    }
  }
  return added.length ? [...mentions, ...added].sort((a, b) => a.start - b.start) : mentions;
}

/** The shortest name that is looked for again alone: shorter ones ("EU", "ON") are too often something else. */
const MIN_REPEATED = 3;

/**
 * Where the tagger reads each sentence alone (its second stage learnt from corpora without documents), what it found
 * in one sentence does not reach the others: a name it tagged elsewhere in the text, written again as whole tokens
 * ("Quellbach"), and the surname of a person named in full elsewhere, written alone ("Kalbmeier" of "Hubert
 * Kalbmeier"), are mentions of that name too, typed as most of its mentions are.
 */
export function namesElsewhere(tokens: Token[], mentions: TypedMention[]): TypedMention[] {
  const known = typeByName(mentions);
  const surnames = new Map<string, EntityType>();
  for (const m of mentions) {
    if (m.type !== 'PER') continue;
    const words = m.text.split(/\s+/);
    const last = words[words.length - 1] as string;
    if (words.length > 1 && isCapitalised(last) && last.length >= MIN_REPEATED && !known.has(last)) surnames.set(last, 'PER');
  }
  // Names by their first word, longest first, so "Quellbach Holding" is tried before "Quellbach".
  const byFirst = new Map<string, { words: string[]; name: string; type: EntityType }[]>();
  for (const [name, type] of [...known, ...surnames]) {
    if (name.length < MIN_REPEATED || !isCapitalised(name)) continue;
    const words = name.split(/\s+/);
    const list = byFirst.get(words[0] as string) ?? [];
    list.push({ words, name, type });
    byFirst.set(words[0] as string, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  const covered = new Uint8Array(tokens.length);
  let m = 0;
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    while (m < sorted.length && (sorted[m] as TypedMention).end <= t.start) m++;
    for (let j = m; j < sorted.length && (sorted[j] as TypedMention).start < t.end; j++)
      if (t.start < (sorted[j] as TypedMention).end) covered[k] = 1;
  }
  // How often each first word stands inside a name and outside one: a word the tagger left alone more than twice as often
  // as it tagged it is more likely a noun it once took for a name ("Wiesen" of "Förderprogramm Wiesen") than a name it
  // missed. (web-news-de typed mention F1: 0.740 with no such test, 0.737 at once as often, 0.745 at twice, 0.742 at
  // three times.)
  const inside = new Map<string, number>();
  const outside = new Map<string, number>();
  for (let k = 0; k < tokens.length; k++) {
    const word = (tokens[k] as Token).text;
    if (!byFirst.has(word)) continue;
    const counts = covered[k] ? inside : outside;
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const added: TypedMention[] = [];
  for (let k = 0; k < tokens.length; k++) {
    if (covered[k]) continue;
    const word = (tokens[k] as Token).text;
    if ((inside.get(word) ?? 0) * 2 < (outside.get(word) ?? 0)) continue;
    const list = byFirst.get(word);
    if (!list) continue;
    for (const { words, name, type } of list) {
      const end = k + words.length;
      if (end > tokens.length) continue;
      let same = true;
      for (let i = 1; i < words.length && same; i++) {
        const t = tokens[k + i] as Token;
        same = !covered[k + i] && t.text === words[i] && t.sentence === (tokens[k] as Token).sentence;
      }
      if (!same) continue;
      const first = tokens[k] as Token;
      const last = tokens[end - 1] as Token;
      added.push({ start: first.start, end: last.end, text: name, type, titles: [] });
      k = end - 1;
      break;
    }
  }
  return added.length ? [...mentions, ...added].sort((a, b) => a.start - b.start) : mentions;
}

/** The index of the first token at or after `offset`. */
function tokenAt(tokens: Token[], offset: number): number {
  let k = 0;
  for (let hi = tokens.length; k < hi; ) {
    const mid = (k + hi) >> 1;
    if ((tokens[mid] as Token).start < offset) k = mid + 1;
    else hi = mid;
  }
  return k;
}

/** A person's full name in the genitive ("Jana Kalbmeiers"): "der Konzern Jana Kalbmeiers" is hers, not named so. */
const GENITIVE_PERSON = /\s\S+s$/u;

/**
 * "der Rüstungskonzern X", "die Firma X", "des Herstellers X": a name right after a noun for a firm, or a compound ending
 * in one, is a firm, and so is every mention of it written the same way: ORG, as a rule gives a type (a whole vote). A
 * mention the tagger began with such a noun ("Autobauer X") is cut to the name after it. Where every noun has a capital,
 * the tagger has no capitals to tell a firm named like a place ("…berg", "…feld") from one; the noun before it does.
 * (Heads of bodies are no firm nouns: "Landkreis X", "Landgericht X" put a town after them. A known place after one
 * stays a place, "das Unternehmen Deutschland" being a figure of speech, and a person named in the genitive a person.)
 */
export function firmsAfterHeads(
  tokens: Token[],
  mentions: TypedMention[],
  heads: ReadonlySet<string>,
  isPlace: (name: string) => boolean = () => false,
): TypedMention[] {
  const isHead = (t: Token | undefined) => !!t && isCapitalised(t.text) && compoundHead(t.text.toLowerCase(), heads, true) !== null;
  const firms = new Set<string>();
  const cut = new Map<TypedMention, TypedMention>();
  for (const m of mentions) {
    if (!TYPED.has(m.type)) continue;
    const k = tokenAt(tokens, m.start);
    const first = tokens[k];
    if (!first || first.start !== m.start) continue;
    const next = tokens[k + 1];
    if (isHead(first) && next && next.end <= m.end && next.sentence === first.sentence && isCapitalised(next.text)) {
      const name = { start: next.start, end: m.end, text: m.text.slice(next.start - m.start), type: 'ORG' as EntityType, titles: [] };
      cut.set(m, name);
      firms.add(name.text);
      continue;
    }
    const before = tokens[k - 1];
    if (before && before.sentence === first.sentence && isHead(before) && !isPlace(m.text) && !(m.type === 'PER' && GENITIVE_PERSON.test(m.text)))
      firms.add(m.text);
  }
  if (!firms.size) return mentions;
  return mentions.map(
    (m) =>
      cut.get(m) ??
      (firms.has(m.text) && TYPED.has(m.type) && m.type !== 'ORG' ? { start: m.start, end: m.end, text: m.text, type: 'ORG', titles: [] } : m),
  );
}

/**
 * "Landgericht Musterstadt", "des Gesundheitsamts Neuhaven": a place right after the head of a body, or a compound ending in
 * one, is that body's name with it (ORG), where the tagger took only the place. Not after a place's head ("Landkreis
 * Neuhaven" is a place), nor a place in the genitive ("die Regierung Frankreichs" is no body's name). For languages whose
 * resources read compounds (the class 'org-compound'); others are returned as they are.
 */
export function bodiesBeforePlaces(tokens: Token[], mentions: TypedMention[], resources: NerResources): TypedMention[] {
  const classNamed = (name: string) => resources.classes.find(([n]) => n === name)?.[1];
  const heads = classNamed('org-head');
  const compounds = classNamed('org-compound');
  const placeHeads = classNamed('place-head');
  if (!heads || !compounds || !placeHeads) return mentions;
  const isBodyHead = (word: string) => {
    const lower = word.toLowerCase();
    return (
      isCapitalised(word) &&
      !placeHeads.has(lower) &&
      (heads.has(lower) || compounds.has(lower) || (lower.endsWith('s') && heads.has(lower.slice(0, -1))))
    );
  };
  // (The tokens inside a mention, marked once: a head that is another mention's stays that mention's.)
  let covered: Uint8Array | null = null;
  const isCovered = (k: number) => {
    if (!covered) {
      covered = new Uint8Array(tokens.length);
      for (const o of mentions) for (let j = tokenAt(tokens, o.start); j < tokens.length && (tokens[j] as Token).start < o.end; j++) covered[j] = 1;
    }
    return covered[k] === 1;
  };
  let changed = false;
  const out = mentions.map((m) => {
    if (m.type !== 'LOC' || m.text.endsWith('s')) return m;
    const k = tokenAt(tokens, m.start);
    const first = tokens[k];
    const before = tokens[k - 1];
    if (
      !first ||
      !before ||
      first.start !== m.start ||
      before.sentence !== first.sentence ||
      before.end + 1 !== first.start ||
      !isBodyHead(before.text)
    )
      return m;
    if (isCovered(k - 1)) return m;
    changed = true;
    return { start: before.start, end: m.end, text: `${before.text} ${m.text}`, type: 'ORG' as EntityType, titles: [] };
  });
  return changed ? out : mentions;
}
