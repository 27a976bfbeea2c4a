import type { BuildOptions } from 'esbuild';

/** The entity and quote stages bundled alone, minified, as the cold-start probes of bench/run.ts and bench/callgrind.ts load them. */
export const NLP_BUNDLE: BuildOptions = {
  stdin: {
    contents: "export { findEntities, provideNerModel } from './lib/entities'; export { findQuotes } from './lib/quotes';",
    resolveDir: process.cwd(),
    loader: 'ts',
  },
  bundle: true,
  minify: true,
  format: 'esm',
};
