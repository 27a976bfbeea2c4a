/**
 * The interface's words in the reader's language: every string the reader sees goes through `t` (or `tn` for counts),
 * read from the browser's i18n (locales/<language>.json, built into _locales/), which needs no bundle of its own in any
 * page or in the card. Dates and numbers follow the browser's language too.
 */
// From age.ts itself: lib/analyze's index brings the whole analyser, which UI bundles must not load.
import { type ArticleAge, formatDate } from '../lib/analyze/age';
import type messages from '../locales/en.json';

export type MessageKey = keyof typeof messages;
/** Keys with plural forms: `<key>_one`, `<key>_other` (and what else a language needs). */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer Base}_other` ? Base : never) : never;

type I18nApi = { getMessage(key: string, subs?: string[]): string; getUILanguage(): string };

function api(): I18nApi | undefined {
  const g = globalThis as { browser?: { i18n?: I18nApi }; chrome?: { i18n?: I18nApi } };
  return g.browser?.i18n ?? g.chrome?.i18n;
}

/**
 * The reader's locale for dates, numbers and plural forms: the browser's interface language ("en-GB", "de-AT") where the
 * strings shown are in that language, else the language of the strings shown (locales/*.json name their own language),
 * so the words and the dates between them never disagree.
 */
export function uiLocale(): string {
  try {
    const shown = api()?.getMessage('uiLanguage') || 'en';
    const browser = api()?.getUILanguage() || shown;
    return browser.toLowerCase().split(/[-_]/)[0] === shown ? browser : shown;
  } catch {
    return 'en';
  }
}

// A popup lists dozens of names, each with a count: the Intl objects are made once per locale, not once per string.
const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();
function perLocale<T>(made: Map<string, T>, locale: string, make: (locale: string) => T): T {
  let found = made.get(locale);
  if (!found) {
    found = make(locale);
    made.set(locale, found);
  }
  return found;
}

/** The text of `key` with `$1`, `$2`… filled in; a missing message shows its key (the i18n test keeps them all there). */
export function t(key: MessageKey, ...subs: (string | number)[]): string {
  const text = api()?.getMessage(
    key,
    subs.map((s) => (typeof s === 'number' ? formatNumber(s) : s)),
  );
  return text || key;
}

/** The form of `key` for `count` in the reader's language; `$1` is the count, written as the language writes numbers. */
export function tn(key: PluralKey, count: number, ...subs: (string | number)[]): string {
  const form = `${key}_${perLocale(pluralRules, uiLocale(), (locale) => new Intl.PluralRules(locale)).select(count)}`;
  const chosen = (api()?.getMessage(form) ? form : `${key}_other`) as MessageKey;
  return t(chosen, count, ...subs);
}

/** "English, German and Portuguese" as the reader's language names and lists languages (ISO 639-1 codes). */
export function languageList(codes: Iterable<string>): string {
  const locale = uiLocale();
  const names = new Intl.DisplayNames([locale], { type: 'language' });
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format([...codes].map((code) => names.of(code) ?? code));
}

export function formatNumber(value: number): string {
  return perLocale(numberFormats, uiLocale(), (locale) => new Intl.NumberFormat(locale)).format(value);
}

/** "19 Nov 2014" as the reader's language writes it. */
export function formatDay(iso: string | null): string | null {
  return formatDate(iso, uiLocale());
}

/** "12 years old", "today", in the reader's language. */
export function ageText(age: ArticleAge | null): string | null {
  if (!age) return null;
  if (age.unit === 'today') return t('ageToday');
  return tn(age.unit === 'days' ? 'ageDays' : age.unit === 'months' ? 'ageMonths' : 'ageYears', age.count);
}
