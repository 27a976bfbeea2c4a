import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage } from '../../adapters/messaging';
import { Popup } from '../../components/Popup';
import '../../components/popup.css';
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
  return <Popup state={state} loading={loading} now={new Date()} />;
}

export function mountPopup(root: HTMLElement) {
  render(<App />, root);
}

const root = document.getElementById('app');
if (root) mountPopup(root);
