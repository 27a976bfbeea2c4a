/** The words around a name that decide what it is: "in Ghazni", "X said", "Nathan Law of Demosisto", lists with "and". */

import { pluralPlaceOrBodyKind } from './kinds';
import {
  DEMONYMS,
  FIRST_NAMES,
  isPlainWord,
  KNOWN_ORGS,
  LAST_NAMES,
  ORG_HEADS,
  ORG_OF_HEADS,
  PLACE_HEADS,
  PLACE_PREFIXES,
  PLACES,
  TITLE_MODIFIERS,
  TITLES,
} from './lexicon';
import type { GuessType, RawMention } from './recognize';
import type { Token } from './tokens';
import { ALWAYS_STRIPPED, isCap, isTitle, joinable, lower } from './words';

export const SPEECH_VERBS = new Set(
  'said|says|say|told|tells|added|adds|noted|notes|warned|warns|stated|states|explained|explains|argued|argues|claimed|claims|insisted|insists|asked|asks|replied|replies|declared|declares|announced|announces|confirmed|confirms|denied|denies|stressed|stresses|urged|urges|wrote|writes|tweeted|commented|comments|remarked|continued|continues|recalled|recalls|admitted|admits|acknowledged|suggested|suggests|observed|concluded|maintained|reiterated|emphasised|emphasized|pointed|alleged|predicted|promised|vowed|responded|answered|described|describes|believes|believed|thinks|thought|according'.split(
    '|',
  ),
);

const CONTEXT_LOC = new Set(['in', 'at', 'from', 'near', 'across', 'outside', 'inside', 'towards', 'toward']);
// "fled south to Rafah", "flew to Doha": "to" after a verb of going, or a direction, leads to a place.
const GOING =
  /^(fled|flee|fleeing|travelled|traveled|travel|moved|move|went|go|going|flew|fly|returned|return|headed|head|sailed|drove|walked|marched|evacuated|relocated|deported|sent|arrived|came|north|south|east|west|northwards|southwards|eastwards|westwards)$/;

/** The word before the name places it: "in Ghazni", "fled south to Rafah". */
export function placeContext(tokens: Token[], nameStart: number): boolean {
  const previous = tokens[nameStart - 1];
  if (!previous || previous.shape !== 'lower') return false;
  const w = lower(previous);
  if (CONTEXT_LOC.has(w)) return true;
  const before = tokens[nameStart - 2];
  return (w === 'to' || w === 'into') && !!before && before.shape === 'lower' && GOING.test(lower(before));
}

/** Lowercase nouns naming a kind of body, before its name ("the group Youngspiration"). */
export const APPOSITIVE_ORG = new Set([
  'group',
  'party',
  'company',
  'firm',
  'band',
  'organisation',
  'organization',
  'charity',
  'union',
  'newspaper',
  'magazine',
  'website',
  'publisher',
  'startup',
  'label',
]);

/**
 * "Food and Drug Administration", "Department of Health and Human Services": an "and" inside one organisation's name.
 * Returns the end of the name, or 0. Two bodies in a list ("the Bank of England and the Treasury", "University of Oxford
 * and Cambridge University") do not qualify: the second has its own "the", or the field is a place's name.
 */
export function andInName(tokens: Token[], from: number, and: number): number {
  const t = tokens[and] as Token;
  if (!joinable(t.gapBefore)) return 0;
  let end = and + 1;
  while (end < tokens.length && end - and <= 4) {
    const n = tokens[end] as Token;
    if (!isCap(n) || n.sentenceStart || !joinable(n.gapBefore)) break;
    end++;
  }
  if (end === and + 1) return 0;
  const before = tokens
    .slice(from, and)
    .map(lower)
    .filter((w, k) => k > 0 || !ALWAYS_STRIPPED.has(w));
  const after = tokens.slice(and + 1, end).map(lower);
  const notName = (w: string) => !PLACES.has(w) && !FIRST_NAMES.has(w) && !KNOWN_ORGS.has(w) && !DEMONYMS.has(w) && !LAST_NAMES.has(w);
  if (before.length === 1 && isPlainWord(before[0] as string) && ORG_HEADS.has(after[after.length - 1] as string)) return end;
  const of = before.lastIndexOf('of');
  const field = before.slice(of + 1);
  if (of > 0 && ORG_OF_HEADS.has(before[of - 1] as string) && field.length && field.every(notName) && after.every(notName)) return end;
  return 0;
}

/**
 * "Poland and Czechoslovakia", "Yannick Carrasco and Dries Mertens": an untyped name joined by "and" or "or" to a typed
 * one is of its type.
 */
export function typeListMembers(text: string, mentions: RawMention[]): void {
  const listed = (a: RawMention, b: RawMention) => /^,?\s+(and|or)\s+$/.test(text.slice(a.end, b.start));
  // A word of a person's name elsewhere ("Montalvo" after "Daniel Montalvo") is that person, whatever it stands beside.
  const personWords = new Set(mentions.filter((m) => m.type === 'PER').flatMap((m) => m.text.toLowerCase().split(/\s+/)));
  mentions.forEach((m, k) => {
    if (m.type !== 'UNK') return;
    if (m.tokenCount === 1 && (isPlainWord(m.text.toLowerCase()) || personWords.has(m.text.toLowerCase()))) return;
    const before = mentions[k - 1];
    const after = mentions[k + 1];
    // A longer untyped name takes the type of a list member of its own shape ("Yannick Carrasco and Dries Mertens").
    const typed = [before && listed(before, m) ? before : null, after && listed(m, after) ? after : null].find(
      (n) => n && n.type !== 'UNK' && n.type !== 'MISC' && (m.tokenCount === 1 || n.tokenCount === m.tokenCount),
    );
    if (typed) {
      m.type = typed.type;
      m.strength = 1;
    }
  });
}

/**
 * "Barry, Berrien, Calhoun, Cass, Kalamazoo and Van Buren counties", "Harvard and Yale universities": the plural kind after
 * a list names what every name in it is, whatever each name alone would suggest.
 */
export function typeListBeforeKind(text: string, mentions: RawMention[]): void {
  for (let k = 0; k < mentions.length; k++) {
    const last = mentions[k] as RawMention;
    const kind = pluralPlaceOrBodyKind(/^ ([a-z]+)\b/.exec(text.slice(last.end, last.end + 16))?.[1] ?? '');
    if (!kind) continue;
    let first = k;
    while (first > 0 && /^,? (?:and |or )?$/.test(text.slice((mentions[first - 1] as RawMention).end, (mentions[first] as RawMention).start)))
      first--;
    // (A list: "Kalamazoo County" alone, or "the Barry counties", is no list.)
    const joinedByAnd = k > first && /\b(and|or) $/.test(text.slice((mentions[k - 1] as RawMention).end, last.start));
    if (!joinedByAnd) continue;
    for (let j = first; j <= k; j++) {
      const m = mentions[j] as RawMention;
      m.type = kind;
      m.strength = Math.max(m.strength, 2);
    }
  }
}

/** "US President Barack Obama", "Microsoft CEO Satya Nadella": the country or body before a title is a name of its own. */
export function nameBeforeTitle(text: string, tokens: Token[], from: number, mention: RawMention): RawMention | null {
  if (!mention.titles.length) return null;
  const phrase = tokens.slice(from, mention.tokenIndex);
  // The title's first word ("US President …"), or the one after its "of" ("President of Pakistan …").
  const afterOf = phrase.findIndex((t, k) => k > 0 && /^(of|for)$/.test(phrase[k - 1]?.text ?? '') && isCap(t));
  // (A plain word opening the sentence, "Yesterday", is no part of a name.)
  const opening = (t: Token) =>
    ALWAYS_STRIPPED.has(lower(t)) || (t.sentenceStart && t.shape === 'upper' && isPlainWord(lower(t)) && !PLACE_PREFIXES.has(lower(t)));
  const first = afterOf > 0 ? phrase[afterOf] : phrase.find((t) => !opening(t));
  const w = first ? lower(first) : '';
  if (!first || TITLES.has(w)) return null;
  // "T-Mobile CEO John Legere": words before the title that the recogniser left out of it name a body.
  const titleAt = mention.tokenIndex - mention.titles.length;
  const bodyIndex = from + phrase.indexOf(first);
  const bodyHead = titleAt - bodyIndex > 1 ? lower(tokens[titleAt - 1] as Token) : '';
  if (!(PLACES.has(w) || KNOWN_ORGS.has(w)) || (afterOf < 0 && ORG_HEADS.has(bodyHead))) {
    if (afterOf > 0 || titleAt <= bodyIndex) return null;
    const body = spanMention(text, tokens, bodyIndex, titleAt, 'ORG', 1);
    // "South Dakota Gov. Kristi Noem": a place of more than one word.
    return PLACES.has(body.text.toLowerCase()) ? { ...body, type: 'LOC' } : body;
  }
  return spanMention(text, tokens, bodyIndex, bodyIndex + 1, PLACES.has(w) ? 'LOC' : 'ORG', 2);
}

/** A mention of the tokens `from`..`to`, with no title. */
export function spanMention(text: string, tokens: Token[], from: number, to: number, type: GuessType, strength: number): RawMention {
  const [a, b] = [tokens[from] as Token, tokens[to - 1] as Token];
  return { start: a.start, end: b.end, text: text.slice(a.start, b.end), type, strength, titles: [], tokenIndex: from, tokenCount: to - from };
}

/**
 * "in Stafford", "Stafford, England": words that make a lone name a place whatever else it may be. Narrower than
 * placeContext: "from" and "at" are said of people too ("attention back from Schiff", "glanced over at Haoyu").
 */
export function placedByContext(tokens: Token[], from: number, to: number): boolean {
  return /^(in|near|across|outside|inside)$/.test(tokens[from - 1]?.text ?? '') || besidePlace(tokens, from, to);
}

/** The name is one of a list of places or followed by the place it lies in: "Preston, Victoria, Australia". */
export function besidePlace(tokens: Token[], from: number, to: number): boolean {
  const placeAt = (k: number) => {
    const t = tokens[k];
    return !!t && isCap(t) && PLACES.has(lower(t));
  };
  const next = tokens[to];
  if (next && /^,\s+$/.test(next.gapBefore) && placeAt(to)) return true;
  const first = tokens[from] as Token;
  return /^,\s+$/.test(first.gapBefore) && placeAt(from - 1);
}

/** "X said", "X, a doctor, said": the name is a speaker, so a person or an organisation. */
// "Chrome continues to surge", "the firm promised to pay": these verbs speak only without an infinitive after them.
const INFINITIVE_VERBS = /^(continue[ds]?|promise[ds]?|vow(s|ed)?|claim(s|ed)?|ask(s|ed)?|urge[ds]?)$/;
const beforeInfinitive = (tokens: Token[], verb: number) =>
  INFINITIVE_VERBS.test(lower(tokens[verb] as Token)) && tokens[verb + 1]?.text === 'to' && tokens[verb + 2]?.shape === 'lower';

export function speaks(tokens: Token[], after: number): boolean {
  const next = tokens[after];
  if (!next) return false;
  if (next.gapBefore.trim() === '' && SPEECH_VERBS.has(lower(next))) return !beforeInfinitive(tokens, after);
  if (next.gapBefore.trim() === ',') {
    for (let k = after; k < Math.min(tokens.length, after + 8); k++) {
      const t = tokens[k] as Token;
      if (k > after && t.gapBefore.includes(',') && SPEECH_VERBS.has(lower(t))) return true;
      if (/[.;:!?\n]/.test(t.gapBefore) && k > after) return false;
    }
  }
  return false;
}

/** "Nathan Law of Demosisto", "Raymond Chan of People Power": the name after "of" is the body a named person belongs to. */
export function memberOf(tokens: Token[], nameStart: number): boolean {
  const of = tokens[nameStart - 1];
  if (!of || of.text !== 'of' || !joinable((tokens[nameStart] as Token).gapBefore)) return false;
  let start = nameStart - 1;
  while (start > 0 && isCap(tokens[start - 1] as Token) && joinable((tokens[start] as Token).gapBefore) && !(tokens[start] as Token).sentenceStart)
    start--;
  const length = nameStart - 1 - start;
  return length >= 2 && length <= 3 && FIRST_NAMES.has(lower(tokens[start] as Token));
}

/**
 * "Alvin Yeung of Civic Party", "President Xi Jinping of China", "Rusmik Oza of Kotak Securities": a person's name, then
 * "of" at `of` and the body or place they belong to; two names, not one. "Bank of England", "United States of America"
 * and "High Commissioner of Pakistan" stay whole.
 */
export function personBeforeOf(tokens: Token[], from: number, of: number): boolean {
  const before = tokens.slice(from, of).map(lower);
  const last = before[before.length - 1] as string;
  if (
    before.length < 2 ||
    before.length > 4 ||
    ORG_OF_HEADS.has(last) ||
    ORG_HEADS.has(last) ||
    PLACE_HEADS.has(last) ||
    PLACES.has(before.join(' '))
  )
    return false;
  if (before.length <= 3 && FIRST_NAMES.has(before[0] as string)) return true;
  // A title phrase, then a name with no title word in it.
  let k = 0;
  while (k < before.length && (isTitle(before[k] as string) || TITLE_MODIFIERS.has(before[k] as string))) k++;
  const titled = k > 0 && before.slice(0, k).some(isTitle);
  if (titled) return k < before.length && !before.slice(k).some((w) => isTitle(w) || TITLE_MODIFIERS.has(w));
  // Two unknown words before an organisation's name.
  if (before.length !== 2 || before.some((w) => isTitle(w) || KNOWN_ORGS.has(w) || PLACES.has(w))) return false;
  let end = of + 1;
  while (tokens[end] && isCap(tokens[end] as Token) && joinable((tokens[end] as Token).gapBefore) && !(tokens[end] as Token).sentenceStart) end++;
  const after = tokens.slice(of + 1, end).map(lower);
  return after.length > 0 && (ORG_HEADS.has(after[after.length - 1] as string) || KNOWN_ORGS.has(after.join(' ')));
}
