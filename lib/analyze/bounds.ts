// Bounded work: how much of a page is analysed, and how a long text is analysed in sections, so that no page, however
// big, makes the background (shared by every tab) or the command line wait long on it.
import type { Steps } from '../steps';
import type { Entity, Limited, Quote, Span } from './types';

/**
 * What one page's analysis covers at most: its first 2,000 paragraphs and 200,000 characters (about 33,000 words, past
 * the longest articles). The rest of a bigger page is neither analysed nor highlighted, and the popup and the CLI say so.
 */
export const ANALYSIS_LIMITS = { maxParagraphs: 2000, maxChars: 200_000 } as const;

/** Texts up to this long are analysed in one piece (as the evaluation measures them): tens of milliseconds. */
export const WHOLE_TEXT_CHARS = 60_000;
/** Longer texts are analysed in sections of at most this many characters, cut between paragraphs. */
export const SECTION_CHARS = 10_000;

/**
 * The first paragraphs of `blocks` (texts joined by `separator`) within the limits; `limited` says what was left out,
 * or is null when nothing was. A first paragraph longer than the limit is cut at it.
 */
export function withinLimits(blockTexts: string[], separator: string): { count: number; chars: number; limited: Limited | null } {
  let chars = 0;
  let count = 0;
  for (const text of blockTexts) {
    const next = chars + (count ? separator.length : 0) + text.length;
    if (count >= ANALYSIS_LIMITS.maxParagraphs || next > ANALYSIS_LIMITS.maxChars) break;
    chars = next;
    count++;
  }
  const totalChars = blockTexts.reduce((n, t) => n + t.length, 0) + Math.max(0, blockTexts.length - 1) * separator.length;
  if (count === blockTexts.length) return { count, chars, limited: null };
  // A single paragraph over the limit: its beginning.
  if (count === 0 && blockTexts.length) return { count: 1, chars: ANALYSIS_LIMITS.maxChars, limited: limitOf(1, ANALYSIS_LIMITS.maxChars) };
  return { count, chars, limited: limitOf(count, chars) };

  function limitOf(paragraphs: number, analysedChars: number): Limited {
    return { paragraphs, totalParagraphs: blockTexts.length, chars: analysedChars, totalChars };
  }
}

/** Plain text cut to the limits after a paragraph break (a blank line), for text that comes without a page. */
export function limitText(text: string): { text: string; limited: Limited | null } {
  // Each paragraph keeps the break after it, so the lengths add up to offsets in the text.
  const { chars, limited } = withinLimits(text.split(/(?<=\n\s*\n)/), '');
  return limited ? { text: text.slice(0, chars), limited } : { text, limited: null };
}

/** Where to cut a long text: sections of at most `max` characters, each ending after a paragraph break where one fits. */
export function sections(text: string, max = SECTION_CHARS): Span[] {
  const out: Span[] = [];
  let start = 0;
  while (text.length - start > max) {
    const window = text.slice(start, start + max);
    // The last paragraph break in the window, else the last sentence end, else the last space, else the window's end.
    const lastEnd = (pattern: RegExp) => {
      let end = 0;
      for (const m of window.matchAll(pattern)) end = (m.index ?? 0) + m[0].length;
      return end;
    };
    // (Each looked for only when the one before gives none: the last space is the fallback, and the costliest search.)
    let cut: number | undefined;
    for (const pattern of [/\n\s*\n/g, /[.!?]["”’)]?\s/g, /\s/g]) {
      const at = lastEnd(pattern);
      if (at > max / 2) {
        cut = at;
        break;
      }
    }
    const end = start + (cut ?? max);
    out.push({ start, end });
    start = end;
  }
  if (start < text.length || !out.length) out.push({ start, end: text.length });
  return out;
}

export interface SectionAnalysis {
  /** where the section starts in the whole text */
  offset: number;
  entities: Entity[];
  quotes: Quote[];
}

/**
 * The analyses of a text's sections as one: offsets into the whole text, and an entity named in several sections
 * merged into one (the same type and a shared name variant, or a person's lone surname after their full name in an
 * earlier section: "Jeff Rathke" then "Rathke"), numbered in order of first mention. A name that would join two
 * different entities ("Rathke" for two Rathkes) joins neither. In steps (see lib/steps), a section at a time.
 */
export function* mergeSectionSteps(parts: SectionAnalysis[]): Steps<{ entities: Entity[]; quotes: Quote[] }> {
  type Merged = Omit<Entity, 'id'>;
  const merged: Merged[] = [];
  const byVariant = new Map<string, Merged>();
  const key = (type: string, variant: string) => `${type}\u0000${variant.toLowerCase()}`;
  // People by their surname, where it is theirs alone: a later section's "Rathke" is the earlier "Jeff Rathke".
  const bySurname = new Map<string, Merged | null>();
  const surname = (name: string) => name.split(/\s+/).pop()?.toLowerCase() ?? '';
  const addSurnames = (m: Merged) => {
    if (m.type !== 'PER') return;
    for (const v of m.variants) {
      if (!/\s/.test(v)) continue;
      const known = bySurname.get(surname(v));
      bySurname.set(surname(v), known === undefined || known === m ? m : null);
    }
  };
  const idMaps: Map<string, Merged>[] = [];
  for (const part of parts) {
    const idMap = new Map<string, Merged>();
    for (const e of part.entities) {
      const mentions = e.mentions.map((m) => ({ ...m, start: m.start + part.offset, end: m.end + part.offset }));
      const matches = new Set(e.variants.map((v) => byVariant.get(key(e.type, v))).filter((m): m is Merged => !!m));
      if (!matches.size && e.type === 'PER' && e.variants.every((v) => !/\s/.test(v))) {
        const person = bySurname.get(surname(e.name));
        if (person) matches.add(person);
      }
      let target: Merged;
      if (matches.size === 1) {
        target = [...matches][0] as Merged;
        target.mentions.push(...mentions);
        if (e.name.length > target.name.length) target.name = e.name;
        target.variants = [...new Set([target.name, ...target.variants, ...e.variants])];
        target.titles = [...new Set([...target.titles, ...e.titles])];
      } else {
        target = { name: e.name, type: e.type, mentions, variants: [...e.variants], titles: [...e.titles] };
        merged.push(target);
      }
      for (const v of e.variants) if (!byVariant.has(key(e.type, v))) byVariant.set(key(e.type, v), target);
      addSurnames(target);
      idMap.set(e.id, target);
    }
    idMaps.push(idMap);
    yield;
  }
  for (const m of merged) m.mentions.sort((a, b) => a.start - b.start);
  const ordered = merged.sort((a, b) => (a.mentions[0]?.start ?? 0) - (b.mentions[0]?.start ?? 0));
  const ids = new Map<Merged, string>(ordered.map((m, i) => [m, `e${i + 1}`]));
  const entities: Entity[] = ordered.map((m) => ({ id: ids.get(m) as string, ...m }));
  const quotes = parts.flatMap((part, i) =>
    part.quotes.map((q) => {
      const speaker = q.speakerId ? idMaps[i]?.get(q.speakerId) : undefined;
      return {
        ...q,
        start: q.start + part.offset,
        end: q.end + part.offset,
        speaker: speaker ? speaker.name : q.speaker,
        speakerId: speaker ? (ids.get(speaker) ?? null) : null,
      };
    }),
  );
  return { entities, quotes };
}
