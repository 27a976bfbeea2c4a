import type { ArticleContext } from './context';
import { type Candidate, DESCRIBING, localFeatures, RELATIONS, type Related } from './features';
import { type ClassIndex, sharedClassIndex } from './kinds';
import { type Decision, decide } from './link';
import { type LookUp, type NameToLink, planLookUps } from './lookups';
import { serverDown } from './rate';
import { fold, nameKey, plainPersonName } from './text';
import { MODEL, type Model } from './weights';
import { itemValues, type SearchHit, type WikidataEntity } from './wikidata';
import type { WikipediaPage } from './wikipedia';

/** The look-ups linking needs; WikimediaProvider gives them, with its cache and batching. */
export interface KnowledgeSource {
  search(name: string): Promise<SearchHit[]>;
  entities(ids: string[], props?: string): Promise<Map<string, WikidataEntity>>;
  pages(titles: string[]): Promise<Map<string, WikipediaPage>>;
}

/** What candidates are fetched with: names and description to compare, statements to reason on, sitelinks to count. */
export const CANDIDATE_PROPS = 'labels|descriptions|aliases|claims|sitelinks';
/** What the items candidates point to are fetched with: enough to recognise them in the article. */
export const RELATED_PROPS = 'labels|descriptions|aliases';
/** Candidates per name whose related items are fetched, and whose Wikipedia intros are read. */
const RELATED_CONTENDERS = 4;
const INTRO_CONTENDERS = 3;
/** Search hits that only begin with the name ("Paris Hilton" for "Paris") are dropped; for a team, its full name ("Ball State Cardinals football") may be one. */
const PREFIX_HITS = 0;
const TEAM_PREFIX_HITS = 5;

export interface LinkedName {
  entity: WikidataEntity;
  page: WikipediaPage | null;
}

export interface Linking {
  /** by the caller's name id: the item linked, or null for no confident match */
  linked: Map<string, LinkedName | null>;
  /** labels and descriptions of every item fetched on the way, for the notes */
  related: Map<string, Related>;
  decisions: Map<string, Decision>;
  lookUps: LookUp[];
  /** by the caller's name id: the error of a look-up that failed (the names it did not touch are decided as usual) */
  failed: Map<string, unknown>;
}

const relatedOf = (e: WikidataEntity): Related => ({ label: e.label, aliases: e.aliases, description: e.description });

/**
 * "Edwin E. Aldrin Jr." → "Edwin Aldrin", "Composer John Williams" → "John Williams": a person's name searched again
 * when the full form finds nobody of that name (middle initials and suffixes dropped, or only the last two words kept).
 */
export function plainerName(name: string): string | null {
  const all = name.split(/\s+/).filter(Boolean);
  const words =
    all.length > 2 && !all.some((w) => /^\p{L}\.?$/u.test(w.replace(/,$/, ''))) && !/^(jr|sr|ii|iii|iv)\.?$/i.test(all.at(-1) ?? '')
      ? all.slice(-2)
      : all;
  const kept = words.filter((w, i) => {
    const bare = w.replace(/[.,]/g, '').toLowerCase();
    if (i > 0 && /^(jr|sr|ii|iii|iv|2d|3d|2nd|3rd)$/.test(bare)) return false;
    return !(i > 0 && i < words.length - 1 && /^\p{L}\.?$/u.test(w.replace(/,$/, '')));
  });
  const plainer = kept.join(' ').replace(/,$/, '');
  return kept.length >= 2 && plainer !== name ? plainer : null;
}

function exactHit(hit: SearchHit, query: string, person: boolean): boolean {
  const key = (s: string) => (person ? plainPersonName(s) : nameKey(s));
  const q = key(query);
  const label = fold(hit.label);
  return (
    key(hit.label) === q ||
    (hit.matched !== null && key(hit.matched) === q) ||
    label.startsWith(`${fold(query)},`) ||
    label.startsWith(`${fold(query)} (`)
  );
}

async function orEmpty<T>(work: Promise<Map<string, T>>): Promise<Map<string, T>> {
  try {
    return await work;
  } catch {
    // A failed context look-up makes a weaker decision, not a failed one.
    return new Map();
  }
}

/**
 * Links an article's names: one search per name (merged before linking, see lookups.ts), one batched request for the
 * candidates, the P279 walk for unknown classes, one batched request for what the leading candidates point to, and one
 * for their Wikipedia intros; then a joint decision (link.ts). Only names, QIDs and page titles are sent.
 */
export async function linkNames(
  source: KnowledgeSource,
  names: NameToLink[],
  date: string | null,
  context?: ArticleContext,
  { classes = sharedClassIndex, model = MODEL }: { classes?: ClassIndex; model?: Model } = {},
): Promise<Linking> {
  const { lookUps: planned } = planLookUps(names, context);
  const hits = new Map<string, SearchHit[]>();
  const failed = new Map<string, unknown>();
  const fail = (l: LookUp, error: unknown) => {
    for (const id of l.ids) failed.set(id, error);
  };
  // Failure stays partial: a search that fails fails its own names only; after one that says the server is down, the
  // rest are not asked for.
  let down: unknown = null;
  const lookUps: LookUp[] = [];
  for (const l of planned) {
    if (down) {
      fail(l, down);
      continue;
    }
    const person = l.type === 'PER';
    let found: SearchHit[];
    try {
      found = await source.search(l.query);
      const plainer = person ? plainerName(l.query) : null;
      if (plainer && !found.some((h) => exactHit(h, l.query, true))) {
        found = [...found, ...(await source.search(plainer))];
        // what the plainer name matches exactly counts as the name's own match
        if (!found.some((h) => exactHit(h, l.query, true))) l.query = plainer;
      }
    } catch (error) {
      fail(l, error);
      if (serverDown(error)) down = error;
      continue;
    }
    lookUps.push(l);
    const exact = found.filter((h) => exactHit(h, l.query, person));
    // A team is often searched by the place or school it is named for: "Ball State" finds "Ball State Cardinals football".
    const prefix = found.filter((h) => !exactHit(h, l.query, person)).slice(0, l.about?.team ? TEAM_PREFIX_HITS : PREFIX_HITS);
    hits.set(l.key, [...exact, ...prefix]);
  }
  let entities: Map<string, WikidataEntity>;
  try {
    entities = await source.entities([...new Set([...hits.values()].flat().map((h) => h.id))], CANDIDATE_PROPS);
  } catch (error) {
    // Without the candidates nothing searched can be decided.
    for (const l of lookUps) fail(l, error);
    return { linked: new Map(), related: new Map(), decisions: new Map(), lookUps, failed };
  }
  await classes.resolve(
    [...entities.values()].flatMap((e) => itemValues(e, 'P31')),
    (ids) => source.entities(ids, 'claims'),
  );

  const candidates = new Map<string, Candidate[]>();
  for (const l of lookUps) {
    const list: Candidate[] = [];
    for (const [rank, hit] of (hits.get(l.key) ?? []).entries()) {
      const entity = entities.get(hit.id);
      if (entity && !list.some((c) => c.entity.id === entity.id))
        list.push({ entity, kinds: classes.kindsOf(entity), rank, matched: hit.matched, extract: null });
    }
    candidates.set(l.key, list);
  }

  // The leading candidates of each name, by what can be told before fetching more.
  const related = new Map<string, Related>([...entities].map(([id, e]) => [id, relatedOf(e)]));
  const leading = (l: LookUp, n: number) =>
    (candidates.get(l.key) ?? [])
      .map((candidate) => {
        const f = localFeatures({ lookUp: l, candidate, date, context, related });
        const w = model.weights;
        return { candidate, score: f ? w.name * f.name + w.fit * f.fit + w.prior * f.prior + w.qualifier * f.qualifier : null };
      })
      .filter((x): x is { candidate: Candidate; score: number } => x.score !== null)
      .sort((a, b) => b.score - a.score)
      .slice(0, n)
      .map((x) => x.candidate);
  const relatedIds = new Set<string>();
  for (const l of lookUps)
    for (const c of leading(l, RELATED_CONTENDERS))
      for (const p of [...Object.keys(RELATIONS), ...DESCRIBING]) for (const t of itemValues(c.entity, p)) if (!related.has(t)) relatedIds.add(t);
  const titles = new Set<string>();
  for (const l of lookUps) for (const c of leading(l, INTRO_CONTENDERS)) if (c.entity.enwikiTitle) titles.add(c.entity.enwikiTitle);
  for (const [id, e] of await orEmpty(source.entities([...relatedIds], RELATED_PROPS))) related.set(id, relatedOf(e));
  const pages = await orEmpty(source.pages([...titles]));
  for (const list of candidates.values())
    for (const c of list) {
      const page = c.entity.enwikiTitle ? pages.get(c.entity.enwikiTitle) : undefined;
      if (page && !page.missing && !page.disambiguation) c.extract = page.extract;
    }

  const decisions = decide({ lookUps, candidates, related, context, date, model });
  const linked = new Map<string, LinkedName | null>(names.filter((n) => !failed.has(n.id)).map((n) => [n.id, null]));
  for (const d of decisions.values()) {
    if (!d.chosen) continue;
    const entity = d.chosen.candidate.entity;
    const page = entity.enwikiTitle ? (pages.get(entity.enwikiTitle) ?? null) : null;
    for (const id of d.lookUp.ids) linked.set(id, { entity, page });
  }
  return { linked, related, decisions, lookUps, failed };
}
