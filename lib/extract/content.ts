import { INLINE_TAGS, WRITTEN_ADDRESS } from './blocks';
import { RELATED_HEADING, RELATED_LABEL, trimEdges } from './lines';
import { collapseWhitespace, findAll, type PageElement, type PageNode, SKIPPED_TAGS, textOf } from './tree';
import { looksLikeArticleUrl, sameSite } from './url';

/** One paragraph-like unit of the article, with the index of the element it came from. */
export interface TextBlock {
  elementIndex: number;
  tag: string;
  text: string;
  /** inside a <blockquote>: a passage the page sets apart as quoted */
  quoted?: boolean;
}

export interface LinkBlock {
  label: string;
  links: { text: string; href: string }[];
}

export interface ContentResult {
  rootIndex: number;
  blocks: TextBlock[];
  relatedLinks: LinkBlock[];
  /** the structural decision, for the block classifier to read */
  root: PageElement;
  parts: PageElement[];
  kept: Set<PageElement>;
  /** the standfirst paragraphs of the story's own header */
  leads: Set<PageElement>;
  /** the "Also read" lines and "Related" lists, read as links rather than text */
  related: Set<PageElement>;
  /** containers whose loose text (beside their block children) the rules kept */
  looseKept: Set<PageElement>;
  furniture: (el: PageElement) => boolean;
}

// Not <form>: some sites (ASP.NET) wrap the whole page in one.
// Figures hold images, captions and credits; labels and legends belong to forms.
const NEVER_CONTENT_TAGS = new Set([
  'nav',
  'aside',
  'footer',
  'header',
  'menu',
  'dialog',
  'figure',
  'figcaption',
  'label',
  'legend',
  'script',
  ...SKIPPED_TAGS,
]);
// Class/id words of page furniture, matched against whole parts of a name ("comment-body", "story__byline") so
// "shared" or "adhesive" do not count. A strong word marks furniture wherever it stands in the name; a weak one only last.
const STRONG_NEGATIVE_WORD =
  /^(comments?|disqus|footer|sidebar|share|sharing|social|related|recommend(ed|ations)?|popular|most-read|trending|newsletter|subscribe|promo|sponsor(ed)?|ad|ads|advert(isement)?|banner|breadcrumbs?|nav|navigation|menu|outbrain|taboola|cookie|modal|popup|tweet|twitter|instagram|tiktok|dialog|login|signin|signup|paywall|consent|overlay)$/i;
// Overlays (log-in dialogs, cookie and paywall layers) are furniture even on an <article> or <main>, which sites use for them too.
const OVERLAY_WORD = /^(modal|dialog|popup|login|signin|signup|cookie|consent|paywall|overlay)$/i;
const WEAK_NEGATIVE_WORD =
  /^(foot|widget|tags?|toolbar|byline|author|meta|next|prev|pagination|masthead|header|caption|credit|skip|imagedescription|copyright|bildunterschrift|bildnachweis)$/i;
const POSITIVE_WORD = /^(article|body|content|entry|main|post|story|text|blog|prose)$/i;
const BLOCK_TAGS = new Set(['p', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'pre', 'dd', 'td', 'th']);
const CONTAINER_TAGS = new Set(['div', 'section', 'article', 'main', 'td', 'body', 'blockquote']);

function classAndId(el: PageElement): string {
  // A heading's id is an anchor made from its words ("what-are-you-looking-forward-to-next"), not a hint.
  return /^h[1-6]$/.test(el.tag) ? (el.attrs.class ?? '') : `${el.attrs.class ?? ''} ${el.attrs.id ?? ''}`;
}

function isHidden(el: PageElement): boolean {
  return 'hidden' in el.attrs || el.attrs['aria-hidden'] === 'true' || /display\s*:\s*none|visibility\s*:\s*hidden/i.test(el.attrs.style ?? '');
}

/** Class and id hints are dropped on a second try when they hid the whole article, as Readability does. */
interface Options {
  classHints: boolean;
  /** header, footer and aside are furniture; a last try drops this too, for pages whose markup puts the article in one */
  landmarkHints?: boolean;
  /** found by `storyWrappers`, before scoring */
  storyWrappers?: ReadonlySet<PageElement>;
}

const LANDMARK_TAGS = new Set(['header', 'footer', 'aside']);

/** -1 for page furniture, 1 for content, 0 unknown; BEM-style names are judged by their last part ("story__byline"). */
export function classHint(el: PageElement): number {
  let hint = 0;
  for (const token of classAndId(el).split(/\s+/)) {
    if (!token) continue;
    const parts = token.toLowerCase().split(/[-_]+/).filter(Boolean);
    const last = parts[parts.length - 1] ?? '';
    if (parts.some((p) => STRONG_NEGATIVE_WORD.test(p)) || WEAK_NEGATIVE_WORD.test(last)) return -1;
    if (POSITIVE_WORD.test(last)) hint = 1;
  }
  return hint;
}

function isOverlay(el: PageElement): boolean {
  return classAndId(el)
    .toLowerCase()
    .split(/[\s_-]+/)
    .some((part) => OVERLAY_WORD.test(part));
}

/** Within an <article> or <main>: where a <header> holds the story's own lead, not the site's masthead. */
function withinArticle(el: PageElement, parents: Map<PageElement, PageElement>): boolean {
  for (let a = parents.get(el); a; a = parents.get(a)) if (a.tag === 'article' || a.tag === 'main') return true;
  return false;
}

/**
 * Wrappers that hold the headline and most of the page's text are the story's, whatever their class says: a theme's
 * "above-footer" or "has-sidebar" region around the whole post. Comments, sidebars and footers never hold the headline.
 */
function storyWrappers(body: PageElement, parents: Map<PageElement, PageElement>): Set<PageElement> {
  const wrappers = new Set<PageElement>();
  const half = collapseWhitespace(textOf(body)).length / 2;
  for (const h1 of findAll(body, (el) => el.tag === 'h1')) {
    for (let a = parents.get(h1); a && a !== body; a = parents.get(a)) {
      if (!wrappers.has(a) && classHint(a) < 0 && !isOverlay(a) && collapseWhitespace(textOf(a)).length >= half) wrappers.add(a);
    }
  }
  return wrappers;
}

function isFurniture(el: PageElement, options: Options, parents: Map<PageElement, PageElement>): boolean {
  if (isHidden(el)) return true;
  if (options.storyWrappers?.has(el)) return false;
  const storyHeader = el.tag === 'header' && withinArticle(el, parents);
  if (NEVER_CONTENT_TAGS.has(el.tag) && !storyHeader) return options.landmarkHints !== false || !LANDMARK_TAGS.has(el.tag);
  if (/^(navigation|complementary|contentinfo|dialog|alertdialog|banner|search)$/.test(el.attrs.role ?? '')) return true;
  if (!options.classHints || el.tag === 'body') return false;
  // A story's own <header> is named as such ("article__header"), which says nothing against it.
  // An embedded post (blockquote.twitter-tweet) is quoted in the story: its class names the source, not furniture.
  if (el.tag === 'article' || el.tag === 'main' || el.tag === 'blockquote' || storyHeader) return isOverlay(el);
  return classHint(el) < 0;
}

/** Characters of text inside the descendants with the given tag (not nested further) that `counts` accepts. */
function textLengthIn(el: PageElement, tag: string, counts: (inner: PageElement, text: string) => boolean): number {
  let total = 0;
  for (const child of el.children) {
    if (child.kind !== 'element') continue;
    if (child.tag !== tag) total += textLengthIn(child, tag, counts);
    else {
      const text = collapseWhitespace(textOf(child));
      if (counts(child, text)) total += text.length;
    }
  }
  return total;
}

const linkTextLength = (el: PageElement) => textLengthIn(el, 'a', (_, text) => !WRITTEN_ADDRESS.test(text));

/**
 * Characters inside <time> elements that give a date (not a recipe's "15 – 30 Min"): a line made of them
 * ("Dec. 6, 2024, 10:00 PM UTC / Updated Dec. 7, …") is the story's metadata, not its text.
 */
const dateTextLength = (el: PageElement) =>
  textLengthIn(el, 'time', (time, text) => /^\d{4}-\d\d/.test(time.attrs.datetime ?? '') || /\b(19|20)\d\d\b/.test(text));

function linkDensity(el: PageElement, textLength: number): number {
  return textLength ? linkTextLength(el) / textLength : 0;
}

function hasOnlyInlineChildren(el: PageElement): boolean {
  return el.children.every((c) => c.kind === 'text' || INLINE_TAGS.has(c.tag));
}

function isParagraphLike(el: PageElement): boolean {
  if (BLOCK_TAGS.has(el.tag)) return true;
  return CONTAINER_TAGS.has(el.tag) && el.children.length > 0 && hasOnlyInlineChildren(el);
}

interface Scored {
  score: number;
}

interface ContentRoots {
  root: PageElement;
  /** the root and the siblings that continue the article (text split by figures or ads), in page order */
  parts: PageElement[];
  /** the standfirst paragraphs of the story's own header, read before the body (also in `parts`) */
  leads: PageElement[];
}

/** Readability-style scoring: paragraphs give points to their ancestors; the best-scored container holds the article. */
function findContentRoot(root: PageElement, body: PageElement, parents: Map<PageElement, PageElement>, options: Options): ContentRoots {
  const scores = new Map<PageElement, Scored>();
  // Characters of prose (scored paragraphs) under each element, to see when a parent holds much more of the article.
  const prose = new Map<PageElement, number>();
  const initial = (el: PageElement): Scored => {
    let score = el.tag === 'article' ? 10 : el.tag === 'div' || el.tag === 'main' ? 5 : el.tag === 'section' ? 3 : 0;
    if (options.classHints) score += 25 * classHint(el);
    return { score };
  };

  /** A paragraph's text gives points to the element holding it and two levels above. */
  const score = (text: string, holder: PageElement | undefined) => {
    if (text.length < 25) return;
    for (let a = holder; a; a = parents.get(a)) prose.set(a, (prose.get(a) ?? 0) + text.length);
    const points = 1 + (text.match(/[,،、，]/g)?.length ?? 0) + Math.min(3, Math.floor(text.length / 100));
    let ancestor = holder;
    for (let level = 0; ancestor && level < 3; level++) {
      let entry = scores.get(ancestor);
      if (!entry) {
        entry = initial(ancestor);
        scores.set(ancestor, entry);
      }
      entry.score += points / (level === 0 ? 1 : level === 1 ? 2 : level * 3);
      ancestor = parents.get(ancestor);
    }
  };
  const visit = (el: PageElement) => {
    if (isFurniture(el, options, parents)) return;
    if (el.tag === 'p' || el.tag === 'pre' || el.tag === 'td' || (el.tag === 'div' && hasOnlyInlineChildren(el))) {
      score(collapseWhitespace(textOf(el)), parents.get(el));
    } else if (CONTAINER_TAGS.has(el.tag)) {
      // Loose text between blocks ("Para one<div class="fake-br"></div>Para two") is a paragraph of this element.
      for (const child of el.children) if (child.kind === 'text') score(collapseWhitespace(child.text), el);
    }
    for (const child of el.children) if (child.kind === 'element') visit(child);
  };
  // The whole document, not just <body>: a parser that is not HTML5-exact (linkedom in the CLI) may leave body content
  // inside <head> or an unclosed <meta>, where a browser would have moved it out.
  visit(root);

  let best: PageElement = body;
  let bestScore = -Infinity;
  for (const [el, { score }] of scores) {
    // Without class hints (the second try) furniture may hold prose, but it never is the article itself.
    if (!options.classHints && classHint(el) < 0) continue;
    const text = collapseWhitespace(textOf(el));
    const final = score * (1 - linkDensity(el, text.length));
    if (final > bestScore) {
      bestScore = final;
      best = el;
    }
  }
  // A lone paragraph wrapper often sits inside the real article container: climb while the parent holds more prose.
  let parent = parents.get(best);
  while (parent && parent !== body && (scores.get(parent)?.score ?? 0) > bestScore * 0.6 && !isFurniture(parent, options, parents)) {
    best = parent;
    bestScore = scores.get(parent)?.score ?? bestScore;
    parent = parents.get(best);
  }
  // An article split into several containers (by figures, ads, pull quotes) sits a few levels up: climb while the
  // parent holds clearly more prose and is no more link-heavy than prose usually is.
  let ancestor = parents.get(best);
  // Wrappers that add no prose (page builders nest rows, columns and wrappers) do not count as a level.
  for (let up = 0; ancestor && ancestor !== body && up < 5 && !isFurniture(ancestor, options, parents); ) {
    const mine = prose.get(best) ?? 0;
    const theirs = prose.get(ancestor) ?? 0;
    if (theirs > mine) up++;
    if (theirs >= mine * 1.3) {
      if (linkDensity(ancestor, collapseWhitespace(textOf(ancestor)).length) > 0.3) break;
      best = ancestor;
    } else if (theirs > mine * 1.05) break; // a little more prose around: captions or teasers, not more article
    ancestor = parents.get(ancestor);
  }
  // Siblings that score well, or share the root's class ("post__content" split by a figure), continue the article.
  const container = parents.get(best);
  if (!container || best === body) return { root: best, parts: [best], leads: [] };
  const threshold = Math.max(10, bestScore * 0.2);
  const parts = container.children.filter((c): c is PageElement => {
    if (c.kind !== 'element') return false;
    if (c === best) return true;
    if (isFurniture(c, options, parents)) return false;
    const score = scores.get(c)?.score ?? 0;
    const sameClass = !!best.attrs.class && c.attrs.class === best.attrs.class;
    return score >= threshold || (sameClass && score > 0);
  });
  const leads = storyHeaders(best, parents, new Set(parts));
  return { root: best, parts: [...leads, ...parts], leads };
}

/** Class names of a standfirst in the languages the test pages use ("article__intro", "chapo", "DefaultEinleitung"). */
const STANDFIRST_CLASS =
  /(^|[-_\s])(intro|standfirst|lead|leader|teaser|summary|abstract|excerpt|chapo|chapeau|description|einleitung|preface|sumario|entradilla|bajada|deck|dek)($|[-_\s])/i;

/** The sentences of a story header: paragraphs of 60 characters or more, not its kicker, byline or date line. */
function standfirsts(header: PageElement): PageElement[] {
  const out: PageElement[] = [];
  const visit = (el: PageElement) => {
    if (el.tag === 'h1') return;
    if (isParagraphLike(el)) {
      const text = collapseWhitespace(textOf(el));
      if (text.length >= 60 && /[.!?…"”»)]$/.test(text)) out.push(el);
      return;
    }
    for (const c of el.children) if (c.kind === 'element') visit(c);
  };
  visit(header);
  return out;
}

/**
 * The story's own <header> (standfirst, intro) set before its body inside the same <article> or <main>:
 * "article > header.intro > p" beside "article > div.body". Only headers that come before the body are taken.
 */
function storyHeaders(root: PageElement, parents: Map<PageElement, PageElement>, parts: ReadonlySet<PageElement>): PageElement[] {
  const found: PageElement[] = [];
  // Near the body, a standfirst named as one counts even with no <article> or <main> around them.
  const near: PageElement[] = [];
  const isIntro = (el: PageElement) => STANDFIRST_CLASS.test((el.attrs.class ?? '').replace(/([a-z])([A-Z])/g, '$1-$2'));
  const isHeader = (el: PageElement) => el.tag === 'header' || isIntro(el);
  // The header itself, or one wrapped in a layout row ("div.row > header" before "div.row > div.body").
  const headersIn = (el: PageElement, depth: number): PageElement[] =>
    isHeader(el) ? [el] : depth ? el.children.flatMap((c) => (c.kind === 'element' ? headersIn(c, depth - 1) : [])) : [];
  let child = root;
  for (let up = 0, parent = parents.get(root); parent && up < 6; up++, parent = parents.get(parent)) {
    const before = parent.children.slice(0, parent.children.indexOf(child));
    for (const c of before) {
      if (c.kind !== 'element' || parts.has(c)) continue;
      for (const h of headersIn(c, 2)) {
        const leads = standfirsts(h);
        found.push(...leads);
        if (up < 3 && isIntro(h)) near.push(...leads);
      }
    }
    // An <article> nested in the story's <main> may leave the header to the outer one.
    if ((parent.tag === 'article' || parent.tag === 'main') && found.length) return found;
    child = parent;
  }
  return near;
}

function linksIn(el: PageElement, baseUrl: string, resolve: (href: string, base: string) => string): { text: string; href: string }[] {
  const links: { text: string; href: string }[] = [];
  const visit = (node: PageNode) => {
    if (node.kind !== 'element') return;
    if (node.tag === 'a' && node.attrs.href && !/^(javascript:|#)/i.test(node.attrs.href)) {
      const text = collapseWhitespace(textOf(node));
      if (text) links.push({ text, href: resolve(node.attrs.href, baseUrl) });
      return;
    }
    for (const child of node.children) visit(child);
  };
  visit(el);
  return links;
}

/** Finds the article body and splits it into paragraphs, keeping "Also read:"-style lines apart as related links. */
export function extractContent(
  root: PageElement,
  baseUrl: string,
  resolve: (href: string, base: string) => string,
  options: Options = { classHints: true },
): ContentResult {
  const parents = new Map<PageElement, PageElement>();
  const index = (el: PageElement) => {
    for (const child of el.children) {
      if (child.kind === 'element') {
        parents.set(child, el);
        index(child);
      }
    }
  };
  index(root);
  const body = root.children.find((c): c is PageElement => c.kind === 'element' && c.tag === 'body') ?? root;
  if (options.classHints) options = { ...options, storyWrappers: storyWrappers(body, parents) };
  const { root: contentRoot, parts, leads } = findContentRoot(root, body, parents, options);
  // A set: an article's container may have thousands of children, and every element asks.
  const partSet = new Set(parts);

  const blocks: TextBlock[] = [];
  const byIndex = new Map<number, PageElement>();
  const related = new Set<PageElement>();
  const relatedLinks: LinkBlock[] = [];
  const inText: { text: string; href: string }[] = [];
  // A "Related" heading labels the list of links that follows it.
  let listLabel: string | null = null;
  let headlineSeen = false;
  const collect = (el: PageElement) => {
    if (el !== contentRoot && !partSet.has(el) && isFurniture(el, options, parents)) return;
    // The headline is metadata, not body text; a later <h1> in the body heads a section of it.
    if (el.tag === 'h1' && !headlineSeen) {
      headlineSeen = true;
      return;
    }
    if (listLabel && (el.tag === 'ul' || el.tag === 'ol')) {
      const links = linksIn(el, baseUrl, resolve);
      if (links.length) relatedLinks.push({ label: listLabel, links });
      related.add(el);
      listLabel = null;
      return;
    }
    if (isParagraphLike(el)) {
      const text = collapseWhitespace(textOf(el));
      if (!text) return;
      listLabel = /^h[2-6]$/.test(el.tag) && RELATED_HEADING.test(text) ? text.replace(/:$/, '') : null;
      if (listLabel) {
        related.add(el);
        return;
      }
      const label = RELATED_LABEL.exec(text);
      const links = linksIn(el, baseUrl, resolve);
      if (label && links.length) {
        relatedLinks.push({ label: label[1] ?? label[0], links });
        related.add(el);
        return;
      }
      // Inline links whose words read like a headline and lead to another article of the same site.
      for (const link of links) {
        if (link.text.split(/\s+/).length >= 4 && sameSite(link.href, baseUrl) && looksLikeArticleUrl(link.href)) inText.push(link);
      }
      if (text.length < 150 && dateTextLength(el) >= text.length * 0.6) return;
      const density = linkDensity(el, text.length);
      if (density > 0.5 && (el.tag !== 'li' || density > 0.8)) return;
      blocks.push({ elementIndex: el.index, tag: el.tag, text });
      byIndex.set(el.index, el);
      return;
    }
    for (const child of el.children) {
      if (child.kind === 'element') collect(child);
      else if (child.text.trim() && el.children.some((c) => c.kind === 'element' && !INLINE_TAGS.has(c.tag))) {
        // Loose text beside blocks (e.g. "<div>Para one<br><br>Para two<p>…</p></div>"): keep it as its own block.
        const text = collapseWhitespace(child.text);
        if (text.length >= 25) {
          blocks.push({ elementIndex: el.index, tag: '#text', text });
          byIndex.set(el.index, el);
        }
      }
    }
  };
  for (const part of parts) collect(part);
  // "Also read" lines set just outside the body (a sibling paragraph under the same article) still belong to it.
  for (const sibling of parents.get(contentRoot)?.children ?? []) {
    if (sibling.kind !== 'element' || partSet.has(sibling) || !isParagraphLike(sibling)) continue;
    const text = collapseWhitespace(textOf(sibling));
    const label = RELATED_LABEL.exec(text);
    const links = label ? linksIn(sibling, baseUrl, resolve) : [];
    if (label && links.length) {
      relatedLinks.push({ label: label[1] ?? label[0], links });
      related.add(sibling);
    }
  }
  if (inText.length) relatedLinks.push({ label: 'In the text', links: inText });
  // A standfirst that the body repeats as its first paragraph is read once.
  const leadIndexes = new Set(leads.map((l) => l.index));
  const leadTexts = new Set(blocks.filter((b) => leadIndexes.has(b.elementIndex)).map((b) => b.text));
  const unique = blocks.filter((b) => !leadTexts.has(b.text) || leadIndexes.has(b.elementIndex));
  const furniture = (el: PageElement) => el !== contentRoot && !partSet.has(el) && isFurniture(el, options, parents);
  const trimmed = trimEdges(unique);
  const kept = new Set(trimmed.flatMap((b) => (b.tag === '#text' ? [] : [byIndex.get(b.elementIndex) as PageElement])));
  const looseKept = new Set(trimmed.flatMap((b) => (b.tag === '#text' ? [byIndex.get(b.elementIndex) as PageElement] : [])));
  return {
    rootIndex: contentRoot.index,
    blocks: trimmed,
    relatedLinks,
    root: contentRoot,
    parts,
    kept,
    looseKept,
    related,
    leads: new Set(leads),
    furniture,
  };
}
