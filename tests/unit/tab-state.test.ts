import { describe, expect, test } from 'vitest';
import { tabStateStore } from '../../adapters/tab-state';
import type { TabState } from '../../lib/messaging';
import { envelope, isEnvelope } from '../../lib/messaging';

function memoryArea() {
  const items = new Map<string, unknown>();
  return {
    items,
    async get(key: string) {
      return items.has(key) ? { [key]: items.get(key) } : {};
    },
    async set(values: Record<string, unknown>) {
      for (const [k, v] of Object.entries(values)) items.set(k, v);
    },
    async remove(key: string) {
      items.delete(key);
    },
  };
}

describe('per-tab state', () => {
  const state: TabState = { url: 'http://127.0.0.1/a', isArticle: false, reason: 'site home page', result: null, analysedAt: 1 };

  test('stores, reads back and forgets a tab', async () => {
    const area = memoryArea();
    const store = tabStateStore(area);
    expect(await store.get(7)).toBeNull();
    await store.set(7, state);
    expect(await store.get(7)).toEqual(state);
    expect(await store.get(8)).toBeNull();
    await store.remove(7);
    expect(await store.get(7)).toBeNull();
    expect(area.items.size).toBe(0);
  });

  test('survives a new store on the same storage (a restarted service worker)', async () => {
    const area = memoryArea();
    await tabStateStore(area).set(3, state);
    expect(await tabStateStore(area).get(3)).toEqual(state);
  });
});

describe('message envelopes', () => {
  test.each([
    [envelope('popup/tab-state', { tabId: 1 }), true],
    [{ type: 'popup/tab-state', data: {} }, false],
    [{ backstory: 2, type: 'x' }, false],
    [null, false],
    ['popup/tab-state', false],
  ])('%o is ours: %s', (message, ours) => {
    expect(isEnvelope(message)).toBe(ours);
  });
});
