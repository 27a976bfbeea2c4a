import { useState } from 'preact/hooks';
import type { RelatedLink } from '../lib/analyze';
import { buildTimeline, type CoverageItem, type CoverageSource, type HistoryMatch, linksAsCoverage } from '../lib/coverage';
import { cleanPublisher } from '../lib/display';
import type { HistoryResponse, SearchResponse } from '../lib/messaging';
import { formatDay, t, uiLocale } from './i18n';

export type SearchState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'done'; response: SearchResponse }
  | { status: 'error'; message: string };

export interface CoverageProps {
  links: RelatedLink[];
  /** null while the history is being read */
  history: HistoryResponse | null;
  search: SearchState;
  /** the reader asks for a news search (or retries one) */
  onSearch: () => void;
  /** the names and date a search would send, shown before the reader clicks */
  searchPreview: { names: string[]; before: string } | null;
  current: { url: string; title: string; date: string | null };
  /** opens the settings (where API keys go) */
  onOpenSettings?: () => void;
}

const SERVICE_NAME: Partial<Record<CoverageSource, string>> = {
  'google-news': 'Google News',
  gdelt: 'GDELT',
  guardian: 'The Guardian',
  nyt: 'The New York Times',
};

/** Where an item comes from: a service by its name, the article or the reader's history in the reader's words. */
export const sourceLabel = (source: CoverageSource): string =>
  SERVICE_NAME[source] ?? (source === 'article' ? t('sourceArticle') : t('sourceHistory'));

const link = (url: string, text: string) => (
  <a href={url} target="_blank" rel="noreferrer noopener">
    {text}
  </a>
);

function ArticleLinks({ links }: { links: RelatedLink[] }) {
  if (!links.length) return <p class="muted">{t('coverageNoLinks')}</p>;
  return (
    <ul>
      {links.map((l) => (
        <li key={l.href} class="related-link">
          <span class="label">{l.label}</span> {link(l.href, l.text)} <span class="source">{sourceLabel('article')}</span>
        </li>
      ))}
    </ul>
  );
}

const RECORDING_NOTE = {
  on: null,
  paused: 'coverageHistoryPaused',
  excluded: 'coverageHistoryExcluded',
  unavailable: 'coverageHistoryUnavailable',
} as const;

const SHOWN_SHARED = 4;

/** The most central shared names, and how many more: a long list of shared places says little. */
function sharedNames(names: string[]): string {
  const more = names.length - SHOWN_SHARED;
  return more > 0 ? t('coverageSharedMore', names.slice(0, SHOWN_SHARED).join(', '), more) : names.join(', ');
}

function HistoryMatches({ history }: { history: HistoryResponse | null }) {
  if (!history) return <p class="muted">{t('coverageReadingHistory')}</p>;
  const note = RECORDING_NOTE[history.recording];
  return (
    <>
      {history.matches.length === 0 && <p class="muted">{t('coverageNoHistory')}</p>}
      <ul>
        {history.matches.map((m: HistoryMatch) => (
          <li key={m.record.url} class="history-match">
            {link(m.record.url, m.record.title)}
            <span class="source"> · {[cleanPublisher(m.record.publisher), formatDay(m.record.published)].filter(Boolean).join(', ')}</span>
            <p class="read-on">{t('coverageReadOn', formatDay(new Date(m.record.readAt).toISOString()) ?? '')}</p>
            <p class="shared">{t('coverageShared', sharedNames(m.shared))}</p>
          </li>
        ))}
      </ul>
      {note && <p class="muted recording">{t(note)}</p>}
    </>
  );
}

function NewsItem({ item }: { item: CoverageItem }) {
  return (
    <li class="news-result" data-source={item.source}>
      {link(item.url, item.title)}
      <span class="source"> · {[cleanPublisher(item.publisher), formatDay(item.date), sourceLabel(item.source)].filter(Boolean).join(' · ')}</span>
    </li>
  );
}

function NewsSearch({
  search,
  onSearch,
  preview,
  onOpenSettings,
}: {
  search: SearchState;
  onSearch: () => void;
  preview: CoverageProps['searchPreview'];
  onOpenSettings?: () => void;
}) {
  if (!preview) return <p class="muted">{t('coverageNobody')}</p>;
  if (search.status === 'idle' || search.status === 'loading')
    return (
      <>
        <button type="button" class="search-news" disabled={search.status === 'loading'} onClick={onSearch}>
          {search.status === 'loading' ? t('coverageSearching') : t('coverageSearchBefore', formatDay(preview.before) ?? preview.before)}
        </button>
        <p class="muted search-note">
          {t('coverageSendsOnly', new Intl.ListFormat(uiLocale(), { type: 'conjunction' }).format(preview.names.map((n) => `“${n}”`)))}
        </p>
      </>
    );
  if (search.status === 'error')
    return (
      <p class="problem">
        {t('coverageSearchFailed', search.message)}{' '}
        <button type="button" class="retry" onClick={onSearch}>
          {t('bgRetry')}
        </button>
      </p>
    );
  const { results, failed, skipped } = search.response;
  return (
    <>
      {results.length === 0 && <p class="muted">{t('coverageNoResults')}</p>}
      <ul>
        {results.map((item) => (
          <NewsItem key={item.url} item={item} />
        ))}
      </ul>
      {failed.map((f) => (
        <p class="problem" key={f.source} data-source={f.source}>
          {f.label}: {f.message}{' '}
          <button type="button" class="retry" onClick={onSearch}>
            {t('bgRetry')}
          </button>
        </p>
      ))}
      {skipped.length > 0 && (
        <ul class="muted skipped" aria-label={t('coverageNotAskedLabel')}>
          {skipped.map((s) => (
            <li key={s.source}>
              {t('coverageNotAsked', s.label, s.message)}
              {onOpenSettings && s.needsKey && (
                <>
                  {' '}
                  <button type="button" class="link-button" onClick={onOpenSettings}>
                    {t('coverageAddKey')}
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function historyItems(history: HistoryResponse | null): CoverageItem[] {
  return (history?.matches ?? []).map((m) => ({
    url: m.record.url,
    title: m.record.title,
    publisher: m.record.publisher,
    date: m.record.published,
    source: 'history',
  }));
}

function Timeline({ items, current }: { items: CoverageItem[]; current: CoverageProps['current'] }) {
  const entries = buildTimeline(items, current);
  if (entries.length === 1) return <p class="muted">{t('coverageNothingDated')}</p>;
  return (
    <ol class="timeline">
      {entries.map(({ item, current: isCurrent }) => (
        <li key={item.url} class="timeline-entry" data-current={isCurrent ? 'true' : undefined} data-source={item.source}>
          <time class="when">{formatDay(item.date) ?? t('coverageUndated')}</time>{' '}
          {isCurrent ? <strong class="this-article">{t('coverageThisArticle', item.title)}</strong> : link(item.url, item.title)}
          {!isCurrent && <span class="source"> · {sourceLabel(item.source)}</span>}
        </li>
      ))}
    </ol>
  );
}

/** "What came before this?": the article's own links, the reader's history, and news search, as a list or a timeline. */
export function Coverage({ links, history, search, onSearch, searchPreview, current, onOpenSettings }: CoverageProps) {
  const [view, setView] = useState<'list' | 'timeline'>('list');
  const searched = search.status === 'done' ? search.response.results : [];
  return (
    <section class="coverage" aria-label={t('popupEarlier')}>
      <fieldset class="view-switch">
        <legend class="visually-hidden">{t('coverageShowAs')}</legend>
        <button type="button" aria-pressed={view === 'list'} onClick={() => setView('list')}>
          {t('coverageList')}
        </button>
        <button type="button" aria-pressed={view === 'timeline'} onClick={() => setView('timeline')}>
          {t('coverageTimeline')}
        </button>
      </fieldset>
      {view === 'timeline' ? (
        <Timeline items={[...linksAsCoverage(links), ...historyItems(history), ...searched]} current={current} />
      ) : (
        <>
          <h3>{t('coverageLinked')}</h3>
          <ArticleLinks links={links} />
          <h3>{t('coverageYouReadBefore')}</h3>
          <HistoryMatches history={history} />
          <h3>{t('coverageNewsSearch')}</h3>
          <NewsSearch search={search} onSearch={onSearch} preview={searchPreview} onOpenSettings={onOpenSettings} />
        </>
      )}
    </section>
  );
}
