// The first run, in Chromium and Firefox: the onboarding page a new install opens (what Backstory does, how to use it,
// what it keeps and sends, axe with 0 violations), and the two ways it may reach pages, chosen there and in the
// settings: "only when I click the button" (no host access: nothing runs in a page until the reader's gesture on it) and
// "on all news sites" (host access granted, the gate registered, every article highlighted on load).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page as ChromiumPage, Worker } from 'playwright-core';
import type { Page as FirefoxPage } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { allowAllSitesInBrowser, chooseAccess, gateMatches, onboardingPage } from '../../scripts/chromium-access.mjs';
import { DEMO_ARTICLE_PATH, startDemoServer } from '../../scripts/demo-server.mjs';
import { type FakeWikimedia, startFakeWikimedia } from '../fixtures/wikimedia/server.mjs';
import { AXE_SOURCE, type AxeViolation, runAxeInPage } from './axe';
import { launchChromium, saveSettings, tabIdOf } from './chromium-launch';
import { E2E_ROUTES, localSettings } from './expectations';
import {
  FIREFOX_BUILD,
  FIREFOX_UUID,
  gateMatches as gateMatchesFirefox,
  inBrowserWindow,
  launchFirefox,
  onboardingPage as onboardingFirefox,
  openExtensionPage,
  until,
} from './firefox-pages';
import { MARK } from './page-elements';

const ALL_SITES = ['http://*/*', 'https://*/*'];

/** The few extension APIs the tests read in Chromium's service worker. */
type Api = { storage: { session: { get(key: string): Promise<object> } }; permissions: { contains(p: { origins: string[] }): Promise<boolean> } };
const markCount = `document.querySelectorAll('${MARK}').length`;

/** What the onboarding page must tell a new reader, by its headings and the words a reader looks for. */
async function expectOnboardingContent(text: string) {
  expect(text).toContain('Welcome to Backstory');
  expect(text).toContain('How to use it');
  expect(text).toContain('Alt+Shift+H');
  expect(text).toContain('What stays on your device, and what is sent');
  expect(text).toContain('Nothing is sent when a page loads');
  expect(text).toContain('Wikidata and Wikipedia');
  expect(text).toContain('Search news');
  expect(text).toContain('On all news sites, automatically');
  expect(text).toContain('Only when I click the button');
}

let server: Awaited<ReturnType<typeof startDemoServer>>;
let wikimedia: FakeWikimedia;

beforeAll(async () => {
  server = await startDemoServer({ routes: E2E_ROUTES });
  wikimedia = await startFakeWikimedia();
});
afterAll(async () => {
  await server?.close();
  await wikimedia?.close();
});

describe('Chromium: the first run and both ways of reaching pages', () => {
  let context: BrowserContext;
  let worker: Worker;
  let extensionId: string;
  let profile: string;
  let welcome: ChromiumPage;

  beforeAll(async () => {
    profile = await mkdtemp(join(tmpdir(), 'backstory-onboarding-'));
    // The toolbar button is pressed over the DevTools protocol (Extensions.triggerAction), which needs this flag.
    ({ context, worker, extensionId } = await launchChromium(profile, ['--enable-unsafe-extension-debugging'], undefined, null));
    await saveSettings(worker, localSettings(wikimedia.origin, wikimedia.origin));
    welcome = await onboardingPage(context, extensionId);
  });
  afterAll(async () => {
    await context?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  const open = async (url: string): Promise<ChromiumPage> => {
    const page = await context.newPage();
    await page.goto(url);
    return page;
  };
  /** The reader's click on the toolbar button on `page`'s tab: the browser opens the popup and grants activeTab. */
  const clickToolbarButton = async (page: ChromiumPage) => {
    const browser = context.browser() as Browser;
    const cdp = await browser.newBrowserCDPSession();
    const { targetInfos } = (await cdp.send('Target.getTargets', { filter: [{}] } as object)) as {
      targetInfos: { targetId: string; type: string; url: string }[];
    };
    const tab = targetInfos.find((t) => t.type === 'tab' && t.url === page.url());
    if (!tab) throw new Error('no tab target for the article');
    await cdp.send('Extensions.triggerAction' as 'Target.getTargets', { id: extensionId, targetId: tab.targetId } as object);
    await cdp.detach();
  };

  test('a new install opens the onboarding page: what Backstory does, how to use it, what it sends; no host access yet; axe finds nothing', async () => {
    await expectOnboardingContent((await welcome.locator('main').textContent()) ?? '');
    expect(await welcome.locator('input[name="access"][value="on-click"]').isChecked()).toBe(true);
    expect(await gateMatches(worker)).toEqual([]);
    expect(
      await welcome
        .locator('img')
        .first()
        .evaluate((img) => (img as HTMLImageElement).naturalWidth),
    ).toBe(96);
    await welcome.evaluate(AXE_SOURCE);
    expect(await welcome.evaluate(runAxeInPage, null)).toEqual([] as AxeViolation[]);
  });

  test('"only when I click the button": an article is left alone on load, and analysed when the reader clicks the toolbar button', async () => {
    const page = await open(`${server.origin}${DEMO_ARTICLE_PATH}`);
    await page.waitForTimeout(1500);
    expect(await page.evaluate(markCount)).toBe(0);
    // The page could not even be looked at: the background keeps nothing for the tab.
    const tabId = await tabIdOf(worker, page.url());
    expect(await worker.evaluate((key) => (globalThis as unknown as { chrome: Api }).chrome.storage.session.get(key), `tab:${tabId}`)).toEqual({});
    await clickToolbarButton(page);
    await page.waitForSelector(MARK, { timeout: 20_000 });
    expect(await page.$$eval(MARK, (m) => m.map((x) => x.textContent))).toEqual(expect.arrayContaining(['Jeff Rathke', 'Sartaj Aziz']));
    await page.close();
  });

  test('"on all news sites" chosen on the onboarding page: the browser grants host access, the gate is registered, articles are highlighted on load', async () => {
    // The reader's "Allow" in the browser's question (see scripts/chromium-access.mjs), then their click on the page.
    await allowAllSitesInBrowser(context, extensionId);
    await welcome.bringToFront();
    await welcome.locator('input[name="access"][value="everywhere"]').click();
    await expect.poll(() => gateMatches(worker)).toEqual(ALL_SITES);
    expect(await worker.evaluate((origins) => (globalThis as unknown as { chrome: Api }).chrome.permissions.contains({ origins }), ALL_SITES)).toBe(
      true,
    );
    const page = await open(`${server.origin}${DEMO_ARTICLE_PATH}`);
    await page.waitForSelector(MARK, { timeout: 20_000 });
    await page.close();
  });

  test('the settings offer the same choice; "only when I click" there withdraws host access and unregisters the gate', async () => {
    const options = await open(`chrome-extension://${extensionId}/options.html`);
    await options.waitForSelector('input[name="access"]:not([disabled])');
    expect(await options.locator('input[name="access"][value="everywhere"]').isChecked()).toBe(true);
    await options.locator('input[name="access"][value="on-click"]').click();
    await expect.poll(() => gateMatches(worker)).toEqual([]);
    expect(await worker.evaluate((origins) => (globalThis as unknown as { chrome: Api }).chrome.permissions.contains({ origins }), ALL_SITES)).toBe(
      false,
    );
    // The onboarding page, still open, follows the change.
    await expect.poll(() => welcome.locator('input[name="access"][value="on-click"]').isChecked()).toBe(true);
    const page = await open(`${server.origin}${DEMO_ARTICLE_PATH}`);
    await page.waitForTimeout(1500);
    expect(await page.evaluate(markCount)).toBe(0);
    await Promise.all([page.close(), options.close()]);
  });

  test('the popup links to the settings', async () => {
    const page = await open(`${server.origin}/`);
    const popup = await open(`chrome-extension://${extensionId}/popup.html?tabId=${await tabIdOf(worker, page.url())}`);
    const opened = context.waitForEvent('page', { predicate: (p) => p.url().endsWith('/options.html') });
    await popup.locator('a.settings-link').click();
    await (await opened).close();
    await Promise.all([popup.close(), page.close()]);
  });
});

describe('Chromium in German: the onboarding page, the popup and the toolbar button speak the browser’s language', () => {
  let context: BrowserContext;
  let worker: Worker;
  let extensionId: string;
  let profile: string;

  beforeAll(async () => {
    profile = await mkdtemp(join(tmpdir(), 'backstory-onboarding-de-'));
    ({ context, worker, extensionId } = await launchChromium(profile, ['--lang=de'], undefined, null));
    await saveSettings(worker, localSettings(wikimedia.origin, wikimedia.origin));
  });
  afterAll(async () => {
    await context?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  test('German words, German dates', async () => {
    const welcome = await chooseAccess(context, worker, extensionId, 'everywhere');
    expect(await welcome.locator('h1').textContent()).toBe('Willkommen bei Backstory');
    expect(await welcome.evaluate(() => [document.documentElement.lang, document.title])).toEqual(['de', 'Willkommen bei Backstory']);
    await welcome.close();
    const page = await context.newPage();
    const url = `${server.origin}${DEMO_ARTICLE_PATH}`;
    await page.goto(url);
    await page.waitForSelector(MARK, { timeout: 20_000 });
    const tabId = await tabIdOf(worker, url);
    const title = await worker.evaluate(
      (id) => (globalThis as unknown as { chrome: { action: { getTitle(d: object): Promise<string> } } }).chrome.action.getTitle({ tabId: id }),
      tabId,
    );
    expect(title).toMatch(/^Backstory: \d+ Personen, Organisationen und Orte auf dieser Seite hervorgehoben$/);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
    await popup.waitForSelector('.title');
    expect(await popup.locator('.fold.central h2').textContent()).toBe('Wer vorkommt');
    expect(await popup.locator('.meta').textContent()).toMatch(/ · 19\. Nov\. 2014 · \d+ Jahre alt$/);
    await Promise.all([popup.close(), page.close()]);
  });
});

describe('Firefox: the first run and both ways of reaching pages', () => {
  let browser: Awaited<ReturnType<typeof launchFirefox>>['browser'];
  let welcome: FirefoxPage;

  beforeAll(async () => {
    ({ browser } = await launchFirefox(FIREFOX_BUILD, localSettings(wikimedia.origin, wikimedia.origin), {}, null));
    welcome = await onboardingFirefox(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });

  const open = async (url: string): Promise<FirefoxPage> => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1200, height: 900 });
    await page.goto(url);
    return page;
  };
  const marks = (page: FirefoxPage) => page.evaluate(markCount) as Promise<number>;

  test('a new install opens the onboarding page: what Backstory does, how to use it, what it sends; no host access yet; axe finds nothing', async () => {
    await expectOnboardingContent(await welcome.$eval('main', (m) => (m as HTMLElement).textContent));
    expect(await welcome.$eval('input[name="access"][value="on-click"]', (r) => (r as HTMLInputElement).checked)).toBe(true);
    expect(await gateMatchesFirefox(welcome)).toEqual([]);
    await welcome.evaluate(AXE_SOURCE);
    expect(await welcome.evaluate(runAxeInPage, null)).toEqual([]);
  });

  test('"only when I click the button": an article is left alone on load, and analysed on the reader’s keyboard shortcut', async () => {
    const page = await open(`${server.origin}${DEMO_ARTICLE_PATH}`);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await marks(page)).toBe(0);
    await page.bringToFront();
    // The browser's own key element for the command: a real reader's gesture, which grants activeTab.
    const pressed = await inBrowserWindow<string>(
      browser,
      `(() => {
        const key = [...document.querySelectorAll('keyset[id^="ext-keyset-id-"] key')].find((k) => k.getAttribute('key') === 'H');
        if (!key) return 'none';
        key.doCommand();
        return 'pressed';
      })()`,
    );
    expect(pressed).toBe('pressed');
    expect(
      await until(
        () => marks(page),
        (n) => n > 0,
        20_000,
      ),
    ).toBeGreaterThan(0);
    await page.close();
  });

  test('"on all news sites" chosen on the onboarding page: host access granted, the gate registered, articles highlighted on load', async () => {
    await welcome.bringToFront();
    await welcome.click('input[name="access"][value="everywhere"]');
    expect(
      await until(
        () => gateMatchesFirefox(welcome),
        (m) => m.length > 0,
      ),
    ).toEqual(ALL_SITES);
    const page = await open(`${server.origin}${DEMO_ARTICLE_PATH}`);
    await page.waitForSelector(MARK, { timeout: 20_000 });
    await page.close();
  });

  test('the settings offer the same choice; "only when I click" there withdraws host access and unregisters the gate', async () => {
    const options = await openExtensionPage(browser, `moz-extension://${FIREFOX_UUID}/options.html`, 'input[name="access"]:not([disabled])');
    expect(await options.$eval('input[name="access"][value="everywhere"]', (r) => (r as HTMLInputElement).checked)).toBe(true);
    await options.click('input[name="access"][value="on-click"]');
    expect(
      await until(
        () => gateMatchesFirefox(options),
        (m) => m.length === 0,
      ),
    ).toEqual([]);
    const page = await open(`${server.origin}${DEMO_ARTICLE_PATH}`);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await marks(page)).toBe(0);
    await Promise.all([page.close(), options.close()]);
  });
});
