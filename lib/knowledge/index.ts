/** Background notes: linking names to Wikidata and Wikipedia, and what they say as of the article's date. */

export { type Kind, kindFit } from './classes';
export { type ArticleContext, articleContext, type ContextEntity } from './context';
export { type Candidate, type Features, type Related, titleFits } from './features';
export { ClassIndex, sharedClassIndex } from './kinds';
export { type Decision, decide, type Scored } from './link';
export { type KnowledgeSource, type LinkedName, type Linking, linkNames } from './linker';
export { type LookUp, planLookUps, shortFormOf } from './lookups';
export { type BackgroundNote, buildNote, factsAt, formatTime, type Office, officesAt } from './note';
export {
  DEFAULT_WIKIMEDIA,
  type FetchJson,
  type LinkResult,
  type NameToLink,
  namesForLookUp,
  WIKIMEDIA_IMAGE_HOST,
  type WikimediaConfig,
  WikimediaProvider,
} from './provider';
export { type RateOptions, RetryableError, rateLimited, ServerAskedToWait } from './rate';
export { regionNamed } from './regions';
export { MODEL, type Model } from './weights';
export { parseEntities, parseSearch, parseTime, type SearchHit, type WikidataEntity } from './wikidata';
export { firstSentences, parsePages, type WikipediaPage } from './wikipedia';
