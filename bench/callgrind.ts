// `npm run bench:callgrind`: the entity and quote stages' work counted in instructions under valgrind's callgrind, where
// the bench's timers say little (a machine shared by others). Two figures, as bench/run.ts times them:
//   warm   findEntities, then findQuotes with its tokens, over the bench's texts (every STRIDE-th), after WARM passes that
//          let V8 optimise the code; the instructions of one more pass per 1,500 words;
//   cold   a fresh process importing the stages' bundle, handed the model's bytes, analysing the seed once: the bundle's
//          load, the names, the quotes.
// Each figure is given whole and without the optimising compilers' work (TurboFan, Maglev), which callgrind counts on
// the one thread (--single-threaded) but which runs beside the page's work in a browser. Needs valgrind.
// Environment: BENCH_EVAL (the eval data, as bench/run.ts), STRIDE (6), WARM (4).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { nerModelPath } from '../cli/ner-model';
import { NLP_BUNDLE } from './nlp-bundle';

const EVAL = process.env.BENCH_EVAL ?? join(process.cwd(), '../shared/eval/data');
const STRIDE = Number(process.env.STRIDE ?? 6);
const WARM = Number(process.env.WARM ?? 4);
const dir = resolve('dist/callgrind');

// A call into V8 that nothing else makes: callgrind starts a new count at each (--dump-before), so a run's parts are apart.
const MARK = "import { getHeapStatistics as mark } from 'node:v8';";

const warmDriver = `${MARK}
import { readFileSync, existsSync } from 'node:fs';
import { findEntities, provideNerModel } from '../../lib/entities';
import { findQuotes } from '../../lib/quotes';
provideNerModel(new Uint8Array(readFileSync(${JSON.stringify(nerModelPath())})));
const texts = [readFileSync('assets/demo/seed.txt', 'utf8')];
const nlp = ${JSON.stringify(join(EVAL, 'nlp.jsonl'))};
if (existsSync(nlp)) for (const l of readFileSync(nlp, 'utf8').trim().split('\\n')) texts.push(JSON.parse(l).text);
const use = texts.filter((_, i) => i % ${STRIDE} === 0);
const words = use.reduce((n, t) => n + (t.match(/[\\p{L}\\p{N}]+/gu)?.length ?? 0), 0);
const pass = () => { for (const t of use) { const a = findEntities(t); findQuotes(t, a.entities, { tokens: a.tokens }); } };
for (let i = 0; i < ${WARM}; i++) pass();
mark();
pass();
mark();
console.log(JSON.stringify({ texts: use.length, words }));
`;

const coldProbe = `${MARK}
import { readFileSync } from 'node:fs';
const seed = readFileSync('assets/demo/seed.txt', 'utf8');
const bytes = new Uint8Array(readFileSync(${JSON.stringify(nerModelPath())}));
mark();
const m = await import('./nlp.mjs');
mark();
m.provideNerModel(bytes);
const a = m.findEntities(seed);
mark();
m.findQuotes(seed, a.entities, { tokens: a.tokens });
mark();
`;

/** Instructions of one dumped part: in all, and those of V8's optimising compilers. */
function counts(file: string): { all: number; compilers: number } {
  const out = execFileSync('callgrind_annotate', ['--threshold=100', file], { encoding: 'utf8', maxBuffer: 1 << 28 });
  let all = 0;
  let compilers = 0;
  for (const line of out.split('\n')) {
    const m = /^\s*([\d,]+)\s+\([\s\d.]+%\)\s+(.*)$/.exec(line);
    if (!m) continue;
    const n = Number((m[1] as string).replace(/,/g, ''));
    const name = m[2] as string;
    if (name.includes('PROGRAM TOTALS')) all = n;
    // (Self costs; a function on the stack when the count started is listed with the whole part: left out.)
    else if (n !== all && /v8::internal::(compiler|maglev|turboshaft)::/.test(name)) compilers += n;
  }
  return { all, compilers };
}

const M = (n: number) => `${(n / 1e6).toFixed(1)} M`;
const row = (what: string, c: { all: number; compilers: number }, scale = 1) =>
  console.log(`  ${what.padEnd(44)} ${M(c.all * scale).padStart(10)}   ${M((c.all - c.compilers) * scale).padStart(10)} without the compilers`);

/** Runs a script under callgrind, its counts written to `out` and `out`.1, .2, … (one per part); returns what it printed. */
function callgrind(script: string, out: string): string {
  return execFileSync(
    'valgrind',
    [
      '--tool=callgrind',
      `--callgrind-out-file=${out}`,
      '--dump-before=*GetHeapStatistics*',
      process.execPath,
      '--single-threaded',
      '--predictable',
      script,
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
  );
}

async function main() {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'warm.ts'), warmDriver);
  writeFileSync(join(dir, 'cold.ts'), coldProbe);
  const options = { bundle: true, platform: 'node', format: 'esm', logLevel: 'warning' } as const;
  await build({ ...options, entryPoints: [join(dir, 'warm.ts')], outfile: join(dir, 'warm.mjs') });
  await build({ ...options, entryPoints: [join(dir, 'cold.ts')], outfile: join(dir, 'cold.mjs'), external: ['./nlp.mjs'] });
  // The stages bundled as bench/run.ts bundles them for its cold start.
  await build({ ...NLP_BUNDLE, outfile: join(dir, 'nlp.mjs'), logLevel: 'warning' });
  const warmOut = join(dir, 'warm.out');
  const info = JSON.parse(callgrind(join(dir, 'warm.mjs'), warmOut)) as { texts: number; words: number };
  console.log(`Callgrind instructions (node ${process.version}; ${info.texts} texts, ${info.words} words; ${WARM} passes before the counted one)`);
  row('warm, per 1,500 words', counts(`${warmOut}.2`), 1500 / info.words);
  const coldOut = join(dir, 'cold.out');
  callgrind(join(dir, 'cold.mjs'), coldOut);
  const parts = [2, 3, 4].map((k) => counts(`${coldOut}.${k}`));
  const [load, names, quotes] = parts as [ReturnType<typeof counts>, ReturnType<typeof counts>, ReturnType<typeof counts>];
  row('cold: load the bundle', load);
  row('cold: model + names of the seed', names);
  row('cold: quotes of the seed', quotes);
  row('cold start in all', { all: load.all + names.all + quotes.all, compilers: load.compilers + names.compilers + quotes.compilers });
  if (!existsSync(join(EVAL, 'nlp.jsonl'))) console.log('  (no eval texts: the seed alone)');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
