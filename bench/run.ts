// `npm run bench`: per-stage timings with baselines measured in the same process, printed as medians, spread and ratios.
// Stages run on linkedom in Node here; the in-browser part (navigation to highlights, long tasks, heap) is tracked apart.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import nlp from 'compromise';
import { parseHTML } from 'linkedom';
import { readGateSignals } from '../adapters/gate-signals';
import { buildPageTree } from '../adapters/page-tree';
import { gate } from '../lib/detect';
import { extractArticle } from '../lib/extract';

const EVAL = join(process.cwd(), '../shared/eval/data');
const PAGE_LIMIT = Number(process.env.BENCH_PAGES ?? 60);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 5);

interface Page {
  id: string;
  url: string;
  html: string;
  kind: 'article' | 'non-article';
}

function loadPages(): Page[] {
  const demo = (name: string, url: string, kind: Page['kind']): Page => ({
    id: name,
    url,
    html: readFileSync(join('assets/demo', `${name}.html`), 'utf8'),
    kind,
  });
  const pages = [demo('dawn-haqqani', 'http://127.0.0.1/news/1145345/haqqani', 'article'), demo('home', 'http://127.0.0.1/', 'non-article')];
  if (!existsSync(join(EVAL, 'pages.jsonl'))) return pages;
  const lines = readFileSync(join(EVAL, 'pages.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  const pick = (dataset: string, kind: Page['kind'], n: number) =>
    lines
      .filter((l) => l.dataset === dataset)
      .slice(0, n)
      .map((l) => ({ id: l.id, url: l.url, html: gunzipSync(readFileSync(join(EVAL, l.html_path))).toString('utf8'), kind }));
  return [...pages, ...pick('scrapinghub', 'article', PAGE_LIMIT), ...pick('homepages', 'non-article', PAGE_LIMIT)];
}

function loadTexts(): string[] {
  const seed = readFileSync('assets/demo/seed.txt', 'utf8');
  const texts = [seed];
  if (existsSync(join(EVAL, 'nlp.jsonl')))
    for (const l of readFileSync(join(EVAL, 'nlp.jsonl'), 'utf8').trim().split('\n')) texts.push(JSON.parse(l).text);
  return texts;
}

const now = () => performance.now();
function time(fn: () => void): number {
  const t = now();
  fn();
  return now() - t;
}

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * (s.length - 1)))] ?? 0;
  return { median: q(0.5), p10: q(0.1), p90: q(0.9), total: s.reduce((a, b) => a + b, 0) };
}

const fmt = (ms: number) => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`);
const row = (name: string, samples: number[], extra = '') => {
  const { median, p10, p90 } = stats(samples);
  console.log(`  ${name.padEnd(44)} median ${fmt(median).padStart(10)}   p10–p90 ${fmt(p10)} – ${fmt(p90)}${extra ? `   ${extra}` : ''}`);
  return median;
};

const words = (text: string) => text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;

/**
 * The entity and quote stages bundled as the extension ships them: their size, and their cold start (load the bundle
 * with its lexicons, then analyse the seed once) timed in a fresh Node process, so nothing is warm or transpiled.
 */
async function stageBundle(seed: string): Promise<{ raw: number; gzip: number; coldMs: number[] }> {
  const { build } = await import('esbuild');
  const { gzipSync } = await import('node:zlib');
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { execFileSync } = await import('node:child_process');
  const out = await build({
    stdin: {
      contents: "export { findEntities } from './lib/entities'; export { findQuotes } from './lib/quotes';",
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
  });
  const code = out.outputFiles[0]?.contents ?? new Uint8Array();
  const dir = mkdtempSync(join(tmpdir(), 'backstory-bench-'));
  writeFileSync(join(dir, 'nlp.mjs'), code);
  writeFileSync(join(dir, 'seed.txt'), seed);
  const probe = `const t=performance.now();const m=await import('./nlp.mjs');const s=(await import('node:fs')).readFileSync('./seed.txt','utf8');m.findQuotes(s,m.findEntities(s).entities);console.log(performance.now()-t);`;
  const coldMs = Array.from({ length: 5 }, () =>
    Number(execFileSync(process.execPath, ['--input-type=module', '-e', probe], { cwd: dir, encoding: 'utf8' })),
  );
  return { raw: code.length, gzip: gzipSync(code).length, coldMs };
}

async function main() {
  const { findEntities } = await import('../lib/entities');
  const { findQuotes } = await import('../lib/quotes');
  const pages = loadPages();
  const texts = loadTexts();
  console.log(`Backstory bench: ${pages.length} pages, ${texts.length} texts, ${REPEATS} repeats (node ${process.version})\n`);

  // Gate: what every page pays. Each page's DOM is parsed once, outside the timing.
  const docs = pages.map((p) => ({ page: p, document: parseHTML(p.html).document as unknown as Document }));
  const gateTimes: Record<Page['kind'], number[]> = { article: [], 'non-article': [] };
  for (let r = 0; r < REPEATS; r++)
    for (const { page, document } of docs) gateTimes[page.kind].push(time(() => gate(readGateSignals(document, page.url))));
  console.log('Gate (always-injected content script: signals + decision)');
  row('non-article pages', gateTimes['non-article']);
  row('article pages', gateTimes.article);

  // Extraction: ours against Readability on the same article pages; both get a fresh DOM each run.
  const articles = pages.filter((p) => p.kind === 'article');
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let r = 0; r < Math.min(REPEATS, 3); r++) {
    for (const p of articles) {
      const a = parseHTML(p.html).document as unknown as Document;
      ours.push(time(() => extractArticle(buildPageTree(a, p.url).doc)));
      const b = parseHTML(p.html).document as unknown as Document;
      theirs.push(time(() => new Readability(b).parse()));
    }
  }
  console.log('\nExtraction (page tree + article, per article page)');
  const mineX = row('backstory', ours);
  const baseX = row('@mozilla/readability 0.6 (baseline)', theirs);
  console.log(`  ratio: backstory takes ${(mineX / baseX).toFixed(2)}× Readability's median time`);

  // Entities and quotes, per 1,500 words, warm; compromise as the baseline on the same texts.
  const corpusWords = texts.reduce((n, t) => n + words(t), 0);
  const nlpOurs: number[] = [];
  const nlpBase: number[] = [];
  for (let r = 0; r < REPEATS; r++) {
    for (const t of texts) {
      const per1500 = 1500 / Math.max(1, words(t));
      nlpOurs.push(time(() => findQuotes(t, findEntities(t).entities)) * per1500);
      nlpBase.push(
        time(() => {
          const doc = nlp(t);
          doc.people().out('array');
          doc.organizations().out('array');
          doc.places().out('array');
          doc.quotations().out('array');
        }) * per1500,
      );
    }
  }
  console.log(`\nEntities + quotes (per 1,500 words, warm; ${corpusWords} words in all)`);
  const mineN = row('backstory', nlpOurs);
  const baseN = row('compromise 14 (baseline)', nlpBase);
  console.log(
    `  ratio: backstory is ${(baseN / mineN).toFixed(1)}× faster than compromise; ${Math.round((1500 / mineN) * 1000).toLocaleString('en')} words/s`,
  );
  const bundle = await stageBundle(texts[0] ?? '');
  row('cold start (fresh process: load bundle + lexicons, analyse the seed)', bundle.coldMs);
  console.log(`  bundle: entities + quotes add ${(bundle.raw / 1024).toFixed(0)} kB minified, ${(bundle.gzip / 1024).toFixed(0)} kB gzipped`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
