// A 2 MB article page in both browsers (the 10 MB one is in `npm run bench`): highlights come while the background keeps
// answering every other tab, and the popup says the analysis stopped at its limit.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page as ChromiumPage } from 'playwright-core';
import type { Browser, Page as FirefoxPage } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hugeArticle } from '../../bench/synthetic';
import { startDemoServer } from '../../scripts/demo-server.mjs';
import { launchChromium } from './chromium-launch';
import { FIREFOX_BUILD, FIREFOX_UUID, launchFirefox, openExtensionPage, openPopup, until } from './firefox-pages';
import { MARK } from './page-elements';

const HUGE = hugeArticle(10_500);
/** The background's slowest answer to another page must stay well under the time the whole analysis takes. */
const MAX_ANSWER_MS = 1500;

/**
 * Runs in an extension page: asks the background something, again as soon as it answers (no timers: a background tab's
 * are slowed), and keeps the slowest answer's time.
 */
const PING = `(() => {
  const api = globalThis.browser ?? globalThis.chrome;
  window.__slowest = 0;
  window.__answers = 0;
  const ask = () => {
    const t = performance.now();
    api.runtime.sendMessage({ backstory: 1, type: 'history/summary', data: {} }).then(() => {
      window.__slowest = Math.max(window.__slowest, performance.now() - t);
      window.__answers++;
      ask();
    }, ask);
  };
  ask();
})()`;

/**
 * After the first highlight (the rest is analysed and highlighted in slices: time is given for it), how the other page
 * was answered meanwhile: enough answers, none slow. `evaluate` reads the other page.
 */
async function expectAnsweredMeanwhile(browserName: string, evaluate: (expression: string) => Promise<unknown>, sinceNavigation: number) {
  console.log(`2 MB page (${browserName}): first highlight ${sinceNavigation} ms after navigation`);
  await new Promise((r) => setTimeout(r, 1500));
  const { slowest, answers } = (await evaluate('({ slowest: window.__slowest, answers: window.__answers })')) as { slowest: number; answers: number };
  console.log(`2 MB page (${browserName}): ${answers} answers to another page meanwhile, the slowest in ${slowest.toFixed(0)} ms`);
  expect(answers).toBeGreaterThan(10);
  expect(slowest).toBeLessThan(MAX_ANSWER_MS);
}

let server: Awaited<ReturnType<typeof startDemoServer>>;
beforeAll(async () => {
  server = await startDemoServer({ routes: { [HUGE.path]: { body: HUGE.body } } });
});
afterAll(async () => {
  await server?.close();
});

test('the page is about 2 MB', () => {
  expect(HUGE.html.length).toBeGreaterThan(1.9 * 1024 * 1024);
});

describe('Chromium: a 2 MB page', () => {
  let context: BrowserContext;
  let extensionId: string;
  let profile: string;
  beforeAll(async () => {
    profile = await mkdtemp(join(tmpdir(), 'backstory-huge-'));
    ({ context, extensionId } = await launchChromium(profile));
  });
  afterAll(async () => {
    await context?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  test('highlights come, the background keeps answering another page meanwhile, and the popup says where the analysis stopped', async () => {
    const other: ChromiumPage = await context.newPage();
    await other.goto(`chrome-extension://${extensionId}/options.html`);
    await other.locator('.history-count').waitFor();
    await other.evaluate(PING);
    const page = await context.newPage();
    const url = `${server.origin}${HUGE.path}`;
    const started = Date.now();
    await page.goto(url, { timeout: 60_000 });
    await page.waitForSelector(MARK, { timeout: 30_000 });
    await expectAnsweredMeanwhile('Chromium', (e) => other.evaluate(e), Date.now() - started);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html?url=${encodeURIComponent(url)}`);
    await expect
      .poll(
        () =>
          popup
            .locator('.notice.limited')
            .textContent()
            .catch(() => null),
        { timeout: 10_000 },
      )
      .toMatch(/^This page is very long/);
    await Promise.all([popup.close(), other.close(), page.close()]);
  });
});

describe('Firefox: a 2 MB page', () => {
  let browser: Browser;
  beforeAll(async () => {
    ({ browser } = await launchFirefox(FIREFOX_BUILD, {}));
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('highlights come, the background keeps answering another page meanwhile, and the popup says where the analysis stopped', async () => {
    const other: FirefoxPage = await openExtensionPage(browser, `moz-extension://${FIREFOX_UUID}/options.html`, '.history-count');
    await other.evaluate(PING);
    const page = await browser.newPage();
    const url = `${server.origin}${HUGE.path}`;
    const started = Date.now();
    await page.goto(url, { timeout: 60_000 });
    await page.waitForSelector(MARK, { timeout: 30_000 });
    await expectAnsweredMeanwhile('Firefox', (e) => other.evaluate(e), Date.now() - started);
    const popup = await openPopup(browser, url);
    expect(
      await until(
        () => popup.evaluate(() => document.querySelector('.notice.limited')?.textContent ?? null),
        (v) => v !== null,
      ),
    ).toMatch(/^This page is very long/);
    await Promise.all([popup.close(), other.close(), page.close()]);
  });
});
