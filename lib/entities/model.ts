/**
 * The shipped name models, one file per language (lib/entities/model/ner-<lang>.bin, written by `npm run train:ner`).
 * Each platform hands a model's bytes over when an article in its language comes: the background fetches the file from
 * the extension package, Node reads it from disk (cli/ner-model.ts). A model is parsed on first use, so nothing loads
 * where no names are looked for, and a language's model only where that language is read.
 */
import type { NerResources } from './features';
import { resourcesFor } from './languages';
import { type NerModel, readModel } from './tagger';

const bytesOf = new Map<string, Uint8Array>();
const models = new Map<string, NerModel>();
let source: ((language: string) => Uint8Array | null) | null = null;

export function provideNerModel(modelBytes: Uint8Array, language = 'en'): void {
  bytesOf.set(language, modelBytes);
  models.delete(language);
}

/** Where models come from on demand (Node reads them from disk); the browser provides them ahead instead. */
export function provideNerModelSource(read: (language: string) => Uint8Array | null): void {
  source = read;
}

export function hasNerModel(language = 'en'): boolean {
  return bytesOf.has(language);
}

export function nerModel(language = 'en'): NerModel {
  const cached = models.get(language);
  if (cached) return cached;
  let bytes = bytesOf.get(language);
  if (!bytes && source) {
    bytes = source(language) ?? undefined;
    if (bytes) bytesOf.set(language, bytes);
  }
  if (!bytes) throw new Error(`The name model for "${language}" is not loaded (provideNerModel was never called)`);
  const model = readModel(bytes, (clusters, id, names) => resourcesFor(language, clusters, id, names));
  models.set(language, model);
  return model;
}

/** The resources the loaded model of `language` was trained with. */
export function nerResources(language = 'en'): NerResources {
  const m = nerModel(language);
  return resourcesFor(language, m.clusters, m.resources, m.names ?? null);
}
