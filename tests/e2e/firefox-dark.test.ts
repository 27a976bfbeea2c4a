import { expect, test } from 'vitest';
import { axeCardPopupOptions, firefoxOnDemoForFile } from './firefox-pages';

// Firefox over WebDriver BiDi cannot emulate a colour scheme, so this Firefox starts with its content set to dark.
const running = firefoxOnDemoForFile({ 'layout.css.prefers-color-scheme.content-override': 0 });

test('Firefox, dark theme: axe finds no violations in an open card, the popup and the options page', async () => {
  const demo = running();
  const { dark, violations } = await axeCardPopupOptions(demo.browser, demo.articleUrl);
  expect(dark).toEqual([true, true, true]);
  expect(violations).toEqual([[], [], []]);
});
