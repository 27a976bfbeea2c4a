/** Reading the MediaWiki Action API's `query` response (extracts, pageimages, pageprops; formatversion=2). */

export interface WikipediaPage {
  title: string;
  extract: string | null;
  thumbnail: string | null;
  wikidataId: string | null;
  disambiguation: boolean;
  missing: boolean;
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** Pages by the title asked for, following the API's normalisation and redirects. */
export function parsePages(response: unknown): Map<string, WikipediaPage> {
  const query = obj(obj(response).query);
  const pages = new Map<string, WikipediaPage>();
  for (const raw of arr(query.pages)) {
    const p = obj(raw);
    const title = str(p.title);
    if (!title) continue;
    const props = obj(p.pageprops);
    pages.set(title, {
      title,
      extract: str(p.extract)?.trim() || null,
      thumbnail: str(obj(p.thumbnail).source),
      wikidataId: str(props.wikibase_item),
      disambiguation: 'disambiguation' in props,
      missing: p.missing === true || p.missing === '',
    });
  }
  // Map asked-for titles through normalisation and redirects to the page they ended on.
  const hops = new Map<string, string>();
  for (const key of ['normalized', 'redirects']) for (const r of arr(query[key])) hops.set(str(obj(r).from) ?? '', str(obj(r).to) ?? '');
  const resolve = (title: string) => {
    let t = title;
    for (let i = 0; i < 3 && hops.has(t); i++) t = hops.get(t) as string;
    return t;
  };
  for (const from of hops.keys()) {
    const page = pages.get(resolve(from));
    if (page && !pages.has(from)) pages.set(from, page);
  }
  return pages;
}

/** The first sentences of an extract, as plain text. */
export function firstSentences(extract: string | null, count = 2): string | null {
  if (!extract) return null;
  const sentences = extract.replace(/\s+/g, ' ').match(/[^.!?]+(?:[.!?]+(?=\s+\p{Lu}|$)|$)/gu) ?? [extract];
  return sentences.slice(0, count).join('').trim() || null;
}
