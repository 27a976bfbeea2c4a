/** Title phrases before a person's name: "T-Mobile CEO John Legere", "White House Press Secretary Stephanie Grisham". */
import { DEMONYMS, FIRST_NAMES, isPlainWord, KNOWN_ORGS, ORG_HEADS, PARTY_WORDS, PLACES, TITLE_MODIFIERS } from './lexicon';
import type { Token } from './tokens';
import { isTitle, lower } from './words';

/** Where the title starts after one to three capitalised words that name no person, place or known body, or null. */
function unknownBodyBeforeTitle(tokens: Token[], start: number, to: number): number | null {
  if (to - start < 3) return null; // a body, a title and a name
  const first = lower(tokens[start] as Token);
  // Words that belong in a title phrase ("Prime", "Saudi Crown", "Emeritus") open no body's name.
  if (FIRST_NAMES.has(first) || isTitle(first) || TITLE_MODIFIERS.has(first) || DEMONYMS.has(first) || PARTY_WORDS.has(first)) return null;
  // A place or a known body opening it ("US President", "Microsoft CEO") is the title loop's to read, unless what follows
  // ends in an organisation's head ("Indiana State Teachers Association President Keith Gambill").
  const knownFirst = PLACES.has(first) || KNOWN_ORGS.has(first);
  const inTitle = (k: number) => isTitle(lower(tokens[k] as Token)) || TITLE_MODIFIERS.has(lower(tokens[k] as Token));
  for (let k = start + 1; k <= Math.min(start + 4, to - 2); k++) {
    if (!inTitle(k)) {
      if (DEMONYMS.has(lower(tokens[k] as Token))) return null;
      continue;
    }
    // The title phrase ("Press Secretary", "Chief Executive Officer") runs up to the person's first name.
    let m = k;
    let titled = false;
    for (; m < to - 1 && inTitle(m); m++) if (isTitle(lower(tokens[m] as Token))) titled = true;
    // Modifiers alone ("State" in "Indiana State Teachers Association") are part of the body's name.
    if (!titled) {
      k = m - 1;
      continue;
    }
    if (knownFirst && !ORG_HEADS.has(lower(tokens[k - 1] as Token))) return null;
    // A known first name, or two name-shaped words that end the run ("CPUC President Marybel Batjer").
    const nameShaped = (t: Token | undefined) => !!t && t.shape === 'upper' && !isPlainWord(lower(t));
    return FIRST_NAMES.has(lower(tokens[m] as Token)) || (m + 2 === to && nameShaped(tokens[m]) && nameShaped(tokens[m + 1])) ? k : null;
  }
  return null;
}

export interface TitlePhrase {
  /** where the title phrase starts after an unknown body's name ("T-Mobile" in "T-Mobile CEO John Legere"), or null */
  body: number | null;
  /** the first token after the title phrase */
  nameStart: number;
  sawTitle: boolean;
}

/**
 * The title phrase that opens the run `start`..`to`: "Chief of Army Staff General", "National Security Advisor", "US
 * President", "President of Pakistan", "T-Mobile CEO".
 */
export function readTitlePhrase(tokens: Token[], start: number, to: number): TitlePhrase {
  // "T-Mobile CEO John Legere": a body the lexicons do not know, then a title and a first name; the body is a name of its
  // own (see nameBeforeTitle), the title phrase starts after it.
  const body = unknownBodyBeforeTitle(tokens, start, to);
  let nameStart = body ?? start;
  let sawTitle = false;
  while (nameStart < to) {
    const w = lower(tokens[nameStart] as Token);
    // "Republican Phil Bryant", "the American Bob Smith": a party or a nationality before a person's name is said of
    // them, like a title.
    const after = tokens[nameStart + 1];
    if (isTitle(w) || ((PARTY_WORDS.has(w) || DEMONYMS.has(w)) && !!after && FIRST_NAMES.has(lower(after)))) sawTitle = true;
    // "US President Barack Obama", "Microsoft CEO Satya Nadella": a place or a known body may open the title phrase.
    // So may one after the title's "of": "President of Pakistan Mamnoon Hussain".
    else if (
      !TITLE_MODIFIERS.has(w) &&
      !DEMONYMS.has(w) &&
      !PARTY_WORDS.has(w) &&
      !((PLACES.has(w) || KNOWN_ORGS.has(w)) && (nameStart === start || (sawTitle && /^(of|for)$/.test(tokens[nameStart - 1]?.text ?? ''))))
    )
      break;
    nameStart++;
  }
  return { body, nameStart, sawTitle };
}
