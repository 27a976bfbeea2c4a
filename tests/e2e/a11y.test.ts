// Accessibility in Chromium: the highlights and the card by keyboard, and axe-core on the popup, the options page and
// an open card, in light and dark themes, with 0 violations.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_ARTICLE_PATH, startDemoServer } from '../../scripts/demo-server.mjs';
import { startFakeNews } from '../fixtures/news/server.mjs';
import { startFakeWikimedia } from '../fixtures/wikimedia/server.mjs';
import { AXE_SOURCE, runAxeInPage } from './axe';
import { launchChromium, saveSettings } from './chromium-launch';
import { E2E_ROUTES, localSettings } from './expectations';
import { CARD_HOST, chromiumCard } from './page-elements';

async function axe(page: Page, context: unknown = null) {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(runAxeInPage, context);
}

describe('Chromium: accessibility', () => {
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  let wikimedia: Awaited<ReturnType<typeof startFakeWikimedia>>;
  let news: Awaited<ReturnType<typeof startFakeNews>>;
  let context: BrowserContext;
  let extensionId: string;
  let profile: string;

  beforeAll(async () => {
    server = await startDemoServer({ routes: E2E_ROUTES });
    wikimedia = await startFakeWikimedia();
    news = await startFakeNews();
    profile = await mkdtemp(join(tmpdir(), 'backstory-a11y-'));
    let worker: Worker;
    ({ context, worker, extensionId } = await launchChromium(profile));
    await saveSettings(worker, localSettings(wikimedia.origin, news.origin));
  });

  afterAll(async () => {
    await context?.close();
    await server?.close();
    await wikimedia?.close();
    await news?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  test('by keyboard: Tab reaches a name and opens its card, Esc closes it with focus kept, Enter and Space open it again', async () => {
    const page = await context.newPage();
    await page.goto(`${server.origin}${DEMO_ARTICLE_PATH}`);
    await page.waitForSelector('[data-entity-id]');
    const focused = () => page.evaluate(() => !!document.activeElement?.hasAttribute('data-entity-id'));
    for (let i = 0; i < 60 && !(await focused()); i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe(true);
    const entityId = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.entityId);
    const card = chromiumCard(page);
    await expect.poll(() => card.attribute('.card', 'data-entity-id')).toBe(entityId);
    expect(await card.attribute('.card', 'role')).toBe('dialog');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-expanded'))).toBe('true');

    await page.keyboard.press('Escape');
    await expect.poll(() => card.count('.card')).toBe(0);
    expect(await focused()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-expanded'))).toBeNull();
    await page.keyboard.press('Enter');
    await expect.poll(() => card.count('.card')).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => card.count('.card')).toBe(0);
    await page.keyboard.press(' ');
    await expect.poll(() => card.count('.card')).toBe(1);
    await page.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`axe finds no violations in an open card, the popup and the options page (${colorScheme} theme)`, async () => {
      const page = await context.newPage();
      await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
      await page.goto(`${server.origin}${DEMO_ARTICLE_PATH}`);
      await page.waitForSelector('[data-entity-id]');
      await page.locator('[data-entity-id]', { hasText: 'Raheel Sharif' }).first().hover();
      const card = chromiumCard(page);
      await expect.poll(() => card.count('.card .background .office'), { timeout: 10_000 }).toBeGreaterThan(0);
      expect(await axe(page, { include: [[CARD_HOST, '.card'], ['[data-entity-id]']] })).toEqual([]);

      const popup = await context.newPage();
      await popup.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
      await popup.setViewportSize({ width: 400, height: 900 });
      await popup.goto(`chrome-extension://${extensionId}/popup.html?url=${encodeURIComponent(page.url())}`);
      await popup.waitForSelector('.title');
      await popup.locator('.central-list .entity-toggle', { hasText: 'Raheel Sharif' }).click();
      await popup.locator('.background .office').first().waitFor({ timeout: 10_000 });
      expect(await axe(popup)).toEqual([]);
      // Every fold open: all names, quotes and coverage under axe too.
      const closed = popup.locator('details:not([open]) > summary').first();
      while ((await closed.count()) > 0) await closed.click();
      expect(await axe(popup)).toEqual([]);
      await popup.getByRole('button', { name: 'Timeline' }).click();
      expect(await axe(popup)).toEqual([]);

      const options = await context.newPage();
      await options.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
      await options.goto(`chrome-extension://${extensionId}/options.html`);
      await options.locator('.history-count').waitFor();
      expect(await axe(options)).toEqual([]);
      await Promise.all([popup.close(), options.close(), page.close()]);
    });
  }
});
