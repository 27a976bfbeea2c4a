import type { Entity } from '../lib/analyze';
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

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON', 'CODE', 'PRE', 'SVG']);

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function skippable(node: Node, root: Element, tag: string): boolean {
  for (let el = node.parentElement; el && el !== root.parentElement; el = el.parentElement) {
    if (SKIP.has(el.tagName.toUpperCase()) || el.localName === tag || el.isContentEditable || el.getAttribute('contenteditable') === 'true')
      return true;
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

/**
 * Wraps each name of the given entities inside the article's paragraphs, in `tag` elements; `undo` puts the text back
 * as it was (and stops any work still pending). With `chunk`, long articles are done in slices that yield to the page
 * between them, so highlighting never makes a long task. A run is all or nothing: an error in any block (a page that
 * breaks the DOM under it) undoes the blocks done before it, then throws, or rejects `done` when chunked.
 */
export function highlightEntities(blocks: Element[], entities: Entity[], chunk?: ChunkOptions, tag = MARK_TAG): Highlights {
  const byVariant = new Map<string, Entity>();
  for (const entity of entities) for (const v of entity.variants) if (!byVariant.has(v)) byVariant.set(v, entity);
  const marks: HTMLElement[] = [];
  if (!byVariant.size) return { marks, done: Promise.resolve(), undo() {} };
  const variants = [...byVariant.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${variants.join('|')})(?![\\p{L}\\p{N}])`, 'gu');

  const markBlock = (block: Element) => {
    const doc = block.ownerDocument;
    const walker = doc.createTreeWalker(block, 4 /* NodeFilter.SHOW_TEXT */);
    const texts: Text[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!skippable(n, block, tag)) texts.push(n as Text);
    for (const node of texts) {
      const value = node.nodeValue ?? '';
      const matches = [...value.matchAll(pattern)];
      if (!matches.length) continue;
      const fragment = doc.createDocumentFragment();
      let last = 0;
      for (const m of matches) {
        const at = m.index ?? 0;
        const entity = byVariant.get(m[0]);
        if (!entity) continue;
        fragment.append(value.slice(last, at));
        const mark = doc.createElement(tag);
        mark.textContent = m[0];
        mark.setAttribute('tabindex', '0');
        mark.setAttribute('role', 'button');
        mark.setAttribute('aria-haspopup', 'dialog');
        // Reports the extension's stylesheet leaving to the page-world clean-up (adapters/orphan-cleanup.ts).
        mark.style.setProperty('transition', MARK_TRANSITION, 'important');
        mark.dataset.entityId = entity.id;
        mark.dataset.entityType = entity.type;
        fragment.append(mark);
        marks.push(mark);
        last = at + m[0].length;
      }
      fragment.append(value.slice(last));
      node.replaceWith(fragment);
    }
  };

  const queue = [...new Set(blocks)];
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
          while (next < queue.length && now() < until) markBlock(queue[next++] as Element);
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
