#!/usr/bin/env node
// Entity and title scores of a ../shared/eval prediction file, as score.mjs gives them and "measured around" the gold's
// quirks that the eval README lists (its words: "measure around them, do not tune to them").
//
//   node scripts/eval-quirks.mjs pred.jsonl [--data ../shared/eval/data] [--list]
//
// Entities: gold entities whose every name is a group typed PER ("Muslims"), a title alone ("President"), two names run
// together ("Jan Roe of the Harbour Party and Ann Doe of New Union") or a name another gold entity of the document already has (a
// parser slip that splits one entity) are not required, but still count when matched; a prediction that lies wholly on gold
// mentions GUM gave no proper name ("magician Jan Novak", "Swedish captain Erik Holm") or on a quirk entity is
// neither right nor wrong. The last line is the ceiling as score.mjs scores: every other error fixed, nothing else changed.
// Titles: a gold that is the page's own <title>, og:title or twitter:title with the site's name kept ("Example -
// Wikipedia", "How to Build a Birdhouse | Example"), where the prediction is that title without its separated edge part; a
// gold whose words the page has nowhere, in its text or its attributes (an older version of the page, or a typo): no
// extractor can give it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const dataDir = args.includes('--data') ? args[args.indexOf('--data') + 1] : '../shared/eval/data';
const predFile = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--data');
if (!predFile) {
  console.error('usage: node scripts/eval-quirks.mjs pred.jsonl [--data DIR] [--list]');
  process.exit(2);
}
const list = args.includes('--list');
const readJsonl = (path) =>
  readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
const preds = new Map(readJsonl(predFile).map((p) => [p.id, p]));
const f1 = (tp, fp, fn) => {
  const p = tp / (tp + fp || 1);
  const r = tp / (tp + fn || 1);
  return `P ${p.toFixed(3)} R ${r.toFixed(3)} F1 ${((2 * p * r) / (p + r || 1)).toFixed(3)} (tp ${tp}, fp ${fp}, fn ${fn})`;
};

// score.mjs's name normalisation and name match (exact = 2, same last word and a subset of words = 1).
const entityKey = (s) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/[.'’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
function nameMatch(a, b) {
  const [x, y] = [entityKey(a), entityKey(b)];
  if (!x || !y) return 0;
  if (x === y) return 2;
  const [tx, ty] = [x.split(' '), y.split(' ')];
  if (tx.at(-1) !== ty.at(-1)) return 0;
  const [short, long] = tx.length <= ty.length ? [tx, new Set(ty)] : [ty, new Set(tx)];
  return short.every((t) => long.has(t)) ? 1 : 0;
}

const GROUP = /^(taliban|muslims|christians|jews|hindus|[a-z]+ians|[a-z]+ans|candidates)$/;
const TITLE_ALONE = /^(president|director|sheriff|man|jet pilot|minister|secretary|chairman)$/;
const RUN_TOGETHER = / (of|and|in) [A-Z]| [A-Z][a-z]+ [A-Z][a-z]+ [A-Z][a-z]+ [A-Z]/;

function quirkOf(entity, seen) {
  const keys = entity.names.map(entityKey);
  if (entity.type === 'PER' && keys.every((k) => GROUP.test(k))) return 'group typed PER';
  if (keys.every((k) => TITLE_ALONE.test(k))) return 'title alone';
  if (entity.names.every((n) => RUN_TOGETHER.test(n))) return 'names run together';
  if (keys.some((k) => seen.has(k))) return 'name of another gold entity';
  return null;
}

function scoreEntities(docs) {
  const all = { tp: 0, fp: 0, fn: 0 };
  const around = { tp: 0, fp: 0, fn: 0, neutral: 0, quirkMissed: 0 };
  for (const doc of docs) {
    const proper = doc.mentions.filter((m) => m.proper);
    // Names nested in another gold name are optional in score.mjs.
    const nested = (a, i) => proper.some((b, j) => j !== i && b.start <= a.start && a.end <= b.end && (b.end - b.start > a.end - a.start || j < i));
    const optionalMention = new Set(proper.filter(nested));
    const seen = new Set();
    const gold = doc.entities
      .filter((e) => e.names?.length)
      .map((e) => {
        const own = proper.filter((m) => m.entity_id === e.entity_id);
        const quirk = quirkOf(e, seen);
        for (const n of e.names) seen.add(entityKey(n));
        return { ...e, optional: own.length > 0 && own.every((m) => optionalMention.has(m)), quirk };
      });
    const unnamed = new Set([...doc.entities.filter((e) => !e.names?.length), ...gold.filter((g) => g.quirk)].map((e) => e.entity_id));
    const predicted = (preds.get(doc.id)?.entities ?? []).filter((e) => ['PER', 'ORG', 'LOC'].includes(e.type));
    const pairs = [];
    predicted.forEach((p, pi) => {
      gold.forEach((g, gi) => {
        const score = p.type === g.type ? Math.max(...g.names.map((n) => nameMatch(p.name, n))) : 0;
        if (score) pairs.push({ pi, gi, score, optional: g.optional ? 1 : 0 });
      });
    });
    pairs.sort((a, b) => b.score - a.score || a.optional - b.optional);
    const [usedP, usedG] = [new Set(), new Set()];
    for (const { pi, gi } of pairs) {
      if (usedP.has(pi) || usedG.has(gi)) continue;
      usedP.add(pi);
      usedG.add(gi);
      all.tp++;
      around.tp++;
    }
    predicted.forEach((p, pi) => {
      if (usedP.has(pi)) return;
      all.fp++;
      const onUnnamed = p.mentions.every((m) => doc.mentions.some((g) => unnamed.has(g.entity_id) && g.start < m.end && m.start < g.end));
      if (onUnnamed) around.neutral++;
      else around.fp++;
      if (list) console.log(onUnnamed ? 'neutral' : 'FP     ', doc.id, `${p.type}:${p.name}`);
    });
    gold.forEach((g, gi) => {
      if (usedG.has(gi) || g.optional) return;
      all.fn++;
      if (g.quirk) around.quirkMissed++;
      else around.fn++;
      if (list) console.log(g.quirk ? 'quirk  ' : 'FN     ', doc.id, `${g.type}:${g.names.join(' / ')}`, g.quirk ?? '');
    });
  }
  console.log('Entities (typed, by name)');
  console.log(`  as score.mjs scores:     ${f1(all.tp, all.fp, all.fn)}`);
  console.log(`  around the gold quirks:  ${f1(around.tp, around.fp, around.fn)}`);
  console.log(`    set aside: ${around.neutral} predictions on names GUM gives no proper span, ${around.quirkMissed} quirk entities missed`);
  const ceiling = f1(all.tp + around.fn, around.neutral, around.quirkMissed);
  console.log(`  as scored, with every error outside the quirks fixed: ${ceiling}`);
}

// score.mjs's title normalisation.
const titleKey = (s) =>
  String(s || '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’‚‛′`]/g, "'")
    .replace(/[“”„‟″«»]/g, '"')
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
const decode = (s) =>
  s
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(Number.parseInt(n, 16)))
    .replace(/&(quot|amp|apos|lt|gt|nbsp);/g, (_, n) => ({ quot: '"', amp: '&', apos: "'", lt: '<', gt: '>', nbsp: ' ' })[n]);
function ownTitles(html) {
  const head = html.slice(0, 200_000);
  const tag = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(head)?.[1] ?? '';
  const metas = [...head.matchAll(/<meta\b[^>]*>/gi)].map((m) => m[0]);
  const meta = (name) =>
    metas
      .filter((m) => new RegExp(`(?:property|name)\\s*=\\s*["']${name}["']`, 'i').test(m))
      .map((m) => /content\s*=\s*"([^"]*)"|content\s*=\s*'([^']*)'/i.exec(m));
  const contents = [...meta('og:title'), ...meta('twitter:title')].map((m) => m?.[1] ?? m?.[2] ?? '');
  return [tag, ...contents].map((t) => titleKey(decode(t)));
}
// The headline, a separator, and the site's name ("… | eHow", "… [LWN.net]", "…_科技_腾讯网").
const SITE_TAIL = /^\s*(?:[|·»•:~/\\_[-]|::)/;

// decode() and the German letters; any other named entity is punctuation enough for letters() below.
const decodeAll = (s) =>
  decode(s)
    .replace(/&([aeiouAOU])uml;/g, (_, v) => ({ a: 'ä', e: 'ë', i: 'ï', o: 'ö', u: 'ü', A: 'Ä', O: 'Ö', U: 'Ü' })[v])
    .replace(/&szlig;/g, 'ß')
    .replace(/&[a-z]+;/gi, ' ');
// Letters and digits only, so that spacing, punctuation and entities never make a gold look absent.
const letters = (s) => titleKey(s).replace(/[^\p{L}\p{N}]+/gu, '');
function onPage(html, gold) {
  const want = letters(gold);
  // (A tag opens with a letter, and a comment is skipped whole: a "<" in a script's code or a CDATA block is no tag.)
  if (letters(decodeAll(html.replace(/<!--[\s\S]*?-->|<\/?[a-z][^>]*>/gi, ' '))).includes(want)) return true;
  return [...html.matchAll(/=\s*"([^"]*)"|=\s*'([^']*)'/g)].some((m) => letters(decodeAll(m[1] ?? m[2])).includes(want));
}

function scoreTitles(pages) {
  let [n, right, siteKept, absent] = [0, 0, 0, 0];
  for (const page of pages) {
    if (!page.gold.title || page.gold.is_article === false) continue;
    n++;
    const mine = titleKey(preds.get(page.id)?.article?.title);
    const want = titleKey(page.gold.title);
    if (mine === want) {
      right++;
      continue;
    }
    const html = gunzipSync(readFileSync(join(dataDir, page.html_path))).toString('utf8');
    if (mine && want.startsWith(mine) && SITE_TAIL.test(want.slice(mine.length)) && ownTitles(html).includes(want)) {
      siteKept++;
      if (list) console.log('site name kept', page.dataset, JSON.stringify(page.gold.title));
    } else if (!onPage(html, page.gold.title)) {
      absent++;
      if (list) console.log('not on the page', page.dataset, JSON.stringify(page.gold.title));
    }
  }
  const share = (a, b) => `${a} / ${b} = ${(a / b).toFixed(3)}`;
  console.log('Titles (exact)');
  console.log(`  as score.mjs scores:     ${share(right, n)}`);
  console.log(`  around golds that keep the site's name (${siteKept}): ${share(right, n - siteKept)}`);
  console.log(`  and around golds the page does not have (${absent}): ${share(right, n - siteKept - absent)}`);
}

const [docs, pages] = [readJsonl(join(dataDir, 'nlp.jsonl')), readJsonl(join(dataDir, 'pages.jsonl'))];
if (docs.some((doc) => preds.has(doc.id))) scoreEntities(docs);
if (pages.some((page) => preds.has(page.id))) scoreTitles(pages);
