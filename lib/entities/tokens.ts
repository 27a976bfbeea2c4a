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
// (lib/text/languages).
function tokenPattern(c: TextConventions): RegExp {
  const ordinal = c.ordinalDot ? [String.raw`\p{N}{1,2}\.(?=\s+(?:\p{Ll}|\p{N}|(?:${c.ordinalFollowers})))`] : [];
  const clitic = c.clitics ? [String.raw`(?:['’](?:s|re|ll|ve|m|d)|n['’]t)(?![\p{L}\p{N}])`] : [];
  const joiners = c.hyphenatedWords === 'whole' ? "['’-]" : "['’]";
  const elision = c.elisions ? [String.raw`(?<![\p{L}\p{M}\p{N}'’-])(?:${c.elisions})['’]`] : [];
  return new RegExp(
    [
      String.raw`(?:https?:\/\/|www\.)[^\s<>"“”]*[^\s<>"“”.,;:!?)\]'’]`,
      // (An address's local part starts where a run of its characters does and is at most 64 long, so a long run with no
      // "@" costs one bounded try, not a scan from each of its characters.)
      String.raw`(?<![\w.+-])[\w.+-]{1,64}@[\w-]+(?:\.[\w-]+)+`,
      String.raw`[@#][\p{L}\p{N}_]+`,
      String.raw`(?:\p{L}\.){2,}(?![\p{L}\p{N}])`,
      String.raw`\p{Lu}\.(?=\s+\p{Lu}|\s+(?:${c.nameParticles})\s)`,
      // (Not \b, which is ASCII-only in JS and never sits before a Cyrillic word: "г." of "2020 г." was two tokens, and
      // in a corpus, read with no text around, its dot ended the sentence. No letter, digit or "_" before the
      // abbreviation, as \b required of ASCII ones; a dot inside a listed one ("т.е") is a dot, not any character.)
      String.raw`(?<![\p{L}\p{M}\p{N}_])(?:${c.abbreviations.replace(/\./g, '\\.')})\.`,
      ...ordinal,
      String.raw`\p{N}+(?:[.,:]\p{N}+)*`,
      ...clitic,
      ...elision,
      String.raw`[\p{L}\p{M}\p{N}]+(?:${joiners}[\p{L}\p{M}\p{N}]+)*`,
      String.raw`\.{2,}|-{2,}`,
      String.raw`\S`,
    ].join('|'),
    'giu',
  );
}
const patterns = new Map<string, RegExp>();

// "don't" → "do" + "n't"; "Obama's" → "Obama" + "'s"; "we're" → "we" + "'re". Not "O'Brien", "d'Ettorre".
const CLITIC = /^(.+?)(n['’]t|['’](?:s|re|ll|ve|m|d))$/i;

/** Splits `text` into tokens (offsets are UTF-16 indices into it); `sentence` is left 0 (see splitSentences). */
export function tokenWords(text: string, language = 'en'): Token[] {
  const conventions = textConventions(language);
  let pattern = patterns.get(conventions.language);
  if (!pattern) {
    pattern = tokenPattern(conventions);
    patterns.set(conventions.language, pattern);
  }
  const tokens: Token[] = [];
  // (exec on the shared pattern, from lastIndex 0, and lastIndex reset after: no copy of the pattern per text.)
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const word = m[0];
    const start = m.index;
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
