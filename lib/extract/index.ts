import type { Article } from '../analyze/types';
import { classifyBlocks, isArticleBlock } from './block-classifier';
import { blockFacts, blockFeatures, type StructuralGuess } from './block-features';
import { type PageBlock, segmentPage } from './blocks';
import { type ContentResult, classHint, extractContent, type TextBlock } from './content';
import { detectLanguage } from './language';
import { type PageMetadata, readMetadata, resolveUrl } from './metadata';
import type { PageDocument, PageElement } from './tree';
import { canonicalizeUrl } from './url';

export type { TextBlock } from './content';
export { dateFromUrl, parseDate } from './dates';
export { detectLanguage, primaryLanguage } from './language';
export type { PageMetadata } from './metadata';
export { isArticleSchemaType } from './schema';
export type { PageDocument, PageElement, PageNode, PageText } from './tree';
export { KEPT_ATTRIBUTES, SKIPPED_TAGS } from './tree';
export { canonicalizeUrl, looksLikeArticleUrl, pathOf, sameSite } from './url';

export interface Extraction {
  article: Article;
  metadata: PageMetadata;
  blocks: TextBlock[];
  /** offset of each block's text inside article.text */
  blockStarts: number[];
  rootIndex: number;
  /** what the page's text is made of, for telling a story from a section front */
  layout: TextLayout;
}

export interface TextLayout {
  /** headline-like links (three words or more, all link) among the article's paragraphs: a front's teasers */
  teaserLinks: number;
  /** the article's paragraphs set right beside a teaser link that are no running prose: a front's summaries */
  teaserSummaries: number;
  /** the article's paragraphs of running prose: two sentences or more, or 250 characters, few links */
  proseParagraphs: number;
}

const SENTENCE_END = /[.!?。！？]["”’»)]*(\s|$)/g;

/** Teaser links, their summaries and running prose between the first and the last of the article's blocks. */
function textLayout(all: PageBlock[], kept: Set<PageBlock>): TextLayout {
  const indexes = all.flatMap((b, i) => (kept.has(b) ? [i] : []));
  const first = indexes[0] ?? 0;
  const last = indexes[indexes.length - 1] ?? -1;
  const teaser = (b: PageBlock | undefined) => !!b && b.linkChars / b.text.length >= 0.7 && b.text.split(/\s+/).length >= 3;
  let teaserLinks = 0;
  let teaserSummaries = 0;
  let proseParagraphs = 0;
  for (let i = first; i <= last; i++) {
    const block = all[i] as PageBlock;
    if (teaser(block)) teaserLinks++;
    if (!kept.has(block)) continue;
    const prose = block.linkChars / block.text.length < 0.5 && ((block.text.match(SENTENCE_END)?.length ?? 0) >= 2 || block.text.length >= 250);
    if (prose) proseParagraphs++;
    else if (teaser(all[i - 1]) || teaser(all[i + 1])) teaserSummaries++;
  }
  return { teaserLinks, teaserSummaries, proseParagraphs };
}

export const PARAGRAPH_SEPARATOR = '\n\n';
const MIN_BODY_CHARS = 500;

/** The structural guess (Readability-style scoring and class, tag and role rules), retried looser when it found little. */
function structuralContent(doc: PageDocument): ContentResult {
  const length = (c: ContentResult) => c.blocks.reduce((n, b) => n + b.text.length, 0);
  let content = extractContent(doc.root, doc.url, resolveUrl);
  // Looser tries only when the stricter one found next to nothing: first without class hints, then without landmarks.
  for (const options of [{ classHints: false }, { classHints: false, landmarkHints: false }]) {
    if (length(content) >= MIN_BODY_CHARS) break;
    const retry = extractContent(doc.root, doc.url, resolveUrl, options);
    if (length(retry) > Math.max(MIN_BODY_CHARS, length(content))) content = retry;
  }
  return content;
}

const titleWords = (text: string) => (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');

export interface BlockTable {
  metadata: PageMetadata;
  content: ContentResult;
  blocks: PageBlock[];
  dense: number[][];
  hashed: number[][];
}

/** Every block of the page with the classifier's features (also what `npm run train:extract` learns from). */
export function blockTable(doc: PageDocument, metadata: PageMetadata = readMetadata(doc)): BlockTable {
  const content = structuralContent(doc);
  const blocks = segmentPage(doc.root);
  const guess: StructuralGuess = {
    root: content.root,
    parts: new Set(content.parts),
    kept: content.kept,
    looseKept: content.looseKept,
    furniture: content.furniture,
    classHint,
    titleKey: metadata.title ? titleWords(metadata.title) : null,
  };
  return { metadata, content, blocks, ...blockFeatures(blocks, guess) };
}

/** Extracts the article text (paragraphs separated by a blank line), metadata and in-article related links. */
export function extractArticle(doc: PageDocument): Extraction {
  const table = blockTable(doc);
  const { metadata, content } = table;
  const probabilities = classifyBlocks(table.dense, table.hashed);
  const related = content.related;
  const isRelated = (block: PageBlock) => related.has(block.holder) || block.ancestors.some((a: PageElement) => related.has(a));
  const leadTexts = new Set(table.blocks.filter((b) => content.leads.has(b.holder)).map((b) => b.text));
  const seen = new Set<string>();
  const blocks: TextBlock[] = [];
  const keptBlocks = new Set<PageBlock>();
  for (const [i, block] of table.blocks.entries()) {
    if (!isArticleBlock(probabilities[i] ?? 0, blockFacts(table.dense[i] ?? [])) || isRelated(block)) continue;
    // A standfirst that the body repeats as its first paragraph is read once.
    if (leadTexts.has(block.text) && seen.has(block.text)) continue;
    seen.add(block.text);
    const quoted = block.holder.tag === 'blockquote' || block.ancestors.some((a) => a.tag === 'blockquote');
    blocks.push({ elementIndex: block.holder.index, tag: block.whole ? block.holder.tag : '#text', text: block.text, ...(quoted && { quoted }) });
    keptBlocks.add(block);
  }
  const kept = dropRepeatedHeadline(blocks, metadata.title);
  const blockStarts: number[] = [];
  let text = '';
  for (const block of kept) {
    if (text) text += PARAGRAPH_SEPARATOR;
    blockStarts.push(text.length);
    text += block.text;
  }
  // One entry per article: canonical URLs, the page itself left out, labelled lines before links found in the text.
  const self = canonicalizeUrl(metadata.canonicalUrl ?? doc.url);
  const seenLinks = new Set<string>([self, canonicalizeUrl(doc.url)]);
  const relatedLinks = content.relatedLinks.flatMap(({ label, links }) =>
    links
      .map((l) => ({ label, text: l.text, href: canonicalizeUrl(l.href) }))
      .filter((l) => /^https?:/i.test(l.href) && !seenLinks.has(l.href) && seenLinks.add(l.href)),
  );
  const { title, byline, siteName, published, updated, dateShown, publishedFrom, canonicalUrl, publisherUrl } = metadata;
  const lang = detectLanguage(text, metadata.lang);
  return {
    article: { title, byline, siteName, published, updated, dateShown, publishedFrom, canonicalUrl, publisherUrl, lang, text, relatedLinks },
    metadata,
    blocks: kept,
    blockStarts,
    rootIndex: content.rootIndex,
    layout: textLayout(table.blocks, keptBlocks),
  };
}

function dropRepeatedHeadline(blocks: TextBlock[], title: string | null): TextBlock[] {
  if (!title || !blocks.length) return blocks;
  const key = titleWords(title);
  // The headline leads the page's text, sometimes after a kicker or a date line: it is metadata, not body text.
  const at = blocks.slice(0, 3).findIndex((b) => titleWords(b.text) === key);
  return at < 0 ? blocks : [...blocks.slice(0, at), ...blocks.slice(at + 1)];
}
