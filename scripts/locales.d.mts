export const LOCALES_DIR: string;
export const DEFAULT_LOCALE: string;
export function readLocales(): Record<string, Record<string, string>>;
export function toMessagesJson(strings: Record<string, string>): string;
export function substitute(text: string, subs?: string[]): string;
export function i18nFrom(
  strings: Record<string, string>,
  uiLanguage?: string,
): { getMessage(key: string, subs?: string | string[]): string; getUILanguage(): string };
