import type { Entity } from '../lib/analyze';
import type { Extraction } from '../lib/extract';
import { LIVE_PROPERTY, MARK_TAG, MARK_TRANSITION, unwrapMarks, WATCHED_PROPERTY } from './orphan-cleanup';

export { MARK_TAG };

/**
 * How highlights look. The background inserts it into the tab as a user-origin stylesheet (scripting.insertCSS), which
 * beats any page rule, even !important ones, on a custom element no page targets: its name carries a per-install suffix
 * (adapters/element-names.ts), so the sheet styles nothing of the page's, and nothing at all once our highlights are
 * undone (Chromium keeps the sheet after the extension is disabled). Firefox drops the sheet with the extension, so
 * highlights stop showing even where the page's scripts can no longer be told to remove them (Firefox unloads content
 * scripts without a last word).
 */
export const highlightCss = (tag: string) =>
  `${tag}{background:rgba(255,205,40,.38)!important;color:inherit!important;border-bottom:1px solid rgba(180,130,0,.8)!important;border-radius:2px!important;cursor:help!important;font:inherit!important;padding:0!important;margin:0!important;display:inline!important;text-decoration:none!important;${WATCHED_PROPERTY}:1px!important;${LIVE_PROPERTY}:1!important}${tag}:focus-visible{outline:2px solid #0a64d8!important;outline-offset:1px!important}`;
export const HIGHLIGHT_CSS = highlightCss(MARK_TAG);

/**
 * What already takes focus or a click in a page (a link, a button, an element the page made focusable): a highlight
 * inside one is no control of its own, and the page's control stays the one the reader uses.
 */
export const INTERACTIVE =
  'a[href], button, summary, label, select, textarea, input, [contenteditable]:not([contenteditable="false"]), [tabindex]:not([tabindex^="-"]), [role="button"], [role="link"]';

// Text under these is no article text (lib/extract's textOf leaves it out), so it takes no part in the offsets.
const NOT_TEXT = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'CANVAS',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'VIDEO',
  'AUDIO',
  'MAP',
  'SELECT',
  'TEXTAREA',
  'INPUT',
  'BUTTON',
]);
// Text here counts for the offsets but is never wrapped: code, editable regions (and our own marks, by their tag).
const NOT_MARKED = new Set(['CODE', 'PRE']);

function insideTag(node: Node, root: Element, tag: string): boolean {
  for (let el = node.parentElement; el && el !== root.parentElement; el = el.parentElement) if (el.localName === tag) return true;
  return false;
}

function insideAny(node: Node, root: Element, tags: Set<string>, editable: boolean): boolean {
  for (let el = node.parentElement; el && el !== root.parentElement; el = el.parentElement) {
    if (tags.has(el.tagName.toUpperCase())) return true;
    if (editable && (el.isContentEditable || (el.getAttribute('contenteditable') ?? 'false') !== 'false')) return true;
  }
  return false;
}

export interface Highlights {
  marks: HTMLElement[];
  /** settles when every block is done (at once when not chunked) */
  done: Promise<void>;
  undo(): void;
}

export interface ChunkOptions {
  /** work for about this long, then yield to the page before the next block */
  sliceMs: number;
  /** runs the next slice later (setTimeout in the page; tests may pass their own) */
  later: (next: () => void) => void;
  now?: () => number;
}

/** A paragraph of the article: its element, and where its text starts in the analysed article text. */
export interface HighlightBlock {
  element: Element;
  /** offset of the block's text in the article text the analysis' offsets refer to */
  start: number;
  /** the block's text as extraction gave it (whitespace collapsed) */
  text: string;
}

/** The article's blocks as highlighting reads them: `elements[i]` is the DOM element of page-tree index i. */
export function highlightBlocks(extraction: Pick<Extraction, 'blocks' | 'blockStarts'>, elements: Element[]): HighlightBlock[] {
  return extraction.blocks.flatMap((b, i) => {
    const element = elements[b.elementIndex];
    return element ? [{ element, start: extraction.blockStarts[i] ?? 0, text: b.text }] : [];
  });
}

interface Located {
  start: number;
  end: number;
  entity: Entity;
}

/**
 * The block's text nodes, and its text with whitespace collapsed as extraction collapses it, each character of which
 * maps back to a position in the raw text of the nodes.
 */
function readBlock(element: Element): { nodes: Text[]; nodeStarts: number[]; collapsed: string; rawAt: number[] } {
  const doc = element.ownerDocument;
  const walker = doc.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */);
  const nodes: Text[] = [];
  const nodeStarts: number[] = [];
  let raw = '';
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (insideAny(n, element, NOT_TEXT, false)) continue;
    nodes.push(n as Text);
    nodeStarts.push(raw.length);
    raw += n.nodeValue ?? '';
  }
  let collapsed = '';
  const rawAt: number[] = [];
  let space = false;
  for (let i = 0; i < raw.length; i++) {
    if (/\s/.test(raw[i] as string)) {
      space = collapsed.length > 0;
      continue;
    }
    if (space) {
      collapsed += ' ';
      rawAt.push(i - 1);
      space = false;
    }
    collapsed += raw[i];
    rawAt.push(i);
  }
  return { nodes, nodeStarts, collapsed, rawAt };
}

/**
 * Wraps exactly the mentions the analysis found (by their offsets in the article text) in the blocks' text nodes; `undo`
 * puts the text back as it was (and stops any work still pending). A name inside a longer one is never marked on its
 * own, and text the extraction did not read is never touched. With `chunk`, long articles are done in slices that yield
 * to the page between them, so highlighting never makes a long task. A run is all or nothing: an error in any block (a
 * page that breaks the DOM under it) undoes the blocks done before it, then throws, or rejects `done` when chunked.
 */
export function highlightEntities(blocks: HighlightBlock[], entities: Entity[], chunk?: ChunkOptions, tag = MARK_TAG): Highlights {
  const located: Located[] = [];
  for (const entity of entities) for (const m of entity.mentions) if (m.end > m.start) located.push({ start: m.start, end: m.end, entity });
  located.sort((a, b) => a.start - b.start || b.end - a.end);
  const marks: HTMLElement[] = [];
  if (!located.length) return { marks, done: Promise.resolve(), undo() {} };
  /** the entities whose Tab stop is placed (blocks are done in document order, so it is the first mention) */
  const tabStops = new Set<string>();

  const markBlock = (block: HighlightBlock) => {
    const blockEnd = block.start + block.text.length;
    // The mentions inside this block (binary search for the first one).
    let lo = 0;
    let hi = located.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((located[mid] as Located).start < block.start) lo = mid + 1;
      else hi = mid;
    }
    const inside: Located[] = [];
    let lastEnd = -1;
    for (let i = lo; i < located.length && (located[i] as Located).start < blockEnd; i++) {
      const m = located[i] as Located;
      if (m.end > blockEnd || m.start < lastEnd) continue; // (overlapping mentions: the first, longest one wins)
      inside.push(m);
      lastEnd = m.end;
    }
    if (!inside.length) return;
    const { nodes, nodeStarts, collapsed, rawAt } = readBlock(block.element);
    const at = collapsed.indexOf(block.text);
    if (at < 0) return; // the page changed since it was read: mark nothing rather than the wrong words
    // Pieces to wrap, per text node: [from, to) in the node's own text.
    const pieces = new Map<number, { from: number; to: number; entity: Entity }[]>();
    for (const m of inside) {
      const from = at + m.start - block.start;
      const to = at + m.end - block.start;
      if (collapsed.slice(from, to) !== block.text.slice(m.start - block.start, m.end - block.start)) continue;
      const rawFrom = rawAt[from] as number;
      const rawTo = (rawAt[to - 1] as number) + 1;
      for (let k = 0; k < nodes.length; k++) {
        const nodeStart = nodeStarts[k] as number;
        const nodeEnd = nodeStart + ((nodes[k] as Text).nodeValue ?? '').length;
        if (nodeEnd <= rawFrom || nodeStart >= rawTo) continue;
        const piece = { from: Math.max(rawFrom, nodeStart) - nodeStart, to: Math.min(rawTo, nodeEnd) - nodeStart, entity: m.entity };
        // (A name split over elements, "<a>Jeff</a> Rathke", is marked piece by piece, without the spaces at its edges.)
        const value = (nodes[k] as Text).nodeValue ?? '';
        while (piece.from < piece.to && /\s/.test(value[piece.from] as string)) piece.from++;
        while (piece.to > piece.from && /\s/.test(value[piece.to - 1] as string)) piece.to--;
        if (piece.from === piece.to) continue;
        pieces.set(k, [...(pieces.get(k) ?? []), piece]);
      }
    }
    const doc = block.element.ownerDocument;
    for (const [k, list] of pieces) {
      const node = nodes[k] as Text;
      if (insideAny(node, block.element, NOT_MARKED, true) || insideTag(node, block.element, tag)) continue;
      // The node is replaced by its text cut around the marks (Text.splitText is missing from some DOMs, linkedom's).
      const value = node.nodeValue ?? '';
      const fragment = doc.createDocumentFragment();
      let last = 0;
      for (const piece of list.sort((a, b) => a.from - b.from)) {
        if (piece.from < last) continue;
        fragment.append(value.slice(last, piece.from));
        const mark = doc.createElement(tag);
        mark.textContent = value.slice(piece.from, piece.to);
        // One Tab stop per entity, at its first mention outside a link or other control: the reader tabs from name to
        // name, not through every repetition, and never into a second control nested in the page's own.
        if (!tabStops.has(piece.entity.id) && !node.parentElement?.closest(INTERACTIVE)) {
          tabStops.add(piece.entity.id);
          mark.setAttribute('tabindex', '0');
          mark.setAttribute('role', 'button');
          mark.setAttribute('aria-haspopup', 'dialog');
        }
        // Reports the extension's stylesheet leaving to the page-world clean-up (adapters/orphan-cleanup.ts).
        mark.style.setProperty('transition', MARK_TRANSITION, 'important');
        mark.dataset.entityId = piece.entity.id;
        mark.dataset.entityType = piece.entity.type;
        fragment.append(mark);
        marks.push(mark);
        last = piece.to;
      }
      fragment.append(value.slice(last));
      node.replaceWith(fragment);
    }
  };

  const queue = blocks;
  let cancelled = false;
  const undo = () => {
    cancelled = true;
    unwrapMarks(marks);
    marks.length = 0;
  };
  let done: Promise<void>;
  if (!chunk) {
    try {
      for (const block of queue) markBlock(block);
    } catch (error) {
      undo();
      throw error;
    }
    done = Promise.resolve();
  } else {
    const now = chunk.now ?? (() => performance.now());
    done = new Promise<void>((resolve, reject) => {
      let next = 0;
      const slice = () => {
        if (cancelled) return resolve();
        try {
          const until = now() + chunk.sliceMs;
          while (next < queue.length && now() < until) markBlock(queue[next++] as HighlightBlock);
        } catch (error) {
          undo();
          reject(error);
          return;
        }
        if (next < queue.length) chunk.later(slice);
        else resolve();
      };
      slice();
    });
  }
  return { marks, done, undo };
}
