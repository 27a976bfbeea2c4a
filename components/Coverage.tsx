import { useState } from 'preact/hooks';
import type { RelatedLink } from '../lib/analyze';
// From age.ts itself: lib/analyze's index brings the whole analyser (200 KB of lexicons), which UI bundles must not load.
import { formatDate } from '../lib/analyze/age';
import { buildTimeline, type CoverageItem, type CoverageSource, type HistoryMatch, linksAsCoverage } from '../lib/coverage';
import { cleanPublisher } from '../lib/display';
import type { HistoryResponse, SearchResponse } from '../lib/messaging';

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

export const SOURCE_LABEL: Record<CoverageSource, string> = {
  article: 'from the article',
  history: 'you read it',
  'google-news': 'Google News',
  gdelt: 'GDELT',
  guardian: 'The Guardian',
  nyt: 'The New York Times',
};

const link = (url: string, text: string) => (
  <a href={url} target="_blank" rel="noreferrer noopener">
    {text}
  </a>
);

function ArticleLinks({ links }: { links: RelatedLink[] }) {
  if (!links.length) return <p class="muted">The article links to no earlier coverage.</p>;
  return (
    <ul>
      {links.map((l) => (
        <li key={l.href} class="related-link">
          <span class="label">{l.label}</span> {link(l.href, l.text)} <span class="source">{SOURCE_LABEL.article}</span>
        </li>
      ))}
    </ul>
  );
}

const RECORDING_NOTE = {
  on: null,
  paused: 'History is paused: articles you open are not being recorded.',
  excluded: 'This site is excluded from your history.',
  unavailable: 'Your reading history cannot be read: a newer version of Backstory saved it. Update Backstory to see it.',
};

const SHOWN_SHARED = 4;

/** The most central shared names, and how many more: a long list of shared places says little. */
function sharedNames(names: string[]): string {
  const more = names.length - SHOWN_SHARED;
  return more > 0 ? `${names.slice(0, SHOWN_SHARED).join(', ')} and ${more} more` : names.join(', ');
}

function HistoryMatches({ history }: { history: HistoryResponse | null }) {
  if (!history) return <p class="muted">Reading your history…</p>;
  const note = RECORDING_NOTE[history.recording];
  return (
    <>
      {history.matches.length === 0 && <p class="muted">No article you read before shares people with this one.</p>}
      <ul>
        {history.matches.map((m: HistoryMatch) => (
          <li key={m.record.url} class="history-match">
            {link(m.record.url, m.record.title)}
            <span class="source"> · {[cleanPublisher(m.record.publisher), formatDate(m.record.published)].filter(Boolean).join(', ')}</span>
            <p class="read-on">You read this on {formatDate(new Date(m.record.readAt).toISOString())}</p>
            <p class="shared">Shared: {sharedNames(m.shared)}</p>
          </li>
        ))}
      </ul>
      {note && <p class="muted recording">{note}</p>}
    </>
  );
}

function NewsItem({ item }: { item: CoverageItem }) {
  return (
    <li class="news-result" data-source={item.source}>
      {link(item.url, item.title)}
      <span class="source"> · {[cleanPublisher(item.publisher), formatDate(item.date), SOURCE_LABEL[item.source]].filter(Boolean).join(' · ')}</span>
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
  if (!preview) return <p class="muted">The article names nobody to search for.</p>;
  if (search.status === 'idle' || search.status === 'loading')
    return (
      <>
        <button type="button" class="search-news" disabled={search.status === 'loading'} onClick={onSearch}>
          {search.status === 'loading' ? 'Searching…' : `Search news before ${formatDate(preview.before)}`}
        </button>
        <p class="muted search-note">
          Sends only {preview.names.map((n) => `“${n}”`).join(' and ')} and the dates; never this page's address or text.
        </p>
      </>
    );
  if (search.status === 'error')
    return (
      <p class="problem">
        The search failed: {search.message}{' '}
        <button type="button" class="retry" onClick={onSearch}>
          Retry
        </button>
      </p>
    );
  const { results, failed, skipped } = search.response;
  return (
    <>
      {results.length === 0 && <p class="muted">No earlier coverage found.</p>}
      <ul>
        {results.map((item) => (
          <NewsItem key={item.url} item={item} />
        ))}
      </ul>
      {failed.map((f) => (
        <p class="problem" key={f.source} data-source={f.source}>
          {f.label}: {f.message}{' '}
          <button type="button" class="retry" onClick={onSearch}>
            Retry
          </button>
        </p>
      ))}
      {skipped.length > 0 && (
        <ul class="muted skipped" aria-label="Not asked">
          {skipped.map((s) => (
            <li key={s.source}>
              Not asked: {s.label}. {s.message}
              {onOpenSettings && /API key/.test(s.message) && (
                <>
                  {' '}
                  <button type="button" class="link-button" onClick={onOpenSettings}>
                    Add it in the settings
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
  if (entries.length === 1) return <p class="muted">Nothing dated to place on a timeline yet.</p>;
  return (
    <ol class="timeline">
      {entries.map(({ item, current: isCurrent }) => (
        <li key={item.url} class="timeline-entry" data-current={isCurrent ? 'true' : undefined} data-source={item.source}>
          <time class="when">{formatDate(item.date) ?? 'Undated'}</time>{' '}
          {isCurrent ? <strong class="this-article">This article: {item.title}</strong> : link(item.url, item.title)}
          {!isCurrent && <span class="source"> · {SOURCE_LABEL[item.source]}</span>}
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
    <section class="coverage" aria-label="Earlier coverage">
      <fieldset class="view-switch">
        <legend class="visually-hidden">Show as</legend>
        <button type="button" aria-pressed={view === 'list'} onClick={() => setView('list')}>
          List
        </button>
        <button type="button" aria-pressed={view === 'timeline'} onClick={() => setView('timeline')}>
          Timeline
        </button>
      </fieldset>
      {view === 'timeline' ? (
        <Timeline items={[...linksAsCoverage(links), ...historyItems(history), ...searched]} current={current} />
      ) : (
        <>
          <h3>Linked in the article</h3>
          <ArticleLinks links={links} />
          <h3>You read before</h3>
          <HistoryMatches history={history} />
          <h3>News search</h3>
          <NewsSearch search={search} onSearch={onSearch} preview={searchPreview} onOpenSettings={onOpenSettings} />
        </>
      )}
    </section>
  );
}
