import type { BackgroundState } from './background';
import { t } from './i18n';

export interface BackgroundSectionProps {
  state: BackgroundState;
  onRetry: () => void;
  /** the note's picture as a data: URL (fetched by the background once the note is on screen), or null */
  thumbnail?: string | null;
}

/** The background note in a card: who or what this is, as of the article's date, with its sources. Text only. */
export function BackgroundSection({ state, onRetry, thumbnail = null }: BackgroundSectionProps) {
  return (
    <section class="background" aria-label={t('bgHeading')} aria-busy={state.status === 'loading'} data-state={state.status}>
      <h3>{t('bgHeading')}</h3>
      {(state.status === 'idle' || state.status === 'loading') && <p class="muted">{t('bgLooking')}</p>}
      {state.status === 'no-match' && (
        <p class="muted">
          {t('bgNoMatch')}{' '}
          <a href={state.searchUrl} target="_blank" rel="noreferrer noopener">
            {t('bgSearchWikipedia')}
          </a>
        </p>
      )}
      {state.status === 'offline' && (
        <p class="muted offline">
          {t('bgNeedsConnection')}{' '}
          <button type="button" class="retry quiet" onClick={onRetry}>
            {t('bgTryAgain')}
          </button>
        </p>
      )}
      {state.status === 'error' && (
        <p class="problem">
          {t('bgFailed')}{' '}
          <button type="button" class="retry" onClick={onRetry}>
            {t('bgRetry')}
          </button>
        </p>
      )}
      {state.status === 'loaded' && (
        <div class="note">
          {thumbnail && <img class="thumbnail" src={thumbnail} alt={t('bgPictureAlt', state.note.label)} width={64} />}
          {state.note.description && <p class="description">{state.note.description}</p>}
          {state.note.offices.length > 0 && (
            <ul class="offices">
              {state.note.offices.slice(0, 3).map((o) => (
                <li key={`${o.title}${o.start}`} class={o.atDate ? 'office at-date' : 'office'}>
                  {o.title}
                  {(o.start || o.end) && `, ${[o.start, o.end ?? t('bgPresent')].filter(Boolean).join(' – ')}`}
                  {o.atDate && <strong> · {t('bgInOffice')}</strong>}
                </li>
              ))}
            </ul>
          )}
          {state.note.facts.length > 0 && <p class="facts">{state.note.facts.join(' · ')}</p>}
          {state.note.summary && <p class="summary">{state.note.summary}</p>}
          {state.note.incomplete && <p class="muted incomplete">{t('cardIncomplete')}</p>}
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
