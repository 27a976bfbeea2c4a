import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { elementNames } from '../adapters/element-names';
import { highlightCss } from '../adapters/highlight';
import { historyService } from '../adapters/history-service';
import { syncGateRegistration } from '../adapters/host-access';
import { lookUp, lookUpPublisher, prefetchNotes, pruneOldAnswers, thumbnail } from '../adapters/knowledge-service';
import { onMessages } from '../adapters/messaging';
import { loadNerModel } from '../adapters/ner-model';
import { searchNews, searchPreview } from '../adapters/news-service';
import { PENDING_LOOK_UP } from '../adapters/pending-look-up';
import { readSettings } from '../adapters/settings';
import { tabStateStore } from '../adapters/tab-state';
import { tabStateAreaName } from '../adapters/tab-state-events';
import { t, tn } from '../components/i18n';
import { analysisSteps, limitText, nlpLanguage, type TextAnalysis, WarmUp } from '../lib/analyze';
import { highlightedEntities } from '../lib/analyze/highlighted';
import { type ArticleContext, articleContext } from '../lib/knowledge';
import { type PackedAnalysis, type PageExtract, packAnalysis, packResult, type TabState } from '../lib/messaging';
import type { Steps } from '../lib/steps';
import type { AnalyserInjection } from './analyzer';

/**
 * How long the background works through an analysis' steps before it yields to the event loop. Kept short: the
 * browser runs an extension's background at a lower priority than the tab in front, so while that tab is busy (a huge
 * page loading) each millisecond of work here can keep the background from answering other tabs for several.
 */
const SLICE_MS = 4;

/**
 * Resolves in a task of its own, after what waits in the event loop (other tabs' messages, due timers): a message the
 * background posts itself, which browsers run at once, where a chain of setTimeout(0) is held 4 ms each time.
 */
let nextTask: () => Promise<void> = () => {
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  nextTask = () =>
    new Promise((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(null);
    });
  return nextTask();
};

/** Runs a generator's steps (see lib/steps) in slices of about SLICE_MS: the background serves every tab meanwhile. */
async function inSlices<T>(steps: Steps<T>): Promise<T> {
  for (;;) {
    const until = performance.now() + SLICE_MS;
    let step = steps.next();
    while (!step.done && performance.now() < until) step = steps.next();
    if (step.done) return step.value;
    await nextTask();
  }
}

/** This background's warm-up (per language, see WarmUp), and its last run, which each analysis waits for. */
const warmUp = new WarmUp();
let warmingUp: Promise<void> = Promise.resolve();

/**
 * Names and quotes of an article's text, in steps that yield to the event loop between them: the background serves
 * every tab, and a huge page must not keep the others waiting (see lib/analyze/bounds.ts).
 */
async function analyseInSlices(text: string, language: string | null, blockQuotes: { start: number; end: number }[]): Promise<TextAnalysis> {
  const limited = limitText(text).text;
  // Once, on the first texts long enough (a short one takes the warm-up as far as it can).
  warmingUp = warmingUp
    .then(async () => {
      await inSlices(warmUp.steps(limited, language));
    })
    .catch(() => undefined);
  await warmingUp;
  return inSlices(analysisSteps(limited, language, blockQuotes));
}

/**
 * The article context of a tab's analysis, built once per analysis: a reader hovering name after name on one article
 * asks for it each time, and a long article's context costs tens of milliseconds. One entry: hovers come from one tab.
 */
let lastContext: { tabId: number; analysedAt: number; context: ArticleContext } | null = null;
function contextOf(tabId: number, state: TabState | null): ArticleContext | undefined {
  if (!state?.result) return undefined;
  if (lastContext?.tabId !== tabId || lastContext.analysedAt !== state.analysedAt)
    lastContext = { tabId, analysedAt: state.analysedAt, context: articleContext(state.result) };
  return lastContext.context;
}

/** The toolbar button's number and its tooltip, which says what the number is. */
async function showCount(tabId: number, count: number): Promise<void> {
  await browser.action.setBadgeText({ tabId, text: count ? String(count) : '' });
  await browser.action.setTitle({ tabId, title: count ? t('badgeTitle', tn('badgeCount', count)) : t('extName') });
}

export default defineBackground(() => {
  const store = tabStateStore(browser.storage[tabStateAreaName(browser.storage)]);
  const history = historyService();
  void pruneOldAnswers();
  // Read at start-up, off the path of the first article (a failure is retried on the first request).
  void loadNerModel().catch(() => undefined);
  void store.sweep().catch(() => 0);

  // The gate runs only where the reader granted host access: registered now, and again whenever that changes (the
  // onboarding page, the settings, or the browser's own extension settings). One at a time, so two never race.
  let gateSync: Promise<unknown> = Promise.resolve();
  const syncGate = () => {
    gateSync = gateSync.then(syncGateRegistration).catch(() => undefined);
    return gateSync;
  };
  void syncGate();
  browser.permissions.onAdded.addListener(() => void syncGate());
  browser.permissions.onRemoved.addListener(() => void syncGate());

  /**
   * Injects the analyser (and the highlights' stylesheet, for this install's element names) into a tab's top frame.
   * `readerAsked`: the reader asked for it ("Analyse this page", the keyboard command) on a page the gate refused or
   * that the reader's pause or site setting left alone; the page is then analysed whatever the gate said.
   */
  const injectAnalyser = async (tabId: number, frameId: number, readerAsked: boolean) => {
    const target = { tabId, frameIds: [frameId] };
    const names = await elementNames();
    // Asked for together, each a round trip through the browser: the stylesheet and the page-world listener are in
    // place long before the first highlight, which waits for the analysis; the analyser is started with its settings
    // whichever of the two scripts runs first (see the analyser's entry point).
    const css = browser.scripting.insertCSS({ target, css: highlightCss(names.mark), origin: 'USER' });
    // A page-world listener that puts the text back if the extension goes without a word (Firefox); best effort.
    const cleanup = browser.scripting.executeScript({ target, files: ['/orphan-cleanup.js'], world: 'MAIN' }).catch(() => undefined);
    const settings = browser.scripting.executeScript({
      target,
      func: (injection: AnalyserInjection) => {
        // A page with a session already ignores this injection, as the analyser does.
        if (globalThis.__backstorySession) return;
        const start = globalThis.__backstoryStart;
        globalThis.__backstoryStart = undefined;
        if (start) start(injection);
        else globalThis.__backstoryInjection = injection;
      },
      args: [{ names, readerAsked }],
    });
    const analyser = browser.scripting.executeScript({ target, files: ['/analyzer.js'] });
    await Promise.all([css, cleanup, settings, analyser]);
  };

  /**
   * Each tab's document count: a new page (the gate's verdict), a reader's request or the tab closing moves it on, so an
   * analysis that finishes after its page was left is not kept for the tab's new page.
   */
  const documents = new Map<number, number>();
  const nextDocument = (tabId: number) => documents.set(tabId, (documents.get(tabId) ?? 0) + 1);

  /**
   * Keeps a page's analysis for its tab: in memory at once (the popup may ask before the page has its highlights), in
   * storage, the badge, the reading history and the opted-in prefetch only once the page has its answer: their calls
   * through the browser run on this thread, and before the answer they would hold it back.
   */
  const keepAnalysis = (tabId: number, state: TabState) => {
    const answered = nextTask();
    // A failure to keep it is kept as a problem the popup shows; the badge and the history still go on.
    const stored = store.set(tabId, state, answered).catch(() => false);
    void answered
      .then(async () => {
        const result = state.result;
        await showCount(tabId, result ? highlightedEntities(result.entities).length : 0);
        await stored;
        if (!result) return;
        // The reading history stays on the device; a failing database costs the history entry, never the page.
        const settings = await readSettings();
        await history.record(state, settings).catch(() => false);
        // Off by default: only a reader who opted in has notes looked up before a hover.
        void prefetchNotes(result, settings).catch(() => 0);
      })
      .catch(() => undefined);
  };

  /** A text analysed in its language, once that language's name model is loaded. */
  const analyseText = async (text: string, language: string | null, blockQuotes: { start: number; end: number }[]): Promise<TextAnalysis> => {
    await loadNerModel(nlpLanguage(language));
    return analyseInSlices(text, language, blockQuotes);
  };

  /** The page's article analysed here and kept for its tab; the page gets what it highlights and its cards show. */
  const analyseExtract = async (page: PageExtract, tabId: number | undefined): Promise<PackedAnalysis> => {
    const seen = tabId === undefined ? undefined : documents.get(tabId);
    const text = page.article?.text ?? '';
    let analysis: TextAnalysis = { entities: [], quotes: [], nlp: page.nlp };
    if (page.isArticle && page.article) analysis = await analyseText(text, page.article.lang, page.blockQuotes);
    if (tabId !== undefined && documents.get(tabId) === seen) {
      const { url, isArticle, reason, article } = page;
      const result = isArticle ? { isArticle, reason, article, ...analysis } : null;
      keepAnalysis(tabId, { url: isArticle ? url : '', isArticle, reason, result, analysedAt: Date.now() });
    }
    return packAnalysis(text, analysis, { attributedOnly: true });
  };

  /**
   * The reader's own request to analyse a tab's page (popup button, keyboard command); `confirm`: the popup opened where
   * Backstory works only on a click, so the page is analysed as the gate would have it (an article, or nothing).
   */
  const analyseTab = async (tabId: number, confirm = false): Promise<{ started: boolean; error?: string }> => {
    nextDocument(tabId);
    try {
      await injectAnalyser(tabId, 0, !confirm);
      return { started: true };
    } catch (error) {
      return { started: false, error: error instanceof Error ? error.message : String(error) };
    }
  };

  onMessages({
    'page/gated': async ({ url, isArticle, reason, off }, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return { injected: false };
      nextDocument(tabId);
      // The heavy analyser is injected only into pages the gate passed, and only into the top frame; asked for first, so
      // the storage calls below do not go before it.
      const injected = isArticle ? injectAnalyser(tabId, sender.frameId ?? 0, false) : Promise.resolve();
      // Nothing is kept about a page that is not an article, not even its address (search pages, reset links). Kept
      // while the analyser is injected: the store keeps a tab's states in order, and the popup asks the store.
      const kept = store
        .set(tabId, { url: isArticle ? url : '', isArticle, reason, result: null, analysedAt: Date.now(), ...(off && { off }) })
        .catch(() => false);
      if (!isArticle) {
        await Promise.all([kept, showCount(tabId, 0)]);
        return { injected: false };
      }
      await Promise.all([kept, injected]);
      return { injected: true };
    },
    'page/analyse': ({ tabId, confirm }) => analyseTab(tabId, confirm),
    'page/extracted': (page, sender) => analyseExtract(page, sender.tab?.id),
    'text/analyse': async ({ text, language, blockQuotes }) =>
      packAnalysis(text, await analyseText(text, language, blockQuotes), { attributedOnly: true }),
    'popup/tab-state': async ({ tabId }) => {
      const state = await store.get(tabId);
      return state && { ...state, result: state.result && packResult(state.result) };
    },
    'knowledge/link': async ({ names, date, tabId: named }, sender) => {
      // A card is its own tab; the popup names the tab. The article's context is built here from the tab's analysis, so
      // neither the page's script nor the popup carries the context builder. A content script cannot name another tab.
      const fromExtension = !!sender.url?.startsWith(browser.runtime.getURL('/'));
      const tabId = fromExtension ? named : sender.tab?.id;
      const state = tabId === undefined ? null : await store.get(tabId);
      const response = await lookUp(names, date, tabId === undefined ? undefined : contextOf(tabId, state));
      if (response.ok && state) await history.rememberLinks(state, response.results).catch(() => {});
      return response;
    },
    'knowledge/thumbnail': ({ url }) => thumbnail(url),
    'knowledge/publisher': async ({ tabId }) => lookUpPublisher(await store.get(tabId)),
    'coverage/preview': async ({ tabId }) => searchPreview(await store.get(tabId), await readSettings()),
    'coverage/history': async ({ tabId }) => history.earlier(await store.get(tabId), await readSettings()),
    'coverage/search': async ({ tabId, sources }) => searchNews(await store.get(tabId), await readSettings(), sources),
    'history/summary': () => history.summary(),
    'history/clear': () => history.clear(),
    'history/export': () => history.exportJson(),
    'history/import': ({ json }) => history.importJson(json),
  });

  // Pages with highlights hold a port open, so they learn when the extension goes away (see adapters/lifetime.ts).
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== 'page-session') port.disconnect();
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    nextDocument(tabId);
    void store.remove(tabId);
  });

  // The keyboard command: highlights on this page off, or (where there are none) the page analysed at the reader's wish.
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== TOGGLE_COMMAND) return;
    void activeTabId(tab).then(async (tabId) => {
      if (tabId === undefined) return;
      const removed = await browser.scripting
        .executeScript({
          target: { tabId },
          func: () => {
            const session = globalThis.__backstorySession;
            session?.undo();
            return !!session;
          },
        })
        .then(([frame]) => frame?.result === true)
        .catch(() => false);
      if (!removed) await analyseTab(tabId);
    });
  });

  // The context menu on selected text: the card of that name in the page, else the popup, looking it up.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    // A new reader is shown what Backstory does, what it sends, and asked how it may reach pages.
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') }).catch(() => undefined);
    void browser.contextMenus
      .removeAll()
      .then(() => browser.contextMenus.create({ id: LOOK_UP_MENU, title: t('menuLookUp'), contexts: ['selection'] }));
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== LOOK_UP_MENU || tab?.id === undefined) return;
    void lookUpSelection(tab.id, (info.selectionText ?? '').trim(), info.frameId ?? 0);
  });
});

const TOGGLE_COMMAND = 'toggle-highlights';
const LOOK_UP_MENU = 'look-up-selection';

async function activeTabId(tab?: { id?: number }): Promise<number | undefined> {
  if (tab?.id !== undefined && tab.id >= 0) return tab.id;
  return (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
}

/**
 * Opens the card of the selected name where the page has one (its highlight nearest the selection); otherwise opens the
 * popup on that name (the toolbar popup where the browser allows it, else a small window of it).
 */
async function lookUpSelection(tabId: number, text: string, frameId: number): Promise<void> {
  if (!text) return;
  const opened = await browser.scripting
    .executeScript({
      target: { tabId, frameIds: [frameId] },
      func: (name: string) => globalThis.__backstorySession?.openCardFor(name) ?? false,
      args: [text],
    })
    .then(([frame]) => frame?.result === true)
    .catch(() => false);
  if (opened) return;
  await browser.storage.session?.set({ [PENDING_LOOK_UP]: { tabId, name: text, at: Date.now() } }).catch(() => undefined);
  try {
    await browser.action.openPopup();
  } catch {
    const url = browser.runtime.getURL(`/popup.html?tabId=${tabId}&name=${encodeURIComponent(text)}`);
    await browser.windows.create({ url, type: 'popup', width: 420, height: 600 });
  }
}
