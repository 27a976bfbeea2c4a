/** Exact typed span scores of the two-stage tagger on corpus sentences, documents tagged whole. */
import type { NerResources } from '../../lib/entities/features';
import { firstStage, secondStage } from '../../lib/entities/recognize';
import { type NerModel, spansOf, tagOf } from '../../lib/entities/tagger';
import type { Sentence } from './corpus';

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export function f1(c: Counts): { p: number; r: number; f1: number } {
  const p = c.tp / Math.max(1, c.tp + c.fp);
  const r = c.tp / Math.max(1, c.tp + c.fn);
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

/** Counts per source; MISC counts only where the source annotates it. */
export function scoreCorpus(sentences: Sentence[], model: NerModel, resources: NerResources): Map<string, Counts> {
  const docs = new Map<string, Sentence[]>();
  for (const s of sentences) docs.set(s.doc, [...(docs.get(s.doc) ?? []), s]);
  const counts = new Map<string, Counts>();
  for (const doc of docs.values()) {
    const staged = firstStage(
      doc.map((s) => s.words),
      model,
      resources,
    );
    const paths = secondStage(staged, model, resources);
    doc.forEach((s, i) => {
      const c = counts.get(s.source) ?? { tp: 0, fp: 0, fn: 0 };
      const keep = (t: number) => t !== 3 || s.misc;
      const key = (x: { start: number; end: number; type: number }) => `${x.start}:${x.end}:${x.type}`;
      const gold = new Set(
        spansOf(s.gold)
          .filter((x) => keep(x.type))
          .map(key),
      );
      const predicted = spansOf(paths[i] as Int32Array).filter((x) => keep(x.type));
      // (Where a MISC span may also be another type, partial labels as in training, that type counts as right too.)
      const allowed = s.allowed;
      const alsoRight = (x: { start: number; end: number; type: number }) =>
        allowed !== null && gold.has(`${x.start}:${x.end}:3`) && ((allowed[x.start] as number) >> tagOf(x.type, x.end - x.start === 1 ? 3 : 0)) & 1;
      const hits = predicted.filter((x) => gold.has(key(x)) || alsoRight(x)).length;
      c.tp += hits;
      c.fp += predicted.length - hits;
      c.fn += gold.size - hits;
      counts.set(s.source, c);
    });
  }
  return counts;
}
