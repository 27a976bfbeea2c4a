import type { AnalysisResult, Entity, EntityType } from '../analyze/types';
import { regionNamed } from './regions';
import { nameKey, wordCounts } from './text';

/**
 * What the article says around its names, for telling one namesake from another. It stays on the device: look-ups send
 * names only, and this is compared with the answers locally.
 */
export interface ArticleContext {
  /** content words of the article (folded, stemmed) with their counts; the most frequent WORD_LIMIT */
  words: Record<string, number>;
  /** the article's names */
  entities: ContextEntity[];
  /** years the text mentions (1800–2100): an article about 1986 may name what was there in 1986 */
  years: number[];
  /** regions the text writes after a place ("OLYMPIA, Wash." → "Washington"), recognised as names or not */
  regions: string[];
  /** capitalised phrases of the text (as name keys), for names the recogniser did not take */
  phrases: string[];
}

export interface ContextEntity {
  id: string;
  name: string;
  type: EntityType;
  variants: string[];
  titles: string[];
  mentions: number;
  /** where the name is first mentioned (an offset into the text) */
  first: number;
  /** the name opens the article as its dateline ("PARIS, Texas (AP) —", "WASHINGTON —") */
  dateline?: boolean;
  /** the region written after it ("Paris, Texas", "Berkeley, Calif." → "California") */
  qualifier?: string;
  /** an age given with the name ("Smith, 45," or "a 45-year-old Smith") */
  age?: number;
  /** the article quotes this person: alive at its date */
  speaker?: boolean;
  /** written as a sports team is: "Georgia beat Ball State 45-3" */
  team?: boolean;
}

export const WORD_LIMIT = 800;
export const PHRASE_LIMIT = 600;

const TEAM_VERB =
  /^\s+(?:beat|beats|defeated|defeats|edged|edges|routed|routs|downed|blanked|outlasted|trounced|thrashed|edged out|held off|rallied past|rolled past|cruised past)\b/i;
const TEAM_VERB_BEFORE =
  /\b(?:beat|beats|defeated|defeats|edged|routed|downed|blanked|outlasted|trounced|thrashed|past|over|against|versus|vs\.?)\s+(?:the\s+)?$/i;
const SCORE = /\b\d{1,3}[-–]\d{1,3}\b/;
const QUALIFIER = /^,\s*((?:[A-Z][A-Za-z.]*\.?)(?:\s+[A-Z][A-Za-z.]*)?)(?=[\s,.;:)(—–-]|$)/;

function sentenceAround(text: string, start: number, end: number): string {
  const from = Math.max(text.lastIndexOf('.', start - 2), text.lastIndexOf('\n', start - 1)) + 1;
  const stops = ['. ', '.\n', '\n'].map((s) => text.indexOf(s, end)).filter((i) => i >= 0);
  return text.slice(from, stops.length ? Math.min(...stops) + 1 : text.length);
}

type Analysis = Pick<AnalysisResult, 'entities' | 'quotes'> & { article: { text: string } | null };

/** The article's context for linking, built from its analysis. */
export function articleContext(result: Analysis): ArticleContext {
  const text = result.article?.text ?? '';
  const counts = [...wordCounts(text)].sort((a, b) => b[1] - a[1]).slice(0, WORD_LIMIT);
  const speakers = new Set(result.quotes.map((q) => q.speakerId).filter((id): id is string => !!id));
  const firstWords = text.trimStart();
  const lead = text.length - firstWords.length;
  const entities = result.entities.map((e: Entity): ContextEntity => {
    const out: ContextEntity = {
      id: e.id,
      name: e.name,
      type: e.type,
      variants: e.variants,
      titles: e.titles,
      mentions: e.mentions.length,
      first: Math.min(...e.mentions.map((m) => m.start)),
    };
    for (const m of e.mentions) {
      const after = text.slice(m.end, m.end + 40);
      const before = text.slice(Math.max(0, m.start - 40), m.start);
      if (m.start <= lead + 1 && /^\s*(?:,|\(|—|–|-|:)/.test(after)) out.dateline = true;
      const q = QUALIFIER.exec(after);
      const region = q ? regionNamed(q[1] as string, true) : null;
      if (region && e.type !== 'PER' && region.toLowerCase() !== e.name.toLowerCase()) out.qualifier ??= region;
      if (e.type === 'PER') {
        const age = /^,\s*(\d{1,3}),/.exec(after)?.[1] ?? /\b(\d{1,3})-year-old\s+(?:\p{L}+\s+)?$/u.exec(before)?.[1];
        if (age && Number(age) < 120) out.age ??= Number(age);
      }
      if (e.type !== 'PER' && (TEAM_VERB.test(after) || TEAM_VERB_BEFORE.test(before)) && SCORE.test(sentenceAround(text, m.start, m.end)))
        out.team = true;
    }
    if (speakers.has(e.id)) out.speaker = true;
    return out;
  });
  const years = [...new Set((text.match(/\b(?:18|19|20)\d\d\b/g) ?? []).map(Number))].filter((y) => y >= 1800 && y <= 2100);
  const regions = new Set<string>();
  for (const m of text.matchAll(/\b\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)*(,\s*[A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*)?)(?=[\s,.;:)(—–-]|$)/gu)) {
    const q = QUALIFIER.exec(m[1] as string);
    const region = q ? regionNamed(q[1] as string, true) : null;
    if (region) regions.add(region);
  }
  const phrases = new Set<string>();
  for (const m of text.matchAll(/\p{Lu}[\p{L}\p{N}'’.&-]*(?:\s+(?:(?:of|the|and|for|de|du|la)\s+)*\p{Lu}[\p{L}\p{N}'’.&-]*)*/gu)) {
    const words = nameKey(m[0]).split(' ').filter(Boolean);
    if (!words.length || words.join('').length < 3) continue;
    phrases.add(words.join(' '));
    if (words.length > 1) for (const w of words) if (w.length > 2) phrases.add(w);
  }
  return { words: Object.fromEntries(counts), entities, years, regions: [...regions], phrases: [...phrases].slice(0, PHRASE_LIMIT) };
}
