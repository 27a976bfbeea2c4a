// The reader's control: the pause and sites turned off (read by the gate before any work), a page analysed at the
// reader's request, and the selected name the context menu looks up.
import { describe, expect, test } from 'vitest';
import type { Entity } from '../../lib/analyze';
import { entityNamed, highlightedEntities } from '../../lib/analyze/highlighted';
import { extractPage } from '../../lib/analyze/page';
import { controlFrom, DEFAULT_CONTROL, offFor, onSites, siteOf, withSite } from '../../lib/control';
import { DEMO_HOME_URL, demoHtml, loadPage } from '../fixtures/pages';

describe('sites', () => {
  test.each([
    ['https://www.dawn.com/news/1/x', 'dawn.com'],
    ['http://127.0.0.1:8080/news/1', '127.0.0.1'],
    ['https://News.Example.co.uk./a?b#c', 'news.example.co.uk'],
    ['dawn.com', 'dawn.com'],
    ['https://user:pw@www.example.org/', 'example.org'],
  ])('%s is on the site %s', (url, site) => {
    expect(siteOf(url)).toBe(site);
  });

  test('a site covers its subdomains, not other sites that end alike', () => {
    expect(onSites('https://edition.example.com/a', ['example.com'])).toBe(true);
    expect(onSites('https://notexample.com/a', ['example.com'])).toBe(false);
    expect(onSites('https://example.com/a', [])).toBe(false);
  });
});

describe('the stored control', () => {
  test.each([undefined, null, 'paused', 42, [], { paused: 'yes', offSites: 'dawn.com' }])('%j counts as the default', (stored) => {
    expect(controlFrom(stored)).toEqual(DEFAULT_CONTROL);
  });

  test('damaged entries are dropped, the rest kept as sites', () => {
    expect(controlFrom({ paused: true, offSites: ['https://www.dawn.com/x', 7, '', null, 'bbc.co.uk'] })).toEqual({
      paused: true,
      offSites: ['dawn.com', 'bbc.co.uk'],
    });
  });

  test('paused leaves every page alone; a site turned off leaves its pages alone; the rest are read', () => {
    const control = { paused: false, offSites: ['dawn.com'] };
    expect(offFor(control, 'https://www.dawn.com/news/1')).toBe('site');
    expect(offFor(control, 'https://www.bbc.co.uk/news/1')).toBeNull();
    expect(offFor({ ...control, paused: true }, 'https://www.bbc.co.uk/news/1')).toBe('paused');
  });

  test('turning a site off and on again, from any of its pages; turning it on lifts a parent domain’s entry too', () => {
    const off = withSite(DEFAULT_CONTROL, 'https://www.dawn.com/news/1', false);
    expect(off.offSites).toEqual(['dawn.com']);
    expect(withSite(off, 'https://www.dawn.com/news/1', false).offSites).toEqual(['dawn.com']);
    expect(withSite(off, 'https://images.dawn.com/x', true).offSites).toEqual([]);
    expect(withSite(off, 'about:blank', true)).toEqual(off);
  });
});

describe('"Analyse this page": the reader’s request overrides the gate', () => {
  test('a page the gate refuses is analysed as an article when the reader asks, and says so', () => {
    const { doc, signals } = loadPage(demoHtml('home'), DEMO_HOME_URL);
    expect(extractPage(doc, signals).isArticle).toBe(false);
    const asked = extractPage(doc, signals, { readerAsked: true });
    expect(asked.isArticle).toBe(true);
    expect(asked.reason).toMatch(/^analysed at the reader's request \(site home page/);
    expect(asked.article?.text.length).toBeGreaterThan(100);
    expect(asked.extraction?.blocks.length).toBeGreaterThan(0);
  });

  test('a page with next to no text stays no article, whoever asks', () => {
    const { doc, signals } = loadPage('<html><body><p>Sign in to continue.</p></body></html>', 'https://example.com/login');
    const asked = extractPage(doc, signals, { readerAsked: true });
    expect(asked.isArticle).toBe(false);
    expect(asked.reason).toContain('nothing to analyse');
  });
});

describe('the name a reader selected', () => {
  const e = (id: string, name: string, variants: string[], type: Entity['type'] = 'PER'): Entity => ({
    id,
    name,
    type,
    mentions: [],
    variants,
    titles: [],
  });
  const ENTITIES = [
    e('raheel', 'Raheel Sharif', ['Raheel Sharif', 'Raheel']),
    e('nawaz', 'Nawaz Sharif', ['Nawaz Sharif']),
    e('state', 'US State Department', ['US State Department', 'State Department'], 'ORG'),
    e('pakistani', 'Pakistani', ['Pakistani'], 'MISC'),
  ];

  test.each([
    ['Raheel Sharif', 'raheel'],
    ['  raheel   sharif ', 'raheel'],
    ['General Raheel Sharif’s', 'raheel'],
    ['“State Department”,', 'state'],
    ['Raheel', 'raheel'],
    ['Nawaz', 'nawaz'],
    ['Sharif', null], // two people share it
    ['Washington', null],
    ['', null],
  ])('%j → %s', (text, id) => {
    expect(entityNamed(ENTITIES, text)?.id ?? null).toBe(id);
  });

  test('the highlighted names are all but the "other names"', () => {
    expect(highlightedEntities(ENTITIES).map((x) => x.id)).toEqual(['raheel', 'nawaz', 'state']);
  });
});
