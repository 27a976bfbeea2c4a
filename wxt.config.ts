import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { ICON_SIZES, renderIcons } from './scripts/icons.mjs';
import { readLocales, toMessagesJson } from './scripts/locales.mjs';
import { readNerLexicon } from './scripts/ner-lexicons.mjs';

/**
 * Preact's one HTML sink is `dangerouslySetInnerHTML`, which Backstory never uses (the lint rule in lint/ forbids it).
 * Its code path is replaced by a throw, so the built extension holds no innerHTML assignment at all.
 */
function withoutPreactInnerHtml(): Plugin {
  return {
    name: 'backstory:no-preact-innerhtml',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]preact[\\/]dist[\\/]preact\.m?js$/.test(id)) return null;
      const patched = code.replace(
        /\((\w+)\.innerHTML=(\w+)\.__html\)/g,
        '(()=>{throw new Error("dangerouslySetInnerHTML is not used in Backstory")})()',
      );
      if (patched === code) this.error('Preact changed: update the dangerouslySetInnerHTML patch in wxt.config.ts');
      return { code: patched, map: null };
    },
  };
}

/** The README's "Data and credits" section, as the credits file the package carries. */
function packageCredits(): string {
  const readme = readFileSync(fileURLToPath(new URL('./README.md', import.meta.url)), 'utf8');
  const start = readme.indexOf('## Data and credits');
  const end = readme.indexOf('\n## ', start + 1);
  if (start < 0 || end < 0) throw new Error('README.md has no "## Data and credits" section to ship as CREDITS.md');
  const body = readme.slice(readme.indexOf('\n', start) + 1, end).trim();
  return `# Backstory: data and credits\n\nBackstory's code is MIT-licensed. Its models and word lists derive from the data credited below.\n\n${body}\n`;
}

// Gecko id is fixed so Firefox keeps storage across reinstalls and tests can pin the extension's origin.
export const GECKO_ID = 'backstory@backstory.example';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  // The sources zip AMO asks for holds what a reviewer rebuilds from, not what a build made: WXT leaves out .output,
  // node_modules and dotfiles; the built CLI (dist/), web-ext's artifacts and logs go too (tests/e2e/sources-zip.test.ts).
  zip: { excludeSources: ['dist/**', 'web-ext-artifacts/**', '**/*.log'] },
  vite: () => ({ plugins: [withoutPreactInnerHtml(), preact()] }),
  hooks: {
    // The name models ship as files of their own, one per language, fetched by the background only (never by a page's
    // scripts), each when the first article in its language comes; so do the word lists of the languages but English.
    'build:publicAssets': (_wxt, files) => {
      for (const language of ['en', 'de', 'fr', 'pt', 'ru']) {
        files.push({
          absoluteSrc: fileURLToPath(new URL(`./lib/entities/model/ner-${language}.bin`, import.meta.url)),
          relativeDest: `ner-${language}.bin`,
        });
        const lexicon = readNerLexicon(language);
        if (lexicon) files.push({ contents: JSON.stringify(lexicon), relativeDest: `ner-${language}.lexicon.json` });
      }
      // The models are trained on attributed (CC BY, CC BY-SA, LGPL-LR) data, so the credit travels with them: the
      // README's "Data and credits" section, and the French data's licence text in full (the LGPL-LR asks for it).
      files.push({ contents: packageCredits(), relativeDest: 'CREDITS.md' });
      files.push({
        absoluteSrc: fileURLToPath(new URL('./data/ner-fr/sequoia/LICENSE.txt', import.meta.url)),
        relativeDest: 'licences/sequoia-LGPL-LR.txt',
      });
      // The icon's PNGs, rendered from its SVG on every build; WXT lists `icon/<size>.png` in the manifest's icons.
      const icons = renderIcons(fileURLToPath(new URL('./.wxt/icon', import.meta.url)));
      for (const [size, path] of Object.entries(icons)) files.push({ absoluteSrc: path, relativeDest: `icon/${size}.png` });
      // The interface's strings in every language (locales/*.json), as the browser reads them.
      for (const [language, strings] of Object.entries(readLocales()))
        files.push({ contents: toMessagesJson(strings), relativeDest: `_locales/${language}/messages.json` });
    },
    // Host access is the reader's choice at run time (adapters/host-access.ts): WXT lists the run-time gate's matches as
    // host permissions, which would have the install dialog ask for every site; they are optional instead.
    'build:manifestGenerated': (_wxt, manifest) => {
      manifest.optional_host_permissions = manifest.host_permissions;
      delete manifest.host_permissions;
      if (!manifest.content_scripts?.length) delete manifest.content_scripts;
    },
    // The gate runs on every page and must stay tiny: it gets the browser's native API, not the polyfill.
    'vite:build:extendConfig': (entrypoints, viteConfig) => {
      if (entrypoints.length !== 1 || entrypoints[0]?.name !== 'gate') return;
      const native = fileURLToPath(new URL('./adapters/native-browser.ts', import.meta.url));
      const alias = viteConfig.resolve?.alias;
      const entries = Array.isArray(alias) ? alias : Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement }));
      viteConfig.resolve = { ...viteConfig.resolve, alias: [{ find: /^wxt\/browser$/, replacement: native }, ...entries] };
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Each is justified in the README's "Permissions" section.
    permissions: ['storage', 'scripting', 'activeTab', 'contextMenus'],
    action: { default_title: '__MSG_extName__', default_icon: Object.fromEntries(ICON_SIZES.map((size) => [size, `icon/${size}.png`])) },
    commands: {
      'toggle-highlights': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: '__MSG_commandToggle__',
      },
    },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko_android: { strict_min_version: '142.0' },
        gecko: {
          id: GECKO_ID,
          // 140 is the first ESR that reads data_collection_permissions.
          strict_min_version: '140.0',
          // What the reader's own actions send (PRIVACY.md): names from the article's text to Wikidata and Wikipedia, and
          // with a news search, to the news services (website content); the publisher's domain only if the reader
          // turns on "Search only the article's own publisher", which asks for this consent first (browsing activity).
          data_collection_permissions: { required: ['websiteContent'], optional: ['browsingActivity'] },
        },
      },
    }),
  }),
});
