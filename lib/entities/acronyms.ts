import type { Entity } from '../analyze/types';
import { KNOWN_ORGS } from './lexicon';

/** Initials of a phrase's words ("iodine deficiency disorders" → "idd"). */
function initials(phrase: string): string {
  return phrase
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((w) => w[0] ?? '')
    .join('')
    .toLowerCase();
}

/** "VM (virtual microscope)", "iodine deficiency disorders (IDD)": spelled out in lowercase words, the acronym names a thing. */
function spelledOutInLowercase(text: string, start: number, end: number, acronym: string): boolean {
  const after = /^\s*[([]([a-z][a-z\s-]{2,80})[)\]]/.exec(text.slice(end, end + 90))?.[1];
  if (after && initials(after) === acronym) return true;
  const before = /([a-z][a-z\s-]{2,80})\s*[([]$/.exec(text.slice(Math.max(0, start - 90), start))?.[1];
  if (!before) return false;
  const words = before.trim().split(/\s+/);
  return initials(words.slice(-acronym.length).join(' ')) === acronym;
}

/**
 * "… preventing iodine deficiency disorders. … The effects of IDD …": spelled out in lowercase words anywhere before, with
 * no brackets. (Content words only, and never a known body's acronym: "from being involved" is no FBI.)
 */
function firstSpelledOut(text: string, acronym: string): number {
  if (acronym.length < 3 || KNOWN_ORGS.has(acronym)) return -1;
  const words = [...acronym].map((letter) => `${letter}[a-z]{3,}`).join('\\s+');
  // (Looked for once per acronym, not once per mention: a long page names an acronym hundreds of times.)
  const phrase = new RegExp(`\\b(${words})\\b`, 'g');
  for (const m of text.matchAll(phrase)) if (!/(ed|ing|ly)$/.test(m[1] as string)) return m.index;
  return -1;
}

const TITLE_PHRASE = /((?:[A-Z][a-z]+|of|the|and|for|to|on|in|a)(?: (?:[A-Z][a-z]+|of|the|and|for|to|on|in|a))*) [([]$/;

/**
 * "Interview of the Month (IOTM)", "Most Valuable Player (MVP)": spelled out in capitalised words that name no entity (no
 * organisation was found there), the acronym names a thing too.
 */
function spelledOutAsPhrase(text: string, start: number, acronym: string, named: (at: number) => boolean): boolean {
  const phrase = TITLE_PHRASE.exec(text.slice(Math.max(0, start - 90), start))?.[1];
  if (!phrase) return false;
  const words = phrase.split(' ');
  for (let n = acronym.length; n <= words.length && n <= acronym.length * 2; n++) {
    const tail = words.slice(-n);
    if (!/^[A-Z]/.test(tail[0] ?? '') || initials(tail.join(' ')) !== acronym) continue;
    // (The phrase ends two characters, " (", before the acronym.)
    return !named(start - 2 - tail.join(' ').length);
  }
  return false;
}

/** An organisation named by an acronym that the text spells out in common words is a thing (MISC). */
export function acronymsOfThings(text: string, entities: Entity[]): Entity[] {
  const starts = new Set(entities.flatMap((e) => e.mentions.map((m) => m.start)));
  const named = (at: number) => starts.has(at);
  return entities.map((e) => {
    if (e.type !== 'ORG' || !/^\p{Lu}{2,6}$/u.test(e.name)) return e;
    const acronym = e.name.toLowerCase();
    const spelled = (m: { start: number; end: number }) =>
      spelledOutInLowercase(text, m.start, m.end, acronym) || spelledOutAsPhrase(text, m.start, acronym, named);
    if (e.mentions.some(spelled)) return { ...e, type: 'MISC' };
    const before = firstSpelledOut(text, acronym);
    return before >= 0 && before < (e.mentions[e.mentions.length - 1]?.start ?? 0) ? { ...e, type: 'MISC' } : e;
  });
}
