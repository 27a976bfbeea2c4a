/**
 * The reader's control over highlighting: a global pause and sites where names are not highlighted. Kept apart from the
 * settings (servers, API keys) under a key of its own, because the gate, which runs on every page, reads it before any
 * work and must stay small.
 */

/** The storage key (extension local storage). */
export const CONTROL_KEY = 'control';

export interface ReaderControl {
  /** highlight nothing anywhere until the reader resumes */
  paused: boolean;
  /** sites (hosts, without "www.") where names are not highlighted; a site covers its subdomains */
  offSites: string[];
}

/** Why Backstory leaves a page alone at the reader's wish, or null when it may highlight it. */
export type Off = 'paused' | 'site';

export const DEFAULT_CONTROL: ReaderControl = { paused: false, offSites: [] };

/** A URL's host, lowercased, without a leading "www." ("" for an address with none). */
export function siteOf(url: string): string {
  const host = (/^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?([^/?#:]*)/i.exec(url.trim())?.[1] ?? url.trim().replace(/[/:?#].*$/, '')).toLowerCase();
  return host.replace(/^www\./, '').replace(/\.$/, '');
}

/** Whether `url` is on one of `sites`: the same host, or a subdomain of one ("example.com" covers "news.example.com"). */
export function onSites(url: string, sites: readonly string[]): boolean {
  const host = siteOf(url);
  if (!host) return false;
  return sites.some((site) => {
    const s = siteOf(site);
    return !!s && (host === s || host.endsWith(`.${s}`));
  });
}

/** The stored value, checked: anything else (missing, damaged, from a page of no concern) counts as the default. */
export function controlFrom(stored: unknown): ReaderControl {
  if (typeof stored !== 'object' || stored === null) return DEFAULT_CONTROL;
  const { paused, offSites } = stored as Partial<ReaderControl>;
  return {
    paused: paused === true,
    offSites: Array.isArray(offSites) ? offSites.filter((s): s is string => typeof s === 'string' && !!siteOf(s)).map(siteOf) : [],
  };
}

/** Whether the reader turned highlighting off for this page: everywhere (paused) or on its site. */
export function offFor(control: ReaderControl, url: string): Off | null {
  if (control.paused) return 'paused';
  return onSites(url, control.offSites) ? 'site' : null;
}

/** The control with highlighting on `url`'s site turned on or off (turning it on also lifts a parent domain's entry). */
export function withSite(control: ReaderControl, url: string, on: boolean): ReaderControl {
  const site = siteOf(url);
  if (!site) return control;
  const others = control.offSites.filter((s) => !onSites(url, [s]));
  return { ...control, offSites: on ? others : [...others, site] };
}

/** What the popup says of a page left alone. */
export const OFF_REASON: Record<Off, string> = {
  paused: 'Backstory is paused',
  site: 'Highlighting is off on this site',
};

/**
 * How Backstory reaches pages, as the reader chose (kept as the browser's host permission, see adapters/host-access.ts):
 * on every news site automatically, or only on the page where the reader clicks the toolbar button.
 */
export type AccessMode = 'everywhere' | 'on-click';
