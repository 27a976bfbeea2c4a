/**
 * A plain-data copy of the parts of a page that extraction reads. Adapters build it from a real DOM
 * (browser or linkedom), so lib/ never touches one. `index` lets an adapter map results back to DOM nodes.
 */
export interface PageElement {
  kind: 'element';
  tag: string;
  attrs: Record<string, string>;
  children: PageNode[];
  index: number;
}

export interface PageText {
  kind: 'text';
  text: string;
}

export type PageNode = PageElement | PageText;

export interface PageDocument {
  url: string;
  root: PageElement;
  /** when the page was fetched (ms since 1970): relative dates ("2 hours ago") are read against it; unknown without */
  fetchedAt?: number;
}

/** Attributes extraction reads; the rest are dropped when a tree is built. */
export const KEPT_ATTRIBUTES = new Set([
  'id',
  'class',
  'href',
  'rel',
  'name',
  'property',
  'content',
  'itemprop',
  'itemtype',
  'datetime',
  'lang',
  'type',
  'role',
  'hidden',
  'aria-hidden',
  'style',
  'contenteditable',
]);

/** Elements whose content is never article text (scripts are kept only as JSON-LD). */
export const SKIPPED_TAGS = new Set([
  'style',
  'noscript',
  'template',
  'svg',
  'canvas',
  'iframe',
  'object',
  'embed',
  'select',
  'textarea',
  'input',
  'button',
]);

/** The text under a node; elements that `omit` picks (a heading's kicker) stand as a space. */
export function textOf(node: PageNode, omit?: (el: PageElement) => boolean): string {
  if (node.kind === 'text') return node.text;
  if (node.tag === 'script' || SKIPPED_TAGS.has(node.tag)) return '';
  if (omit?.(node)) return ' ';
  let out = '';
  for (const child of node.children) out += textOf(child, omit);
  return out;
}

export function* walk(node: PageElement): Generator<PageElement> {
  yield node;
  for (const child of node.children) if (child.kind === 'element') yield* walk(child);
}

export function findAll(root: PageElement, test: (el: PageElement) => boolean): PageElement[] {
  const found: PageElement[] = [];
  for (const el of walk(root)) if (test(el)) found.push(el);
  return found;
}

export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
