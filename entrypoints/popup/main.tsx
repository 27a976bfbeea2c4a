import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { readControl, writeControl } from '../../adapters/control';
import { accessMode } from '../../adapters/host-access';
import { sendMessage } from '../../adapters/messaging';
import { takePendingLookUp } from '../../adapters/pending-look-up';
import { tabStateAreaName, watchTabState } from '../../adapters/tab-state-events';
import { Popup } from '../../components/Popup';
import '../../components/popup.css';
import { type BackgroundState, stateFromResponse } from '../../components/background';
import type { ControlsProps } from '../../components/Controls';
import type { SearchState } from '../../components/Coverage';
import { uiLocale } from '../../components/i18n';
import type { Entity } from '../../lib/analyze';
import { DEFAULT_CONTROL, offFor, type ReaderControl, siteOf, withSite } from '../../lib/control';
import type { BackgroundNote } from '../../lib/knowledge';
// The module itself: the folder's index brings the article-context builder, which runs in the background for the popup.
import { namesForLookUp } from '../../lib/knowledge/provider';
import { type HistoryResponse, type SearchPreview, type TabState, unpackResult } from '../../lib/messaging';

/** `?tabId=` when opened as a page (tests, a pinned tab): known at once, so its analysis is asked for at once. */
function tabIdInAddress(): number | undefined {
  const tabId = Number(new URLSearchParams(location.search).get('tabId'));
  return Number.isInteger(tabId) && tabId > 0 ? tabId : undefined;
}

/** The tab to describe: `?tabId=` or `?url=` when opened as a page (tests, a pinned tab), else the active tab. */
async function targetTab(): Promise<{ id: number; url: string } | undefined> {
  const tabId = tabIdInAddress();
  const url = new URLSearchParams(location.search).get('url');
  const tabs =
    tabId !== undefined
      ? [await browser.tabs.get(tabId)]
      : url
        ? (await browser.tabs.query({})).filter((t) => t.url === url)
        : await browser.tabs.query({ active: true, currentWindow: true });
  const tab = tabs[0];
  return tab?.id === undefined ? undefined : { id: tab.id, url: tab.url ?? '' };
}

/** What the background keeps of a tab, its analysis rebuilt from the packed answer (see lib/messaging/packed.ts). */
const askBackground = (tabId: number): Promise<TabState | null> =>
  sendMessage('popup/tab-state', { tabId }).then((state) => state && { ...state, result: state.result && unpackResult(state.result) });

/**
 * The popup's first questions, asked while the module loads: in an effect they would wait for the first paint, a frame
 * or more. The tab is found once; its analysis is asked for at once when the address names the tab, else as soon as the
 * browser names it.
 */
const openingTab = targetTab();
const addressedTabId = tabIdInAddress();
/** the tab and its state as first answered, once they are (the first render starts from them: see `mount`) */
let settledTab: { id: number; url: string } | undefined;
let settledState: { tabId: number; state: TabState | null } | undefined;
void openingTab.then(
  (tab) => {
    settledTab = tab;
  },
  () => {},
);
const askOpening = (tabId: number) => {
  const answer = askBackground(tabId);
  answer.then(
    (state) => {
      settledState = { tabId, state };
    },
    () => {},
  );
  return { tabId, answer };
};
let openingState: { tabId: number; answer: Promise<TabState | null> } | null = addressedTabId !== undefined ? askOpening(addressedTabId) : null;
const openingStateFound = openingState
  ? Promise.resolve()
  : openingTab.then(
      (tab) => {
        if (tab) openingState = askOpening(tab.id);
      },
      () => {},
    );

/** The tab's analysis: the answer asked for on opening if it is still unread and of this tab, else a new question. */
async function askTabState(tabId: number): Promise<TabState | null> {
  await openingStateFound;
  const opening = openingState;
  openingState = null;
  return opening?.tabId === tabId ? opening.answer : askBackground(tabId);
}

/** Whether the popup waits on: nothing known yet, an article not analysed yet, or the reader's request not done yet. */
function stillPending(state: TabState | null, revision: number): boolean {
  return !state || (state.isArticle && !state.result && !state.problem) || (revision > 0 && !state.result);
}

/** How long the popup shows "loading" for a page whose analysis has not come (it keeps listening after). */
const LOADING_MS = 5000;

/**
 * The tab's analysis: asked for when the popup opens, then again each time the background says it changed (the page
 * loaded, the analyser finished, "Analyse this page" ran), through the storage the background keeps it in.
 */
function useTabState(tabId: number | undefined, revision: number) {
  // The first render starts from the opening answer when it is in (see `mount`): the context, not "loading" first.
  const early = tabId !== undefined && settledState?.tabId === tabId ? settledState : undefined;
  const [state, setState] = useState<TabState | null>(early?.state ?? null);
  const [loading, setLoading] = useState(!early || stillPending(early.state, revision));
  /** whether the background has answered once (its answer may be null: nothing known of the tab) */
  const [answered, setAnswered] = useState(!!early);
  useEffect(() => {
    if (tabId === undefined) return;
    let cancelled = false;
    let asked = 0;
    const load = async () => {
      const ask = ++asked;
      const next = await askTabState(tabId);
      // An answer to an earlier question must not overwrite a later one.
      if (cancelled || ask !== asked) return;
      setState(next);
      setAnswered(true);
      if (!stillPending(next, revision)) setLoading(false);
    };
    const stop = watchTabState(browser.storage, tabStateAreaName(browser.storage), tabId, () => {
      load().catch(() => {});
    });
    const giveUp = setTimeout(() => setLoading(false), LOADING_MS);
    load().catch(() => setLoading(false));
    return () => {
      cancelled = true;
      stop();
      clearTimeout(giveUp);
    };
  }, [tabId, revision]);
  return { state, loading, answered };
}

/** The reader's pause and sites, read while the module loads, like the tab's state (the first render starts from it). */
const openingControl = readControl().catch(() => DEFAULT_CONTROL);
let settledControl: ReaderControl | undefined;
void openingControl.then((control) => {
  settledControl = control;
});

/** The reader's pause and sites turned off, as stored; changed here, they reach every tab's gate (storage events). */
function useControl() {
  const [control, setControl] = useState<ReaderControl | null>(settledControl ?? null);
  useEffect(() => {
    void openingControl.then(setControl);
  }, []);
  const save = (next: ReaderControl) => {
    setControl(next);
    void writeControl(next);
  };
  return { control, save };
}

function App() {
  const [tab, setTab] = useState<{ id: number; url: string } | undefined>(settledTab);
  // (A tab named in the address is asked about before the browser says more of it: first render sooner.)
  const addressTabId = addressedTabId;
  const [noTab, setNoTab] = useState(false);
  const [revision, setRevision] = useState(0);
  const [askedName, setAskedName] = useState<string | null>(new URLSearchParams(location.search).get('name'));
  useEffect(() => {
    openingTab.then(
      (found) => {
        setTab(found);
        if (!found) setNoTab(true);
        else
          void takePendingLookUp(found.id).then(
            (name) => name && setAskedName(name),
            () => {},
          );
      },
      () => setNoTab(true),
    );
  }, []);
  const tabId = tab?.id ?? addressTabId;
  const { state, loading, answered } = useTabState(tabId, revision);
  const { control, save } = useControl();
  const [analysing, setAnalysing] = useState<'idle' | 'working' | 'failed'>('idle');
  const [backgrounds, setBackgrounds] = useState<Record<string, BackgroundState>>({});
  const [thumbnails, setThumbnails] = useState<Record<string, string | null>>({});
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
    sendMessage('knowledge/link', { names: namesForLookUp(entity, result.entities), date: result.article?.published ?? null, tabId })
      .then((response) => stateFromResponse(response, entity.id))
      .catch((error: unknown): BackgroundState => ({ status: 'error', message: String(error) }))
      .then((next) => {
        setBackgrounds((b) => ({ ...b, [entity.id]: next }));
        const picture = next.status === 'loaded' ? next.note.thumbnail : null;
        if (picture)
          sendMessage('knowledge/thumbnail', { url: picture })
            .then((answer) => setThumbnails((t) => ({ ...t, [entity.id]: answer.ok ? answer.dataUrl : null })))
            .catch(() => {});
      });
  };
  const coverage = useCoverage(tabId, state);
  const url = tab?.url ?? state?.url ?? '';
  const site = /^https?:/i.test(url) ? siteOf(url) : '';
  const off = control ? offFor(control, url) : null;
  const controls: ControlsProps | undefined = control
    ? {
        site,
        siteOn: !site || offFor({ ...control, paused: false }, url) === null,
        paused: control.paused,
        onSite: (on) => save(withSite(control, url, on)),
        onPause: (paused) => save({ ...control, paused }),
        // Offered where nothing was analysed: the gate refused the page, or the reader's pause or site setting left it.
        onAnalyse:
          tabId !== undefined && site && !state?.result && (off || !state || !state.isArticle)
            ? () => {
                setAnalysing('working');
                sendMessage('page/analyse', { tabId }).then(
                  (answer) => {
                    setAnalysing(answer.started ? 'idle' : 'failed');
                    if (answer.started) setRevision((r) => r + 1);
                  },
                  () => setAnalysing('failed'),
                );
              }
            : undefined,
        analysing,
      }
    : undefined;
  // Where Backstory works only on a click, opening the popup is that click (the browser grants access to this tab): the
  // page is analysed now, as the gate would have it, unless the reader paused Backstory or turned the site off.
  const [clicked, setClicked] = useState(false);
  useEffect(() => {
    if (clicked || tabId === undefined || !site || !control || off || !answered) return;
    setClicked(true);
    // What the background knew of the tab when the popup opened: its first answer, not a second question.
    const known = state;
    void accessMode().then((mode) => {
      const analysed = known && (!known.isArticle || !known.url || known.url === url);
      if (mode !== 'on-click' || analysed) return;
      setAnalysing('working');
      sendMessage('page/analyse', { tabId, confirm: true }).then(
        (answer) => {
          setAnalysing(answer.started ? 'idle' : 'failed');
          if (answer.started) setRevision((r) => r + 1);
        },
        () => setAnalysing('failed'),
      );
    });
  }, [clicked, tabId, site, url, control, off, answered, state]);
  // When the article's context is first on screen: `npm run bench` reads this mark.
  const shown = !loading && !!state;
  useEffect(() => {
    if (shown) performance.mark('backstory:popup-ready');
  }, [shown]);
  return (
    <Popup
      state={noTab ? null : state}
      loading={!noTab && loading}
      now={new Date()}
      backgrounds={backgrounds}
      thumbnails={thumbnails}
      onExpand={onExpand}
      publisher={publisher}
      coverage={coverage}
      controls={controls}
      askedName={askedName}
      onOpenSettings={() => void browser.runtime.openOptionsPage()}
    />
  );
}

/** Earlier articles from the history when the popup opens; news search only when the reader clicks. */
function useCoverage(tabId: number | undefined, state: TabState | null) {
  const [history, setHistory] = useState<HistoryResponse | null>(null);
  const [search, setSearch] = useState<SearchState>({ status: 'idle' });
  const [searchPreview, setSearchPreview] = useState<SearchPreview | null>(null);
  const result = state?.result;
  useEffect(() => {
    if (tabId === undefined || !result?.article) return;
    sendMessage('coverage/history', { tabId })
      .then(setHistory)
      .catch(() => setHistory({ matches: [], recording: 'on' }));
    // What a search would send, from the background that sends it: the popup shows exactly that.
    sendMessage('coverage/preview', { tabId })
      .then(setSearchPreview)
      .catch(() => setSearchPreview(null));
  }, [tabId, result]);
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

/**
 * How long the first render waits for the opening answer (the background keeps the tabs in use in memory: it answers
 * in a few milliseconds). A popup rendered before it shows "loading", then renders again a frame or more later.
 */
const FIRST_ANSWER_WAIT_MS = 100;

document.documentElement.lang = uiLocale();
const root = document.getElementById('app');
if (root) {
  const answered = Promise.all([openingStateFound.then(() => openingState?.answer), openingControl]);
  void Promise.race([answered, new Promise((resolve) => setTimeout(resolve, FIRST_ANSWER_WAIT_MS))])
    .catch(() => undefined)
    .then(() => mountPopup(root));
}
