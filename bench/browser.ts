// The in-browser part of `npm run bench`: the built extension in headless Chromium, on pages served on 127.0.0.1.
// Navigation to highlights, long tasks, popup first render and JS heap, each against the same page without Backstory.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { chooseAccess } from '../scripts/chromium-access.mjs';
import { DEMO_ARTICLE_PATH, startDemoServer } from '../scripts/demo-server.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const EXTENSION = join(process.cwd(), '.output/chrome-mv3');

/** Runs in the page before its own scripts: records long tasks and when the first highlight appears. */
const PROBE = `
  window.__bench = { longTasks: [], firstMark: null };
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__bench.longTasks.push(e.duration); })
    .observe({ type: 'longtask', buffered: true });
  new MutationObserver((_, observer) => {
    if (document.querySelector('[data-entity-id]')) { window.__bench.firstMark = performance.now(); observer.disconnect(); }
  }).observe(document, { subtree: true, childList: true });
`;

export interface PageRun {
  /** navigation start → first highlight, ms (null when none came) */
  toHighlights: number | null;
  longTasks: number[];
}

async function launch(withExtension: boolean): Promise<{ context: BrowserContext; extensionId: string | null; profile: string }> {
  const profile = mkdtempSync(join(tmpdir(), 'backstory-bench-'));
  const extension = withExtension ? [`--disable-extensions-except=${EXTENSION}`, `--load-extension=${EXTENSION}`] : [];
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...extension, '--no-sandbox', '--disable-gpu', '--no-first-run', '--enable-precise-memory-info', '--js-flags=--expose-gc'],
  });
  await context.addInitScript(PROBE);
  let extensionId: string | null = null;
  if (withExtension) {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    extensionId = new URL(worker.url()).host;
    await (await chooseAccess(context, worker, extensionId, 'everywhere')).close();
  }
  return { context, extensionId, profile };
}

async function visit(page: Page, url: string, expectMarks: boolean): Promise<PageRun> {
  await page.goto(url);
  if (expectMarks) await page.waitForSelector('[data-entity-id]', { timeout: 20_000 });
  // Let chunked highlighting finish and late long tasks be reported.
  await page.waitForTimeout(expectMarks ? 400 : 200);
  return page.evaluate(() => {
    const b = (window as unknown as { __bench: { longTasks: number[]; firstMark: number | null } }).__bench;
    return { toHighlights: b.firstMark, longTasks: b.longTasks };
  });
}

/** JS heap in use by the page's renderer after a full garbage collection, in bytes. */
async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
}

export interface BrowserBench {
  withExtension: PageRun[];
  without: PageRun[];
  popupReadyMs: number[];
  heapWith: number;
  heapWithout: number;
  big: { name: string; words: number; run: PageRun }[];
}

/** Runs the in-browser measurements; null when no Chromium or no build is there to run them. */
export async function benchInBrowser(
  repeats: number,
  bigPages: { name: string; path: string; words: number; body: string }[],
): Promise<BrowserBench | null> {
  if (!existsSync(CHROMIUM) || !existsSync(join(EXTENSION, 'manifest.json'))) return null;
  const routes = Object.fromEntries(bigPages.map((p) => [p.path, { body: p.body, type: 'text/html; charset=utf-8' }]));
  const server = await startDemoServer({ routes });
  const url = `${server.origin}${DEMO_ARTICLE_PATH}`;
  const result: BrowserBench = { withExtension: [], without: [], popupReadyMs: [], heapWith: 0, heapWithout: 0, big: [] };
  for (const withExtension of [true, false]) {
    const { context, extensionId, profile } = await launch(withExtension);
    try {
      const page = await context.newPage();
      for (let r = 0; r < repeats + 1; r++) {
        const run = await visit(page, url, withExtension);
        // The first visit warms the browser's caches: not counted.
        if (r > 0) (withExtension ? result.withExtension : result.without).push(run);
      }
      const heap = await heapAfterGc(page);
      if (withExtension) result.heapWith = heap;
      else result.heapWithout = heap;
      if (withExtension && extensionId) {
        const tabs = await context
          .serviceWorkers()[0]
          ?.evaluate(
            async (target) =>
              (
                await (
                  globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } }
                ).chrome.tabs.query({})
              ).find((t) => t.url === target)?.id,
            url,
          );
        for (let r = 0; r < repeats; r++) {
          const popup = await context.newPage();
          await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabs}`);
          await popup.waitForSelector('.title');
          const ready = await popup.evaluate(() => performance.getEntriesByName('backstory:popup-ready')[0]?.startTime ?? null);
          if (ready !== null) result.popupReadyMs.push(ready);
          await popup.close();
        }
        for (const big of bigPages)
          result.big.push({ name: big.name, words: big.words, run: await visit(page, `${server.origin}${big.path}`, true) });
      }
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  }
  await server.close();
  return result;
}

export interface HugePageRun {
  /** DOMContentLoaded → first highlight, ms: what Backstory adds once the page itself has loaded */
  toHighlightsAfterLoad: number | null;
  domContentLoaded: number;
  /** the background's longest stall while it analysed the page (its event loop measured every 10 ms) */
  backgroundStall: number;
  longTasks: number[];
}

/**
 * A huge page (10 MB) with the extension, after the background analysed the demo article once (its cold start is
 * measured apart): how soon after the page's own load the first highlight comes, and how long the background, which
 * serves every tab, was ever kept from answering.
 */
export async function benchHugePage(huge: { path: string; body: string }): Promise<HugePageRun | null> {
  if (!existsSync(CHROMIUM) || !existsSync(join(EXTENSION, 'manifest.json'))) return null;
  const server = await startDemoServer({ routes: { [huge.path]: { body: huge.body, type: 'text/html; charset=utf-8' } } });
  const { context, profile } = await launch(true);
  try {
    const page = await context.newPage();
    await visit(page, `${server.origin}${DEMO_ARTICLE_PATH}`, true);
    const worker = context.serviceWorkers()[0];
    if (!worker) return null;
    await worker.evaluate(() => {
      const g = globalThis as unknown as { __stall: number; __stallTimer?: ReturnType<typeof setInterval> };
      g.__stall = 0;
      let last = performance.now();
      clearInterval(g.__stallTimer);
      g.__stallTimer = setInterval(() => {
        const now = performance.now();
        g.__stall = Math.max(g.__stall, now - last - 10);
        last = now;
      }, 10);
    });
    await page.goto(`${server.origin}${huge.path}`, { timeout: 120_000 });
    await page.waitForSelector('[data-entity-id]', { timeout: 120_000 });
    // The rest of the analysis and the highlighting go on after the first highlight.
    await page.waitForTimeout(3000);
    const inPage = await page.evaluate(() => {
      const b = (window as unknown as { __bench: { longTasks: number[]; firstMark: number | null } }).__bench;
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return { firstMark: b.firstMark, longTasks: b.longTasks, domContentLoaded: nav?.domContentLoadedEventEnd ?? 0 };
    });
    const backgroundStall = await worker.evaluate(() => (globalThis as unknown as { __stall: number }).__stall);
    return {
      toHighlightsAfterLoad: inPage.firstMark === null ? null : inPage.firstMark - inPage.domContentLoaded,
      domContentLoaded: inPage.domContentLoaded,
      backgroundStall,
      longTasks: inPage.longTasks,
    };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    await server.close();
  }
}
