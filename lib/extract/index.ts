import type { Article } from '../analyze/types';
import { type ContentResult, extractContent, type TextBlock } from './content';
import { detectLanguage } from './language';
import { type PageMetadata, readMetadata, resolveUrl } from './metadata';
import type { PageDocument } from './tree';
import { canonicalizeUrl } from './url';

export type { TextBlock } from './content';
export { dateFromUrl, parseDate } from './dates';
export { detectLanguage, primaryLanguage } from './language';
export { isArticleSchemaType, type PageMetadata } from './metadata';
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
}

export const PARAGRAPH_SEPARATOR = '\n\n';
const MIN_BODY_CHARS = 500;

/** Extracts the article text (paragraphs separated by a blank line), metadata and in-article related links. */
export function extractArticle(doc: PageDocument): Extraction {
  const metadata = readMetadata(doc);
  // Looser tries only when the stricter one found next to nothing: first without class hints, then without landmarks.
  const length = (c: ContentResult) => c.blocks.reduce((n, b) => n + b.text.length, 0);
  let content = extractContent(doc.root, doc.url, resolveUrl);
  for (const options of [{ classHints: false }, { classHints: false, landmarkHints: false }]) {
    if (length(content) >= MIN_BODY_CHARS) break;
    const retry = extractContent(doc.root, doc.url, resolveUrl, options);
    if (length(retry) > Math.max(MIN_BODY_CHARS, length(content))) content = retry;
  }
  const blocks = dropRepeatedHeadline(content.blocks, metadata.title);
  const blockStarts: number[] = [];
  let text = '';
  for (const block of blocks) {
    if (text) text += PARAGRAPH_SEPARATOR;
    blockStarts.push(text.length);
    text += block.text;
  }
  // One entry per article: canonical URLs, the page itself left out, labelled lines before links found in the text.
  const self = canonicalizeUrl(metadata.canonicalUrl ?? doc.url);
  const seen = new Set<string>([self, canonicalizeUrl(doc.url)]);
  const relatedLinks = content.relatedLinks.flatMap(({ label, links }) =>
    links
      .map((l) => ({ label, text: l.text, href: canonicalizeUrl(l.href) }))
      .filter((l) => /^https?:/i.test(l.href) && !seen.has(l.href) && seen.add(l.href)),
  );
  const { title, byline, siteName, published, updated, canonicalUrl, publisherUrl } = metadata;
  const lang = detectLanguage(text, metadata.lang);
  return {
    article: { title, byline, siteName, published, updated, canonicalUrl, publisherUrl, lang, text, relatedLinks },
    metadata,
    blocks,
    blockStarts,
    rootIndex: content.rootIndex,
  };
}

function dropRepeatedHeadline(blocks: TextBlock[], title: string | null): TextBlock[] {
  if (!title || !blocks.length) return blocks;
  const [first, ...rest] = blocks;
  return first && first.text === title ? rest : blocks;
}
