import { defineContentScript } from 'wxt/utils/define-content-script';
import { readGateSignals } from '../adapters/gate-signals';
import { sendMessage } from '../adapters/messaging';
import { gate } from '../lib/detect';

// Runs on every page, so it only reads a few cheap signals; the analyser is injected by the background when they pass.
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  allFrames: false,
  main() {
    const verdict = gate(readGateSignals(document, location.href));
    sendMessage('page/gated', { url: location.href, isArticle: verdict.isArticle, reason: verdict.reason }).catch(() => {
      // The extension was reloaded or is updating: the page stays as it is.
    });
  },
});
