import { describe, expect, test } from 'vitest';
import { confirm, countWords, type GateSignals, gate, isSiteRoot } from '../../lib/detect';

const none: GateSignals = {
  url: 'https://example.com/essays/on-reading.html',
  schemaTypes: [],
  ogType: null,
  hasPublishedTime: false,
  articleElements: 0,
  longParagraphChars: 0,
  longParagraphs: 0,
  linkChars: 0,
  textChars: 1000,
};
const prose = { longParagraphChars: 4000, longParagraphs: 9, textChars: 6000, linkChars: 300 };

describe('the cheap gate', () => {
  test.each<[string, Partial<GateSignals>, boolean]>([
    ['NewsArticle JSON-LD with prose', { schemaTypes: ['NewsArticle'], ...prose }, true],
    [
      'og:type article, a dated URL and paragraphs',
      { url: 'https://news.example/2014/11/19/haqqani-threat', ogType: 'article', longParagraphChars: 900, longParagraphs: 3 },
      true,
    ],
    ['much prose alone, few links and headings (an essay, a blog post)', { ...prose }, true],
    ['much prose alone under a section address', { ...prose, url: 'https://example.com/about' }, false],
    ['much prose under a heading per teaser (a landing page)', { ...prose, headings: 12 }, false],
    ['much prose, one character in five a link', { ...prose, linkChars: 1200 }, false],
    ['some paragraphs alone', { ...prose, longParagraphChars: 900, longParagraphs: 3 }, false],
    ['prose in one <article>', { ...prose, articleElements: 1 }, true],
    ['prose in many <article> teasers', { ...prose, articleElements: 12 }, false],
    ['an article id in the query, with prose', { url: 'http://news.example.kr/news/news_view.html?idx=8723&page=1', ...prose }, true],
    ['an /article/<number> path, with prose', { url: 'https://www.example-review.com/article/3834/1', ...prose }, true],
    ['a /news/ section path is no article', { url: 'https://example.com/news/latest', ...prose }, false],
    ['a site root, even with article markup', { url: 'https://www.dawn.com/', schemaTypes: ['NewsArticle'], ogType: 'article', ...prose }, false],
    ['index.html at the root', { url: 'https://example.com/index.html', schemaTypes: ['NewsArticle'], ...prose }, false],
    ['a search page', { url: 'https://example.com/search?q=haqqani', ogType: 'article', longParagraphChars: 900, longParagraphs: 3 }, false],
    ['a section index', { url: 'https://example.com/category/world/', articleElements: 20, longParagraphChars: 900, longParagraphs: 3 }, false],
    ['a shop product', { url: 'https://shop.example/products/kettle', schemaTypes: ['Product'], longParagraphChars: 900, longParagraphs: 3 }, false],
    ['a web app without prose', { url: 'https://app.example/inbox/12345678', articleElements: 1 }, false],
    ['no signals at all', {}, false],
    ['prose, but mostly links (an index page)', { url: 'https://example.com/news/latest', ...prose, linkChars: 3000 }, false],
    ['a language root is a home page', { url: 'https://www.who.int/en/', schemaTypes: ['NewsArticle'], ...prose }, false],
    ['a docs site page with a long slug and prose', { url: 'https://docs.example.dev/guides/getting-started-with-the-api', ...prose }, false],
    ['a /help/ page with a long slug and prose', { url: 'https://example.com/help/how-to-reset-your-password', ...prose }, false],
    [
      'a Wikinews article under /wiki/ with a slug',
      { url: 'https://en.wikinews.org/wiki/Pakistan-army-chief-visits-the-United-States', ...prose },
      true,
    ],
  ])('%s → %s', (_, signals, isArticle) => {
    expect(gate({ ...none, ...signals }).isArticle).toBe(isArticle);
  });

  test('says why', () => {
    expect(gate({ ...none, schemaTypes: ['NewsArticle'], ...prose }).reason).toContain('schema.org article');
    expect(gate({ ...none, url: 'https://example.com/' }).reason).toBe('site home page');
  });

  test.each([
    ['https://example.com', true],
    ['https://example.com/', true],
    ['https://example.com/index.php', true],
    ['https://example.com/?utm_source=x', true],
    ['https://example.com/?p=123', false],
    ['https://example.com/news/1', false],
    ['https://www.who.int/en/', true],
    ['https://example.com/pt-br/index.html', true],
  ])('isSiteRoot(%s) = %s', (url, root) => {
    expect(isSiteRoot(url)).toBe(root);
  });
});

describe('confirmation after extraction', () => {
  test.each([
    [{ words: 64, paragraphs: 2 }, true],
    [{ words: 64, paragraphs: 1 }, false],
    [{ words: 30, paragraphs: 2 }, false],
  ])('a brief on a page marked three ways as an article: %o → %s', (shape, isArticle) => {
    const marked = gate({
      ...none,
      url: 'https://news.example/2019/11/20/stabbed-608414',
      schemaTypes: ['NewsArticle'],
      ogType: 'article',
      ...prose,
    });
    expect(confirm(marked, shape).isArticle).toBe(isArticle);
  });
  test.each([
    [{ words: 400, paragraphs: 8 }, true],
    [{ words: 140, paragraphs: 4 }, false],
    [{ words: 400, paragraphs: 2 }, false],
    [{ words: 4000, paragraphs: 1 }, true],
  ])('a page that passed on prose alone: %o → %s', (shape, isArticle) => {
    expect(confirm(gate({ ...none, ...prose }), shape).isArticle).toBe(isArticle);
  });

  const passed = gate({ ...none, schemaTypes: ['NewsArticle'], ...prose });
  test.each([
    [{ words: 400, paragraphs: 8 }, true],
    [{ words: 60, paragraphs: 3 }, false],
    [{ words: 150, paragraphs: 1 }, false],
    [{ words: 900, paragraphs: 1 }, true],
  ])('%o → %s', (shape, isArticle) => {
    expect(confirm(passed, shape).isArticle).toBe(isArticle);
  });

  describe('a section front never passes, whatever its address and markup; a roundup or a live blog does', () => {
    const marked = gate({
      ...none,
      url: 'https://news.example/politics/latest-news-analysis-and-comment-from-the-assembly',
      schemaTypes: ['NewsArticle'],
      ogType: 'article',
      ...prose,
    });
    test.each([
      ['teasers with one-line summaries, no prose', { teaserLinks: 12, teaserSummaries: 12, proseParagraphs: 0, dated: true }, false],
      ['teasers, a little prose, no date of its own', { teaserLinks: 10, teaserSummaries: 8, proseParagraphs: 5, dated: false }, false],
      ['a roundup: product links with prose between, dated', { teaserLinks: 16, teaserSummaries: 8, proseParagraphs: 11, dated: true }, true],
      ['a live blog: short updates, few links, dated', { teaserLinks: 0, teaserSummaries: 0, proseParagraphs: 7, dated: true }, true],
      ['a story with a few "read more" links in it', { teaserLinks: 7, teaserSummaries: 3, proseParagraphs: 12, dated: false }, true],
    ])('%s', (_, layout, isArticle) => {
      const verdict = confirm(marked, { words: 800, paragraphs: 20, ...layout });
      expect(verdict.isArticle).toBe(isArticle);
      if (!isArticle) expect(verdict.reason).toMatch(/section front/);
    });
  });

  test('an index file below the root is an index, not a document', () => {
    expect(gate({ ...none, ...prose, url: 'http://www.example.com/pages/index.php' }).isArticle).toBe(false);
  });

  test('a page the gate refused stays refused', () => {
    expect(confirm(gate(none), { words: 5000, paragraphs: 40 }).isArticle).toBe(false);
  });

  test('counts words in any script', () => {
    expect(countWords('Pakistan’s army, 2014 — Überall 東京')).toBe(6); // 東 and 京 count one each
  });
});
