/**
 * The shipped name model (lib/entities/model/ner-en.bin, written by `npm run train:ner`). Each platform hands its bytes
 * over once: the background fetches the file from the extension package, Node reads it from disk (cli/ner-model.ts). It
 * is parsed on first use, so nothing loads where no names are looked for.
 */
import type { NerResources } from './features';
import { englishResources } from './resources';
import { type NerModel, readModel } from './tagger';

let bytes: Uint8Array | null = null;
let model: NerModel | null = null;

export function provideNerModel(modelBytes: Uint8Array): void {
  bytes = modelBytes;
  model = null;
}

export function hasNerModel(): boolean {
  return bytes !== null;
}

export function nerModel(): NerModel {
  if (model) return model;
  if (!bytes) throw new Error('The name model is not loaded (provideNerModel was never called)');
  model = readModel(bytes, englishResources);
  return model;
}

/** The resources the loaded model was trained with. */
export function nerResources(): NerResources {
  const m = nerModel();
  return englishResources(m.clusters, m.resources, m.names ?? null);
}
