import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { collapsedLength, readGateSignals } from '../../adapters/gate-signals';
import { buildPageTree, MAX_TREE_TEXT } from '../../adapters/page-tree';
import { hugeArticle } from '../../bench/synthetic';
import { ANALYSIS_LIMITS, analyzeText, extractPage, limitText, SECTION_CHARS, sections, WHOLE_TEXT_CHARS } from '../../lib/analyze';

const PARAGRAPH = (i: number) =>
  `“We will keep talking,” Jeff Rathke said in Washington on day ${i}, adding that officials of the State Department had met in Islamabad.`;

describe('a page past the limits', () => {
  const page = hugeArticle(6000);
  const document = parseHTML(page.html).document as unknown as Document;

  test('the page tree stops copying after MAX_TREE_TEXT characters, its head included', () => {
    const { doc } = buildPageTree(document, page.url);
    let chars = 0;
    const walk = (node: (typeof doc.root.children)[number]): void => {
      if (node.kind === 'text') chars += node.text.length;
      else for (const child of node.children) walk(child);
    };
    walk(doc.root);
    expect(chars).toBeLessThanOrEqual(MAX_TREE_TEXT + 1000);
    expect(chars).toBeGreaterThan(ANALYSIS_LIMITS.maxChars);
    expect(JSON.stringify(doc.root)).toContain('article:published_time');
  });

  test('the analysis covers the first paragraphs within the limits, and says what it left out', () => {
    const extraction = extractPage(buildPageTree(document, page.url).doc, readGateSignals(document, page.url));
    const article = extraction.article;
    expect(extraction.isArticle).toBe(true);
    expect(article?.text.length).toBeLessThanOrEqual(ANALYSIS_LIMITS.maxChars);
    expect(extraction.extraction?.blocks.length).toBeLessThanOrEqual(ANALYSIS_LIMITS.maxParagraphs);
    expect(article?.limited).toMatchObject({ paragraphs: extraction.extraction?.blocks.length, chars: article?.text.length });
    expect(article?.limited?.totalParagraphs).toBeGreaterThan(article?.limited?.paragraphs ?? 0);
    // Cut after a whole paragraph: the text ends as the last kept paragraph does.
    const blocks = extraction.extraction?.blocks ?? [];
    expect(article?.text.endsWith(blocks[blocks.length - 1]?.text ?? '-')).toBe(true);
  });

  test('metadata after the text (JSON-LD at the end of the body) is read even past the limit', () => {
    const ld =
      '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2014-11-19T05:00:00Z","author":{"@type":"Person","name":"Baqir Sajjad Syed"}}</script>';
    const html = page.html.replace('<meta property="article:published_time" content="2014-11-19T05:00:00Z">', '').replace('</body>', `${ld}</body>`);
    const doc = parseHTML(html).document as unknown as Document;
    const article = extractPage(buildPageTree(doc, page.url).doc, readGateSignals(doc, page.url)).article;
    expect(article?.limited).toBeTruthy();
    expect(article?.published).toBe('2014-11-19T05:00:00Z');
    expect(article?.byline).toBe('Baqir Sajjad Syed');
  });

  test('an article within the limits carries no notice', () => {
    const small = hugeArticle(20);
    const doc = parseHTML(small.html).document as unknown as Document;
    expect(extractPage(buildPageTree(doc, small.url).doc, readGateSignals(doc, small.url)).article?.limited).toBeUndefined();
  });
});

describe('plain text past the limits', () => {
  test('is cut after a paragraph break, and says so', () => {
    const text = Array.from({ length: 3000 }, (_, i) => PARAGRAPH(i)).join('\n\n');
    const { text: kept, limited } = limitText(text);
    expect(kept.length).toBeLessThanOrEqual(ANALYSIS_LIMITS.maxChars);
    expect(kept.endsWith('\n\n')).toBe(true);
    expect(limited).toMatchObject({ totalParagraphs: 3000, totalChars: text.length, chars: kept.length });
    expect(limitText('Short text.')).toEqual({ text: 'Short text.', limited: null });
  });

  test('one endless paragraph is cut at the limit', () => {
    const { text, limited } = limitText('word '.repeat(100_000));
    expect(text).toHaveLength(ANALYSIS_LIMITS.maxChars);
    expect(limited?.paragraphs).toBe(1);
  });
});

describe('a long text is analysed in sections, as one', () => {
  const text = Array.from({ length: 1200 }, (_, i) =>
    i === 1199
      ? '“It is over,” Rathke said, and nobody else spoke.'
      : i === 0
        ? PARAGRAPH(0)
        : `Paragraph ${i} says nothing of anyone in particular today.`,
  ).join('\n\n');

  test('sections are cut between paragraphs, none longer than the limit, and cover the text', () => {
    expect(text.length).toBeGreaterThan(WHOLE_TEXT_CHARS);
    const cuts = sections(text);
    expect(cuts.length).toBeGreaterThan(1);
    expect(cuts[0]?.start).toBe(0);
    expect(cuts[cuts.length - 1]?.end).toBe(text.length);
    for (const [i, cut] of cuts.entries()) {
      expect(cut.end - cut.start).toBeLessThanOrEqual(SECTION_CHARS);
      if (i) expect(cut.start).toBe(cuts[i - 1]?.end);
      if (i < cuts.length - 1) expect(text.slice(cut.end - 2, cut.end)).toBe('\n\n');
    }
    expect(sections('no break at all '.repeat(5000)).every((s) => s.end - s.start <= SECTION_CHARS)).toBe(true);
  });

  test('a name in the first section and its surname in the last are one entity; offsets and speakers hold', () => {
    const { entities, quotes } = analyzeText(text, 'en');
    const rathke = entities.filter((e) => e.name === 'Jeff Rathke');
    expect(rathke).toHaveLength(1);
    expect(rathke[0]?.variants).toContain('Rathke');
    expect(rathke[0]?.mentions[rathke[0].mentions.length - 1]?.start).toBeGreaterThan(text.length - 100);
    expect(new Set(entities.map((e) => e.id)).size).toBe(entities.length);
    for (const e of entities) for (const m of e.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    for (const q of quotes) expect(text.slice(q.start, q.end)).toBe(q.text);
    expect(quotes[quotes.length - 1]).toMatchObject({ text: '“It is over,”', speaker: 'Jeff Rathke', speakerId: rathke[0]?.id });
  });
});

test('the gate counts a page’s text with whitespace runs as one, exactly as the copy it no longer makes would', () => {
  const pieces = ['a', 'bc', ' ', '  ', '\n\t', '\u00a0', '\u2003', '\u3000', '\ufeff', 'é', '😀', '\u200b', '\r\n'];
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (let n = 0; n < 300; n++) {
    const text = Array.from({ length: Math.floor(random() * 40) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
    expect(collapsedLength(text)).toBe(text.replace(/\s+/g, ' ').length);
  }
});
