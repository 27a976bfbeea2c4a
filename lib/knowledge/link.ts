import type { EntityType } from '../analyze/types';
import { CITY_CLASSES, DISAMBIGUATION, HUMAN, ORGANISATION_CLASSES, PLACE_CLASSES } from './classes';
import { itemValues, type SearchHit, timeValue, type WikidataEntity } from './wikidata';

export interface LinkContext {
  /** the article's date (ISO), for "alive and active then" */
  date: string | null;
  /** QIDs of places already linked in the article: a candidate from the same country fits better */
  countries: Set<string>;
  /** the name opens the article as a dateline ("WASHINGTON:"), so it is a city */
  dateline?: boolean;
}

export interface ScoredCandidate {
  entity: WikidataEntity;
  score: number;
  reasons: string[];
}

export type LinkDecision =
  | { status: 'linked'; candidate: ScoredCandidate; others: ScoredCandidate[] }
  | { status: 'no-confident-match'; others: ScoredCandidate[] };

const MIN_SCORE = 3;
const MIN_MARGIN = 1.5;

export function typeFits(entity: WikidataEntity, type: EntityType): boolean {
  const classes = itemValues(entity, 'P31');
  if (classes.includes(DISAMBIGUATION)) return false;
  const human = classes.includes(HUMAN);
  const org = classes.some((c) => ORGANISATION_CLASSES.has(c)) || (!human && ['P159', 'P112', 'P488', 'P749'].some((p) => entity.claims[p]?.length));
  const place = classes.some((c) => PLACE_CLASSES.has(c)) || (!human && !org && !!entity.claims.P625?.length);
  if (type === 'PER') return human;
  if (type === 'ORG') return org && !human;
  if (type === 'LOC') return place && !human;
  return true;
}

const before = (a: string, b: string) => a.slice(0, Math.min(a.length, b.length)) < b.slice(0, Math.min(a.length, b.length));

/**
 * Scores the candidates for one name: type fit is required; then popularity (sitelinks), exact label, the article's
 * countries, and the article's date (born later or founded later rules a candidate out; dead or dissolved before counts
 * against it). A wrong person is worse than none: without a clear winner, there is no match.
 */
export function chooseCandidate(
  name: string,
  type: EntityType,
  hits: SearchHit[],
  entities: Map<string, WikidataEntity>,
  context: LinkContext,
): LinkDecision {
  const scored: ScoredCandidate[] = [];
  const wanted = name.toLowerCase();
  // "Washington, D.C." and "Washington (state)" both answer to "Washington": neither wins on the label alone.
  const labelMatches = (label: string) => {
    const l = label.toLowerCase();
    return l === wanted || l.startsWith(`${wanted},`) || l.startsWith(`${wanted} (`);
  };
  for (const hit of hits) {
    const entity = entities.get(hit.id);
    if (!entity || !typeFits(entity, type)) continue;
    const reasons: string[] = [];
    let score = Math.log2(entity.sitelinks + 1);
    reasons.push(`${entity.sitelinks} sitelinks`);
    if (labelMatches(entity.label ?? hit.label)) {
      score += 2;
      reasons.push('exact label');
    } else if (hit.matchType === 'alias') score += 0.5;
    const countries = [...itemValues(entity, 'P27'), ...itemValues(entity, 'P17')];
    if (countries.some((c) => context.countries.has(c)) || context.countries.has(entity.id)) {
      score += 3;
      reasons.push('same country as the article');
    }
    if (type === 'LOC' && context.dateline && itemValues(entity, 'P31').some((c) => CITY_CLASSES.has(c))) {
      score += 4;
      reasons.push('a city, as datelines name');
    }
    if (context.date) {
      const start = timeValue(entity, type === 'PER' ? 'P569' : 'P571');
      const end = timeValue(entity, type === 'PER' ? 'P570' : 'P576');
      if (start && before(context.date, start.date)) continue; // born or founded after the article
      if (end && before(end.date, context.date)) {
        score -= 2;
        reasons.push(type === 'PER' ? 'died before the article' : 'ended before the article');
      }
    }
    scored.push({ entity, score, reasons });
  }
  scored.sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  // A lone first name or surname could be anyone: only an exact label may link it.
  if (type === 'PER' && !wanted.includes(' ') && best && (best.entity.label ?? '').toLowerCase() !== wanted)
    return { status: 'no-confident-match', others: scored };
  if (!best || best.score < MIN_SCORE || (second && best.score - second.score < MIN_MARGIN)) return { status: 'no-confident-match', others: scored };
  return { status: 'linked', candidate: best, others: scored.slice(1) };
}
