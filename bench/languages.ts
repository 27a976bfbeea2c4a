import { statSync } from 'node:fs';
import { findNerModel } from '../cli/ner-model';
import type { findEntities as FindEntities } from '../lib/entities';
import type { findQuotes as FindQuotes } from '../lib/quotes';
import { readManifest, readSplit } from '../scripts/ner/corpus';
import type { Budget } from './budgets';
import { REPEATS, row, time, words } from './measure';

/** The languages besides English with a name model, each with the held-out split its warm figure is measured on. */
const OTHER_LANGUAGES = ['de', 'pt', 'ru', 'fr'] as const;
const LANGUAGE_NAMES: Record<(typeof OTHER_LANGUAGES)[number], string> = { de: 'German', pt: 'Portuguese', ru: 'Russian', fr: 'French' };

/**
 * Names and quotes per 1,500 words, warm, in each language with a model, on its held-out dev sentences joined into
 * documents of about 1,500 words (the model loads on the first document of its language, as in the background); and
 * each model's size on disk. The budgets are English's: 10 ms warm, 3 MB a model.
 */
export function benchLanguages(budgets: Budget[], findEntities: typeof FindEntities, findQuotes: typeof FindQuotes): void {
  for (const language of OTHER_LANGUAGES) {
    const file = findNerModel(language);
    if (!file) continue;
    const manifest = readManifest(language);
    const heldOut = manifest.heldout?.dev ?? [];
    const sentences = heldOut
      .flatMap((path) => readSplit(path.split('/')[0] ?? '', 'dev', manifest, { misc: 'mask' }))
      .map((x) =>
        x.words
          .join(' ')
          .replace(/ ([.,;:!?)])/g, '$1')
          .replace(/\( /g, '('),
      );
    const docs: string[] = [];
    let doc: string[] = [];
    let count = 0;
    for (const sentence of sentences) {
      doc.push(sentence);
      count += words(sentence);
      if (count >= 1500) {
        docs.push(doc.join(' '));
        doc = [];
        count = 0;
      }
    }
    if (docs.length === 0) continue;
    // (As lib/analyze runs them: the quote stage reads the name stage's tokens.)
    const analyse = (t: string) => {
      const { entities, tokens } = findEntities(t, language);
      return findQuotes(t, entities, { language, tokens });
    };
    const cold = time(() => analyse(docs[0] ?? ''));
    const perDoc: number[] = [];
    for (let r = 0; r < REPEATS; r++) for (const t of docs) perDoc.push(time(() => analyse(t)) * (1500 / Math.max(1, words(t))));
    const name = LANGUAGE_NAMES[language];
    console.log(`\n${name} entities + quotes (per 1,500 words, warm; ${docs.length} documents of ${heldOut.join(', ')} sentences)`);
    const warm = row(`backstory, ${name}`, perDoc);
    console.log(`  first ${name} document (model parse included): ${cold.toFixed(0)} ms`);
    const bytes = statSync(file).size;
    console.log(`  ${name} name model: ${(bytes / 1e6).toFixed(2)} MB (${file}), fetched by the background on the first ${name} article`);
    budgets.push(
      { what: `${name} entities + quotes per 1,500 words, warm`, value: warm, limit: 10, unit: 'ms' },
      { what: `${name} name model on disk`, value: bytes / 1e6, limit: 3, unit: 'MB' },
    );
  }
}
