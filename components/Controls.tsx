import { t } from './i18n';

export interface ControlsProps {
  /** the tab's site ("dawn.com"); empty where the page has none (no site switch then) */
  site: string;
  /** names are highlighted on this site (the reader has not turned it off) */
  siteOn: boolean;
  /** Backstory is paused everywhere */
  paused: boolean;
  onSite: (on: boolean) => void;
  onPause: (paused: boolean) => void;
  /** offered where Backstory did not analyse the page: not taken for an article, paused, or the site turned off */
  onAnalyse?: () => void;
  /** where the reader's "Analyse this page" stands */
  analysing?: 'idle' | 'working' | 'failed';
}

/** The reader's say over highlighting: on this site, everywhere (pause), and on this page at their request. */
export function Controls({ site, siteOn, paused, onSite, onPause, onAnalyse, analysing = 'idle' }: ControlsProps) {
  const checked = (event: Event) => (event.target as HTMLInputElement).checked;
  return (
    <div class="controls">
      {onAnalyse && (
        <p class="analyse-row">
          <button type="button" class="analyse" disabled={analysing === 'working'} onClick={onAnalyse}>
            {analysing === 'working' ? t('controlsAnalysing') : t('controlsAnalyse')}
          </button>
          {analysing === 'failed' ? (
            <span class="problem"> {t('controlsCannotAnalyse')}</span>
          ) : (
            <span class="muted"> {t('controlsAnalyseNote')}</span>
          )}
        </p>
      )}
      {site && (
        <label class="switch">
          <input type="checkbox" name="siteOn" checked={siteOn} disabled={paused} onChange={(e) => onSite(checked(e))} />
          {t('controlsSiteOn', site)}
        </label>
      )}
      <label class="switch">
        <input type="checkbox" name="paused" checked={paused} onChange={(e) => onPause(checked(e))} />
        {t('controlsPause')}
      </label>
    </div>
  );
}
