import { browser } from 'wxt/browser';
import { DEFAULT_WIKIMEDIA } from '../lib/knowledge';
import type { Settings } from '../lib/messaging';

const KEY = 'settings';

export async function readSettings(): Promise<Settings> {
  const stored = (await browser.storage.local.get(KEY))[KEY] as Partial<Settings> | undefined;
  return { ...DEFAULT_WIKIMEDIA, ...stored };
}

export async function writeSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [KEY]: settings });
}
