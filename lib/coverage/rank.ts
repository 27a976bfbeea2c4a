import { canonicalizeUrl } from '../extract';
import type { ArticleEntity, HistoryMatch, HistoryRecord } from './types';

const DAY = 86_400_000;
/** Articles this many days apart count half as close as articles on the same day. */
const HALF_CLOSENESS_DAYS = 30;
/** Below this, the articles only share names mentioned in passing. */
const MIN_SCORE = 0.05;

/** Lower case, no accents, no leading "the": how names are compared across articles. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/^the\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function entityKeys(e: ArticleEntity): string[] {
  const keys = [e.name, ...(e.variants ?? [])].map((n) => `n:${nameKey(n)}`);
  if (e.qid) keys.push(`q:${e.qid}`);
  return keys;
}

function sameEntity(a: ArticleEntity, b: ArticleEntity): boolean {
  // Two QIDs settle it either way; otherwise any shared full form does.
  if (a.qid && b.qid) return a.qid === b.qid;
  const keys = new Set(entityKeys(a));
  return entityKeys(b).some((k) => keys.has(k));
}

function timeOf(date: string | null): number | null {
  if (!date) return null;
  const t = Date.parse(date);
  return Number.isNaN(t) ? null : t;
}

export interface CurrentArticle {
  url: string;
  published: string | null;
  entities: ArticleEntity[];
}

/**
 * Earlier articles from the reader's history that share people, organisations or places with this one, ranked by the
 * shared entities (weighted by how central they are to both articles) and then by closeness in time. An article that
 * shares only places is not listed: "Pakistan" alone does not make two stories related.
 */
export function rankHistory(current: CurrentArticle, records: HistoryRecord[], { limit = 10, now = Date.now() } = {}): HistoryMatch[] {
  const url = canonicalizeUrl(current.url);
  const currentTime = timeOf(current.published) ?? now;
  const matches: HistoryMatch[] = [];
  for (const record of records) {
    if (canonicalizeUrl(record.url) === url) continue;
    const recordTime = timeOf(record.published) ?? record.readAt;
    // Earlier coverage only; a few hours' slack for time zones on the same day.
    if (recordTime > currentTime + DAY / 2) continue;
    let overlap = 0;
    let namesAPerson = false;
    const shared: { name: string; weight: number }[] = [];
    for (const mine of current.entities) {
      const theirs = record.entities.find((e) => sameEntity(mine, e));
      if (!theirs) continue;
      const weight = mine.weight * theirs.weight;
      overlap += weight;
      if (mine.type !== 'LOC') namesAPerson = true;
      shared.push({ name: mine.name, weight });
    }
    if (!namesAPerson || overlap < MIN_SCORE) continue;
    const days = Math.abs(currentTime - recordTime) / DAY;
    const closeness = 1 / (1 + days / HALF_CLOSENESS_DAYS);
    matches.push({
      record,
      score: Math.round(overlap * (0.5 + 0.5 * closeness) * 1000) / 1000,
      shared: shared.sort((a, b) => b.weight - a.weight).map((s) => s.name),
    });
  }
  return matches.sort((a, b) => b.score - a.score || b.record.readAt - a.record.readAt).slice(0, limit);
}
