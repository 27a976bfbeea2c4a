import type { IDBPDatabase } from 'idb';
import type { HistoryRecord } from '../lib/coverage';
import { validRecord } from '../lib/storage';
import { database } from './database';

const STORE = 'history';
/** The answers' cache: rebuilt by looking things up again, so it goes first when the disk is full. */
const CACHE = 'answers';
/** Share of the oldest records dropped when the browser says the disk quota is reached. */
const PRUNE_SHARE = 0.1;

const isQuotaError = (error: unknown) =>
  error instanceof Error &&
  (error.name === 'QuotaExceededError' || /quota/i.test(error.message) || /quota/i.test(String((error as { inner?: unknown }).inner ?? '')));

export interface HistoryRead {
  records: HistoryRecord[];
  /** stored records that are not valid any more (skipped, left in place) */
  corrupted: number;
}

export interface SaveOutcome {
  saved: boolean;
  /** oldest records removed to make room, when the quota was reached even without the cache */
  pruned: number;
  /** cached answers dropped to make room (they are looked up again when needed) */
  freed: number;
}

/** A record saved again keeps its first reading time and any Wikidata ids found since. */
function mergeRecords(old: HistoryRecord | null, next: HistoryRecord): HistoryRecord {
  if (!old) return next;
  const qids = new Map(old.entities.filter((e) => e.qid).map((e) => [e.name, e.qid]));
  return {
    ...next,
    readAt: Math.min(old.readAt, next.readAt),
    lastReadAt: Math.max(old.lastReadAt, next.lastReadAt),
    entities: next.entities.map((e) => (e.qid || !qids.get(e.name) ? e : { ...e, qid: qids.get(e.name) as string })),
  };
}

/** The reading history in IndexedDB: what the reader opened, kept on the device only. */
export function historyStore(open: () => Promise<IDBPDatabase> = database) {
  async function put(records: HistoryRecord[]): Promise<void> {
    const tx = (await open()).transaction(STORE, 'readwrite');
    for (const record of records) {
      const old = validRecord(await tx.store.get(record.url));
      await tx.store.put(mergeRecords(old, record));
    }
    await tx.done;
  }

  /** Drops the oldest share of records; returns how many went. */
  async function pruneOldest(share = PRUNE_SHARE): Promise<number> {
    const db = await open();
    const total = await db.count(STORE);
    const drop = Math.max(1, Math.ceil(total * share));
    const tx = db.transaction(STORE, 'readwrite');
    let removed = 0;
    for (let cursor = await tx.store.index('readAt').openCursor(); cursor && removed < drop; cursor = await cursor.continue()) {
      await cursor.delete();
      removed++;
    }
    await tx.done;
    return removed;
  }

  /** Empties the answers' cache; returns how many answers went. */
  async function freeCache(): Promise<number> {
    const db = await open();
    const count = await db.count(CACHE);
    if (count) await db.clear(CACHE);
    return count;
  }

  /**
   * Saves records. When the quota is reached, the rebuildable cache of answers goes first; only if that is not enough
   * does the oldest share of the history go, and the outcome says how many records, for the reader to be told.
   */
  async function save(records: HistoryRecord[]): Promise<SaveOutcome> {
    const attempt = async () => {
      try {
        await put(records);
        return true;
      } catch (error) {
        if (!isQuotaError(error)) throw error;
        return false;
      }
    };
    if (await attempt()) return { saved: true, pruned: 0, freed: 0 };
    const freed = await freeCache();
    if (freed && (await attempt())) return { saved: true, pruned: 0, freed };
    const pruned = await pruneOldest();
    return { saved: await attempt(), pruned, freed };
  }

  return {
    save,
    pruneOldest,
    record: (record: HistoryRecord) => save([record]),

    async read(): Promise<HistoryRead> {
      const records: HistoryRecord[] = [];
      let corrupted = 0;
      const tx = (await open()).transaction(STORE);
      for (let cursor = await tx.store.openCursor(); cursor; cursor = await cursor.continue()) {
        const record = validRecord(cursor.value);
        if (record) records.push(record);
        else corrupted++;
      }
      await tx.done;
      return { records, corrupted };
    },

    async count(): Promise<number> {
      return (await open()).count(STORE);
    },

    async clear(): Promise<number> {
      const db = await open();
      const count = await db.count(STORE);
      await db.clear(STORE);
      return count;
    },

    /** Remembers the Wikidata id a name was linked to, so later articles match it by id. */
    async setQids(url: string, qids: Map<string, string>): Promise<void> {
      const tx = (await open()).transaction(STORE, 'readwrite');
      const record = validRecord(await tx.store.get(url));
      if (record) {
        // A Map, not an object: a name like "constructor" or "__proto__" is a name, not a property of every object.
        record.entities = record.entities.map((e) => (qids.get(e.name) ? { ...e, qid: qids.get(e.name) as string } : e));
        await tx.store.put(record);
      }
      await tx.done;
    },
  };
}

export type HistoryStore = ReturnType<typeof historyStore>;
