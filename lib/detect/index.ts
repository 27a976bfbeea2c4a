/**
 * Article detection in two steps: a cheap gate on signals any page yields in well under a millisecond,
 * run on every page, and a confirmation after extraction on pages that passed.
 */
import { isArticleSchemaType } from '../extract/schema';
import { looksLikeArticleUrl, pathOf } from '../extract/url';

export interface GateSignals {
  url: string;
  /** schema.org types from JSON-LD and microdata */
  schemaTypes: string[];
  ogType: string | null;
  hasPublishedTime: boolean;
  articleElements: number;
  /** characters in <p> elements with at least 80 characters each */
  longParagraphChars: number;
  longParagraphs: number;
  /** characters of link text, and of all text in the body: home pages and indexes are mostly links */
  linkChars: number;
  textChars: number;
  /** h2–h4 headings: a landing page heads each of its teasers, an article a few sections */
  headings?: number;
}

export interface Verdict {
  isArticle: boolean;
  /** how many signs say the page presents itself as a story (schema.org type, og:type, <article>, …) */
  markers: number;
  reason: string;
  score: number;
}

const INDEX_PATH =
  /^\/?(index\.\w+|home|search|tags?|topics?|category|categories|section|sections|latest|archive|archives|author|authors|page|login|signup|register|cart|checkout|shop|store|products?)(\/|$)/i;
/** Documentation and help sites: long prose under long slugs, but manuals, not news. (Wikis are left alone: Wikinews.) */
const DOCS_HOST = /^(docs|doc|developer|developers|devdocs|help|support|manual|learn)\./i;
const DOCS_PATH = /^\/(docs?|documentation|guides?|reference|manual|api-docs|handbook|help|support|kb|knowledge-?base|tutorials?)(\/|$)/i;
const NON_ARTICLE_SCHEMA =
  /^(WebSite|CollectionPage|SearchResultsPage|Product|ProductGroup|Offer|ItemList|Store|WebApplication|SoftwareApplication|ProfilePage)$/;

/** Permissive on purpose: extraction confirms, and a wrong pass costs only an analysis of a non-article. */
const GATE_THRESHOLD = 2;
const ARTICLE_MARKERS = new Set(['schema.org article', 'og:type article', 'published time', '<article>', 'article-like URL']);

export function isSiteRoot(url: string): boolean {
  const { path, query } = pathOf(url);
  // "/", "/index.html", and language roots such as "/en/" or "/pt-br/".
  return /^\/?([a-z]{2}([-_][a-z]{2})?\/?)?((index|default|home)\.\w+)?$/i.test(path) && !/[?&](p|id|story|article)=/i.test(query);
}

/** The cheap gate: true when the page is worth extracting. A site's root page never is. */
export function gate(signals: GateSignals): Verdict {
  if (isSiteRoot(signals.url)) return { isArticle: false, reason: 'site home page', score: 0, markers: 0 };
  const { host, path, query } = pathOf(signals.url);
  let score = 0;
  const reasons: string[] = [];
  const add = (points: number, why: string) => {
    score += points;
    reasons.push(why);
  };
  if (signals.schemaTypes.some(isArticleSchemaType)) add(3, 'schema.org article');
  if (signals.schemaTypes.some((t) => NON_ARTICLE_SCHEMA.test(t)) && !signals.schemaTypes.some(isArticleSchemaType)) add(-2, 'non-article schema');
  if (signals.ogType?.toLowerCase() === 'article') add(2, 'og:type article');
  if (signals.hasPublishedTime) add(1, 'published time');
  // One or two <article> elements wrap a story; many of them are the teasers of a listing.
  if (signals.articleElements > 0 && signals.articleElements <= 2) add(1, '<article>');
  else if (signals.articleElements >= 4) add(-1, 'many <article> teasers');
  if (looksLikeArticleUrl(signals.url)) add(1, 'article-like URL');
  // (An index file anywhere in the path, "/pages/index.php", is a section's front as the root's is the site's.)
  if (INDEX_PATH.test(path) || /\/(index|default|home)\.\w+$/i.test(path) || /[?&](q|query|s|search)=/i.test(query)) add(-3, 'index or search URL');
  if (DOCS_HOST.test(host) || DOCS_PATH.test(path)) add(-3, 'documentation URL');
  const linkShare = signals.textChars ? signals.linkChars / signals.textChars : 0;
  if (linkShare > 0.4) add(-3, 'mostly links');
  else if (linkShare > 0.25) add(-1, 'many links');
  if (signals.longParagraphChars >= 3000 && signals.longParagraphs >= 5) add(3, 'much prose');
  else if (signals.longParagraphChars >= 1500 && signals.longParagraphs >= 3) add(2, 'paragraph mass');
  else if (signals.longParagraphChars >= 700 && signals.longParagraphs >= 2) add(1, 'some paragraphs');
  else add(-2, 'little prose');
  // Some prose is not enough: home pages and indexes carry plenty of teasers. One sign that the page presents itself as a
  // story is, or else much prose with few links on a page that is no site root, index or manual (a blog post, an essay).
  const markers = reasons.filter((r) => ARTICLE_MARKERS.has(r)).length;
  const headingsPerThousand = signals.textChars ? ((signals.headings ?? 0) * 1000) / signals.textChars : 0;
  // Its address must name a document ("essay.html", "why-we-write", "p/12345"), not a section ("/news/latest", "/about").
  const lastSegment = path.split('/').filter(Boolean).pop() ?? '';
  const namesDocument = /[-_.\d]/.test(lastSegment) || lastSegment.length >= 20;
  // Without any marker, the prose must also have nothing against it (no index, manual or link farm).
  const plainProse = linkShare <= 0.15 && headingsPerThousand <= 1 && signals.articleElements < 4 && namesDocument;
  const isArticle = score >= GATE_THRESHOLD && (markers > 0 || plainProse);
  return { isArticle, reason: reasons.join(', ') || 'no article signals', score, markers };
}

export interface ExtractedShape {
  words: number;
  paragraphs: number;
  /** headline-like links among the article's paragraphs, the short paragraphs beside them, and running prose (lib/extract) */
  teaserLinks?: number;
  teaserSummaries?: number;
  proseParagraphs?: number;
  /** whether the page gives its own publication date */
  dated?: boolean;
}

/**
 * A section front: its text is teasers, headline links to other stories each with a line of summary beside it, with
 * little running prose among them; without a date of its own, more summaries than prose is enough. A roundup, a live
 * blog or a list of products has a date and prose between its links, and is a story whatever its links.
 */
function isSectionFront(shape: ExtractedShape): boolean {
  const summaries = shape.teaserSummaries ?? 0;
  const prose = shape.proseParagraphs ?? 0;
  if ((shape.teaserLinks ?? 0) < 6 || summaries < 6) return false;
  return summaries >= 2 * prose || (!shape.dated && summaries > prose);
}

/** Confirms after extraction: an article has a body of prose, not a list of teasers. */
export function confirm(gateVerdict: Verdict, shape: ExtractedShape): Verdict {
  if (!gateVerdict.isArticle) return gateVerdict;
  // A page that passed on its prose alone must show a body of several paragraphs once extracted.
  const { markers } = gateVerdict;
  if (markers === 0 && (shape.words < 150 || (shape.paragraphs < 3 && shape.words < 600))) {
    return {
      ...gateVerdict,
      isArticle: false,
      reason: `${gateVerdict.reason}; but no article marker and only ${shape.paragraphs} paragraphs of body text`,
    };
  }
  if (isSectionFront(shape)) {
    return {
      ...gateVerdict,
      isArticle: false,
      reason: `${gateVerdict.reason}; but a section front: ${shape.teaserLinks} teaser links, ${shape.teaserSummaries} summaries, ${shape.proseParagraphs ?? 0} paragraphs of running prose${shape.dated ? '' : ', no date'}`,
    };
  }
  // A page that says in three ways that it is an article may be a brief: a breaking-news item of two short paragraphs.
  const brief = markers >= 3 && shape.words >= 40 && shape.paragraphs >= 2;
  if (!brief && (shape.words < 100 || (shape.paragraphs < 2 && shape.words < 300))) {
    return { ...gateVerdict, isArticle: false, reason: `${gateVerdict.reason}; but only ${shape.words} words of body text` };
  }
  return gateVerdict;
}

/** Words, counting each Chinese, Japanese or Korean character as one, as those scripts do not space words. */
export function countWords(text: string): number {
  const cjk = text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu)?.length ?? 0;
  const spaced = text.replace(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu, ' ');
  return cjk + (spaced.match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu)?.length ?? 0);
}
