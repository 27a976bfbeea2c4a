/**
 * Where the reader's control (the pause, the sites turned off; lib/control) lives: extension local storage under its own
 * key, read with the browser's own API. The gate, which runs on every page, reads the same key; the popup, which shows
 * the switches, carries no storage library for it.
 */
import { browser } from 'wxt/browser';
import { CONTROL_KEY, controlFrom, type ReaderControl } from '../lib/control';

export async function readControl(): Promise<ReaderControl> {
  return controlFrom((await browser.storage.local.get(CONTROL_KEY))[CONTROL_KEY]);
}

export async function writeControl(control: ReaderControl): Promise<void> {
  await browser.storage.local.set({ [CONTROL_KEY]: controlFrom(control) });
}

/** Calls `onChange` with the reader's control whenever it changes (the popup, the options page); returns the way to stop. */
export function watchControl(onChange: (control: ReaderControl) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && CONTROL_KEY in changes) onChange(controlFrom(changes[CONTROL_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
