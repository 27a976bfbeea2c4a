import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll } from 'vitest';
import { DEMO_ARTICLE_PATH, startDemoServer } from '../../scripts/demo-server.mjs';
import { GECKO_ID } from '../../wxt.config';
import { type FakeWikimedia, startFakeWikimedia } from '../fixtures/wikimedia/server.mjs';
import { AXE_SOURCE, runAxeInPage } from './axe';
import { E2E_ROUTES, localSettings } from './expectations';
import { CARD_HOST, cardReader, openCardFirefox } from './page-elements';

/** The built Firefox extension that the end-to-end tests install. */
export const FIREFOX_BUILD = fileURLToPath(new URL('../../.output/firefox-mv3', import.meta.url));

/** A fixed internal UUID gives the extension a known moz-extension:// origin. */
export const FIREFOX_UUID = '6f1c2f4e-5b7a-4c1e-9d3a-2b8e7f0a1c55';

/**
 * Prefs every test's Firefox gets: the extension's request for host access (the onboarding page's choice "on all news
 * sites") is answered "Allow" without the question, which headless Firefox cannot show.
 */
export const FIREFOX_TEST_PREFS: Record<string, unknown> = { 'extensions.webextOptionalPermissionPrompts': false };

/** The onboarding page the extension opened on install, once its choice can be made. */
export async function onboardingPage(browser: Browser, uuid: string | null = FIREFOX_UUID): Promise<Page> {
  // Firefox reports a tab an extension opened as about:blank: each tab is asked where it is. (A Firefox started without
  // the fixed UUID gives the extension a random one: any moz-extension origin then does.)
  const origin = uuid ? `moz-extension://${uuid}` : null;
  const find = async () => {
    for (const page of await browser.pages()) {
      const ready = await page
        .evaluate(
          (o) =>
            location.protocol === 'moz-extension:' &&
            (!o || location.origin === o) &&
            location.pathname === '/welcome.html' &&
            !!document.querySelector('input[name="access"]:not([disabled])'),
          origin,
        )
        .catch(() => false);
      if (ready) return page;
    }
    return null;
  };
  const page = await until(find, (p) => p !== null, 20_000);
  if (!page) throw new Error('The onboarding page did not open on install');
  return page;
}

/** The host patterns the gate is registered on ([] when it is not), read from an extension page. */
export function gateMatches(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const api = (globalThis as unknown as { browser: { scripting: { getRegisteredContentScripts(f: object): Promise<{ matches?: string[] }[]> } } })
      .browser;
    return (await api.scripting.getRegisteredContentScripts({ ids: ['gate'] }))[0]?.matches ?? [];
  });
}

/** Picks `mode` on the onboarding page with a click, as the reader would, and waits until the gate's registration follows. */
export async function chooseAccess(browser: Browser, mode: 'everywhere' | 'on-click', uuid: string | null = FIREFOX_UUID): Promise<Page> {
  const page = await onboardingPage(browser, uuid);
  const radio = `input[name="access"][value="${mode}"]`;
  if (!(await page.$eval(radio, (r) => (r as HTMLInputElement).checked))) await page.click(radio);
  const matches = await until(
    () => gateMatches(page).catch(() => null),
    (m) => m !== null && (m.length === 0) === (mode === 'on-click'),
  );
  if (matches === null || (matches.length === 0) !== (mode === 'on-click')) throw new Error(`The gate's registration did not follow "${mode}"`);
  return page;
}

/**
 * Headless Firefox with the built extension installed (temporarily), `access` chosen on its onboarding page (then
 * closed; null leaves the page as it opened) and `settings` saved in its storage.
 */
export async function launchFirefox(
  extension: string,
  settings: object,
  prefs: Record<string, unknown> = {},
  access: 'everywhere' | 'on-click' | null = 'everywhere',
): Promise<{ browser: Browser; extensionId: string }> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }), ...FIREFOX_TEST_PREFS, ...prefs },
  });
  const extensionId = await browser.installExtension(extension);
  if (access) await (await chooseAccess(browser, access)).close();
  const settingsPage = await openExtensionPage(browser, `moz-extension://${FIREFOX_UUID}/popup.html`, '#app');
  await settingsPage.evaluate(async (s) => {
    const api = (globalThis as unknown as { browser: { storage: { local: { set(items: object): Promise<void> } } } }).browser;
    await api.storage.local.set({ settings: s });
  }, settings);
  await settingsPage.close();
  return { browser, extensionId };
}

/** Opens the popup page for a tab; Firefox never resolves goto() on moz-extension pages, so it is not awaited. */
export async function openPopup(browser: Browser, articleUrl: string): Promise<Page> {
  const popup = await openExtensionPage(
    browser,
    `moz-extension://${FIREFOX_UUID}/popup.html?url=${encodeURIComponent(articleUrl)}`,
    '[data-status], .title',
  );
  await popup.setViewport({ width: 400, height: 900 });
  return popup;
}

/**
 * Runs axe on an open card (with its background note), the popup and the options page of the demo article; returns
 * each one's violations and whether the page reported a dark colour scheme.
 */
export async function axeCardPopupOptions(browser: Browser, articleUrl: string): Promise<{ dark: boolean[]; violations: unknown[][] }> {
  const page = await browser.newPage();
  await page.setViewport({ width: 1200, height: 900 });
  await page.goto(articleUrl);
  const raheel = await page.waitForSelector('::-p-xpath(//*[@data-entity-id][text()="Raheel Sharif"])', { timeout: 20_000 });
  await raheel?.hover();
  await until(
    () => inCard(page, '.background .office'),
    (v) => v !== null,
  );
  const popup = await openPopup(browser, articleUrl);
  await popup.waitForSelector('.title', { timeout: 20_000 });
  const options = await openExtensionPage(browser, `moz-extension://${FIREFOX_UUID}/options.html`, '.history-count');
  const dark: boolean[] = [];
  const violations: unknown[][] = [];
  // The popup with every fold open (all names, quotes, coverage), so axe sees all of it.
  await popup.evaluate(() => {
    for (const fold of document.querySelectorAll('details')) (fold as HTMLDetailsElement).open = true;
  });
  for (const [target, include] of [
    [page, { include: [[CARD_HOST, '.card'], ['[data-entity-id]']] }],
    [popup, null],
    [options, null],
  ] as const) {
    dark.push(await target.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches));
    await target.evaluate(AXE_SOURCE);
    violations.push(await target.evaluate(runAxeInPage, include));
  }
  await Promise.all([options.close(), popup.close(), page.close()]);
  return { dark, violations };
}

/**
 * Opens an extension page in Firefox and waits until `selector` is in it. Firefox never resolves goto() on
 * moz-extension pages, and evaluating while the page is still being swapped in can fail with a protocol error, so
 * the page is polled, errors counting as "not yet".
 */
export async function openExtensionPage(browser: Browser, url: string, selector: string, timeout = 20_000): Promise<Page> {
  const page = await browser.newPage();
  page.goto(url).catch(() => {});
  const end = Date.now() + timeout;
  for (;;) {
    const ready = await page
      .evaluate((s) => location.protocol === 'moz-extension:' && document.readyState === 'complete' && document.querySelector(s) !== null, selector)
      .catch(() => false);
    if (ready) return page;
    if (Date.now() > end) throw new Error(`${url}: ${selector} did not appear in ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** Reads a value again and again until `ok` accepts it or the time is up; returns the last value read. */
export async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeout = 15_000): Promise<T> {
  const end = Date.now() + timeout;
  let value = await read();
  while (!ok(value) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 150));
    value = await read();
  }
  return value;
}

/**
 * Reads an element (its text, or one attribute) inside the page's card, or null while there is none. The card's shadow
 * root is closed to the page; the test opens it over WebDriver BiDi first (see page-elements.ts).
 */
export async function inCard(page: Page, selector: string, attribute?: string): Promise<string | null> {
  await openCardFirefox(page);
  return cardReader(page)(selector, attribute);
}

/** Clicks an element inside the page's card (the card's own buttons: retry, close). */
export async function clickInCard(page: Page, selector: string): Promise<void> {
  await openCardFirefox(page);
  await page.evaluate((s, host) => (document.querySelector(host)?.shadowRoot?.querySelector(s) as HTMLElement | null)?.click(), selector, CARD_HOST);
}

export interface FirefoxOnDemo {
  browser: Browser;
  /** the demo article's URL on the local page server */
  articleUrl: string;
  wikimedia: FakeWikimedia;
  close(): Promise<void>;
}

/** The demo pages and a local Wikimedia stand-in, and a Firefox (with `prefs`) set to use them. */
export async function firefoxOnDemo(extension: string, prefs: Record<string, unknown> = {}): Promise<FirefoxOnDemo> {
  const server = await startDemoServer({ routes: E2E_ROUTES });
  const wikimedia = await startFakeWikimedia();
  const { browser } = await launchFirefox(extension, localSettings(wikimedia.origin, wikimedia.origin), prefs);
  return {
    browser,
    articleUrl: `${server.origin}${DEMO_ARTICLE_PATH}`,
    wikimedia,
    async close() {
      await browser.close();
      await server.close();
      await wikimedia.close();
    },
  };
}

/** Starts Firefox (with `prefs`) on the demo before a test file's tests and closes it after them. */
export function firefoxOnDemoForFile(prefs: Record<string, unknown>): () => FirefoxOnDemo {
  let demo: FirefoxOnDemo | undefined;
  beforeAll(async () => {
    demo = await firefoxOnDemo(FIREFOX_BUILD, prefs);
  });
  afterAll(async () => {
    await demo?.close();
  });
  return () => {
    if (!demo) throw new Error('Firefox did not start');
    return demo;
  };
}

/**
 * Evaluates in Firefox's own browser window (its chrome, with system access: the launch allows it), for what a page
 * cannot reach: the extension's keyboard shortcut and the context menu. Returns the value, or throws the error.
 */
export async function inBrowserWindow<T>(browser: Browser, expression: string): Promise<T> {
  type Answer = { result: { type: string; result?: { value?: T }; exceptionDetails?: { text?: string } } };
  const connection = (browser as unknown as { connection: { send(method: string, params: object): Promise<Answer> } }).connection;
  const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' })) as unknown as {
    result: { contexts: { context: string; url: string }[] };
  };
  const window = tree.result.contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
  if (!window) throw new Error('no browser window');
  const { result } = await connection.send('script.evaluate', { expression, target: { context: window.context }, awaitPromise: true });
  if (result.type !== 'success') throw new Error(`in the browser window: ${result.exceptionDetails?.text ?? result.type}`);
  return result.result?.value as T;
}
