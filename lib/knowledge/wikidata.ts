/** Reading Wikidata's Action API responses (wbsearchentities, wbgetentities): plain functions over plain JSON. */

export interface SearchHit {
  id: string;
  label: string;
  description: string | null;
  /** what the search matched: the label, or an alias */
  matchType: string;
  /** the label or alias it matched */
  matched: string | null;
}

export interface WikidataTime {
  /** ISO date, to the precision Wikidata gives (YYYY, YYYY-MM or YYYY-MM-DD) */
  date: string;
  precision: 'year' | 'month' | 'day';
}

export interface Statement {
  value: string | WikidataTime | null;
  qualifiers: Record<string, (string | WikidataTime | null)[]>;
  rank: string;
}

export interface WikidataEntity {
  id: string;
  label: string | null;
  description: string | null;
  /** other names it goes by, in English */
  aliases: string[];
  claims: Record<string, Statement[]>;
  /** number of Wikimedia sites with a page about it: a measure of how well known it is */
  sitelinks: number;
  enwikiTitle: string | null;
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export function parseSearch(response: unknown): SearchHit[] {
  return arr(obj(response).search).flatMap((raw) => {
    const hit = obj(raw);
    const id = str(hit.id);
    if (!id) return [];
    const match = obj(hit.match);
    return [{ id, label: str(hit.label) ?? id, description: str(hit.description), matchType: str(match.type) ?? 'label', matched: str(match.text) }];
  });
}

/** "+2013-11-29T00:00:00Z" at precision 11 → { date: "2013-11-29", precision: "day" }. */
export function parseTime(value: unknown): WikidataTime | null {
  const v = obj(value);
  const m = /^([+-]\d{4,})-(\d\d)-(\d\d)/.exec(str(v.time) ?? '');
  if (!m) return null;
  const year = String(Number(m[1])).padStart(4, '0');
  const precision = Number(v.precision);
  if (precision >= 11) return { date: `${year}-${m[2]}-${m[3]}`, precision: 'day' };
  if (precision === 10) return { date: `${year}-${m[2]}`, precision: 'month' };
  return { date: year, precision: 'year' };
}

function snakValue(snak: unknown): string | WikidataTime | null {
  const s = obj(snak);
  if (s.snaktype !== 'value') return null;
  const datavalue = obj(s.datavalue);
  const value = datavalue.value;
  switch (datavalue.type) {
    case 'wikibase-entityid':
      return str(obj(value).id);
    case 'time':
      return parseTime(value);
    case 'string':
      return str(value);
    case 'monolingualtext':
      return str(obj(value).text);
    case 'globecoordinate':
      return `${obj(value).latitude},${obj(value).longitude}`;
    default:
      return null;
  }
}

export function parseEntities(response: unknown): WikidataEntity[] {
  return Object.values(obj(obj(response).entities)).flatMap((raw) => {
    const e = obj(raw);
    const id = str(e.id);
    if (!id || 'missing' in e) return [];
    const claims: Record<string, Statement[]> = {};
    for (const [property, statements] of Object.entries(obj(e.claims))) {
      claims[property] = arr(statements)
        .map((raw) => {
          const st = obj(raw);
          const qualifiers: Record<string, (string | WikidataTime | null)[]> = {};
          for (const [q, snaks] of Object.entries(obj(st.qualifiers))) qualifiers[q] = arr(snaks).map(snakValue);
          return { value: snakValue(st.mainsnak), qualifiers, rank: str(st.rank) ?? 'normal' };
        })
        .filter((st) => st.rank !== 'deprecated');
    }
    const sitelinks = obj(e.sitelinks);
    return [
      {
        id,
        label: str(obj(obj(e.labels).en).value),
        description: str(obj(obj(e.descriptions).en).value),
        aliases: arr(obj(e.aliases).en)
          .map((a) => str(obj(a).value))
          .filter((a): a is string => !!a),
        claims,
        sitelinks: Object.keys(sitelinks).length,
        enwikiTitle: str(obj(sitelinks.enwiki).title),
      },
    ];
  });
}

/** The item ids a property points to ("P31" → ["Q5"]). */
export function itemValues(entity: WikidataEntity, property: string): string[] {
  return (entity.claims[property] ?? []).map((s) => s.value).filter((v): v is string => typeof v === 'string' && /^Q\d+$/.test(v));
}

export function timeValue(entity: WikidataEntity, property: string): WikidataTime | null {
  const v = entity.claims[property]?.find((s) => s.value && typeof s.value === 'object')?.value;
  return v && typeof v === 'object' ? v : null;
}

export function stringValue(entity: WikidataEntity, property: string): string | null {
  const v = entity.claims[property]?.find((s) => typeof s.value === 'string')?.value;
  return typeof v === 'string' ? v : null;
}

/** Compares ISO dates of any precision on what both give ("2014" and "2014-11-19" compare by year): -1, 0 or 1. */
export function compareDates(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) < b.slice(0, n) ? -1 : a.slice(0, n) > b.slice(0, n) ? 1 : 0;
}

export function qualifierTime(statement: Statement, property: string): WikidataTime | null {
  const v = statement.qualifiers[property]?.find((q) => q && typeof q === 'object');
  return v && typeof v === 'object' ? v : null;
}

/** Whether a statement with start and end qualifiers (P580, P582) held on a date; one with neither held at no date we can tell. */
export function heldAt(statement: Statement, date: string): boolean {
  const start = qualifierTime(statement, 'P580');
  const end = qualifierTime(statement, 'P582');
  if (!start && !end) return false;
  return (!start || compareDates(start.date, date) <= 0) && (!end || compareDates(date, end.date) <= 0);
}
