import type { IDBPDatabase } from 'idb';
import { t } from '../components/i18n';
import type { AnalysisResult } from '../lib/analyze';
import type { TabState } from '../lib/messaging';
import { database } from './database';
import { TAB_KEY_PREFIX as PREFIX } from './tab-state-events';

interface StorageArea {
  get(key: string | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string | string[]): Promise<void>;
}

/** Where the analyses themselves are kept: IndexedDB in the extension (no small quota), a Map in tests. */
export interface ResultStore {
  get(key: string): Promise<AnalysisResult | undefined>;
  put(key: string, result: AnalysisResult): Promise<void>;
  delete(key: string): Promise<void>;
  /** every key kept, to drop the ones of an earlier browser session */
  keys(): Promise<string[]>;
}

const RESULTS = 'tabResults';

export function databaseResults(open: () => Promise<IDBPDatabase> = database): ResultStore {
  return {
    get: async (key) => (await (await open()).get(RESULTS, key)) as AnalysisResult | undefined,
    put: async (key, result) => {
      await (await open()).put(RESULTS, result, key);
    },
    delete: async (key) => (await open()).delete(RESULTS, key),
    keys: async () => (await (await open()).getAllKeys(RESULTS)).map(String),
  };
}

/**
 * A tab's entry in session storage: small, whatever the page; the analysis is in the ResultStore under `resultKey`,
 * or in the entry itself when the database cannot take it (a newer Backstory upgraded it) and the quota can.
 */
type Entry = Omit<TabState, 'result'> & { resultKey?: string; result?: AnalysisResult };

/**
 * How many tabs' states (analyses included) the background also keeps in memory, the most recently kept or read: the
 * popup, the look-ups and the history of the tabs in use are answered without a database read. The others, and all of
 * them after the service worker was stopped, are read back from storage. Bounded by tabs and by the articles' text (a
 * result's size follows its text: about 3.5 bytes of JSON per character of a long article's); the latest always stays.
 */
export const IN_MEMORY = { tabs: 8, chars: 1_000_000 };

/**
 * Per-tab page state. The small part (what the page is, where its analysis is) lives in session storage, so it
 * survives the service worker being stopped and goes with the browser session; the analysis itself, which for a long
 * article runs to megabytes, goes to IndexedDB, which has no 10 MB quota shared by every tab. When it cannot be kept,
 * the entry says so and the popup tells the reader, instead of showing an empty page.
 */
export function tabStateStore(
  area: StorageArea,
  results: ResultStore = databaseResults(),
  now: () => number = Date.now,
  inMemory: { tabs: number; chars: number } = IN_MEMORY,
) {
  // A result's key starts with when it was made, so a sweep leaves alone what was made after it began.
  const startedAt = now();
  const newKey = () => `${now()}-${crypto.randomUUID()}`;
  const key = (tabId: number) => `${PREFIX}${tabId}`;
  const entryOf = async (tabId: number) => ((await area.get(key(tabId)))[key(tabId)] as Entry | undefined) ?? null;
  const dropResult = async (entry: Entry | null) => {
    if (entry?.resultKey) await results.delete(entry.resultKey).catch(() => {});
  };
  /** the states in memory, least recently used first */
  const memory = new Map<number, TabState>();
  const charsOf = (state: TabState) => state.result?.article?.text.length ?? 0;
  const remember = (tabId: number, state: TabState) => {
    memory.delete(tabId);
    memory.set(tabId, state);
    let chars = 0;
    for (const kept of memory.values()) chars += charsOf(kept);
    for (const [oldest, kept] of memory) {
      if (oldest === tabId || (memory.size <= inMemory.tabs && chars <= inMemory.chars)) break;
      memory.delete(oldest);
      chars -= charsOf(kept);
    }
  };
  /** each tab's count of sets and removes: a read that began before one is not remembered */
  const changes = new Map<number, number>();
  const changed = (tabId: number) => changes.set(tabId, (changes.get(tabId) ?? 0) + 1);
  /** each tab's writes, one after the other: a state kept later is never overwritten in storage by an earlier one */
  const writes = new Map<number, Promise<unknown>>();
  const inTurn = <T>(tabId: number, write: () => Promise<T>): Promise<T> => {
    const done = (writes.get(tabId) ?? Promise.resolve()).then(write, write);
    const settled = done.catch(() => undefined);
    writes.set(tabId, settled);
    void settled.then(() => {
      if (writes.get(tabId) === settled) writes.delete(tabId);
    });
    return done;
  };

  const read = async (tabId: number): Promise<TabState | null> => {
    const entry = await entryOf(tabId);
    if (!entry) return null;
    const { resultKey, result: inline, ...state } = entry;
    if (!resultKey) return { ...state, result: inline ?? null };
    try {
      const result = await results.get(resultKey);
      if (result) return { ...state, result };
      return { ...state, result: null, problem: t('tabAnalysisGone') };
    } catch (error) {
      return {
        ...state,
        result: null,
        problem: t('tabAnalysisUnread', reason(error)),
      };
    }
  };

  /** Keeps a tab's state in storage; false when the analysis could not be kept (the entry then says why). */
  const write = async (tabId: number, state: TabState): Promise<boolean> => {
    const old = await entryOf(tabId);
    const { result, ...rest } = state;
    let entry: Entry = rest;
    let kept = true;
    if (result) {
      const resultKey = newKey();
      try {
        await results.put(resultKey, result);
        entry = { ...rest, resultKey };
      } catch (error) {
        entry = { ...rest, result };
        // No database: in session storage itself, if it fits; else the reader is told why there is nothing.
        if (
          await area.set({ [key(tabId)]: entry }).then(
            () => false,
            () => true,
          )
        ) {
          kept = false;
          entry = { ...rest, problem: t('tabAnalysisUnkept', reason(error)) };
        }
      }
    }
    await area.set({ [key(tabId)]: entry });
    if (old?.resultKey !== entry.resultKey) await dropResult(old);
    // What the reader is told is what storage holds: an analysis that could not be kept is not shown from memory.
    if (!kept && memory.get(tabId) === state) memory.set(tabId, { ...rest, result: null, problem: entry.problem });
    return kept;
  };

  return {
    /** What is known of a tab: from memory when it is there, else from storage. */
    async get(tabId: number): Promise<TabState | null> {
      const known = memory.get(tabId);
      if (known) {
        remember(tabId, known);
        return known;
      }
      const before = changes.get(tabId);
      const state = await read(tabId);
      // A state read while a newer one was kept must not replace it; a failed read is tried again next time.
      if (state && !state.problem && changes.get(tabId) === before) remember(tabId, state);
      return state;
    },

    /**
     * Keeps a tab's state: in memory at once (a `get` straight after answers with it), then in storage, after the tab's
     * earlier writes and `after` (what must not wait for storage calls). Resolves to false when the analysis could not
     * be kept in storage (the entry then says why).
     */
    set(tabId: number, state: TabState, after?: Promise<unknown>): Promise<boolean> {
      changed(tabId);
      remember(tabId, state);
      return inTurn(tabId, async () => {
        await after;
        return write(tabId, state);
      });
    },

    remove(tabId: number): Promise<void> {
      changed(tabId);
      memory.delete(tabId);
      return inTurn(tabId, async () => {
        await dropResult(await entryOf(tabId));
        await area.remove(key(tabId));
      });
    },

    /**
     * Drops analyses no tab of this browser session points to (those of a session that ended, or of a crash), among
     * those made before this store was: one made since may not have its entry yet.
     */
    async sweep(): Promise<number> {
      const entries = Object.entries(await area.get(null)).filter(([k]) => k.startsWith(PREFIX));
      const live = new Set(entries.map(([, v]) => (v as Entry).resultKey).filter(Boolean));
      const stale = (await results.keys()).filter((k) => !live.has(k) && Number.parseInt(k, 10) < startedAt);
      for (const k of stale) await results.delete(k);
      return stale.length;
    },
  };
}

function reason(error: unknown): string {
  if (error instanceof Error && (error.name === 'QuotaExceededError' || /quota/i.test(error.message))) return t('storageFull');
  return error instanceof Error ? error.message : String(error);
}
