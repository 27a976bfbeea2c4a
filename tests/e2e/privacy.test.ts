// The privacy audit: every request the browser makes goes through a recording proxy, so the test sees the full list of
// hosts contacted. With default settings, loading articles contacts nothing but the pages' own server; hovering a name
// contacts Wikimedia only (its API hosts, and its image host for a note's picture), and only then.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_ARTICLE_PATH, startDemoServer } from '../../scripts/demo-server.mjs';
import { launchChromium, saveSettings } from './chromium-launch';
import { EARLIER_ARTICLES } from './earlier-articles';
import { E2E_ROUTES } from './expectations';
import { chooseAccess, FIREFOX_BUILD, FIREFOX_TEST_PREFS } from './firefox-pages';
import { startRecordingProxy } from './recording-proxy';

/**
 * The browsers' own traffic (Chromium's sign-in and update checks, Firefox's remote settings, captive-portal and push
 * services), which flags and prefs do not fully silence. None is a
 * host the extension knows: its code names Wikimedia and the news services only (news.google.com is never excused here).
 */
const BROWSER_OWN = new Set([
  'accounts.google.com:443',
  'clients2.google.com',
  'clients2.google.com:443',
  'update.googleapis.com',
  'update.googleapis.com:443',
  'redirector.gvt1.com:443',
  'edgedl.me.gvt1.com:443',
  'optimizationguide-pa.googleapis.com:443',
  'content-autofill.googleapis.com:443',
  'firefox.settings.services.mozilla.com:443',
  'content-signature-2.cdn.mozilla.net:443',
  'detectportal.firefox.com',
  'detectportal.firefox.com:443',
  'push.services.mozilla.com:443',
  'aus5.mozilla.org:443',
  'normandy.cdn.mozilla.net:443',
  'shavar.services.mozilla.com:443',
]);
const contacted = (hosts: string[]) => hosts.filter((h) => !BROWSER_OWN.has(h));
/** A note's picture, fetched by the background once the note is on screen (never on page load). */
const WIKIMEDIA_IMAGES = 'upload.wikimedia.org:443';

describe('Privacy audit (Chromium, default settings)', () => {
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  let proxy: Awaited<ReturnType<typeof startRecordingProxy>>;
  let context: BrowserContext;
  let profile: string;

  beforeAll(async () => {
    server = await startDemoServer({ routes: E2E_ROUTES });
    proxy = await startRecordingProxy();
    profile = await mkdtemp(join(tmpdir(), 'backstory-privacy-'));
    ({ context } = await launchChromium(
      profile,
      [
        `--proxy-server=${proxy.origin}`,
        // Loopback goes through the proxy too, so the page server's traffic is on the record.
        '--proxy-bypass-list=<-loopback>',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-domain-reliability',
        '--disable-features=OptimizationHints,MediaRouter,Translate,AutofillServerCommunication',
      ],
      { width: 1280, height: 720 },
    ));
  });

  afterAll(async () => {
    await context?.close();
    await proxy?.close();
    await server?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  test('loading articles contacts only their server; hovering a name contacts only Wikimedia, without the page', async () => {
    const pageHost = new URL(server.origin).host;
    const page = await context.newPage();
    for (const path of [EARLIER_ARTICLES[0]?.path, DEMO_ARTICLE_PATH]) {
      await page.goto(`${server.origin}${path}`);
      await page.waitForSelector('[data-entity-id]', { timeout: 15_000 });
    }
    await page.waitForTimeout(1000);
    expect(contacted(proxy.hosts())).toEqual([pageHost]);

    await page.locator('[data-entity-id]', { hasText: 'Raheel Sharif' }).first().hover();
    await expect.poll(() => proxy.hosts(), { timeout: 15_000 }).toContain('www.wikidata.org:443');
    await page.waitForTimeout(1000);
    expect(
      contacted(proxy.hosts()).filter(
        (h) => h !== pageHost && h !== 'www.wikidata.org:443' && h !== 'en.wikipedia.org:443' && h !== WIKIMEDIA_IMAGES,
      ),
    ).toEqual([]);
    console.log(
      `privacy audit (Chromium): hosts contacted ${JSON.stringify(contacted(proxy.hosts()))}; the browser's own: ${JSON.stringify(proxy.hosts().filter((h) => BROWSER_OWN.has(h)))}`,
    );
    // Plain-http requests are the page's own; Wikimedia is reached over https (CONNECT), so no path can leak to the proxy
    // either; the request contents are asserted against a local stand-in in chromium.test.ts.
    const pageRequests = proxy.requests.filter((r) => r.host === pageHost).map((r) => new URL(r.url).pathname);
    // The pages, and the favicon the browser asks for itself.
    expect(new Set(pageRequests)).toEqual(new Set([EARLIER_ARTICLES[0]?.path, DEMO_ARTICLE_PATH, '/favicon.ico']));
    await page.close();
  });

  test("with the opt-in prefetch on, an article's main names are looked up without a hover, from Wikimedia only", async () => {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await saveSettings(worker, { prefetchNotes: true });
    const before = proxy.requests.length;
    const page = await context.newPage();
    await page.goto(`${server.origin}${EARLIER_ARTICLES[1]?.path}`);
    await page.waitForSelector('[data-entity-id]', { timeout: 15_000 });
    await expect.poll(() => proxy.requests.slice(before).some((r) => r.host === 'www.wikidata.org:443'), { timeout: 15_000 }).toBe(true);
    const pageHost = new URL(server.origin).host;
    expect(
      contacted(proxy.requests.slice(before).map((r) => r.host)).filter(
        (h) => h !== pageHost && h !== 'www.wikidata.org:443' && h !== 'en.wikipedia.org:443' && h !== WIKIMEDIA_IMAGES,
      ),
    ).toEqual([]);
    await page.close();
  });
});

describe('Privacy audit (Firefox, default settings)', () => {
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  let proxy: Awaited<ReturnType<typeof startRecordingProxy>>;
  let browser: Browser;

  beforeAll(async () => {
    server = await startDemoServer({ routes: E2E_ROUTES });
    proxy = await startRecordingProxy();
    const { port } = new URL(proxy.origin);
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
      headless: true,
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': Number(port),
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': Number(port),
        'network.proxy.no_proxies_on': '',
        // Loopback goes through the proxy too, so the page server's traffic is on the record.
        'network.proxy.allow_hijacking_localhost': true,
        ...FIREFOX_TEST_PREFS,
      },
    });
    await browser.installExtension(FIREFOX_BUILD);
    // This Firefox has no fixed UUID for the extension: its onboarding page is found by its path.
    await (await chooseAccess(browser, 'everywhere', null)).close();
  });

  afterAll(async () => {
    await browser?.close();
    await proxy?.close();
    await server?.close();
  });

  test('loading articles contacts only their server; hovering a name contacts only Wikimedia', async () => {
    const pageHost = new URL(server.origin).host;
    const page = await browser.newPage();
    await page.setViewport({ width: 1200, height: 900 });
    for (const path of [EARLIER_ARTICLES[0]?.path, DEMO_ARTICLE_PATH]) {
      await page.goto(`${server.origin}${path}`);
      await page.waitForSelector('[data-entity-id]', { timeout: 20_000 });
    }
    await new Promise((r) => setTimeout(r, 1000));
    expect(contacted(proxy.hosts())).toEqual([pageHost]);
    const raheel = await page.waitForSelector('::-p-xpath(//*[@data-entity-id][text()="Raheel Sharif"])');
    await raheel?.hover();
    const end = Date.now() + 15_000;
    while (!proxy.hosts().includes('www.wikidata.org:443') && Date.now() < end) await new Promise((r) => setTimeout(r, 200));
    await new Promise((r) => setTimeout(r, 1000));
    expect(proxy.hosts()).toContain('www.wikidata.org:443');
    expect(
      contacted(proxy.hosts()).filter(
        (h) => h !== pageHost && h !== 'www.wikidata.org:443' && h !== 'en.wikipedia.org:443' && h !== WIKIMEDIA_IMAGES,
      ),
    ).toEqual([]);
    console.log(
      `privacy audit (Firefox): hosts contacted ${JSON.stringify(contacted(proxy.hosts()))}; the browser's own: ${JSON.stringify(proxy.hosts().filter((h) => BROWSER_OWN.has(h)))}`,
    );
    await page.close();
  });
});
