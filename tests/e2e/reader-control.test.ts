// The reader's side, in both browsers: the site switch and the pause (remembered, read by the gate before any work),
// "Analyse this page", the keyboard command, the context menu, the Tab order on an article, the card by its name while
// the page scrolls, the note's picture, the quiet offline line, and the popup's first screen within 600 px.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page as ChromiumPage, Worker } from 'playwright-core';
import type { Browser, Page as FirefoxPage } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_ARTICLE_PATH, startDemoServer } from '../../scripts/demo-server.mjs';
import { type FakeNews, startFakeNews } from '../fixtures/news/server.mjs';
import { type FakeWikimedia, startFakeWikimedia } from '../fixtures/wikimedia/server.mjs';
import { launchChromium, saveSettings, tabIdOf } from './chromium-launch';
import { EARLIER_ARTICLES } from './earlier-articles';
import { E2E_ROUTES, LINKS_ARTICLE_PATH, localSettings, NOT_NEWS_PATH, STRICT_CSP_PATH, screenshotPath } from './expectations';
import { FIREFOX_BUILD, FIREFOX_UUID, inBrowserWindow, inCard, launchFirefox, openExtensionPage, openPopup, until } from './firefox-pages';
import { CARD_HOST, chromiumCard, MARK } from './page-elements';

const settle = (ms = 800) => new Promise((r) => setTimeout(r, ms));

/** What both browsers' pages offer: an expression evaluated in the page's own world. */
type Evaluate = <T>(expression: string) => Promise<T>;

const markCount = `document.querySelectorAll('${MARK}').length`;
/** The Tab order's expectations, from the page's own highlights: each entity's first highlight outside a link, in order. */
const TAB_PLAN = `(() => {
  const marks = [...document.querySelectorAll('${MARK}')];
  const inLink = (m) => !!m.parentElement.closest('a');
  const first = new Map();
  for (const m of marks) if (!inLink(m) && !first.has(m.dataset.entityId)) first.set(m.dataset.entityId, m);
  return {
    stops: [...first.values()].map((m) => m.textContent),
    marksInLinks: marks.filter(inLink).length,
    focusableInLinks: marks.filter((m) => inLink(m) && m.hasAttribute('tabindex')).length,
    focusable: marks.filter((m) => m.getAttribute('tabindex') === '0').length,
    buttons: marks.filter((m) => m.getAttribute('role') === 'button').length,
  };
})()`;
/** What has focus: a highlight (its text), a link (its href), or nothing. */
const FOCUSED = `(() => {
  const a = document.activeElement;
  if (!a || a === document.body) return null;
  if (a.hasAttribute('data-entity-id')) return { mark: a.textContent };
  if (a.localName === 'a') return { link: a.getAttribute('href'), marks: a.querySelectorAll('[data-entity-id]').length };
  return { other: a.localName };
})()`;
/** How the card's host sits against the highlight it is for (the card is above or below it, 6 px away). */
const cardGap = (name: string) => `(() => {
  const host = [...document.documentElement.children].find((e) => e.localName.startsWith('backstory-card-'));
  const mark = [...document.querySelectorAll('${MARK}')].find((m) => m.getAttribute('aria-expanded') === 'true');
  if (!host || !mark || getComputedStyle(host).display === 'none') return null;
  const h = host.getBoundingClientRect();
  const m = mark.getBoundingClientRect();
  return { name: mark.textContent === ${JSON.stringify(name)}, below: Math.round(h.top - m.bottom), above: Math.round(m.top - h.bottom), markTop: Math.round(m.top) };
})()`;
const nextToName = (gap: { below: number; above: number } | null) => !!gap && (Math.abs(gap.below - 6) <= 1 || Math.abs(gap.above - 6) <= 1);
/** The popup's first screen: its height and where its parts end. */
const FIRST_SCREEN = `(() => {
  const bottom = (s) => Math.round(document.querySelector(s)?.getBoundingClientRect().bottom ?? -1);
  return {
    height: document.documentElement.scrollHeight,
    title: bottom('.title'),
    meta: document.querySelector('.meta')?.textContent ?? '',
    central: [...document.querySelectorAll('.central-list > li .entity-name')].map((e) => e.textContent),
    folds: [...document.querySelectorAll('details.fold')].map((d) => ({ name: d.className.replace('fold ', ''), open: d.open, bottom: Math.round(d.querySelector('summary').getBoundingClientRect().bottom) })),
    settings: bottom('.settings-link'),
    badge: document.querySelector('.badge-note')?.textContent ?? '',
  };
})()`;

/** The width of the picture in the open card, once it has loaded (0 before). */
const PICTURE_WIDTH = `(() => {
  const img = document.querySelector('${CARD_HOST}')?.shadowRoot?.querySelector('img.thumbnail');
  return img && img.complete ? img.naturalWidth : 0;
})()`;

/** One request for the picture, after the hover; and the page's own world sees no picture (the card is closed to it). */
function expectPictureFetchedOnce(pageImages: number) {
  expect(wikimedia.requests.filter((r) => r.path.startsWith('/thumb/'))).toHaveLength(1);
  expect(pageImages).toBe(0);
}

/** In Firefox's window: once the page's context menu is shown, picks Backstory's entry; resolves to its label. */
const PICK_MENU_ENTRY = `new Promise((resolve) => {
  const menu = document.getElementById('contentAreaContextMenu');
  menu.addEventListener('popupshown', () => {
    const item = [...menu.querySelectorAll('menuitem')].find((i) => /in Backstory$/.test(i.getAttribute('label') ?? ''));
    if (!item) return resolve('no item');
    const label = item.getAttribute('label');
    menu.activateItem(item);
    resolve(label);
  }, { once: true });
  setTimeout(() => resolve('no menu'), 5000);
})`;

interface FirstScreen {
  height: number;
  meta: string;
  central: string[];
  folds: { name: string; open: boolean; bottom: number }[];
  settings: number;
  badge: string;
}

/** The demo article's popup in 600 px: its header, the central names, and every fold's summary and the settings link in view. */
function expectFirstScreen(screen: FirstScreen) {
  expect(screen.height).toBeLessThanOrEqual(600);
  expect(screen.meta).toMatch(/^Dawn · .*2014 · \d+ years old$/);
  expect(screen.central.length).toBeGreaterThanOrEqual(5);
  expect(screen.central.length).toBeLessThanOrEqual(8);
  expect(screen.central.slice(0, 3)).toEqual(expect.arrayContaining(['Jeff Rathke', 'Haqqani network']));
  expect(screen.folds.map((f) => [f.name, f.open])).toEqual([
    ['central', true],
    ['all-names', false],
    ['all-quotes', false],
    ['earlier', false],
  ]);
  expect(Math.max(...screen.folds.map((f) => f.bottom), screen.settings)).toBeLessThanOrEqual(600);
}

/** The Tab order on the links article from its header's link on, checked the same way in both browsers. */
async function checkTabOrder(evaluate: Evaluate, pressTab: () => Promise<void>) {
  await evaluate(`document.querySelector('a[href="/"]').focus()`);
  const plan = await evaluate<{ stops: string[]; marksInLinks: number; focusableInLinks: number; focusable: number; buttons: number }>(TAB_PLAN);
  expect(plan.marksInLinks).toBeGreaterThan(0);
  expect(plan.focusableInLinks).toBe(0);
  expect(plan.focusable).toBe(plan.stops.length);
  expect(plan.buttons).toBe(plan.stops.length);
  const visited: { mark?: string; link?: string; marks?: number }[] = [];
  for (let i = 0; i < 40; i++) {
    await pressTab();
    const now = await evaluate<{ mark?: string; link?: string; marks?: number } | null>(FOCUSED);
    if (!now) break;
    visited.push(now);
    if (now.link === '/contact') break;
  }
  // One stop per name, in the order of the article, and every link once: links with a name in them stay the control.
  expect(visited.flatMap((v) => (v.mark ? [v.mark] : []))).toEqual(plan.stops);
  expect(visited.flatMap((v) => (v.link ? [v.link] : []))).toEqual(['/profiles/jeff-rathke', '/topics/sartaj-aziz', '/contact']);
  expect(visited.filter((v) => v.link?.startsWith('/p') || v.link?.startsWith('/t')).every((v) => (v.marks ?? 0) > 0)).toBe(true);
  return plan;
}

let server: Awaited<ReturnType<typeof startDemoServer>>;
let wikimedia: FakeWikimedia;
let news: FakeNews;
beforeAll(async () => {
  server = await startDemoServer({ routes: E2E_ROUTES });
  wikimedia = await startFakeWikimedia();
  news = await startFakeNews({ hostile: false });
});
afterAll(async () => {
  await server?.close();
  await wikimedia?.close();
  await news?.close();
});

describe('Chromium: the reader’s control, keyboard, card and popup', () => {
  let context: BrowserContext;
  let worker: Worker;
  let extensionId: string;
  let profile: string;
  let dawn: string;

  beforeAll(async () => {
    profile = await mkdtemp(join(tmpdir(), 'backstory-reader-'));
    ({ context, worker, extensionId } = await launchChromium(profile, ['--host-resolver-rules=MAP www.dawn.com 127.0.0.1']));
    await saveSettings(worker, localSettings(wikimedia.origin, news.origin));
    dawn = `http://www.dawn.com:${new URL(server.origin).port}`;
  });
  afterAll(async () => {
    await context?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  const open = async (url: string, marks = true): Promise<ChromiumPage> => {
    const page = await context.newPage();
    await page.goto(url);
    if (marks) await page.waitForSelector(MARK, { timeout: 15_000 });
    return page;
  };
  const popupFor = async (url: string, height = 900): Promise<ChromiumPage> => {
    const popup = await context.newPage();
    await popup.setViewportSize({ width: 400, height });
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${await tabIdOf(worker, url)}`);
    await popup.waitForSelector('[data-status], .title');
    return popup;
  };
  const status = (popup: ChromiumPage) => popup.locator('[data-status]').getAttribute('data-status');
  const marks = (page: ChromiumPage) => page.evaluate(markCount);

  test('the note’s picture is fetched once the name is looked up, and shown from a data: URL even under a strict CSP', async () => {
    wikimedia.requests.length = 0;
    const page = await open(`${server.origin}${STRICT_CSP_PATH}`);
    await page.waitForTimeout(500);
    expect(wikimedia.requests.filter((r) => r.path.startsWith('/thumb/'))).toHaveLength(0);
    await page.locator(MARK, { hasText: 'Sartaj Aziz' }).first().hover();
    const card = chromiumCard(page);
    await expect.poll(() => card.attribute('.card img.thumbnail', 'src'), { timeout: 10_000 }).toMatch(/^data:image\/png;base64,/);
    await expect.poll(() => page.evaluate(PICTURE_WIDTH)).toBe(120);
    expectPictureFetchedOnce(await page.evaluate(() => document.images.length));
    await page.close();
  });

  test('the site switch and the pause are remembered across reloads, and the gate does nothing while they are off', async () => {
    const url = `${server.origin}${DEMO_ARTICLE_PATH}`;
    const page = await open(url);
    let popup = await popupFor(url);
    await popup.locator('[name="siteOn"]').uncheck();
    // The highlights go at once, in the open tab too.
    await expect.poll(() => marks(page)).toBe(0);
    await page.reload();
    await page.waitForTimeout(1500);
    expect(await marks(page)).toBe(0);
    await popup.close();
    popup = await popupFor(url);
    await expect.poll(() => status(popup)).toBe('off-site');
    expect(await popup.locator('.status').textContent()).toBe('Highlighting is off on this site.');
    expect(await popup.locator('[name="siteOn"]').isChecked()).toBe(false);
    expect(await popup.locator('button.analyse').count()).toBe(1);
    await popup.locator('[name="siteOn"]').check();
    await expect.poll(() => marks(page), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.reload();
    await page.waitForSelector(MARK, { timeout: 15_000 });
    await popup.close();

    popup = await popupFor(url);
    await popup.locator('[name="paused"]').check();
    await expect.poll(() => marks(page)).toBe(0);
    // Paused everywhere: another site's article is left alone too, across reloads.
    const other = await open(`${dawn}${DEMO_ARTICLE_PATH}`, false);
    await other.waitForTimeout(1500);
    expect(await marks(other)).toBe(0);
    await other.reload();
    await page.reload();
    await page.waitForTimeout(1500);
    expect([await marks(page), await marks(other)]).toEqual([0, 0]);
    await popup.close();
    popup = await popupFor(url);
    await expect.poll(() => status(popup)).toBe('off-paused');
    expect(await popup.locator('[name="paused"]').isChecked()).toBe(true);
    await popup.locator('[name="paused"]').uncheck();
    await expect.poll(() => marks(page), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(() => marks(other), { timeout: 15_000 }).toBeGreaterThan(0);
    await Promise.all([popup.close(), page.close(), other.close()]);
  });

  test('"Analyse this page" on a page the gate refused', async () => {
    const url = `${server.origin}${NOT_NEWS_PATH}`;
    const page = await open(url, false);
    const popup = await popupFor(url);
    await expect.poll(() => status(popup), { timeout: 10_000 }).toBe('not-article');
    expect(await marks(page)).toBe(0);
    await popup.locator('button.analyse').click();
    await page.waitForSelector(MARK, { timeout: 15_000 });
    expect(await page.$$eval(MARK, (m) => m.map((x) => x.textContent))).toEqual(expect.arrayContaining(['Jeff Rathke', 'Sartaj Aziz']));
    await popup.waitForSelector('.title', { timeout: 10_000 });
    expect(await popup.locator('.title').textContent()).toBe('About our reporting');
    await Promise.all([popup.close(), page.close()]);
  });

  test('the keyboard command takes the highlights away, and brings them back', async () => {
    const commands = await worker.evaluate(async () => {
      const { chrome } = globalThis as unknown as { chrome: { commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> } } };
      return chrome.commands.getAll();
    });
    expect(commands.find((c) => c.name === 'toggle-highlights')?.shortcut).toBe('Alt+Shift+H');
    const url = `${server.origin}${DEMO_ARTICLE_PATH}`;
    const page = await open(url);
    const tabId = (await tabIdOf(worker, url)) as number;
    // Headless Chromium has no window for the shortcut's key: the browser's command event is fired as it would fire it.
    const command = () =>
      worker.evaluate(async (id) => {
        const { chrome } = globalThis as unknown as {
          chrome: { tabs: { get(id: number): Promise<object> }; commands: { onCommand: { dispatch(name: string, tab: object): void } } };
        };
        chrome.commands.onCommand.dispatch('toggle-highlights', await chrome.tabs.get(id));
      }, tabId);
    await command();
    await expect.poll(() => marks(page)).toBe(0);
    await command();
    await expect.poll(() => marks(page), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.close();
  });

  test('the context menu opens the card of a selected name; for a name the page has no card for, the popup', async () => {
    const url = `${server.origin}${DEMO_ARTICLE_PATH}`;
    const page = await open(url);
    const tabId = (await tabIdOf(worker, url)) as number;
    const menu = (selectionText: string) =>
      worker.evaluate(
        async ([id, text]) => {
          const { chrome } = globalThis as unknown as {
            chrome: { tabs: { get(id: number): Promise<object> }; contextMenus: { onClicked: { dispatch(info: object, tab: object): void } } };
          };
          chrome.contextMenus.onClicked.dispatch(
            { menuItemId: 'look-up-selection', selectionText: text, frameId: 0, editable: false },
            await chrome.tabs.get(id as number),
          );
        },
        [tabId, selectionText] as const,
      );
    // The reader has selected the name in the page (a click on it would open its card), then picks the menu entry.
    await page.evaluate((mark) => {
      const range = document.createRange();
      range.selectNodeContents([...document.querySelectorAll(mark)].find((m) => m.textContent === 'Raheel Sharif') as Node);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
    }, MARK);
    await menu('Raheel Sharif');
    const card = chromiumCard(page);
    await expect.poll(() => card.text('.card .name'), { timeout: 10_000 }).toBe('Raheel Sharif');
    // Focus is in the card (a dialog), and goes back to the name when it closes.
    expect(await page.evaluate((host) => document.querySelector(host)?.shadowRoot?.activeElement?.className, CARD_HOST)).toBe('card');
    await page.keyboard.press('Escape');
    await expect.poll(() => card.count('.card')).toBe(0);

    // Selected text that is none of the page's names: the toolbar popup opens on it (headless Chromium opens it where
    // Playwright cannot see it: the extension's own list of its contexts shows it, and that it took the name).
    const popups = () =>
      worker.evaluate(async () => {
        const { chrome } = globalThis as unknown as {
          chrome: {
            runtime: { getContexts(f: object): Promise<{ documentUrl?: string }[]> };
            storage: { session: { get(k: string): Promise<Record<string, unknown>> } };
          };
        };
        const contexts = await chrome.runtime.getContexts({ contextTypes: ['POPUP'] });
        return {
          urls: contexts.map((c) => new URL(c.documentUrl ?? '').pathname),
          pending: 'pendingLookUp' in (await chrome.storage.session.get('pendingLookUp')),
        };
      });
    await menu('militant groups');
    await expect.poll(popups, { timeout: 10_000 }).toEqual({ urls: ['/popup.html'], pending: false });
    // What that popup shows (as the small window it opens in where the browser has no toolbar popup to open).
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}&name=${encodeURIComponent('militant groups')}`);
    await popup.waitForSelector('.asked', { timeout: 10_000 });
    expect(await popup.locator('.asked h2').textContent()).toBe('You looked up “militant groups”');
    expect(await popup.locator('.asked').textContent()).toContain('not one of the names Backstory found');
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}&name=${encodeURIComponent('Jeff Rathke')}`);
    await popup.waitForSelector('.asked .entity-toggle', { timeout: 10_000 });
    expect(await popup.locator('.asked .entity-name').textContent()).toBe('Jeff Rathke');
    await Promise.all([popup.close(), page.close()]);
  });

  test('Tab order on an article: one stop per name, none inside links; a card opens on a resting focus or Alt+↓ on the link', async () => {
    wikimedia.requests.length = 0;
    const page = await open(`${server.origin}${LINKS_ARTICLE_PATH}`);
    // Tabbing on past names opens no card and looks nothing up.
    const plan = await checkTabOrder(
      (e) => page.evaluate(e),
      () => page.keyboard.press('Tab'),
    );
    expect(plan.stops.length).toBeGreaterThanOrEqual(4);
    expect(await chromiumCard(page).count('.card')).toBe(0);
    expect(wikimedia.requests).toHaveLength(0);

    // Resting on a name opens its card after a short delay, not at once.
    await page.locator('a[href="/"]').focus();
    await page.keyboard.press('Tab');
    const first = (await page.evaluate<{ mark?: string }>(FOCUSED)).mark;
    expect(first).toBe(plan.stops[0]);
    await page.waitForTimeout(150);
    expect(await chromiumCard(page).count('.card')).toBe(0);
    await expect.poll(() => chromiumCard(page).text('.card .name'), { timeout: 5000 }).toBeTruthy();
    await page.keyboard.press('Escape');

    // In a link, the link keeps the focus; Alt+↓ opens the card of the name in it, and Esc gives focus back to the link.
    await page.locator('a[href="/profiles/jeff-rathke"]').focus();
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => chromiumCard(page).text('.card .name')).toBe('Jeff Rathke');
    await page.keyboard.press('Escape');
    await expect.poll(() => chromiumCard(page).count('.card')).toBe(0);
    expect(await page.evaluate(FOCUSED)).toEqual({ link: '/profiles/jeff-rathke', marks: 1 });
    await page.close();
  });

  test('the card stays by its name while the page scrolls, and closes once the name has left the screen', async () => {
    const page = await open(`${server.origin}${DEMO_ARTICLE_PATH}`);
    await page.setViewportSize({ width: 1000, height: 600 });
    await page.mouse.move(990, 300); // the pointer rests on the margin, away from any name
    const name = page.locator(`${MARK}[tabindex="0"]`, { hasText: 'Sartaj Aziz' });
    await name.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(cardGap('Sartaj Aziz'))).not.toBeNull();
    const before = await page.evaluate<{ below: number; above: number; markTop: number }>(cardGap('Sartaj Aziz'));
    expect(nextToName(before)).toBe(true);
    await page.mouse.wheel(0, 120);
    await expect
      .poll(async () => (await page.evaluate<{ markTop: number } | null>(cardGap('Sartaj Aziz')))?.markTop)
      .toBeLessThan(before.markTop - 60);
    await page.waitForTimeout(100);
    expect(nextToName(await page.evaluate(cardGap('Sartaj Aziz')))).toBe(true);
    await page.mouse.wheel(0, 2000);
    await expect.poll(() => page.evaluate(cardGap('Sartaj Aziz'))).toBeNull();
    expect(await page.evaluate(FOCUSED)).toEqual({ mark: 'Sartaj Aziz' });
    await page.close();
  });

  test('the popup’s first screen fits 600 px: title, publisher, age, the central people; every list folds; settings; the badge explained', async () => {
    // For the README's coverage screenshot: a history of three earlier stories (this article's copies read in the tests
    // above are cleared first).
    const extensionPage = await context.newPage();
    await extensionPage.goto(`chrome-extension://${extensionId}/options.html`);
    await extensionPage.evaluate(() =>
      (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }).chrome.runtime.sendMessage({
        backstory: 1,
        type: 'history/clear',
        data: {},
      }),
    );
    await extensionPage.close();
    const page = await open(`${server.origin}${EARLIER_ARTICLES[0]?.path}`);
    for (const article of EARLIER_ARTICLES.slice(1)) {
      await page.goto(`${server.origin}${article.path}`);
      await page.waitForSelector(MARK, { timeout: 15_000 });
    }
    const url = `${dawn}${DEMO_ARTICLE_PATH}`;
    await page.goto(url);
    await page.waitForSelector(MARK, { timeout: 15_000 });
    const tabId = await tabIdOf(worker, url);
    // (The badge is set once the analysis is stored, which may come just after the first highlight.)
    const badge = await until(
      () =>
        worker.evaluate(async (id) => {
          const { chrome } = globalThis as unknown as {
            chrome: { action: { getTitle(d: object): Promise<string>; getBadgeText(d: object): Promise<string> } };
          };
          return { title: await chrome.action.getTitle({ tabId: id }), text: await chrome.action.getBadgeText({ tabId: id }) };
        }, tabId),
      (b) => b.text !== '',
    );
    expect(badge.title).toBe(`Backstory: ${badge.text} people, organisations and places highlighted on this page`);
    const popup = await popupFor(url, 600);
    await popup.waitForSelector('.title');
    await popup.locator('.publisher').waitFor({ timeout: 10_000 });
    const screen = await popup.evaluate<FirstScreen>(FIRST_SCREEN);
    expectFirstScreen(screen);
    expect(screen.badge).toContain(`${badge.text} people, organisations and places highlighted`);
    await popup.screenshot({ path: screenshotPath('popup.png') });

    // "Other names" keeps what names a thing, not the adjectives: "Pakistani" is not listed.
    await popup.locator('.fold.all-names > summary').click();
    expect(await popup.locator('.entity-group[data-type="MISC"] .entity-name').allTextContents()).not.toContain('Pakistani');
    // Earlier coverage, searched on the reader's click, for the README.
    await popup.locator('.fold.all-names > summary').click();
    await popup.locator('.fold.earlier > summary').click();
    await popup.locator('.search-news').click();
    await expect.poll(() => popup.locator('.news-result').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.screenshot({ path: screenshotPath('popup-coverage.png'), fullPage: true });

    // The settings link opens the options page.
    const optionsOpened = context.waitForEvent('page', { predicate: (p) => p.url().includes('options.html'), timeout: 10_000 });
    await popup.locator('.settings-link').click();
    const options = await optionsOpened;
    await options.locator('h1').waitFor();
    await Promise.all([options.close(), popup.close(), page.close()]);
  });

  test('the card, for the README: its headline on screen, the note complete with its picture', async () => {
    const page = await open(`${server.origin}${DEMO_ARTICLE_PATH}`);
    // A tall window, so the card opens below its name with the whole note, clear of the headline.
    await page.setViewportSize({ width: 1200, height: 1200 });
    await page.locator(MARK, { hasText: 'Sartaj Aziz' }).first().hover();
    const card = chromiumCard(page);
    await expect.poll(() => card.attribute('.card img.thumbnail', 'src'), { timeout: 10_000 }).toMatch(/^data:/);
    const fits = await page.evaluate((host) => {
      const el = document.querySelector(host)?.shadowRoot?.querySelector('.card') as HTMLElement;
      const headline = document.querySelector('h1')?.getBoundingClientRect();
      const box = el.getBoundingClientRect();
      return {
        complete: el.scrollHeight <= el.clientHeight + 1,
        onScreen: box.top >= 0 && box.bottom <= innerHeight,
        headlineClear: !!headline && (box.top >= headline.bottom || box.left >= headline.right),
      };
    }, CARD_HOST);
    expect(fits).toEqual({ complete: true, onScreen: true, headlineClear: true });
    await page.screenshot({ path: screenshotPath('card.png') });
    await page.close();
  });

  // Last: it points the notes at a server that is not there.
  test('offline, a card says quietly that background notes need a connection', async () => {
    const gone = await startFakeWikimedia();
    await gone.close();
    await saveSettings(worker, localSettings(gone.origin, news.origin));
    const page = await open(`${server.origin}${DEMO_ARTICLE_PATH}`);
    await page.locator(MARK, { hasText: 'North Waziristan' }).first().hover();
    const card = chromiumCard(page);
    await expect.poll(() => card.attribute('.card .background', 'data-state'), { timeout: 15_000 }).toBe('offline');
    expect(await card.text('.card .background .offline')).toBe('Background notes need a connection. Try again');
    expect(await card.count('.card .problem')).toBe(0);
    await saveSettings(worker, localSettings(wikimedia.origin, news.origin));
    await page.close();
  });
});

describe('Firefox: the reader’s control, keyboard, card and popup', () => {
  let browser: Browser;

  beforeAll(async () => {
    ({ browser } = await launchFirefox(FIREFOX_BUILD, localSettings(wikimedia.origin, news.origin)));
  });
  afterAll(async () => {
    await browser?.close();
  });

  const open = async (url: string, marks = true): Promise<FirefoxPage> => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1200, height: 900 });
    await page.goto(url);
    if (marks) await page.waitForSelector(MARK, { timeout: 20_000 });
    return page;
  };
  const marks = (page: FirefoxPage) => page.evaluate(markCount) as Promise<number>;
  /** Esc closes the open card. */
  const closeWithEscape = async (page: FirefoxPage) => {
    await page.keyboard.press('Escape');
    expect(
      await until(
        () => inCard(page, '.card'),
        (v) => v === null,
      ),
    ).toBeNull();
  };
  const status = (popup: FirefoxPage) => popup.evaluate(() => document.querySelector('[data-status]')?.getAttribute('data-status') ?? null);
  const checked = (popup: FirefoxPage, name: string) =>
    popup.evaluate((n) => (document.querySelector(`[name="${n}"]`) as HTMLInputElement | null)?.checked ?? null, name);
  const evaluate =
    (page: FirefoxPage): Evaluate =>
    <T>(expression: string) =>
      page.evaluate(expression) as Promise<T>;
  /** Sets the extension's settings from one of its pages, as the options page would. */
  const saveFirefoxSettings = async (settings: object) => {
    const page = await openExtensionPage(browser, `moz-extension://${FIREFOX_UUID}/popup.html`, '#app');
    await page.evaluate(async (s) => {
      const api = (globalThis as unknown as { browser: { storage: { local: { set(items: object): Promise<void> } } } }).browser;
      await api.storage.local.set({ settings: s });
    }, settings);
    await page.close();
  };

  test('the note’s picture is fetched once the name is looked up, and shown from a data: URL even under a strict CSP', async () => {
    wikimedia.requests.length = 0;
    const page = await open(`${server.origin}${STRICT_CSP_PATH}`);
    await settle(500);
    expect(wikimedia.requests.filter((r) => r.path.startsWith('/thumb/'))).toHaveLength(0);
    await (await page.waitForSelector('::-p-xpath(//*[@data-entity-id][text()="Sartaj Aziz"])'))?.hover();
    const src = await until(
      () => inCard(page, '.card img.thumbnail', 'src'),
      (v) => v !== null,
    );
    expect(src).toMatch(/^data:image\/png;base64,/);
    expect(
      await until(
        () => page.evaluate(PICTURE_WIDTH) as Promise<number>,
        (w) => w > 0,
      ),
    ).toBe(120);
    expectPictureFetchedOnce((await page.evaluate(() => document.images.length)) as number);
    await page.close();
  });

  test('the site switch and the pause are remembered across reloads, and the gate does nothing while they are off', async () => {
    const url = `${server.origin}${DEMO_ARTICLE_PATH}`;
    const page = await open(url);
    for (const [name, off] of [
      ['siteOn', 'off-site'],
      ['paused', 'off-paused'],
    ] as const) {
      let popup = await openPopup(browser, url);
      await popup.waitForSelector(`[name="${name}"]`);
      await popup.click(`[name="${name}"]`);
      // The highlights go at once, in the open tab too; after a reload the gate does nothing.
      expect(
        await until(
          () => marks(page),
          (n) => n === 0,
        ),
        name,
      ).toBe(0);
      await page.reload();
      await settle(2000);
      expect(await marks(page), name).toBe(0);
      await popup.close();
      popup = await openPopup(browser, url);
      expect(
        await until(
          () => status(popup),
          (s) => s === off,
        ),
      ).toBe(off);
      expect(await checked(popup, name)).toBe(name === 'paused');
      expect(await popup.$$eval('button.analyse', (b) => b.length)).toBe(1);
      await popup.click(`[name="${name}"]`);
      expect(
        await until(
          () => marks(page),
          (n) => n > 0,
          20_000,
        ),
        name,
      ).toBeGreaterThan(0);
      await popup.close();
    }
    await page.close();
  });

  test('"Analyse this page" on a page the gate refused', async () => {
    const url = `${server.origin}${NOT_NEWS_PATH}`;
    const page = await open(url, false);
    const popup = await openPopup(browser, url);
    expect(
      await until(
        () => status(popup),
        (s) => s === 'not-article',
      ),
    ).toBe('not-article');
    await popup.click('button.analyse');
    await page.waitForSelector(MARK, { timeout: 20_000 });
    // (Highlights are placed paragraph by paragraph: wait for the later ones too.)
    const names = await until(
      () => page.$$eval(MARK, (m) => m.map((x) => x.textContent)),
      (found) => found.includes('Sartaj Aziz'),
      20_000,
    );
    expect(names).toEqual(expect.arrayContaining(['Jeff Rathke', 'Sartaj Aziz']));
    await popup.close();
    await page.close();
  });

  test('the keyboard shortcut (the browser’s own key element) takes the highlights away, and brings them back', async () => {
    const page = await open(`${server.origin}${DEMO_ARTICLE_PATH}`);
    await page.bringToFront();
    const press = () =>
      inBrowserWindow<string>(
        browser,
        `(() => {
          const key = [...document.querySelectorAll('keyset[id^="ext-keyset-id-"] key')].find((k) => k.getAttribute('key') === 'H');
          if (!key) return 'none';
          key.doCommand();
          return key.getAttribute('modifiers');
        })()`,
      );
    expect(await press()).toBe('alt,shift');
    expect(
      await until(
        () => marks(page),
        (n) => n === 0,
      ),
    ).toBe(0);
    await press();
    expect(
      await until(
        () => marks(page),
        (n) => n > 0,
        20_000,
      ),
    ).toBeGreaterThan(0);
    await page.close();
  });

  test('the context menu (a right click on the selection) opens the card of a name with focus in it, or the popup on other text', async () => {
    const page = await open(`${server.origin}${DEMO_ARTICLE_PATH}`);
    await page.bringToFront();
    const mark = await page.waitForSelector('::-p-xpath(//*[@data-entity-id][text()="Raheel Sharif"])');
    await page.evaluate((m) => {
      const range = document.createRange();
      range.selectNodeContents(m as Node);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
    }, mark);
    const box = await mark?.boundingBox();
    const shown = inBrowserWindow<string>(browser, PICK_MENU_ENTRY);
    await page.mouse.click((box?.x ?? 0) + 5, (box?.y ?? 0) + 5, { button: 'right' });
    expect(await shown).toBe('Look up “Raheel Sharif” in Backstory');
    expect(
      await until(
        () => inCard(page, '.card .name'),
        (v) => v !== null,
      ),
    ).toBe('Raheel Sharif');
    // Focus is in the card once the menu has closed (Firefox gives the page its focus back after the click).
    const inCardFocus = () => page.evaluate((host) => document.querySelector(host)?.shadowRoot?.activeElement?.className ?? null, CARD_HOST);
    expect(await until(inCardFocus, (v) => v === 'card')).toBe('card');
    await closeWithEscape(page);

    // Selected text that is none of the page's names: the toolbar popup opens on it, and shows it.
    const words = await page.evaluate(() => {
      const walker = document.createTreeWalker(document.querySelector('.story__content') as Node, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.nodeValue?.indexOf('militant groups') ?? -1;
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 'militant groups'.length);
        getSelection()?.removeAllRanges();
        getSelection()?.addRange(range);
        const r = range.getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      }
      return null;
    });
    const picked = inBrowserWindow<string>(browser, PICK_MENU_ENTRY);
    await page.mouse.click(words?.x ?? 0, words?.y ?? 0, { button: 'right' });
    expect(await picked).toBe('Look up “militant groups” in Backstory');
    const popupUrl = () =>
      inBrowserWindow<string | null>(
        browser,
        `[...document.querySelectorAll('browser.webextension-popup-browser')].map((b) => b.currentURI?.spec).find((u) => u?.endsWith('/popup.html')) ?? null`,
      ).catch(() => null);
    expect(await until(popupUrl, (v) => !!v)).toBe(`moz-extension://${FIREFOX_UUID}/popup.html`);
    // The popup took the name the background left for it (what it shows of it is checked in Chromium and Popup.test.tsx).
    const extensionPage = await openExtensionPage(browser, `moz-extension://${FIREFOX_UUID}/options.html`, 'h1');
    const pending = () =>
      extensionPage.evaluate(async () => {
        const api = (globalThis as unknown as { browser: { storage: { session: { get(k: string): Promise<Record<string, unknown>> } } } }).browser;
        return 'pendingLookUp' in (await api.storage.session.get('pendingLookUp'));
      });
    expect(await until(pending, (v) => !v)).toBe(false);
    await extensionPage.close();
    await page.close();
  });

  test('Tab order on an article: one stop per name, none inside links; a card opens on a resting focus or Alt+↓ on the link', async () => {
    wikimedia.requests.length = 0;
    const page = await open(`${server.origin}${LINKS_ARTICLE_PATH}`);
    const plan = await checkTabOrder(evaluate(page), () => page.keyboard.press('Tab'));
    expect(plan.stops.length).toBeGreaterThanOrEqual(4);
    expect(wikimedia.requests).toHaveLength(0);

    await page.focus('a[href="/profiles/jeff-rathke"]');
    await page.keyboard.down('Alt');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.up('Alt');
    expect(
      await until(
        () => inCard(page, '.card .name'),
        (v) => v !== null,
      ),
    ).toBe('Jeff Rathke');
    await closeWithEscape(page);
    expect(await page.evaluate(FOCUSED)).toEqual({ link: '/profiles/jeff-rathke', marks: 1 });
    await page.close();
  });

  test('the card stays by its name while the page scrolls, and closes once the name has left the screen', async () => {
    const page = await open(`${server.origin}${DEMO_ARTICLE_PATH}`);
    await page.setViewport({ width: 1000, height: 600 });
    await page.mouse.move(990, 300);
    await page.focus(`[data-entity-id][tabindex="0"]::-p-text(Sartaj Aziz)`);
    await page.keyboard.press('Enter');
    const gap = () => page.evaluate(cardGap('Sartaj Aziz')) as Promise<{ below: number; above: number; markTop: number } | null>;
    const before = await until(gap, (g) => g !== null);
    expect(nextToName(before)).toBe(true);
    await page.mouse.wheel({ deltaY: 120 });
    const after = await until(gap, (g) => !!g && !!before && g.markTop < before.markTop - 60);
    await settle(150);
    expect(nextToName(await gap())).toBe(true);
    expect(after?.markTop).toBeLessThan((before?.markTop ?? 0) - 60);
    await page.mouse.wheel({ deltaY: 2000 });
    expect(await until(gap, (g) => g === null)).toBeNull();
    expect(await page.evaluate(FOCUSED)).toEqual({ mark: 'Sartaj Aziz' });
    await page.close();
  });

  test('the popup’s first screen fits 600 px, every list folds, and “Other names” has no adjectives', async () => {
    const url = `${server.origin}${DEMO_ARTICLE_PATH}`;
    const page = await open(url);
    const popup = await openPopup(browser, url);
    await popup.setViewport({ width: 400, height: 600 });
    await popup.waitForSelector('.title', { timeout: 20_000 });
    const screen = (await popup.evaluate(FIRST_SCREEN)) as FirstScreen;
    expectFirstScreen(screen);
    expect(await popup.$$eval('.entity-group[data-type="MISC"] .entity-name', (e) => e.map((x) => x.textContent))).not.toContain('Pakistani');
    await popup.close();
    await page.close();
  });

  // Last: it points the notes at a server that is not there.
  test('offline, a card says quietly that background notes need a connection', async () => {
    const gone = await startFakeWikimedia();
    await gone.close();
    await saveFirefoxSettings(localSettings(gone.origin, news.origin));
    const page = await open(`${server.origin}${DEMO_ARTICLE_PATH}`);
    await (await page.waitForSelector('::-p-xpath(//*[@data-entity-id][text()="North Waziristan"])'))?.hover();
    expect(
      await until(
        () => inCard(page, '.card .background', 'data-state'),
        (v) => v === 'offline',
        20_000,
      ),
    ).toBe('offline');
    expect(await inCard(page, '.card .background .offline')).toBe('Background notes need a connection. Try again');
    expect(await inCard(page, '.card .problem')).toBeNull();
    await saveFirefoxSettings(localSettings(wikimedia.origin, news.origin));
    await page.close();
  });
});
