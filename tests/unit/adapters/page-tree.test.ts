import nodeConsole from 'node:console';
import { describe, expect, test, vi } from 'vitest';
import { readGateSignals } from '../../../adapters/gate-signals';
import { buildPageTree } from '../../../adapters/page-tree';
import { KEPT_ATTRIBUTES, type PageElement, type PageNode } from '../../../lib/extract';

const PAGE_URL = 'https://www.dawn.com/news/1145678/us-concerned';

function parse(html: string): Document {
  // happy-dom logs an error (to Node's own console) for every <iframe> it may not load; this one is only there to be dropped
  const quiet = vi.spyOn(nodeConsole, 'error').mockImplementation(() => {});
  try {
    return new DOMParser().parseFromString(html, 'text/html');
  } finally {
    quiet.mockRestore();
  }
}

function* elementsOf(node: PageElement): Generator<PageElement> {
  yield node;
  for (const child of node.children) if (child.kind === 'element') yield* elementsOf(child);
}

const textOf = (node: PageNode): string => (node.kind === 'text' ? node.text : node.children.map(textOf).join(''));
const find = (root: PageElement, tag: string) => [...elementsOf(root)].filter((e) => e.tag === tag);
function first(root: PageElement, tag: string): PageElement {
  const [el] = find(root, tag);
  if (!el) throw new Error(`no <${tag}> in the tree`);
  return el;
}

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <title>US concerned</title>
  <meta property="og:type" content="article">
  <style>p { color: red }</style>
  <script type="application/ld+json">{"@type":"NewsArticle","headline":"US concerned"}</script>
  <script>window.tracker = "secret script text";</script>
  <script type="module">import "x";</script>
</head>
<body>
  <article id="story" class="post" data-track="1" onclick="alert(1)" aria-label="Story" itemtype="https://schema.org/NewsArticle">
    <h1 style="color:blue" title="tooltip">US concerned</h1>
    <time datetime="2014-11-19T17:14:00+05:00" data-x="y">19 Nov</time>
    <p lang="en" role="note" hidden aria-hidden="true" contenteditable="true" tabindex="3">Jeff Rathke said <a href="/news/1" rel="nofollow" target="_blank" name="n">this</a>.</p>
    <svg><text>drawing text</text></svg>
    <iframe name="ad"></iframe>
    <noscript>Enable JS</noscript>
    <button type="button">Share</button>
    <textarea>typed text</textarea>
    <!-- a comment -->
  </article>
</body>
</html>`;

describe('buildPageTree', () => {
  const document = parse(PAGE);
  const { doc, elements } = buildPageTree(document, PAGE_URL);
  const all = [...elementsOf(doc.root)];

  test('copies the page from <html> with the url', () => {
    expect(doc.url).toBe(PAGE_URL);
    expect(doc.root.tag).toBe('html');
    expect(doc.root.attrs).toEqual({ lang: 'en' });
    expect(find(doc.root, 'head')).toHaveLength(1);
    expect(find(doc.root, 'body')).toHaveLength(1);
  });

  test('keeps only the attributes extraction reads', () => {
    for (const el of all) for (const name of Object.keys(el.attrs)) expect(KEPT_ATTRIBUTES.has(name), `${el.tag}[${name}]`).toBe(true);
    expect(first(doc.root, 'article').attrs).toEqual({ id: 'story', class: 'post', itemtype: 'https://schema.org/NewsArticle' });
    expect(first(doc.root, 'h1').attrs).toEqual({ style: 'color:blue' });
    expect(first(doc.root, 'time').attrs).toEqual({ datetime: '2014-11-19T17:14:00+05:00' });
    expect(first(doc.root, 'p').attrs).toEqual({ lang: 'en', role: 'note', hidden: '', 'aria-hidden': 'true', contenteditable: 'true' });
    expect(first(doc.root, 'a').attrs).toEqual({ href: '/news/1', rel: 'nofollow', name: 'n' });
    expect(first(doc.root, 'meta').attrs).toEqual({ property: 'og:type', content: 'article' });
  });

  test.each(['style', 'svg', 'text', 'iframe', 'noscript', 'textarea'])('drops <%s>', (tag) => {
    expect(find(doc.root, tag)).toHaveLength(0);
  });

  test('keeps buttons', () => {
    expect(find(doc.root, 'button').map(textOf)).toEqual(['Share']);
  });

  test('keeps the text of JSON-LD scripts only', () => {
    const scripts = find(doc.root, 'script');
    expect(scripts.map((s) => s.attrs.type ?? null)).toEqual(['application/ld+json', null, 'module']);
    const [jsonLd, inline, module] = scripts as [PageElement, PageElement, PageElement];
    expect(textOf(jsonLd)).toBe('{"@type":"NewsArticle","headline":"US concerned"}');
    expect(inline.children).toEqual([]);
    expect(module.children).toEqual([]);
    expect(JSON.stringify(doc)).not.toContain('secret script text');
  });

  test('keeps text, drops comments', () => {
    expect(textOf(first(doc.root, 'p'))).toBe('Jeff Rathke said this.');
    expect(JSON.stringify(doc)).not.toContain('a comment');
    expect(JSON.stringify(doc)).not.toContain('drawing text');
  });

  test('elements[node.index] is the DOM element of each node', () => {
    expect(elements).toHaveLength(all.length);
    expect(all.map((n) => n.index).sort((a, b) => a - b)).toEqual(elements.map((_, i) => i));
    for (const node of all) {
      const el = elements[node.index];
      expect(el?.tagName.toLowerCase()).toBe(node.tag);
      for (const [name, value] of Object.entries(node.attrs)) expect(el?.getAttribute(name)).toBe(value);
    }
    expect(elements[doc.root.index]).toBe(document.documentElement);
    expect(elements[first(doc.root, 'p').index]).toBe(document.querySelector('p'));
    expect(elements[first(doc.root, 'article').index]).toBe(document.getElementById('story'));
  });
});

const LONG = 'x'.repeat(80);

function signals(head: string, body = '') {
  return readGateSignals(parse(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`), PAGE_URL);
}

describe('readGateSignals', () => {
  test.each([
    ['a string @type', '{"@type": "NewsArticle"}', ['NewsArticle']],
    ['an array @type', '{"@type": ["NewsArticle", "Article"]}', ['NewsArticle', 'Article']],
    ['types in a @graph', '{"@graph":[{"@type":"WebPage"},{"@type" : "ReportageNewsArticle"}]}', ['WebPage', 'ReportageNewsArticle']],
    ['no @type', '{"headline": "x"}', []],
  ])('JSON-LD with %s', (_, json, types) => {
    expect(signals(`<script type="application/ld+json">${json}</script>`).schemaTypes).toEqual(types);
  });

  test('JSON-LD from several scripts and microdata types', () => {
    const s = signals(
      '<script type="application/ld+json">{"@type":"Organization"}</script><script type="application/ld+json">{"@type":"NewsArticle"}</script>',
      '<div itemscope itemtype="https://schema.org/Article"></div>',
    );
    expect(s.schemaTypes).toEqual(['Organization', 'NewsArticle', 'Article']);
  });

  test('ignores @type in ordinary scripts', () => {
    expect(signals('<script>var x = {"@type": "NewsArticle"};</script>').schemaTypes).toEqual([]);
  });

  test.each([
    ['<meta property="og:type" content="article">', 'article'],
    ['<meta property="og:type" content="website">', 'website'],
    ['', null],
  ])('og:type from %j', (head, ogType) => {
    expect(signals(head).ogType).toBe(ogType);
  });

  test.each([
    ['article:published_time', '<meta property="article:published_time" content="2014-11-19T17:14:00+05:00">', '', true],
    ['a <time datetime>', '', '<time datetime="2014-11-19">19 Nov</time>', true],
    ['a <time> without datetime', '', '<time>19 Nov</time>', false],
    ['nothing', '', '', false],
  ])('hasPublishedTime with %s', (_, head, body, expected) => {
    expect(signals(head, body).hasPublishedTime).toBe(expected);
  });

  test.each([
    ['', 0],
    ['<article></article>', 1],
    ['<article><article></article></article><main><article></article></main>', 3],
  ])('counts <article> elements in %j', (body, count) => {
    expect(signals('', body).articleElements).toBe(count);
  });

  test('counts paragraphs of at least 80 characters, trimmed', () => {
    const s = signals('', `<p>${LONG}</p><p>  ${'y'.repeat(79)}  </p><p>${LONG}<b>bold</b></p><p>short</p>`);
    expect(s.longParagraphs).toBe(2);
    expect(s.longParagraphChars).toBe(80 + 84);
  });

  test('counts a div’s own prose (lines split by <br>, inline markup), not the text of its blocks', () => {
    const lines = `${'z'.repeat(50)}<br><font>${'w'.repeat(50)}</font>`;
    const s = signals('', `<div>${lines}</div><div><p>${'v'.repeat(30)}</p>${'u'.repeat(30)}</div><pre>${'t'.repeat(90)}</pre>`);
    expect(s.longParagraphs).toBe(2);
    expect(s.longParagraphChars).toBe(100 + 90);
  });

  test('text deep in nested divs and spans is read by two divs at most, so the gate stays linear on such pages', () => {
    const s = signals('', `${'<div><span>'.repeat(300)}${'w'.repeat(5000)}${'</span></div>'.repeat(300)}`);
    expect(s.longParagraphs).toBeLessThanOrEqual(2);
    expect(s.longParagraphChars).toBeLessThanOrEqual(10_000);
  });

  test('read in one pass as selector queries would read them: the first of each meta, links and headings counted, a template’s content left out', () => {
    const s = signals(
      '<meta property="og:type" content="article"><meta property="og:type" content="website">',
      `<h2>One</h2><h3>Two</h3><h5>Not counted</h5><a href="/a">Four</a><a name="x">none</a><svg><a href="/b">svg</a></svg><template><div>${'z'.repeat(100)}</div><a href="/c">hidden</a></template>`,
    );
    expect([s.ogType, s.headings, s.linkChars, s.longParagraphs]).toEqual(['article', 2, 7, 0]);
    // An empty publication time says there is none, whatever the <time> elements.
    expect(signals('<meta property="article:published_time" content="">', '<time datetime="2014-11-19">19 Nov</time>').hasPublishedTime).toBe(false);
  });

  test('returns the url', () => {
    expect(signals('').url).toBe(PAGE_URL);
  });
});
