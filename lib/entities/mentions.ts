/**
 * A tagger's spans made into name mentions, by the rules of how names are written (rule-shaped, language-neutral where
 * the tokens are): the name in a span whose edges ran over other words, and the several names in a span that ran over
 * what joins them.
 */
import type { EntityType } from '../analyze/types';
import { allChars, LETTER, LOWER, NUMBER, oneCharThen, someChar, startsWith, TITLE, UPPER } from '../text/chars';
import { ENGLISH_WORDS, NAME_PARTICLES, ORG_HEADS, TITLES } from './lexicon';
import type { Token } from './tokens';

const EDGE_ARTICLE = /^(?:the|a|an)$/;
const POSSESSIVE = /^['’]s$/;
/** Punctuation alone ("Institute ." in a tagger's span): never a name's first or last token. */
const isNoWord = (word: string) => word.length > 0 && !someChar(word, LETTER | NUMBER);
/** A word with a capital or a digit: what a name's first and last words are ("iPhone", "Windows 11"; not "province"). */
const isNameWord = (word: string) => someChar(word, UPPER | TITLE | NUMBER);
/** Marks that end one name and start another when a tagger's span runs over them ("Ohio – The Band"). */
const NAME_BREAK = /^(?:[|–—]|--)$/;
/** Words joining two people in one span ("Varga and Holm"), or a person and where they are from ("… of Northshire"). */
const PERSON_JOINS = new Set(['and', '&', 'of']);

export interface NamePart {
  /** token indexes, end exclusive */
  from: number;
  to: number;
  type: EntityType;
}

/**
 * Trims a run of tokens to the name in it; null when no name is left. A name never starts with an article nor ends in a
 * possessive, and punctuation never opens or closes one, whatever the tagger's span ("the Acme", "Acme’s"): the reader
 * sees the name, and its mentions merge. Its first word has a capital or a digit, but for a particle that opens it ("von
 * Holm", "al-Vell"); where every word of a name is `capitalised` (English, German: see lib/text), so has its last
 * ("Vell province" is "Vell"), but for a word joined to the one before it ("Quillon.com", "Chan Siu-ming"), an
 * organisation's head word ("the Harbour party") and the last words of other names (works and events: "Homo
 * sapiens", "the 2030 election"); elsewhere a name may end in lowercase words ("Parti socialiste").
 */
function trimName(tokens: Token[], from: number, to: number, type: EntityType, capitalised: boolean): { from: number; to: number } | null {
  const word = (k: number) => (tokens[k] as Token).text;
  for (;;) {
    if (from >= to) return null;
    const first = word(from);
    const lowercaseWord = !isNameWord(first) && !(NAME_PARTICLES.has(first) && from + 1 < to);
    if (EDGE_ARTICLE.test(first) || isNoWord(first) || lowercaseWord) from++;
    else break;
  }
  for (;;) {
    if (to <= from) return null;
    const last = word(to - 1);
    const lowercaseWord =
      capitalised &&
      type !== 'MISC' &&
      !isNameWord(last) &&
      to - 1 > from &&
      !joined(tokens, to - 2, to - 1) &&
      !(type === 'ORG' && ORG_HEADS.has(last));
    if (POSSESSIVE.test(last) || isNoWord(last) || lowercaseWord) to--;
    else break;
  }
  // A title alone ("Mr." after a dash) is no name, nor is a letter alone (an interview's "Q:").
  if (to - from === 1 && (TITLES.has(word(from).replace(/\.$/, '').toLowerCase()) || oneCharThen(word(from), LETTER, '.', true))) return null;
  return { from, to };
}

/**
 * The names in a tagger's span: cut where it runs over a spaced dash, where a person's span runs over "and" or "of"
 * ("Jan Holm of Northshire": a person, then, typically, a place), and where a place's runs over a comma
 * ("Millbrook, MD": a town, then its state); trimmed to the words a name starts and ends
 * with; and, in text that splits hyphenated words, taken on to the whole of a person's or body's hyphenated name the
 * span stops inside ("Ana Varga" of "Ana Varga-Holm", "Chan Siu" of "Chan Siu-ming"; not "Trump-era").
 * A piece cut from a longer span is a place when the place lexicon knows it.
 */
export function nameParts(
  text: string,
  tokens: Token[],
  start: number,
  end: number,
  type: EntityType,
  isPlace: (name: string) => boolean,
  capitalised = true,
): NamePart[] {
  const pieces: NamePart[] = [];
  let from = start;
  let pieceType = type;
  for (let k = start; k <= end; k++) {
    const word = k < end ? (tokens[k] as Token).text : '';
    const breaks = k < end && (NAME_BREAK.test(word) || (type === 'PER' && PERSON_JOINS.has(word)) || (type === 'LOC' && word === ','));
    if (k < end && !breaks) continue;
    if (k > from) pieces.push({ from, to: k, type: pieceType });
    from = k + 1;
    // (After "of", a place, unless it reads as a body: "Jan Holm of New Zealand", "Ann Roe of the PDP".)
    if (breaks && type === 'PER' && word === 'of') pieceType = 'LOC';
  }
  const out: NamePart[] = [];
  for (const piece of pieces) {
    const trimmed = trimName(tokens, piece.from, piece.to, piece.type, capitalised);
    if (!trimmed) continue;
    const a = trimmed.from;
    let b = trimmed.to;
    const name = text.slice((tokens[a] as Token).start, (tokens[b - 1] as Token).end);
    let partType = piece.type;
    if (pieces.length > 1 && isPlace(name)) partType = 'LOC';
    else if (partType !== type && (allChars(name, UPPER, 2, Number.POSITIVE_INFINITY) || name.split(' ').some((w) => ORG_HEADS.has(w.toLowerCase()))))
      partType = 'ORG';
    // The whole hyphenated name: "-" and a word, each joined to what comes before without a space.
    if (b === piece.to && (partType === 'PER' || partType === 'ORG'))
      while (b + 1 < tokens.length && joined(tokens, b - 1, b) && (tokens[b] as Token).text === '-' && joined(tokens, b, b + 1)) {
        const next = (tokens[b + 1] as Token).text;
        const ok = startsWith(next, UPPER) || (partType === 'PER' && allChars(next, LOWER, 2, 6) && !ENGLISH_WORDS.has(next));
        if (!ok) break;
        b += 2;
      }
    out.push({ from: a, to: b, type: partType });
  }
  return out;
}

/** Whether tokens i and j (= i + 1) touch, with no space between. */
const joined = (tokens: Token[], i: number, j: number) => (tokens[i] as Token).end === (tokens[j] as Token).start;
