// Chromium with Backstory freshly installed shows the onboarding page; this makes the reader's choice there, for the
// demo (`npm start`), the benchmarks and the end-to-end tests.
//
// Choosing "on all news sites" makes the browser ask for host access in a dialog that headless Chromium cannot show (the
// request would wait for ever). The reader's "Allow" is therefore given first where the browser's own extension page
// gives it (its site access list, chrome://extensions), after which the extension's request is answered without a
// question: the onboarding page's own code path (permissions.request, then the gate registered) runs unchanged.

/** The onboarding page the extension opened on install. */
export async function onboardingPage(context, extensionId) {
  const url = `chrome-extension://${extensionId}/welcome.html`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    const open = context.pages().find((p) => p.url() === url);
    if (open) {
      await open.waitForSelector('input[name="access"]:not([disabled])');
      return open;
    }
    if (Date.now() > deadline) throw new Error('The onboarding page did not open on install');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Grants host access to every http(s) site as the browser's extension page does, without a question. */
export async function allowAllSitesInBrowser(context, extensionId) {
  const page = await context.newPage();
  await page.goto(`chrome://extensions/?id=${extensionId}`);
  for (const host of ['http://*/*', 'https://*/*'])
    await page.evaluate(([id, pattern]) => globalThis.chrome.developerPrivate.addHostPermission(id, pattern), [extensionId, host]);
  await page.close();
}

/** The gate's registration as the background sees it: the host patterns it runs on ([] when unregistered). */
export function gateMatches(worker) {
  return worker.evaluate(async () => (await globalThis.chrome.scripting.getRegisteredContentScripts({ ids: ['gate'] }))[0]?.matches ?? []);
}

/**
 * Picks `mode` on the onboarding page as the reader would (a click), answering the browser's question with "Allow",
 * and waits until the gate's registration follows. Returns the onboarding page, still open.
 */
export async function chooseAccess(context, worker, extensionId, mode) {
  const page = await onboardingPage(context, extensionId);
  if (mode === 'everywhere') await allowAllSitesInBrowser(context, extensionId);
  const radio = page.locator(`input[name="access"][value="${mode}"]`);
  if (!(await radio.isChecked())) await radio.click();
  const deadline = Date.now() + 10_000;
  while (((await gateMatches(worker)).length === 0) !== (mode === 'on-click')) {
    if (Date.now() > deadline) throw new Error(`The gate's registration did not follow the choice "${mode}"`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return page;
}
