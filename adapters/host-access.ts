import { browser } from 'wxt/browser';
import type { AccessMode } from '../lib/control';

/*
 * The reader's choice of how Backstory reaches pages, kept as the browser's own host permission rather than a setting
 * of ours, so the two can never disagree (the reader may also change it in the browser's extension settings):
 * - 'everywhere': host access to every http(s) site was granted, the gate is registered and looks at every page;
 * - 'on-click': no host access; nothing runs in a page until the reader clicks the toolbar button (or the shortcut, or
 *   the context menu), which grants access to that one tab (`activeTab`).
 */

/** The host patterns the "everywhere" mode asks for: `optional_host_permissions` in the manifest. */
export const ALL_SITES = ['http://*/*', 'https://*/*'];

/** The id under which the gate content script is registered at run time. */
export const GATE_SCRIPT_ID = 'gate';
const GATE_FILE = '/content-scripts/gate.js';

/** Host patterns of web pages the reader granted (all sites, or single sites granted in the browser's settings). */
async function grantedPageOrigins(): Promise<string[]> {
  const { origins = [] } = await browser.permissions.getAll();
  return origins.filter((o) => /^(\*|https?):\/\//.test(o));
}

export async function accessMode(): Promise<AccessMode> {
  return (await browser.permissions.contains({ origins: ALL_SITES })) ? 'everywhere' : 'on-click';
}

/**
 * Switches the mode. Asking for host access must happen straight from the reader's click (the browser asks them); the
 * answer is the mode now in force, which stays 'on-click' if the reader declined.
 */
export async function chooseAccessMode(mode: AccessMode): Promise<AccessMode> {
  if (mode === 'everywhere') {
    await browser.permissions.request({ origins: ALL_SITES }).catch(() => false);
  } else {
    const origins = await grantedPageOrigins();
    if (origins.length) await browser.permissions.remove({ origins }).catch(() => false);
  }
  return accessMode();
}

/** Calls `onChange` whenever host access is granted or withdrawn (here, in the browser's settings, in another page). */
export function watchAccessMode(onChange: (mode: AccessMode) => void): () => void {
  const listener = () => void accessMode().then(onChange, () => undefined);
  browser.permissions.onAdded.addListener(listener);
  browser.permissions.onRemoved.addListener(listener);
  return () => {
    browser.permissions.onAdded.removeListener(listener);
    browser.permissions.onRemoved.removeListener(listener);
  };
}

/**
 * Registers the gate on the pages the reader granted access to, or unregisters it when there are none: the manifest
 * declares no content script, so the install dialog asks for no host access. Run by the background at start-up and
 * whenever permissions change.
 */
export async function syncGateRegistration(): Promise<string[]> {
  const matches = await grantedPageOrigins();
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [GATE_SCRIPT_ID] }).catch(() => []);
  const current = registered[0]?.matches ?? [];
  if (matches.length && current.length === matches.length && matches.every((m) => current.includes(m))) return matches;
  if (registered.length) await browser.scripting.unregisterContentScripts({ ids: [GATE_SCRIPT_ID] });
  if (matches.length)
    await browser.scripting.registerContentScripts([
      { id: GATE_SCRIPT_ID, matches, js: [GATE_FILE], runAt: 'document_idle', allFrames: false, persistAcrossSessions: true },
    ]);
  return matches;
}
