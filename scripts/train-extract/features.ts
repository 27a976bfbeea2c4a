// `npm run train:extract:features [-- --data DIR]`: the block classifier's training table, from the eval's dev pages.
//
// For each dev page with gold text or snippets, every block's features (lib/extract/block-features.ts) and its label:
// scrapinghub and Readability pages by aligning the block's word trigrams to the gold text, trafilatura pages by which
// blocks hold a must-contain ("with") or must-not-contain ("without") snippet. The table holds numbers only (no page
// text, no HTML): feature values, hashed class/id words, labels, token counts and which blocks each snippet spans, so
// `npm run train:extract` reproduces the model and its cross-validated figures from a clone.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { buildPageTree } from '../../adapters/page-tree';
import { parseDocument } from '../../cli/main';
import { blockTable } from '../../lib/extract';
import { type PageRecord, TABLE_PATH, tokens } from './table';

const dataArg = process.argv.indexOf('--data');
// The eval sits beside the repository (../shared/eval), or beside the folder of worktrees.
const DATA =
  dataArg > 0
    ? (process.argv[dataArg + 1] as string)
    : (['../shared/eval/data', '../../shared/eval/data'].map((d) => join(process.cwd(), d)).find((d) => existsSync(join(d, 'pages.jsonl'))) ??
      join(process.cwd(), '../shared/eval/data'));

interface EvalPage {
  id: string;
  url: string;
  html_path: string;
  dataset: string;
  gold: { is_article: boolean | null; text: string | null; with: string[] | null; without: string[] | null };
}

const normWs = (s: string) => s.replace(/\s+/g, ' ').trim();
const round = (x: number) => Math.round(x * 1e4) / 1e4;

/** FNV-1a of the site's registrable part, so a site's pages share one fold (Readability's test pages are each their own). */
function siteGroup(page: EvalPage): number {
  const host = /^https?:\/\/([^/:]+)/i.exec(page.url)?.[1]?.replace(/^www\./, '') ?? page.id;
  const site = page.dataset === 'readability' ? page.id : host.split('.').slice(-2).join('.');
  let h = 0x811c9dc5;
  for (let i = 0; i < site.length; i++) h = Math.imul(h ^ site.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Labels from the gold text: a block of three words or more is the article's when half its word trigrams are in the
 * gold text (each gold trigram matched once, in page order, so a second copy of a paragraph is not); a shorter block
 * when its words appear in the gold in a row.
 */
function alignToGold(texts: string[], gold: string): (0 | 1)[] {
  const g = tokens(gold);
  const trigrams = new Map<string, number>();
  for (let i = 0; i + 2 < g.length; i++) {
    const k = `${g[i]} ${g[i + 1]} ${g[i + 2]}`;
    trigrams.set(k, (trigrams.get(k) ?? 0) + 1);
  }
  const joined = ` ${g.join(' ')} `;
  const labels = texts.map((text): 0 | 1 => {
    const t = tokens(text);
    if (t.length < 3) return t.length && joined.includes(` ${t.join(' ')} `) ? 1 : 0;
    const found: string[] = [];
    for (let i = 0; i + 2 < t.length; i++) {
      const k = `${t[i]} ${t[i + 1]} ${t[i + 2]}`;
      if ((trigrams.get(k) ?? 0) > 0) found.push(k);
    }
    if (found.length / (t.length - 2) < 0.5) return 0;
    for (const k of found) trigrams.set(k, (trigrams.get(k) ?? 0) - 1);
    return 1;
  });
  return labels;
}

/** The blocks' words and the gold's as page-local numbers, numbered in order of first appearance. */
function numberWords(texts: string[], gold: string): { words: number[][]; goldCounts: number[] } {
  const ids = new Map<string, number>();
  const id = (t: string) => {
    let n = ids.get(t);
    if (n === undefined) {
      n = ids.size;
      ids.set(t, n);
    }
    return n;
  };
  const words = texts.map((t) => tokens(t).map(id));
  const goldCounts: number[] = [];
  for (const t of tokens(gold)) {
    const n = id(t);
    goldCounts[n] = (goldCounts[n] ?? 0) + 1;
  }
  return { words, goldCounts: Array.from(goldCounts, (c) => c ?? 0) };
}

/** The blocks a snippet spans in the page's text (blocks joined by a space), or [] when the page's text lacks it. */
function spans(texts: string[], snippet: string): number[] {
  const starts: number[] = [];
  let joined = '';
  for (const t of texts) {
    if (joined) joined += ' ';
    starts.push(joined.length);
    joined += t;
  }
  const s = normWs(snippet);
  const at = s ? joined.indexOf(s) : -1;
  if (at < 0) return [];
  return texts.flatMap((t, i) => ((starts[i] as number) < at + s.length && (starts[i] as number) + t.length > at ? [i] : []));
}

/** Snippet pages keep only the blocks a snippet spans: the others have no label and count for nothing. */
function withoutUnlabelled(record: PageRecord): PageRecord {
  if (record.goldTokens !== null) return record;
  const keep = [...new Set([...record.withs.flat(), ...record.withouts.flat()])].sort((a, b) => a - b);
  const at = new Map(keep.map((old, i) => [old, i]));
  const pick = <T>(xs: T[]) => keep.map((i) => xs[i] as T);
  const remap = (spans: number[][]) => spans.map((span) => span.map((i) => at.get(i) as number));
  return {
    ...record,
    dense: pick(record.dense),
    hashed: pick(record.hashed),
    labels: pick(record.labels),
    tokens: pick(record.tokens),
    withs: remap(record.withs),
    withouts: remap(record.withouts),
  };
}

const pages = readFileSync(join(DATA, 'pages.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as EvalPage)
  .filter((p) => p.gold.is_article !== false && (typeof p.gold.text === 'string' || p.gold.with?.length || p.gold.without?.length));

const out: string[] = [];
let blockCount = 0;
for (const page of pages) {
  const html = gunzipSync(readFileSync(join(DATA, page.html_path))).toString('utf8');
  const { doc } = buildPageTree(parseDocument(html), page.url);
  const table = blockTable(doc);
  const texts = table.blocks.map((b) => b.text);
  const record: PageRecord = {
    id: page.id,
    dataset: page.dataset,
    group: siteGroup(page),
    goldTokens: null,
    dense: table.dense.map((row) => row.map(round)),
    hashed: table.hashed,
    labels: texts.map(() => null),
    tokens: texts.map((t) => tokens(t).length),
    withs: [],
    withouts: [],
  };
  if (typeof page.gold.text === 'string') {
    record.labels = alignToGold(texts, page.gold.text);
    Object.assign(record, numberWords(texts, page.gold.text));
    record.goldTokens = tokens(page.gold.text).length;
  } else {
    record.withs = (page.gold.with ?? []).map((s) => spans(texts, s));
    record.withouts = (page.gold.without ?? []).map((s) => spans(texts, s));
    for (const span of record.withs) for (const i of span) record.labels[i] = 1;
    // A block holding both kinds of snippet teaches nothing clear: it stays unlabelled.
    for (const span of record.withouts) for (const i of span) record.labels[i] = record.labels[i] === 1 ? null : 0;
  }
  blockCount += texts.length;
  out.push(JSON.stringify(withoutUnlabelled(record)));
}
writeFileSync(TABLE_PATH, gzipSync(`${out.join('\n')}\n`, { level: 9 }));
console.log(`${pages.length} pages, ${blockCount} blocks → ${TABLE_PATH}`);
