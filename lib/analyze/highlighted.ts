// Which names the page highlights (the toolbar's number): one place for the analyser, the background's badge and the
// popup, which explain it in the reader's language (locales/, badgeCount). (Imported by file, not through lib/analyze's index, which brings the analyser.)
import type { Entity } from './types';

/** The entities highlighted in the page: people, organisations and places ("other names" are listed in the popup only). */
export function highlightedEntities(entities: readonly Entity[]): Entity[] {
  return entities.filter((e) => e.type !== 'MISC');
}

/** A name as a reader may select it: case, spacing, edge punctuation and a possessive aside. */
function plain(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu, '')
    .replace(/'s$/i, '')
    .toLowerCase();
}

/**
 * The entity a selected text names: one of its forms exactly, else the entity with the longest form inside the selection
 * ("General Raheel Sharif's" → Raheel Sharif), else one form that holds the selection as a whole word run ("Sharif").
 */
export function entityNamed(entities: readonly Entity[], text: string): Entity | null {
  const wanted = plain(text);
  if (!wanted) return null;
  const forms = entities.flatMap((entity) => [...new Set([entity.name, ...entity.variants].map(plain))].map((form) => ({ entity, form })));
  const exact = forms.find((f) => f.form === wanted);
  if (exact) return exact.entity;
  const words = (s: string) => ` ${s} `;
  const inside = forms.filter((f) => f.form && words(wanted).includes(words(f.form))).sort((a, b) => b.form.length - a.form.length)[0];
  if (inside) return inside.entity;
  const holders = [...new Set(forms.filter((f) => words(f.form).includes(words(wanted))).map((f) => f.entity))];
  return holders.length === 1 ? (holders[0] as Entity) : null;
}
