// Bundles the CLI (cli/ + lib/ + adapters/ + linkedom) into one file, so `npx backstory` starts fast without a TS loader.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** Builds the CLI to `outfile` (dist/cli.mjs, which bin/backstory.mjs runs; tests build their own copy elsewhere). */
export async function buildCli(outfile = 'dist/cli.mjs') {
  await build({
    entryPoints: [fileURLToPath(new URL('../cli/entry.ts', import.meta.url))],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildCli();
