import { FIRST_NAMES, PLACES } from './lexicon';
import type { RawMention } from './recognize';

/** Where an inverted name may begin: a line's start (after a bullet or a number), or after a co-author's name. */
// ("^ a b": a wiki's back-links before a reference cited more than once.)
const LINE_START = /(^|\n)[ \t]*(?:[-*•·–]|\^(?: [a-z])*|\d{1,3}[.)])?[ \t]*$/;
const AFTER_COAUTHOR = /,\s[A-Z][\w.' -]*\s(and|&)\s$|;\s$/;
/** What ends the given names of a reference: a full stop, a year in brackets, or a co-author. */
const REFERENCE_END = /^(\.(\s|$)|\.?;\s|\.?\s\([^()]{0,20}\d{4}\)|\s(and|&)\s[A-Z][\w'-]*,\s[A-Z])/;
const GIVEN_WORD = /^([A-Z][a-z'-]+|[A-Z]\.?)$/;

/**
 * "Austen, Jane. Pride and Prejudice", "Marx, Karl and Engels, Friedrich.": a reading list or a reference names people
 * surname first. Joins the two mentions into one person named in the usual order ("Jane Austen"), so "Austen" alone
 * refers back to her, and "Jane" is no one of her own.
 */
export function joinInvertedNames(text: string, mentions: RawMention[]): RawMention[] {
  let joined: RawMention[] | null = null;
  for (let k = 0; k + 1 < mentions.length; k++) {
    const surname = mentions[k] as RawMention;
    const given = mentions[k + 1] as RawMention;
    if (surname.tokenCount !== 1 || text.slice(surname.end, given.start) !== ', ') continue;
    if (given.type === 'ORG' || given.type === 'MISC') continue;
    const givenWords = given.text.split(' ');
    const first = givenWords[0]?.toLowerCase() ?? '';
    // ("Georgia, Virginia.": a place after a place is a list of places, where "Woolf, Virginia." is a writer.)
    const placeList = PLACES.has(first) && PLACES.has(surname.text.toLowerCase());
    if (!FIRST_NAMES.has(first) || placeList || !givenWords.every((w) => GIVEN_WORD.test(w))) continue;
    if (!REFERENCE_END.test(text.slice(given.end, given.end + 40))) continue;
    const before = text.slice(Math.max(0, surname.start - 60), surname.start);
    if (!LINE_START.test(before) && !AFTER_COAUTHOR.test(before)) continue;
    joined ??= mentions.slice();
    const person: RawMention = {
      ...surname,
      end: given.end,
      text: text.slice(surname.start, given.end),
      name: `${givenWords.map((w) => (w.length === 1 ? `${w}.` : w)).join(' ')} ${surname.text}`,
      type: 'PER',
      strength: 2,
      titles: [],
      tokenCount: given.tokenIndex + given.tokenCount - surname.tokenIndex,
      placed: false,
    };
    joined[k] = person;
    joined[k + 1] = person;
    k++;
  }
  return joined ? [...new Set(joined)] : mentions;
}
