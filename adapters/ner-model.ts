import { browser } from 'wxt/browser';
import { hasNerModel, NER_LANGUAGES, provideNerModel } from '../lib/entities';
import { hasNerLexicon, type LexiconData, provideNerLexicon } from '../lib/entities/languages';

const loading = new Map<string, Promise<void>>();

/** A file of the extension's own package. (Not in WXT's typed public paths: the build adds them, see wxt.config.ts.) */
function packaged(path: string, what: string): Promise<Response> {
  return fetch((browser.runtime.getURL as (path: string) => string)(path)).then((response) => {
    if (!response.ok) throw new Error(`the ${what} could not be read (${response.status})`);
    return response;
  });
}

/**
 * Fetches a language's name model from the extension's own package, once per background lifetime: English at start-up,
 * another language's when the first article in it is analysed, with its word lists (English's are in the code). A
 * language without a model is a no-op (its articles get the "not yet" notice, see lib/analyze/language.ts).
 */
export function loadNerModel(language = 'en'): Promise<void> {
  if (hasNerModel(language) || !NER_LANGUAGES.includes(language)) return Promise.resolve();
  let pending = loading.get(language);
  if (!pending) {
    const lexicon = hasNerLexicon(language)
      ? Promise.resolve()
      : packaged(`/ner-${language}.lexicon.json`, 'word lists')
          .then((response) => response.json() as Promise<LexiconData>)
          .then((data) => provideNerLexicon(language, data));
    pending = Promise.all([lexicon, packaged(`/ner-${language}.bin`, 'name model').then((response) => response.arrayBuffer())])
      .then(([, buffer]) => provideNerModel(new Uint8Array(buffer), language))
      .catch((error: unknown) => {
        loading.delete(language);
        throw error;
      });
    loading.set(language, pending);
  }
  return pending;
}
