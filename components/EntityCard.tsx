import type { Entity, Quote } from '../lib/analyze';
// The module itself, not the folder's index, which would bring the entity lexicon into the page's bundle.
import { passages } from '../lib/quotes/passages';
import { BackgroundSection } from './BackgroundSection';
import type { BackgroundState } from './background';
import { t, tn } from './i18n';
import { typeLabel } from './labels';

export interface EntityCardProps {
  entity: Entity;
  /** what this entity said in the article */
  quotes: Quote[];
  /** the background note's state; absent where no look-ups are wired (it then shows as not looked up) */
  background?: BackgroundState;
  /** the note's picture as a data: URL, once the background fetched it */
  thumbnail?: string | null;
  onClose: () => void;
  onRetry?: () => void;
}

/**
 * The card of a highlighted name: who or what it is, how often it comes up, what it said, and its background note. A
 * non-modal dialog labelled by the name; it takes focus when opened from the keyboard (see adapters/card-host.tsx).
 */
export function EntityCard({ entity, quotes, background = { status: 'idle' }, thumbnail = null, onClose, onRetry = () => {} }: EntityCardProps) {
  const others = entity.variants.filter((v) => v !== entity.name);
  return (
    <div class="card" role="dialog" aria-labelledby="card-name" aria-describedby="card-type" tabIndex={-1} data-entity-id={entity.id}>
      <header>
        <div>
          <h2 class="name" id="card-name">
            {entity.name}
          </h2>
          <p class="type" id="card-type" data-type={entity.type}>
            {typeLabel(entity.type)}
            {entity.titles.length > 0 && ` · ${entity.titles.join(' ')}`}
          </p>
        </div>
        <button type="button" class="close" aria-label={t('cardClose')} onClick={onClose}>
          ×
        </button>
      </header>
      <p class="mentions">
        {tn('cardMentioned', entity.mentions.length)}
        {others.length > 0 && <span class="variants"> {t('cardAlsoAs', others.join(', '))}</span>}
      </p>
      {quotes.length > 0 && (
        <section class="quotes" aria-label={t('quotesLabel')}>
          <h3>{t('cardSaid')}</h3>
          <ul>
            {passages(quotes).map((q) => (
              <li key={q.start}>{q.text}</li>
            ))}
          </ul>
        </section>
      )}
      <BackgroundSection state={background} onRetry={onRetry} thumbnail={thumbnail} />
    </div>
  );
}
