import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_ARTICLE_PATH, startDemoServer } from '../../scripts/demo-server.mjs';
import { type FakeWikimedia, startFakeWikimedia } from '../fixtures/wikimedia/server.mjs';
import { BOILERPLATE, E2E_ROUTES, LATE_ARTICLE_PATH, SCREENSHOTS, SEED_ENTITIES, SEED_HIGHLIGHTS, SEED_RELATED_LINKS } from './expectations';

const EXTENSION = fileURLToPath(new URL('../../.output/chrome-mv3', import.meta.url));

describe('Chromium: the built extension on the demo pages', () => {
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  let wikimedia: FakeWikimedia;
  let context: BrowserContext;
  let worker: Worker;
  let extensionId: string;
  let profile: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startDemoServer({ routes: E2E_ROUTES });
    profile = await mkdtemp(join(tmpdir(), 'backstory-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      viewport: { width: 1200, height: 900 },
      args: [
        `--disable-extensions-except=${EXTENSION}`,
        `--load-extension=${EXTENSION}`,
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    extensionId = new URL(worker.url()).host;
    // Background notes come from a local server answering in Wikidata's and Wikipedia's shapes.
    wikimedia = await startFakeWikimedia();
    await worker.evaluate(async (origin) => {
      const { chrome } = globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } };
      await chrome.storage.local.set({ settings: { wikidataBase: origin, wikipediaBase: origin } });
    }, wikimedia.origin);
  });

  afterAll(async () => {
    await context?.close();
    await server?.close();
    await wikimedia?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  type TabsApi = { tabs: { query(query: object): Promise<{ id?: number; url?: string }[]> } };
  const tabIdOf = (url: string) =>
    worker.evaluate(async (target) => {
      const { chrome } = globalThis as unknown as { chrome: TabsApi };
      return (await chrome.tabs.query({})).find((t) => t.url === target)?.id;
    }, url);

  test('highlights the names, opens a card on hover and on focus, and the popup shows the context', async () => {
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const url = `${server.origin}${DEMO_ARTICLE_PATH}`;
    await page.goto(url);
    await page.waitForSelector('backstory-mark', { timeout: 15_000 });

    const marked = await page.$$eval('backstory-mark', (marks) => marks.map((m) => m.textContent ?? ''));
    for (const name of SEED_HIGHLIGHTS) expect(marked).toContain(name);
    const outside = await page.$$eval('header backstory-mark, aside backstory-mark, footer backstory-mark', (m) => m.length);
    expect(outside).toBe(0);
    for (const text of BOILERPLATE) expect(marked.join(' ')).not.toContain(text);

    await page.locator('backstory-mark', { hasText: 'Jeff Rathke' }).first().hover();
    const card = page.locator('backstory-card .card');
    await expect.poll(() => card.count(), { timeout: 5000 }).toBe(1);
    expect(await card.locator('.name').textContent()).toBe('Jeff Rathke');
    expect(await card.locator('.type').textContent()).toContain('Person');
    expect(await card.locator('.mentions').textContent()).toMatch(/Mentioned [3-9] times/);
    expect(await card.locator('.quotes li').count()).toBe(6);
    expect(await card.locator('.background').count()).toBe(1);
    await page.screenshot({ path: fileURLToPath(new URL('card.png', SCREENSHOTS)) });

    await page.keyboard.press('Escape');
    await expect.poll(() => card.count()).toBe(0);
    await page.locator('backstory-mark', { hasText: 'Sartaj Aziz' }).first().focus();
    await expect
      .poll(() =>
        card
          .locator('.name')
          .textContent()
          .catch(() => null),
      )
      .toBe('Sartaj Aziz');

    const tabId = await tabIdOf(url);
    expect(tabId).toBeTypeOf('number');
    const popup = await context.newPage();
    await popup.setViewportSize({ width: 400, height: 900 });
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
    await popup.waitForSelector('.title');
    expect(await popup.locator('.title').textContent()).toBe('Haqqani network as much a threat as any other terrorist group: US');
    const meta = (await popup.locator('.meta').textContent()) ?? '';
    expect(meta).toContain('Dawn');
    expect(meta).toContain('2014');
    expect(meta).toMatch(/\d+ years old/);
    // The outlet behind the page, from the (local stand-in for) Wikidata, confirmed by its website.
    await expect
      .poll(
        () =>
          popup
            .locator('.publisher')
            .textContent()
            .catch(() => null),
        { timeout: 10_000 },
      )
      .toContain('Pakistani English-language newspaper');
    for (const [type, names] of Object.entries(SEED_ENTITIES)) {
      const listed = await popup.locator(`.entity-group[data-type="${type}"] .entity-name`).allTextContents();
      for (const name of names) expect(listed).toContain(name);
    }
    const rathke = popup.locator('.speaker-group[data-speaker="Jeff Rathke"] .quote');
    expect(await rathke.count()).toBe(6);
    expect(await popup.locator('.speaker-group[data-speaker="Sartaj Aziz"] .quote').count()).toBe(1);
    const links = popup.locator('.related-link');
    expect(await links.count()).toBe(2);
    for (const [i, link] of SEED_RELATED_LINKS.entries()) {
      expect(await links.nth(i).locator('.label').textContent()).toBe(link.label);
      expect(await links.nth(i).locator('a').textContent()).toBe(link.text);
      expect(await links.nth(i).locator('a').getAttribute('href')).toMatch(new RegExp(`^${server.origin}/news/\\d+/`));
    }
    await popup.screenshot({ path: fileURLToPath(new URL('popup.png', SCREENSHOTS)), fullPage: true });
    await popup.close();

    expect(pageErrors).toEqual([]);
    await page.close();
  });

  test('the home page gets no highlights and the popup says it is not an article', async () => {
    const page = await context.newPage();
    const url = `${server.origin}/`;
    await page.goto(url);
    const tabId = await tabIdOf(url);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
    await expect.poll(() => popup.locator('[data-status]').getAttribute('data-status'), { timeout: 10_000 }).toBe('not-article');
    expect(await popup.locator('.status').textContent()).toBe('Not a news article.');
    expect(await page.locator('backstory-mark').count()).toBe(0);
    expect(await page.locator('backstory-card').count()).toBe(0);
    await popup.close();
    await page.close();
  });

  test('a single-page app whose article arrives after load is analysed once it does', async () => {
    const page = await context.newPage();
    await page.goto(`${server.origin}${LATE_ARTICLE_PATH}`);
    expect(await page.locator('backstory-mark').count()).toBe(0);
    await page.waitForSelector('backstory-mark', { timeout: 15_000 });
    const marked = await page.$$eval('backstory-mark', (marks) => marks.map((m) => m.textContent ?? ''));
    expect(marked).toContain('Jeff Rathke');
    expect(marked).toContain('North Waziristan');
    await page.close();
  });

  test('background notes: fetched on hover only, from the configured host, as of the article’s date; errors offer a retry', async () => {
    wikimedia.requests.length = 0;
    const page = await context.newPage();
    await page.goto(`${server.origin}${DEMO_ARTICLE_PATH}`);
    await page.waitForSelector('backstory-mark');
    await page.waitForTimeout(300);
    expect(wikimedia.requests).toHaveLength(0); // loading the article sends nothing

    await page.locator('backstory-mark', { hasText: 'Raheel Sharif' }).first().hover();
    const card = page.locator('backstory-card .card');
    const atDate = card.locator('.background .office.at-date');
    await expect.poll(() => atDate.count(), { timeout: 10_000 }).toBe(1);
    expect(await atDate.textContent()).toContain('Chief of Army Staff, Nov 2013 – Nov 2016');
    expect(await card.locator('.background .attribution').textContent()).toContain('CC BY-SA');
    expect(wikimedia.requests.length).toBeGreaterThan(0);
    const sent = JSON.stringify(wikimedia.requests.map((r) => r.params));
    expect(sent).not.toContain('reminded');
    expect(sent).not.toContain(server.origin);
    await page.screenshot({ path: fileURLToPath(new URL('card-background.png', SCREENSHOTS)) });
    await page.keyboard.press('Escape');

    await page.locator('backstory-mark', { hasText: 'Pakistani Taliban' }).first().hover();
    await expect
      .poll(
        () =>
          card
            .locator('.background')
            .getAttribute('data-state')
            .catch(() => null),
        { timeout: 10_000 },
      )
      .toBe('no-match');
    await page.keyboard.press('Escape');

    wikimedia.setMode('error');
    await page.locator('backstory-mark', { hasText: 'US State Department' }).first().hover();
    await expect
      .poll(
        () =>
          card
            .locator('.background')
            .getAttribute('data-state')
            .catch(() => null),
        { timeout: 15_000 },
      )
      .toBe('error');
    wikimedia.setMode('ok');
    await card.locator('.retry').click();
    await expect
      .poll(
        () =>
          card
            .locator('.background .description')
            .textContent()
            .catch(() => null),
        { timeout: 10_000 },
      )
      .toBe('United States federal executive department');

    // The popup's entity list opens to the same notes.
    const articleTab = await tabIdOf(`${server.origin}${DEMO_ARTICLE_PATH}`);
    const listPopup = await context.newPage();
    await listPopup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${articleTab}`);
    await listPopup.locator('li .entity-toggle', { hasText: 'Raheel Sharif' }).click();
    await expect
      .poll(
        () =>
          listPopup
            .locator('.background .office.at-date')
            .textContent()
            .catch(() => null),
        { timeout: 10_000 },
      )
      .toContain('Chief of Army Staff');
    await listPopup.close();
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  // Last in this file: it reloads the extension.
  test('reloading the extension takes every highlight and the card away, leaving the text as it was', async () => {
    const page = await context.newPage();
    await page.goto(`${server.origin}${DEMO_ARTICLE_PATH}`);
    await page.waitForSelector('backstory-mark');
    const textBefore = await page.locator('.story__content').innerText();
    const htmlWithMarks = await page.locator('.story__content').innerHTML();
    expect(htmlWithMarks).toContain('backstory-mark');
    await worker.evaluate(() => {
      (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload();
    });
    await expect.poll(() => page.locator('backstory-mark').count(), { timeout: 10_000 }).toBe(0);
    expect(await page.locator('backstory-card').count()).toBe(0);
    expect(await page.locator('.story__content').innerText()).toBe(textBefore);
    await page.close();
  });
});
