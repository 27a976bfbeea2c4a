// Sizes are deterministic, so they are enforced here (timings are only reported, by `npm run bench`).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

describe.each(['chrome-mv3', 'firefox-mv3'])('the %s build', (build) => {
  const dir = `.output/${build}`;

  test('the script injected on every page is at most 15 KB minified, without the polyfill or the analyser', () => {
    const gate = readFileSync(`${dir}/content-scripts/gate.js`, 'utf8');
    expect(gate.length).toBeLessThanOrEqual(15 * 1024);
    expect(gate).not.toContain('webextension-polyfill');
    // Strings only the analyser holds: its lexicon (place names), the highlight and card elements.
    expect(gate).not.toContain('backstory-mark');
    expect(gate).not.toContain('islamabad');
    expect(gate).not.toContain('backstory-card');
    // Nor the extractor's line rules, which reach the gate's module graph through lib/messaging (built on first use).
    expect(gate).not.toContain('all rights reserved');
  });

  test('the analyser injected into article pages leaves the NLP lexicons to the background', () => {
    const analyzer = readFileSync(`${dir}/analyzer.js`, 'utf8');
    expect(analyzer.length).toBeLessThanOrEqual(100 * 1024);
    expect(analyzer).not.toContain('islamabad');
    expect(readFileSync(`${dir}/background.js`, 'utf8')).toContain('islamabad');
  });

  test('the package carries the credit its models’ training data asks for, and the French data’s licence in full', () => {
    const credits = readFileSync(`${dir}/CREDITS.md`, 'utf8');
    for (const source of [
      'Universal NER',
      'GUM corpus',
      'GermEval 2014',
      'Bosque',
      'factRuEval-2016',
      'Sequoia',
      'LitBank',
      'GeoNames',
      'german-pos-dict',
    ])
      expect(credits, source).toContain(source);
    expect(credits).toMatch(/CC BY-SA 4\.0/);
    expect(readFileSync(`${dir}/licences/sequoia-LGPL-LR.txt`, 'utf8')).toMatch(/Lesser General Public License for Linguistic Resources|LGPL-LR/);
  });

  test('each language’s name model ships as a file of its own, at most 3 MB, that only the background fetches', () => {
    for (const language of ['en', 'de', 'fr', 'pt', 'ru']) expect(statSync(`${dir}/ner-${language}.bin`).size).toBeLessThanOrEqual(3_000_000);
    // (The background asks for `/ner-${language}.bin` when an article in that language comes.)
    expect(readFileSync(`${dir}/background.js`, 'utf8')).toMatch(/\/ner-\$\{\w+\}\.bin|\/ner-"\s*\+/);
    for (const script of ['content-scripts/gate.js', 'analyzer.js'])
      expect(readFileSync(`${dir}/${script}`, 'utf8')).not.toMatch(/ner-(?:en|de|\$\{)/);
  });

  test('the word lists of the languages but English ship beside their models, not in the background’s code', () => {
    const background = readFileSync(`${dir}/background.js`, 'utf8');
    for (const language of ['de', 'fr', 'pt', 'ru']) {
      const lexicon = JSON.parse(readFileSync(`${dir}/ner-${language}.lexicon.json`, 'utf8'));
      expect(lexicon.language).toBe(language);
      // (A surname of each list that no other code holds.)
      const surname = (lexicon.lastNames as string).split('|').at(-1) as string;
      expect(background, language).not.toContain(`|${surname}"`);
    }
    // German's towns (de-places.json) come with German's file, none of them in the code.
    expect(JSON.parse(readFileSync(`${dir}/ner-de.lexicon.json`, 'utf8')).morePlaces).toContain('|aalen|');
    expect(background).not.toContain('|aalen|');
    // Its common nouns (de-nouns.json) likewise.
    expect(JSON.parse(readFileSync(`${dir}/ner-de.lexicon.json`, 'utf8')).nouns).toContain('|nelke|');
    expect(background).not.toContain('|nelke|');
    expect(background).toMatch(/\/ner-\$\{\w+\}\.lexicon\.json|\.lexicon\.json/);
  });

  test('the popup carries no analyser: it reads the analysis the background made', () => {
    const html = readFileSync(`${dir}/popup.html`, 'utf8');
    const scripts = [...html.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)].map((m) => m[1] as string);
    expect(scripts.length).toBeGreaterThan(0);
    const code = scripts.map((s) => readFileSync(`${dir}/${s}`, 'utf8')).join('\n');
    expect(code).not.toContain('islamabad');
    expect(code.length).toBeLessThanOrEqual(60 * 1024);
  });

  test('the manifest asks for no host access and declares no content script: the gate is registered at run time', () => {
    const manifest = JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8'));
    // What the install dialog shows: no site access. The reader grants it on the onboarding page, or never.
    expect(manifest.host_permissions).toBeUndefined();
    expect(manifest.content_scripts).toBeUndefined();
    expect(manifest.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
    expect(existsSync(`${dir}/content-scripts/gate.js`)).toBe(true);
    expect(existsSync(`${dir}/analyzer.js`)).toBe(true);
    expect(manifest.permissions.sort()).toEqual(['activeTab', 'contextMenus', 'scripting', 'storage']);
    expect(Object.keys(manifest.commands ?? {})).toEqual(['toggle-highlights']);
    // The store listing gives the reason for each (store/listing.json).
    const reasons = JSON.parse(readFileSync('store/listing.json', 'utf8')).permissions;
    for (const permission of manifest.permissions) expect(reasons[permission]).toBeTruthy();
    expect(reasons.optionalHostPermissions).toBeTruthy();
  });

  test('the icon: PNGs at 16, 32, 48, 96 and 128 px rendered from the SVG, in the manifest and the toolbar button', () => {
    const manifest = JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8'));
    for (const size of [16, 32, 48, 96, 128]) {
      const path = `icon/${size}.png`;
      expect(manifest.icons[size]).toBe(path);
      expect(manifest.action.default_icon[size]).toBe(path);
      const png = readFileSync(`${dir}/${path}`);
      // The PNG signature, then the IHDR chunk's width and height.
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });
});
