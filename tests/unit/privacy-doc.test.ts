// PRIVACY.md checked against the code, where the code can say it: the servers contacted, the stores kept, what Firefox is
// told, and how much of a page is read.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { openDatabase } from '../../adapters/database';
import { ANALYSIS_LIMITS } from '../../lib/analyze';
import { DEFAULT_NEWS } from '../../lib/coverage';
import { DEFAULT_WIKIMEDIA, WIKIMEDIA_IMAGE_HOST } from '../../lib/knowledge';
import config from '../../wxt.config';

const PRIVACY = readFileSync(new URL('../../PRIVACY.md', import.meta.url), 'utf8');

describe('PRIVACY.md says what the code does', () => {
  test('the servers it names are the ones the code contacts by default, and every one of those is named', () => {
    const named = new Set([...PRIVACY.matchAll(/https:\/\/[a-z0-9.-]+/g)].map((m) => m[0]));
    const defaults = [
      DEFAULT_WIKIMEDIA.wikidataBase,
      DEFAULT_WIKIMEDIA.wikipediaBase,
      `https://${WIKIMEDIA_IMAGE_HOST}`,
      DEFAULT_NEWS.googleNewsBase,
      DEFAULT_NEWS.gdeltBase,
    ];
    expect([...named].sort()).toEqual([...defaults].sort());
    // The two services that need a key are named by name.
    expect(DEFAULT_NEWS.guardianBase).toMatch(/guardianapis/);
    expect(DEFAULT_NEWS.nytBase).toMatch(/nytimes/);
    expect(PRIVACY).toContain("The Guardian's and The New York Times' search APIs");
  });

  test('every IndexedDB store the code creates is named, with what it keeps', async () => {
    const db = await openDatabase('backstory-privacy-doc');
    const stores = [...db.objectStoreNames];
    db.close();
    expect(stores.length).toBeGreaterThan(0);
    for (const store of stores) expect(PRIVACY).toContain(`IndexedDB \`${store}\``);
  });

  test('what Firefox is told in data_collection_permissions is what the document lists, and nothing else', () => {
    const manifest = (config.manifest as (env: { browser: string }) => Record<string, unknown>)({ browser: 'firefox' });
    const gecko = (manifest.browser_specific_settings as { gecko: { data_collection_permissions: { required: string[]; optional?: string[] } } })
      .gecko;
    const section = PRIVACY.slice(PRIVACY.indexOf('## What Firefox is told'));
    const listed = (kind: string) => [...section.matchAll(new RegExp(`^- ${kind}, \`(\\w+)\``, 'gm'))].map((m) => m[1]);
    expect(listed('required')).toEqual(gecko.data_collection_permissions.required);
    expect(listed('optional')).toEqual(gecko.data_collection_permissions.optional ?? []);
    expect(gecko.data_collection_permissions.required).not.toContain('none');
  });

  test('the reader’s pause and sites turned off are named where they are kept', () => {
    expect(PRIVACY).toContain('your pause and the sites where names are not highlighted');
  });

  test('the limits on what is read of a page are the code’s', () => {
    expect(PRIVACY).toContain(
      `first ${ANALYSIS_LIMITS.maxParagraphs.toLocaleString('en')} paragraphs and ${ANALYSIS_LIMITS.maxChars.toLocaleString('en')} characters`,
    );
  });
});
