import type { Entity } from '../analyze/types';
import { LETTER, NUMBER, someChar, startsWith, UPPER } from '../text/chars';
import { personRoleOf, type SpeechLexicon } from './lexicon';
import { lastAtOrBefore, type TextLayout, type Word } from './text';

export type MentionKind = 'PER' | 'ORG' | 'LOC' | 'RUN' | 'PRON' | 'DESC';

/** Who could have said a quote, as the narrative writes them: a name, a pronoun or a description. */
export interface SpeakerMention {
  start: number;
  end: number;
  /** word indices, inclusive */
  first: number;
  last: number;
  kind: MentionKind;
  /** the entity a name mention belongs to */
  entity: Entity | null;
  /** the pronoun, lowercased ("he", "they") */
  pronoun: string | null;
  /** a description: whether it is definite ("the spokesman") and whether it names a body ("the company") */
  definite: boolean;
  body: boolean;
  /** the role noun of a description ("spokesman") */
  role: string | null;
  text: string;
  sentence: number;
  paragraph: number;
  /** the mention's last word carries a possessive ("Aziz’s") */
  possessive: boolean;
}

const NAME_TYPES = new Set(['PER', 'ORG', 'LOC']);
/** An age that stands for a person ("the 56-year-old said"). */
const AGE = /^\d+-year-old$/;
/** Whether a role word reads as plural ("officials", "the doctors"): its -s, the one number mark read here. */
export const pluralRole = (lower: string): boolean => lower.endsWith('s');

/**
 * The speaker mentions of a text, in order: the recogniser's people, organisations and places outside quotes;
 * capitalised runs it missed next to a speech verb ("said Mar Hicks"); pronouns; and descriptions ("the spokesman",
 * "a US official"). One pass over the words.
 */
export function findMentions(layout: TextLayout, entities: Entity[], lex: SpeechLexicon): SpeakerMention[] {
  const { words, text } = layout;
  const taken = new Int32Array(words.length).fill(-1);
  const out: SpeakerMention[] = [];
  /** bodies and places named inside a description, which the description replaces */
  const absorbed = new Set<number>();
  // (One object shape for every mention, built in one place: spreading a partial object into each is much slower.)
  const make = (
    first: number,
    last: number,
    kind: MentionKind,
    entity: Entity | null,
    pronoun: string | null,
    definite: boolean,
    body: boolean,
    role: string | null,
  ): SpeakerMention => {
    const a = words[first] as Word;
    const b = words[last] as Word;
    return {
      start: a.start,
      end: b.end,
      first,
      last,
      kind,
      entity,
      pronoun,
      definite,
      body,
      role,
      text: text.slice(a.start, b.end),
      sentence: a.sentence,
      paragraph: a.paragraph,
      possessive: b.possessive,
    };
  };
  // Names from the recogniser: every mention outside quotes, mapped to the words it covers.
  const located = entities
    .filter((e) => NAME_TYPES.has(e.type))
    .flatMap((entity) => entity.mentions.map((m) => ({ start: m.start, end: m.end, entity })))
    .sort((a, b) => a.start - b.start);
  for (const m of located) {
    const first = lastAtOrBefore(words, m.start);
    let f = first;
    if (f < 0 || (words[f] as Word).end <= m.start) f++;
    let l = f;
    while (l + 1 < words.length && (words[l + 1] as Word).start < m.end) l++;
    const w = words[f];
    if (!w || w.start >= m.end || w.quote !== -1) continue;
    if (taken[f] !== -1 || taken[l] !== -1) continue;
    // A name that opens a compound ("EEG-Vergütung") modifies it: it says nothing, where compounds are written whole.
    if (lex.capitalisedNouns && text[m.end] === '-' && someChar(text[m.end + 1] ?? '', LETTER)) continue;
    const mention = make(f, l, m.entity.type as MentionKind, m.entity, null, false, false, null);
    // The mention's own span, not the words' (a possessive stays on the word, the offsets on the name).
    taken.fill(out.length, f, l + 1);
    out.push(mention);
  }
  const isVerb = (k: number) => {
    const w = words[k];
    return !!w && w.quote === -1 && (lex.speechVerbs.has(w.lower) || lex.listenerVerbs.has(w.lower));
  };
  const sameSentence = (a: number, b: number) => (words[a] as Word).sentence === (words[b] as Word).sentence;
  for (let k = 0; k < words.length; k++) {
    const w = words[k] as Word;
    if (w.quote !== -1 || taken[k] !== -1) continue;
    const pronoun = lex.pronouns.get(w.lower);
    // (Another language's pronoun is recorded as the English one it reads like: the ranker reads "he", "she", "they".)
    const reading = lex.pronounAs.get(w.lower) ?? w.lower;
    if (pronoun && (reading !== 'it' || isVerb(k + 1) || isVerb(k + 2))) {
      // "I" is a pronoun; "US", "IT" in capitals are not.
      if (w.end - w.start > 1 && w.lower !== 'i' && text.slice(w.start, w.end) === text.slice(w.start, w.end).toUpperCase()) continue;
      out.push(make(k, k, 'PRON', null, reading, true, false, null));
      taken[k] = out.length - 1;
      continue;
    }
    // ("the 56-year-old said": an age stands for the person.)
    // (Where compounds are written whole, "Konzernchef" is a "chef".)
    const personRole = personRoleOf(w.lower, lex);
    const person = personRole !== null || (w.lower.endsWith('-old') && AGE.test(w.lower));
    const body = !person && lex.bodyRoles.has(w.lower);
    // (A role is written in lowercase, except where every noun has a capital.)
    if ((person || body) && (!w.cap || lex.capitalisedNouns)) {
      // A role right before a name is that name's title ("spokesman Jeff Rathke"): the name speaks.
      const next = words[k + 1];
      if (next && taken[k + 1] !== -1 && sameSentence(k, k + 1) && !/[,;:]/.test(text.slice(w.end, next.start))) continue;
      // Back over up to four modifiers to a determiner: "the US official", "a senior State Department official".
      let d = k - 1;
      let found = -1;
      for (; d >= 0 && d >= k - 5; d--) {
        const x = words[d] as Word;
        if (x.quote !== -1 || !sameSentence(d, k) || /[,;:()]/.test(text.slice(x.end, (words[d + 1] as Word).start))) break;
        if (lex.determiners.has(x.lower)) {
          found = d;
          break;
        }
        if (taken[d] !== -1 && out[taken[d] as number]?.kind === 'PRON') break;
        if (lex.speechVerbs.has(x.lower) || lex.functionWords.has(x.lower)) break;
      }
      const plural = pluralRole(w.lower);
      if (found === -1 && !(plural && (isVerb(k + 1) || isVerb(k + 2)))) continue;
      const first = found === -1 ? k : found;
      // A person named inside it makes it no description ("the Smith spokesman"); a body or a place named inside it is
      // its modifier ("the State Department spokesman", "the US official"), not a speaker of its own.
      let inner = false;
      for (let j = first; j <= k; j++) {
        const t = taken[j] as number;
        if (t === -1) continue;
        const kind = out[t]?.kind;
        if (kind === 'PER' || kind === 'RUN' || kind === 'PRON' || kind === 'DESC') inner = true;
      }
      if (inner) continue;
      for (let j = first; j <= k; j++) {
        const t = taken[j] as number;
        if (t !== -1) absorbed.add(t);
        taken[j] = -1;
      }
      const det = found === -1 ? '' : (words[found] as Word).lower;
      out.push(make(first, k, 'DESC', null, null, det !== '' && !lex.indefinite.has(det), body, personRole ?? w.lower));
      for (let j = first; j <= k; j++) if (taken[j] === -1) taken[j] = out.length - 1;
      continue;
    }
    // A capitalised run the recogniser missed, next to a speech verb: a name as written ("said Mar Hicks").
    if (w.cap && !lex.functionWords.has(w.lower) && !lex.speechVerbs.has(w.lower) && !lex.determiners.has(w.lower)) {
      let l = k;
      while (
        l + 1 < words.length &&
        l - k < 3 &&
        (words[l + 1] as Word).cap &&
        taken[l + 1] === -1 &&
        (words[l + 1] as Word).quote === -1 &&
        sameSentence(k, l + 1) &&
        /^[ \u00a0]$|^\.? $/.test(text.slice((words[l] as Word).end, (words[l + 1] as Word).start)) &&
        !(words[l] as Word).possessive
      )
        l++;
      // A signature line under a quote: "— Jane Roe", "– Man**".
      const paragraphStart = k === 0 || (words[k - 1] as Word).paragraph !== w.paragraph;
      const signature = paragraphStart && /^\s*[—–―-]\s*$/.test(text.slice(layout.paragraphs[w.paragraph]?.start ?? w.start, w.start));
      // Capitals right before a name are its title or its body ("National Security Advisor Sartaj Aziz"), not a speaker.
      const beforeName = taken[l + 1] !== undefined && taken[l + 1] !== -1 && sameSentence(l, l + 1);
      const speaks = !beforeName && (signature || isVerb(l + 1) || isVerb(l + 2) || isVerb(l + 3) || (isVerb(k - 1) && sameSentence(k - 1, k)));
      const sentenceFirst = k === 0 || !sameSentence(k - 1, k);
      const runText = text.slice(w.start, (words[l] as Word).end);
      // Where every noun has a capital, only a signature line makes a run a name: any noun may stand next to a verb.
      const named = signature || !lex.capitalisedNouns;
      if (named && speaks && startsWith(runText, UPPER | NUMBER) && !(sentenceFirst && l === k && lex.functionWords.has(w.lower))) {
        out.push(make(k, l, 'RUN', null, null, false, false, null));
        taken.fill(out.length - 1, k, l + 1);
      }
      k = l;
    }
  }
  const kept = absorbed.size ? out.filter((_, i) => !absorbed.has(i)) : out;
  kept.sort((a, b) => a.start - b.start);
  return kept;
}
