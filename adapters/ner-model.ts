import { browser } from 'wxt/browser';
import { hasNerModel, provideNerModel } from '../lib/entities';

let loading: Promise<void> | null = null;

/** Fetches the name model from the extension's own package, once per background lifetime. */
export function loadNerModel(): Promise<void> {
  if (hasNerModel()) return Promise.resolve();
  // (Not in WXT's typed public paths: the build adds it, see wxt.config.ts.)
  loading ??= fetch((browser.runtime.getURL as (path: string) => string)('/ner-en.bin'))
    .then((response) => {
      if (!response.ok) throw new Error(`the name model could not be read (${response.status})`);
      return response.arrayBuffer();
    })
    .then((buffer) => provideNerModel(new Uint8Array(buffer)))
    .catch((error: unknown) => {
      loading = null;
      throw error;
    });
  return loading;
}
