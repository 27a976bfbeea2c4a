import type { GateSignals } from '../lib/detect';

const LD_TYPE = /"@type"\s*:\s*(?:"([^"]+)"|\[([^\]]*)\])/g;

/** Reads the gate's signals from the live DOM with a handful of selector queries, without walking the page. */
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
  for (const p of Array.from(document.querySelectorAll('p'))) {
    const length = (p.textContent ?? '').trim().length;
    if (length >= 80) {
      longParagraphChars += length;
      longParagraphs++;
    }
  }
  let linkChars = 0;
  for (const a of Array.from(document.querySelectorAll('a[href]'))) linkChars += (a.textContent ?? '').trim().length;
  // No root element, no body (some DOMs throw reading .body then).
  const body = document.documentElement ? document.body : null;
  const textChars = (body?.textContent ?? '').replace(/\s+/g, ' ').length;
  return {
    url,
    linkChars,
    textChars,
    schemaTypes,
    ogType: meta('meta[property="og:type"]'),
    hasPublishedTime: !!(meta('meta[property="article:published_time"]') ?? document.querySelector('time[datetime]')),
    articleElements: document.getElementsByTagName('article').length,
    longParagraphChars,
    longParagraphs,
  };
}
