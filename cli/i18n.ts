// The CLI speaks English: the browser's i18n is played by locales/en.json, so the messages written for the reader (a
// look-up's failure, in adapters/http.ts) read as the extension's English does.
import en from '../locales/en.json';
import { i18nFrom } from '../scripts/locales.mjs';

const g = globalThis as { chrome?: { i18n?: unknown } };
g.chrome = { ...(g.chrome ?? {}), i18n: g.chrome?.i18n ?? i18nFrom(en) };
