import { describe, expect, test } from 'vitest';
import { analyzePage } from '../../lib/analyze';
import { gate } from '../../lib/detect';
import { extractArticle } from '../../lib/extract';
import { DEMO_ARTICLE_URL, DEMO_HOME_URL, demoHtml, loadPage } from '../fixtures/pages';
import { seedBody } from '../fixtures/seed';

describe('the demo article page', () => {
  const { doc, signals } = loadPage(demoHtml('dawn-haqqani'), DEMO_ARTICLE_URL);
  const { article, blocks } = extractArticle(doc);

  test.each([
    ['title', 'Haqqani network as much a threat as any other terrorist group: US'],
    ['byline', 'Anwar Iqbal'],
    ['siteName', 'Dawn'],
    ['published', '2014-11-19T17:14:00+05:00'],
    ['updated', '2014-11-19T17:14:00+05:00'],
    ['canonicalUrl', 'http://127.0.0.1:8080/news/1145345/haqqani-network-as-much-a-threat-as-any-other-terrorist-group-us'],
    ['lang', 'en'],
  ] as const)('%s', (field, value) => {
    expect(article[field]).toBe(value);
  });

  test('the text is the seed body, paragraph by paragraph, quote marks untouched', () => {
    expect(article.text).toBe(seedBody());
    expect(blocks).toHaveLength(seedBody().split('\n\n').length);
  });

  test.each([
    "Today's Paper",
    'Read Comments',
    'Next Story',
    'IHC grants Imran bail',
    'Most Popular',
    'Facebook',
    'Anwar Iqbal',
    'Also read',
    'Updated 19 Nov',
  ])('boilerplate stays out: %s', (text) => {
    expect(article.text).not.toContain(text);
  });

  test('the two links to earlier coverage, resolved against the page URL', () => {
    expect(article.relatedLinks).toEqual([
      {
        label: 'Also read',
        text: 'Militants not dangerous to Pakistan should not be targeted, says Sartaj',
        href: 'http://127.0.0.1:8080/news/1144796/militants-not-dangerous-to-pakistan-should-not-be-targeted-says-sartaj',
      },
      {
        label: 'More on this',
        text: 'Sartaj Aziz statement on militant groups taken out of context: FO',
        href: 'http://127.0.0.1:8080/news/1145041/sartaj-aziz-statement-on-militant-groups-taken-out-of-context-fo',
      },
    ]);
  });

  test('the gate passes it and the whole pipeline gives the seed result', () => {
    expect(gate(signals).isArticle).toBe(true);
    const result = analyzePage(doc, signals);
    expect(result.isArticle).toBe(true);
    expect(result.quotes).toHaveLength(7);
    expect(result.entities.find((e) => e.name === 'Jeff Rathke')?.mentions).toHaveLength(3);
  });
});

describe('the demo home page', () => {
  test('is not an article, and nothing is extracted from it', () => {
    const { doc, signals } = loadPage(demoHtml('home'), DEMO_HOME_URL);
    const result = analyzePage(doc, signals);
    expect(result.isArticle).toBe(false);
    expect(result.reason).toBe('site home page');
    expect(result.entities).toEqual([]);
  });

  test('is refused by its shape even away from the site root', () => {
    const { doc, signals } = loadPage(demoHtml('home'), 'http://127.0.0.1:8080/world/latest-news');
    expect(analyzePage(doc, signals).isArticle).toBe(false);
  });
});

describe('metadata fallbacks', () => {
  const page = (head: string, body = '<p>Body.</p>') =>
    extractArticle(loadPage(`<html><head>${head}</head><body>${body}</body></html>`, 'https://site.example/a/b').doc).article;
  test.each([
    ['og:title over <title>', '<title>T - Site</title><meta property="og:title" content="Real title">', 'title', 'Real title'],
    ['<h1> when no meta', '', 'title', null],
    [
      'JSON-LD author list',
      '<script type="application/ld+json">{"@type":"NewsArticle","author":[{"name":"A One"},{"name":"B Two"}]}</script>',
      'byline',
      'A One, B Two',
    ],
    [
      'JSON-LD @graph',
      '<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"Article","datePublished":"2020-01-02"}]}</script>',
      'published',
      '2020-01-02',
    ],
    [
      'broken JSON-LD is ignored',
      '<script type="application/ld+json">{oops</script><meta property="article:published_time" content="2021-05-06">',
      'published',
      '2021-05-06',
    ],
    ['relative canonical', '<link rel="canonical" href="/x/y">', 'canonicalUrl', 'https://site.example/x/y'],
    ['og:site_name', '<meta property="og:site_name" content="Site">', 'siteName', 'Site'],
  ] as const)('%s', (_, head, field, value) => {
    expect(page(head)[field]).toBe(value);
  });
});

describe('links to earlier coverage', () => {
  const URL = 'https://news.example/world/2014/11/19/haqqani-network-threat-story';
  const related = (body: string) =>
    extractArticle(
      loadPage(
        `<html><head><link rel="canonical" href="${URL}"></head><body><nav><a href="/world/2014/11/01/a-b-c-d">Menu story link here</a></nav><article><h1>Title of the story here</h1>${body}</article></body></html>`,
        `${URL}?utm_source=x`,
      ).doc,
    ).article.relatedLinks;
  const para = (n: number) => `<p>${'Plain words of an ordinary paragraph go on here. '.repeat(n)}</p>`;

  test.each([
    [
      'an "Also read:" line',
      '<p><strong>Also read:</strong> <a href="/news/1/earlier-story-about-this">Earlier story about this</a></p>',
      'Also read',
    ],
    ['a "Related:" line', '<p>Related: <a href="/news/2/another-earlier-story">Another earlier story</a></p>', 'Related'],
    ['a "Read more" line', '<p>Read more - <a href="/news/3/yet-another-story">Yet another story</a></p>', 'Read more'],
    ['a "See also" line', '<p>See also: <a href="/news/4/the-background-piece">The background piece</a></p>', 'See also'],
  ])('%s', (_, line, label) => {
    const links = related(para(3) + line + para(3));
    expect(links).toHaveLength(1);
    expect(links[0]?.label).toBe(label);
    expect(links[0]?.href).toMatch(/^https:\/\/news\.example\/news\/\d\//);
  });

  test('a "Related" heading labels the list after it', () => {
    const links = related(
      `${para(4)}<h3>Related</h3><ul><li><a href="/news/5/first-related-story">First related story</a></li><li><a href="/news/6/second-related-story">Second related story</a></li></ul>`,
    );
    expect(links.map((l) => [l.label, l.text])).toEqual([
      ['Related', 'First related story'],
      ['Related', 'Second related story'],
    ]);
  });

  test('inline links that read like a headline and lead to a same-site article', () => {
    const body = `<p>As we reported, <a href="/world/2014/11/02/pakistan-army-begins-operation-in-north-waziristan">the army began its operation in June</a>, and <a href="https://en.wikipedia.org/wiki/Pakistan">Pakistan</a> said <a href="/tags/pakistan">more on Pakistan</a> and <a href="https://other.example/2014/11/02/some-long-story-slug-here">a story on another site</a>.</p>${para(3)}`;
    expect(related(body)).toEqual([
      {
        label: 'In the text',
        text: 'the army began its operation in June',
        href: 'https://news.example/world/2014/11/02/pakistan-army-begins-operation-in-north-waziristan',
      },
    ]);
  });

  test('canonical URLs: tracking parameters and fragments dropped, the page itself and duplicates left out', () => {
    const body = `${para(3)}<p>Also read: <a href="/news/7/earlier-story-about-it?utm_source=tw&id=7#top">Earlier story about it</a></p><p>More on this: <a href="/news/7/earlier-story-about-it?id=7">Same story again</a> <a href="${URL}#comments">This very story</a></p>`;
    expect(related(body)).toEqual([
      { label: 'Also read', text: 'Earlier story about it', href: 'https://news.example/news/7/earlier-story-about-it?id=7' },
    ]);
  });

  test('navigation outside the article never counts', () => {
    expect(related(para(5))).toEqual([]);
  });
});

test('a log-in dialog (even one marked up as an <article>) never becomes the article', () => {
  const story = Array.from(
    { length: 8 },
    (_, i) => `<p>Paragraph ${i} of the story, long enough to count as prose in the article body, with names, places and events of the day.</p>`,
  ).join('');
  const login = Array.from(
    { length: 30 },
    (_, i) => `<p>Please check field ${i}: it must not be empty, and the address must contain an @ sign, a name, and a domain.</p>`,
  ).join('');
  const html = `<html><body><main><h1>Story</h1>${story}</main><div class="b-dialog x-dialog-login"><article class="login-modal"><form>${login}</form></article></div></body></html>`;
  const { doc } = loadPage(html, 'https://news.example/2020/03/20/story');
  const text = extractArticle(doc).article.text;
  expect(text).toContain('Paragraph 0 of the story');
  expect(text).not.toContain('Please check field');
});

test('loose text between empty dividers is the article, not the link list beside it', () => {
  const teaser = (i: number) =>
    `<div class="item"><a href="/Breaking-News/story-${i}">Another breaking headline number ${i} about the news</a><ul><li>By STAFF</li></ul></div>`;
  const html = `<html><body><div class="left"><div class="g-row"><div itemprop="articleBody">
    The mayor of a coastal town was hurt in a fall on Sunday, while another official was injured trying to catch him on the stairs.<div class="fake-br"></div>The fall happened during a visit to the harbour office, where he once worked as an engineer, and doctors expect him to recover.
    </div></div><div class="g-row">${Array.from({ length: 12 }, (_, i) => teaser(i)).join('')}</div></div>
    <div class="about"><p>Our newsroom has covered the region since 1932, and it publishes breaking news around the clock for readers.</p></div></body></html>`;
  const text = extractArticle(loadPage(html, 'https://news.example/Breaking-News/mayor-fall-608414').doc).article.text;
  expect(text.split('\n\n')).toEqual([
    'The mayor of a coastal town was hurt in a fall on Sunday, while another official was injured trying to catch him on the stairs.',
    'The fall happened during a visit to the harbour office, where he once worked as an engineer, and doctors expect him to recover.',
  ]);
});

test('a standfirst in the story’s own <header> is kept; the site’s <header> is not', () => {
  const para = '<p>The council voted on Tuesday to close the old bridge for repairs, after engineers found cracks in two of its piers.</p>';
  const html = `<html><body><header><p>Site masthead with a long enough tagline about our award-winning local journalism since 1901.</p></header>
    <article><header><h1>Council closes the old bridge</h1><p>Engineers say the crossing could be shut for a year while the piers are rebuilt from the riverbed up.</p></header>${para.repeat(12)}</article></body></html>`;
  const text = extractArticle(loadPage(html, 'https://news.example/2024/05/01/bridge').doc).article.text;
  expect(text.startsWith('Engineers say the crossing could be shut for a year')).toBe(true);
  expect(text).not.toContain('masthead');
  expect(text).not.toContain('Council closes the old bridge');
});

test.each([
  ['only in the header', false],
  ['repeated as the body’s first paragraph', true],
])('the standfirst of a story header beside the body (%s) is read first, once, without the byline or date line', (_, repeated) => {
  const para = '<p>The council voted on Tuesday to close the old bridge for repairs, after engineers found cracks in two of its piers.</p>';
  const lead = 'Engineers say the crossing could be shut for a year while the piers are rebuilt from the riverbed up.';
  const html = `<html><body><article><header class="intro"><h1>Council closes the old bridge</h1><p class="byline">By Jane Roe</p><p>4 May 2024</p><p class="heading">${lead}</p></header>
    <div class="body">${repeated ? `<p>${lead}</p>` : ''}${para.repeat(10)}</div></article></body></html>`;
  const blocks = extractArticle(loadPage(html, 'https://news.example/2024/05/01/bridge').doc).article.text.split('\n\n');
  expect(blocks[0]).toBe(lead);
  expect(blocks.filter((b) => b === lead)).toHaveLength(1);
  expect(blocks.join(' ')).not.toMatch(/Jane Roe|4 May 2024/);
});

describe('captions, credits and disclaimers are left out by their markup, whatever their words', () => {
  const para = '<p>The council voted on Tuesday to close the old bridge for repairs, after engineers found cracks in two of its piers.</p>';
  test.each([
    ['a class naming an image description', '<p class="imagedescription">The old bridge at dusk, seen from the north bank.</p>'],
    ['a class naming a copyright', '<p class="image-copyright">Presse- und Informationsamt | Jesco Denzel</p>'],
    ['a <figure> caption', '<figure><img src="/b.jpg" alt=""><figcaption>The old bridge at dusk. Photo: Jane Roe</figcaption></figure>'],
    [
      'a caption beside an image',
      '<div class="media"><img src="/b.jpg" alt=""><p class="media__caption">Divers inspected the piers in May.</p></div>',
    ],
    ['a credit line', '<p class="photo-credit">Jane Roe for the Example Times</p>'],
    ['a disclaimer', '<div class="disclaimer"><p>The views expressed here are the author’s own and not those of the paper.</p></div>'],
  ])('%s', (_, line) => {
    const html = `<html><body><article><h1>Council closes the old bridge</h1>${para.repeat(3)}${line}${para.repeat(3)}</article></body></html>`;
    const text = extractArticle(loadPage(html, 'https://news.example/2024/05/01/bridge').doc).article.text;
    expect(text.split('\n\n')).toHaveLength(6);
  });
});

test('what the site prints around the story stays out, however it is worded', () => {
  const para = (i: number) =>
    `<p>Paragraph ${i}: the council voted on Tuesday to close the old bridge for repairs, after engineers found cracks in two of its piers.</p>`;
  const story = Array.from({ length: 6 }, (_, i) => para(i)).join('');
  const comments = Array.from(
    { length: 4 },
    (_, i) =>
      `<div class="comment"><span class="comment__author">Reader ${i}</span><p>I crossed that bridge every morning for twenty years, and I will miss it.</p></div>`,
  ).join('');
  const teasers = Array.from(
    { length: 5 },
    (_, i) => `<li><a href="/2024/04/2${i}/story-number-${i}-about-town">Story number ${i} about the town and its people</a></li>`,
  ).join('');
  const html = `<html><body><article><h1>Council closes the old bridge</h1>${story}
    <ul class="share-tools"><li><a href="https://facebook.example/share">Share</a></li><li><a href="mailto:?body=x">Email</a></li></ul></article>
    <section class="comments"><h3>4 thoughts on this</h3>${comments}</section>
    <div class="more-from"><h3>Elsewhere on the site</h3><ul>${teasers}</ul></div>
    <aside class="newsletter"><p>Get our morning briefing in your inbox every weekday, with the stories that matter to the valley.</p></aside></body></html>`;
  const blocks = extractArticle(loadPage(html, 'https://news.example/2024/05/01/bridge').doc).article.text.split('\n\n');
  expect(blocks).toEqual(Array.from({ length: 6 }, (_, i) => para(i).replace(/<\/?p>/g, '')));
});

test('links, emphasis and spans inside a sentence stay in it, also beside a block nested in the same element', () => {
  const html = `<html><body><article><h1>Supplier report points to a later launch</h1>
    <div class="body"><a href="https://press.example/report">DigiTimes</a> reports that panel makers have pushed back shipments by six weeks. <em>A preview of the report</em> blames the <span class="term">oxide backplane</span>.
    <div class="ad"><span>Advertisement</span></div>
    According to <a href="/sources">the same report</a>, one of the two suppliers has had to rework part of its line, and the other cannot make enough panels alone.
    <p>Analysts had expected the tablet in June and now say a launch in late July or August is more likely, as the company has not given a date.</p></div></article></body></html>`;
  const blocks = extractArticle(loadPage(html, 'https://news.example/2024/04/22/tablet-delay').doc).article.text.split('\n\n');
  expect(blocks[0]).toBe(
    'DigiTimes reports that panel makers have pushed back shipments by six weeks. A preview of the report blames the oxide backplane.',
  );
  expect(blocks[1]).toBe(
    'According to the same report, one of the two suppliers has had to rework part of its line, and the other cannot make enough panels alone.',
  );
  expect(blocks.join(' ')).not.toContain('Advertisement');
});

test('a story header named as one ("article__header") inside the article is read', () => {
  const para = '<p>The council voted on Tuesday to close the old bridge for repairs, after engineers found cracks in two of its piers.</p>';
  const lead = 'Engineers say the crossing could be shut for a year while the piers are rebuilt from the riverbed up.';
  const html = `<html><body><article class="article"><header class="article__header"><h1>Council closes the old bridge</h1><p class="article__intro">${lead}</p></header>${para.repeat(8)}</article></body></html>`;
  expect(extractArticle(loadPage(html, 'https://news.example/2024/05/01/bridge').doc).article.text.startsWith(lead)).toBe(true);
});

test.each([
  [
    'wrapped in a layout row before the body’s row',
    (lead: string, body: string) =>
      `<article><div class="row"><header class="col"><h1>Council closes the old bridge</h1><div class="content__intro">${lead}</div></header></div><div class="row"><div class="col">${body}</div></div></article>`,
  ],
  [
    'of the <main> around an inner <article>',
    (lead: string, body: string) =>
      `<main><header class="entry-header"><h1>Council closes the old bridge</h1><div class="lead"><p>${lead}</p></div></header><div class="main-content"><article class="post"><div class="entry-content">${body}</div></article></div></main>`,
  ],
])('a story header %s is read first', (_, page) => {
  const para = '<p>The council voted on Tuesday to close the old bridge for repairs, after engineers found cracks in two of its piers.</p>';
  const lead = 'Engineers say the crossing could be shut for a year while the piers are rebuilt from the riverbed up.';
  const html = `<html><body>${page(lead, para.repeat(8))}</body></html>`;
  expect(extractArticle(loadPage(html, 'https://news.example/2024/05/01/bridge').doc).article.text.startsWith(lead)).toBe(true);
});

test.each([['chapo'], ['field--name-field-abstract'], ['DefaultEinleitung'], ['excerpt']])(
  'a standfirst named "%s" just before the body is read first, with no <article> around them',
  (name) => {
    const para = '<p>The council voted on Tuesday to close the old bridge for repairs, after engineers found cracks in two of its piers.</p>';
    const lead = 'Engineers say the crossing could be shut for a year while the piers are rebuilt from the riverbed up.';
    const html = `<html><body><div class="page"><h1>Council closes the old bridge</h1><div class="${name}"><p>${lead}</p></div><div class="text">${para.repeat(8)}</div></div></body></html>`;
    expect(extractArticle(loadPage(html, 'https://news.example/2024/05/01/bridge').doc).article.text.startsWith(lead)).toBe(true);
  },
);

test('a story split across page-builder rows, each deep in single-child wrappers, is read whole', () => {
  const para = (i: number) =>
    `<p>Row paragraph ${i}: the council voted on Tuesday to close the old bridge for repairs, after engineers found cracks in two of its piers.</p>`;
  const column = (paras: number[]) => `<div class="wpb_text_column"><div class="wpb_wrapper">${paras.map(para).join('')}</div></div>`;
  const row = (columns: string) =>
    `<div class="vc_row"><div class="vc_row-inner"><div class="wpb_column"><div class="vc_column-inner"><div class="wpb_wrapper">${columns}</div></div></div></div></div>`;
  const html = `<html><body><div class="entry-content">${row(column([1]))}${row(column([2, 3, 4, 5, 6]) + column([7]))}${row(column([8, 9]))}</div>
    <aside class="sidebar"><p>Sign up for our weekly newsletter about the region and its politics, delivered every Friday.</p></aside></body></html>`;
  const text = extractArticle(loadPage(html, 'https://news.example/2024/05/01/bridge').doc).article.text;
  expect(text).toContain('Row paragraph 1:');
  expect(text).toContain('Row paragraph 9:');
  expect(text).not.toContain('newsletter');
});

test('an embedded post quoted in the story is read, though its class names a social network', () => {
  const para = '<p>The council voted on Tuesday to close the old bridge for repairs, after engineers found cracks in two of its piers.</p>';
  const html = `<html><body><article><h1>Council closes the old bridge</h1>${para.repeat(3)}
    <blockquote class="twitter-tweet"><p>The bridge is closed from today until further notice, the mayor wrote on Tuesday evening.</p></blockquote>
    ${para.repeat(3)}<div class="share-twitter"><p>Share this story with your followers on Twitter and Facebook today.</p></div></article></body></html>`;
  const text = extractArticle(loadPage(html, 'https://news.example/2024/05/01/bridge').doc).article.text;
  expect(text).toContain('the mayor wrote on Tuesday evening');
  expect(text).not.toContain('Share this story');
});

test('a paragraph that writes out an address as its link is read; a paragraph of headline links is not', () => {
  const para = '<p>The council voted on Tuesday to close the old bridge for repairs, after engineers found cracks in two of its piers.</p>';
  const html = `<html><body><article><h1>Council closes the old bridge</h1>${para.repeat(3)}
    <p><a href="https://www.example.org/bridge-petition">https://www.example.org/bridge-petition</a></p>
    <p><a href="mailto:bridge@example.org">bridge@example.org</a></p>
    <p><a href="/2024/04/30/ferry">Ferry service to return while the old bridge is shut for repairs</a></p>
    ${para.repeat(3)}</article></body></html>`;
  const text = extractArticle(loadPage(html, 'https://news.example/2024/05/01/bridge').doc).article.text;
  expect(text).toContain('https://www.example.org/bridge-petition');
  expect(text).toContain('bridge@example.org');
  expect(text).not.toContain('Ferry service');
});

describe('a wrapper around the headline and most of the text is the story’s, whatever its class says', () => {
  const para = (i: number) =>
    `<p>Paragraph ${i}: the council voted on Tuesday to close the old bridge for repairs, after engineers found cracks.</p>`;
  const story = [1, 2, 3, 4, 5, 6].map(para).join('');
  const comments = '<div class="comments"><p>What a shame, I crossed that bridge every morning on my way to work for twenty years.</p></div>';
  test.each([
    ['a theme region named "above-footer"', 'div class="above-footer"'],
    ['a Next.js root (#__next)', 'div id="__next"'],
    ['a layout named for its sidebar', 'div class="layout has-sidebar"'],
  ])('%s', (_name, open) => {
    const tag = open.split(' ')[0];
    const html = `<html><body><${open}><div class="post"><h1>Council closes the old bridge</h1>${story}</div>${comments}</${tag}>
      <div class="disclosure"><p>Some links on this site earn us a commission, at no cost to you, when you buy something.</p></div></body></html>`;
    const text = extractArticle(loadPage(html, 'https://news.example/2024/05/01/bridge').doc).article.text;
    expect(text).toContain('Paragraph 1:');
    expect(text).toContain('Paragraph 6:');
    expect(text).not.toContain('commission');
    expect(text).not.toContain('What a shame');
  });

  test('a comment section never holds the headline, so it stays furniture however long it is', () => {
    const long = comments.repeat(12);
    const html = `<html><body><article><h1>Council closes the old bridge</h1>${story}</article>${long}</body></html>`;
    const text = extractArticle(loadPage(html, 'https://news.example/2024/05/01/bridge').doc).article.text;
    expect(text).toContain('Paragraph 6:');
    expect(text).not.toContain('What a shame');
  });
});

test('a line of dates in <time> elements is metadata; a recipe’s time in one is text', () => {
  const para = '<p>The council voted on Tuesday to close the old bridge for repairs, after engineers found cracks in two of its piers.</p>';
  const html = `<html><body><article><h1>Council closes the old bridge</h1>
    <div class="date-source"><time datetime="2024-05-01T10:00:00Z">May 1, 2024, 10:00 AM UTC</time> / Updated <time>May 2, 2024, 9:00 AM UTC</time></div>
    ${para.repeat(4)}<p>Baking time: <time datetime="PT30M">30 Min</time></p>${para}</article></body></html>`;
  const text = extractArticle(loadPage(html, 'https://news.example/2024/05/01/bridge').doc).article.text;
  expect(text).not.toContain('10:00 AM UTC');
  expect(text).toContain('Baking time: 30 Min');
});

test('a table’s header cells are read with its data cells, and a command closing the post is kept', () => {
  const para = '<p>The council voted on Tuesday to close the old bridge for repairs, after engineers found cracks in two of its piers.</p>';
  const html = `<html><body><article><h1>Council closes the old bridge</h1>${para.repeat(4)}
    <table><tr><th>Total difference (savings over five years)</th><td>1,200 francs</td></tr></table>
    <p>To turn the feature off, run:</p><pre>toolctl network set autotune=off</pre></article></body></html>`;
  const blocks = extractArticle(loadPage(html, 'https://news.example/2024/05/01/bridge').doc).article.text.split('\n\n');
  expect(blocks).toContain('Total difference (savings over five years)');
  expect(blocks.at(-1)).toBe('toolctl network set autotune=off');
});

test('a tree nested deeper than any parser builds (a script’s doing) is read without running out of stack', () => {
  const para = '<p>The council voted on Tuesday to close the old bridge for repairs, after engineers found cracks in two of its piers.</p>';
  const depth = 20_000;
  const html = `<html><body>${'<div>'.repeat(depth)}<article><h1>Council closes the old bridge</h1>${para.repeat(8)}</article>${'</div>'.repeat(depth)}</body></html>`;
  const { doc } = loadPage(html, 'https://news.example/2024/05/01/bridge');
  const text = extractArticle(doc).article.text;
  expect(text).toContain('cracks in two of its piers');
});
