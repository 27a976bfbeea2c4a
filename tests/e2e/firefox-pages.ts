import type { Browser, Page } from 'puppeteer-core';

/**
 * Opens an extension page in Firefox and waits until `selector` is in it. Firefox never resolves goto() on
 * moz-extension pages, and evaluating while the page is still being swapped in can fail with a protocol error, so
 * the page is polled, errors counting as "not yet".
 */
export async function openExtensionPage(browser: Browser, url: string, selector: string, timeout = 20_000): Promise<Page> {
  const page = await browser.newPage();
  page.goto(url).catch(() => {});
  const end = Date.now() + timeout;
  for (;;) {
    const ready = await page
      .evaluate((s) => location.protocol === 'moz-extension:' && document.readyState === 'complete' && document.querySelector(s) !== null, selector)
      .catch(() => false);
    if (ready) return page;
    if (Date.now() > end) throw new Error(`${url}: ${selector} did not appear in ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** Reads a value again and again until `ok` accepts it or the time is up; returns the last value read. */
export async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeout = 15_000): Promise<T> {
  const end = Date.now() + timeout;
  let value = await read();
  while (!ok(value) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 150));
    value = await read();
  }
  return value;
}
