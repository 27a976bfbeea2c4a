import type { Entity, Mention } from '../analyze/types';
import { PLACES } from './lexicon';
import { nameKey } from './merge';

/**
 * "the Masjid Al-Haram (Grand Mosque)", "the Pakistani Taliban (Tehreek-e-Taliban Pakistan)": a place's or a body's
 * name in brackets right after another of the same kind is its other name, one entity. (Not a place of one word,
 * "Springfield (Illinois)", nor one a gazetteer lists: those say where the first one is.)
 */
export function mergeBracketedAliases(text: string, entities: Entity[]): Entity[] {
  const byStart = new Map<number, { entity: Entity; mention: Mention }>();
  for (const entity of entities) for (const mention of entity.mentions) byStart.set(mention.start, { entity, mention });
  const into = new Map<Entity, Entity>();
  const root = (e: Entity): Entity => {
    let r = e;
    while (into.has(r)) r = into.get(r) as Entity;
    return r;
  };
  for (const e of entities) {
    // (Not people: "William Wallace (Mel Gibson)" names a role and its actor.)
    if (e.type !== 'LOC' && e.type !== 'ORG') continue;
    for (const m of e.mentions) {
      const gap = /^ ?\( ?/.exec(text.slice(m.end, m.end + 3))?.[0];
      const next = gap ? byStart.get(m.end + gap.length) : undefined;
      if (!next || root(next.entity) === root(e) || next.entity.type !== e.type) continue;
      const key = nameKey(next.entity.name);
      if (!/^ ?\)/.test(text.slice(next.mention.end, next.mention.end + 2)) || !key.includes(' ') || PLACES.has(key)) continue;
      into.set(root(next.entity), root(e));
    }
  }
  if (!into.size) return entities;
  const merged = new Map<Entity, Entity>();
  const out: Entity[] = [];
  for (const e of entities) {
    const r = root(e);
    let target = merged.get(r);
    if (!target) {
      target = { ...r, mentions: [...r.mentions], variants: [...r.variants], titles: [...r.titles] };
      merged.set(r, target);
      out.push(target);
    }
    if (r === e) continue;
    target.mentions.push(...e.mentions);
    target.mentions.sort((a, b) => a.start - b.start);
    for (const v of e.variants) if (!target.variants.includes(v)) target.variants.push(v);
    for (const t of e.titles) if (!target.titles.includes(t)) target.titles.push(t);
  }
  return out;
}
