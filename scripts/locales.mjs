// The interface's strings: locales/<language>.json, a flat { key: text } per language, English the default. The build
// turns each into the browser's _locales/<language>/messages.json (wxt.config.ts), so every page and the card read them
// through browser.i18n, in the browser's language; tests read them through the same `substitute`.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// From the path, not `new URL(…, import.meta.url)`: test environments with a DOM bring a URL of their own.
export const LOCALES_DIR = `${join(dirname(fileURLToPath(import.meta.url)), '..', 'locales')}/`;
export const DEFAULT_LOCALE = 'en';

/** Every language's strings, by language code ("en", "de", …). */
export function readLocales() {
  return Object.fromEntries(
    readdirSync(LOCALES_DIR)
      .filter((f) => f.endsWith('.json'))
      .map((f) => [f.slice(0, -5), JSON.parse(readFileSync(`${LOCALES_DIR}${f}`, 'utf8'))]),
  );
}

/**
 * The browser's messages.json for one language: `$1`…`$9` in a text become named placeholders (the form both Chrome and
 * Firefox document), and a literal `$` is doubled.
 */
export function toMessagesJson(strings) {
  const messages = {};
  for (const [key, text] of Object.entries(strings)) {
    const placeholders = {};
    const message = text.replace(/\$(\d)?/g, (_, n) => {
      if (!n) return '$$';
      placeholders[`arg${n}`] = { content: `$${n}` };
      return `$ARG${n}$`;
    });
    messages[key] = Object.keys(placeholders).length ? { message, placeholders } : { message };
  }
  return `${JSON.stringify(messages, null, 1)}\n`;
}

/** A text with its `$1`…`$9` filled in, as browser.i18n.getMessage fills them. */
export function substitute(text, subs = []) {
  return text.replace(/\$(\d)/g, (_, n) => subs[Number(n) - 1] ?? '');
}

/** The browser's i18n (getMessage, getUILanguage) played by one language's strings, where no browser gives it. */
export function i18nFrom(strings, uiLanguage = DEFAULT_LOCALE) {
  return {
    getMessage: (key, subs = []) => (key in strings ? substitute(strings[key], [subs].flat()) : ''),
    getUILanguage: () => uiLanguage,
  };
}
