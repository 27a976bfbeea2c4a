import { defineContentScript } from 'wxt/utils/define-content-script';
import { readGateSignals } from '../adapters/gate-signals';
import { watchForLateArticle } from '../adapters/late-content';
import { sendMessage } from '../adapters/messaging';
import { gate } from '../lib/detect';

/** After a single-page app changes its URL, it renders the new page: give it this long before looking. */
const SETTLE_MS = 600;

// Runs on every page, so it only reads a few cheap signals; the analyser is injected by the background when they pass.
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  allFrames: false,
  main(ctx) {
    const check = () => {
      const signals = readGateSignals(document, location.href);
      // Kept for the analyser, which runs in this same isolated world next: on a huge page, reading them twice costs.
      globalThis.__backstoryGateSignals = signals;
      return gate(signals);
    };
    const report = (verdict: ReturnType<typeof check>) =>
      sendMessage('page/gated', { url: location.href, isArticle: verdict.isArticle, reason: verdict.reason }).catch(() => {
        // The extension was reloaded or is updating: the page stays as it is.
      });
    let stopWatching = () => {};
    const look = () => {
      let verdict = check();
      void report(verdict);
      if (verdict.isArticle) return;
      // The article may still be on its way (a single-page app rendering it): look again when much text arrives.
      stopWatching = watchForLateArticle(
        document,
        () => {
          verdict = check();
          return verdict.isArticle;
        },
        () => void report(verdict),
      );
    };
    look();
    // A single-page app moved to another page: the old highlights go, and the new page is looked at afresh.
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      stopWatching();
      globalThis.__backstorySession?.undo();
      ctx.setTimeout(look, SETTLE_MS);
    });
    ctx.onInvalidated(() => stopWatching());
  },
});
