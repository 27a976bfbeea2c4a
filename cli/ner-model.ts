// Node's way to the name model: read the shipped file from the repository (the browser fetches it from the package).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { hasNerModel, provideNerModel } from '../lib/entities';

/** Where the model file is, from the sources (tsx, vitest) or from the bundled CLI in dist/. */
export function nerModelPath(): string {
  const candidates = ['../lib/entities/model/ner-en.bin', '../../lib/entities/model/ner-en.bin'].map((p) =>
    fileURLToPath(new URL(p, import.meta.url)),
  );
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`The name model is missing (looked in ${candidates.join(', ')}): run npm run train:ner`);
  return found;
}

/** Loads the name model once; `path` overrides the shipped one (evaluation of other models). */
export function loadNerModel(path?: string): void {
  if (hasNerModel() && !path) return;
  provideNerModel(new Uint8Array(readFileSync(path ?? (process.env.BACKSTORY_NER_MODEL || nerModelPath()))));
}
