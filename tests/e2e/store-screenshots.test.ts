// The store listings' screenshots (store/screenshots/, 1280 × 800 as the Chrome Web Store asks; AMO takes the same),
// taken from the built extension in Chromium on the demo article. They are written into the repository only when asked
// (`npm run screenshots`), so `npm test` leaves the tree as it found it; the checks run either way.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chooseAccess, onboardingPage } from '../../scripts/chromium-access.mjs';
import { DEMO_ARTICLE_PATH, startDemoServer } from '../../scripts/demo-server.mjs';
import { startFakeNews } from '../fixtures/news/server.mjs';
import { startFakeWikimedia } from '../fixtures/wikimedia/server.mjs';
import { launchChromium, saveSettings, tabIdOf } from './chromium-launch';
import { E2E_ROUTES, localSettings, screenshotPath } from './expectations';
import { CARD_HOST, chromiumCard, MARK } from './page-elements';

const SIZE = { width: 1280, height: 800 };

/** Saves the page's view as a store screenshot (in the repository when asked); checks its size. */
async function shoot(page: Page, name: string) {
  const png = await page.screenshot({ path: screenshotPath(name, 'store/screenshots') });
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([SIZE.width, SIZE.height]);
}

describe('Chromium: the store screenshots', () => {
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  let wikimedia: Awaited<ReturnType<typeof startFakeWikimedia>>;
  let news: Awaited<ReturnType<typeof startFakeNews>>;
  let context: BrowserContext;
  let worker: Worker;
  let extensionId: string;
  let profile: string;
  let article: string;

  beforeAll(async () => {
    server = await startDemoServer({ routes: E2E_ROUTES });
    wikimedia = await startFakeWikimedia();
    news = await startFakeNews();
    profile = await mkdtemp(join(tmpdir(), 'backstory-store-'));
    // The article under its publisher's own address, as a reader would see it.
    ({ context, worker, extensionId } = await launchChromium(profile, ['--host-resolver-rules=MAP www.dawn.com 127.0.0.1'], SIZE, null));
    await saveSettings(worker, localSettings(wikimedia.origin, news.origin));
    article = `http://www.dawn.com:${new URL(server.origin).port}${DEMO_ARTICLE_PATH}`;
  });
  afterAll(async () => {
    await context?.close();
    await Promise.all([server?.close(), wikimedia?.close(), news?.close()]);
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  test('the onboarding page: what Backstory does and the reader’s choice', async () => {
    const welcome = await onboardingPage(context, extensionId);
    await welcome.setViewportSize(SIZE);
    // The whole choice is on the first screen: the listing shows how Backstory asks before it reads anything.
    expect(await welcome.locator('.actions').evaluate((e) => e.getBoundingClientRect().bottom <= innerHeight)).toBe(true);
    await shoot(welcome, '3-first-run.png');
  });

  test('a card on a name in the article: who they are, as of the article’s date', async () => {
    await (await chooseAccess(context, worker, extensionId, 'everywhere')).close();
    const page = await context.newPage();
    await page.setViewportSize(SIZE);
    await page.goto(article);
    await page.waitForSelector(MARK, { timeout: 15_000 });
    await page.locator(MARK, { hasText: 'Sartaj Aziz' }).first().hover();
    const card = chromiumCard(page);
    await expect.poll(() => card.attribute('.card img.thumbnail', 'src'), { timeout: 10_000 }).toMatch(/^data:/);
    const complete = await page.evaluate((host) => {
      const el = document.querySelector(host)?.shadowRoot?.querySelector('.card') as HTMLElement;
      const box = el.getBoundingClientRect();
      return el.scrollHeight <= el.clientHeight + 1 && box.top >= 0 && box.bottom <= innerHeight;
    }, CARD_HOST);
    expect(complete).toBe(true);
    await shoot(page, '1-card.png');
    await page.close();
  });

  test('the popup over its article: the article’s age and publisher, who is in it, who said what', async () => {
    const page = await context.newPage();
    await page.setViewportSize(SIZE);
    await page.goto(article);
    await page.waitForSelector(MARK, { timeout: 15_000 });
    const popup = await context.newPage();
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${await tabIdOf(worker, article)}`);
    await popup.locator('.publisher').waitFor({ timeout: 10_000 });
    const picture = (await popup.screenshot()).toString('base64');
    await popup.close();
    // The popup is drawn where the browser opens it, under the toolbar's right end, over the article.
    await page.bringToFront();
    await page.evaluate((src) => {
      const img = Object.assign(document.createElement('img'), { src: `data:image/png;base64,${src}`, alt: '' });
      img.style.cssText =
        'position:fixed;top:8px;right:16px;width:400px;height:600px;z-index:2147483647;border:1px solid #c8c8d0;border-radius:8px;box-shadow:0 8px 28px rgba(0,0,0,.28)';
      document.body.append(img);
      return img.decode();
    }, picture);
    await shoot(page, '2-popup.png');
    await page.close();
  });
});
