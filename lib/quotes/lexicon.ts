import english from './speech/en.json';

/** The JSON shape of a language's speech lexicon (see speech/en.json). */
export interface SpeechLexiconData {
  language: string;
  speechVerbs: string[];
  strongSpeechVerbs: string[];
  listenerVerbs: string[];
  characterisingVerbs: string[];
  sourcePhrases: string[];
  mentionCues: string[];
  speechNouns: string[];
  personRoles: string[];
  bodyRoles: string[];
  pronouns: Record<string, string>;
  determiners: string[];
  indefinite: string[];
  objectPrepositions: string[];
  courtesyTitles: Record<string, string>;
  functionWords: string[];
  firstPersonWords: string[];
  patterns: Record<'after' | 'before' | 'local', Record<string, string>>;
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
}

function compile(data: SpeechLexiconData): SpeechLexicon {
  const patterns = (group: Record<string, string>): [string, RegExp][] => Object.entries(group).map(([name, source]) => [name, new RegExp(source)]);
  const sourcePhrases = data.sourcePhrases.map((p) => p.split(' ')).sort((a, b) => b.length - a.length);
  const phrasesByFirstWord = new Map<string, string[][]>();
  for (const p of sourcePhrases) phrasesByFirstWord.set(p[0] as string, [...(phrasesByFirstWord.get(p[0] as string) ?? []), p]);
  return {
    language: data.language,
    speechVerbs: new Set(data.speechVerbs),
    strongSpeechVerbs: new Set(data.strongSpeechVerbs),
    listenerVerbs: new Set(data.listenerVerbs),
    characterisingVerbs: new Set(data.characterisingVerbs),
    sourcePhrases,
    phrasesByFirstWord,
    mentionCues: new Set(data.mentionCues),
    speechNouns: new Set(data.speechNouns),
    personRoles: new Set(data.personRoles),
    bodyRoles: new Set(data.bodyRoles),
    pronouns: new Map(Object.entries(data.pronouns)),
    determiners: new Set(data.determiners),
    indefinite: new Set(data.indefinite),
    objectPrepositions: new Set(data.objectPrepositions),
    courtesyTitles: new Map(Object.entries(data.courtesyTitles)),
    functionWords: new Set(data.functionWords),
    firstPersonWords: new Set(data.firstPersonWords),
    patterns: { after: patterns(data.patterns.after), before: patterns(data.patterns.before), local: patterns(data.patterns.local) },
  };
}

let compiled: SpeechLexicon | null = null;

/** The English lexicon, compiled on first use (its patterns cost nothing at load). */
export function englishLexicon(): SpeechLexicon {
  compiled ??= compile(english as SpeechLexiconData);
  return compiled;
}
