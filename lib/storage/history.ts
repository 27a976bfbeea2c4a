import { onSites } from '../control';
import type { ArticleEntity, HistoryRecord } from '../coverage/types';

/** The history's record format; bump it with a migration in the store when a field changes meaning. */
export const HISTORY_FORMAT = 'backstory-history';
export const HISTORY_VERSION = 1;

const TYPES = new Set(['PER', 'ORG', 'LOC', 'MISC']);
const isString = (v: unknown): v is string => typeof v === 'string';
const isStringOrNull = (v: unknown): v is string | null => v === null || typeof v === 'string';
/** Reading times Backstory can have written: after 1990 and before 2200 (a time past 8.64e15 is no date at all). */
const MIN_TIME = Date.UTC(1990, 0, 1);
const MAX_TIME = Date.UTC(2200, 0, 1);
const isTime = (v: unknown): v is number => typeof v === 'number' && v >= MIN_TIME && v < MAX_TIME;
/** A date string that parses to a time in range, else null: a damaged date must not break the pages that show it. */
const dateOrNull = (v: unknown): string | null => {
  if (typeof v !== 'string') return null;
  const t = Date.parse(v);
  return t >= Date.UTC(1800, 0, 1) && t < MAX_TIME ? v : null;
};

function validEntity(value: unknown): ArticleEntity | null {
  if (typeof value !== 'object' || value === null) return null;
  const e = value as Record<string, unknown>;
  if (!isString(e.name) || !e.name || !TYPES.has(e.type as string) || typeof e.weight !== 'number' || !(e.weight >= 0)) return null;
  const out: ArticleEntity = { name: e.name, type: e.type as ArticleEntity['type'], weight: Math.min(1, e.weight) };
  if (isString(e.qid) && /^Q\d+$/.test(e.qid)) out.qid = e.qid;
  if (Array.isArray(e.variants) && e.variants.every(isString) && e.variants.length) out.variants = e.variants as string[];
  return out;
}

/**
 * A history record as stored or imported, checked field by field, on every path that reads one (the store, imports):
 * null for anything that is not one (a corrupted record, a hand-edited export, a time no date can hold), so the caller
 * can skip it and say how many it skipped. A publication date that does not parse becomes null.
 */
export function validRecord(value: unknown): HistoryRecord | null {
  if (typeof value !== 'object' || value === null) return null;
  const r = value as Record<string, unknown>;
  if (!isString(r.url) || !/^https?:\/\//i.test(r.url) || !isString(r.title)) return null;
  if (!isStringOrNull(r.publisher) || !isStringOrNull(r.published) || !isStringOrNull(r.lang)) return null;
  if (!isTime(r.readAt) || !Array.isArray(r.entities)) return null;
  const entities = r.entities.map(validEntity);
  if (entities.some((e) => e === null)) return null;
  return {
    url: r.url,
    title: r.title,
    publisher: r.publisher,
    published: dateOrNull(r.published),
    lang: r.lang,
    entities: entities as ArticleEntity[],
    readAt: r.readAt,
    lastReadAt: isTime(r.lastReadAt) ? r.lastReadAt : r.readAt,
  };
}

export interface HistoryExport {
  format: typeof HISTORY_FORMAT;
  version: number;
  exportedAt: string;
  records: HistoryRecord[];
}

export function exportHistory(records: HistoryRecord[], now: number): string {
  const file: HistoryExport = { format: HISTORY_FORMAT, version: HISTORY_VERSION, exportedAt: new Date(now).toISOString(), records };
  return JSON.stringify(file, null, 1);
}

/** A file that is no export to import: not JSON, not an export, or one from a newer Backstory (the interface words it). */
export class ImportError extends Error {
  constructor(readonly reason: 'not-json' | 'not-export' | 'too-new') {
    super(
      {
        'not-json': 'This file is not JSON.',
        'not-export': 'This file is not a Backstory history export.',
        'too-new': 'This export comes from a newer Backstory; update the extension to import it.',
      }[reason],
    );
  }
}

/** Reads an export: the records that are valid, and how many were not. Throws ImportError when it is no export at all. */
export function parseHistoryExport(json: string): { records: HistoryRecord[]; skipped: number } {
  let file: unknown;
  try {
    file = JSON.parse(json);
  } catch {
    throw new ImportError('not-json');
  }
  const f = file as Partial<HistoryExport> | null;
  if (!f || f.format !== HISTORY_FORMAT || !Array.isArray(f.records)) throw new ImportError('not-export');
  if (typeof f.version !== 'number' || f.version > HISTORY_VERSION) throw new ImportError('too-new');
  const records: HistoryRecord[] = [];
  let skipped = 0;
  for (const raw of f.records) {
    const record = validRecord(raw);
    if (record) records.push(record);
    else skipped++;
  }
  return { records, skipped };
}

/** Whether a site is excluded from history: the host or any parent domain listed ("example.com" covers "www.example.com"). */
export function isExcluded(url: string, excludedSites: string[]): boolean {
  return onSites(url, excludedSites);
}
