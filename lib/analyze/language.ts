import type { LanguageSupport } from './types';

/**
 * The languages whose names and quotes are looked for: each has a name model (lib/entities/model/ner-<lang>.bin), its
 * resources (lib/entities/lexicons) and its speech lexicon (lib/text/speech). Their English names, for the notice.
 */
const LANGUAGE_NAMES: Record<string, string> = { en: 'English', de: 'German', fr: 'French', pt: 'Portuguese', ru: 'Russian' };
export const SUPPORTED_LANGUAGES = new Set(Object.keys(LANGUAGE_NAMES));

const list = (names: string[]) => (names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`);

/** Whether names and quotes are looked for: other languages get a notice naming the supported ones, not guesses. */
export function languageSupport(language: string | null): LanguageSupport {
  const supported = language === null || SUPPORTED_LANGUAGES.has(language);
  return { language, supported, notice: supported ? null : `Names and quotes: ${list(Object.values(LANGUAGE_NAMES))} only for now.` };
}

/** The language whose model reads a text: its own when supported, English when unknown. */
export function nlpLanguage(language: string | null): string {
  return language !== null && SUPPORTED_LANGUAGES.has(language) ? language : 'en';
}
