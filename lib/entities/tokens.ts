/**
 * Tokens and sentences for the name tagger, split the way its training corpora are (UD English style): punctuation on its
 * own, hyphens as tokens of their own ("Al - Qaeda"), possessive "'s" and "n't" split off, dotted abbreviations and
 * initials kept whole ("U.S.", "Gen.", "J."); other languages as their corpora are (German: "SPD-Chef" one token, "3."
 * of a date one token), by their conventions in lib/text. Training runs every corpus token through the same splitter, so the model
 * sees the same kind of tokens it will meet in an article.
 */
import { type TextConventions, textConventions } from '../text';
import { sentenceIndices } from '../text/sentences';

export interface Token {
  text: string;
  start: number;
  /** exclusive */
  end: number;
  /** index of the sentence the token belongs to */
  sentence: number;
}

// One alternative per kind of token, longest kinds first: addresses, handles, dotted acronyms and initials, abbreviations
// with their dot, (in German, an ordinal with its dot), numbers, (English clitics), words (with inner apostrophes, and in
// German inner hyphens), runs of dots or dashes, any other character. The word lists come from the language's data
// (lib/text/languages). The alternatives from the abbreviations on are also matched apart (see tokenWords).
function tokenAlternatives(
  c: TextConventions,
  caseless: (words: string) => string,
  letter: string,
): { head: string[]; initial: string; rest: string[] } {
  const ordinal = c.ordinalDot ? [String.raw`\p{N}{1,2}\.(?=\s+(?:\p{Ll}|\p{N}|(?:${caseless(c.ordinalFollowers)})))`] : [];
  const clitic = c.clitics ? [String.raw`(?:['’](?:${caseless('s|re|ll|ve|m|d')})|${caseless('n')}['’]${caseless('t')})(?![${letter}\p{N}])`] : [];
  const joiners = c.hyphenatedWords === 'whole' ? "['’-]" : "['’]";
  const elision = c.elisions ? [String.raw`(?<![\p{L}\p{M}\p{N}'’-])(?:${caseless(c.elisions)})['’]`] : [];
  // (\w as the i flag reads it: with the long s and the Kelvin sign.)
  const w = letter === String.raw`\p{L}` ? String.raw`\w` : String.raw`\w\u017f\u212a`;
  return {
    head: [
      String.raw`(?:${caseless('https')}?:\/\/|${caseless('www')}\.)[^\s<>"“”]*[^\s<>"“”.,;:!?)\]'’]`,
      // (An address's local part starts where a run of its characters does and is at most 64 long, so a long run with no
      // "@" costs one bounded try, not a scan from each of its characters.)
      String.raw`(?<![${w}.+-])[${w}.+-]{1,64}@[${w}-]+(?:\.[${w}-]+)+`,
      String.raw`[@#][${letter}\p{N}_]+`,
      String.raw`(?:[${letter}]\.){2,}(?![${letter}\p{N}])`,
    ],
    initial: String.raw`\p{Lu}\.(?=\s+\p{Lu}|\s+(?:${caseless(c.nameParticles)})\s)`,
    rest: [
      // (Not \b, which is ASCII-only in JS and never sits before a Cyrillic word: "г." of "2020 г." was two tokens, and
      // in a corpus, read with no text around, its dot ended the sentence. No letter, digit or "_" before the
      // abbreviation, as \b required of ASCII ones; a dot inside a listed one ("т.е") is a dot, not any character.)
      String.raw`(?<![\p{L}\p{M}\p{N}_])(?:${caseless(c.abbreviations).replace(/\./g, '\\.')})\.`,
      ...ordinal,
      String.raw`\p{N}+(?:[.,:]\p{N}+)*`,
      ...clitic,
      ...elision,
      String.raw`[\p{L}\p{M}\p{N}]+(?:${joiners}[\p{L}\p{M}\p{N}]+)*`,
      String.raw`\.{2,}|-{2,}`,
      String.raw`\S`,
    ],
  };
}

/** The tokeniser's pattern as written: case-insensitive (giu). */
function tokenPattern(c: TextConventions): RegExp {
  const { head, initial, rest } = tokenAlternatives(c, (words) => words, String.raw`\p{L}`);
  return new RegExp([...head, initial, ...rest].join('|'), 'giu');
}

/**
 * The same tokens from patterns without the i flag, for a language whose word lists are ASCII (English): each listed
 * letter is written with its case forms (k and s have a third under Unicode's case folding), \p{L} and \w with the
 * characters case folding adds to them. Compiling a pattern of Unicode classes case-insensitively costs some 15 ms at a
 * cold start; these cost half. An initial ("J. Smith") is matched more loosely (any letter) and checked after (see
 * tokenWords), as the i flag reads \p{Lu} as any letter with an uppercase form; the other alternatives match the same
 * text as tokenPattern's. Null when a list is not plain ASCII (or an abbreviation is one letter long, which could be
 * taken for an initial).
 */
interface CaselessPatterns {
  pattern: RegExp;
  /** the alternatives after the initial's, sticky: what the pattern matches where a loose initial is no initial */
  rest: RegExp;
  /** the name particles an initial may stand before, with the space after them, sticky */
  particle: RegExp;
}
const ASCII_LIST = /^[a-z.|]*$/;
function caselessPatterns(c: TextConventions): CaselessPatterns | null {
  const lists = [c.abbreviations, c.nameParticles, c.ordinalDot ? c.ordinalFollowers : '', c.elisions ?? ''];
  if (!lists.every((list) => ASCII_LIST.test(list)) || c.abbreviations.split('|').some((a) => a.length < 2)) return null;
  const caseless = (words: string) =>
    words.replace(/[a-z]/g, (ch) => `[${ch}${ch.toUpperCase()}${ch === 'k' ? '\u212a' : ch === 's' ? '\u017f' : ''}]`);
  const letter = String.raw`\p{L}\u0345`;
  const { head, rest } = tokenAlternatives(c, caseless, letter);
  const initial = String.raw`[${letter}]\.(?=\s+[${letter}]|\s+(?:${caseless(c.nameParticles)})\s)`;
  return {
    pattern: new RegExp([...head, initial, ...rest].join('|'), 'gu'),
    rest: new RegExp(rest.join('|'), 'uy'),
    particle: new RegExp(String.raw`(?:${caseless(c.nameParticles)})\s`, 'uy'),
  };
}
const patterns = new Map<string, RegExp>();
const caselessByLanguage = new Map<string, CaselessPatterns | null>();

/** Whether a character is one \p{Lu} matches under the i flag: an ASCII letter, else as the flag reads it. */
let upperCaseless: RegExp | null = null;
function casedLetter(ch: string): boolean {
  const code = ch.charCodeAt(0);
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  upperCaseless ??= /^\p{Lu}$/iu;
  return upperCaseless.test(ch);
}
const SPACE = /\s/;

/**
 * Whether the loose initial `word` (a letter and its dot) at `start` is one tokenPattern matches: a letter with an
 * uppercase form, before spaces and another such letter or a name particle.
 */
function isInitial(text: string, start: number, word: string, particle: RegExp): boolean {
  if (!casedLetter(String.fromCodePoint(word.codePointAt(0) as number))) return false;
  let at = start + word.length;
  if (at >= text.length || !SPACE.test(text[at] as string)) return false;
  while (at < text.length && SPACE.test(text[at] as string)) at++;
  if (at >= text.length) return false;
  if (casedLetter(String.fromCodePoint(text.codePointAt(at) as number))) return true;
  particle.lastIndex = at;
  return particle.test(text);
}
// "don't" → "do" + "n't"; "Obama's" → "Obama" + "'s"; "we're" → "we" + "'re". Not "O'Brien", "d'Ettorre".
const CLITIC = /^(.+?)(n['’]t|['’](?:s|re|ll|ve|m|d))$/i;

/** A letter (as the caseless pattern's initial reads one) and a dot: what only its initial alternative matches. */
const LOOSE_INITIAL = /^(?:\p{L}|\u0345)\.$/u;

/** Splits `text` into tokens (offsets are UTF-16 indices into it); `sentence` is left 0 (see splitSentences). */
export function tokenWords(text: string, language = 'en'): Token[] {
  const conventions = textConventions(language);
  let caseless = caselessByLanguage.get(conventions.language);
  if (caseless === undefined) {
    caseless = caselessPatterns(conventions);
    caselessByLanguage.set(conventions.language, caseless);
  }
  let pattern = caseless?.pattern ?? patterns.get(conventions.language);
  if (!pattern) {
    pattern = tokenPattern(conventions);
    patterns.set(conventions.language, pattern);
  }
  const tokens: Token[] = [];
  // (exec on the shared pattern, from lastIndex 0, and lastIndex reset after: no copy of the pattern per text.)
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    let word = m[0];
    const start = m.index;
    // A loose initial that tokenPattern would not take: what its later alternatives match there instead.
    if (caseless && word.length <= 3 && LOOSE_INITIAL.test(word) && !isInitial(text, start, word, caseless.particle)) {
      caseless.rest.lastIndex = start;
      word = (caseless.rest.exec(text) as RegExpExecArray)[0];
      pattern.lastIndex = start + word.length;
    }
    const clitic = conventions.clitics && word.length > 2 && /['’]/.test(word) ? CLITIC.exec(word) : null;
    if (clitic?.[1] && clitic[2] && clitic[1].length > 0 && !/['’]$/.test(clitic[1])) {
      const head = clitic[1];
      tokens.push({ text: head, start, end: start + head.length, sentence: 0 });
      tokens.push({ text: clitic[2], start: start + head.length, end: start + word.length, sentence: 0 });
    } else tokens.push({ text: word, start, end: start + word.length, sentence: 0 });
    // (No alternative matches nothing; were one to, the search moves on, as matchAll's would.)
    if (!word) pattern.lastIndex++;
  }
  pattern.lastIndex = 0;
  return tokens;
}

// (A run-on "sentence" of a list or of text with no stops is cut, so decoding work stays bounded per sentence.)
const MAX_SENTENCE_TOKENS = 200;

/**
 * Sets each token's sentence by the one splitter (lib/text/sentences.ts), a line break in `text` included when it is
 * given (corpus sentences have no text around them). The same function splits training paragraphs and articles.
 */
export function splitSentences(tokens: Token[], text?: string, language = 'en'): Token[] {
  const sentences = sentenceIndices(tokens, { text, language, maxTokens: MAX_SENTENCE_TOKENS });
  for (let k = 0; k < tokens.length; k++) (tokens[k] as Token).sentence = sentences[k] as number;
  return tokens;
}

/** Tokens of an article, with their sentences. */
export function tokenize(text: string, language = 'en'): Token[] {
  return splitSentences(tokenWords(text, language), text, language);
}
