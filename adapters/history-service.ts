import { browser } from 'wxt/browser';
import { t, tn } from '../components/i18n';
import type { HistoryRecord } from '../lib/coverage';
import { centralEntities, rankHistory, recordFromAnalysis, recordKey } from '../lib/coverage';
import type { LinkResult } from '../lib/knowledge';
import type { ExportResponse, HistoryResponse, HistorySummary, ImportResponse, TabState } from '../lib/messaging';
import type { Settings } from '../lib/settings';
import { exportHistory, ImportError, isExcluded, parseHistoryExport } from '../lib/storage';
import { DatabaseTooNewError } from './database';
import { type HistoryStore, historyStore } from './history-store';

const NOTICE_KEY = 'historyNotice';

/** Why a file is no history export to import, as the reader reads it. */
const IMPORT_ERRORS = { 'not-json': 'historyImportNotJson', 'not-export': 'historyImportNotExport', 'too-new': 'historyImportTooNew' } as const;

/** The reading history's operations for the background's message handlers. */
export function historyService(store: HistoryStore = historyStore()) {
  const tell = (notice: string) => browser.storage.local.set({ [NOTICE_KEY]: notice });

  return {
    /** Records an analysed article, unless the reader paused history or excluded the site. */
    async record(state: TabState, settings: Settings, now = Date.now()): Promise<boolean> {
      if (!state.result || settings.history.paused || isExcluded(state.url, settings.history.excludedSites)) return false;
      const record = recordFromAnalysis(state.result, state.url, now);
      if (!record || isExcluded(record.url, settings.history.excludedSites)) return false;
      let outcome: Awaited<ReturnType<HistoryStore['record']>>;
      try {
        outcome = await store.record(record);
      } catch (error) {
        // A database a newer Backstory upgraded cannot be written by this one: the options page says so.
        if (error instanceof DatabaseTooNewError) await tell(error.message);
        throw error;
      }
      if (outcome.pruned) await tell(tn('historyPruned', outcome.pruned));
      else if (!outcome.saved) await tell(t('historyFull'));
      return outcome.saved;
    },

    async earlier(state: TabState | null, settings: Settings): Promise<HistoryResponse> {
      const recording = settings.history.paused ? 'paused' : state && isExcluded(state.url, settings.history.excludedSites) ? 'excluded' : 'on';
      const result = state?.result;
      const article = result?.article;
      if (!state || !result || !article) return { matches: [], recording };
      let records: HistoryRecord[];
      try {
        ({ records } = await store.read());
      } catch (error) {
        if (error instanceof DatabaseTooNewError) return { matches: [], recording: 'unavailable' };
        throw error;
      }
      const current = { url: article.canonicalUrl ?? state.url, published: article.published, entities: centralEntities(result) };
      return { matches: rankHistory(current, records), recording };
    },

    /** Keeps the Wikidata ids the reader's look-ups found, so later articles match by id, not only by name. */
    async rememberLinks(state: TabState | null, results: Record<string, LinkResult>): Promise<void> {
      const result = state?.result;
      if (!state || !result?.article) return;
      const qids = new Map<string, string>();
      for (const entity of result.entities) {
        const linked = Object.hasOwn(results, entity.id) ? results[entity.id] : undefined;
        if (linked?.status === 'linked') qids.set(entity.name, linked.note.qid);
      }
      if (!qids.size) return;
      await store.setQids(recordKey(result.article.canonicalUrl, state.url), qids);
    },

    async summary(): Promise<HistorySummary> {
      try {
        const { records, corrupted } = await store.read();
        const notice = ((await browser.storage.local.get(NOTICE_KEY))[NOTICE_KEY] as string | undefined) ?? null;
        return { count: records.length, corrupted, notice };
      } catch (error) {
        if (error instanceof DatabaseTooNewError) return { count: 0, corrupted: 0, notice: error.message };
        throw error;
      }
    },

    async clear(): Promise<{ removed: number }> {
      const removed = await store.clear();
      await browser.storage.local.remove(NOTICE_KEY);
      return { removed };
    },

    /** The history as a file; damaged records cannot be written into it, and how many were left out is said. */
    async exportJson(now = Date.now()): Promise<ExportResponse> {
      const { records, corrupted } = await store.read();
      return { json: exportHistory(records, now), exported: records.length, skipped: corrupted };
    },

    async importJson(json: string): Promise<ImportResponse> {
      try {
        const { records, skipped } = parseHistoryExport(json);
        const outcome = await store.save(records);
        const pruned = outcome.pruned;
        if (!outcome.saved)
          return {
            ok: false,
            error: pruned ? tn('historyImportFullPruned', pruned) : t('historyImportFull'),
          };
        return { ok: true, imported: records.length, skipped, pruned };
      } catch (error) {
        if (error instanceof ImportError) return { ok: false, error: t(IMPORT_ERRORS[error.reason]) };
        if (error instanceof DatabaseTooNewError) return { ok: false, error: error.message };
        return { ok: false, error: t('historyImportFailed', String(error)) };
      }
    },
  };
}
