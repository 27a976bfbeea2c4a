import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { lookUp, lookUpPublisher, pruneOldAnswers } from '../adapters/knowledge-service';
import { onMessages } from '../adapters/messaging';
import { tabStateStore } from '../adapters/tab-state';

export default defineBackground(() => {
  const store = tabStateStore(browser.storage.session ?? browser.storage.local);
  void pruneOldAnswers();

  onMessages({
    'page/gated': async ({ url, isArticle, reason }, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return { injected: false };
      await store.set(tabId, { url, isArticle, reason, result: null, analysedAt: Date.now() });
      if (!isArticle) {
        await browser.action.setBadgeText({ tabId, text: '' });
        return { injected: false };
      }
      // The heavy analyser is injected only into pages the gate passed, and only into the top frame.
      await browser.scripting.executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: ['/analyzer.js'] });
      return { injected: true };
    },
    'page/analysed': async ({ url, result }, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return { stored: false };
      await store.set(tabId, { url, isArticle: result.isArticle, reason: result.reason, result, analysedAt: Date.now() });
      const people = result.entities.filter((e) => e.type !== 'MISC').length;
      await browser.action.setBadgeText({ tabId, text: result.isArticle && people ? String(people) : '' });
      return { stored: true };
    },
    'popup/tab-state': ({ tabId }) => store.get(tabId),
    'knowledge/link': ({ names, date }) => lookUp(names, date),
    'knowledge/publisher': ({ name, siteUrl, date }) => lookUpPublisher(name, siteUrl, date),
  });

  // Pages with highlights hold a port open, so they learn when the extension goes away (see adapters/lifetime.ts).
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== 'page-session') port.disconnect();
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    void store.remove(tabId);
  });
});
