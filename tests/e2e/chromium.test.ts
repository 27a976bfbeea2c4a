import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_ARTICLE_PATH, startDemoServer } from '../../scripts/demo-server.mjs';
import { type FakeNews, startFakeNews } from '../fixtures/news/server.mjs';
import { type FakeWikimedia, startFakeWikimedia } from '../fixtures/wikimedia/server.mjs';
import { launchChromium, saveSettings, tabIdOf as tabIdInBackground } from './chromium-launch';
import { EARLIER_ARTICLES, UNRELATED_ARTICLE } from './earlier-articles';
import {
  BLOCKQUOTE_SPEAKERS,
  BLOCKQUOTES_PATH,
  BOILERPLATE,
  E2E_ROUTES,
  FRENCH_HIGHLIGHTS,
  FRENCH_PATH,
  FRENCH_SPEAKERS,
  GERMAN_HIGHLIGHTS,
  GERMAN_PATH,
  GERMAN_SPEAKERS,
  LATE_ARTICLE_PATH,
  localSettings,
  SEED_ENTITIES,
  SEED_HIGHLIGHTS,
  SEED_RELATED_LINKS,
  screenshotPath,
} from './expectations';
import { chromiumCard } from './page-elements';

describe('Chromium: the built extension on the demo pages', () => {
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  let wikimedia: FakeWikimedia;
  let news: FakeNews;
  let context: BrowserContext;
  let worker: Worker;
  let extensionId: string;
  let profile: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startDemoServer({ routes: E2E_ROUTES });
    profile = await mkdtemp(join(tmpdir(), 'backstory-chromium-'));
    await launch();
    // Background notes and news search come from local servers answering in Wikimedia's and the news services' shapes.
    wikimedia = await startFakeWikimedia();
    news = await startFakeNews({ currentUrl: `${server.origin}${DEMO_ARTICLE_PATH}` });
    await saveSettings(worker, localSettings(wikimedia.origin, news.origin));
  });

  /** Starts Chromium with the extension on the test profile (again, for the restart test). */
  async function launch() {
    ({ context, worker, extensionId } = await launchChromium(profile, [
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // The demo article also served as www.dawn.com, whose address vouches for the publisher name the popup sends.
      '--host-resolver-rules=MAP www.dawn.com 127.0.0.1',
    ]));
  }

  afterAll(async () => {
    await context?.close();
    await server?.close();
    await wikimedia?.close();
    await news?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  type StorageApi = { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };
  /** The history settings as saved, read from the background, to know a save landed before the next step. */
  const savedHistorySettings = () =>
    worker.evaluate(async () => {
      const { chrome } = globalThis as unknown as { chrome: StorageApi };
      return ((await chrome.storage.local.get('settings')).settings as { history?: unknown } | undefined)?.history ?? null;
    });

  const tabIdOf = (url: string) => tabIdInBackground(worker, url);

  test('highlights the names, opens a card on hover and on focus, and the popup shows the context', async () => {
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const origin = `http://www.dawn.com:${new URL(server.origin).port}`;
    const url = `${origin}${DEMO_ARTICLE_PATH}`;
    await page.goto(url);
    await page.waitForSelector('[data-entity-id]', { timeout: 15_000 });

    const marked = await page.$$eval('[data-entity-id]', (marks) => marks.map((m) => m.textContent ?? ''));
    for (const name of SEED_HIGHLIGHTS) expect(marked).toContain(name);
    const outside = await page.$$eval('header [data-entity-id], aside [data-entity-id], footer [data-entity-id]', (m) => m.length);
    expect(outside).toBe(0);
    for (const text of BOILERPLATE) expect(marked.join(' ')).not.toContain(text);

    await page.locator('[data-entity-id]', { hasText: 'Jeff Rathke' }).first().hover();
    const card = chromiumCard(page);
    await expect.poll(() => card.count('.card'), { timeout: 5000 }).toBe(1);
    expect(await card.text('.name')).toBe('Jeff Rathke');
    expect(await card.text('.type')).toContain('Person');
    expect(await card.text('.mentions')).toMatch(/Mentioned [3-9] times/);
    expect(await card.count('.quotes li')).toBe(6);
    expect(await card.count('.background')).toBe(1);

    await page.keyboard.press('Escape');
    await expect.poll(() => card.count('.card')).toBe(0);
    // Keyboard focus (the reader's Tab) opens a card; a script's focus() would not. A click on the text just before the
    // name sets where Tab starts from, so only that name is focused (and looked up).
    const box = await page.locator('[data-entity-id]', { hasText: 'Sartaj Aziz' }).first().boundingBox();
    await page.mouse.click((box?.x ?? 0) - 6, (box?.y ?? 0) + (box?.height ?? 0) / 2);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Sartaj Aziz');
    await expect.poll(() => card.text('.name')).toBe('Sartaj Aziz');

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
    // The outlet behind the page, from the (local stand-in for) Wikidata, confirmed by its website; the name searched is
    // the one the page gives, as far as the tab's address (www.dawn.com) spells it.
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
      expect(await links.nth(i).locator('a').getAttribute('href')).toMatch(new RegExp(`^${origin}/news/\\d+/`));
    }
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
    expect(await page.locator('[data-entity-id]').count()).toBe(0);
    expect(await page.evaluate(() => [...document.documentElement.children].some((e) => e.localName.startsWith('backstory-card')))).toBe(false);
    await popup.close();
    await page.close();
  });

  test('an open popup is told when its tab changes: the tab goes from the home page to an article, the popup follows', async () => {
    const page = await context.newPage();
    const home = `${server.origin}/`;
    await page.goto(home);
    const tabId = await tabIdOf(home);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
    await expect.poll(() => popup.locator('[data-status]').getAttribute('data-status'), { timeout: 10_000 }).toBe('not-article');
    // Nothing is pending on a page that is no article, so only being told (never asking on a timer) brings the article.
    await page.goto(`${server.origin}${DEMO_ARTICLE_PATH}`);
    await expect
      .poll(() => popup.locator('.title').textContent(), { timeout: 15_000 })
      .toBe('Haqqani network as much a threat as any other terrorist group: US');
    await popup.close();
    await page.close();
  });

  test('quotes set in <blockquote>s reach the popup under their speakers, marks or no marks', async () => {
    const page = await context.newPage();
    const url = `${server.origin}${BLOCKQUOTES_PATH}`;
    await page.goto(url);
    await page.waitForSelector('[data-entity-id]', { timeout: 15_000 });
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${await tabIdOf(url)}`);
    await popup.locator('.fold.all-quotes > summary').click();
    await popup.waitForSelector('.speaker-group', { timeout: 15_000 });
    for (const { speaker, quote } of BLOCKQUOTE_SPEAKERS) {
      expect(await popup.locator(`.speaker-group[data-speaker="${speaker}"] .quote`).allTextContents()).toEqual([quote]);
    }
    expect(await popup.locator('.speaker-group').count()).toBe(BLOCKQUOTE_SPEAKERS.length);
    await popup.close();
    await page.close();
  });

  test.each([
    ['German', GERMAN_PATH, GERMAN_HIGHLIGHTS, GERMAN_SPEAKERS],
    ['French', FRENCH_PATH, FRENCH_HIGHLIGHTS, FRENCH_SPEAKERS],
  ])('a %s article: its names highlighted and its quotes under their speakers, from its own model', async (_, path, highlights, speakers) => {
    const page = await context.newPage();
    const url = `${server.origin}${path}`;
    await page.goto(url);
    await page.waitForSelector('[data-entity-id]', { timeout: 15_000 });
    const marked = await page.$$eval('[data-entity-id]', (marks) => marks.map((m) => m.textContent ?? ''));
    for (const name of highlights) expect(marked).toContain(name);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${await tabIdOf(url)}`);
    await popup.locator('.fold.all-quotes > summary').click();
    await popup.waitForSelector('.speaker-group', { timeout: 15_000 });
    for (const { speaker, quote } of speakers) {
      expect(await popup.locator(`.speaker-group[data-speaker="${speaker}"] .quote`).allTextContents()).toEqual([quote]);
    }
    expect(await popup.locator('.notice:not(.limited)').count()).toBe(0);
    await popup.close();
    await page.close();
  });

  test('a single-page app whose article arrives after load is analysed once it does', async () => {
    const page = await context.newPage();
    await page.goto(`${server.origin}${LATE_ARTICLE_PATH}`);
    expect(await page.locator('[data-entity-id]').count()).toBe(0);
    await page.waitForSelector('[data-entity-id]', { timeout: 15_000 });
    const marked = await page.$$eval('[data-entity-id]', (marks) => marks.map((m) => m.textContent ?? ''));
    expect(marked).toContain('Jeff Rathke');
    expect(marked).toContain('North Waziristan');
    await page.close();
  });

  test('background notes: fetched on hover only, from the configured host, as of the article’s date; errors offer a retry', async () => {
    wikimedia.requests.length = 0;
    const page = await context.newPage();
    await page.goto(`${server.origin}${DEMO_ARTICLE_PATH}`);
    await page.waitForSelector('[data-entity-id]');
    await page.waitForTimeout(300);
    expect(wikimedia.requests).toHaveLength(0); // loading the article sends nothing

    await page.locator('[data-entity-id]', { hasText: 'Raheel Sharif' }).first().hover();
    const card = chromiumCard(page);
    await expect.poll(() => card.count('.card .background .office.at-date'), { timeout: 10_000 }).toBe(1);
    expect(await card.text('.card .background .office.at-date')).toContain('Chief of Army Staff, Nov 2013 – Nov 2016');
    expect(await card.text('.card .background .attribution')).toContain('CC BY-SA');
    expect(wikimedia.requests.length).toBeGreaterThan(0);
    const sent = JSON.stringify(wikimedia.requests.map((r) => r.params));
    expect(sent).not.toContain('reminded');
    expect(sent).not.toContain(server.origin);
    await page.screenshot({ path: screenshotPath('card-background.png') });
    await page.keyboard.press('Escape');

    await page.locator('[data-entity-id]', { hasText: 'Pakistani Taliban' }).first().hover();
    await expect.poll(() => card.attribute('.card .background', 'data-state'), { timeout: 10_000 }).toBe('no-match');
    await page.keyboard.press('Escape');

    wikimedia.setMode('error');
    await page.locator('[data-entity-id]', { hasText: 'US State Department' }).first().hover();
    await expect.poll(() => card.attribute('.card .background', 'data-state'), { timeout: 15_000 }).toBe('error');
    wikimedia.setMode('ok');
    await card.click('.card .retry');
    await expect.poll(() => card.text('.card .background .description'), { timeout: 10_000 }).toBe('United States federal executive department');

    // The popup's entity list opens to the same notes.
    const articleTab = await tabIdOf(`${server.origin}${DEMO_ARTICLE_PATH}`);
    const listPopup = await context.newPage();
    await listPopup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${articleTab}`);
    await listPopup.locator('.central-list .entity-toggle', { hasText: 'Raheel Sharif' }).click();
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

  test('earlier coverage: articles read before, news search on the click only, timeline; options manage the history, which survives a restart', async () => {
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    for (const article of [...EARLIER_ARTICLES, UNRELATED_ARTICLE]) {
      await page.goto(`${server.origin}${article.path}`);
      await page.waitForSelector('[data-entity-id]', { timeout: 15_000 });
    }
    const url = `${server.origin}${DEMO_ARTICLE_PATH}`;
    await page.goto(url);
    await page.waitForSelector('[data-entity-id]');
    news.requests.length = 0;

    const popup = await context.newPage();
    await popup.setViewportSize({ width: 400, height: 900 });
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${await tabIdOf(url)}`);
    const matches = popup.locator('.history-match');
    // The three earlier stories (and the same-day single-page-app copy of this article, read in an earlier test).
    await expect.poll(() => matches.count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    const listed = await matches.evaluateAll((items) =>
      items.map((li) => ({
        title: li.querySelector('a')?.textContent,
        shared: li.querySelector('.shared')?.textContent,
        readOn: li.querySelector('.read-on')?.textContent,
      })),
    );
    const expected = { 'US presses': 'Jeff Rathke', 'Army chief': 'Raheel Sharif', 'Sartaj Aziz interview': 'Sartaj Aziz' };
    for (const [start, name] of Object.entries(expected)) {
      const match = listed.find((m) => m.title?.startsWith(start));
      expect(match?.shared).toContain(name);
      expect(match?.readOn).toMatch(/^You read this on /);
    }
    expect(listed.map((m) => m.title)).not.toContain(UNRELATED_ARTICLE.title);
    const readBefore = listed.length;
    expect(news.requests).toHaveLength(0); // opening the popup sends nothing to news services

    await popup.locator('.fold.earlier > summary').click();
    await popup.locator('.search-news').click();
    await expect.poll(() => popup.locator('.news-result').count(), { timeout: 10_000 }).toBe(3);
    expect(news.requests).toHaveLength(1);
    expect(news.requests[0]?.path).toBe('/rss/search');
    expect(news.requests[0]?.params.q).toMatch(/^"Jeff Rathke" "Haqqani network" before:2014-11-19 after:2014-10-20$/);
    expect(await popup.locator('.news-result a').allTextContents()).toContain(
      'State Department briefing: Rathke on Pakistan <img src=x onerror="window.__xss=1">',
    );
    expect(await popup.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

    await popup.getByRole('button', { name: 'Timeline' }).click();
    const entries = popup.locator('.timeline-entry');
    expect(await entries.count()).toBe(readBefore + 3 + 1); // read before, 3 found, and this article
    expect(await popup.locator('.timeline-entry[data-current="true"]').count()).toBe(1);
    expect(await entries.last().getAttribute('data-current')).toBe('true');
    await popup.close();

    // The options page: pause, exclude, export, clear and import.
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    const countText = () => options.locator('.history-count').textContent();
    await expect.poll(countText).toMatch(/^\d+ articles in your history\.$/);
    const count = Number((await countText())?.split(' ')[0]);
    expect(count).toBeGreaterThanOrEqual(5);
    await options.locator('[name="recordHistory"]').uncheck();
    await options.getByRole('button', { name: 'Save' }).click();
    await expect.poll(savedHistorySettings).toEqual({ paused: true, excludedSites: [] });
    await page.goto(`${server.origin}${UNRELATED_ARTICLE.path}?edition=paused`);
    await page.waitForSelector('[data-entity-id]');
    await options.locator('[name="recordHistory"]').check();
    await options.locator('[name="excludedSites"]').fill('127.0.0.1');
    await options.getByRole('button', { name: 'Save' }).click();
    await expect.poll(savedHistorySettings).toEqual({ paused: false, excludedSites: ['127.0.0.1'] });
    await page.goto(`${server.origin}${UNRELATED_ARTICLE.path}?edition=excluded`);
    await page.waitForSelector('[data-entity-id]');
    await options.reload();
    await expect.poll(countText).toBe(`${count} articles in your history.`);

    const [download] = await Promise.all([options.waitForEvent('download'), options.locator('.export-history').click()]);
    const exported = JSON.parse(await readFile((await download.path()) as string, 'utf8'));
    expect(exported.format).toBe('backstory-history');
    expect(exported.records).toHaveLength(count);
    await options.locator('.clear-history').click();
    await options.locator('.confirm-clear').click();
    await expect.poll(countText).toBe('0 articles in your history.');
    await options.locator('input[type="file"]').setInputFiles((await download.path()) as string);
    await expect.poll(() => options.locator('.history-message').textContent()).toBe(`Imported ${count} articles.`);
    await expect.poll(countText).toBe(`${count} articles in your history.`);
    await options.locator('[name="excludedSites"]').fill('');
    await options.getByRole('button', { name: 'Save' }).click();
    await expect.poll(savedHistorySettings).toEqual({ paused: false, excludedSites: [] });
    await page.close();
    await options.close();

    // A browser restart keeps the history.
    await context.close();
    await launch();
    const reopened = await context.newPage();
    await reopened.goto(`chrome-extension://${extensionId}/options.html`);
    await expect.poll(() => reopened.locator('.history-count').textContent(), { timeout: 10_000 }).toBe(`${count} articles in your history.`);
    await reopened.close();
    expect(pageErrors).toEqual([]);
  });

  test('a Wikimedia server that never answers: the card shows loading, then an error with retry, and breaks nothing', async () => {
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${server.origin}${DEMO_ARTICLE_PATH}`);
    await page.waitForSelector('[data-entity-id]');
    wikimedia.setMode('hang');
    // A name no earlier test looked up (places are looked up with every name, so they are cached by now).
    await page.locator('[data-entity-id]', { hasText: 'Foreign Office' }).first().hover();
    const card = chromiumCard(page);
    const state = () => card.attribute('.card .background', 'data-state');
    await expect.poll(state, { timeout: 5000 }).toBe('loading');
    // The background gives up after 10 s: never a spinner forever.
    await expect.poll(state, { timeout: 20_000 }).toBe('error');
    expect(await card.count('.card .retry')).toBe(1);
    wikimedia.setMode('ok');
    await card.click('.card .retry');
    await expect.poll(state, { timeout: 15_000 }).not.toMatch(/loading|error/);
    expect(await page.locator('[data-entity-id]').count()).toBeGreaterThan(10);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  test('the service worker stopped mid-request: the card says so with a retry, and the retry recovers', async () => {
    const page = await context.newPage();
    await page.goto(`${server.origin}${DEMO_ARTICLE_PATH}`);
    await page.waitForSelector('[data-entity-id]');
    wikimedia.setMode('hang');
    wikimedia.requests.length = 0;
    await page.locator('[data-entity-id]', { hasText: 'Haqqani network' }).first().hover();
    await expect.poll(() => wikimedia.requests.some((r) => r.params.search === 'Haqqani network'), { timeout: 10_000 }).toBe(true);
    const cdp = await context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    const card = chromiumCard(page);
    await expect.poll(() => card.attribute('.card .background', 'data-state'), { timeout: 15_000 }).toBe('error');
    wikimedia.setMode('ok');
    await card.click('.card .retry');
    await expect.poll(() => card.text('.card .background .description'), { timeout: 15_000 }).toBe('Afghan insurgent group');
    await cdp.detach();
    // The background started again; later tests talk to the new one.
    worker = context.serviceWorkers().find((w) => w.url().includes(extensionId)) ?? (await context.waitForEvent('serviceworker'));
    await page.close();
  });

  // Last in this file: it reloads the extension.
  test('reloading the extension takes every highlight and the card away, leaving the text as it was', async () => {
    const page = await context.newPage();
    await page.goto(`${server.origin}${DEMO_ARTICLE_PATH}`);
    await page.waitForSelector('[data-entity-id]');
    const textBefore = await page.locator('.story__content').textContent();
    const htmlWithMarks = await page.locator('.story__content').innerHTML();
    expect(htmlWithMarks).toContain('data-entity-id');
    await worker.evaluate(() => {
      (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload();
    });
    await expect.poll(() => page.locator('[data-entity-id]').count(), { timeout: 10_000 }).toBe(0);
    expect(await page.evaluate(() => [...document.documentElement.children].some((e) => e.localName.startsWith('backstory-card')))).toBe(false);
    expect(await page.locator('.story__content').textContent()).toBe(textBefore);
    await page.close();
  });
});
