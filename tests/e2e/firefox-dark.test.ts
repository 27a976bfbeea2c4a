import { fileURLToPath } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEMO_ARTICLE_PATH, startDemoServer } from '../../scripts/demo-server.mjs';
import { type FakeWikimedia, startFakeWikimedia } from '../fixtures/wikimedia/server.mjs';
import { E2E_ROUTES, localSettings } from './expectations';
import { axeCardPopupOptions, launchFirefox } from './firefox-pages';

const EXTENSION = fileURLToPath(new URL('../../.output/firefox-mv3', import.meta.url));

// Firefox over WebDriver BiDi cannot emulate a colour scheme, so this Firefox starts with its content set to dark.
let server: Awaited<ReturnType<typeof startDemoServer>>;
let wikimedia: FakeWikimedia;
let browser: Browser;

beforeAll(async () => {
  server = await startDemoServer({ routes: E2E_ROUTES });
  wikimedia = await startFakeWikimedia();
  ({ browser } = await launchFirefox(EXTENSION, localSettings(wikimedia.origin, wikimedia.origin), {
    'layout.css.prefers-color-scheme.content-override': 0,
  }));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await wikimedia?.close();
});

test('Firefox, dark theme: axe finds no violations in an open card, the popup and the options page', async () => {
  const { dark, violations } = await axeCardPopupOptions(browser, `${server.origin}${DEMO_ARTICLE_PATH}`);
  expect(dark).toEqual([true, true, true]);
  expect(violations).toEqual([[], [], []]);
});
