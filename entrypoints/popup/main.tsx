import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage } from '../../adapters/messaging';
import { Popup } from '../../components/Popup';
import '../../components/popup.css';
import { type BackgroundState, stateFromResponse } from '../../components/background';
import type { Entity } from '../../lib/analyze';
import { type BackgroundNote, namesForLookUp } from '../../lib/knowledge';
import type { TabState } from '../../lib/messaging';

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
  const [loading, setLoading] = useState(true);
  useEffect(() => {
    let cancelled = false;
    let tries = 0;
    const load = async () => {
      tries++;
      const tabId = await targetTabId();
      const next = tabId === undefined ? null : await sendMessage('popup/tab-state', { tabId });
      if (cancelled) return;
      // The page may still be loading or the analyser running: look again shortly, for a few seconds at most.
      const pending = !next || (next.isArticle && !next.result);
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
  // Opening the popup is the reader's action: the outlet's background is asked for then, by its name only.
  const article = state?.result?.article;
  useEffect(() => {
    if (!article?.siteName || !article.publisherUrl) return;
    sendMessage('knowledge/publisher', { name: article.siteName, siteUrl: article.publisherUrl, date: article.published })
      .then((response) => setPublisher(response.ok ? response.note : null))
      .catch(() => setPublisher(null));
  }, [article?.siteName, article?.publisherUrl, article?.published]);
  const onExpand = (entity: Entity) => {
    const result = state?.result;
    if (!result) return;
    setBackgrounds((b) => ({ ...b, [entity.id]: { status: 'loading' } }));
    sendMessage('knowledge/link', { names: namesForLookUp(entity, result.entities), date: result.article?.published ?? null })
      .then((response) => stateFromResponse(response, entity.id))
      .catch((error: unknown): BackgroundState => ({ status: 'error', message: String(error) }))
      .then((next) => setBackgrounds((b) => ({ ...b, [entity.id]: next })));
  };
  return <Popup state={state} loading={loading} now={new Date()} backgrounds={backgrounds} onExpand={onExpand} publisher={publisher} />;
}

export function mountPopup(root: HTMLElement) {
  render(<App />, root);
}

const root = document.getElementById('app');
if (root) mountPopup(root);
