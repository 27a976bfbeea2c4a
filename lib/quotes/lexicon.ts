import english from './speech/en.json';

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
  determiners: string;
  indefinite: string;
  objectPrepositions: string;
  courtesyTitles: Record<string, string>;
  functionWords: string;
  firstPersonWords: string;
  patterns: Record<'after' | 'before' | 'local', Record<string, string>>;
  slots: AttributionSlot[];
}

/** A rule naming a quote's attribution slot: any of these patterns (side:name), for quotes ending so (any when empty). */
export interface AttributionSlot {
  name: string;
  patterns: string[];
  quoteEnds: string[];
}

export interface SpeechLexicon {
  language: string;
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
  determiners: Set<string>;
  indefinite: Set<string>;
  objectPrepositions: Set<string>;
  courtesyTitles: Map<string, string>;
  functionWords: Set<string>;
  firstPersonWords: Set<string>;
  patterns: Record<'after' | 'before' | 'local', [string, RegExp][]>;
  slots: AttributionSlot[];
  /** each listed word's symbol for the attribution strings (see attribution.ts), in one lookup */
  symbolOf: Map<string, string>;
}

const words = (list: string) => list.split('|').filter(Boolean);

function compile(data: SpeechLexiconData): SpeechLexicon {
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
  claim('that', 'T');
  claim(data.personRoles, 'R');
  claim(data.bodyRoles, 'R');
  claim(data.speechNouns, 'S');
  claim(data.objectPrepositions, 'o');
  claim(data.determiners, 'd');
  return {
    symbolOf,
    language: data.language,
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
    determiners: new Set(words(data.determiners)),
    indefinite: new Set(words(data.indefinite)),
    objectPrepositions: new Set(words(data.objectPrepositions)),
    courtesyTitles: new Map(Object.entries(data.courtesyTitles)),
    functionWords: new Set(words(data.functionWords)),
    firstPersonWords: new Set(words(data.firstPersonWords)),
    patterns: { after: patterns(data.patterns.after), before: patterns(data.patterns.before), local: patterns(data.patterns.local) },
    slots: data.slots,
  };
}

let compiled: SpeechLexicon | null = null;

/** The English lexicon, compiled on first use (its patterns cost nothing at load). */
export function englishLexicon(): SpeechLexicon {
  compiled ??= compile(english as SpeechLexiconData);
  return compiled;
}
