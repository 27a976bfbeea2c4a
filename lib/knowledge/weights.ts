/**
 * The linker's model: how much each feature of a candidate counts (features.ts), what a candidate must beat to be linked
 * at all (the "none of these" score per name type), and how sure a link must be. Chosen on the tune half of the dev set
 * in tests/fixtures/linking; `npm run eval:link` prints the tune and test halves.
 */
export const MODEL = {
  weights: {
    /** the name is the item's label or an alias (1), its label with a qualifier (0.8), or only a prefix (0) */
    name: 2.25,
    /** kind against the name's type: 0 fits, down to -2.5 (a river for a company) */
    fit: 1.25,
    /** written as a sports team is, and the item is a team (a place is then ruled out) */
    team: 3,
    /** TF-IDF cosine of the article's words and the item's description, extract and related labels */
    context: 7.5,
    /** relations to the article's other names (capped at 4) */
    relations: 1.2,
    /** "Paris, Texas": the item lies in the region written after the name (+1) or clearly elsewhere (-1) */
    qualifier: 3,
    /** a dateline names a city or town */
    dateline: 1.5,
    /** the item is a region the article writes after a place ("OLYMPIA, Wash.") */
    region: 1.5,
    /** ended or died before the article, in an article not about that time (-1); quoted after death (-3) */
    time: 1,
    /** held an office the name's title names, at the article's date (1), at another time (0.4); some office then (0.15) */
    office: 2.5,
    /** the age the article gives matches the birth date */
    age: 2,
    /** log2(1 + sitelinks) / 8: how well known, a weak prior */
    prior: 1.5,
    /** 1 / (1 + position in the search results) */
    rank: 0.6,
  },
  /** The score of "none of these" per name type: a candidate must beat it, and clearly beat the others, to be linked. */
  none: { PER: 3.5, ORG: 2, LOC: 2.5 },
  /**
   * Evidence from the article (its words, relations, an office that fits the title, the age) a link needs besides name
   * and fame: a local person with a famous namesake gets no link. Applies when the caller gives the article's context.
   */
  evidence: { PER: 0.8, ORG: 0, LOC: 0, /** more for a person introduced as someone's relative */ relative: 1 },
  /** A name is linked when its best candidate has at least this share of the probability ("none" included)... */
  link: 0.5,
  /** ...and scores this much above the next one: "no confident match" when the best is not clearly ahead. */
  margin: 0.5,
  /** Names this sure are linked first and then serve as context for the rest. */
  confident: 0.85,
};

export type Model = typeof MODEL;
export type Weights = Model['weights'];
