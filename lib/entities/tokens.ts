/** Word tokens with offsets, capitalisation and sentence starts: the input of the recogniser and the quote finder. */

export type Shape = 'upper' | 'caps' | 'lower' | 'other';

export interface Token {
  text: string;
  start: number;
  end: number;
  shape: Shape;
  /** first word of a sentence, a paragraph, a quotation or a clause after a colon */
  sentenceStart: boolean;
  /** index of the sentence the token belongs to */
  sentence: number;
  /** what stands between the previous token and this one ("" when adjacent) */
  gapBefore: string;
}

// Capitals joined by an ampersand ("AT&T", "P&G"); initials ("J.", and "B." before a particle: "Michiel B. de Jong") and
// dotted acronyms (U.S., and "U.S" with its last dot
// left off); then words with inner hyphens/apostrophes, where a hyphen does not join a dotted acronym ("Jordanian-U.S.").
const TOKEN =
  /\p{Lu}{1,3}&\p{Lu}{1,3}(?![\p{L}\p{N}])|(?:\p{Lu}\.){2,}|(?:\p{Lu}\.)+\p{Lu}(?![\p{L}\p{N}])|\p{Lu}\.(?=\s*\p{Lu}|\s(?:de|da|di|du|del|della|van|von|der|den|la|le|ten|ter|bin|ibn|al)\s[A-ZÀ-Þ])|[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[-'’‐][\p{L}\p{M}\p{N}]+(?!\.\p{Lu}))*/gu;
const POSSESSIVE = /^(.+?)(['’]s)$/u;
const COMPOUND_ADJECTIVE =
  /^(\p{Lu}[\p{L}\p{N}]*)-(?:related|based|led|backed|controlled|dominated|owned|funded|born|style|made|run|linked|affiliated|allied|inspired|sponsored|bound|friendly|focused|centric|listed|sized|powered|driven|enabled|generated|branded|themed|compatible|wide)$/u;
const ABBREVIATIONS =
  /^(mr|mrs|ms|dr|prof|gen|lt|col|maj|capt|sgt|st|sen|rep|gov|rev|fr|jr|sr|no|vs|etc|inc|ltd|co|corp|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|u\.s|e\.g|i\.e)$/i;

// "al-Amr", "bin-Laden", "van-Dyke": a lowercase particle joined to a capitalised name is a name.
// "d'Ettorre", "dell'Orto": an elided particle before the capital too.
const PARTICLE_NAME = /^((al|el|ad|as|ash|at|az|bin|ibn|abu|ben|de|di|da|du|la|le|van|von)[-‐]|(d|dell|dall|degli)['’])\p{Lu}/u;
// "T-shirt", "X-ray", "U-turn", "E-mail": a capital letter before a hyphenated plain word, not a name. (Compared by
// case mapping, not a Unicode-class regex: this runs on every token, and such regexes cost time to compile at cold start.)
const isLetterCompound = (word: string) => {
  const [first = '', dash, next = ''] = word;
  return (dash === '-' || dash === '‐') && first !== first.toLowerCase() && next !== next.toUpperCase();
};

// "Don't", "We're", "You'll": contractions are plain words, whatever their capital.
const CONTRACTION = /(?:n['’]t|['’](?:re|ll|ve|m))$/i;

export function shapeOf(word: string): Shape {
  if (/['’]/.test(word) && CONTRACTION.test(word)) return 'lower';
  if (/[-‐'’]/.test(word) && PARTICLE_NAME.test(word)) return 'upper';
  if (isLetterCompound(word)) return 'lower';
  // Letters with a case, and how many are capitals (by case mapping: see isLetterCompound).
  let cased = 0;
  let capitals = 0;
  for (const ch of word) {
    const upper = ch.toUpperCase();
    if (upper === ch.toLowerCase()) continue;
    cased++;
    if (ch === upper) capitals++;
  }
  const first = word[0] ?? '';
  if (!cased || first.toUpperCase() === first.toLowerCase()) return 'other';
  if (first !== first.toUpperCase()) return 'lower';
  return cased >= 2 && capitals === cased ? 'caps' : 'upper';
}

/** The dot at `dot` closes an abbreviation ("Gen.", "U.S."), an initial ("J.") or an ellipsis, not a sentence. */
export function dotEndsNoSentence(text: string, dot: number): boolean {
  if (text[dot - 1] === '.') return true;
  const word = /[\p{L}.]+$/u.exec(text.slice(Math.max(0, dot - 8), dot))?.[0] ?? '';
  return ABBREVIATIONS.test(word) || /^\p{Lu}$/u.test(word);
}

/** True when the gap between two words ends a sentence or opens a new unit whose first word is capitalised anyway. */
function opensUnit(gap: string, previous: Token | undefined): boolean {
  if (!previous) return true;
  if (/\n/.test(gap)) return true;
  if (/:\s*["“”'‘’«»(]*$/u.test(gap)) return true;
  if (/["“«‘]\s*$/u.test(gap) && !/[\p{L}\p{N}]$/u.test(gap)) return true;
  if (/^\s*[.!?…]/u.test(gap) || /[.!?…]["”’»)]*\s+["“‘«(]*$/u.test(gap)) {
    return !(gap.startsWith('.') && ABBREVIATIONS.test(previous.text.replace(/\.$/, '')));
  }
  return false;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let sentence = 0;
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    const start = match.index ?? 0;
    let word = match[0];
    const pieces: [string, number][] = [];
    const possessive = POSSESSIVE.exec(word);
    const compound = COMPOUND_ADJECTIVE.exec(word);
    if (compound?.[1]) {
      // "Scientology-related", "Beijing-based": the name, then a word of its own.
      pieces.push([compound[1], start], [word.slice(compound[1].length + 1), start + compound[1].length + 1]);
    } else if (possessive?.[1] && possessive[2] && possessive[1].length > 1) {
      pieces.push([possessive[1], start], [possessive[2], start + possessive[1].length]);
    } else {
      // "Gen." or "Mr." keep their dot so abbreviations are not taken as sentence ends.
      if (text[start + word.length] === '.' && ABBREVIATIONS.test(word) && !word.endsWith('.')) word += '.';
      pieces.push([word, start]);
    }
    for (const [piece, pieceStart] of pieces) {
      const previous = tokens[tokens.length - 1];
      const gapBefore = text.slice(last, pieceStart);
      const sentenceStart = opensUnit(gapBefore, previous);
      if (sentenceStart && previous) sentence++;
      tokens.push({ text: piece, start: pieceStart, end: pieceStart + piece.length, shape: shapeOf(piece), sentenceStart, sentence, gapBefore });
      last = pieceStart + piece.length;
    }
  }
  return tokens;
}

export function isPossessiveMarker(token: Token): boolean {
  return /^['’]s$/u.test(token.text);
}
