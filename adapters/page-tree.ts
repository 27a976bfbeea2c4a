import { ANALYSIS_LIMITS } from '../lib/analyze/bounds';
import { KEPT_ATTRIBUTES, type PageDocument, type PageElement, type PageNode, SKIPPED_TAGS } from '../lib/extract';

/** Elements never worth copying: their text is never article text, and copying them costs time on big pages. */
const DROPPED = new Set(['style', 'noscript', 'template', 'svg', 'canvas', 'iframe', 'object', 'embed', 'video', 'audio', 'map']);

const MAX_DEPTH = 400;
/**
 * The copy stops after this much text: more than the analysis reads of an article (ANALYSIS_LIMITS) with room for the
 * page around it, so a page of 10 MB costs the page no more than a long article.
 */
export const MAX_TREE_TEXT = 1.5 * ANALYSIS_LIMITS.maxChars;

/** Metadata a page may put after its text (JSON-LD at the end of the body): copied even past the limit on text. */
const LATE_METADATA = 'script[type*="ld+json" i], meta, link[rel], title';
const LATE_METADATA_TEXT = 100_000;

/**
 * Copies a DOM (browser or linkedom) into the plain tree lib/extract reads. `elements[i]` is the DOM element
 * of tree index i, so results can be mapped back for highlighting. Past `maxText` characters of text, nothing more is
 * copied but the page's metadata elements, added at the end of the root.
 */
export function buildPageTree(document: Document, url: string, maxText = MAX_TREE_TEXT): { doc: PageDocument; elements: Element[] } {
  const elements: Element[] = [];
  let copied = 0;
  let limit = maxText;
  const copy = (el: Element, depth: number): PageElement => {
    const attrs: Record<string, string> = {};
    for (const attr of Array.from(el.attributes)) if (KEPT_ATTRIBUTES.has(attr.name)) attrs[attr.name] = attr.value;
    const node: PageElement = { kind: 'element', tag: el.tagName.toLowerCase(), attrs, children: [], index: elements.length };
    elements.push(el);
    const isScript = node.tag === 'script';
    if (isScript && !/ld\+json/i.test(attrs.type ?? '')) return node;
    // Deeper than any parsed page nests (parsers stop near 512), a script built the tree: its text is kept, flat, so
    // the walks over the tree cannot run out of stack.
    if (depth >= MAX_DEPTH) {
      const text = (el.textContent ?? '').slice(0, Math.max(0, limit - copied));
      copied += text.length;
      node.children.push({ kind: 'text', text });
      return node;
    }
    for (let child = el.firstChild; child && copied < limit; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const text = child.nodeValue ?? '';
        copied += text.length;
        node.children.push({ kind: 'text', text });
      } else if (child.nodeType === 1) {
        const tag = (child as Element).tagName.toLowerCase();
        if (DROPPED.has(tag) || (SKIPPED_TAGS.has(tag) && tag !== 'button')) continue;
        node.children.push(copy(child as Element, depth + 1) as PageNode);
      }
    }
    return node;
  };
  const root = document.documentElement;
  // A document can lose its root element (a script removed it): it then has nothing to read.
  if (!root) return { doc: { url, root: { kind: 'element', tag: 'html', attrs: {}, children: [], index: -1 } }, elements };
  const tree = copy(root, 0);
  if (copied >= maxText) {
    const seen = new Set<Element>(elements);
    for (const el of Array.from(document.querySelectorAll(LATE_METADATA))) {
      if (seen.has(el)) continue;
      limit = copied + LATE_METADATA_TEXT;
      tree.children.push(copy(el, 1));
    }
  }
  return { doc: { url, root: tree }, elements };
}
