import type { ArticleContext } from './context';
import { type Candidate, candidateWords, type Features, localFeatures, RELATIONS, type Related } from './features';
import type { LookUp } from './lookups';
import { containsPhrase, contentWords, nameKey } from './text';
import { MODEL, type Model, type Weights } from './weights';
import { itemValues, type WikidataEntity } from './wikidata';

export interface Scored {
  candidate: Candidate;
  features: Features;
  score: number;
  /** share of the probability among the candidates and "none of these" */
  probability: number;
}

export interface Decision {
  lookUp: LookUp;
  /** the linked candidate, or null: no confident match */
  chosen: Scored | null;
  /** every candidate not ruled out, best first */
  scored: Scored[];
}

export interface DecideInput {
  lookUps: LookUp[];
  /** candidates by look-up key */
  candidates: Map<string, Candidate[]>;
  related: Map<string, Related>;
  context?: ArticleContext;
  date: string | null;
  model?: Model;
}

const MAX_ROUNDS = 5;
const RELATION_CAP = 4;
/** Support from a name of the article written in the item's description, in its Wikipedia intro, in a related item's description. */
const DESCRIPTION_MENTION = 0.5;
const EXTRACT_MENTION = 0.3;
const SECOND_STEP = 0.3;
/** A related item the article names without it being looked up. */
const MENTIONED_TIE = 0.7;
/** A country the article names is weak evidence, however it is reached (as the country property is). */
const COUNTRY_TIE = 0.3;
const COUNTRY_CLASSES = ['Q6256', 'Q3624078'];
const DATELINE_TIE = 1.5;

/** TF-IDF over the candidates of one article: words every candidate has say little. */
class Similarity {
  private readonly idf = new Map<string, number>();
  private readonly docs = new Map<string, Map<string, number>>();
  private readonly article: Map<string, number>;

  constructor(candidates: Candidate[], related: Map<string, Related>, articleWords: Record<string, number>) {
    for (const c of candidates) {
      if (this.docs.has(c.entity.id)) continue;
      const counts = new Map<string, number>();
      for (const w of candidateWords(c, related)) counts.set(w, (counts.get(w) ?? 0) + 1);
      this.docs.set(c.entity.id, counts);
    }
    const df = new Map<string, number>();
    for (const doc of this.docs.values()) for (const w of doc.keys()) df.set(w, (df.get(w) ?? 0) + 1);
    const n = this.docs.size;
    for (const [w, d] of df) this.idf.set(w, Math.log((n + 1) / (d + 0.5)));
    this.article = new Map(Object.entries(articleWords).map(([w, count]) => [w, 1 + Math.log(count)]));
  }

  /** Cosine of the article's and the candidate's weighted words, leaving out the words of the name itself. */
  of(id: string, own: Set<string>): number {
    const doc = this.docs.get(id);
    if (!doc || !this.article.size) return 0;
    let dot = 0;
    let docNorm = 0;
    for (const [w, count] of doc) {
      if (own.has(w)) continue;
      const idf = this.idf.get(w) ?? 0;
      const d = (1 + Math.log(count)) * idf;
      docNorm += d * d;
      const a = this.article.get(w);
      if (a) dot += a * idf * d;
    }
    let articleNorm = 0;
    for (const [w, a] of this.article) {
      if (own.has(w)) continue;
      const idf = this.idf.get(w);
      if (idf) articleNorm += (a * idf) ** 2;
    }
    return dot && docNorm && articleNorm ? dot / Math.sqrt(docNorm * articleNorm) : 0;
  }
}

const dot = (w: Weights, f: Features) =>
  w.name * f.name +
  w.fit * f.fit +
  w.team * f.team +
  w.context * f.context +
  w.relations * f.relations +
  w.qualifier * f.qualifier +
  w.dateline * f.dateline +
  w.region * f.region +
  w.time * f.time +
  w.office * f.office +
  w.age * f.age +
  w.prior * f.prior +
  w.rank * f.rank;

/** What speaks for a person beyond name and fame. */
const evidence = (w: Weights, f: Features) => w.context * f.context + w.relations * f.relations + w.office * f.office + w.age * f.age;

/**
 * Decides every name of an article together: each candidate is scored on its own features, then on its relations to the
 * candidates of the other names; names decided with confidence are fixed and serve as context for the rest, round by
 * round. A name is linked only when its best candidate clearly beats both the others and "none of these".
 */
export function decide(input: DecideInput): Map<string, Decision> {
  const { lookUps, candidates, related, context, date } = input;
  const model = input.model ?? MODEL;
  const { weights } = model;
  const hasContext = !!context && Object.keys(context.words).length > 0;
  const similarity = new Similarity([...candidates.values()].flat(), related, context?.words ?? {});

  // The article's names, for relations that point at something it mentions by name.
  const articleNames = new Map<string, Set<string>>();
  const addName = (name: string, owner: string) => {
    const k = nameKey(name);
    if (k.length < 2) return;
    if (!articleNames.has(k)) articleNames.set(k, new Set());
    articleNames.get(k)?.add(owner);
  };
  for (const e of context?.entities ?? []) for (const v of [e.name, ...e.variants]) addName(v, e.id);
  for (const r of context?.regions ?? []) addName(r, `region:${r}`);
  const phrases = new Set(context?.phrases ?? []);

  interface State {
    lookUp: LookUp;
    own: Set<string>;
    ownIds: Set<string>;
    scored: Scored[];
  }
  const states: State[] = lookUps.map((lookUp) => {
    const ownIds = new Set(lookUp.ids);
    const ownNames = [lookUp.query, ...(context?.entities.filter((e) => ownIds.has(e.id)).flatMap((e) => e.variants) ?? [])];
    const own = new Set(ownNames.flatMap((n) => contentWords(n)));
    const scored: Scored[] = [];
    for (const candidate of candidates.get(lookUp.key) ?? []) {
      const local = localFeatures({ lookUp, candidate, date, context, related });
      if (!local) continue;
      const features: Features = { ...local, context: similarity.of(candidate.entity.id, own), relations: 0 };
      scored.push({ candidate, features, score: dot(weights, features), probability: 0 });
    }
    return { lookUp, own, ownIds, scored };
  });

  const byId = new Map<string, WikidataEntity>();
  for (const s of states) for (const x of s.scored) byId.set(x.candidate.entity.id, x.candidate.entity);
  // incoming[target] = the candidates pointing at it, and how much the tie counts
  const incoming = new Map<string, { from: string; weight: number }[]>();
  for (const entity of byId.values())
    for (const [p, weight] of Object.entries(RELATIONS))
      for (const t of itemValues(entity, p)) {
        if (t === entity.id) continue;
        if (!incoming.has(t)) incoming.set(t, []);
        incoming.get(t)?.push({ from: entity.id, weight });
      }

  const linked = new Map<string, string>(); // QID → the key of the look-up it was linked for
  const probabilities = new Map<string, Map<string, number>>(); // key → QID → probability

  const normalise = (state: State) => {
    const none = model.none[state.lookUp.type];
    const max = Math.max(none, ...state.scored.map((x) => x.score));
    const total = Math.exp(none - max) + state.scored.reduce((sum, x) => sum + Math.exp(x.score - max), 0);
    for (const x of state.scored) x.probability = Math.exp(x.score - max) / total;
    state.scored.sort((a, b) => b.score - a.score);
    probabilities.set(state.lookUp.key, new Map(state.scored.map((x) => [x.candidate.entity.id, x.probability])));
  };

  // The dateline is where the story happens: what lies there, or is tied to it, is what the article means.
  const datelineKeys = new Set(lookUps.filter((l) => l.about?.dateline).map((l) => l.key));
  /** How strongly another name's candidates (or linked item) support `id`. */
  const support = (id: string, key: string): number => {
    const owner = linked.get(id);
    if (owner !== undefined) return owner === key ? 0 : datelineKeys.has(owner) ? DATELINE_TIE : 1;
    let best = 0;
    for (const [k, probs] of probabilities) if (k !== key) best = Math.max(best, 0.6 * (probs.get(id) ?? 0));
    return best;
  };

  // Evidence is counted once per thing the article names: a country named in the text supports a town through its
  // country, its description and its county's description, but only once, and only as much as a shared country does.
  const keyOfId = new Map(lookUps.flatMap((l) => l.ids.map((id) => [id, l.key] as const)));
  const isCountry = (id: string) => itemValues(byId.get(id) ?? ({ claims: {} } as WikidataEntity), 'P31').some((c) => COUNTRY_CLASSES.includes(c));
  /** What a name of the article stands for: its look-up's leading candidate, or the name itself. */
  const subjectOf = (name: string, key: string): string => {
    for (const owner of articleNames.get(name) ?? []) {
      const k = keyOfId.get(owner);
      if (k === undefined || k === key) continue;
      const probs = probabilities.get(k);
      const top = probs && [...probs].sort((a, b) => b[1] - a[1])[0];
      if (top) return top[0];
    }
    return `name:${name}`;
  };

  const relationsOf = (state: State, c: Candidate): number => {
    const key = state.lookUp.key;
    const ownQuery = nameKey(state.lookUp.query);
    const mentioned = (name: string) => {
      const k = nameKey(name);
      const owners = articleNames.get(k);
      if (owners) return [...owners].some((o) => !state.ownIds.has(o));
      return k !== ownQuery && phrases.has(k);
    };
    const evidence = new Map<string, number>();
    const add = (subject: string, value: number) => {
      if (value > (evidence.get(subject) ?? 0)) evidence.set(subject, value);
    };
    const namesIn = (text: string) => [...articleNames.keys()].filter((n) => n.length > 3 && mentioned(n) && containsPhrase(text, n));
    const byMention = (text: string, weight: number) => {
      for (const n of namesIn(text)) {
        const subject = subjectOf(n, key);
        add(subject, isCountry(subject) ? Math.min(weight, COUNTRY_TIE) : weight);
      }
    };
    for (const [p, weight] of Object.entries(RELATIONS)) {
      for (const t of itemValues(c.entity, p)) {
        if (t === c.entity.id) continue;
        add(t, weight * support(t, key));
        const r = related.get(t);
        if (r && [r.label, ...r.aliases].some((l) => !!l && mentioned(l))) add(t, weight * MENTIONED_TIE);
        // one step further: "Paris" lies in a county whose description says "Texas"
        if (r?.description && (p === 'P131' || p === 'P276' || p === 'P159')) byMention(r.description, SECOND_STEP);
      }
    }
    for (const { from, weight } of incoming.get(c.entity.id) ?? []) {
      const fromKey = [...probabilities].find(([, probs]) => probs.has(from))?.[0];
      if (fromKey !== undefined && fromKey !== key) add(from, weight * support(from, key));
    }
    byMention(c.entity.description ?? '', DESCRIPTION_MENTION);
    if (c.extract) byMention(c.extract, EXTRACT_MENTION);
    let total = 0;
    for (const v of evidence.values()) total += v;
    return Math.min(RELATION_CAP, total);
  };

  const confident = (state: State, x: Scored | undefined, threshold: number): boolean =>
    !!x &&
    x.probability >= threshold &&
    x === state.scored[0] &&
    (state.scored.length < 2 || x.score - (state.scored[1] as Scored).score >= model.margin) &&
    // A lone surname could be anyone: it needs evidence even where the caller gives no article.
    (!(hasContext || !state.lookUp.query.trim().includes(' ')) ||
      evidence(weights, x.features) >=
        Math.max(model.evidence[state.lookUp.type], x.candidate.kinds.includes('person') ? model.evidence.PER : 0) +
          (state.lookUp.about?.relative ? model.evidence.relative : 0));

  for (const s of states) normalise(s);
  const fixed = new Set<State>();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    for (const s of states) {
      if (fixed.has(s)) continue;
      for (const x of s.scored) {
        x.features.relations = relationsOf(s, x.candidate);
        x.score = dot(weights, x.features);
      }
    }
    for (const s of states) if (!fixed.has(s)) normalise(s);
    let changed = false;
    for (const s of states) {
      if (fixed.has(s) || !confident(s, s.scored[0], model.confident)) continue;
      fixed.add(s);
      linked.set((s.scored[0] as Scored).candidate.entity.id, s.lookUp.key);
      changed = true;
    }
    if (!changed) break;
  }

  const decisions = new Map<string, Decision>();
  for (const s of states) {
    const best = s.scored[0];
    const chosen = fixed.has(s) || confident(s, best, model.link) ? (best as Scored) : null;
    decisions.set(s.lookUp.key, { lookUp: s.lookUp, chosen, scored: s.scored });
  }
  return decisions;
}
