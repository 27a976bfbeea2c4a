import type { Entity } from '../analyze/types';
import { acronymsOfThings } from './acronyms';
import { mergeBracketedAliases } from './aliases';
import { COMMON_WORDS, TITLE_MODIFIERS } from './lexicon';
import { mergeMentions, nameKey } from './merge';
import { buildContext, type RawMention, recognise } from './recognize';
import { placesAsTeams } from './teams';
import { type Token, tokenize } from './tokens';
import { isTitle, joinable, lower } from './words';

export { genderOf } from './lexicon';
export { nameKey } from './merge';
export { dotEndsNoSentence, type Token, tokenize } from './tokens';

const MAX_NAME_WORDS = 6;

/** Words joined as in a name, or by a hyphen, a dot or an apostrophe: "MSC) Certified" is no "MSC-certified". */
function wordsJoined(tokens: Token[], from: number, len: number): boolean {
  for (let k = from + 1; k < from + len; k++) {
    const gap = (tokens[k] as Token).gapBefore;
    if (!joinable(gap) && !/^[-.'’]?$/.test(gap)) return false;
  }
  return true;
}

/**
 * A name found once is a name everywhere: finds further mentions of known names (and of the parts of people's
 * names) where the first pass could not trust capitals, such as sentence starts and headlines.
 */
function propagate(text: string, tokens: Token[], raw: RawMention[]): RawMention[] {
  const known = new Map<string, RawMention>();
  for (const m of raw) {
    if (m.type === 'UNK') continue;
    const key = nameKey(m.name ?? m.text);
    if (!known.has(key)) known.set(key, m);
    if (m.type === 'PER') {
      for (const part of key.split(' '))
        if (part.length > 2 && !COMMON_WORDS.has(part) && !known.has(part)) known.set(part, { ...m, type: 'UNK', strength: 0 });
    }
  }
  const covered = new Uint8Array(tokens.length);
  // A lone unknown word does not block a longer known name ("State" + "Department" at a sentence start).
  for (const m of raw) if (m.type !== 'UNK') covered.fill(1, m.tokenIndex, m.tokenIndex + m.tokenCount);
  const added: RawMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i] as Token;
    if (covered[i] || (first.shape !== 'upper' && first.shape !== 'caps')) continue;
    for (let len = Math.min(MAX_NAME_WORDS, tokens.length - i); len >= 1; len--) {
      const last = tokens[i + len - 1] as Token;
      if (covered[i + len - 1]) continue;
      const key = nameKey(text.slice(first.start, last.end));
      const match = known.get(key);
      if (!match || !wordsJoined(tokens, i, len)) continue;
      // "the Crown" is known, but "Crown Prince" is a title: a title's first word is no mention of the name.
      const after = tokens[i + len];
      if (len === 1 && TITLE_MODIFIERS.has(key) && after && joinable(after.gapBefore) && isTitle(lower(after))) continue;
      added.push({
        ...match,
        start: first.start,
        end: last.end,
        text: text.slice(first.start, last.end),
        name: undefined,
        strength: 1,
        titles: [],
        tokenIndex: i,
        tokenCount: len,
        propagated: true,
        // Found by its name, not by the words around it: no place by context.
        placed: false,
      });
      covered.fill(1, i, i + len);
      i += len - 1;
      break;
    }
  }
  if (!added.length) return raw;
  // `added` is in text order and never overlaps itself: a binary search finds the one that could overlap `m`.
  const overlapsAdded = (m: RawMention) => {
    let lo = 0;
    let hi = added.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((added[mid] as RawMention).end <= m.start) lo = mid + 1;
      else hi = mid;
    }
    const a = added[lo];
    return !!a && a.start < m.end;
  };
  return [...raw.filter((m) => m.type !== 'UNK' || !overlapsAdded(m)), ...added];
}

export interface EntityAnalysis {
  entities: Entity[];
  tokens: Token[];
}

/** People, organisations and places in plain text, with mentions as UTF-16 offsets and name variants merged. */
export function findEntities(text: string, tokens: Token[] = tokenize(text)): EntityAnalysis {
  const context = buildContext(tokens);
  const raw = recognise(text, tokens, context);
  const merged = mergeBracketedAliases(text, mergeMentions(propagate(text, tokens, raw), context.plainWords));
  return { entities: acronymsOfThings(text, placesAsTeams(text, merged)), tokens };
}
