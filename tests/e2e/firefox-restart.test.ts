// Firefox keeps the reading history across a restart. A temporary add-on (as the other Firefox tests install it) is gone
// after a restart, so here the build is installed into the profile as an unsigned XPI, which Firefox ESR accepts with
// xpinstall.signatures.required off.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_ARTICLE_PATH, startDemoServer } from '../../scripts/demo-server.mjs';
import { GECKO_ID } from '../../wxt.config';
import { EARLIER_ARTICLES } from './earlier-articles';
import { E2E_ROUTES } from './expectations';
import { chooseAccess, FIREFOX_TEST_PREFS, openExtensionPage, until } from './firefox-pages';

const UUID = '0b7f3c2a-9d41-4e6b-8a55-3c1d2e9f7a10';

/** The text of `selector` once `ok` accepts it (or the last one read). */
const text = (page: Page, selector: string, ok: (value: string) => boolean) =>
  until(() => page.$eval(selector, (e) => e.textContent ?? '').catch(() => ''), ok, 20_000);

describe('Firefox: the history survives a browser restart', () => {
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  let profile: string;
  let browser: Browser | null = null;

  const launch = () =>
    puppeteer.launch({
      browser: 'firefox',
      executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
      headless: true,
      userDataDir: profile,
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'xpinstall.signatures.required': false,
        'extensions.autoDisableScopes': 0,
        'extensions.enabledScopes': 15,
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
        ...FIREFOX_TEST_PREFS,
      },
    });

  const openOptions = (b: Browser) => openExtensionPage(b, `moz-extension://${UUID}/options.html`, '.history-count');

  beforeAll(async () => {
    server = await startDemoServer({ routes: E2E_ROUTES });
    profile = mkdtempSync(join(tmpdir(), 'backstory-firefox-profile-'));
    const extensions = join(profile, 'extensions');
    mkdirSync(extensions);
    execFileSync('npx', ['web-ext', 'build', '--source-dir', '.output/firefox-mv3', '--artifacts-dir', extensions, '--overwrite-dest'], {
      stdio: 'ignore',
    });
    const [built] = readdirSync(extensions);
    renameSync(join(extensions, built as string), join(extensions, `${GECKO_ID}.xpi`));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  test('articles read before the restart are in the history and the popup after it', async () => {
    browser = await launch();
    await (await chooseAccess(browser, 'everywhere', UUID)).close();
    const page = await browser.newPage();
    for (const path of [...EARLIER_ARTICLES.map((a) => a.path), DEMO_ARTICLE_PATH]) {
      await page.goto(`${server.origin}${path}`);
      await page.waitForSelector('[data-entity-id]', { timeout: 20_000 });
    }
    const options = await openOptions(browser);
    const count = await text(options, '.history-count', (v) => v.startsWith('4 '));
    expect(count).toBe('4 articles in your history.');
    await browser.close();

    browser = await launch();
    const again = await openOptions(browser);
    expect(await text(again, '.history-count', (v) => v.startsWith('4 '))).toBe('4 articles in your history.');
    const article = await browser.newPage();
    const url = `${server.origin}${DEMO_ARTICLE_PATH}`;
    await article.goto(url);
    await article.waitForSelector('[data-entity-id]', { timeout: 20_000 });
    const popup = await openExtensionPage(browser, `moz-extension://${UUID}/popup.html?url=${encodeURIComponent(url)}`, '[data-status], .title');
    const matches = await until(
      () => popup.$$eval('.history-match', (m) => m.length).catch(() => 0),
      (n) => n >= 3,
      20_000,
    );
    expect(matches).toBe(3);
  });
});
