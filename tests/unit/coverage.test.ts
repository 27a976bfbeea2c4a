import { describe, expect, test } from 'vitest';
import { analyzePage, toResult } from '../../lib/analyze';
import {
  type ArticleEntity,
  buildNewsQuery,
  buildTimeline,
  type CoverageItem,
  centralEntities,
  type HistoryRecord,
  linksAsCoverage,
  mergeCoverage,
  nameKey,
  parseRss,
  rankHistory,
  recordFromAnalysis,
  urlKey,
} from '../../lib/coverage';
import { DEMO_ARTICLE_URL, demoHtml, loadPage } from '../fixtures/pages';

const DAY = 86_400_000;
const e = (name: string, type: ArticleEntity['type'], weight: number, extra: Partial<ArticleEntity> = {}): ArticleEntity => ({
  name,
  type,
  weight,
  ...extra,
});
const record = (url: string, published: string | null, entities: ArticleEntity[], readAt = Date.parse('2026-11-01')): HistoryRecord => ({
  url,
  title: url.split('/').pop() ?? url,
  publisher: 'Example',
  published,
  lang: 'en',
  entities,
  readAt,
  lastReadAt: readAt,
});

const seedResult = () => {
  const { doc, signals } = loadPage(demoHtml('dawn-haqqani'), DEMO_ARTICLE_URL);
  return toResult(analyzePage(doc, signals));
};

describe('centralEntities and recordFromAnalysis on the demo article', () => {
  const result = seedResult();
  const central = centralEntities(result);

  test('the most mentioned and headline names weigh most; places weigh half', () => {
    const top = central.slice(0, 3).map((x) => x.name);
    expect(top).toContain('Jeff Rathke');
    expect(top).toContain('Haqqani network');
    // The most mentioned name of all, and in the first paragraph: (1 + 0.3) / 2.
    const pakistan = central.find((x) => x.name === 'Pakistan');
    expect(pakistan?.weight).toBe(0.65);
    expect(central.every((x) => x.weight > 0 && x.weight <= 1)).toBe(true);
  });

  test('multi-word variants are kept for matching, bare surnames are not', () => {
    const department = central.find((x) => x.name === 'US State Department');
    expect(department?.variants ?? []).toContain('State Department');
    expect(central.flatMap((x) => x.variants ?? [])).not.toContain('Rathke');
  });

  test('the record keeps the canonical URL, headline, publisher and date', () => {
    const rec = recordFromAnalysis(result, `${DEMO_ARTICLE_URL}?utm_source=twitter#comments`, 42);
    expect(rec).toMatchObject({
      url: DEMO_ARTICLE_URL,
      title: 'Haqqani network as much a threat as any other terrorist group: US',
      publisher: 'Dawn',
      readAt: 42,
      lastReadAt: 42,
    });
    expect(rec?.published?.startsWith('2014-11-19')).toBe(true);
  });

  test('a page that is not an article gives no record', () => {
    expect(recordFromAnalysis({ ...result, isArticle: false }, DEMO_ARTICLE_URL, 1)).toBeNull();
  });
});

describe('rankHistory', () => {
  const current = {
    url: 'https://dawn.example/news/3',
    published: '2014-11-19T05:00:00Z',
    entities: [
      e('Jeff Rathke', 'PER', 1),
      e('Haqqani network', 'ORG', 0.8),
      e('Raheel Sharif', 'PER', 0.4, { variants: ['General Raheel Sharif'] }),
      e('Pakistan', 'LOC', 0.5),
    ],
  };

  test.each([
    ['shares a central person', [e('Jeff Rathke', 'PER', 0.9)], true],
    ['shares a name through a variant', [e('General Raheel Sharif', 'PER', 0.9)], true],
    ['shares the name in other case and accents', [e('HAQQANI NETWORK', 'ORG', 0.9)], true],
    ['shares only a place', [e('Pakistan', 'LOC', 0.5)], false],
    ['shares nothing', [e('Angela Merkel', 'PER', 1)], false],
    ['shares a name mentioned in passing only', [e('Raheel Sharif', 'PER', 0.05)], false],
  ])('an earlier article that %s is listed: %s', (_, entities, listed) => {
    const found = rankHistory(current, [record('https://a.example/1', '2014-11-10', entities)]);
    expect(found.length > 0).toBe(listed);
  });

  test('ranked by shared central names, then closeness in time; the shared names come most central first', () => {
    const ranked = rankHistory(current, [
      record('https://a.example/only-sharif', '2014-11-18', [e('Raheel Sharif', 'PER', 1)]),
      record('https://a.example/rathke-haqqani', '2014-11-01', [e('Jeff Rathke', 'PER', 1), e('Haqqani network', 'ORG', 1)]),
      record('https://a.example/rathke-old', '2013-01-01', [e('Jeff Rathke', 'PER', 1), e('Haqqani network', 'ORG', 1)]),
    ]);
    expect(ranked.map((m) => m.record.url)).toEqual([
      'https://a.example/rathke-haqqani',
      'https://a.example/rathke-old',
      'https://a.example/only-sharif',
    ]);
    expect(ranked[0]?.shared).toEqual(['Jeff Rathke', 'Haqqani network']);
  });

  test('the article itself (by canonical URL) and later articles are not earlier coverage', () => {
    const ranked = rankHistory(current, [
      record('https://dawn.example/news/3?utm_source=x', '2014-11-19', [e('Jeff Rathke', 'PER', 1)]),
      record('https://a.example/later', '2014-12-01', [e('Jeff Rathke', 'PER', 1)]),
      record('https://a.example/same-day', '2014-11-19T09:00:00Z', [e('Jeff Rathke', 'PER', 1)]),
    ]);
    expect(ranked.map((m) => m.record.url)).toEqual(['https://a.example/same-day']);
  });

  test('Wikidata ids decide when both articles have one: namesakes do not match', () => {
    const linked = { ...current, entities: [e('John Smith', 'PER', 1, { qid: 'Q1' })] };
    expect(rankHistory(linked, [record('https://a.example/1', '2014-11-01', [e('John Smith', 'PER', 1, { qid: 'Q2' })])])).toEqual([]);
    expect(rankHistory(linked, [record('https://a.example/1', '2014-11-01', [e('J. Smith', 'PER', 1, { qid: 'Q1' })])])).toHaveLength(1);
  });

  test('an undated record counts from when it was read; the limit holds', () => {
    const records = Array.from({ length: 30 }, (_, i) =>
      record(`https://a.example/${i}`, null, [e('Jeff Rathke', 'PER', 1)], Date.parse('2014-11-01') + i * DAY),
    );
    expect(rankHistory(current, records, { limit: 5 })).toHaveLength(5);
  });

  test('nameKey folds case, accents, curly apostrophes and a leading "the"', () => {
    expect(nameKey('The  Pakistani Taliban')).toBe('pakistani taliban');
    expect(nameKey('José Martí')).toBe('jose marti');
    expect(nameKey('O’Brien')).toBe("o'brien");
  });
});

describe('buildNewsQuery', () => {
  test('the most central person and the most central other name, in a window ending at the article date', () => {
    const q = buildNewsQuery(
      [e('Pakistan', 'LOC', 0.5), e('Haqqani network', 'ORG', 1), e('Jeff Rathke', 'PER', 0.9), e('Sartaj Aziz', 'PER', 0.3)],
      '2014-11-19T05:14:00+05:00',
      {
        windowDays: 30,
      },
    );
    expect(q).toEqual({ names: ['Jeff Rathke', 'Haqqani network'], before: '2014-11-19', after: '2014-10-20', site: null });
  });

  test('places only when nothing else is named; null when nothing is named', () => {
    expect(buildNewsQuery([e('Pakistan', 'LOC', 0.5)], '2014-11-19')?.names).toEqual(['Pakistan']);
    expect(buildNewsQuery([], '2014-11-19')).toBeNull();
  });

  test('an undated article searches up to today', () => {
    const now = Date.parse('2026-11-29T12:00:00Z');
    expect(buildNewsQuery([e('Jeff Rathke', 'PER', 1)], null, { now, windowDays: 7 })).toMatchObject({ before: '2026-11-29', after: '2026-11-22' });
  });
});

describe('parseRss', () => {
  test('items with CDATA, entities, a source and markup in the title kept as text', () => {
    const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title>
      <item><title><![CDATA[Rock & roll <b>is</b> back]]></title><link>https://a.example/1</link><pubDate>Tue, 18 Nov 2014 08:00:00 GMT</pubDate><source url="https://a.example">A &amp; B</source></item>
      <item><title>Caf&#233; &lt;script&gt;alert(1)&lt;/script&gt; &#x1F600;</title><link>https://a.example/2</link></item>
      <item><title>No link</title></item>
      <item><title>Bad link</title><link>javascript:alert(1)</link></item>
    </channel></rss>`;
    expect(parseRss(xml)).toEqual([
      {
        title: 'Rock & roll is back',
        link: 'https://a.example/1',
        pubDate: 'Tue, 18 Nov 2014 08:00:00 GMT',
        source: 'A & B',
        sourceUrl: 'https://a.example',
      },
      { title: 'Café <script>alert(1)</script> 😀', link: 'https://a.example/2', pubDate: null, source: null, sourceUrl: null },
    ]);
  });

  test.each(['', 'not xml at all', '<rss><item><title>unclosed', '<item>'.repeat(50_000), `<item><title>${'&'.repeat(100_000)}</title>`])(
    'malformed feeds give no items and no error (%#)',
    (xml) => {
      expect(parseRss(xml)).toEqual([]);
    },
  );
});

describe('mergeCoverage and buildTimeline', () => {
  const item = (url: string, date: string | null, source: CoverageItem['source'] = 'google-news'): CoverageItem => ({
    url,
    title: url,
    publisher: null,
    date,
    source,
  });

  test('one item per article across sources and URL forms, the current article left out, newest first, undated last', () => {
    const merged = mergeCoverage(
      [
        item('https://www.a.example/x/?utm_source=rss', '2014-11-10', 'google-news'),
        item('http://a.example/x', null, 'guardian'),
        item('https://b.example/y', '2014-11-12'),
        item('https://c.example/z', null),
        item('https://dawn.example/news/3#top', '2014-11-19'),
      ],
      'https://dawn.example/news/3',
    );
    expect(merged.map((m) => [urlKey(m.url), m.source, m.date])).toEqual([
      ['b.example/y', 'google-news', '2014-11-12'],
      ['a.example/x', 'guardian', '2014-11-10'],
      ['c.example/z', 'google-news', null],
    ]);
  });

  test('the timeline is dated, oldest first, with the current article placed among it', () => {
    const timeline = buildTimeline(
      [item('https://b.example/late', '2014-12-01'), item('https://b.example/early', '2014-11-01'), item('https://c.example/undated', null)],
      {
        url: 'https://dawn.example/news/3',
        title: 'Now',
        date: '2014-11-19',
      },
    );
    expect(timeline.map((t) => (t.current ? 'current' : t.item.url))).toEqual(['https://b.example/early', 'current', 'https://b.example/late']);
  });

  test("the article's own links are dated from their URLs", () => {
    expect(linksAsCoverage([{ label: 'Also read', text: 'Earlier', href: 'https://x.example/2014/11/02/earlier' }])[0]).toMatchObject({
      date: '2014-11-02',
      source: 'article',
    });
  });
});
