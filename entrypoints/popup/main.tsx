import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage } from '../../adapters/messaging';
import { Popup } from '../../components/Popup';
import '../../components/popup.css';
import { type BackgroundState, stateFromResponse } from '../../components/background';
import type { SearchState } from '../../components/Coverage';
import type { Entity } from '../../lib/analyze';
import { buildNewsQuery, centralEntities } from '../../lib/coverage';
import { articleContext, type BackgroundNote, namesForLookUp } from '../../lib/knowledge';
import type { HistoryResponse, TabState } from '../../lib/messaging';

/** The tab to describe: `?tabId=` or `?url=` when opened as a page (tests, a pinned tab), else the active tab. */
async function targetTabId(): Promise<number | undefined> {
  const params = new URLSearchParams(location.search);
  const tabId = Number(params.get('tabId'));
  if (Number.isInteger(tabId) && tabId > 0) return tabId;
  const url = params.get('url');
  const tabs = url ? (await browser.tabs.query({})).filter((t) => t.url === url) : await browser.tabs.query({ active: true, currentWindow: true });
  return tabs[0]?.id;
}

function App() {
  const [state, setState] = useState<TabState | null>(null);
  const [tabId, setTabId] = useState<number | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  useEffect(() => {
    let cancelled = false;
    let tries = 0;
    const load = async () => {
      tries++;
      const tabId = await targetTabId();
      setTabId(tabId);
      const next = tabId === undefined ? null : await sendMessage('popup/tab-state', { tabId });
      if (cancelled) return;
      // The page may still be loading or the analyser running: look again shortly, for a few seconds at most.
      const pending = !next || (next.isArticle && !next.result && !next.problem);
      if (pending && tries < 15) {
        if (next) setState(next);
        setTimeout(load, 200);
        return;
      }
      setState(next);
      setLoading(false);
    };
    load().catch(() => setLoading(false));
    return () => {
      cancelled = true;
    };
  }, []);
  const [backgrounds, setBackgrounds] = useState<Record<string, BackgroundState>>({});
  const [publisher, setPublisher] = useState<BackgroundNote | null>(null);
  // Opening the popup is the reader's action: the outlet's background is asked for then, by its name only (the
  // background sends what the tab's address vouches for of it).
  const article = state?.result?.article;
  useEffect(() => {
    if (tabId === undefined || !article?.siteName) return;
    sendMessage('knowledge/publisher', { tabId })
      .then((response) => setPublisher(response.ok ? response.note : null))
      .catch(() => setPublisher(null));
  }, [tabId, article?.siteName]);
  const onExpand = (entity: Entity) => {
    const result = state?.result;
    if (!result) return;
    setBackgrounds((b) => ({ ...b, [entity.id]: { status: 'loading' } }));
    sendMessage('knowledge/link', {
      names: namesForLookUp(entity, result.entities),
      date: result.article?.published ?? null,
      context: articleContext(result),
    })
      .then((response) => stateFromResponse(response, entity.id))
      .catch((error: unknown): BackgroundState => ({ status: 'error', message: String(error) }))
      .then((next) => setBackgrounds((b) => ({ ...b, [entity.id]: next })));
  };
  const coverage = useCoverage(tabId, state);
  // When the article's context is first on screen: `npm run bench` reads this mark.
  const shown = !loading && !!state;
  useEffect(() => {
    if (shown) performance.mark('backstory:popup-ready');
  }, [shown]);
  return (
    <Popup state={state} loading={loading} now={new Date()} backgrounds={backgrounds} onExpand={onExpand} publisher={publisher} coverage={coverage} />
  );
}

/** Earlier articles from the history when the popup opens; news search only when the reader clicks. */
function useCoverage(tabId: number | undefined, state: TabState | null) {
  const [history, setHistory] = useState<HistoryResponse | null>(null);
  const [search, setSearch] = useState<SearchState>({ status: 'idle' });
  const result = state?.result;
  useEffect(() => {
    if (tabId === undefined || !result?.article) return;
    sendMessage('coverage/history', { tabId })
      .then(setHistory)
      .catch(() => setHistory({ matches: [], recording: 'on' }));
  }, [tabId, result]);
  const searchPreview = useMemo(() => {
    if (!result?.article) return null;
    const query = buildNewsQuery(centralEntities(result, result.article.title), result.article.published);
    return query && { names: query.names, before: query.before };
  }, [result]);
  const onSearch = () => {
    if (tabId === undefined) return;
    setSearch({ status: 'loading' });
    sendMessage('coverage/search', { tabId })
      .then((response): SearchState => ({ status: 'done', response }))
      .catch((error: unknown): SearchState => ({ status: 'error', message: String(error) }))
      .then(setSearch);
  };
  return { history, search, onSearch, searchPreview };
}

export function mountPopup(root: HTMLElement) {
  render(<App />, root);
}

const root = document.getElementById('app');
if (root) mountPopup(root);
