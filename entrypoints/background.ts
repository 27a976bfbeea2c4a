import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { elementNames } from '../adapters/element-names';
import { highlightCss } from '../adapters/highlight';
import { historyService } from '../adapters/history-service';
import { lookUp, lookUpPublisher, prefetchNotes, pruneOldAnswers } from '../adapters/knowledge-service';
import { onMessages } from '../adapters/messaging';
import { loadNerModel } from '../adapters/ner-model';
import { searchNews } from '../adapters/news-service';
import { readSettings } from '../adapters/settings';
import { tabStateStore } from '../adapters/tab-state';
import { analysisSteps, limitText, nlpLanguage, type TextAnalysis } from '../lib/analyze';

/**
 * Names and quotes of an article's text, in sections that yield to the event loop between them: the background serves
 * every tab, and a huge page must not keep the others waiting (see lib/analyze/bounds.ts).
 */
async function analyseInSlices(text: string, language: string | null, blockQuotes: { start: number; end: number }[]): Promise<TextAnalysis> {
  const steps = analysisSteps(limitText(text).text, language, blockQuotes);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

export default defineBackground(() => {
  const store = tabStateStore(browser.storage.session ?? browser.storage.local);
  const history = historyService();
  void pruneOldAnswers();
  // Read at start-up, off the path of the first article (a failure is retried on the first request).
  void loadNerModel().catch(() => undefined);
  void store.sweep().catch(() => 0);

  onMessages({
    'page/gated': async ({ url, isArticle, reason }, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return { injected: false };
      // Nothing is kept about a page that is not an article, not even its address (search pages, reset links).
      await store.set(tabId, { url: isArticle ? url : '', isArticle, reason, result: null, analysedAt: Date.now() });
      if (!isArticle) {
        await browser.action.setBadgeText({ tabId, text: '' });
        return { injected: false };
      }
      // The heavy analyser is injected only into pages the gate passed, and only into the top frame; the highlights' look
      // comes with it as the extension's own stylesheet (see highlightCss), for this install's element names.
      const target = { tabId, frameIds: [sender.frameId ?? 0] };
      const names = await elementNames();
      await browser.scripting.insertCSS({ target, css: highlightCss(names.mark), origin: 'USER' });
      // A page-world listener that puts the text back if the extension goes without a word (Firefox); best effort.
      await browser.scripting.executeScript({ target, files: ['/orphan-cleanup.js'], world: 'MAIN' }).catch(() => undefined);
      await browser.scripting.executeScript({
        target,
        func: (n: typeof names) => {
          globalThis.__backstoryNames = n;
        },
        args: [names],
      });
      await browser.scripting.executeScript({ target, files: ['/analyzer.js'] });
      return { injected: true };
    },
    'page/analysed': async ({ url, result }, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return { stored: false };
      const article = result.isArticle;
      const state = { url: article ? url : '', isArticle: article, reason: result.reason, result: article ? result : null, analysedAt: Date.now() };
      // A failure to keep it is kept as a problem the popup shows; the badge and the history still go on.
      const stored = await store.set(tabId, state).catch(() => false);
      const people = result.entities.filter((e) => e.type !== 'MISC').length;
      await browser.action.setBadgeText({ tabId, text: result.isArticle && people ? String(people) : '' });
      // The reading history stays on the device; a failing database costs the history entry, never the page.
      const settings = await readSettings();
      await history.record(state, settings).catch(() => false);
      // Off by default: only a reader who opted in has notes looked up before a hover.
      void prefetchNotes(result, settings).catch(() => 0);
      return { stored };
    },
    'text/analyse': async ({ text, language, blockQuotes }) => {
      await loadNerModel(nlpLanguage(language));
      return analyseInSlices(text, language, blockQuotes);
    },
    'popup/tab-state': ({ tabId }) => store.get(tabId),
    'knowledge/link': async ({ names, date, context }, sender) => {
      const response = await lookUp(names, date, context);
      const tabId = sender.tab?.id;
      if (response.ok && tabId !== undefined) await history.rememberLinks(await store.get(tabId), response.results).catch(() => {});
      return response;
    },
    'knowledge/publisher': async ({ tabId }) => lookUpPublisher(await store.get(tabId)),
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
    void store.remove(tabId);
  });
});
