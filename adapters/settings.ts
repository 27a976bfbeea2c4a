/**
 * Where the reader's settings live: extension local storage, as a versioned `@wxt-dev/storage` item. An install that
 * stored an older version is migrated (lib/settings) once, when the background or the options page loads this module.
 * Every read goes through the checks in lib/settings, whatever storage holds. (The reader's pause and sites turned off
 * are kept apart, under a key the gate reads: adapters/control.ts.)
 */
import { storage } from '@wxt-dev/storage';
import { DEFAULT_SETTINGS, SETTINGS_MIGRATIONS, SETTINGS_VERSION, type Settings, settingsFrom } from '../lib/settings';

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
  migrations: SETTINGS_MIGRATIONS,
});

export async function readSettings(): Promise<Settings> {
  return settingsFrom(await settingsItem.getValue());
}

export async function writeSettings(settings: Settings): Promise<void> {
  await settingsItem.setValue(settingsFrom(settings));
}

/** Calls `onChange` with the settings whenever they change (in any of the extension's pages); returns the way to stop. */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => onChange(settingsFrom(value)));
}
