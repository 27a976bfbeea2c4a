/**
 * Where the reader's settings live: extension local storage, as a versioned `@wxt-dev/storage` item. An install that
 * stored an older version is migrated (lib/settings) once, the first time the background or the options page reads or
 * writes them. Every read goes through the checks in lib/settings, whatever storage holds. (The reader's pause and sites
 * turned off are kept apart, under a key the gate reads: adapters/control.ts.)
 */
import { storage } from '@wxt-dev/storage';
import { DEFAULT_SETTINGS, SETTINGS_MIGRATIONS, SETTINGS_VERSION, type Settings, settingsFrom } from '../lib/settings';

const defineSettings = () =>
  storage.defineItem<Settings>('local:settings', {
    fallback: DEFAULT_SETTINGS,
    version: SETTINGS_VERSION,
    migrations: SETTINGS_MIGRATIONS,
  });
let item: ReturnType<typeof defineSettings> | undefined;

/** The storage item, defined on first use (its migrations run then), so that importing this module touches no storage. */
export function settingsItem(): ReturnType<typeof defineSettings> {
  item ??= defineSettings();
  return item;
}

export async function readSettings(): Promise<Settings> {
  return settingsFrom(await settingsItem().getValue());
}

export async function writeSettings(settings: Settings): Promise<void> {
  await settingsItem().setValue(settingsFrom(settings));
}

/** Calls `onChange` with the settings whenever they change (in any of the extension's pages); returns the way to stop. */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  return settingsItem().watch((value) => onChange(settingsFrom(value)));
}
