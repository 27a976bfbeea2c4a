// Bundles the CLI (cli/ + lib/ + adapters/ + linkedom) into one file, so `npx backstory` starts fast without a TS loader.
import { build } from 'esbuild';

await build({
  entryPoints: ['cli/entry.ts'],
  outfile: 'dist/cli.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
});
