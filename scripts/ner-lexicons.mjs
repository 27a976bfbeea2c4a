// A language's word lists for the name tagger, as the extension ships them (one file per language, fetched with its
// model) and as Node reads them: lib/entities/lexicons/<lang>.json, with the towns of <lang>-places.json and the common
// nouns of <lang>-nouns.json where there are such (German) joined in as morePlaces and nouns.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The folder of the word lists, from the sources (scripts/, cli/ via tsx) or from the bundled CLI in dist/. */
function lexiconDir() {
  const candidates = ['../lib/entities/lexicons/', '../../lib/entities/lexicons/'].map((p) => fileURLToPath(new URL(p, import.meta.url)));
  return candidates.find((p) => existsSync(p)) ?? null;
}

/** The shipped word lists of `language`, or null when it has none. */
export function readNerLexicon(language) {
  const dir = lexiconDir();
  if (!dir || !/^[a-z]{2,3}$/.test(language) || !existsSync(`${dir}${language}.json`)) return null;
  const data = JSON.parse(readFileSync(`${dir}${language}.json`, 'utf8'));
  const places = `${dir}${language}-places.json`;
  const nouns = `${dir}${language}-nouns.json`;
  return {
    ...data,
    ...(existsSync(places) ? { morePlaces: JSON.parse(readFileSync(places, 'utf8')).places } : {}),
    ...(existsSync(nouns) ? { nouns: JSON.parse(readFileSync(nouns, 'utf8')).nouns } : {}),
  };
}
