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
  /** introduced as someone's relative ("his daughter, Angela Johnson"): most often a private person */
  relative?: boolean;
}

export const WORD_LIMIT = 800;
export const PHRASE_LIMIT = 600;
/** How much of the text is scanned for regions and capitalised phrases (the article's start says the most). */
const SCAN_LIMIT = 200_000;

const TEAM_VERB =
  /^\s+(?:beat|beats|defeated|defeats|edged|edges|routed|routs|downed|blanked|outlasted|trounced|thrashed|edged out|held off|rallied past|rolled past|cruised past)\b/i;
const TEAM_VERB_BEFORE =
  /\b(?:beat|beats|defeated|defeats|edged|routed|downed|blanked|outlasted|trounced|thrashed|past|over|against|versus|vs\.?)\s+(?:the\s+)?$/i;
const RELATIVE =
  /\b(?:his|her|their|whose|the)\s+(?:\p{L}+\s+)?(?:daughter|son|wife|husband|mother|father|brother|sister|grandson|granddaughter|grandmother|grandfather|widow|widower|niece|nephew|cousin|aunt|uncle|child|stepson|stepdaughter|fiancée?|partner),?\s*$/u;
const SCORE = /\b\d{1,3}[-–]\d{1,3}\b/;
const QUALIFIER = /^,\s*((?:[A-Z][A-Za-z.]*\.?)(?:\s+[A-Z][A-Za-z.]*)?)(?=[\s,.;:)(—–-]|$)/;

function sentenceAround(text: string, start: number, end: number): string {
  const from = Math.max(text.lastIndexOf('.', start - 2), text.lastIndexOf('\n', start - 1)) + 1;
  const stops = ['. ', '.\n', '\n'].map((s) => text.indexOf(s, end)).filter((i) => i >= 0);
  return text.slice(from, stops.length ? Math.min(...stops) + 1 : text.length);
}

const CONNECTORS = ['of', 'the', 'and', 'for', 'de', 'du', 'la'];
const MAX_PHRASE_WORDS = 8;

/**
 * Runs of capitalised words ("Emirates Stadium", "University of Oregon") and their words, as name keys: the names of the
 * text, whether the recogniser took them or not. One pass over the words.
 */
function capitalisedPhrases(text: string): Set<string> {
  const phrases = new Set<string>();
  let run: string[] = [];
  let connectors: string[] = [];
  const flush = () => {
    const key = nameKey(run.join(' '));
    if (key.replace(/ /g, '').length >= 3) {
      phrases.add(key);
      if (run.length > 1) for (const w of key.split(' ')) if (w.length > 2) phrases.add(w);
    }
    run = [];
    connectors = [];
  };
  for (const raw of text.split(/\s+/)) {
    const word = raw.replace(/^[^\p{L}\p{N}]+/u, '');
    const core = word.replace(/[^\p{L}\p{N}]+$/u, '');
    if (/^\p{Lu}/u.test(core)) {
      if (run.length >= MAX_PHRASE_WORDS) flush();
      run.push(...connectors, core);
      connectors = [];
    } else if (run.length && CONNECTORS.includes(core) && connectors.length < 2) connectors.push(core);
    else if (run.length) flush();
    // punctuation after a word ends the name ("Dallas, Houston")
    if (run.length && core !== word) flush();
  }
  if (run.length) flush();
  return phrases;
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
      if (e.type === 'PER' && RELATIVE.test(before)) out.relative = true;
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
  // a capitalised word, a comma, a region: "OLYMPIA, Wash." (one word before the comma, read from its first letter
  // only, keeps the scan linear)
  for (const m of text
    .slice(0, SCAN_LIMIT)
    .matchAll(/(?<![\p{L}.'’-])\p{Lu}[\p{L}.'’-]*(,\s*[A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*)?)(?=[\s,.;:)(—–-]|$)/gu)) {
    const q = QUALIFIER.exec(m[1] as string);
    const region = q ? regionNamed(q[1] as string, true) : null;
    if (region) regions.add(region);
  }
  const phrases = capitalisedPhrases(text.slice(0, SCAN_LIMIT));
  return { words: Object.fromEntries(counts), entities, years, regions: [...regions], phrases: [...phrases].slice(0, PHRASE_LIMIT) };
}
