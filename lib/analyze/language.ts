import type { LanguageSupport } from './types';

export const SUPPORTED_LANGUAGES = new Set(['en']);

/** Whether names and quotes are looked for: the rules know English only, so other languages get a notice, not guesses. */
export function languageSupport(language: string | null): LanguageSupport {
  const supported = language === null || SUPPORTED_LANGUAGES.has(language);
  return { language, supported, notice: supported ? null : 'Names and quotes: English only for now.' };
}
