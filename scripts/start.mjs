// `npm start`: builds the Chrome extension, serves the bundled demo article on 127.0.0.1 (offline), and opens
// Chromium with the extension loaded on it. Without a display it runs headless, prints what the extension
// found and saves a screenshot, so the command still shows the whole path working.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { chooseAccess } from './chromium-access.mjs';
import { DEMO_ARTICLE_PATH, startDemoServer } from './demo-server.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const EXTENSION = resolve('.output/chrome-mv3');

if (!existsSync(CHROMIUM)) {
  console.error(`Chromium was not found at ${CHROMIUM}. Install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH.`);
  process.exit(1);
}
const build = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const server = await startDemoServer({ port: Number(process.env.PORT ?? 0) });
const articleUrl = `${server.origin}${DEMO_ARTICLE_PATH}`;
const headless = !process.env.DISPLAY || process.env.HEADLESS === '1';
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'backstory-demo-')), {
  executablePath: CHROMIUM,
  headless,
  viewport: headless ? { width: 1200, height: 900 } : null,
  args: [
    `--disable-extensions-except=${EXTENSION}`,
    `--load-extension=${EXTENSION}`,
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  ],
});
// The onboarding page opens on install; the demo chooses "on all news sites" there, as a reader would.
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const onboarding = await chooseAccess(context, worker, new URL(worker.url()).host, 'everywhere');
const page = context.pages().find((p) => p !== onboarding) ?? (await context.newPage());
await page.goto(articleUrl);
await page.bringToFront();
console.log(`\nDemo article: ${articleUrl}\nHome page (not an article): ${server.origin}/`);

if (headless) {
  await page.waitForSelector('[data-entity-id]', { timeout: 15_000 });
  const names = [...new Set(await page.$$eval('[data-entity-id]', (marks) => marks.map((m) => m.textContent)))];
  await page.locator('[data-entity-id]', { hasText: 'Jeff Rathke' }).first().hover();
  await page.waitForTimeout(400);
  const shot = resolve('.output/demo.png');
  await page.screenshot({ path: shot });
  console.log(`No display found, so Chromium ran headless.\nHighlighted: ${names.join(', ')}\nScreenshot with the card open: ${shot}`);
  await context.close();
  await server.close();
} else {
  console.log('Hover a highlighted name for its card; click the Backstory toolbar button for the popup. Close the browser to stop.');
  context.on('close', () => server.close().then(() => process.exit(0)));
}
