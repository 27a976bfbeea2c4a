/**
 * Text conventions per language, as data (lib/text/languages/<lang>.json): abbreviations, name particles, and how words
 * are cut (hyphenated compounds whole or split, English clitics, an ordinal's dot). The name tagger's tokeniser and the
 * one sentence splitter (./sentences.ts, the tagger's and the quote stage's) read them, so one list serves all. A
 * language without a file gets English's.
 */
import de from './languages/de.json';
import en from './languages/en.json';
import fr from './languages/fr.json';
import pt from './languages/pt.json';
import ru from './languages/ru.json';

export interface TextConventionsData {
  language: string;
  abbreviations: string;
  dottedAbbreviations: string;
  nameParticles: string;
  hyphenatedWords: 'split' | 'whole';
  /** whether every word of a name but its particles starts with a capital (English, German; not "Parti socialiste") */
  capitalisedNames?: boolean;
  clitics: boolean;
  /** words written elided before a vowel, each a token of its own with its apostrophe (French: "l'" of "l'Élysée") */
  elisions?: string;
  ordinalDot: boolean;
  /** quotation marks that close (after a full stop) or open a sentence beyond English's (German: “ ‘ « and „ ‚) */
  sentenceClosers: string;
  sentenceOpeners: string;
  /** capitalised words an ordinal's dot may stand before (lowercase, case-insensitive), beside any lowercase word */
  ordinalFollowers: string;
}

export interface TextConventions extends TextConventionsData {
  /** a word (lowercase, without its final dot) that a dot after it leaves inside the sentence */
  isAbbreviation: (word: string) => boolean;
}

const DATA: Record<string, TextConventionsData> = {
  en: en as TextConventionsData,
  de: de as TextConventionsData,
  fr: fr as TextConventionsData,
  pt: pt as TextConventionsData,
  ru: ru as TextConventionsData,
};
const compiled = new Map<string, TextConventions>();

/** The conventions of a language (an ISO 639-1 code); English's for a language that has none of its own. */
export function textConventions(language: string | null | undefined = 'en'): TextConventions {
  const data = DATA[language ?? 'en'] ?? (DATA.en as TextConventionsData);
  let c = compiled.get(data.language);
  if (!c) {
    const words = new Set([...data.abbreviations.split('|'), ...data.dottedAbbreviations.split('|')].filter(Boolean));
    c = { ...data, isAbbreviation: (word) => words.has(word.toLowerCase().replace(/\.$/, '')) };
    compiled.set(data.language, c);
  }
  return c;
}

/** The languages with conventions of their own. */
export const TEXT_LANGUAGES = Object.keys(DATA);

/**
 * The word of `words` a compound ends in ("konzernchef" → "chef", "facc-ceo" → "ceo"), for languages that write
 * compounds whole; the word itself when listed; else null. The head must keep three letters or more.
 */
export function compoundHead(word: string, words: { has(word: string): boolean }, compounds: boolean): string | null {
  if (words.has(word)) return word;
  // (No compound is longer: a longer "word" is a run of letters, and each try below costs a look-up per letter.)
  if (!compounds || word.length > 64) return null;
  for (let i = 1; i + 3 <= word.length; i++) {
    const tail = word.slice(i);
    if (words.has(tail)) return tail;
  }
  return null;
}
