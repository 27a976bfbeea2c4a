/**
 * How central each name is to an article: the one measure the popup's "who is in it", the news search and the reading
 * history share. Pure, with no lexicon of its own (the popup loads it), so words that are titles come from the caller.
 */
import type { AnalysisResult, Entity } from '../analyze/types';
import { PARAGRAPH_SEPARATOR } from '../extract';

export interface Salient {
  entity: Entity;
  /** mentions relative to the most mentioned name, raised for the headline, the first paragraph and quotes; places halved */
  score: number;
  inHeadline: boolean;
  inLede: boolean;
  quoted: boolean;
}

/** What each signal adds to a name's share of the mentions. */
export const SALIENCE_WEIGHTS = { headline: 0.5, lede: 0.3, quoted: 0.25, place: 0.5 } as const;

/** A first paragraph shorter than this is a dateline or a standfirst: the lede runs on into the next one. */
const MIN_LEDE_CHARS = 80;

/** Where the article's first paragraph (its lede) ends in its text. */
export function ledeEnd(text: string): number {
  let end = text.indexOf(PARAGRAPH_SEPARATOR);
  while (end >= 0 && end < MIN_LEDE_CHARS) {
    const next = text.indexOf(PARAGRAPH_SEPARATOR, end + PARAGRAPH_SEPARATOR.length);
    if (next < 0) return text.length;
    end = next;
  }
  return end < 0 ? text.length : end;
}

const folded = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'");

/** Whether a form of the name stands in the headline as whole words ("Iran" is not in "Iranian"). */
function inText(forms: string[], text: string): boolean {
  const hay = ` ${folded(text).replace(/[^\p{L}\p{N}'.-]+/gu, ' ')} `;
  return forms.some(
    (f) =>
      f.length > 2 &&
      hay.includes(
        ` ${folded(f)
          .replace(/[^\p{L}\p{N}'.-]+/gu, ' ')
          .trim()} `,
      ),
  );
}

/** Every name of the article but "other names" (nationalities, events), most central first. */
export function salience(result: Pick<AnalysisResult, 'entities' | 'quotes' | 'article'>): Salient[] {
  const entities = result.entities.filter((e) => e.type !== 'MISC');
  const most = Math.max(1, ...entities.map((e) => e.mentions.length));
  const speakers = new Set(result.quotes.map((q) => q.speakerId).filter(Boolean));
  const headline = result.article?.title ?? '';
  const lede = ledeEnd(result.article?.text ?? '');
  return entities
    .map((entity) => {
      const inHeadline = !!headline && inText(entity.variants.length ? entity.variants : [entity.name], headline);
      const inLede = entity.mentions.some((m) => m.start < lede);
      const quoted = speakers.has(entity.id);
      let score = entity.mentions.length / most;
      if (inHeadline) score += SALIENCE_WEIGHTS.headline;
      if (inLede) score += SALIENCE_WEIGHTS.lede;
      if (quoted) score += SALIENCE_WEIGHTS.quoted;
      if (entity.type === 'LOC') score *= SALIENCE_WEIGHTS.place;
      return { entity, score: Math.round(score * 1000) / 1000, inHeadline, inLede, quoted };
    })
    .sort((a, b) => b.score - a.score || b.entity.mentions.length - a.entity.mentions.length || a.entity.name.localeCompare(b.entity.name));
}

/**
 * The article's central people and organisations, for the popup's first screen: at least `min` where the article has
 * them, and up to `max` while the next one is still central (in the headline or lede, or much mentioned).
 */
export function centralPeople(result: Pick<AnalysisResult, 'entities' | 'quotes' | 'article'>, min = 5, max = 8): Salient[] {
  const people = salience(result).filter((s) => s.entity.type === 'PER' || s.entity.type === 'ORG');
  const shown = people.slice(0, min);
  for (const s of people.slice(min, max)) {
    if (s.inHeadline || s.inLede || s.quoted || s.entity.mentions.length >= 3) shown.push(s);
    else break;
  }
  return shown;
}

/** Whether a word is a title or a word of one ("Secretary", "Defense", "Gen."): the caller's lexicon decides. */
export type IsTitleWord = (word: string) => boolean;

/** Country prefixes that head a title glued to a name ("U.S. Defense Secretary Chuck Hagel"). */
const TITLE_PREFIX = /^(?:u\.?s\.?|u\.?k\.?|us|uk|eu|un)$/i;

/**
 * The form of a name fit to search news for, or null when none is. A person's title glued to the front of the name
 * goes ("Defense Secretary Chuck Hagel" → "Chuck Hagel"), and a person needs a first name and a surname after that
 * (a lone word, "Max", is as likely a misread as a name, and finds anyone); an organisation named once in passing, in
 * one word, is not searched; nor is a form with digits or no capital letter.
 */
export function searchForm(s: Salient, isTitleWord: IsTitleWord): string | null {
  const { entity } = s;
  const person = entity.type === 'PER';
  const words = (form: string) => form.split(/\s+/).filter(Boolean);
  const withoutTitle = (form: string) => {
    const ws = words(form);
    if (!person) return ws.join(' ');
    let k = 0;
    while (k < ws.length && (isTitleWord((ws[k] as string).toLowerCase().replace(/\.$/, '')) || TITLE_PREFIX.test(ws[k] as string))) k++;
    return ws.slice(k).join(' ');
  };
  const forms = [...new Set([entity.name, ...entity.variants].map(withoutTitle))]
    .filter((f) => f && !/\d/.test(f) && /\p{Lu}/u.test(f))
    .sort((a, b) => words(b).length - words(a).length || b.length - a.length);
  const best = forms[0];
  if (!best) return null;
  if (person) return words(best).length >= 2 ? best : null;
  if (words(best).length === 1 && entity.mentions.length < 2 && !s.inHeadline && !s.inLede) return null;
  return best;
}

/** The names a news search may send, most central first, each as its search form (see searchForm). */
export function searchableNames(
  result: Pick<AnalysisResult, 'entities' | 'quotes' | 'article'>,
  isTitleWord: IsTitleWord,
): { name: string; salient: Salient }[] {
  const seen = new Set<string>();
  return salience(result).flatMap((salient) => {
    const name = searchForm(salient, isTitleWord);
    if (!name || seen.has(name.toLowerCase())) return [];
    seen.add(name.toLowerCase());
    return [{ name, salient }];
  });
}
