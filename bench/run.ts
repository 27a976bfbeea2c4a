// `npm run bench`: per-stage timings with baselines measured in the same process, printed as medians, spread and ratios,
// each beside its budget. Stages run on linkedom in Node; then the built extension runs in headless Chromium
// (bench/browser.ts) for navigation to highlights, long tasks, popup first render and heap.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import nlp from 'compromise';
import { parseHTML } from 'linkedom';
import { readGateSignals } from '../adapters/gate-signals';
import { highlightBlocks, highlightEntities } from '../adapters/highlight';
import { buildPageTree } from '../adapters/page-tree';
import { loadNerModel, nerModelPath } from '../cli/ner-model';
import { analyzePage } from '../lib/analyze';
import { gate } from '../lib/detect';
import { extractArticle } from '../lib/extract';
import { benchHugePage, benchInBrowser } from './browser';
import { type Budget, printBudgets } from './budgets';
import { benchCliOnPage } from './cli-huge';
import { benchLanguages } from './languages';
import { fmt, REPEATS, row, stats, time, words } from './measure';
import { NLP_BUNDLE } from './nlp-bundle';
import { hugeArticle, syntheticArticle } from './synthetic';

const EVAL = process.env.BENCH_EVAL ?? join(process.cwd(), '../shared/eval/data');
const PAGE_LIMIT = Number(process.env.BENCH_PAGES ?? 60);

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
  const out = await build({ ...NLP_BUNDLE, write: false });
  const code = out.outputFiles[0]?.contents ?? new Uint8Array();
  const dir = mkdtempSync(join(tmpdir(), 'backstory-bench-'));
  writeFileSync(join(dir, 'nlp.mjs'), code);
  writeFileSync(join(dir, 'seed.txt'), seed);
  // The model file is read as the background fetches it (bytes, no parse), then the first document pays for parsing it.
  const model = JSON.stringify(nerModelPath());
  const probe = `const fs=await import('node:fs');const s=fs.readFileSync('./seed.txt','utf8');const t=performance.now();const m=await import('./nlp.mjs');m.provideNerModel(new Uint8Array(fs.readFileSync(${model})));const a=m.findEntities(s);m.findQuotes(s,a.entities,{tokens:a.tokens});console.log(performance.now()-t);`;
  const coldMs = Array.from({ length: 5 }, () =>
    Number(execFileSync(process.execPath, ['--input-type=module', '-e', probe], { cwd: dir, encoding: 'utf8' })),
  );
  return { raw: code.length, gzip: gzipSync(code).length, coldMs };
}

async function main() {
  loadNerModel();
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
  const gateMedian = row('non-article pages', gateTimes['non-article']);
  row('article pages', gateTimes.article);
  const budgets: Budget[] = [{ what: 'gate, median on a non-article page (linkedom)', value: gateMedian, limit: 1, unit: 'ms' }];
  const gateFile = join('.output/chrome-mv3/content-scripts/gate.js');
  if (existsSync(gateFile))
    budgets.push({ what: 'always-injected script (gate.js), minified', value: readFileSync(gateFile).length / 1024, limit: 15, unit: 'KB' });
  const analyzerFile = join('.output/chrome-mv3/analyzer.js');
  if (existsSync(analyzerFile))
    budgets.push({
      what: 'analyser injected into articles (analyzer.js), minified',
      value: readFileSync(analyzerFile).length / 1024,
      limit: 100,
      unit: 'KB',
    });

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
  const entitiesOnly: number[] = [];
  const quotesOnly: number[] = [];
  for (let r = 0; r < REPEATS; r++) {
    for (const t of texts) {
      const per1500 = 1500 / Math.max(1, words(t));
      // (Quotes get the entity stage's tokens, as lib/analyze hands them over: the text is not tokenised twice.)
      let found = findEntities(t);
      entitiesOnly.push(time(() => (found = findEntities(t))) * per1500);
      quotesOnly.push(time(() => findQuotes(t, found.entities, { tokens: found.tokens })) * per1500);
      nlpOurs.push(
        time(() => {
          const { entities, tokens } = findEntities(t);
          findQuotes(t, entities, { tokens });
        }) * per1500,
      );
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
  row('backstory: entities alone', entitiesOnly);
  row('backstory: quotes and speakers alone', quotesOnly);
  const mineN = row('backstory', nlpOurs);
  const baseN = row('compromise 14 (baseline)', nlpBase);
  console.log(
    `  ratio: backstory is ${(baseN / mineN).toFixed(1)}× faster than compromise; ${Math.round((1500 / mineN) * 1000).toLocaleString('en')} words/s`,
  );
  const bundle = await stageBundle(texts[0] ?? '');
  const cold = row('cold start (fresh process: load bundle, lexicons and model, analyse the seed)', bundle.coldMs);
  console.log(`  bundle: entities + quotes add ${(bundle.raw / 1024).toFixed(0)} kB minified, ${(bundle.gzip / 1024).toFixed(0)} kB gzipped`);
  const modelBytes = readFileSync(nerModelPath()).length;
  console.log(`  name model: ${(modelBytes / 1e6).toFixed(2)} MB (${nerModelPath()}), fetched by the background only`);
  budgets.push(
    { what: 'entities + quotes per 1,500 words, warm', value: mineN, limit: 10, unit: 'ms' },
    { what: 'entities + quotes vs compromise (times faster)', value: baseN / mineN, limit: 10, unit: '×', atLeast: true },
    { what: 'entities + quotes cold start (model load + first document)', value: cold, limit: 80, unit: 'ms' },
    { what: 'name model on disk', value: modelBytes / 1e6, limit: 3, unit: 'MB' },
  );
  benchLanguages(budgets, findEntities, findQuotes);
  // The model never reaches the always-injected gate (nor the page's analyser): only the background fetches it.
  for (const script of ['content-scripts/gate.js', 'analyzer.js']) {
    const file = join('.output/chrome-mv3', script);
    if (existsSync(file) && /ner-en\.bin|BSNER3/.test(readFileSync(file, 'utf8'))) throw new Error(`${script} refers to the name model`);
  }
  const zips = existsSync('.output') ? readdirSync('.output').filter((f) => f.endsWith('.zip')) : [];
  for (const zip of zips) console.log(`  store package ${zip}: ${(statSync(join('.output', zip)).size / 1024).toFixed(0)} KB`);
  if (!zips.length) console.log('  store packages: none built (npm run zip), see the sizes in npm test');

  // Highlighting (linkedom DOM), and how the whole page pipeline scales with length.
  const demo = parseHTML(readFileSync('assets/demo/dawn-haqqani.html', 'utf8')).document as unknown as Document;
  const demoAnalysis = analyzePage(buildPageTree(demo, DEMO_URL).doc, readGateSignals(demo, DEMO_URL));
  const highlightTimes: number[] = [];
  for (let r = 0; r < REPEATS; r++) {
    const fresh = parseHTML(readFileSync('assets/demo/dawn-haqqani.html', 'utf8')).document as unknown as Document;
    const { elements } = buildPageTree(fresh, DEMO_URL);
    const blocks = demoAnalysis.extraction ? highlightBlocks(demoAnalysis.extraction, elements) : [];
    highlightTimes.push(time(() => highlightEntities(blocks, demoAnalysis.entities)));
  }
  console.log('\nHighlighting (the demo article, linkedom)');
  row('backstory', highlightTimes);

  console.log('\nScaling: tree + detection + extraction + entities + quotes on one article page of n words');
  const curve: { words: number; ms: number }[] = [];
  for (const n of [1000, 2000, 5000, 10_000, 20_000, 50_000]) {
    const page = syntheticArticle(n);
    const samples: number[] = [];
    for (let r = 0; r < (n > 10_000 ? 2 : 3); r++) {
      const d = parseHTML(page.html).document as unknown as Document;
      samples.push(time(() => analyzePage(buildPageTree(d, page.url).doc, readGateSignals(d, page.url))));
    }
    const ms = stats(samples).median;
    curve.push({ words: n, ms });
    console.log(
      `  ${String(n).padStart(6)} words ${fmt(ms).padStart(10)}   ${((ms / n) * 1000).toFixed(1)} µs/word   ${'█'.repeat(Math.max(1, Math.round(ms / 20)))}`,
    );
  }
  const perWord = (c: { words: number; ms: number }) => c.ms / c.words;
  const first = curve[1] as { words: number; ms: number };
  const last = curve[curve.length - 1] as { words: number; ms: number };
  console.log(`  growth: cost per word at 50k words is ${(perWord(last) / perWord(first)).toFixed(2)}× that at 2k words (1.00 = linear)`);
  budgets.push({ what: 'cost per word, 50k vs 2k words (linear = 1)', value: perWord(last) / perWord(first), limit: 2, unit: '×' });

  const browser = await benchInBrowser(REPEATS, [syntheticArticle(20_000), syntheticArticle(0, 5000)]).catch((error: unknown) => {
    console.log(`\nIn Chromium: not run (${error instanceof Error ? error.message : String(error)})`);
    return null;
  });
  if (browser) reportBrowser(browser, budgets);
  else console.log('\nIn Chromium: not run (needs /usr/bin/chromium and a build: npm run build:chrome)');
  await reportHuge(budgets);
  printBudgets(budgets);
}

const DEMO_URL = 'http://127.0.0.1/news/1145345/haqqani';

/** The bounds on work: a 10 MB page in Chromium, and the CLI on a 50 MB page. */
async function reportHuge(budgets: Budget[]) {
  console.log('\nHuge pages (the bounds on work: ANALYSIS_LIMITS, the background in sections, the CLI reading in part)');
  const ten = hugeArticle(50_000);
  const run = await benchHugePage(ten).catch(() => null);
  if (run) {
    console.log(
      `  ${(ten.html.length / 1048576).toFixed(1)} MB page in Chromium: loaded in ${run.domContentLoaded.toFixed(0)} ms; then first highlight after ${fmt(run.toHighlightsAfterLoad ?? Number.NaN)}; background's longest stall ${run.backgroundStall.toFixed(0)} ms; page long tasks ${run.longTasks.map((t) => t.toFixed(0)).join(', ') || 'none'} ms`,
    );
    budgets.push(
      { what: '10 MB page: page loaded → first highlight', value: run.toHighlightsAfterLoad ?? Number.POSITIVE_INFINITY, limit: 2000, unit: 'ms' },
      { what: '10 MB page: longest background stall', value: run.backgroundStall, limit: 100, unit: 'ms' },
    );
  } else console.log('  10 MB page in Chromium: not run');
  const cli = benchCliOnPage(hugeArticle(260_000).html);
  if (cli) {
    console.log(
      `  CLI on a ${cli.megabytes.toFixed(0)} MB page: ${cli.seconds.toFixed(1)} s, peak ${cli.peakMb.toFixed(0)} MB (it says: ${cli.head})`,
    );
    budgets.push(
      { what: 'CLI on a 50 MB page: time', value: cli.seconds, limit: 30, unit: 's' },
      { what: 'CLI on a 50 MB page: peak memory', value: cli.peakMb, limit: 500, unit: 'MB' },
    );
  } else console.log('  CLI on a 50 MB page: not run (needs the built CLI: npm run cli:build)');
}

function reportBrowser(b: NonNullable<Awaited<ReturnType<typeof benchInBrowser>>>, budgets: Budget[]) {
  console.log('\nIn headless Chromium (the built extension; the same page without it as the baseline)');
  const toMarks = b.withExtension.map((r) => r.toHighlights ?? Number.NaN).filter(Number.isFinite);
  const nav = row('navigation → first highlight, demo article', toMarks);
  const longWith = b.withExtension.flatMap((r) => r.longTasks);
  const longWithout = b.without.flatMap((r) => r.longTasks);
  const worst = Math.max(0, ...longWith);
  console.log(
    `  long tasks (> 50 ms) per load: ${(longWith.length / Math.max(1, b.withExtension.length)).toFixed(1)} with Backstory (longest ${worst.toFixed(0)} ms), ${(longWithout.length / Math.max(1, b.without.length)).toFixed(1)} without`,
  );
  const popup = row('popup first render with a cached analysis', b.popupReadyMs);
  const heapMb = (b.heapWith - b.heapWithout) / 1024 / 1024;
  console.log(
    `  JS heap of the article tab after GC: ${(b.heapWith / 1048576).toFixed(1)} MB with Backstory, ${(b.heapWithout / 1048576).toFixed(1)} MB without: +${heapMb.toFixed(1)} MB`,
  );
  for (const big of b.big) {
    const longest = Math.max(0, ...big.run.longTasks);
    console.log(
      `  ${big.name}: navigation → first highlight ${fmt(big.run.toHighlights ?? Number.NaN)}; long tasks ${big.run.longTasks.length} (longest ${longest.toFixed(0)} ms)`,
    );
  }
  budgets.push(
    { what: 'navigation → highlights, demo article (Chromium)', value: nav, limit: 150, unit: 'ms' },
    { what: 'longest task on the demo article (Chromium)', value: worst, limit: 50, unit: 'ms' },
    { what: 'popup first render, cached analysis', value: popup, limit: 100, unit: 'ms' },
    { what: 'extra JS heap per article tab', value: heapMb, limit: 15, unit: 'MB' },
  );
  for (const big of b.big)
    budgets.push({
      what: `${big.name}: navigation → first highlight`,
      value: big.run.toHighlights ?? Number.POSITIVE_INFINITY,
      limit: 1000,
      unit: 'ms',
    });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
