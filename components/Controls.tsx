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
            {analysing === 'working' ? 'Analysing…' : 'Analyse this page'}
          </button>
          {analysing === 'failed' ? (
            <span class="problem"> This page cannot be analysed.</span>
          ) : (
            <span class="muted"> once, at your request; nothing is sent</span>
          )}
        </p>
      )}
      {site && (
        <label class="switch">
          <input type="checkbox" name="siteOn" checked={siteOn} disabled={paused} onChange={(e) => onSite(checked(e))} />
          Highlight names on this site ({site})
        </label>
      )}
      <label class="switch">
        <input type="checkbox" name="paused" checked={paused} onChange={(e) => onPause(checked(e))} />
        Pause Backstory on every site
      </label>
    </div>
  );
}
