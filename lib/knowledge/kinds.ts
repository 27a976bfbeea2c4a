import { type Kind, knownClass } from './classes';
import { itemValues, type WikidataEntity } from './wikidata';

/** How many steps up the P279 tree a class is followed before it counts as unknown. */
export const MAX_DEPTH = 3;
/** Classes remembered, at most (every class met, known or not, is one entry). */
const MAX_REMEMBERED = 5000;

/** Fetches classes' statements (P279 among them) by QID, in batches; the provider gives one with its cache. */
export type FetchClasses = (ids: string[]) => Promise<Map<string, WikidataEntity>>;

/**
 * Kinds of classes, with a bounded walk up P279 for classes not in the table: all classes of one depth are asked for in
 * one batched request, and what is learned is kept, so a class costs one look-up per process (and none once the item
 * cache has it). A class whose superclasses lead nowhere known within MAX_DEPTH steps has no kinds.
 */
export class ClassIndex {
  private readonly learned = new Map<string, readonly Kind[]>();

  known(id: string): readonly Kind[] | undefined {
    return knownClass(id) ?? this.learned.get(id);
  }

  /** Kinds of an item from its P31 classes, once `resolve` has seen them. */
  kindsOf(entity: WikidataEntity): Kind[] {
    return [...new Set(itemValues(entity, 'P31').flatMap((c) => this.known(c) ?? []))];
  }

  /** Learns the kinds of these classes, walking up P279 where needed; failures leave classes unknown. */
  async resolve(classIds: string[], fetchClasses: FetchClasses): Promise<void> {
    // parents[c]: the superclasses of c, as fetched; a class is resolved once some ancestor within reach is known.
    const parents = new Map<string, string[]>();
    let frontier = [...new Set(classIds)].filter((c) => this.known(c) === undefined);
    const pending = [...frontier];
    let failed = false;
    for (let depth = 0; depth < MAX_DEPTH && frontier.length; depth++) {
      let fetched: Map<string, WikidataEntity>;
      try {
        fetched = await fetchClasses(frontier);
      } catch {
        failed = true;
        break;
      }
      const next: string[] = [];
      for (const id of frontier) {
        const supers = fetched.get(id) ? itemValues(fetched.get(id) as WikidataEntity, 'P279') : [];
        parents.set(id, supers);
        for (const s of supers) if (this.known(s) === undefined && !parents.has(s) && !next.includes(s)) next.push(s);
      }
      frontier = next;
    }
    const kindsOf = (id: string, depth: number, seen: Set<string>): Kind[] => {
      const known = this.known(id);
      if (known) return [...known];
      if (depth >= MAX_DEPTH || seen.has(id)) return [];
      seen.add(id);
      return [...new Set((parents.get(id) ?? []).flatMap((p) => kindsOf(p, depth + 1, seen)))];
    };
    if (this.learned.size > MAX_REMEMBERED) this.learned.clear();
    for (const id of pending) {
      const kinds = kindsOf(id, 0, new Set());
      // After a failed request, "no kinds" may only mean "not fetched": asked again next time.
      if (kinds.length || !failed) this.learned.set(id, kinds);
    }
  }
}

/** One index for the whole process (the background or the CLI): classes do not change between look-ups. */
export const sharedClassIndex = /* @__PURE__ */ new ClassIndex();
