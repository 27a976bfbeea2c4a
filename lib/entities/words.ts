/** Word-level tests shared by the recogniser and the context rules around a name. */
import { isPlainWord, TITLE_MODIFIERS, TITLES } from './lexicon';
import type { Token } from './tokens';

// "U.S." and "Gen." compare as "us" and "gen".
export const lower = (t: Token) => t.text.toLowerCase().replace(/\./g, '');
// "I'm", "I've": the pronoun, whatever its capital.
export const isCap = (t: Token) => (t.shape === 'upper' || t.shape === 'caps') && !/^I['’]\p{Ll}/u.test(t.text);
export const ALWAYS_STRIPPED = new Set(['the', 'a', 'an']);

/** Only spaces (or "&" inside company names) may join two words of one name. */
export function joinable(gap: string): boolean {
  return /^[ \t\u00a0]+$/.test(gap) || /^ & $/.test(gap);
}

/** A plain word by the lexicon, or by how this text writes it: "ants" beside one "in Ants" (see buildContext's plainWords). */
export function isPlainHere(word: string, plainWords: ReadonlySet<string>): boolean {
  return isPlainWord(word) || plainWords.has(word);
}

/** A title word, or one joined by hyphens ("Secretary-General", "Director-General", "editor-in-chief"). */
export function isTitle(word: string): boolean {
  if (TITLES.has(word)) return true;
  const parts = word.split(/[-‐]/);
  return parts.length > 1 && parts.some((p) => TITLES.has(p)) && parts.every((p) => TITLES.has(p) || TITLE_MODIFIERS.has(p) || p === 'in');
}
