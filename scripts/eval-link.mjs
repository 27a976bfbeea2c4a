#!/usr/bin/env node
// `npm run eval:link`: runs the CLI as `backstory analyze FILE --link --json --wikimedia-base URL` on the dev set's
// articles (tests/fixtures/linking) against the local stand-in for Wikidata and Wikipedia, and prints the figures of
// issue 25's table for the articles the weights were chosen on (tune), the ones only measured (test), and all, with the
// requests each looked-up name cost. `--verbose` lists every miss; `--json` prints the figures as JSON.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'tests/fixtures/linking');
const args = new Set(process.argv.slice(2));

/**
 * Runs the dev set through the CLI and scores it; also used by tests/unit/link-devset.test.ts, which builds its own copy
 * of the CLI (`cli`) so that it never runs one another test is rebuilding.
 */
export async function evaluateLinking({ cli = join(root, 'bin/backstory.mjs'), build = true, parallel = 2 } = {}) {
  if (build) await run('node', [join(root, 'scripts/build-cli.mjs')], { cwd: root });
  const { startFakeWikimedia } = await import('../tests/fixtures/wikimedia/server.mjs');
  const kb = await import('../tests/fixtures/linking/kb.mjs');
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
  // One stand-in per worker, so each run's requests are its own.
  const servers = await Promise.all(Array.from({ length: parallel + 1 }, () => startFakeWikimedia({ data: kb })));
  const label = (key) => kb.ENTITIES[kb.QID[key]]?.labels?.en?.value ?? key;
  const analyse = async (server, file, published) => {
    const argv = [cli, 'analyze', join(dir, 'articles', file), '--link', '--json', '--wikimedia-base', server.origin];
    if (published) argv.push('--published', published);
    // Each run is its own process with its own cache, as in the acceptance test.
    const { stdout } = await run('node', argv, { cwd: root, maxBuffer: 64 << 20 });
    return JSON.parse(stdout);
  };
  try {
    const queue = [...expected.articles];
    const results = new Map();
    const worker = async (server) => {
      for (let a = queue.shift(); a; a = queue.shift()) {
        const before = server.requests.length;
        const out = await analyse(server, a.file, a.published);
        results.set(a.file, { out, requests: server.requests.slice(before) });
      }
    };
    await Promise.all(servers.slice(0, parallel).map(worker));
    const rows = [];
    for (const a of expected.articles) {
      const { out } = results.get(a.file);
      // The entity with a mention written as the name; failing that, one whose mention ends with it ("Composer John Williams").
      const entityOf = (name) =>
        out.entities.find((e) => e.mentions.some((m) => m.text === name)) ??
        out.entities.find((e) => e.mentions.some((m) => m.text.toLowerCase() === name.toLowerCase())) ??
        out.entities.find((e) => e.mentions.some((m) => ` ${m.text}`.endsWith(` ${name}`)));
      for (const [name, key] of a.names) {
        const entity = entityOf(name);
        const note = entity ? out.notes?.[entity.id] : undefined;
        const got = note?.status === 'linked' ? note.note.qid : null;
        const row = {
          file: a.file,
          split: a.split,
          name,
          want: key ? kb.QID[key] : null,
          wantKey: key,
          got,
          found: !!entity,
          gotLabel: note?.note?.label ?? null,
        };
        if (a.offices && name in a.offices) {
          const office = a.offices[name];
          const atDate = note?.status === 'linked' ? note.note.offices.filter((o) => o.atDate).map((o) => o.title) : [];
          row.officeOk = got === row.want && (office === null ? atDate.length === 0 : atDate.includes(label(office)));
        }
        rows.push(row);
      }
    }
    // requests per looked-up name: every request a run made, over the names it searched for
    const splits = ['tune', 'test', 'fresh'];
    const cost = Object.fromEntries(['all', ...splits].map((s) => [s, { requests: 0, names: 0 }]));
    for (const a of expected.articles) {
      const { requests } = results.get(a.file);
      const names = requests.filter((r) => r.params.action === 'wbsearchentities').length;
      for (const split of ['all', a.split]) {
        cost[split].requests += requests.length;
        cost[split].names += names;
      }
    }
    // robustness: the odd shapes in r1
    const r = expected.robustness;
    let robust = [];
    try {
      const out = await analyse(servers[parallel], r.file);
      robust = r.cases.map((c) => {
        const entity = out.entities.find((e) => e.name === c.name || e.variants.includes(c.name));
        const note = entity ? out.notes?.[entity.id] : undefined;
        const got = note?.status === 'linked' ? note.note : null;
        let ok = !!note && (c.expect ? got?.qid === kb.QID[c.expect] : got === null);
        if (ok && c.officeListed) ok = got.offices.some((o) => o.title === label(c.officeListed) && !o.atDate);
        return { case: c.case, name: c.name, ok };
      });
    } catch (error) {
      robust = r.cases.map((c) => ({ case: c.case, name: c.name, ok: false, error: String(error) }));
    }
    const figures = {};
    for (const split of [...splits, 'all']) {
      const set = rows.filter((x) => split === 'all' || x.split === split);
      const made = set.filter((x) => x.got);
      const none = set.filter((x) => !x.want);
      const offices = set.filter((x) => 'officeOk' in x);
      figures[split] = {
        names: set.length,
        accuracy: set.filter((x) => x.got === x.want).length / set.length,
        precision: made.length ? made.filter((x) => x.got === x.want).length / made.length : 1,
        linksMade: made.length,
        noMatch: none.length ? none.filter((x) => !x.got).length / none.length : 1,
        noMatchNames: none.length,
        office: offices.length ? offices.filter((x) => x.officeOk).length / offices.length : 1,
        officeNames: offices.length,
        notRecognised: set.filter((x) => !x.found).length,
        requestsPerName: cost[split].requests / Math.max(1, cost[split].names),
        requests: cost[split].requests,
        searchedNames: cost[split].names,
      };
    }
    figures.robustness = { passed: robust.filter((x) => x.ok).length, of: robust.length, cases: robust };
    return { figures, rows };
  } finally {
    await Promise.all(servers.map((s) => s.close()));
  }
}

const pct = (x) => `${(100 * x).toFixed(1)}%`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { figures, rows } = await evaluateLinking({ parallel: args.has('--serial') ? 1 : 2 });
  if (args.has('--json')) {
    process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  } else {
    const cols = ['tune', 'test', 'fresh', 'all'];
    const line = (name, f) => `| ${name.padEnd(52)} | ${cols.map((c) => f(figures[c]).padStart(14)).join(' | ')} |`;
    console.log(`| ${'figure (dev set: 36 articles, tests/fixtures/linking)'.padEnd(52)} | ${cols.map((c) => c.padStart(14)).join(' | ')} |`);
    console.log(`|${'-'.repeat(54)}|${cols.map(() => '-'.repeat(16)).join('|')}|`);
    console.log(line('linking accuracy (right item, or rightly no link)', (f) => `${pct(f.accuracy)} of ${f.names}`));
    console.log(line('precision of the links made', (f) => `${pct(f.precision)} of ${f.linksMade}`));
    console.log(line('no-match correctness (names that must not be linked)', (f) => `${pct(f.noMatch)} of ${f.noMatchNames}`));
    console.log(line("office held at the article's date", (f) => `${pct(f.office)} of ${f.officeNames}`));
    console.log(line('names the recogniser did not find (counted as misses)', (f) => String(f.notRecognised)));
    console.log(line('requests per looked-up name', (f) => `${f.requestsPerName.toFixed(2)} (${f.requests}/${f.searchedNames})`));
    console.log(`\nrobustness: ${figures.robustness.passed}/${figures.robustness.of}`);
    for (const c of figures.robustness.cases) if (!c.ok) console.log(`  failed: ${c.case} (${c.name})${c.error ? `: ${c.error}` : ''}`);
    if (args.has('--verbose')) {
      console.log('\nmisses:');
      for (const x of rows.filter((x) => x.got !== x.want || x.officeOk === false))
        console.log(
          `  [${x.split}] ${x.file} ${x.name}: want ${x.wantKey ?? 'no link'} (${x.want}), got ${x.gotLabel ?? 'no link'} (${x.got})${x.found ? '' : ' [not recognised]'}${x.officeOk === false ? ' [office]' : ''}`,
        );
    }
  }
}
