import type { BackgroundState } from './background';

export interface BackgroundSectionProps {
  state: BackgroundState;
  onRetry: () => void;
  /** the note's picture as a data: URL (fetched by the background once the note is on screen), or null */
  thumbnail?: string | null;
}

/** The background note in a card: who or what this is, as of the article's date, with its sources. Text only. */
export function BackgroundSection({ state, onRetry, thumbnail = null }: BackgroundSectionProps) {
  return (
    <section class="background" aria-label="Background" aria-busy={state.status === 'loading'} data-state={state.status}>
      <h3>Background</h3>
      {(state.status === 'idle' || state.status === 'loading') && <p class="muted">Looking it up…</p>}
      {state.status === 'no-match' && (
        <p class="muted">
          No confident match.{' '}
          <a href={state.searchUrl} target="_blank" rel="noreferrer noopener">
            Search Wikipedia
          </a>
        </p>
      )}
      {state.status === 'offline' && (
        <p class="muted offline">
          Background notes need a connection.{' '}
          <button type="button" class="retry quiet" onClick={onRetry}>
            Try again
          </button>
        </p>
      )}
      {state.status === 'error' && (
        <p class="problem">
          The background note could not be loaded.{' '}
          <button type="button" class="retry" onClick={onRetry}>
            Retry
          </button>
        </p>
      )}
      {state.status === 'loaded' && (
        <div class="note">
          {thumbnail && <img class="thumbnail" src={thumbnail} alt={`${state.note.label} (picture from Wikipedia)`} width={64} />}
          {state.note.description && <p class="description">{state.note.description}</p>}
          {state.note.offices.length > 0 && (
            <ul class="offices">
              {state.note.offices.slice(0, 3).map((o) => (
                <li key={`${o.title}${o.start}`} class={o.atDate ? 'office at-date' : 'office'}>
                  {o.title}
                  {(o.start || o.end) && `, ${[o.start, o.end ?? 'present'].filter(Boolean).join(' – ')}`}
                  {o.atDate && <strong> · in office at the time</strong>}
                </li>
              ))}
            </ul>
          )}
          {state.note.facts.length > 0 && <p class="facts">{state.note.facts.join(' · ')}</p>}
          {state.note.summary && <p class="summary">{state.note.summary}</p>}
          {state.note.incomplete && <p class="muted incomplete">{state.note.incomplete}</p>}
          <p class="sources">
            {state.note.wikipediaUrl && (
              <a href={state.note.wikipediaUrl} target="_blank" rel="noreferrer noopener">
                Wikipedia
              </a>
            )}{' '}
            <a href={state.note.wikidataUrl} target="_blank" rel="noreferrer noopener">
              Wikidata
            </a>
            {state.note.attribution && <span class="attribution"> · {state.note.attribution}</span>}
          </p>
        </div>
      )}
    </section>
  );
}
