import { browser } from 'wxt/browser';

/**
 * Calls `onGone` once the extension that injected this script is disabled, removed, reloaded or updated, so the page
 * is left as it was. A port to the background breaks then; it also breaks when the background merely sleeps, which
 * is told apart by the runtime still having an id, and answered by reconnecting.
 */
export function whenExtensionGone(onGone: () => void): () => void {
  let stopped = false;
  let port: ReturnType<typeof browser.runtime.connect> | null = null;
  const connect = () => {
    if (stopped) return;
    try {
      port = browser.runtime.connect({ name: 'page-session' });
    } catch {
      finish();
      return;
    }
    port.onDisconnect.addListener(() => {
      port = null;
      if (!browser.runtime?.id) finish();
      else setTimeout(connect, 1000);
    });
  };
  const finish = () => {
    if (stopped) return;
    stopped = true;
    onGone();
  };
  connect();
  return () => {
    stopped = true;
    port?.disconnect();
  };
}
