/**
 * Where the reader's settings and control live: extension local storage, as `@wxt-dev/storage` items. The settings item
 * is versioned: an install that stored an older version is migrated (lib/settings) the first time any extension page or
 * the background defines it. Every read goes through the checks in lib/settings, whatever storage holds.
 *
 * The gate reads the control under its key with the browser's own API (it runs on every page and stays small); the
 * shape it reads is the same.
 */
import { storage } from '@wxt-dev/storage';
import { CONTROL_KEY, controlFrom, DEFAULT_CONTROL, type ReaderControl } from '../lib/control';
import { DEFAULT_SETTINGS, SETTINGS_MIGRATIONS, SETTINGS_VERSION, type Settings, settingsFrom } from '../lib/settings';

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
  migrations: SETTINGS_MIGRATIONS,
});

export const controlItem = storage.defineItem<ReaderControl>(`local:${CONTROL_KEY}`, { fallback: DEFAULT_CONTROL });

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

export async function readControl(): Promise<ReaderControl> {
  return controlFrom(await controlItem.getValue());
}

export async function writeControl(control: ReaderControl): Promise<void> {
  await controlItem.setValue(controlFrom(control));
}

/** Calls `onChange` with the reader's control whenever it changes (the popup, the options page); returns the way to stop. */
export function watchControl(onChange: (control: ReaderControl) => void): () => void {
  return controlItem.watch((value) => onChange(controlFrom(value)));
}
