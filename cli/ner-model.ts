// Node's way to the name models and their word lists: read the shipped files from the repository (the browser fetches
// them from the package), each on first use, so a run that meets no German article never reads the German model.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { hasNerModel, provideNerModel, provideNerModelSource } from '../lib/entities';
import { provideNerLexiconSource } from '../lib/entities/languages';
import { readNerLexicon } from '../scripts/ner-lexicons.mjs';

/** Where a language's model file is, from the sources (tsx, vitest) or from the bundled CLI in dist/; null if absent. */
export function findNerModel(language = 'en'): string | null {
  const candidates = [`../lib/entities/model/ner-${language}.bin`, `../../lib/entities/model/ner-${language}.bin`].map((p) =>
    fileURLToPath(new URL(p, import.meta.url)),
  );
  return candidates.find((p) => existsSync(p)) ?? null;
}

/** Where the English model file is; throws when it is missing. */
export function nerModelPath(): string {
  const found = findNerModel('en');
  if (!found) throw new Error('The name model is missing (lib/entities/model/ner-en.bin): run npm run train:ner');
  return found;
}

/** Loads the English model now and the others on demand; `path` overrides the English one (evaluation of other models). */
export function loadNerModel(path?: string): void {
  provideNerLexiconSource(readNerLexicon);
  provideNerModelSource((language) => {
    const file = language === 'en' ? null : findNerModel(language);
    return file ? new Uint8Array(readFileSync(file)) : null;
  });
  if (hasNerModel() && !path) return;
  provideNerModel(new Uint8Array(readFileSync(path ?? (process.env.BACKSTORY_NER_MODEL || nerModelPath()))));
}
