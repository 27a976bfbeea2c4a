import type { HighlightBlock } from '../../../adapters/highlight';
import { buildPageTree } from '../../../adapters/page-tree';
import type { Entity } from '../../../lib/analyze';
import { collapseWhitespace, type PageElement, textOf, walk } from '../../../lib/extract/tree';

/**
 * What the page and the background would give highlighting: each block's text as extraction reads it, joined into the
 * article text, and entities whose mentions are the given names' occurrences in that text (longest first, whole words),
 * as an analysis would find them.
 */
export function analyse(elements: Element[], entities: Entity[]): { blocks: HighlightBlock[]; entities: Entity[]; text: string } {
  const tree = buildPageTree(document, 'https://example.test/');
  const nodes = new Map<Element, PageElement>();
  for (const node of walk(tree.doc.root)) nodes.set(tree.elements[node.index] as Element, node);
  let text = '';
  const blocks = elements.map((element) => {
    if (text) text += '\n\n';
    const block = { element, start: text.length, text: collapseWhitespace(textOf(nodes.get(element) as PageElement)) };
    text += block.text;
    return block;
  });
  const taken: [number, number][] = [];
  const found = entities.map((e) => ({ ...e, mentions: [] as Entity['mentions'] }));
  const variants = found.flatMap((e) => e.variants.map((v) => [v, e] as const)).sort((a, b) => b[0].length - a[0].length);
  for (const [variant, e] of variants) {
    for (let at = text.indexOf(variant); at >= 0; at = text.indexOf(variant, at + 1)) {
      const end = at + variant.length;
      if (/[\p{L}\p{N}]/u.test(text[at - 1] ?? '') || /[\p{L}\p{N}]/u.test(text[end] ?? '')) continue;
      if (taken.some(([a, b]) => a < end && at < b)) continue;
      taken.push([at, end]);
      e.mentions.push({ start: at, end, text: variant });
    }
  }
  return { blocks, entities: found, text };
}
