import { expect, test } from 'vitest';
import { clickInCard, firefoxOnDemoForFile, inCard, until } from './firefox-pages';

// Firefox's background is an event page, which the test driver cannot stop; a short idle time-out makes Firefox stop it.
const running = firefoxOnDemoForFile({ 'extensions.background.idle.timeout': 1500 });

test('the background stopped mid-request: the card says so with a retry, and the retry recovers', async () => {
  const demo = running();
  const { browser, wikimedia } = demo;
  const page = await browser.newPage();
  await page.setViewport({ width: 1200, height: 900 });
  await page.goto(demo.articleUrl);
  await page.waitForSelector('[data-entity-id]', { timeout: 20_000 });
  wikimedia.setMode('hang');
  wikimedia.requests.length = 0;
  const mark = await page.waitForSelector('::-p-xpath(//*[@data-entity-id][text()="Raheel Sharif"])');
  const hoveredAt = Date.now();
  await mark?.hover();
  // The look-up has started (its first request is for a place the article names, which helps pick the right person).
  expect(
    await until(
      () => Promise.resolve(wikimedia.requests.length),
      (n) => n > 0,
    ),
  ).toBeGreaterThan(0);
  // The event page goes idle after 1.5 s here (30 s by default) and is stopped with the look-up still hanging: the card
  // learns it from the dropped message, well before the look-up's own 10 s time-out.
  expect(
    await until(
      () => inCard(page, '.background', 'data-state'),
      (v) => v === 'error',
    ),
  ).toBe('error');
  expect(Date.now() - hoveredAt).toBeLessThan(8_000);
  wikimedia.setMode('ok');
  await clickInCard(page, '.retry');
  expect(
    await until(
      () => inCard(page, '.background .office.at-date'),
      (v) => !!v,
    ),
  ).toContain('Chief of Army Staff, Nov 2013 – Nov 2016');
  await page.close();
});
