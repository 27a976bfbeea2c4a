/** A small, tolerant RSS 2.0 reader: enough for news search feeds, with no DOM (lib/ runs anywhere). */

export interface RssItem {
  title: string;
  link: string;
  pubDate: string | null;
  source: string | null;
  sourceUrl: string | null;
}

/** Feeds bigger than this are cut: search feeds are a few dozen kilobytes. */
const MAX_FEED = 2_000_000;

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const n = code[1] === 'x' || code[1] === 'X' ? Number.parseInt(code.slice(2), 16) : Number.parseInt(code.slice(1), 10);
      return n > 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff) ? String.fromCodePoint(n) : whole;
    }
    return NAMED[code.toLowerCase()] ?? whole;
  });
}

/**
 * Text of an element's content. Markup written as markup (in CDATA or raw) is dropped; markup escaped as entities is
 * the text itself ("&lt;b&gt;" is what the headline says) and is kept, to be shown as text.
 */
function textOf(raw: string): string {
  const parts = raw.split(/<!\[CDATA\[|\]\]>/);
  // Odd parts were inside CDATA.
  const text = parts.map((part, i) => (i % 2 ? stripTags(part) : decodeEntities(stripTags(part)))).join('');
  return text.replace(/\s+/g, ' ').trim();
}

const stripTags = (s: string) => s.replace(/<[^<>]{0,500}>/g, '');

/** The first <tag …>…</tag> in an item, found with indexOf so that broken feeds cost linear time. */
function field(item: string, tag: string): { text: string; attrs: string } | null {
  const lower = item.toLowerCase();
  const name = tag.toLowerCase();
  let from = 0;
  for (;;) {
    const open = lower.indexOf(`<${name}`, from);
    if (open < 0) return null;
    const after = lower[open + name.length + 1];
    if (after === '>' || after === ' ' || after === '\t' || after === '\n' || after === '\r') {
      const close = lower.indexOf('>', open);
      if (close < 0) return null;
      const end = lower.indexOf(`</${name}>`, close);
      if (end < 0) return null;
      return { text: textOf(item.slice(close + 1, end)), attrs: item.slice(open + name.length + 1, close) };
    }
    from = open + 1;
  }
}

function attr(attrs: string, name: string): string | null {
  const m = new RegExp(`\\b${name}\\s*=\\s*("([^"]*)"|'([^']*)')`, 'i').exec(attrs);
  return m ? decodeEntities(m[2] ?? m[3] ?? '') : null;
}

/** The items of an RSS feed; items without a title or an http(s) link are skipped. */
export function parseRss(xml: string): RssItem[] {
  const feed = xml.length > MAX_FEED ? xml.slice(0, MAX_FEED) : xml;
  const items: RssItem[] = [];
  const lower = feed.toLowerCase();
  for (let at = lower.indexOf('<item'); at >= 0; ) {
    const end = lower.indexOf('</item>', at);
    if (end < 0) break;
    const body = feed.slice(at, end);
    at = lower.indexOf('<item', end);
    const title = field(body, 'title')?.text ?? '';
    const link = field(body, 'link')?.text ?? '';
    if (!title || !/^https?:\/\//i.test(link)) continue;
    const source = field(body, 'source');
    items.push({
      title,
      link,
      pubDate: field(body, 'pubDate')?.text || null,
      source: source?.text || null,
      sourceUrl: source ? attr(source.attrs, 'url') : null,
    });
  }
  return items;
}
