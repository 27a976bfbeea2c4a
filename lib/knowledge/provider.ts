import type { EntityType } from '../analyze/types';
import { RetryableError } from './cache';
import { cachedItems, type ItemCacheOptions } from './item-cache';
import { chooseCandidate, type LinkContext } from './link';
import { type BackgroundNote, buildNote, referencedIds } from './note';
import { parseEntities, parseSearch, type SearchHit, type WikidataEntity } from './wikidata';
import { parsePages, type WikipediaPage } from './wikipedia';

/** Fetches JSON from a URL; the background gives one with caching, rate limits and the right headers, tests a fake. */
export type FetchJson = (url: string) => Promise<unknown>;

export interface WikimediaConfig {
  /** e.g. https://www.wikidata.org */
  wikidataBase: string;
  /** e.g. https://en.wikipedia.org */
  wikipediaBase: string;
}

export const DEFAULT_WIKIMEDIA: WikimediaConfig = { wikidataBase: 'https://www.wikidata.org', wikipediaBase: 'https://en.wikipedia.org' };

export interface NameToLink {
  /** the article's entity id */
  id: string;
  name: string;
  type: EntityType;
  dateline?: boolean;
  /** sent only to help pick the others (the article's places): its own look-up may fail without a word */
  contextOnly?: boolean;
}

type LinkableEntity = { id: string; name: string; type: EntityType; mentions: { start: number }[] };

/** What to send to link some of an article's entities: them, and the article's places to tell which one is meant. */
export function namesForLookUp(wanted: LinkableEntity | LinkableEntity[], all: LinkableEntity[]): NameToLink[] {
  const entities = Array.isArray(wanted) ? wanted : [wanted];
  const ids = new Set(entities.map((e) => e.id));
  const places = all.filter((e) => e.type === 'LOC' && !ids.has(e.id));
  const name = (e: LinkableEntity, context: boolean): NameToLink => ({
    id: e.id,
    name: e.name,
    type: e.type,
    dateline: e.mentions[0]?.start === 0,
    ...(context ? { contextOnly: true } : {}),
  });
  return [...entities.map((e) => name(e, false)), ...places.map((e) => name(e, true))];
}

/** A name's note; no confident match; or a look-up that failed (its own: the others' answers stand, with a retry). */
export type LinkResult =
  | { status: 'linked'; note: BackgroundNote }
  | { status: 'no-confident-match'; searchUrl: string }
  | { status: 'failed'; message: string };

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
/** A failure that says the server is unreachable or overloaded: asking it for the next name would fail the same way. */
const serverDown = (error: unknown) =>
  (error instanceof RetryableError && (error.status === 429 || error.status === 503 || error.retryAfterMs !== null)) ||
  (error instanceof Error && /timeout|abort|network|fetch failed|ECONN|not answer/i.test(`${error.name} ${error.message}`));

const ENTITIES_PER_CALL = 50;
const TITLES_PER_CALL = 20;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const query = (params: Record<string, string>) =>
  Object.entries({ ...params, format: 'json', origin: '*' })
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');

/**
 * Links names to Wikidata and Wikipedia and builds their notes as of a date. Sends names only: never the page's URL or
 * text. Searches one name a call (the API has no batch search), then batches entity and page look-ups.
 */
export class WikimediaProvider {
  constructor(
    private readonly fetchJson: FetchJson,
    private readonly config: WikimediaConfig = DEFAULT_WIKIMEDIA,
    /** caches searches by name, entities by QID and pages by title (the background gives IndexedDB) */
    private readonly cache?: ItemCacheOptions,
  ) {}

  searchUrl(name: string): string {
    return `${this.config.wikipediaBase}/w/index.php?search=${encodeURIComponent(name)}`;
  }

  async search(name: string): Promise<SearchHit[]> {
    const key = `${this.config.wikidataBase}|search|${name}`;
    const hits = await cachedItems([key], this.cache, async () => {
      const url = `${this.config.wikidataBase}/w/api.php?${query({ action: 'wbsearchentities', search: name, language: 'en', uselang: 'en', type: 'item', limit: '7' })}`;
      return new Map([[key, parseSearch(await this.fetchJson(url))]]);
    });
    return hits.get(key) ?? [];
  }

  /** Entities by QID, from the cache where it has them, the rest asked for in batches. */
  async entities(ids: string[], props = 'labels|descriptions|claims|sitelinks'): Promise<Map<string, WikidataEntity>> {
    const keyOf = (id: string) => `${this.config.wikidataBase}|${props}|${id}`;
    const idOf = new Map(ids.map((id) => [keyOf(id), id]));
    const cached = await cachedItems([...idOf.keys()], this.cache, async (keys) => {
      const got = new Map<string, WikidataEntity>();
      for (const batch of chunks(
        keys.map((k) => idOf.get(k) as string),
        ENTITIES_PER_CALL,
      )) {
        const url = `${this.config.wikidataBase}/w/api.php?${query({ action: 'wbgetentities', ids: batch.join('|'), props, languages: 'en' })}`;
        for (const e of parseEntities(await this.fetchJson(url))) got.set(keyOf(e.id), e);
      }
      return got;
    });
    return new Map([...cached.values()].map((e) => [e.id, e]));
  }

  /** Wikipedia pages by title, from the cache where it has them, the rest asked for in batches. */
  async pages(titles: string[]): Promise<Map<string, WikipediaPage>> {
    const keyOf = (title: string) => `${this.config.wikipediaBase}|page|${title}`;
    const titleOf = new Map(titles.map((t) => [keyOf(t), t]));
    const cached = await cachedItems([...titleOf.keys()], this.cache, async (keys) => {
      const got = await this.fetchPages(keys.map((k) => titleOf.get(k) as string));
      return new Map([...got].map(([title, page]) => [keyOf(title), page]));
    });
    return new Map([...cached].map(([key, page]) => [titleOf.get(key) ?? page.title, page]));
  }

  private async fetchPages(titles: string[]): Promise<Map<string, WikipediaPage>> {
    const found = new Map<string, WikipediaPage>();
    for (const batch of chunks([...new Set(titles)], TITLES_PER_CALL)) {
      const url = `${this.config.wikipediaBase}/w/api.php?${query({
        action: 'query',
        prop: 'extracts|pageimages|pageprops',
        exintro: '1',
        explaintext: '1',
        exsentences: '3',
        exlimit: String(TITLES_PER_CALL),
        piprop: 'thumbnail',
        pithumbsize: '160',
        redirects: '1',
        formatversion: '2',
        titles: batch.join('|'),
      })}`;
      for (const [title, page] of parsePages(await this.fetchJson(url))) found.set(title, page);
    }
    return found;
  }

  /**
   * The outlet behind a page: the search for its name, confirmed by its official website (P856) being the publisher's
   * site. Only the name is sent; the site is compared here.
   */
  async publisher(name: string, siteUrl: string, date: string | null): Promise<BackgroundNote | null> {
    const host = (url: string) => (/^[a-z]+:\/\/(?:www\.)?([^/?#:]+)/i.exec(url)?.[1] ?? '').toLowerCase();
    const site = host(siteUrl);
    if (!site) return null;
    const hits = await this.search(name);
    const candidates = await this.entities(hits.map((h) => h.id));
    const outlet = [...candidates.values()].find((e) => (e.claims.P856 ?? []).some((st) => typeof st.value === 'string' && host(st.value) === site));
    if (!outlet) return null;
    const labelEntities = await this.entities(referencedIds(outlet), 'labels');
    const labels = new Map([...labelEntities].map(([id, e]) => [id, e.label ?? id]));
    const page = outlet.enwikiTitle ? ((await this.pages([outlet.enwikiTitle])).get(outlet.enwikiTitle) ?? null) : null;
    return buildNote(outlet, 'ORG', page, date, labels, this.config.wikipediaBase);
  }

  /**
   * Links every name; places first, so people and organisations can be matched to the article's countries. Failure
   * stays partial: a name whose look-up fails gets a 'failed' result while the others get theirs; a context name that
   * fails is left out (its article is then matched without that place); labels or a Wikipedia summary that fail make a
   * note without them. After a failure that says the server is down, the remaining names are not asked for.
   */
  async link(names: NameToLink[], date: string | null): Promise<Map<string, LinkResult>> {
    const ordered = [...names].sort((a, b) => Number(b.type === 'LOC') - Number(a.type === 'LOC'));
    const hits = new Map<string, SearchHit[]>();
    const results = new Map<string, LinkResult>();
    const fail = (n: NameToLink, error: unknown) => {
      if (!n.contextOnly) results.set(n.id, { status: 'failed', message: messageOf(error) });
    };
    let down: unknown = null;
    for (const n of ordered) {
      if (down) {
        fail(n, down);
        continue;
      }
      try {
        hits.set(n.id, await this.search(n.name));
      } catch (error) {
        fail(n, error);
        if (serverDown(error)) down = error;
      }
    }
    let candidates = new Map<string, WikidataEntity>();
    try {
      candidates = await this.entities([...hits.values()].flat().map((h) => h.id));
    } catch (error) {
      for (const n of ordered) if (hits.has(n.id)) fail(n, error);
      return results;
    }
    const context: LinkContext = { date, countries: new Set() };
    const chosen = new Map<string, WikidataEntity>();
    for (const n of ordered) {
      if (!hits.has(n.id)) continue;
      const decision = chooseCandidate(n.name, n.type, hits.get(n.id) ?? [], candidates, { ...context, dateline: n.dateline });
      if (decision.status !== 'linked') {
        results.set(n.id, { status: 'no-confident-match', searchUrl: this.searchUrl(n.name) });
        continue;
      }
      chosen.set(n.id, decision.candidate.entity);
      if (n.type === 'LOC') {
        context.countries.add(decision.candidate.entity.id);
        for (const c of decision.candidate.entity.claims.P17 ?? []) if (typeof c.value === 'string') context.countries.add(c.value);
      }
    }
    const linked = [...chosen.values()];
    const missing: string[] = [];
    const labelEntities = await this.entities(linked.flatMap(referencedIds), 'labels').catch((error: unknown) => {
      missing.push(`the names of offices and places (${messageOf(error)})`);
      return new Map<string, WikidataEntity>();
    });
    const labels = new Map([...labelEntities].map(([id, e]) => [id, e.label ?? id]));
    const pages = await this.pages(linked.map((e) => e.enwikiTitle).filter((t): t is string => !!t)).catch((error: unknown) => {
      missing.push(`the Wikipedia summary (${messageOf(error)})`);
      return new Map<string, WikipediaPage>();
    });
    for (const n of ordered) {
      const entity = chosen.get(n.id);
      if (!entity) continue;
      const page = entity.enwikiTitle ? (pages.get(entity.enwikiTitle) ?? null) : null;
      const note = buildNote(entity, n.type, page, date, labels, this.config.wikipediaBase);
      results.set(n.id, { status: 'linked', note: missing.length ? { ...note, incomplete: `Without ${missing.join(' and ')}.` } : note });
    }
    return results;
  }
}
