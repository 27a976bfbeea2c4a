import { useState } from 'preact/hooks';
import type { HistorySummary } from '../lib/messaging';
import { t, tn } from './i18n';

export interface HistoryControlsProps {
  /** null while it is being read */
  summary: HistorySummary | null;
  onExport: () => void;
  /** the text of the file the reader chose */
  onImport: (json: string) => void;
  onClear: () => void;
  /** the outcome of the last action ("Imported 12 articles.") */
  message: string | null;
}

/** What an import did, pruning included: the reader is never left to find out that old articles went. */
export function importMessage({ imported, skipped, pruned }: { imported: number; skipped: number; pruned: number }): string {
  const parts = [tn('histImported', imported)];
  if (skipped) parts.push(tn('histSkipped', skipped));
  if (pruned) parts.push(tn('histPruned', pruned));
  return `${parts.join('; ')}${t('histEnd')}`;
}

/** What an export holds, and the damaged records it could not hold (they stay in the history as they were). */
export function exportMessage(exported: number, skipped: number): string {
  const parts = [tn('histExported', exported), ...(skipped ? [tn('histExportSkipped', skipped)] : [])];
  return `${parts.join('; ')}${t('histEnd')}`;
}

/** The history's size, and export, import and clear; clearing asks once more, as it cannot be undone. */
export function HistoryControls({ summary, onExport, onImport, onClear, message }: HistoryControlsProps) {
  const [confirming, setConfirming] = useState(false);
  const count = summary?.count ?? 0;
  const chooseFile = async (event: Event) => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (file) onImport(await file.text());
    input.value = '';
  };
  return (
    <div class="history-controls">
      <p class="history-count">{summary ? tn('histCount', count) : t('coverageReadingHistory')}</p>
      {summary?.corrupted ? <p class="problem">{tn('histCorrupted', summary.corrupted)}</p> : null}
      {summary?.notice && <p class="problem history-notice">{summary.notice}</p>}
      <div class="actions">
        <button type="button" class="export-history" onClick={onExport} disabled={!count}>
          {t('histExport')}
        </button>
        <label class="file-button">
          {t('histImport')}
          <input type="file" name="importHistory" accept="application/json,.json" onChange={chooseFile} />
        </label>
        {confirming ? (
          <>
            <button
              type="button"
              class="confirm-clear"
              onClick={() => {
                setConfirming(false);
                onClear();
              }}
            >
              {tn('histDelete', count)}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('histKeep')}
            </button>
          </>
        ) : (
          <button type="button" class="clear-history" onClick={() => setConfirming(true)} disabled={!count}>
            {t('histClear')}
          </button>
        )}
      </div>
      {message && (
        <p class="history-message" role="status">
          {message}
        </p>
      )}
    </div>
  );
}
