/**
 * The reader's settings: their shape, defaults, the check every stored value goes through, and the migrations between
 * stored versions. Pure; `adapters/settings.ts` keeps them as a versioned storage item (`@wxt-dev/storage`).
 *
 * To add a setting: add the field with its default, read it in `settingsFrom`, and, when installs from before it need a
 * value other than the default, raise `SETTINGS_VERSION` and add the migration to that version.
 */
import { siteOf } from '../control';
// The modules themselves, not the folders' faces: the popup and options page load this, and need none of the rest.
import { DEFAULT_NEWS, type NewsSettings } from '../coverage/providers';
import { DEFAULT_WIKIMEDIA, type WikimediaConfig } from '../knowledge/provider';

export interface HistorySettings {
  /** record nothing while paused */
  paused: boolean;
  /** sites never recorded, as hosts without "www." ("example.com" covers its subdomains) */
  excludedSites: string[];
}

/** The reader's settings; the options page edits them, tests point the servers at local ones. */
export interface Settings extends WikimediaConfig {
  /** opt-in: look up the background notes of an article's main names as soon as it is analysed, not on hover */
  prefetchNotes: boolean;
  history: HistorySettings;
  news: NewsSettings;
}

export const DEFAULT_SETTINGS: Settings = {
  ...DEFAULT_WIKIMEDIA,
  prefetchNotes: false,
  history: { paused: false, excludedSites: [] },
  news: DEFAULT_NEWS,
};

/** How far back a news search may reach, in days (the options page offers the same range). */
export const WINDOW_DAYS = { min: 1, max: 365 } as const;

type Fields = Record<string, unknown>;
const fieldsOf = (value: unknown): Fields => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : {});
const text = (value: unknown, fallback: string) => (typeof value === 'string' ? value : fallback);
const flag = (value: unknown, fallback: boolean) => (typeof value === 'boolean' ? value : fallback);

/** Sites as hosts without "www." and lowercased ("https://www.Bank.example/login" → "bank.example"), each once. */
export function sitesFrom(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return [
    ...new Set(
      value
        .filter((s): s is string => typeof s === 'string')
        .map(siteOf)
        .filter(Boolean),
    ),
  ];
}

function windowDaysFrom(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return DEFAULT_NEWS.windowDays;
  return Math.min(WINDOW_DAYS.max, Math.max(WINDOW_DAYS.min, Math.round(value)));
}

/**
 * A stored value as settings, field by field: a missing or damaged field (wrong type, out of range) gets its default,
 * unknown fields are dropped, so whatever storage holds, the extension reads settings of the right shape.
 */
export function settingsFrom(stored: unknown): Settings {
  const s = fieldsOf(stored);
  const history = fieldsOf(s.history);
  const news = fieldsOf(s.news);
  const d = DEFAULT_SETTINGS;
  return {
    wikidataBase: text(s.wikidataBase, d.wikidataBase),
    wikipediaBase: text(s.wikipediaBase, d.wikipediaBase),
    prefetchNotes: flag(s.prefetchNotes, d.prefetchNotes),
    history: { paused: flag(history.paused, d.history.paused), excludedSites: sitesFrom(history.excludedSites) },
    news: {
      googleNewsBase: text(news.googleNewsBase, d.news.googleNewsBase),
      gdeltBase: text(news.gdeltBase, d.news.gdeltBase),
      guardianBase: text(news.guardianBase, d.news.guardianBase),
      nytBase: text(news.nytBase, d.news.nytBase),
      guardianKey: text(news.guardianKey, d.news.guardianKey).trim(),
      nytKey: text(news.nytKey, d.news.nytKey).trim(),
      windowDays: windowDaysFrom(news.windowDays),
      sameSite: flag(news.sameSite, d.news.sameSite),
    },
  };
}

/**
 * The stored version. 1: Backstory 0.1.0 stored whatever the options page saved, possibly partial, with excluded sites
 * as typed ("https://www.bank.example/"), merged over the defaults on every read. 2: the stored value is complete and
 * checked, excluded sites are hosts.
 */
export const SETTINGS_VERSION = 2;

/** Migrations by the version they lead to; each takes the value stored at the version before. */
export const SETTINGS_MIGRATIONS: Record<number, (stored: unknown) => unknown> = {
  2: (v1) => settingsFrom(v1),
};
