/**
 * The popup's side of the per-tab state (adapters/tab-state.ts keeps it): being told when a tab's entry changes. Kept
 * apart from the store, so the popup does not carry the database code.
 */

/** A tab's entry in the storage area is `tab:<id>`. */
export const TAB_KEY_PREFIX = 'tab:';

/**
 * The storage area the per-tab state lives in: session storage (it goes with the browser session and survives the
 * service worker), or local storage where a browser has none.
 */
export function tabStateAreaName(areas: { session?: unknown }): 'session' | 'local' {
  // (Not named `storage`: WXT's auto-import would take that name for its storage module and bundle it.)
  return areas.session ? 'session' : 'local';
}

/** What `watchTabState` needs of the browser's storage: its change events. */
interface StorageEvents {
  onChanged: {
    addListener(listener: (changes: Record<string, unknown>, areaName: string) => void): void;
    removeListener(listener: (changes: Record<string, unknown>, areaName: string) => void): void;
  };
}

/**
 * Calls `onChange` whenever the background changes what it keeps about a tab (the gate's verdict, an analysis, its
 * removal): the popup is told, rather than asking again and again. `areaName` is the storage area the background's
 * store writes to ("session", or "local" where a browser has no session storage). Returns the way to stop.
 */
export function watchTabState(events: StorageEvents, areaName: string, tabId: number, onChange: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === areaName && `${TAB_KEY_PREFIX}${tabId}` in changes) onChange();
  };
  events.onChanged.addListener(listener);
  return () => events.onChanged.removeListener(listener);
}
