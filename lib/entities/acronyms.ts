import type { Entity } from '../analyze/types';

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

/** An organisation named by an acronym that the text spells out in common, lowercase words is a thing (MISC). */
export function acronymsOfThings(text: string, entities: Entity[]): Entity[] {
  return entities.map((e) => {
    if (e.type !== 'ORG' || !/^\p{Lu}{2,6}$/u.test(e.name)) return e;
    const acronym = e.name.toLowerCase();
    return e.mentions.some((m) => spelledOutInLowercase(text, m.start, m.end, acronym)) ? { ...e, type: 'MISC' } : e;
  });
}
