// Prints the size of every built file (both browsers), largest first, and the total: run by `npm test` after the builds.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

for (const build of ['.output/chrome-mv3', '.output/firefox-mv3']) {
  const all = files(build).map((f) => ({ path: relative(build, f), size: statSync(f).size, gzip: gzipSync(readFileSync(f)).length }));
  all.sort((a, b) => b.size - a.size);
  console.log(`${build}: ${all.length} files, ${(all.reduce((n, f) => n + f.size, 0) / 1024).toFixed(1)} KB`);
  for (const f of all) console.log(`  ${(f.size / 1024).toFixed(1).padStart(7)} KB  ${(f.gzip / 1024).toFixed(1).padStart(6)} KB gz  ${f.path}`);
}
