// The extension's elements in a page, as the end-to-end tests find them. Their names carry a per-install suffix
// (adapters/element-names.ts), so tests find highlights by the entity they carry; the card lives in a closed shadow root
// no page script can open, which the tests open through the browsers' remote protocols (CDP, WebDriver BiDi) instead.
import type { Page as ChromiumPage } from 'playwright-core';
import type { Page as FirefoxPage } from 'puppeteer-core';

/** Every highlight, whatever this install names it. */
export const MARK = '[data-entity-id]';

/** The highlight of `name`, as an XPath (for puppeteer's `::-p-xpath`). */
export const markXPath = (name: string) => `//*[@data-entity-id][text()="${name}"]`;

/** The card's host once a test opened it with `openCard*`: its `shadowRoot` then answers in the page's main world. */
export const CARD_HOST = '[data-test-card]';

/** Finds the card's host among the root's children (the extension appends it there). */
const FIND_HOST = `() => [...document.documentElement.children].find((e) => e.localName.startsWith('backstory-card-')) ?? null`;

/** Given the closed shadow root, marks its host for the test and lets `host.shadowRoot` return it in this world. */
const EXPOSE = `function (root) {
  root = root ?? this;
  root.host.setAttribute('data-test-card', '');
  Object.defineProperty(root.host, 'shadowRoot', { configurable: true, get: () => root });
  return root.mode;
}`;

/** Chromium: the closed root from CDP's pierced DOM, opened for the test; returns its mode, or null without a card host. */
export async function openCardChromium(page: ChromiumPage): Promise<string | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: 1, pierce: true });
    type Node = { localName?: string; backendNodeId: number; shadowRoots?: Node[]; children?: Node[] };
    const html = (root as Node).children?.find((n) => n.localName === 'html');
    // The root's children only: depth 1 below <html> is enough, the host is appended there.
    const { node } = await cdp.send('DOM.describeNode', { backendNodeId: (html as Node).backendNodeId, depth: 2, pierce: true });
    const host = ((node as Node).children ?? []).find((n) => n.localName?.startsWith('backstory-card-'));
    const shadow = host?.shadowRoots?.[0];
    if (!shadow) return null;
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    const { result } = await cdp.send('Runtime.callFunctionOn', { objectId: object.objectId, functionDeclaration: EXPOSE, returnByValue: true });
    return result.value as string;
  } finally {
    await cdp.detach();
  }
}

type BidiRealm = {
  callFunction(
    fn: string,
    awaitPromise: boolean,
    options: object,
  ): Promise<{ type: string; result?: { value?: { shadowRoot?: { sharedId?: string } }; type?: string } }>;
};

/** Firefox: the closed root from a WebDriver BiDi serialisation that includes shadow trees, opened for the test. */
export async function openCardFirefox(page: FirefoxPage): Promise<string | null> {
  const realm = (page.mainFrame() as unknown as { mainRealm(): { realm: BidiRealm } }).mainRealm().realm;
  const found = await realm.callFunction(FIND_HOST, true, {
    resultOwnership: 'none',
    serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
  });
  const sharedId = found.result?.value?.shadowRoot?.sharedId;
  if (!sharedId) return null;
  const exposed = await realm.callFunction(EXPOSE, true, { arguments: [{ sharedId }], resultOwnership: 'none' });
  return (exposed.result as { value?: string } | undefined)?.value ?? null;
}

/** Reads an element (its text, or one attribute) inside the card the test opened, or null while there is none. */
export function cardReader(page: { evaluate: ChromiumPage['evaluate'] } | FirefoxPage) {
  return (selector: string, attribute?: string): Promise<string | null> =>
    (page as ChromiumPage).evaluate(
      ([s, a, host]) => {
        const el = document.querySelector(host as string)?.shadowRoot?.querySelector(s as string);
        return el ? (a ? el.getAttribute(a) : el.textContent) : null;
      },
      [selector, attribute, CARD_HOST] as const,
    );
}

/** Chromium: the card's contents as a test reads them, its closed root opened over CDP first; clicks are the mouse's. */
export function chromiumCard(page: ChromiumPage) {
  const read = cardReader(page);
  return {
    async text(selector: string): Promise<string | null> {
      await openCardChromium(page);
      return read(selector);
    },
    async attribute(selector: string, attribute: string): Promise<string | null> {
      await openCardChromium(page);
      return read(selector, attribute);
    },
    async count(selector: string): Promise<number> {
      await openCardChromium(page);
      return page.evaluate(([host, s]) => document.querySelector(host)?.shadowRoot?.querySelectorAll(s).length ?? 0, [CARD_HOST, selector] as const);
    },
    async style(selector: string, property: string): Promise<string | null> {
      await openCardChromium(page);
      return page.evaluate(
        ([host, s, p]) => {
          const el = document.querySelector(host)?.shadowRoot?.querySelector(s);
          return el ? getComputedStyle(el).getPropertyValue(p) : null;
        },
        [CARD_HOST, selector, property] as const,
      );
    },
    /** A real click (the mouse's, trusted) at the middle of the element. */
    async click(selector: string): Promise<void> {
      await openCardChromium(page);
      const box = await page.evaluate(
        ([host, s]) => {
          const r = document.querySelector(host)?.shadowRoot?.querySelector(s)?.getBoundingClientRect();
          return r ? { x: r.x + r.width / 2, y: r.y + r.height / 2 } : null;
        },
        [CARD_HOST, selector] as const,
      );
      if (!box) throw new Error(`no ${selector} in the card`);
      await page.mouse.click(box.x, box.y);
    },
  };
}
