/**
 * Names in languages that write compounds whole ("EU-Staaten", "HSV-Präsident") and mark the genitive with a bare "s"
 * ("Trochowskis Comeback"). The tokeniser keeps such a compound one token, as the training corpora do, so the tagger
 * sees the compound, not the name in it: a name found elsewhere in the text, or one of the language's known places and
 * bodies, written as a compound's first part, is a mention of its own; a name with an "s" added to one found elsewhere
 * is that name.
 */
import type { EntityType } from '../analyze/types';
import type { NerResources } from './features';
import type { TypedMention } from './merge';
import type { Token } from './tokens';

const TYPED: ReadonlySet<EntityType> = new Set(['PER', 'ORG', 'LOC']);
const CAPITAL = /^\p{Lu}/u;

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

/** "Trochowskis" → "Trochowski" where the text names "Trochowski" too (a genitive, not another name). */
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
      if (!CAPITAL.test(written)) break;
      const type = known.get(written) ?? known.get(written.replace(/-/g, ' ')) ?? (n === 1 ? classOf(written) : undefined);
      if (!type) continue;
      added.push({ start: t.start, end: t.start + written.length, text: written, type, titles: [] });
      break;
    }
  }
  return added.length ? [...mentions, ...added].sort((a, b) => a.start - b.start) : mentions;
}
