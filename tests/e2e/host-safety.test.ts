// Host-page safety in Chromium: Backstory is a guest. Hostile markup and styles, a strict CSP, a page that rebuilds its
// article, a single-page app that navigates with pushState, editable regions, form fields, iframes, the page's own
// shadow DOM, and markup in names, quotes, titles and API answers: nothing breaks, nothing runs, nothing is touched.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startDemoServer } from '../../scripts/demo-server.mjs';
import { startFakeNews } from '../fixtures/news/server.mjs';
import { type FakeWikimedia, startFakeWikimedia } from '../fixtures/wikimedia/server.mjs';
import { launchChromium, saveSettings, tabIdOf as tabIdInBackground } from './chromium-launch';
import { E2E_ROUTES, HOSTILE_PATH, localSettings, REWRITE_PATH, SPA_NAV_NEXT_PATH, SPA_NAV_PATH, STRICT_CSP_PATH } from './expectations';
import { chromiumCard } from './page-elements';

const xssRan = (page: Page) => page.evaluate(() => (window as unknown as { __xss?: number }).__xss);
const marks = (page: Page) => page.$$eval('[data-entity-id]', (m) => m.map((x) => x.textContent ?? ''));

describe('Chromium: host-page safety', () => {
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  let wikimedia: FakeWikimedia;
  let news: Awaited<ReturnType<typeof startFakeNews>>;
  let context: BrowserContext;
  let worker: Worker;
  let extensionId: string;
  let profile: string;
  /** Errors in page consoles and uncaught exceptions, from any page of the run. */
  const errors: string[] = [];

  beforeAll(async () => {
    server = await startDemoServer({ routes: E2E_ROUTES });
    wikimedia = await startFakeWikimedia();
    news = await startFakeNews();
    profile = await mkdtemp(join(tmpdir(), 'backstory-host-'));
    ({ context, worker, extensionId } = await launchChromium(profile));
    await saveSettings(worker, localSettings(wikimedia.origin, news.origin));
    context.on('page', (page) => {
      page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
      page.on('console', (message) => {
        // The page's own CSP reports and failed loads (its favicon) are the page's; any other error logged counts.
        if (message.type() === 'error' && !/Content Security Policy|Failed to load resource/.test(message.text()))
          errors.push(`${page.url()}: ${message.text()}`);
      });
    });
  });

  afterAll(async () => {
    await context?.close();
    await server?.close();
    await wikimedia?.close();
    await news?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  const tabIdOf = (url: string) => tabIdInBackground(worker, url);

  test('hostile markup, styles, forms, editable regions, iframes and shadow DOM: names highlighted in the text only, markup never run', async () => {
    const page = await context.newPage();
    const url = `${server.origin}${HOSTILE_PATH}`;
    await page.goto(url);
    await page.waitForSelector('[data-entity-id]', { timeout: 15_000 });
    const marked = await marks(page);
    expect(marked).toContain('Marcus Vell');
    expect(marked).toContain('Jeff Rathke');

    // Form fields and editable regions are never touched; nor are frames or the page's own shadow roots.
    expect(await page.inputValue('textarea[name="comment"]')).toBe('Jeff Rathke and Marcus Vell were both there.');
    expect(await page.inputValue('input[name="subject"]')).toBe('Marcus Vell on Jeff Rathke');
    expect(await page.$$eval('#editor [data-entity-id]', (m) => m.length)).toBe(0);
    expect(await page.$eval('#widget', (w) => w.shadowRoot?.innerHTML)).toBe('<p>Jeff Rathke inside a shadow root.</p>');
    const frame = page.frameLocator('#frame');
    expect(await frame.locator('[data-entity-id]').count()).toBe(0);

    // The page styles every span, mark and custom element in lime, red and 40px: the highlights keep their own look.
    const look = await page.$eval('[data-entity-id]', (m) => {
      const s = getComputedStyle(m);
      return { background: s.backgroundColor, fontSize: s.fontSize, parentFontSize: getComputedStyle(m.parentElement as Element).fontSize };
    });
    expect(look.background).toBe('rgba(255, 205, 40, 0.38)');
    expect(look.fontSize).toBe(look.parentFontSize);

    // Names, quotes and API answers with markup are shown as text in the card.
    await page.locator('[data-entity-id]', { hasText: 'Marcus Vell' }).first().hover();
    const card = chromiumCard(page);
    await expect.poll(() => card.text('.card .background .description'), { timeout: 10_000 }).toContain('<img src=x');
    expect(await card.text('.card .quotes')).toContain('is not an answer');
    expect(await card.count('.card img, .card script, .card b')).toBe(0);
    const cardLook = { background: await card.style('.card', 'background-color'), width: await card.style('.card', 'width') };
    expect(cardLook).toEqual({ background: 'rgb(255, 255, 255)', width: '320px' });
    await page.mouse.move(5, 5);
    await page.waitForTimeout(300);
    expect(await xssRan(page)).toBeUndefined();

    // The popup and the options page show the title and byline with markup as text.
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${await tabIdOf(url)}`);
    await popup.waitForSelector('.title');
    // The visible headline wins over the JSON-LD one that carries markup; markup in titles is covered in Popup.test.tsx.
    expect(await popup.locator('.title').textContent()).toBe('Reporter questions officials');
    await popup.locator('.central-list .entity-toggle', { hasText: 'Marcus Vell' }).click();
    await expect
      .poll(
        () =>
          popup
            .locator('.background .summary')
            .textContent()
            .catch(() => null),
        { timeout: 10_000 },
      )
      .toContain('is a reporter');
    expect(await popup.locator('main img, main script, main b').count()).toBe(0);
    expect(await xssRan(popup)).toBeUndefined();
    await popup.close();
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.locator('.history-count').waitFor();
    expect(await xssRan(options)).toBeUndefined();
    await options.close();
    await page.close();
  });

  test('a strict Content-Security-Policy page still gets highlights and a working card', async () => {
    const page = await context.newPage();
    await page.goto(`${server.origin}${STRICT_CSP_PATH}`);
    await page.waitForSelector('[data-entity-id]', { timeout: 15_000 });
    await page.locator('[data-entity-id]', { hasText: 'Jeff Rathke' }).first().hover();
    const card = chromiumCard(page);
    await expect.poll(() => card.text('.card .name'), { timeout: 5000 }).toBe('Jeff Rathke');
    expect(await card.style('.card', 'width')).toBe('320px');
    expect(await page.$eval('[data-entity-id]', (m) => getComputedStyle(m).backgroundColor)).toBe('rgba(255, 205, 40, 0.38)');
    await page.close();
  });

  test('a page that rebuilds its article after load is highlighted again', async () => {
    const page = await context.newPage();
    await page.goto(`${server.origin}${REWRITE_PATH}`);
    await page.waitForSelector('[data-entity-id]', { timeout: 15_000 });
    expect(await marks(page)).not.toContain('Sartaj Aziz');
    await expect.poll(() => marks(page), { timeout: 10_000 }).toContain('Sartaj Aziz');
    expect(await marks(page)).toContain('Raheel Sharif');
    // No mark is left over from the first pass: every one is in the document and inside the article.
    expect(await page.$$eval('[data-entity-id]', (m) => m.every((x) => x.isConnected && x.closest('#story')))).toBe(true);
    await page.close();
  });

  test('a single-page app that navigates with pushState: old highlights removed, the new page analysed', async () => {
    const page = await context.newPage();
    await page.goto(`${server.origin}${SPA_NAV_PATH}`);
    await page.waitForSelector('[data-entity-id]', { timeout: 15_000 });
    expect(await marks(page)).toContain('Sartaj Aziz');
    await page.click('#next');
    await expect.poll(() => marks(page), { timeout: 10_000 }).toContain('Karachi');
    expect(await marks(page)).not.toContain('Sartaj Aziz');
    expect(
      await page.evaluate(() => [...document.documentElement.children].filter((e) => e.localName.startsWith('backstory-card')).length),
    ).toBeLessThanOrEqual(1);
    const next = `${server.origin}${SPA_NAV_NEXT_PATH}`;
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${await tabIdOf(next)}`);
    await expect
      .poll(
        () =>
          popup
            .locator('.title')
            .textContent()
            .catch(() => null),
        { timeout: 10_000 },
      )
      .toBe('Karachi port traffic rises');
    await popup.close();
    await page.close();
  });

  test('no errors from the extension in any page console', () => {
    expect(errors).toEqual([]);
  });
});
