/**
 * `wxt/browser` for the always-injected gate only: the browser's own promise-based API (Firefox's `browser`, Chrome
 * MV3's `chrome`) instead of webextension-polyfill, which would double the gate's size. The gate sends one message and
 * reads the runtime id; both behave the same natively in every browser Backstory supports. See wxt.config.ts.
 */
type Api = typeof import('@wxt-dev/webextension-polyfill/browser').browser;
const g = globalThis as unknown as { browser?: Api; chrome?: Api };
export const browser: Api = (g.browser?.runtime?.id ? g.browser : g.chrome) as Api;
export type Browser = typeof browser;
