import type { Entity } from '../lib/analyze';
import { LIVE_PROPERTY, MARK_TAG, MARK_TRANSITION, unwrapMarks, WATCHED_PROPERTY } from './orphan-cleanup';

export { MARK_TAG };

/**
 * How highlights look. The background inserts it into the tab as a user-origin stylesheet (scripting.insertCSS), which
 * beats any page rule, even !important ones, on a custom element no page targets. Being the extension's own stylesheet,
 * the browser drops it when the extension is disabled or removed, so highlights stop showing even where the page's
 * scripts can no longer be told to remove them (Firefox unloads content scripts without a last word).
 */
export const HIGHLIGHT_CSS = `${MARK_TAG}{background:rgba(255,205,40,.38)!important;color:inherit!important;border-bottom:1px solid rgba(180,130,0,.8)!important;border-radius:2px!important;cursor:help!important;font:inherit!important;padding:0!important;margin:0!important;display:inline!important;text-decoration:none!important;${WATCHED_PROPERTY}:1px!important;${LIVE_PROPERTY}:1!important}${MARK_TAG}:focus-visible{outline:2px solid #0a64d8!important;outline-offset:1px!important}`;

const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'BUTTON',
  'CODE',
  'PRE',
  'SVG',
  MARK_TAG.toUpperCase(),
]);

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function skippable(node: Node, root: Element): boolean {
  for (let el = node.parentElement; el && el !== root.parentElement; el = el.parentElement) {
    if (SKIP.has(el.tagName.toUpperCase()) || el.isContentEditable || el.getAttribute('contenteditable') === 'true') return true;
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
 * Wraps each name of the given entities inside the article's paragraphs; `undo` puts the text back as it was (and
 * stops any work still pending). With `chunk`, long articles are done in slices that yield to the page between them,
 * so highlighting never makes a long task.
 */
export function highlightEntities(blocks: Element[], entities: Entity[], chunk?: ChunkOptions): Highlights {
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
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!skippable(n, block)) texts.push(n as Text);
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
        const mark = doc.createElement(MARK_TAG);
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
  let done: Promise<void>;
  if (!chunk) {
    for (const block of queue) markBlock(block);
    done = Promise.resolve();
  } else {
    const now = chunk.now ?? (() => performance.now());
    done = new Promise<void>((resolve) => {
      let next = 0;
      const slice = () => {
        if (cancelled) return resolve();
        const until = now() + chunk.sliceMs;
        while (next < queue.length && now() < until) markBlock(queue[next++] as Element);
        if (next < queue.length) chunk.later(slice);
        else resolve();
      };
      slice();
    });
  }
  return {
    marks,
    done,
    undo() {
      cancelled = true;
      unwrapMarks(marks);
      marks.length = 0;
    },
  };
}
