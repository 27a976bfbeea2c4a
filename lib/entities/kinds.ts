import type { EntityType } from '../analyze/types';
import type { Token } from './tokens';

/** Common nouns naming a kind of person, body or place, singular and plural. */
const KIND_TYPES = new Map<string, EntityType>();
/** The plural forms among them ("counties", "universities"). */
const PLURAL_KINDS = new Set<string>();
const kinds = (type: EntityType, words: string) => {
  for (const w of words.split('|')) {
    KIND_TYPES.set(w, type);
    const pluralForm = w.endsWith('man')
      ? `${w.slice(0, -3)}men`
      : w.endsWith('y') && !/[aeiou]y$/.test(w)
        ? `${w.slice(0, -1)}ies`
        : /(s|sh|ch|x)$/.test(w)
          ? `${w}es`
          : `${w}s`;
    KIND_TYPES.set(pluralForm, type);
    PLURAL_KINDS.add(pluralForm);
  }
};
kinds(
  'PER',
  'person|guy|man|woman|boy|girl|lady|gentleman|fellow|doctor|nurse|teacher|lawyer|student|soldier|author|writer|novelist|poet|journalist|reporter|artist|actor|actress|singer|musician|player|athlete|politician|lawmaker|scientist|researcher|celebrity|comedian|director|filmmaker|activist|blogger|entrepreneur',
);
kinds(
  'ORG',
  'publisher|publication|company|firm|business|brand|newspaper|magazine|broadcaster|network|bank|university|college|charity|organisation|organization|party|agency|retailer|airline|carrier|manufacturer|maker|startup|studio|label|club|band|outlet|union|institute|foundation|ministry|government|corporation',
);
kinds(
  'LOC',
  'country|city|town|village|state|nation|region|province|county|district|parish|borough|municipality|prefecture|island|river|capital|destination',
);
// Works, projects, products and ailments: a name of one of these kinds is no person, body or place.
kinds(
  'MISC',
  'journal|book|novel|film|movie|album|song|play|opera|painting|show|series|game|project|program|programme|product|software|app|language|disease|drug|vaccine|award|prize|festival|tournament',
);
KIND_TYPES.set('people', 'PER');

/** "company", "journalists": a common noun for a kind of person, body, place or thing. */
export const isKindNoun = (w: string) => KIND_TYPES.has(w);

/** "counties", "universities": the plural of a kind of place or body, or null. */
export function pluralPlaceOrBodyKind(w: string): EntityType | null {
  const type = PLURAL_KINDS.has(w) ? KIND_TYPES.get(w) : undefined;
  return type === 'LOC' || type === 'ORG' ? type : null;
}

const word = (t: Token | undefined) => t?.text.toLowerCase() ?? '';
/** A plural noun's shape ("publishers", "technologies", "women"; not "was", "this", "class"). */
const plural = (t: Token) => (t.text.length >= 5 && /[^su]s$/.test(t.text)) || /^(wo)?men$/.test(t.text);

/**
 * The kind of thing the words around a name say it is: "publishers such as O'Reilly", "countries like Jordan", "such
 * authors as Austen", "AKMA was the first guy …", "Google is a company". Returns null when they say nothing.
 */
export function kindAround(tokens: Token[], nameStart: number, nameEnd: number): EntityType | null {
  const [a, b, c] = [tokens[nameStart - 1], tokens[nameStart - 2], tokens[nameStart - 3]];
  // (Within one clause: no sentence start between the noun and the name.)
  const near = (t: Token | undefined) => !!t && t.shape === 'lower' && !/[.;:!?]/.test(t.gapBefore);
  // "publishers who are open to the concept, such as O'Reilly": the nearest plural kind before, in the same sentence.
  if (near(a) && near(b) && word(a) === 'as' && word(b) === 'such') {
    // (The nearest plural noun decides: "technologies such as AI" is no kind of body, though "organizations" came before.)
    for (let k = nameStart - 3; k >= Math.max(0, nameStart - 10); k--) {
      const t = tokens[k] as Token;
      if (t.shape === 'lower' && plural(t)) return KIND_TYPES.get(word(t)) ?? null;
      if (t.sentenceStart || /[.;:!?]/.test(t.gapBefore)) break;
    }
    return null;
  }
  // ("the organization including Tom Devocht" lists its members, not organisations: only a plural kind counts.)
  if (near(a) && (word(a) === 'like' || word(a) === 'including') && b?.shape === 'lower' && plural(b)) return KIND_TYPES.get(word(b)) ?? null;
  if (near(a) && word(a) === 'as' && b && c && word(c) === 'such') return KIND_TYPES.get(word(b)) ?? null;
  // "X is a company", "X was the first guy": a copula, an article, up to two words, then the kind.
  const [verb, article] = [tokens[nameEnd], tokens[nameEnd + 1]];
  if (!verb || !article || !/^(is|was)$/.test(word(verb)) || !/^(a|an|the)$/.test(word(article))) return null;
  for (let k = nameEnd + 2; k <= nameEnd + 4; k++) {
    const t = tokens[k];
    if (t?.shape !== 'lower' || /[.;:!?,]/.test(t.gapBefore)) return null;
    const kind = KIND_TYPES.get(word(t));
    // (Only a kind of person, body or place: "Oprah was the show's host" is about the host.)
    if (kind) return kind === 'MISC' ? null : kind;
  }
  return null;
}
