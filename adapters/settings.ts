import { browser } from 'wxt/browser';
import { type Settings, withDefaults } from '../lib/messaging';

const KEY = 'settings';

export async function readSettings(): Promise<Settings> {
  return withDefaults((await browser.storage.local.get(KEY))[KEY]);
}

export async function writeSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [KEY]: settings });
}
