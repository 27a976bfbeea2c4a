import type { GateSignals } from '../lib/detect';

const LD_TYPE = /"@type"\s*:\s*(?:"([^"]+)"|\[([^\]]*)\])/g;

// Elements whose text is not a div's own prose: blocks of their own, and scripts and styles.
const NOT_OWN_TEXT = new Set([
  'SCRIPT',
  'STYLE',
  'DIV',
  'P',
  'PRE',
  'SECTION',
  'ARTICLE',
  'UL',
  'OL',
  'TABLE',
  'BLOCKQUOTE',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'FORM',
  'NAV',
  'ASIDE',
  'HEADER',
  'FOOTER',
  'MAIN',
  'FIGURE',
]);

/** What JavaScript's \s matches: tab to carriage return, space, and the Unicode spaces. */
const isSpace = (c: number) =>
  (c >= 9 && c <= 13) ||
  c === 32 ||
  c === 160 ||
  c === 5760 ||
  (c >= 8192 && c <= 8202) ||
  c === 8232 ||
  c === 8233 ||
  c === 8239 ||
  c === 8287 ||
  c === 12288 ||
  c === 65279;

/**
 * `text.replace(/\s+/g, ' ').length`, counted without making that copy: on a 10 MB page the copy took most of the
 * gate's time (0.3 to 1 s in Chromium).
 */
export function collapsedLength(text: string): number {
  let length = 0;
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space || !inSpace) length++;
    inSpace = space;
  }
  return length;
}

/**
 * Reads the gate's signals from the live DOM in one pass over its elements (each selector query walks the whole tree
 * again, which costs most where a DOM has no native selector engine) and one pass over the divs' own text.
 */
export function readGateSignals(document: Document, url: string): GateSignals {
  const ldTypes: string[] = [];
  const itemTypes: string[] = [];
  let ogType: string | null = null;
  let publishedTime: string | null = null;
  let timeWithDate = false;
  let articleElements = 0;
  let headings = 0;
  let linkChars = 0;
  let longParagraphChars = 0;
  let longParagraphs = 0;
  const count = (length: number) => {
    if (length >= 80) {
      longParagraphChars += length;
      longParagraphs++;
    }
  };
  // Prose written straight into a <div> (lines split by <br>, old <font> markup) is a paragraph too: the div's own text,
  // outside its block children, read two inline levels deep at most. No text is read by more than two divs, so even a
  // hostile page of nested divs and spans costs the gate linear time.
  const ownText = (el: Element, depth: number): number => {
    let own = 0;
    for (const node of Array.from(el.childNodes)) {
      if (node.nodeType === 3) own += (node.textContent ?? '').trim().length;
      else if (depth > 0 && node.nodeType === 1 && !NOT_OWN_TEXT.has((node as Element).tagName)) own += ownText(node as Element, depth - 1);
    }
    return own;
  };
  // (No root element: nothing to walk; some DOMs throw reading .body then.)
  const elements = document.documentElement ? Array.from(document.querySelectorAll('*')) : [];
  for (const el of elements) {
    switch (el.localName) {
      case 'script':
        if ((el.getAttribute('type') ?? '').toLowerCase().includes('ld+json'))
          for (const m of (el.textContent ?? '').slice(0, 20000).matchAll(LD_TYPE)) {
            if (m[1]) ldTypes.push(m[1]);
            if (m[2]) ldTypes.push(...m[2].split(',').map((t) => t.replace(/["\s]/g, '')));
          }
        break;
      case 'meta': {
        // The first of each, as a selector query finds it.
        const property = el.getAttribute('property');
        if (property === 'og:type' && ogType === null) ogType = (el as HTMLMetaElement).content;
        else if (property === 'article:published_time' && publishedTime === null) publishedTime = (el as HTMLMetaElement).content;
        break;
      }
      case 'time':
        timeWithDate ||= el.hasAttribute('datetime');
        break;
      case 'p':
      case 'pre':
        count((el.textContent ?? '').trim().length);
        break;
      case 'div':
        count(ownText(el, 2));
        break;
      case 'a':
        if (el.hasAttribute('href')) linkChars += (el.textContent ?? '').trim().length;
        break;
      case 'article':
        articleElements++;
        break;
      case 'h2':
      case 'h3':
      case 'h4':
        headings++;
        break;
    }
    const itemType = el.getAttribute('itemtype')?.split('/').pop();
    if (itemType) itemTypes.push(itemType);
  }
  const body = document.documentElement ? document.body : null;
  const textChars = collapsedLength(body?.textContent ?? '');
  return {
    url,
    linkChars,
    textChars,
    schemaTypes: [...ldTypes, ...itemTypes],
    ogType,
    // (An empty article:published_time says no date, whatever <time> elements there are.)
    hasPublishedTime: publishedTime !== null ? !!publishedTime : timeWithDate,
    articleElements,
    headings,
    longParagraphChars,
    longParagraphs,
  };
}
