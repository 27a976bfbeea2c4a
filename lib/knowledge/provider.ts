import type { EntityType } from '../analyze/types';
import { type Cache, cachedItems } from '../cache';
import type { ArticleContext } from './context';
import { linkNames } from './linker';
import type { NameToLink } from './lookups';
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
/** Where Wikipedia's page images are: a note's picture is fetched from here (or from a configured Wikipedia's own host). */
export const WIKIMEDIA_IMAGE_HOST = 'upload.wikimedia.org';

export type { NameToLink } from './lookups';

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
    private readonly cache?: Cache,
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
   * Links names together (see linker.ts), with the article's context when the caller has it (compared here, never sent),
   * and builds their notes as of the date. Failure stays partial: a name whose look-up fails gets a 'failed' result while
   * the others get theirs; a context name that fails is left out (the others are then matched without it); labels or a
   * Wikipedia summary that fail make a note without them.
   */
  async link(names: NameToLink[], date: string | null, context?: ArticleContext): Promise<Map<string, LinkResult>> {
    const { linked, related, failed } = await linkNames(this, names, date, context);
    const results = new Map<string, LinkResult>();
    for (const n of names) {
      const error = failed.get(n.id);
      if (error !== undefined && !n.contextOnly) results.set(n.id, { status: 'failed', message: messageOf(error) });
    }
    const chosen = [...new Set([...linked.values()].flatMap((l) => (l ? [l.entity] : [])))];
    const missing: string[] = [];
    const labels = new Map<string, string>();
    for (const [id, r] of related) if (r.label) labels.set(id, r.label);
    const unlabelled = [...new Set(chosen.flatMap(referencedIds))].filter((id) => !labels.has(id));
    if (unlabelled.length) {
      const found = await this.entities(unlabelled, 'labels').catch((error: unknown) => {
        missing.push(`the names of offices and places (${messageOf(error)})`);
        return new Map<string, WikidataEntity>();
      });
      for (const [id, e] of found) labels.set(id, e.label ?? id);
    }
    const unread = chosen.flatMap((e) => (e.enwikiTitle && ![...linked.values()].some((l) => l?.entity === e && l.page) ? [e.enwikiTitle] : []));
    const pages = unread.length
      ? await this.pages(unread).catch((error: unknown) => {
          missing.push(`the Wikipedia summary (${messageOf(error)})`);
          return new Map<string, WikipediaPage>();
        })
      : new Map<string, WikipediaPage>();
    for (const n of names) {
      if (failed.has(n.id)) continue;
      const l = linked.get(n.id);
      if (!l) {
        results.set(n.id, { status: 'no-confident-match', searchUrl: this.searchUrl(n.name) });
        continue;
      }
      const page = l.page ?? (l.entity.enwikiTitle ? (pages.get(l.entity.enwikiTitle) ?? null) : null);
      const note = buildNote(l.entity, n.type, page, date, labels, this.config.wikipediaBase);
      results.set(n.id, { status: 'linked', note: missing.length ? { ...note, incomplete: `Without ${missing.join(' and ')}.` } : note });
    }
    return results;
  }
}
