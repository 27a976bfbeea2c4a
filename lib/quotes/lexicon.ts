import { compoundHead } from '../text';
import german from '../text/speech/de.json';
import english from '../text/speech/en.json';
import french from '../text/speech/fr.json';
import portuguese from '../text/speech/pt.json';
import russian from '../text/speech/ru.json';

/** The JSON shape of a language's speech lexicon (see speech/en.json). */
export interface SpeechLexiconData {
  language: string;
  speechVerbs: string;
  strongSpeechVerbs: string;
  listenerVerbs: string;
  characterisingVerbs: string;
  sourcePhrases: string;
  mentionCues: string;
  speechNouns: string;
  personRoles: string;
  bodyRoles: string;
  pronouns: Record<string, string>;
  /** each pronoun as the English one it reads like ("er": "he"), where the language has its own */
  pronounsAs?: Record<string, string>;
  determiners: string;
  indefinite: string;
  objectPrepositions: string;
  courtesyTitles: Record<string, string>;
  functionWords: string;
  firstPersonWords: string;
  /** verb forms that mark a clause as reported speech by themselves (German's Konjunktiv I: "sei", "habe"); none in English */
  reportedSpeechForms?: string;
  /** the language capitalises every noun (German): a capital says "noun", not "name" */
  capitalisedNouns?: boolean;
  /** the comma that ends a quoted utterance stands after the closing mark („…“, sagte sie), not inside it */
  commaAfterClosingMark?: boolean;
  /** words that open a reported clause ("that"); English's when left out */
  complementizers?: string;
  /** English's, with the language's own by the same names in their place: the patterns are over symbols, and most hold
   * across languages (a pattern's name is what the ranker's weights and the slots know it by) */
  patterns?: Partial<Record<'after' | 'before' | 'local', Record<string, string>>>;
  slots?: AttributionSlot[];
}

/** A rule naming a quote's attribution slot: any of these patterns (side:name), for quotes ending so (any when empty). */
export interface AttributionSlot {
  name: string;
  patterns: string[];
  quoteEnds: string[];
}

export interface SpeechLexicon {
  language: string;
  capitalisedNouns: boolean;
  commaAfterClosingMark: boolean;
  speechVerbs: Set<string>;
  strongSpeechVerbs: Set<string>;
  listenerVerbs: Set<string>;
  characterisingVerbs: Set<string>;
  /** multi-word phrases as word lists, longest first */
  sourcePhrases: string[][];
  /** the same, by their first word */
  phrasesByFirstWord: Map<string, string[][]>;
  mentionCues: Set<string>;
  speechNouns: Set<string>;
  personRoles: Set<string>;
  bodyRoles: Set<string>;
  pronouns: Map<string, string>;
  /** a pronoun's English reading ("er" → "he"); English's are their own */
  pronounAs: Map<string, string>;
  determiners: Set<string>;
  indefinite: Set<string>;
  objectPrepositions: Set<string>;
  courtesyTitles: Map<string, string>;
  functionWords: Set<string>;
  firstPersonWords: Set<string>;
  reportedSpeechForms: Set<string>;
  patterns: Record<'after' | 'before' | 'local', [string, RegExp][]>;
  slots: AttributionSlot[];
  /** each listed word's symbol for the attribution strings (see attribution.ts), in one lookup */
  symbolOf: Map<string, string>;
}

const words = (list: string) => list.split('|').filter(Boolean);

function compile(data: SpeechLexiconData): SpeechLexicon {
  const fallback = english as SpeechLexiconData;
  const base = fallback.patterns as Record<'after' | 'before' | 'local', Record<string, string>>;
  const groups = {
    after: { ...base.after, ...data.patterns?.after },
    before: { ...base.before, ...data.patterns?.before },
    local: { ...base.local, ...data.patterns?.local },
  };
  const patterns = (group: Record<string, string>): [string, RegExp][] => Object.entries(group).map(([name, source]) => [name, new RegExp(source)]);
  const sourcePhrases = words(data.sourcePhrases)
    .map((p) => p.split(' '))
    .sort((a, b) => b.length - a.length);
  const phrasesByFirstWord = new Map<string, string[][]>();
  for (const p of sourcePhrases) phrasesByFirstWord.set(p[0] as string, [...(phrasesByFirstWord.get(p[0] as string) ?? []), p]);
  // Word → symbol, the first list a word is on winning: characterising verb, listener verb, speech verb, "that", role,
  // speech noun, preposition, determiner.
  const symbolOf = new Map<string, string>();
  const claim = (list: string, symbol: string) => {
    for (const w of words(list)) if (!symbolOf.has(w)) symbolOf.set(w, symbol);
  };
  claim(data.characterisingVerbs, 'v');
  claim(data.listenerVerbs, 'L');
  claim(data.speechVerbs, 'V');
  claim(data.complementizers ?? 'that', 'T');
  claim(data.personRoles, 'R');
  claim(data.bodyRoles, 'R');
  claim(data.speechNouns, 'S');
  claim(data.objectPrepositions, 'o');
  claim(data.determiners, 'd');
  return {
    symbolOf,
    language: data.language,
    capitalisedNouns: data.capitalisedNouns ?? false,
    commaAfterClosingMark: data.commaAfterClosingMark ?? false,
    speechVerbs: new Set(words(data.speechVerbs)),
    strongSpeechVerbs: new Set(words(data.strongSpeechVerbs)),
    listenerVerbs: new Set(words(data.listenerVerbs)),
    characterisingVerbs: new Set(words(data.characterisingVerbs)),
    sourcePhrases,
    phrasesByFirstWord,
    mentionCues: new Set(words(data.mentionCues)),
    speechNouns: new Set(words(data.speechNouns)),
    personRoles: new Set(words(data.personRoles)),
    bodyRoles: new Set(words(data.bodyRoles)),
    pronouns: new Map(Object.entries(data.pronouns)),
    pronounAs: new Map(Object.entries(data.pronounsAs ?? {})),
    determiners: new Set(words(data.determiners)),
    indefinite: new Set(words(data.indefinite)),
    objectPrepositions: new Set(words(data.objectPrepositions)),
    courtesyTitles: new Map(Object.entries(data.courtesyTitles)),
    functionWords: new Set(words(data.functionWords)),
    firstPersonWords: new Set(words(data.firstPersonWords)),
    reportedSpeechForms: new Set(words(data.reportedSpeechForms ?? '')),
    patterns: { after: patterns(groups.after), before: patterns(groups.before), local: patterns(groups.local) },
    slots: data.slots ?? fallback.slots ?? [],
  };
}

const LEXICONS: Record<string, SpeechLexiconData> = {
  en: english as SpeechLexiconData,
  de: german as SpeechLexiconData,
  fr: french as SpeechLexiconData,
  pt: portuguese as SpeechLexiconData,
  ru: russian as SpeechLexiconData,
};
const compiled = new Map<string, SpeechLexicon>();

/** A language's speech lexicon (English's for a language without one), compiled on first use. */
export function speechLexicon(language: string | null = 'en'): SpeechLexicon {
  const data = LEXICONS[language ?? 'en'] ?? (LEXICONS.en as SpeechLexiconData);
  let lexicon = compiled.get(data.language);
  if (!lexicon) {
    lexicon = compile(data);
    compiled.set(data.language, lexicon);
  }
  return lexicon;
}

/** The languages with a speech lexicon of their own. */
export const SPEECH_LANGUAGES = Object.keys(LEXICONS);

/** The English lexicon. */
export const englishLexicon = (): SpeechLexicon => speechLexicon('en');

/**
 * The person role a word names, or null: a listed role, or where compounds are written whole the shortest listed role
 * it ends in ("Regierungssprecherin" → "sprecherin", "Konzernchef" → "chef"), so that a later "die Sprecherin" or "der
 * Chef" is the same role as the title before a name.
 */
export function personRoleOf(word: string, lex: SpeechLexicon): string | null {
  const head = compoundHead(word, lex.personRoles, lex.capitalisedNouns);
  if (!head || !lex.capitalisedNouns) return head;
  for (let i = head.length - 3; i > 0; i--) {
    const tail = head.slice(i);
    if (lex.personRoles.has(tail)) return tail;
  }
  return head;
}
