import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_ARTICLE_PATH, startDemoServer } from '../../scripts/demo-server.mjs';
import { type FakeNews, startFakeNews } from '../fixtures/news/server.mjs';
import { type FakeWikimedia, startFakeWikimedia } from '../fixtures/wikimedia/server.mjs';
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
  HOSTILE_PATH,
  LATE_ARTICLE_PATH,
  localSettings,
  REWRITE_PATH,
  SEED_ENTITIES,
  SEED_HIGHLIGHTS,
  SEED_RELATED_LINKS,
  SPA_NAV_PATH,
  STRICT_CSP_PATH,
  screenshotPath,
} from './expectations';
import { axeCardPopupOptions, clickInCard, FIREFOX_BUILD, inCard, launchFirefox, openPopup, until } from './firefox-pages';
import { CARD_HOST, openCardFirefox } from './page-elements';

describe('Firefox: the built extension on the demo pages', () => {
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  let wikimedia: FakeWikimedia;
  let news: FakeNews;
  let extensionId: string;
  let browser: Browser;

  beforeAll(async () => {
    server = await startDemoServer({ routes: E2E_ROUTES });
    // Background notes and news search come from local servers answering in Wikimedia's and the news services' shapes.
    wikimedia = await startFakeWikimedia();
    news = await startFakeNews({ currentUrl: `${server.origin}${DEMO_ARTICLE_PATH}` });
    ({ browser, extensionId } = await launchFirefox(FIREFOX_BUILD, localSettings(wikimedia.origin, news.origin)));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await wikimedia?.close();
    await news?.close();
  });

  test('highlights the names, opens a card on hover, and the popup shows the context', async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1200, height: 900 });
    const url = `${server.origin}${DEMO_ARTICLE_PATH}`;
    await page.goto(url);
    await page.waitForSelector('[data-entity-id]', { timeout: 20_000 });

    const marked = await page.$$eval('[data-entity-id]', (marks) => marks.map((m) => m.textContent ?? ''));
    for (const name of SEED_HIGHLIGHTS) expect(marked).toContain(name);
    expect(await page.$$eval('header [data-entity-id], aside [data-entity-id], footer [data-entity-id]', (m) => m.length)).toBe(0);
    for (const text of BOILERPLATE) expect(marked.join(' ')).not.toContain(text);

    const rathke = await page.waitForSelector('::-p-xpath(//*[@data-entity-id][text()="Jeff Rathke"])');
    await rathke?.hover();
    const cardText = (selector: string) => inCard(page, selector);
    expect(
      await until(
        () => cardText('.name'),
        (v) => v !== null,
      ),
    ).toBe('Jeff Rathke');
    expect(await cardText('.type')).toContain('Person');
    expect(await cardText('.mentions')).toMatch(/Mentioned [3-9] times/);
    expect(await cardText('.background h3')).toBe('Background');
    await page.screenshot({ path: screenshotPath('card-firefox.png') });
    await page.keyboard.press('Escape');
    expect(
      await until(
        () => cardText('.name'),
        (v) => v === null,
      ),
    ).toBeNull();

    const popup = await openPopup(browser, url);
    await popup.waitForSelector('.title', { timeout: 20_000 });
    expect(await popup.$eval('.title', (e) => e.textContent)).toBe('Haqqani network as much a threat as any other terrorist group: US');
    const meta = await popup.$eval('.meta', (e) => e.textContent ?? '');
    expect(meta).toContain('Dawn');
    expect(meta).toMatch(/\d+ years old/);
    for (const [type, names] of Object.entries(SEED_ENTITIES)) {
      const listed = await popup.$$eval(`.entity-group[data-type="${type}"] .entity-name`, (els) => els.map((e) => e.textContent));
      for (const name of names) expect(listed).toContain(name);
    }
    expect(await popup.$$eval('.speaker-group[data-speaker="Jeff Rathke"] .quote', (q) => q.length)).toBe(6);
    expect(await popup.$$eval('.speaker-group[data-speaker="Sartaj Aziz"] .quote', (q) => q.length)).toBe(1);
    const links = await popup.$$eval('.related-link', (items) =>
      items.map((li) => ({ label: li.querySelector('.label')?.textContent, text: li.querySelector('a')?.textContent })),
    );
    expect(links).toEqual(SEED_RELATED_LINKS);
    await popup.close();
    await page.close();
  });

  test('the home page gets no highlights and the popup says it is not an article', async () => {
    const page = await browser.newPage();
    const url = `${server.origin}/`;
    await page.goto(url);
    const popup = await openPopup(browser, url);
    const status = await until(
      () => popup.evaluate(() => document.querySelector('[data-status]')?.getAttribute('data-status') ?? null),
      (v) => v === 'not-article',
    );
    expect(status).toBe('not-article');
    expect(await page.$$eval('[data-entity-id]', (m) => m.length)).toBe(0);
    await popup.close();
    await page.close();
  });

  test('quotes set in <blockquote>s reach the popup under their speakers, marks or no marks', async () => {
    const page = await browser.newPage();
    const url = `${server.origin}${BLOCKQUOTES_PATH}`;
    await page.goto(url);
    await page.waitForSelector('[data-entity-id]', { timeout: 20_000 });
    const popup = await openPopup(browser, url);
    await popup.click('.fold.all-quotes > summary');
    await popup.waitForSelector('.speaker-group', { timeout: 20_000 });
    for (const { speaker, quote } of BLOCKQUOTE_SPEAKERS) {
      const quotes = await popup.$$eval(`.speaker-group[data-speaker="${speaker}"] .quote`, (items) => items.map((q) => q.textContent));
      expect(quotes).toEqual([quote]);
    }
    expect(await popup.$$eval('.speaker-group', (groups) => groups.length)).toBe(BLOCKQUOTE_SPEAKERS.length);
    await popup.close();
    await page.close();
  });

  test.each([
    ['German', GERMAN_PATH, GERMAN_HIGHLIGHTS, GERMAN_SPEAKERS],
    ['French', FRENCH_PATH, FRENCH_HIGHLIGHTS, FRENCH_SPEAKERS],
  ])('a %s article: its names highlighted and its quotes under their speakers, from its own model', async (_, path, highlights, speakers) => {
    const page = await browser.newPage();
    const url = `${server.origin}${path}`;
    await page.goto(url);
    await page.waitForSelector('[data-entity-id]', { timeout: 20_000 });
    const marked = await page.$$eval('[data-entity-id]', (marks) => marks.map((m) => m.textContent ?? ''));
    for (const name of highlights) expect(marked).toContain(name);
    const popup = await openPopup(browser, url);
    await popup.click('.fold.all-quotes > summary');
    await popup.waitForSelector('.speaker-group', { timeout: 20_000 });
    for (const { speaker, quote } of speakers) {
      const quotes = await popup.$$eval(`.speaker-group[data-speaker="${speaker}"] .quote`, (items) => items.map((q) => q.textContent));
      expect(quotes).toEqual([quote]);
    }
    expect(await popup.$$eval('.notice:not(.limited)', (n) => n.length)).toBe(0);
    await popup.close();
    await page.close();
  });

  test('a single-page app whose article arrives after load is analysed once it does', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}${LATE_ARTICLE_PATH}`);
    expect(await page.$$eval('[data-entity-id]', (m) => m.length)).toBe(0);
    await page.waitForSelector('[data-entity-id]', { timeout: 15_000 });
    const marked = await page.$$eval('[data-entity-id]', (marks) => marks.map((m) => m.textContent ?? ''));
    expect(marked).toContain('Jeff Rathke');
    expect(marked).toContain('North Waziristan');
    await page.close();
  });

  test('background notes on hover: the office held at the article’s date, from the configured host only', async () => {
    wikimedia.requests.length = 0;
    const page = await browser.newPage();
    await page.setViewport({ width: 1200, height: 900 });
    await page.goto(`${server.origin}${DEMO_ARTICLE_PATH}`);
    await page.waitForSelector('[data-entity-id]', { timeout: 20_000 });
    await new Promise((r) => setTimeout(r, 300));
    expect(wikimedia.requests).toHaveLength(0); // loading the article sends nothing
    const raheel = await page.waitForSelector('::-p-xpath(//*[@data-entity-id][text()="Raheel Sharif"])');
    await raheel?.hover();
    const office = await until(
      () => inCard(page, '.background .office.at-date'),
      (v) => v !== null,
    );
    expect(office).toContain('Chief of Army Staff, Nov 2013 – Nov 2016');
    expect(JSON.stringify(wikimedia.requests.map((r) => r.params))).not.toContain('reminded');
    await page.close();
  });

  test('earlier coverage: the articles read before, and news search only on the click', async () => {
    const page = await browser.newPage();
    for (const article of [...EARLIER_ARTICLES, UNRELATED_ARTICLE]) {
      await page.goto(`${server.origin}${article.path}`);
      await page.waitForSelector('[data-entity-id]', { timeout: 20_000 });
    }
    const url = `${server.origin}${DEMO_ARTICLE_PATH}`;
    await page.goto(url);
    await page.waitForSelector('[data-entity-id]', { timeout: 20_000 });
    news.requests.length = 0;

    const popup = await openPopup(browser, url);
    const readMatches = () =>
      popup.$$eval('.history-match', (items) =>
        items.map((li) => ({ title: li.querySelector('a')?.textContent ?? '', shared: li.querySelector('.shared')?.textContent ?? '' })),
      );
    const listed = await until(readMatches, (m) => m.length >= 3);
    const expected = { 'US presses': 'Jeff Rathke', 'Army chief': 'Raheel Sharif', 'Sartaj Aziz interview': 'Sartaj Aziz' };
    for (const [start, name] of Object.entries(expected)) expect(listed.find((m) => m.title.startsWith(start))?.shared).toContain(name);
    expect(listed.map((m) => m.title)).not.toContain(UNRELATED_ARTICLE.title);
    expect(news.requests).toHaveLength(0);

    await popup.click('.fold.earlier > summary');
    await popup.click('.search-news');
    const results = await until(
      () => popup.$$eval('.news-result a', (a) => a.map((x) => x.textContent ?? '')),
      (r) => r.length >= 3,
    );
    expect(results).toHaveLength(3);
    expect(news.requests).toHaveLength(1);
    expect(news.requests[0]?.params.q).toBe('"Jeff Rathke" "Haqqani network" before:2014-11-19 after:2014-10-20');
    expect(await popup.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await popup.close();
    await page.close();
  });

  test('host-page safety: hostile markup and styles, form fields, editable regions, a strict CSP, pushState navigation', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    // The strict-CSP page's own inline <style> is blocked and reported; that report is the page's, not the extension's.
    page.on('pageerror', (error) => {
      if (!/Content-Security-Policy/.test(String(error))) errors.push(String(error));
    });
    const marks = () => page.$$eval('[data-entity-id]', (m) => m.map((x) => x.textContent ?? ''));

    await page.goto(`${server.origin}${HOSTILE_PATH}`);
    await page.waitForSelector('[data-entity-id]', { timeout: 20_000 });
    expect(await marks()).toContain('Marcus Vell');
    expect(await page.$eval('textarea[name="comment"]', (t) => (t as HTMLTextAreaElement).value)).toBe(
      'Jeff Rathke and Marcus Vell were both there.',
    );
    expect(await page.$$eval('#editor [data-entity-id]', (m) => m.length)).toBe(0);
    expect(await page.$eval('#widget', (w) => w.shadowRoot?.innerHTML)).toBe('<p>Jeff Rathke inside a shadow root.</p>');
    expect(await page.$eval('[data-entity-id]', (m) => getComputedStyle(m).backgroundColor)).toBe('rgba(255, 205, 40, 0.38)');
    const frame = page.frames().find((f) => f !== page.mainFrame());
    expect(frame).toBeDefined();
    expect(await frame?.$$eval('[data-entity-id]', (m) => m.length)).toBe(0);
    const vell = await page.waitForSelector('::-p-xpath(//*[@data-entity-id][text()="Marcus Vell"])');
    await vell?.hover();
    const description = await until(
      () => inCard(page, '.background .description'),
      (v) => v !== null,
    );
    expect(description).toContain('<img src=x');
    expect(await page.evaluate((host) => document.querySelector(host)?.shadowRoot?.querySelectorAll('img, script, b').length, CARD_HOST)).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

    await page.goto(`${server.origin}${STRICT_CSP_PATH}`);
    await page.waitForSelector('[data-entity-id]', { timeout: 20_000 });
    const rathke = await page.waitForSelector('::-p-xpath(//*[@data-entity-id][text()="Jeff Rathke"])');
    await rathke?.hover();
    const width = await until(
      async () => {
        await openCardFirefox(page);
        return page.evaluate((host) => {
          const card = document.querySelector(host)?.shadowRoot?.querySelector('.card');
          return card ? getComputedStyle(card).width : null;
        }, CARD_HOST);
      },
      (v) => v !== null,
    );
    expect(width).toBe('320px');
    expect(await page.$eval('[data-entity-id]', (m) => getComputedStyle(m).backgroundColor)).toBe('rgba(255, 205, 40, 0.38)');

    await page.goto(`${server.origin}${SPA_NAV_PATH}`);
    await page.waitForSelector('[data-entity-id]', { timeout: 20_000 });
    expect(await marks()).toContain('Sartaj Aziz');
    await page.click('#next');
    const after = await until(marks, (m) => m.includes('Karachi'));
    expect(after).toContain('Karachi');
    expect(after).not.toContain('Sartaj Aziz');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('accessibility: axe finds no violations in an open card, the popup and the options page (light theme)', async () => {
    // The dark theme is checked in firefox-dark.test.ts, in a Firefox started with a dark colour scheme.
    const { dark, violations } = await axeCardPopupOptions(browser, `${server.origin}${DEMO_ARTICLE_PATH}`);
    expect(dark).toEqual([false, false, false]);
    expect(violations).toEqual([[], [], []]);
  });

  test('background notes: no confident match for an unknown name, and a failing server offers a retry that recovers', async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1200, height: 900 });
    await page.goto(`${server.origin}${DEMO_ARTICLE_PATH}`);
    await page.waitForSelector('[data-entity-id]', { timeout: 20_000 });
    const hover = async (name: string) => (await page.waitForSelector(`::-p-xpath(//*[@data-entity-id][text()="${name}"])`))?.hover();
    await hover('Pakistani Taliban');
    expect(
      await until(
        () => inCard(page, '.background', 'data-state'),
        (v) => v === 'no-match',
      ),
    ).toBe('no-match');
    await page.keyboard.press('Escape');
    wikimedia.setMode('error');
    await hover('US State Department');
    expect(
      await until(
        () => inCard(page, '.background', 'data-state'),
        (v) => v === 'error',
      ),
    ).toBe('error');
    wikimedia.setMode('ok');
    await clickInCard(page, '.retry');
    expect(
      await until(
        () => inCard(page, '.background .description'),
        (v) => v !== null,
      ),
    ).toBe('United States federal executive department');
    await page.close();
  });

  test('a page that rebuilds its article after load is highlighted again', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}${REWRITE_PATH}`);
    await page.waitForSelector('[data-entity-id]', { timeout: 20_000 });
    const marks = () => page.$$eval('[data-entity-id]', (m) => m.map((x) => x.textContent ?? ''));
    expect(await until(marks, (m) => m.includes('Sartaj Aziz'))).toContain('Sartaj Aziz');
    expect(await page.$$eval('[data-entity-id]', (m) => m.every((x) => x.isConnected && x.closest('#story')))).toBe(true);
    await page.close();
  });

  test('by keyboard: Tab reaches a name and opens its card, Esc closes it with focus kept, Enter reopens it', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}${DEMO_ARTICLE_PATH}`);
    await page.waitForSelector('[data-entity-id]', { timeout: 20_000 });
    const focused = () => page.evaluate(() => !!document.activeElement?.hasAttribute('data-entity-id'));
    for (let i = 0; i < 60 && !(await focused()); i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe(true);
    const cardOpen = async () => (await inCard(page, '.card[role="dialog"]', 'role')) !== null;
    expect(await until(cardOpen, (v) => v)).toBe(true);
    await page.keyboard.press('Escape');
    expect(await until(cardOpen, (v) => !v)).toBe(false);
    expect(await focused()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await until(cardOpen, (v) => v)).toBe(true);
    await page.close();
  });

  // Last in this file: it removes the extension.
  test('removing the extension removes every highlight and card, and the text is as it was', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}${DEMO_ARTICLE_PATH}`);
    await page.waitForSelector('[data-entity-id]', { timeout: 20_000 });
    const text = () => page.$eval('.story__content', (el) => el.textContent);
    const before = await text();
    const looks = () => page.$$eval('[data-entity-id]', (m) => [...new Set(m.map((x) => getComputedStyle(x).backgroundColor))]);
    expect(await looks()).toEqual(['rgba(255, 205, 40, 0.38)']);
    const htmlBefore = await page.$eval('.story__content', (el) =>
      el.innerHTML.replace(/<backstory-mark-[a-z0-9]+[^>]*>|<\/backstory-mark-[a-z0-9]+>/g, ''),
    );
    await browser.uninstallExtension(extensionId);
    // Firefox unloads content scripts without letting them clean up; the extension's stylesheet goes with it, and the
    // page-world listener (adapters/orphan-cleanup.ts) sees that and unwraps the names.
    const marks = () => page.$$eval('[data-entity-id]', (m) => m.length);
    expect(await until(marks, (n) => n === 0)).toBe(0);
    expect(await text()).toBe(before);
    expect(await page.$eval('.story__content', (el) => el.innerHTML)).toBe(htmlBefore);
    expect(await page.evaluate(() => [...document.documentElement.children].filter((e) => e.localName.startsWith('backstory-card')).length)).toBe(0);
    await page.close();
  });
});
