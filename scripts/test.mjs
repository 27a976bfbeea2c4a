// `npm test`: lint, type-check, build both browsers and the CLI, web-ext lint, then every vitest project
// (unit, dom, e2e in Chromium and Firefox) in one run, ending with a plain "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const steps = [
  ['lint (warnings fail too)', 'npx', ['biome', 'check', '--error-on-warnings', '.']],
  ['type-check', 'npm', ['run', '--silent', 'typecheck']],
  ['build (Chrome)', 'npx', ['wxt', 'build']],
  ['build (Firefox)', 'npx', ['wxt', 'build', '-b', 'firefox', '--mv3']],
  ['build (CLI)', 'node', ['scripts/build-cli.mjs']],
  ['sizes of the built files', 'node', ['scripts/sizes.mjs']],
  [
    'web-ext lint (Firefox build; warnings fail too)',
    'npx',
    ['web-ext', 'lint', '--source-dir', '.output/firefox-mv3', '--no-input', '--warnings-as-errors'],
  ],
];

/** The working tree's state as git sees it (null outside a git checkout): `npm test` must leave it as it found it. */
function treeState() {
  const status = spawnSync('git', ['status', '--porcelain=v1', '--untracked-files=all'], { encoding: 'utf8' });
  if (status.status !== 0) return null;
  const diff = spawnSync('git', ['diff', 'HEAD'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return `${status.stdout}\n${diff.stdout}`;
}
const treeBefore = treeState();

// Arguments are vitest filters (`npm test -- tests/unit`): with them, only those tests run, without the checks and builds.
const filters = process.argv.slice(2);
for (const [name, command, args] of filters.length ? [] : steps) {
  console.log(`\n▶ ${name}`);
  const run = spawnSync(command, args, { stdio: 'inherit' });
  if (run.status !== 0) {
    console.log(`\n${name} failed.\n0 passed, 1 failed`);
    process.exit(1);
  }
}

const report = join(mkdtempSync(join(tmpdir(), 'backstory-test-')), 'vitest.json');
console.log('\n▶ tests (unit, components, end-to-end in Chromium and Firefox)');
const vitest = spawnSync('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...filters], {
  stdio: 'inherit',
});
let passed = 0;
let failed = 0;
try {
  const results = JSON.parse(readFileSync(report, 'utf8'));
  passed = results.numPassedTests;
  failed = results.numFailedTests + (results.numFailedTestSuites ?? 0);
} catch {
  failed = Math.max(1, failed);
}
if (vitest.status !== 0 && failed === 0) failed = 1;
// Tests write only to temporary folders and ignored ones (.output, dist): a file they change in the tree is a defect.
const treeAfter = treeState();
const treeChanged = treeBefore !== null && treeAfter !== treeBefore;
if (treeChanged) {
  console.log('\nThe tests changed the working tree (git status before and after differ):');
  spawnSync('git', ['status', '--short'], { stdio: 'inherit' });
  failed++;
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(vitest.status === 0 && failed === 0 ? 0 : 1);
