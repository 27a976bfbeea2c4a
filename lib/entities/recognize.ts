import type { EntityType } from '../analyze/types';
import {
  APPOSITIVE_ORG,
  andInName,
  besidePlace,
  memberOf,
  nameBeforeTitle,
  personBeforeOf,
  placeContext,
  placedByContext,
  spanMention,
  speaks,
  typeListBeforeKind,
  typeListMembers,
} from './context';
import { joinInvertedNames } from './inverted';
import { isKindNoun, kindAround } from './kinds';
import {
  COMMON_WORDS,
  CORE_PLACES,
  DEMONYMS,
  EVENT_HEADS,
  EVENT_PREFIXES,
  FAMOUS_SURNAMES,
  FIRST_NAMES,
  isPlainWord,
  KNOWN_ORGS,
  KNOWN_PEOPLE,
  LAST_NAMES,
  LOWERCASE_ORG_HEADS,
  NAME_PARTICLES,
  ORG_HEADS,
  ORG_OF_HEADS,
  PLACE_HEADS,
  PLACE_PREFIXES,
  PLACES,
  PRODUCT_TAILS,
  RELIGIONS,
  TITLE_MODIFIERS,
  TITLES,
  US_STATE_CODES,
} from './lexicon';
import { readTitlePhrase } from './titles';
import { isPossessiveMarker, type Token } from './tokens';
import { splitTrailingPerson } from './trailing';
import { ALWAYS_STRIPPED, isCap, isPlainHere, isTitle, joinable, lower } from './words';

/** UNK: a lone capitalised word with no type evidence; merging or context decides, else it is dropped. */
export type GuessType = EntityType | 'UNK';

export interface RawMention {
  start: number;
  end: number;
  text: string;
  /** the name in its usual order where the text inverts it ("Jane Austen" for "Austen, Jane") */
  name?: string;
  type: GuessType;
  /** how sure the type is: 3 lexicon or title, 2 name shape, 1 context guess */
  strength: number;
  titles: string[];
  /** index of the first token of the name, for context look-ups */
  tokenIndex: number;
  tokenCount: number;
  /** found by matching an already known name, where capitals alone were not trusted */
  propagated?: boolean;
  /** a place by the words around it ("in Stafford", "Stafford, England"), not only by a gazetteer */
  placed?: boolean;
  /** one word after a lowercase "the" ("the Web"): a thing's or a body's name, never a person's */
  afterThe?: boolean;
}

const PUBLISHES = /^(reported|reports|wrote|writes|revealed|reveals|published|publishes)$/;
const PLAIN_SUFFIX = /(tion|sion|ment|ness|ity|ism|ship|ics|ing|ery|ure|ence|ance|ology|ware|book|day|cup|way|land|ville|ton|field|burg|shire)$/;
// (ASCII classes here and below: each Unicode property class costs time to build at cold start.)
const PLURAL_ACRONYM = /^[A-Z]{2,}s$/;
/** "BBCUrdu", "eBay", "LibriVox", "YouTube": brands and outlets (but not "McDonald" or "MacArthur"). */
function isCamelOrg(word: string): boolean {
  // ("APIs", "CPUs", "SUVs": an acronym's plural names things.)
  if (PLURAL_ACRONYM.test(word)) return false;
  return (
    /^\p{Lu}{2,}\p{Ll}/u.test(word) ||
    /^\p{Ll}+\p{Lu}/u.test(word) ||
    (/^\p{Lu}\p{Ll}+\p{Lu}/u.test(word) && !/^(Mc|Mac|O’|O'|De|Di|La|Le|Van|Von)\p{Lu}/u.test(word))
  );
}

/** Acronyms that are formats, technologies or ordinary abbreviations, not organisations. */
const NOT_ORG_ACRONYMS = new Set(
  'html|xml|css|pdf|usb|dvd|cd|tv|gps|ai|it|pc|id|faq|diy|gdp|vat|hiv|aids|dna|rna|covid|sars|ceo|cfo|cto|mp|mps|pm|am|ok|vip|pov|iq|qc|sc|rsvp|asap|lol|omg|fyi|aka|etc|vs|www|url|api|app|sms|mms|gmt|utc|bst|est|pst|cet|mph|kph|kg|km|cm|mm|rpm|bc|ad|ce|bce|jr|sr|phd|md|ba|ma|bsc|msc|llb|llm|mba|mphil|dphil|cpu|gpu|http|https|isbn|issn|doi|pmid|pmc|uri|sdk|ide|gui|ui|ux|os|hdr|vr|ar|mb|gb|kb|tb|sql|json|xhr|abi|posix|tcp|ip|dns|ssl|tls|ssh|ftp|smtp|rss|cdn|ram|rom|ssd|hdd|lcd|led|oled|nfc|lte|suv|ev|rfc|irc|voip|p2p|wasm'.split(
    '|',
  ),
);

export interface RecogniseContext {
  /** lowercase words that occur in lowercase somewhere in the text: a capitalised one at a sentence start is a plain word */
  lowercaseWords: Set<string>;
  /** words written in lowercase at least as often as with a capital: plain words here */
  plainWords: Set<string>;
  /** sentences written in headline case, where capitals mean nothing */
  headlineSentences: Set<number>;
  /** two capitalised words in a row inside a sentence ("heaven sent"): the same pair starting one is a name, not a plain word */
  capitalPairs: Set<string>;
}

// Capitalised inside a sentence only in headline case ("As Much A Threat As Any Other Group").
const HEADLINE_FUNCTION_WORDS = new Set([
  'a',
  'an',
  'the',
  'as',
  'of',
  'in',
  'on',
  'to',
  'for',
  'with',
  'and',
  'or',
  'is',
  'are',
  'at',
  'by',
  'from',
  'any',
  'other',
  'over',
  'after',
  'into',
  'its',
  'his',
  'her',
  'their',
  'not',
  'be',
  'was',
  'will',
  'says',
  'said',
]);

const URLISH_GAP = /[/@=?&_%:]$|^[/@=?&_%]|^\.$/;

export function buildContext(tokens: Token[]): RecogniseContext {
  const lowercaseWords = new Set<string>();
  const perSentence = new Map<number, { caps: number; words: number; capitalFunctionWords: number }>();
  const lowerUses = new Map<string, number>();
  const capitalUses = new Map<string, number>();
  tokens.forEach((t, k) => {
    if (t.shape === 'lower') {
      lowercaseWords.add(t.text);
      // (Not in an address or a handle: "/storage/michiel", "michiel@…" write a name in lowercase.)
      if (!URLISH_GAP.test(t.gapBefore) && !URLISH_GAP.test(tokens[k + 1]?.gapBefore ?? '')) lowerUses.set(t.text, (lowerUses.get(t.text) ?? 0) + 1);
    } else if (t.shape === 'upper') capitalUses.set(lower(t), (capitalUses.get(lower(t)) ?? 0) + 1);
    const entry = perSentence.get(t.sentence) ?? { caps: 0, words: 0, capitalFunctionWords: 0 };
    if (t.shape !== 'other' && !t.sentenceStart) {
      entry.words++;
      if (isCap(t)) entry.caps++;
      if (t.shape === 'upper' && HEADLINE_FUNCTION_WORDS.has(t.text.toLowerCase())) entry.capitalFunctionWords++;
    }
    perSentence.set(t.sentence, entry);
  });
  // "ants" beside one "in Ants", "standalone" beside one "Standalone Wasm": a word the text writes in lowercase at least as
  // often as with a capital is a plain word here. ("michiel" in a few addresses does not outweigh "Michiel" ×23.)
  const plainWords = new Set<string>();
  for (const [word, n] of lowerUses) if (word.length > 1 && n >= (capitalUses.get(word) ?? 0)) plainWords.add(word);
  const headlineSentences = new Set<number>();
  for (const [sentence, { caps, words, capitalFunctionWords }] of perSentence) {
    const ratio = words ? caps / words : 0;
    if ((capitalFunctionWords >= 2 && ratio >= 0.6) || (capitalFunctionWords >= 1 && ratio >= 0.8 && words >= 4)) headlineSentences.add(sentence);
  }
  const capitalPairs = new Set<string>();
  tokens.forEach((t, k) => {
    const next = tokens[k + 1];
    if (!next || t.sentenceStart || next.sentenceStart || headlineSentences.has(t.sentence)) return;
    if (isCap(t) && isCap(next) && joinable(next.gapBefore)) capitalPairs.add(`${lower(t)} ${lower(next)}`);
  });
  return { lowercaseWords, plainWords, headlineSentences, capitalPairs };
}

/** "Chief of Army Staff General Raheel Sharif" is 7; longer runs are lists or headline case, not one name. */
const MAX_NAME_TOKENS = 12;

/** Finds runs of capitalised words (with "of", name particles and a trailing "network") and types each as a name. */
export function recognise(text: string, tokens: Token[], context: RecogniseContext): RawMention[] {
  const mentions: RawMention[] = [];
  let i = 0;
  while (i < tokens.length) {
    const first = tokens[i];
    if (!first || !isCap(first) || context.headlineSentences.has(first.sentence)) {
      i++;
      continue;
    }
    // "#IStandWithAhmed", "@POTUS": a hashtag or a handle, not a name in the text.
    if (/[#@]$/.test(first.gapBefore)) {
      i++;
      continue;
    }
    let j = i + 1;
    let orgByLowercaseHead = false;
    // No name runs longer; the cap also keeps a run of thousands of capitalised words from costing quadratic time.
    while (j < tokens.length && j - i < MAX_NAME_TOKENS) {
      const t = tokens[j] as Token;
      if (t.sentenceStart || !joinable(t.gapBefore) || isPossessiveMarker(t)) break;
      if (isCap(t)) {
        j++;
        continue;
      }
      const next = tokens[j + 1];
      // "Centre for Social Evolution", "Institute for Fiscal Studies": "for" after an organisation's head word.
      const connector = lower(t) === 'of' || NAME_PARTICLES.has(lower(t)) || (lower(t) === 'for' && ORG_HEADS.has(lower(tokens[j - 1] as Token)));
      // "Alvin Yeung of Civic Party": a person's full name and the body they belong to, two names.
      const personBefore = lower(t) === 'of' && personBeforeOf(tokens, i, j);
      if (connector && !personBefore && next && isCap(next) && joinable(next.gapBefore) && !next.sentenceStart) {
        j += 2;
        continue;
      }
      // "Maria van der Berg", "Ursula von der Leyen", "Juan de la Cruz": two particles, then the name.
      const third = tokens[j + 2];
      if (
        NAME_PARTICLES.has(lower(t)) &&
        next &&
        NAME_PARTICLES.has(lower(next)) &&
        joinable(next.gapBefore) &&
        third &&
        isCap(third) &&
        joinable(third.gapBefore) &&
        !third.sentenceStart
      ) {
        j += 3;
        continue;
      }
      const joined = lower(t) === 'and' ? andInName(tokens, i, j) : 0;
      if (joined) {
        j = joined;
        continue;
      }
      const head = tokens[j - 1] as Token;
      // "the Haqqani network"; and "the Republican party", where an adjective of politics names the party.
      const party =
        t.text === 'party' &&
        (DEMONYMS.has(lower(head)) ||
          /^(communist|socialist|green|liberal|labour|labor|conservative|democratic|republican|national|people's|workers')$/.test(lower(head)));
      if (party || (LOWERCASE_ORG_HEADS.has(t.text) && !DEMONYMS.has(lower(head)) && !PLACES.has(lower(head)) && !COMMON_WORDS.has(lower(head)))) {
        orgByLowercaseHead = true;
        j++;
      }
      break;
    }
    const mention = classify(text, tokens, i, j, context, orgByLowercaseHead);
    if (mention) {
      const place = nameBeforeTitle(text, tokens, i, mention);
      if (place) mentions.push(place);
      mentions.push(mention);
    }
    i = j;
  }
  const joined = splitTrailingPerson(text, tokens, joinInvertedNames(text, mentions));
  typeListMembers(text, joined);
  typeListBeforeKind(text, joined);
  return joined;
}

const PLACE_ONLY_HEADS =
  /^(county|district|province|region|city|township|territory|airport|station|stadium|arena|bay|gulf|strait|river|valley|island|islands|peninsula|desert|mountains|canal|dam|mall|plaza|square|avenue|auditorium|amphitheatre|amphitheater|pavilion|creek|memorial|terminal)$/;
const TALLY =
  /^\s(points?|rebounds?|assists?|steals?|blocks?|goals?|saves?|yards|tackles?|sacks?|catches|receptions|carries|touchdowns?|kills|digs|aces|hits|runs|wickets)\b/;
const CRAFT =
  /^(spacecraft|probes?|rovers?|landers?|orbiters?|satellites?|telescopes?|rockets?|spaceships?|shuttles?|submarines?|warships?|aircraft|airliners?|frigates?|destroyers?|battleships?|locomotives?)$/;
/** A craft's kind after the name, or after "and" and a second name: "Galileo spacecraft", "Galileo and Ulysses spacecraft". */
function craftAfter(tokens: Token[], end: number): boolean {
  const kind = (k: number) => {
    const t = tokens[k];
    return !!t && t.shape === 'lower' && t.gapBefore === ' ' && CRAFT.test(t.text);
  };
  if (kind(end)) return true;
  const [and, other] = [tokens[end], tokens[end + 1]];
  return !!and && !!other && /^(and|or)$/.test(and.text) && isCap(other) && kind(end + 2);
}
/** Fields a public body serves: "Tourism Australia", "Sport England", "Health Canada". */
const FIELD_WORDS =
  /^(tourism|sport|sports|transport|health|education|energy|water|trade|justice|heritage|arts|culture|rail|food|science|research|environment|fisheries|forestry|agriculture|housing|employment|defence|defense|invest|visit)$/;
/** How many of the last words are places ("Australia New Zealand", "UK"), none when the name does not end in one. */
function placeTail(lw: string[]): number {
  let k = lw.length;
  while (k > 0) {
    const two = k >= 2 ? `${lw[k - 2]} ${lw[k - 1]}` : '';
    if (two && PLACES.has(two)) k -= 2;
    else if (PLACES.has(lw[k - 1] as string) && !isPlainWord(lw[k - 1] as string)) k -= 1;
    else break;
  }
  return lw.length - k;
}
/**
 * "Tourism Australia", "Food Standards Australia New Zealand", "Cancer Research UK": a field's plain words, then the place
 * a body serves, name the body. (One plain word must name a field: "Mainland China", "Rural Victoria" are places.)
 */
function fieldBeforePlace(lw: string[]): boolean {
  const tail = placeTail(lw);
  const head = lw.slice(0, lw.length - tail);
  if (
    !tail ||
    !head.length ||
    head.some(
      (w) =>
        !(isPlainWord(w) || FIELD_WORDS.test(w)) ||
        COMMON_WORDS.has(w) ||
        PLACE_PREFIXES.has(w) ||
        DEMONYMS.has(w) ||
        FIRST_NAMES.has(w) ||
        TITLES.has(w),
    )
  )
    return false;
  return head.length >= 2 || FIELD_WORDS.test(head[0] as string);
}

const givenNameBefore = (next: string) => !isPlainWord(next) && !COMMON_WORDS.has(next) && !PLACES.has(next) && !KNOWN_ORGS.has(next);

function classify(
  text: string,
  tokens: Token[],
  from: number,
  to: number,
  context: RecogniseContext,
  orgByLowercaseHead: boolean,
): RawMention | null {
  let start = from;
  // Leading plain words: "The", and at a sentence start any common word ("However", "In").
  while (start < to) {
    const t = tokens[start] as Token;
    const w = lower(t);
    const next = start + 1 < to ? tokens[start + 1] : undefined;
    // (Each test below is made only when the ones before it pass: this runs for every name.)
    const plainStart =
      t.sentenceStart &&
      (COMMON_WORDS.has(w) || isPlainWord(w)) &&
      !TITLES.has(w) &&
      // "WHO Director-General …": an acronym in capitals is the body, even where its letters spell a plain word.
      !(t.shape === 'caps' && KNOWN_ORGS.has(w) && !NOT_ORG_ACRONYMS.has(w)) &&
      !PLACE_PREFIXES.has(w) &&
      !DEMONYMS.has(w) &&
      !(w === 'team' && next) &&
      // "Group F — Sweden 1 – 0 Korea Republic": a competition's group by its letter.
      !(next && start + 2 === to && ORG_HEADS.has(w) && /^[A-Z]$/.test(next.text)) &&
      // "Heaven Sent Gaming is …" keeps "Heaven" when "of Heaven Sent Gaming" shows the pair capitalised mid-sentence.
      !(next && context.capitalPairs.has(`${w} ${lower(next)}`)) &&
      // "Apple Inc. reported …": a plain word before nothing but an organisation's head is the organisation's name.
      !(next && start + 2 === to && !COMMON_WORDS.has(w) && ORG_HEADS.has(lower(next))) &&
      // "Bob Marley, Bruno Mars": a first name before a word that is no plain word, nor a place or a body ("Will Russia …").
      !(next && FIRST_NAMES.has(w) && givenNameBefore(lower(next)));
    if (!(ALWAYS_STRIPPED.has(w) || plainStart) || start === to - 1) break;
    start++;
    // "Listeners of LibriVox": once the plain word is gone, so is the "of" that tied it to the name.
    while (start < to - 1 && !isCap(tokens[start] as Token)) start++;
  }
  // "St. Louis", "St Kitts": a saint's name given to a place, not a title.
  if (lower(tokens[start] as Token) === 'st' && to - start >= 2) {
    return spanMention(text, tokens, start, to, 'LOC', 2);
  }
  // "Eich CEO promotion", "named Nadella CEO": an office in capitals after a name is said of it, no part of it.
  while (to - start > 1 && tokens[to - 1]?.shape === 'caps' && TITLES.has(lower(tokens[to - 1] as Token))) to--;
  // A title phrase before the name (see titles.ts).
  const { body, nameStart: titleEnd, sawTitle } = readTitlePhrase(tokens, start, to);
  let nameStart = titleEnd;
  // "Former Pakistani cricket captain …", "the US President said": titles and a nationality or country with no name after
  // them; the nationality or country is the name.
  if (sawTitle && nameStart === to && to - start > 1) {
    for (let k = to - 1; k >= start; k--) {
      const w = lower(tokens[k] as Token);
      if (DEMONYMS.has(w) || PLACES.has(w)) return classify(text, tokens, k, k + 1, context, false);
    }
    // "Former President", "Prime Minister": a title alone names no one.
    return null;
  }
  // "Commissioner of Police", "Governor of Texas", "High Commissioner for Human Rights": an office and what it serves.
  // No person is named; the body or place after it is the name, if any.
  const connector = tokens[nameStart - 1];
  if (sawTitle && nameStart > start && nameStart < to && connector && /^(of|for)$/.test(connector.text)) {
    // "CEO of Hipcricket": what an office serves, when it is no place, is a body.
    const served = classify(text, tokens, nameStart, to, context, orgByLowercaseHead);
    // ("Head of Research": plain words name a field, not a body.)
    const plainOnly = served?.text.split(/\s+/).every((w) => isPlainWord(w.toLowerCase()));
    return served?.type === 'UNK' && !plainOnly ? { ...served, type: 'ORG', strength: 1 } : served;
  }
  // "General Assembly", "Premier League", "Justice Department": a title word before an organisation's head alone opens
  // the organisation's name.
  if (sawTitle && nameStart === to - 1 && ORG_HEADS.has(lower(tokens[nameStart] as Token))) {
    return spanMention(text, tokens, start, to, 'ORG', 2);
  }
  if (!sawTitle || nameStart === to) nameStart = start;
  const titleStart = sawTitle && body !== null ? body : start;
  const titles = nameStart > titleStart ? tokens.slice(titleStart, nameStart).map((t) => t.text.replace(/\.$/, '')) : [];
  // Trailing connectors and plain words ("On Saturday", "Image") never end a name; organisation and place heads may.
  let end = to;
  // ("James To", "Wilson Or": capitalised inside a sentence after a given name, a short plain word is a surname.)
  const surnameAfterGiven = (t: Token) =>
    end === to && end - nameStart === 2 && t.shape === 'upper' && t.text.length <= 3 && FIRST_NAMES.has(lower(tokens[nameStart] as Token));
  // ("PC World", "Tech World": "World" after a word that is no common word, nationality or place names a title or a park;
  // not "Third World", "Arab World", "Western World".)
  const namedWorld = (w: string) => {
    const before = lower(tokens[end - 2] as Token);
    return w === 'world' && end - nameStart === 2 && !COMMON_WORDS.has(before) && !DEMONYMS.has(before) && !PLACES.has(before);
  };
  const plainTail = (t: Token) => {
    const w = lower(t);
    return COMMON_WORDS.has(w) && !ORG_HEADS.has(w) && !PLACE_HEADS.has(w) && !EVENT_HEADS.has(w) && !surnameAfterGiven(t) && !namedWorld(w);
  };
  while (
    end > nameStart &&
    ((!isCap(tokens[end - 1] as Token) && !orgByLowercaseHead) || (end - nameStart > 1 && plainTail(tokens[end - 1] as Token)))
  )
    end--;
  if (end <= nameStart) return null;

  const words = tokens.slice(nameStart, end);
  const firstToken = words[0] as Token;
  const lastToken = words[words.length - 1] as Token;
  const lw = words.map(lower);
  const key = lw.join(' ');
  const firstWord = lw[0] as string;
  const lastWord = lw[lw.length - 1] as string;
  const single = words.length === 1;
  const allCaps = words.every((t) => t.shape === 'caps');
  const titled = titles.length > 0;
  // The words just before and after the name.
  const previous = tokens[nameStart - 1];
  const next = tokens[end];
  const possessiveAfter = !!next && isPossessiveMarker(next);
  const mk = (type: GuessType, strength: number): RawMention => ({
    start: firstToken.start,
    end: lastToken.end,
    text: text.slice(firstToken.start, lastToken.end),
    type,
    strength,
    titles,
    tokenIndex: nameStart,
    tokenCount: end - nameStart,
    // ("toward Holcomb's campaign": the word before a possessive governs what is owned, not the name.)
    ...(type === 'LOC' && single && !possessiveAfter && placedByContext(tokens, nameStart, end) ? { placed: true } : {}),
    ...(single && previous?.text === 'the' ? { afterThe: true } : {}),
  });
  // Only the name's first `count` words: "Google" of "Google Chrome", "Jeff McBride" of "The Jeff McBride Experience".
  const mkFirst = (type: GuessType, strength: number, count = 1): RawMention => {
    const last = words[count - 1] as Token;
    return { ...mk(type, strength), end: last.end, text: text.slice(firstToken.start, last.end), tokenCount: count };
  };

  if (single && !titled) {
    const t = firstToken;
    // "the West", "the East": the capital makes the compass point a place.
    if (/^(west|east)$/.test(firstWord) && t.shape === 'upper' && previous?.text === 'the') return mk('LOC', 2);
    // "asserted by the Crown", "the Crown prosecutor": the state as a party in Commonwealth courts (not "Crown Prince").
    if (firstWord === 'crown' && t.shape === 'upper' && previous?.text === 'the' && !t.sentenceStart) return mk('ORG', 2);
    if (COMMON_WORDS.has(firstWord) && t.shape !== 'caps') return null;
    if (TITLES.has(firstWord) || TITLE_MODIFIERS.has(firstWord)) return null;
    if (
      t.sentenceStart &&
      t.shape === 'upper' &&
      (context.lowercaseWords.has(firstWord) || isPlainWord(firstWord)) &&
      !CORE_PLACES.has(firstWord) &&
      !KNOWN_ORGS.has(firstWord)
    )
      return null;
  }
  // "US$ 20,000", "NZ $26 million": a currency, not the country.
  if (/^\s?\$/.test(next?.gapBefore ?? '')) return null;
  if (orgByLowercaseHead) return mk('ORG', 3);
  // "The Independent reported …", "The Guardian wrote": a capitalised word after a sentence's "The" that reports is a
  // publication (not "The Doctor", a title, nor "The Company", a kind of body).
  const publishes = previous?.text === 'The' && previous.sentenceStart && PUBLISHES.test(next?.text ?? '') && joinable(next?.gapBefore ?? '');
  if (single && !titled && publishes && !isTitle(firstWord) && !isKindNoun(firstWord) && !DEMONYMS.has(firstWord) && !PLACES.has(firstWord))
    return mk('ORG', 2);
  // "publishers such as O'Reilly", "AKMA was the first guy …": the kind of thing the words around it name.
  const kind = titled ? null : kindAround(tokens, nameStart, end);
  if (kind) return mk(kind, 2);
  if (single && (RELIGIONS.has(firstWord) || DEMONYMS.has(firstWord.replace(/s$/, '')))) return mk('MISC', 3);
  // "New Zealander", "Londoners", "Polynesians": the people of a place.
  if ((/ers?$/.test(lastWord) && PLACES.has(key.replace(/ers?$/, ''))) || (/ians?$/.test(lastWord) && PLACES.has(key.replace(/ns?$/, ''))))
    return mk('MISC', 3);
  // "Internet Explorer 6", "Windows 10", "Apollo 11": a numbered version is a product or a mission (not "Sweden 1 – 0").
  // ("Kelli Howard 6 steals", "C. Martinez 12 points": after a first name, or before a player's tally, a number is a count.)
  const numbered = next && next.gapBefore === ' ' && /^\d{1,2}$/.test(next.text) && !/^\s*[–—-]\s*\d/.test(text.slice(next.end, next.end + 4));
  const tally = numbered && TALLY.test(text.slice(next.end, next.end + 14));
  const givenNamed = !single && FIRST_NAMES.has(firstWord);
  if (numbered && !tally && !PLACES.has(key) && !givenNamed) return mk('MISC', 3);
  // "the Galileo and Ulysses spacecraft", "the Hubble telescope": a craft's or an instrument's name (not "the NASA probe").
  if (craftAfter(tokens, end) && !KNOWN_ORGS.has(key) && !PLACES.has(key) && !givenNamed) return mk('MISC', 3);
  // "Team Estonia", "Team Sky", "Team GB": a side or a squad, named by its place or its sponsor.
  if (!single && firstWord === 'team' && firstToken.shape === 'upper') return mk('ORG', 3);
  // "Group G", "Pool B": a section of a competition, an organisation of the event.
  if (!single && lastToken.text.length === 1 && ORG_HEADS.has(firstWord)) return mk('ORG', 2);
  if (!single && EVENT_PREFIXES.has(firstWord) && !titled) return mk('MISC', 3);
  if (EVENT_HEADS.has(lastWord) && !titled) {
    // "Google Science Fair": the organisation that runs the event is named in it ("Mozilla Festival" is the event's name).
    if (words.length > 2 && KNOWN_ORGS.has(firstWord)) return mkFirst('ORG', 2);
    return mk('MISC', 2);
  }
  // "Stadia Pro", "Chromecast Ultra", "Brydge Pro Keyboard": a model's or device's last word makes a product.
  if (!single && !titled && PRODUCT_TAILS.has(lastWord) && !KNOWN_ORGS.has(firstWord)) return mk('MISC', 2);
  // "Frost & Sullivan", "Ernst & Young": names joined by an ampersand are a firm's.
  if (!single && !titled && text.slice(firstToken.end, lastToken.start).includes('&')) return mk('ORG', 2);
  // A two-letter known body is an acronym: "Un" in "Kim Jong Un" is no UN.
  const knownOrg = (w: string, t: Token) => KNOWN_ORGS.has(w) && (w.length > 2 || t.shape === 'caps');
  // ("Michael Dell", "John M. Ford": a first name before a firm's one-word name makes a person.)
  if (KNOWN_ORGS.has(key) || (knownOrg(lastWord, lastToken) && words.length <= 3 && !titled && !FIRST_NAMES.has(firstWord))) return mk('ORG', 3);
  // "Houston, TX", "Portland, OR": a US state's postal code after a city.
  // ("Tom Molomby, SC, said": set off by commas after a name that is no place, it is a post-nominal.)
  const afterCity = !!previous && isCap(previous) && (PLACES.has(lower(previous)) || !/^,/.test(next?.gapBefore ?? ''));
  if (single && firstToken.shape === 'caps' && US_STATE_CODES.has(firstWord) && /^,\s$/.test(firstToken.gapBefore) && afterCity) return mk('LOC', 2);
  // "Sydney" is someone's name too, but a city first unless it speaks.
  const nextToPlace = single && PLACES.has(key) && besidePlace(tokens, nameStart, end);
  const placeHere = single && (CORE_PLACES.has(key) || nextToPlace || (PLACES.has(key) && placeContext(tokens, nameStart)));
  if (KNOWN_PEOPLE.has(key) && !(placeHere && !speaks(tokens, end))) return mk('PER', 3);
  // "from Sydney, Australia", "Preston, Victoria", "New South Wales, Victoria": a place named beside another.
  if (nextToPlace) return mk('LOC', 2);
  // "Charlotte", "Austin": a place or a person's name; only speech or a place word before it decides.
  const personLike = single && !CORE_PLACES.has(key) && (FIRST_NAMES.has(key) || LAST_NAMES.has(key));
  if (personLike && PLACES.has(key)) {
    if (speaks(tokens, end)) return mk('PER', 2);
    return placeContext(tokens, nameStart) ? mk('LOC', 2) : mk('UNK', 0);
  }
  if (PLACES.has(key) && (!single || !firstToken.sentenceStart || CORE_PLACES.has(key) || !isPlainWord(key))) return mk('LOC', 3);
  // "Google Chrome", "NATO Joint Jet Pilot Training": a known body before words that are no organisation's head names
  // its product or programme; the body is the name ("Google Foundation" stays whole).
  if (!single && knownOrg(firstWord, firstToken) && !titled) {
    if (ORG_HEADS.has(lastWord) || ORG_OF_HEADS.has(lastWord)) return mk('ORG', 2);
    return mkFirst('ORG', 2);
  }
  if (!single && lw.slice(-2).join(' ') === 'school district') return mk('ORG', 3);
  // "Stadia RDR2", "M1 SP": letters and digits in one word make a model's or a product's name, never a person's; so do
  // a format's or a plural abbreviation ("Web APIs", "Cache API", "NextWork RPCs").
  const thingWord = (w: Token) =>
    /[A-Za-z][0-9]|[0-9][A-Za-z]/.test(w.text) ||
    PLURAL_ACRONYM.test(w.text) ||
    (w.shape === 'caps' && !w.text.includes('.') && NOT_ORG_ACRONYMS.has(lower(w)) && !TITLES.has(lower(w)));
  if (!single && !titled && !allCaps && !ORG_HEADS.has(lastWord) && words.some(thingWord)) return mk('MISC', 2);
  // ("Lewis County", "Grant Park Avenue": a kind of place that is seldom anyone's surname ends a place's name; after a
  // particle it is a surname after all: "Pieter van Dam".)
  const placeOnlyHead = PLACE_ONLY_HEADS.test(lastWord) && !NAME_PARTICLES.has(lw[lw.length - 2] ?? '');
  if (givenNamed && !titled && !ORG_HEADS.has(lastWord) && !placeOnlyHead) {
    // "The Jeff McBride Experience": a show or work named for the person; the person is the name in it.
    if (words.length >= 3 && isPlainWord(lastWord) && !PLACE_HEADS.has(lastWord)) return mkFirst('PER', 2, words.length - 1);
    return mk('PER', 3);
  }
  // "Gulf of Mexico", "Plains of Arafat", "Province of Ontario": a kind of place, then "of" and its name.
  if (!single && lw[1] === 'of' && PLACE_HEADS.has(firstWord) && !ORG_HEADS.has(firstWord) && !ORG_OF_HEADS.has(firstWord)) return mk('LOC', 3);
  if (!single && ORG_HEADS.has(lastWord)) return mk('ORG', 3);
  if (!single && lw.some((w, k) => (ORG_OF_HEADS.has(w) || ORG_HEADS.has(w)) && (lw[k + 1] === 'of' || lw[k + 1] === 'for'))) return mk('ORG', 3);
  if (titled) return mk('PER', 3);
  if (!single && PLACE_PREFIXES.has(firstWord) && !FIRST_NAMES.has(lw[1] ?? '')) return mk('LOC', 2);
  if (!single && PLACE_HEADS.has(lastWord)) return mk('LOC', 2);
  if (single && DEMONYMS.has(firstWord)) return mk('MISC', 3);
  // "localist group Civic Passion", "the firm Acme Widgets": a name after the kind of body it is.
  if (previous && previous.shape === 'lower' && APPOSITIVE_ORG.has(previous.text) && joinable(firstToken.gapBefore) && !FIRST_NAMES.has(firstWord))
    return mk('ORG', 2);
  if (single && isCamelOrg(firstToken.text) && !NOT_ORG_ACRONYMS.has(firstWord)) return mk('ORG', 2);
  // "the AMAs", "APIs": a plural abbreviation is an award show's or a kind of thing, no body's nor place's.
  if (single && PLURAL_ACRONYM.test(firstToken.text)) return mk('MISC', 1);
  // Acronyms: organisations, unless they are formats, words in capitals, or carry digits (IE6, XML, OK, HUGE).
  if (single && allCaps && firstToken.text.length <= 6) {
    // ("HTTP", "ISBN", "CPU": formats, units and common abbreviations name no one and nothing in the story.)
    if (NOT_ORG_ACRONYMS.has(firstWord)) return null;
    const acronymOrg = /^\p{Lu}{2,6}$|^\p{Lu}+&\p{Lu}+$/u.test(firstToken.text) && !isPlainWord(firstWord);
    return mk(acronymOrg ? 'ORG' : 'MISC', 1);
  }
  if (allCaps && !single) return null; // a shouted line, not a name
  if (!single) {
    if (DEMONYMS.has(firstWord) && words.length === 2) return mk('MISC', 1);
    // People's names do not start with an acronym ("JPL Stardust", "NASA Discovery"): a project or product.
    // Dotted initials are a person's ("J.R. Smith"), or a place's ("U.S. Open"): the rules below tell which.
    if (firstToken.shape === 'caps' && !/^(?:\p{Lu}\.){1,3}\p{Lu}?$/u.test(firstToken.text)) return mk('UNK', 0);
    // "Human Rights said": plain words that speak are an office's or a body's, not a person's name.
    if (fieldBeforePlace(lw)) return mk('ORG', 2);
    const speaker = speaks(tokens, end) && !lw.every((w) => isPlainWord(w) || COMMON_WORDS.has(w));
    if (FIRST_NAMES.has(firstWord) || LAST_NAMES.has(lastWord) || speaker) return mk('PER', 3);
    // Capitalised words that are also plain words ("World Cup", "Internet Explorer", "Card Tricks") make a work,
    // event or product more likely than a person; merging may still decide (a lone surname later means a person).
    // A place leading an unknown phrase ("Vietnam War", "Malaysia Tourism board") is still that place.
    // ("Van Buren": a particle opens a surname, whatever place it also names.)
    if (PLACES.has(firstWord) && !FIRST_NAMES.has(firstWord) && !NAME_PARTICLES.has(firstWord)) {
      return mkFirst('LOC', 2);
    }
    // "Yau Wai-ching", "Park Joo-Ho": a family name and a two-syllable given name, a person's.
    if (
      words.length <= 3 &&
      words.some((w) => /^\p{Lu}\p{Ll}{1,4}-\p{L}\p{Ll}{1,4}$/u.test(w.text)) &&
      !words.some((w) => w.text.includes('-') && isPlainWord(lower(w).split('-')[0] as string))
    )
      return mk('PER', 2);
    // Plain words among the capitals ("Internet Explorer", "Term Limits") make a work or product more likely than a person.
    const plain = (w: string) => COMMON_WORDS.has(w) || context.lowercaseWords.has(w) || PLAIN_SUFFIX.test(w) || isPlainWord(w);
    if (memberOf(tokens, nameStart)) return mk('ORG', 1);
    // (A particle after an initial is a surname's: "Michiel B. de Jong".)
    const initialed = words.some((w) => w.text.length === 2 && w.text[1] === '.' && w.shape === 'upper');
    if (lw.some((w) => plain(w) && !(initialed && NAME_PARTICLES.has(w)))) return mk('UNK', 0);
    // "in Nizhny Novgorod": people are seldom "in" anything, places are.
    if (previous && /^(in|near|across)$/.test(previous.text) && !/[,;:]/.test(firstToken.gapBefore)) return mk('LOC', 1);
    // "Mustang Mach E", "Model S", "Plan B": a bare letter, no initial's dot, ends a model's or a plan's name. (Not in a
    // list of authors, "Arup Malakar, J B, …", "Trewick SA, Morgan-Richards M.": there a comma or a dot follows it.)
    if (/^[A-Z]$/.test(lastToken.text) && next && /^\s+$/.test(next.gapBefore) && firstToken.text.length > 1) return mk('MISC', 1);
    return mk('PER', 1);
  }
  // "descended from Polynesians", "among Christians": a people or a faith's followers ("the Appalachians" are mountains).
  if (single && /ians$/.test(firstWord) && previous?.text.toLowerCase() !== 'the') return mk('MISC', 2);
  // "in Ghazni" is a place; "learning in Ants" is a plain word written with a capital (as the text writes "ants" elsewhere).
  const plainHere = (w: string) => isPlainHere(w, context.plainWords);
  if (placeContext(tokens, nameStart) && !plainHere(firstWord) && !plainHere(firstWord.replace(/s$/, ''))) return mk('LOC', 1);
  // "The Onion", "The Independent": a capital "The" inside a sentence makes a plain word a title, most often an outlet's.
  if (single && previous?.text === 'The' && !previous.sentenceStart && previous.end === firstToken.start - 1) return mk('ORG', 1);
  // A lone name mid-sentence: a person's when the lexicons know it as a first name, a last name or a famous surname.
  if (
    single &&
    !firstToken.sentenceStart &&
    !isPlainWord(firstWord) &&
    (FIRST_NAMES.has(firstWord) || LAST_NAMES.has(firstWord) || FAMOUS_SURNAMES.has(firstWord))
  )
    return mk('PER', 2);
  // "O'Reilly", "O’Brien": an Irish family name's shape, whatever the lexicons hold.
  if (single && /^o['’][a-z]{2,}$/.test(firstWord)) return mk('PER', 2);
  if (single && memberOf(tokens, nameStart)) return mk('ORG', 1);
  // "In an interview with CNN, Zelensky said": a lone unknown name that speaks is most often a person.
  if (single && !firstToken.sentenceStart && !isPlainWord(firstWord) && firstToken.shape === 'upper' && speaks(tokens, end)) return mk('PER', 1);
  return mk('UNK', 0);
}
