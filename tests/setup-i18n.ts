// The browser's i18n as the extension's pages have it, in English (locales/en.json through the build's own
// substitution), for tests that render the interface outside a browser.
import { readLocales, substitute } from '../scripts/locales.mjs';

const en = readLocales().en as Record<string, string>;
const i18n = {
  getMessage: (key: string, subs?: string | string[]) => (key in en ? substitute(en[key] as string, subs === undefined ? [] : [subs].flat()) : ''),
  getUILanguage: () => 'en',
};
const g = globalThis as { chrome?: Record<string, unknown> };
g.chrome = { ...(g.chrome ?? {}), i18n };
