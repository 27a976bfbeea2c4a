/** URL shapes and canonical forms, shared by detection and extraction. */

/** Dated paths, long numeric ids, or slugs of four or more words: how article URLs look on most sites. */
export const ARTICLE_PATH =
  /(\/(19|20)\d\d[/-]\d\d?[/-]|\/(19|20)\d\d\/\d\d\/|\d{5,}|[a-z0-9]+(-[a-z0-9]+){3,}(\.html?)?\/?$|\/(article|articles|story|stories|news|post|posts)\/\d+)/i;
/** "news_view.html?idx=8723", "article.php?id=123": an article picked by a numeric id in the query. */
const ARTICLE_QUERY = /[?&](idx|id|aid|articleid|article_id|newsid|news_id|storyid|story_id|no|p)=\d+/i;

export function pathOf(url: string): { host: string; path: string; query: string } {
  const match = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)([^?#]*)(\?[^#]*)?/i.exec(url);
  return { host: (match?.[1] ?? '').toLowerCase().replace(/^www\./, ''), path: match?.[2] || '/', query: match?.[3] ?? '' };
}

/** Real article paths are far shorter; the cap keeps the slug pattern's cost bounded on a URL of megabytes. */
const MAX_TESTED = 1000;

export function looksLikeArticleUrl(url: string): boolean {
  const { path, query } = pathOf(url.length > 4 * MAX_TESTED ? url.slice(0, 4 * MAX_TESTED) : url);
  return ARTICLE_PATH.test(path.slice(-MAX_TESTED)) || ARTICLE_QUERY.test(query.slice(0, MAX_TESTED));
}

export function sameSite(a: string, b: string): boolean {
  const ha = pathOf(a).host;
  return !!ha && ha === pathOf(b).host;
}

const TRACKING = /^(utm_[a-z]+|fbclid|gclid|dclid|mc_cid|mc_eid|ref|ref_src|cmpid|icid|ito|ocid|smid|spm)$/i;

/** Drops the fragment and tracking parameters, so one article has one URL. */
export function canonicalizeUrl(url: string): string {
  const [beforeHash = ''] = url.split('#');
  const [base = '', query] = beforeHash.split('?');
  if (!query) return base;
  const kept = query.split('&').filter((pair) => pair && !TRACKING.test(pair.split('=')[0] ?? ''));
  return kept.length ? `${base}?${kept.join('&')}` : base;
}
