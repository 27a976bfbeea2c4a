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

/** Reads the gate's signals from the live DOM with a handful of selector queries and one pass over the divs' own text. */
export function readGateSignals(document: Document, url: string): GateSignals {
  const schemaTypes: string[] = [];
  for (const script of Array.from(document.querySelectorAll('script[type*="ld+json" i]'))) {
    for (const m of (script.textContent ?? '').slice(0, 20000).matchAll(LD_TYPE)) {
      if (m[1]) schemaTypes.push(m[1]);
      if (m[2]) schemaTypes.push(...m[2].split(',').map((t) => t.replace(/["\s]/g, '')));
    }
  }
  for (const el of Array.from(document.querySelectorAll('[itemtype]'))) {
    const type = el.getAttribute('itemtype')?.split('/').pop();
    if (type) schemaTypes.push(type);
  }
  const meta = (selector: string) => document.querySelector<HTMLMetaElement>(selector)?.content ?? null;
  let longParagraphChars = 0;
  let longParagraphs = 0;
  const count = (length: number) => {
    if (length >= 80) {
      longParagraphChars += length;
      longParagraphs++;
    }
  };
  for (const p of Array.from(document.querySelectorAll('p, pre'))) count((p.textContent ?? '').trim().length);
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
  for (const div of Array.from(document.getElementsByTagName('div'))) count(ownText(div, 2));
  let linkChars = 0;
  for (const a of Array.from(document.querySelectorAll('a[href]'))) linkChars += (a.textContent ?? '').trim().length;
  // No root element, no body (some DOMs throw reading .body then).
  const body = document.documentElement ? document.body : null;
  const textChars = collapsedLength(body?.textContent ?? '');
  return {
    url,
    linkChars,
    textChars,
    schemaTypes,
    ogType: meta('meta[property="og:type"]'),
    hasPublishedTime: !!(meta('meta[property="article:published_time"]') ?? document.querySelector('time[datetime]')),
    articleElements: document.getElementsByTagName('article').length,
    headings: document.querySelectorAll('h2, h3, h4').length,
    longParagraphChars,
    longParagraphs,
  };
}
