/** Lines of page text that label links to other stories, and the short labels at the edges of a story. */

import type { TextBlock } from './content';

/**
 * Drops short lines at either end that end no sentence (a "Tags" label after the story, a kicker or a credit before it),
 * up to the first real paragraph. Code ends no sentence either, but is the story's.
 */
export function trimEdges(blocks: TextBlock[]): TextBlock[] {
  let end = blocks.length;
  while (end > 1) {
    const last = blocks[end - 1] as TextBlock;
    const label = last.text.length < 80 && !/[.!?…"”»)]$/.test(last.text) && last.tag !== 'pre';
    if (!label) break;
    end--;
  }
  let start = 0;
  while (start < end - 1) {
    const first = blocks[start] as TextBlock;
    if (first.text.length >= 50 || /[.!?…:"”»)]$/.test(first.text) || /^h[2-6]$/.test(first.tag)) break;
    start++;
  }
  return start === 0 && end === blocks.length ? blocks : blocks.slice(start, end);
}

/** A heading over a list of links to other stories (the popup's "earlier coverage" reads them). */
export const RELATED_HEADING =
  /^(related|related (stories|articles|coverage|news|content)|more on this( story)?|read more|see also|also read|further reading|more (stories|coverage))\s*:?$/i;

/** A label opening a line of links to other stories, in the languages the extension is used in. */
export const RELATED_LABEL =
  /^(also read|read also|read more|more on this|more on this story|related|related story|related news|related article|see also|also see|further reading|recommended|must read|don['’]?t miss|watch|lesen sie auch|lesen sie mehr|mehr zum thema|auch interessant|à lire aussi|lire aussi|lee también|leer también|leggi anche|lees ook)\s*[:|–—-]\s*/i;
