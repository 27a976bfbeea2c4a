// The interface's languages (locales/*.json): every string in every language, the same placeholders in each, every key
// the code uses defined and every defined key used, and no text written into the components outside them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readLocales, substitute, toMessagesJson } from '../../scripts/locales.mjs';
import config from '../../wxt.config';

const locales = readLocales();
const en = locales.en as Record<string, string>;
const LANGUAGES = ['de', 'en', 'es', 'fr', 'pt'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}
const code = ['components', 'entrypoints', 'adapters'].flatMap(sources).map((path) => ({ path, text: readFileSync(path, 'utf8') }));
const placeholders = (text: string) => [...new Set(text.match(/\$\d|%s/g) ?? [])].sort();
const PLURAL = /_(zero|one|two|few|many|other)$/;

describe('interface languages', () => {
  test('English, German, French, Spanish and Portuguese are there', () => {
    expect(Object.keys(locales).sort()).toEqual(LANGUAGES);
  });

  test.each(LANGUAGES.filter((l) => l !== 'en'))(
    '%s has every string English has, none empty, none extra, with the same placeholders',
    (language) => {
      const strings = locales[language] as Record<string, string>;
      const missing = Object.keys(en).filter((key) => !strings[key]?.trim());
      // Each names its own language, which dates and numbers then follow.
      expect(strings.uiLanguage).toBe(language);
      const extra = Object.keys(strings).filter((key) => !(key in en));
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
      const mismatched = Object.keys(en).filter((key) => placeholders(en[key] as string).join() !== placeholders(strings[key] as string).join());
      expect(mismatched).toEqual([]);
    },
  );

  test('a string missing in one language is caught', () => {
    const broken = { ...(locales.de as Record<string, string>) };
    delete broken.popupWhoIsInIt;
    expect(Object.keys(en).filter((key) => !broken[key]?.trim())).toEqual(['popupWhoIsInIt']);
  });

  test('every key the code asks for is defined, and every defined key is asked for', () => {
    const used = new Set<string>();
    const plurals = new Set<string>();
    for (const { text } of code) {
      for (const m of text.matchAll(/\b(?:t|getMessage)\(\s*'(\w+)'/g)) used.add(m[1] as string);
      for (const m of text.matchAll(/\btn\(\s*'(\w+)'/g)) plurals.add(m[1] as string);
      // Keys chosen by a value: t(`type${type}`), t(note) from a table of keys, t(cond ? 'a' : 'b').
      for (const m of text.matchAll(/\bt\(`(\w+)\$\{/g)) for (const key of Object.keys(en)) if (key.startsWith(m[1] as string)) used.add(key);
      for (const m of text.matchAll(/[?:]\s*'(\w+)'/g)) {
        if (m[1] && m[1] in en) used.add(m[1]);
        if (m[1] && `${m[1]}_other` in en) plurals.add(m[1]);
      }
    }
    // The manifest's words (name, description, the command) and the menu entry.
    const manifest = JSON.stringify((config.manifest as (env: { browser: string }) => object)({ browser: 'chrome' }));
    for (const m of manifest.matchAll(/__MSG_(\w+)__/g)) used.add(m[1] as string);
    const undefinedKeys = [...used].filter((key) => !(key in en));
    const pluralsMissing = [...plurals].filter((key) => !(`${key}_one` in en && `${key}_other` in en));
    const unused = Object.keys(en).filter((key) => !used.has(key) && !plurals.has(key.replace(PLURAL, '')));
    expect({ undefinedKeys, pluralsMissing, unused }).toEqual({ undefinedKeys: [], pluralsMissing: [], unused: [] });
  });

  test('no words written straight into the components’ markup (names of services aside)', () => {
    const PROPER_NAMES = new Set(['Wikipedia', 'Wikidata']);
    // Text between an element's tag and the next tag or expression.
    const TEXT = /(?:<[a-z][\w-]*(?:\s[^<>]*)?>|<\/[a-z][\w-]*>)([^<>{}]*\p{L}{2,}[^<>{}]*)(?=<[/a-z]|\{)/gu;
    const written = code
      .filter(({ path }) => path.endsWith('.tsx'))
      .flatMap(({ path, text }) =>
        [...text.matchAll(TEXT)]
          .map((m) => (m[1] as string).trim())
          // Code between elements (a closing tag, then the function's next line) is not text.
          .filter((words) => words && !PROPER_NAMES.has(words) && !/[;=()]/.test(words))
          .map((words) => `${path}: ${words}`),
      );
    expect(written).toEqual([]);
  });

  test('what the background tells the reader (failures, notices, problems, notes) is no text written into the code', () => {
    // A reader-facing field or notice given as a literal with words in it, in the background's adapters and the pages.
    const FIELD =
      /\b(?:message|error|notice|problem|incomplete)\s*:\s*(['"`])([^'"`]*\p{L}{2,}[^'"`]*)\1|\btell\(\s*(['"`])([^'"`]*\p{L}{2,}[^'"`]*)\3/gu;
    const written = code.flatMap(({ path, text }) => [...text.matchAll(FIELD)].map((m) => `${path}: ${m[2] ?? m[4]}`));
    expect(written).toEqual([]);
  });

  test('each language’s messages.json as the build writes it gives the same text as the source, placeholders filled', () => {
    for (const language of LANGUAGES) {
      const strings = locales[language] as Record<string, string>;
      const built = JSON.parse(toMessagesJson(strings)) as Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
      for (const [key, text] of Object.entries(strings)) {
        expect(key).toMatch(/^\w+$/);
        // What the browser does: named placeholders to their content, then $1… to the arguments, $$ to $.
        const entry = built[key] as { message: string; placeholders?: Record<string, { content: string }> };
        const named = entry.message.replace(/\$(\w+)\$/g, (_, name: string) => entry.placeholders?.[name.toLowerCase()]?.content ?? '');
        const filled = substitute(named, ['A', 'B']).replace(/\$\$/g, '$');
        expect(filled).toBe(substitute(text, ['A', 'B']));
      }
    }
  });

  test('plural forms: each language has the forms "one" and "other"; the rest fall back to "other"', () => {
    for (const language of LANGUAGES) {
      const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      expect(categories).toContain('one');
      expect(categories).toContain('other');
    }
  });
});
