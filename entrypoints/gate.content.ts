import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { readGateSignals } from '../adapters/gate-signals';
import { watchForLateArticle } from '../adapters/late-content';
import { sendMessage } from '../adapters/messaging';
import { CONTROL_KEY, controlFrom, OFF_REASON, type Off, offFor } from '../lib/control';
import { gate } from '../lib/detect';

/** After a single-page app changes its URL, it renders the new page: give it this long before looking. */
const SETTLE_MS = 600;

// Runs on every page, so it only reads a few cheap signals; the analyser is injected by the background when they pass.
// Registered by the background only once the reader granted host access (adapters/host-access.ts), never in the manifest.
export default defineContentScript({
  registration: 'runtime',
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
    const report = (verdict: { isArticle: boolean; reason: string }, off?: Off) =>
      sendMessage('page/gated', { url: location.href, isArticle: verdict.isArticle, reason: verdict.reason, ...(off && { off }) }).catch(() => {
        // The extension was reloaded or is updating: the page stays as it is.
      });
    let stopWatching = () => {};
    /** The reader's pause and sites turned off, read before any work (a failed read counts as "on"). */
    const readOff = () =>
      browser.storage.local.get(CONTROL_KEY).then(
        (stored) => offFor(controlFrom(stored[CONTROL_KEY]), location.href),
        () => null,
      );
    let off: Off | null = null;
    const leaveAlone = () => void report({ isArticle: false, reason: OFF_REASON[off as Off] }, off as Off);
    const look = async () => {
      off = await readOff();
      if (off) return leaveAlone();
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
    void look();
    // A single-page app moved to another page: the old highlights go, and the new page is looked at afresh.
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      stopWatching();
      globalThis.__backstorySession?.undo();
      ctx.setTimeout(() => void look(), SETTLE_MS);
    });
    // The reader paused Backstory or turned this site off (from the popup, in any tab): the highlights go at once; turned
    // back on, the page is looked at again.
    const onControl = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'local' || !changes[CONTROL_KEY]) return;
      const now = offFor(controlFrom(changes[CONTROL_KEY].newValue), location.href);
      if (!now === !off) return;
      off = now;
      stopWatching();
      if (off) {
        globalThis.__backstorySession?.undo();
        leaveAlone();
      } else void look();
    };
    browser.storage.onChanged.addListener(onControl);
    ctx.onInvalidated(() => {
      stopWatching();
      browser.storage.onChanged.removeListener(onControl);
    });
  },
});
