import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Worker } from 'playwright-core';
import { chooseAccess } from '../../scripts/chromium-access.mjs';

const EXTENSION = fileURLToPath(new URL('../../.output/chrome-mv3', import.meta.url));

export interface ChromiumSession {
  context: BrowserContext;
  /** the extension's service worker */
  worker: Worker;
  extensionId: string;
}

/**
 * Starts the system's Chromium with the built extension on `profile`; `args` adds flags (a proxy, quieter networking).
 * `access`: the choice made on the onboarding page, which is then closed (null: the page is left as it opened).
 */
export async function launchChromium(
  profile: string,
  args: string[] = [],
  viewport: { width: number; height: number } = { width: 1200, height: 900 },
  access: 'everywhere' | 'on-click' | null = 'everywhere',
): Promise<ChromiumSession> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport,
    args: [`--disable-extensions-except=${EXTENSION}`, `--load-extension=${EXTENSION}`, '--no-sandbox', '--disable-gpu', '--no-first-run', ...args],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  if (access) await (await chooseAccess(context, worker, extensionId, access)).close();
  return { context, worker, extensionId };
}

/** Stores the extension's settings from its background, as the options page would. */
export function saveSettings(worker: Worker, settings: object): Promise<void> {
  return worker.evaluate(async (value) => {
    const { chrome } = globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } };
    await chrome.storage.local.set({ settings: value });
  }, settings);
}

/** The id of the tab showing `url`, as the background sees it. */
export function tabIdOf(worker: Worker, url: string): Promise<number | undefined> {
  return worker.evaluate(async (target) => {
    const { chrome } = globalThis as unknown as { chrome: { tabs: { query(query: object): Promise<{ id?: number; url?: string }[]> } } };
    return (await chrome.tabs.query({})).find((t) => t.url === target)?.id;
  }, url);
}
