#!/usr/bin/env node
// The CLI is bundled by `npm run cli:build` (run on install); see cli/.
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/cli.mjs', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write('backstory: the CLI is not built yet; run `npm run cli:build` in the project folder.\n');
  process.exit(1);
}
await import(bundle.href);
