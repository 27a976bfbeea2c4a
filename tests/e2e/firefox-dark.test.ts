import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { axeCardPopupOptions, type FirefoxOnDemo, firefoxOnDemo } from './firefox-pages';

const EXTENSION = fileURLToPath(new URL('../../.output/firefox-mv3', import.meta.url));

// Firefox over WebDriver BiDi cannot emulate a colour scheme, so this Firefox starts with its content set to dark.
let demo: FirefoxOnDemo;

beforeAll(async () => {
  demo = await firefoxOnDemo(EXTENSION, { 'layout.css.prefers-color-scheme.content-override': 0 });
});

afterAll(async () => {
  await demo?.close();
});

test('Firefox, dark theme: axe finds no violations in an open card, the popup and the options page', async () => {
  const { dark, violations } = await axeCardPopupOptions(demo.browser, demo.articleUrl);
  expect(dark).toEqual([true, true, true]);
  expect(violations).toEqual([[], [], []]);
});
