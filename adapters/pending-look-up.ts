import { browser } from 'wxt/browser';

/**
 * A name the reader chose to look up from the context menu where the page had no card for it: the background leaves it
 * here (session storage) for the popup it opens, which takes it once.
 */
export const PENDING_LOOK_UP = 'pendingLookUp';

/** A hand-over older than this is from another click: ignored. */
const FRESH_MS = 60_000;

/** The name left for this tab's popup, if any (removed as it is read). */
export async function takePendingLookUp(tabId: number, now = Date.now()): Promise<string | null> {
  const area = browser.storage.session;
  if (!area) return null;
  const pending = (await area.get(PENDING_LOOK_UP))[PENDING_LOOK_UP] as { tabId?: unknown; name?: unknown; at?: unknown } | undefined;
  if (!pending) return null;
  await area.remove(PENDING_LOOK_UP);
  const fresh = typeof pending.at === 'number' && now - pending.at < FRESH_MS;
  return fresh && pending.tabId === tabId && typeof pending.name === 'string' ? pending.name : null;
}
