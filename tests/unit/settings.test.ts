import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_CONTROL } from '../../lib/control';
import { DEFAULT_NEWS } from '../../lib/coverage';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, settingsFrom } from '../../lib/settings';

// @wxt-dev/storage reaches the browser through @wxt-dev/browser (the `chrome` global), which loads outside vitest's mocks.
Object.assign(globalThis, { chrome: fakeBrowser });
vi.mock('wxt/browser', () => ({ browser: fakeBrowser }));

/** The adapter as an extension page or the background loads it: its storage items (and their migrations) start then. */
async function loadAdapter() {
  vi.resetModules();
  return import('../../adapters/settings');
}

const stored = async (key: string) => (await fakeBrowser.storage.local.get(key))[key];

/** What Backstory 0.1.0's options page saved: the whole form, excluded sites as the reader typed them. */
const SAVED_BY_0_1_0 = {
  wikidataBase: 'https://www.wikidata.org',
  wikipediaBase: 'https://de.wikipedia.org',
  prefetchNotes: true,
  history: { paused: false, excludedSites: ['https://www.Bank.example/login', 'mail.example', 'mail.example'] },
  news: { ...DEFAULT_NEWS, guardianKey: 'g-key', windowDays: 90 },
};

describe('settings storage: versions and migrations', () => {
  beforeEach(() => fakeBrowser.reset());

  test('a fresh install reads the defaults, and its first save records the current version', async () => {
    const { readSettings, writeSettings } = await loadAdapter();
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
    await writeSettings({ ...DEFAULT_SETTINGS, prefetchNotes: true });
    expect(await stored('settings$')).toEqual({ v: SETTINGS_VERSION });
    expect((await stored('settings')) as object).toMatchObject({ prefetchNotes: true });
  });

  test('settings saved by 0.1.0 (no version) are migrated once: kept, completed, sites as hosts', async () => {
    await fakeBrowser.storage.local.set({ settings: SAVED_BY_0_1_0 });
    const { readSettings } = await loadAdapter();
    const expected = {
      ...SAVED_BY_0_1_0,
      history: { paused: false, excludedSites: ['bank.example', 'mail.example'] },
    };
    expect(await readSettings()).toEqual(expected);
    // Written back with its version, so it is not migrated again.
    expect(await stored('settings')).toEqual(expected);
    expect(await stored('settings$')).toEqual({ v: SETTINGS_VERSION });
  });

  test('a partial 0.1.0 save (an older form) gets the defaults for what it lacks', async () => {
    await fakeBrowser.storage.local.set({ settings: { wikipediaBase: 'http://127.0.0.1:9', news: { nytKey: ' n-key ' } } });
    const { readSettings } = await loadAdapter();
    expect(await readSettings()).toEqual({
      ...DEFAULT_SETTINGS,
      wikipediaBase: 'http://127.0.0.1:9',
      news: { ...DEFAULT_NEWS, nytKey: 'n-key' },
    });
    expect(await stored('settings')).toEqual(await readSettings());
  });

  test('damaged fields fall back to their defaults, whatever the version says', async () => {
    await fakeBrowser.storage.local.set({
      settings: { prefetchNotes: 'yes', history: { paused: 1, excludedSites: 'bank.example' }, news: { windowDays: 10_000, sameSite: null } },
      settings$: { v: SETTINGS_VERSION },
    });
    const { readSettings } = await loadAdapter();
    const read = await readSettings();
    expect(read.prefetchNotes).toBe(false);
    expect(read.history).toEqual(DEFAULT_SETTINGS.history);
    expect(read.news.windowDays).toBe(365);
    expect(read.news.sameSite).toBe(false);
  });

  test('settings stored by a newer Backstory are read, not migrated down or lost', async () => {
    const newer = { ...SAVED_BY_0_1_0, history: { paused: true, excludedSites: ['bank.example'] }, aSettingOfTheFuture: 7 };
    await fakeBrowser.storage.local.set({ settings: newer, settings$: { v: SETTINGS_VERSION + 1 } });
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { readSettings } = await loadAdapter();
    expect((await readSettings()).history).toEqual({ paused: true, excludedSites: ['bank.example'] });
    expect(await stored('settings')).toEqual(newer);
    errors.mockRestore();
  });

  test('watchSettings hears a save made elsewhere, checked', async () => {
    const { watchSettings, writeSettings } = await loadAdapter();
    const heard = vi.fn();
    const stop = watchSettings(heard);
    await writeSettings({ ...DEFAULT_SETTINGS, history: { paused: true, excludedSites: ['WWW.News.Example'] } });
    await vi.waitFor(() => expect(heard).toHaveBeenCalled());
    expect(heard.mock.lastCall?.[0].history).toEqual({ paused: true, excludedSites: ['news.example'] });
    stop();
  });

  test('the reader’s control: read checked, written under the key the gate reads, heard when changed', async () => {
    const { readControl, writeControl, watchControl } = await import('../../adapters/control');
    expect(await readControl()).toEqual(DEFAULT_CONTROL);
    const heard = vi.fn();
    const stop = watchControl(heard);
    await writeControl({ paused: false, offSites: ['https://www.dawn.com/news/1'] });
    expect(await stored('control')).toEqual({ paused: false, offSites: ['dawn.com'] });
    await vi.waitFor(() => expect(heard).toHaveBeenCalledWith({ paused: false, offSites: ['dawn.com'] }));
    stop();
  });
});

describe('settingsFrom', () => {
  test('is idempotent and drops what is not a setting', () => {
    const once = settingsFrom({ ...SAVED_BY_0_1_0, unknown: 1, news: { ...SAVED_BY_0_1_0.news, extra: true } });
    expect(settingsFrom(once)).toEqual(once);
    expect(once).not.toHaveProperty('unknown');
    expect(once.news).not.toHaveProperty('extra');
  });

  test.each([null, undefined, 7, 'settings', [], [1, 2]])('reads %p as the defaults', (value) => {
    expect(settingsFrom(value)).toEqual(DEFAULT_SETTINGS);
  });
});
