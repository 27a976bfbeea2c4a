// The browser's i18n as the extension's pages have it, in English (locales/en.json through the build's own
// substitution), for tests that render the interface outside a browser.
import { i18nFrom, readLocales } from '../scripts/locales.mjs';

const g = globalThis as { chrome?: Record<string, unknown> };
g.chrome = { ...(g.chrome ?? {}), i18n: i18nFrom(readLocales().en as Record<string, string>) };
