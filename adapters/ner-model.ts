import { browser } from 'wxt/browser';
import { hasNerModel, NER_LANGUAGES, provideNerModel } from '../lib/entities';

const loading = new Map<string, Promise<void>>();

/**
 * Fetches a language's name model from the extension's own package, once per background lifetime: English at start-up,
 * another language's when the first article in it is analysed. A language without a model is a no-op (its articles get
 * the "not yet" notice, see lib/analyze/language.ts).
 */
export function loadNerModel(language = 'en'): Promise<void> {
  if (hasNerModel(language) || !NER_LANGUAGES.includes(language)) return Promise.resolve();
  let pending = loading.get(language);
  if (!pending) {
    // (Not in WXT's typed public paths: the build adds them, see wxt.config.ts.)
    pending = fetch((browser.runtime.getURL as (path: string) => string)(`/ner-${language}.bin`))
      .then((response) => {
        if (!response.ok) throw new Error(`the name model could not be read (${response.status})`);
        return response.arrayBuffer();
      })
      .then((buffer) => provideNerModel(new Uint8Array(buffer), language))
      .catch((error: unknown) => {
        loading.delete(language);
        throw error;
      });
    loading.set(language, pending);
  }
  return pending;
}
