/** Background notes: linking names to Wikidata and Wikipedia, and what they say as of the article's date. */

export { type CacheEntry, type CacheOptions, type CacheStore, cachedFetch, type RateOptions, RetryableError, rateLimited } from './cache';
export { cachedItems, type ItemCacheOptions } from './item-cache';
export { chooseCandidate, type LinkContext, type LinkDecision, typeFits } from './link';
export { type BackgroundNote, buildNote, factsAt, formatTime, type Office, officesAt } from './note';
export {
  DEFAULT_WIKIMEDIA,
  type FetchJson,
  type LinkResult,
  type NameToLink,
  namesForLookUp,
  type WikimediaConfig,
  WikimediaProvider,
} from './provider';
export { parseEntities, parseSearch, parseTime, type SearchHit, type WikidataEntity } from './wikidata';
export { firstSentences, parsePages, type WikipediaPage } from './wikipedia';
