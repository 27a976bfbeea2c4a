import type { TabState } from '../lib/messaging';

interface StorageArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

/** Per-tab page state in session storage, so it survives the service worker being stopped. */
export function tabStateStore(area: StorageArea) {
  const key = (tabId: number) => `tab:${tabId}`;
  return {
    async get(tabId: number): Promise<TabState | null> {
      const items = await area.get(key(tabId));
      return (items[key(tabId)] as TabState | undefined) ?? null;
    },
    set: (tabId: number, state: TabState) => area.set({ [key(tabId)]: state }),
    remove: (tabId: number) => area.remove(key(tabId)),
  };
}
