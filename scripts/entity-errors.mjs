#!/usr/bin/env node
// Entity errors of a ../shared/eval prediction file, by kind and genre: what the entity F1 of score.mjs counts as wrong,
// sorted into split entities (a variant not merged), wrong merges, a type wrong while the name is right, a name cut or
// run on, spurious entities (one mention or more) and missed ones. Entities are matched as score.mjs matches them (its
// name rule, same type, exact names first).
//
//   node scripts/entity-errors.mjs pred.jsonl [--eval ../shared/eval] [--genre web-news] [--list] [--confusion]
//
// --confusion adds, per genre, the gold type of every proper-name mention against the type of the predicted mention
// that overlaps it most ("none" where no mention does; a predicted mention that overlaps no gold one counts as gold
// "none"): where typed-mention errors come from, in aggregate.
// --list prints each error under its kind (document, type, name, mentions). The eval documents are a dev set: read the
// kinds to choose what to fix in general, never to fit one document.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const predFile = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (!predFile) {
  console.error('usage: node scripts/entity-errors.mjs pred.jsonl [--eval DIR] [--genre G] [--list]');
  process.exit(2);
}
const evalDir = [option('eval'), '../shared/eval', '../../shared/eval', '/work/shared/eval']
  .filter(Boolean)
  .map((d) => resolve(d))
  .find((d) => existsSync(join(d, 'score.mjs')));
if (!evalDir) {
  console.error('../shared/eval not found (--eval DIR)');
  process.exit(2);
}
const { loadData, loadPreds, normName } = await import(pathToFileURL(join(evalDir, 'score.mjs')).href);

const TYPES = new Set(['PER', 'ORG', 'LOC']);
/** score.mjs's name rule: 2 equal, 1 one's words all in the other's with the same last word, 0 otherwise. */
function nameScore(a, b) {
  const x = normName(a);
  const y = normName(b);
  if (!x || !y) return 0;
  if (x === y) return 2;
  const tx = x.split(' ');
  const ty = y.split(' ');
  if (tx.at(-1) !== ty.at(-1)) return 0;
  const [small, big] = tx.length <= ty.length ? [tx, new Set(ty)] : [ty, new Set(tx)];
  return small.every((t) => big.has(t)) ? 1 : 0;
}
const overlap = (a, b) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
function greedy(pairs) {
  pairs.sort((a, b) => b.score - a.score || a.tie - b.tie || a.p - b.p || a.g - b.g);
  const pUsed = new Map();
  const gUsed = new Map();
  for (const x of pairs)
    if (!pUsed.has(x.p) && !gUsed.has(x.g)) {
      pUsed.set(x.p, x.g);
      gUsed.set(x.g, x.p);
    }
  return { pUsed, gUsed };
}

const data = loadData(join(evalDir, 'data'), { only: 'nlp' });
const preds = loadPreds(predFile);
const genreOnly = option('genre');
/** genre → "gold->predicted" → mentions (--confusion) */
const confusion = new Map();
/** genre → kind → examples */
const errors = new Map();
const add = (genre, kind, example) => {
  const kinds = errors.get(genre) ?? new Map();
  errors.set(genre, kinds);
  kinds.set(kind, [...(kinds.get(kind) ?? []), example]);
};

for (const doc of data.nlp) {
  if (doc.entities_annotated === false || !doc.entities || (genreOnly && doc.genre !== genreOnly)) continue;
  const proper = doc.mentions.filter((m) => m.proper).map((m) => ({ ...m }));
  proper.forEach((a, i) => {
    a.optional = proper.some((b, j) => j !== i && b.start <= a.start && a.end <= b.end && (b.end - b.start > a.end - a.start || j < i));
  });
  const common = doc.mentions.filter((m) => !m.proper);
  const all = preds.get(doc.id)?.entities ?? [];
  const predicted = all.filter((e) => TYPES.has(e.type) && e.name?.trim());
  const gold = doc.entities
    .filter((e) => e.names?.length)
    .map((e) => {
      const own = proper.filter((m) => m.entity_id === e.entity_id);
      return { ...e, own, optional: own.length > 0 && own.every((m) => m.optional) };
    });
  const pairs = [];
  predicted.forEach((p, pi) => {
    gold.forEach((g, gi) => {
      if (p.type !== g.type) return;
      const score = Math.max(...g.names.map((n) => nameScore(p.name, n)));
      if (score) pairs.push({ p: pi, g: gi, score, tie: g.optional ? 1 : 0 });
    });
  });
  const { pUsed, gUsed } = greedy(pairs);
  if (args.includes('--confusion')) {
    const counts = confusion.get(doc.genre) ?? new Map();
    confusion.set(doc.genre, counts);
    const count = (key) => counts.set(key, (counts.get(key) ?? 0) + 1);
    const mentions = all.flatMap((e) => (e.mentions ?? []).map((m) => ({ ...m, type: e.type })));
    const matched = new Set();
    for (const g of proper) {
      let best = -1;
      let most = 0;
      mentions.forEach((m, i) => {
        const o = overlap(m, g);
        if (o > most) {
          most = o;
          best = i;
        }
      });
      if (best >= 0) matched.add(best);
      count(`${g.type}->${best >= 0 ? mentions[best].type : 'none'}`);
    }
    mentions.forEach((m, i) => {
      if (!matched.has(i) && !proper.some((g) => overlap(m, g))) count(`none->${m.type}`);
    });
  }
  const shared = (p, g) => g.own.reduce((s, m) => s + (p.mentions ?? []).reduce((t, pm) => t + overlap(pm, m), 0), 0);
  const label = (e) => `${doc.id} ${e.type} ${JSON.stringify(e.name ?? e.names.join(' | '))} ×${e.mentions?.length ?? e.own.length}`;

  predicted.forEach((p, pi) => {
    if (pUsed.has(pi)) return;
    const named = gold.map((g, gi) => ({ g, gi, s: Math.max(...g.names.map((n) => nameScore(p.name, n))) })).filter((x) => x.s);
    const overlapping = gold
      .map((g, gi) => ({ g, gi, o: shared(p, g) }))
      .filter((x) => x.o)
      .sort((a, b) => b.o - a.o);
    let kind;
    if (named.some((x) => gUsed.has(x.gi) && x.g.type === p.type)) kind = 'FP split: a variant of a found entity, not merged';
    else if (named.some((x) => !gUsed.has(x.gi))) kind = 'FP type wrong (name right)';
    else if (named.length) kind = 'FP split, and typed otherwise';
    else if (overlapping.length) {
      const top = overlapping[0];
      if (gUsed.has(top.gi)) kind = 'FP split: another form (acronym, alias, cut name) of a found entity';
      else if (top.g.optional) kind = 'FP a name nested in another';
      else kind = top.g.type === p.type ? 'FP name cut or run on' : 'FP name cut or run on, and type wrong';
    } else {
      const described = (p.mentions ?? []).some((pm) => common.some((c) => overlap(pm, c)));
      kind = described ? 'FP on a description or pronoun' : p.mentions?.length > 1 ? 'FP spurious, 2+ mentions' : 'FP spurious, 1 mention';
    }
    add(doc.genre, kind, label(p));
  });
  gold.forEach((g, gi) => {
    if (g.optional || gUsed.has(gi)) return;
    const typedOtherwise = all.find((p) => p.type !== g.type && Math.max(...g.names.map((n) => nameScore(p.name ?? '', n))));
    const overlapping = all
      .map((p) => ({ p, o: shared(p, g) }))
      .filter((x) => x.o)
      .sort((a, b) => b.o - a.o);
    let kind;
    if (typedOtherwise) kind = typedOtherwise.type === 'MISC' ? 'FN typed MISC' : 'FN type wrong (name right)';
    else if (overlapping.length) {
      const p = overlapping[0].p;
      const pi = predicted.indexOf(p);
      if (p.type === 'MISC') kind = 'FN inside a MISC name';
      else if (pi >= 0 && pUsed.has(pi)) kind = 'FN merged into another entity';
      else kind = 'FN name cut or run on';
    } else kind = 'FN missed (no mention found)';
    add(doc.genre, kind, label(g));
  });
}

for (const [genre, kinds] of errors) {
  console.log(`\n${genre}`);
  const counts = confusion.get(genre);
  if (counts) {
    console.log('  mentions, gold->predicted type:');
    for (const [key, n] of [...counts].sort((a, b) => b[1] - a[1])) console.log(`${String(n).padStart(5)}  ${key}`);
    console.log('  entities:');
  }
  for (const [kind, examples] of [...kinds].sort((a, b) => b[1].length - a[1].length)) {
    console.log(`${String(examples.length).padStart(5)}  ${kind}`);
    if (args.includes('--list')) for (const e of examples) console.log(`         ${e}`);
  }
}
