import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { BackgroundState } from '../../components/background';
import { Popup } from '../../components/Popup';
import type { AnalysisResult, Article, Entity, EntityType, Quote } from '../../lib/analyze';
import type { TabState } from '../../lib/messaging';

const NOW = new Date('2026-11-28T12:00:00Z');
const PAGE_URL = 'https://www.dawn.com/news/1145678/us-concerned';

function entity(id: string, name: string, type: EntityType, count: number): Entity {
  const mentions = Array.from({ length: count }, (_, i) => ({ start: i * 50, end: i * 50 + name.length, text: name }));
  return { id, name, type, mentions, variants: [name], titles: [] };
}

function quote(start: number, text: string, speaker: string | null, speakerId: string | null, speakerText: string | null = speaker): Quote {
  return { start, end: start + text.length, text, speaker, speakerId, speakerText, partial: false, continuesPrevious: false };
}

function article(overrides: Partial<Article> = {}): Article {
  return {
    title: 'US concerned over Pakistan’s military operation',
    byline: 'Anwar Iqbal',
    siteName: 'Dawn',
    published: '2014-11-19T17:14:00+05:00',
    updated: null,
    canonicalUrl: PAGE_URL,
    publisherUrl: 'https://www.dawn.com',
    lang: 'en',
    text: '…',
    relatedLinks: [
      { label: 'Read:', text: 'Operation Zarb-i-Azb begins', href: 'https://www.dawn.com/news/1112345' },
      { label: 'Also read:', text: 'Displaced families return', href: 'https://www.dawn.com/news/1123456' },
    ],
    ...overrides,
  };
}

const FULL: AnalysisResult = {
  isArticle: true,
  nlp: { language: 'en', supported: true, notice: null },
  reason: 'news article',
  article: article(),
  entities: [entity('e1', 'Jeff Rathke', 'PER', 3), entity('e2', 'State Department', 'ORG', 2), entity('e3', 'North Waziristan', 'LOC', 1)],
  quotes: [
    quote(10, '“We are monitoring the situation.”', 'Jeff Rathke', 'e1', 'Rathke'),
    quote(200, 'Some unattributed words.', null, null),
    quote(400, '“We urge restraint.”', 'Jeff Rathke', 'e1', 'the spokesman'),
  ],
};

function tab(result: AnalysisResult | null, isArticle = true): TabState {
  return { url: PAGE_URL, isArticle, reason: result?.reason ?? 'test', result, analysedAt: 1 };
}

let container: HTMLElement;

function show(state: TabState | null, loading = false) {
  container = document.createElement('div');
  document.body.append(container);
  act(() => {
    render(<Popup state={state} loading={loading} now={NOW} />, container);
  });
  return container;
}

afterEach(() => {
  render(null, container);
  container.remove();
});

const texts = (root: ParentNode, selector: string) => [...root.querySelectorAll(selector)].map((el) => el.textContent);

describe('Popup states', () => {
  test.each([
    { name: 'loading', state: null, loading: true, text: 'Reading this page…', status: null },
    { name: 'nothing known', state: null, loading: false, text: 'Backstory has not seen this page yet', status: 'unknown' },
    { name: 'not an article', state: tab(null, false), loading: false, text: 'Not a news article.', status: 'not-article' },
    { name: 'article not analysed yet', state: tab(null, true), loading: false, text: 'Analysing this article…', status: 'analysing' },
    {
      name: 'an analysis that could not be kept',
      state: { ...tab(null, true), problem: 'Backstory could not keep this page’s analysis (the browser’s storage is full).' },
      loading: false,
      text: 'could not keep this page’s analysis',
      status: 'problem',
    },
  ])('$name', ({ state, loading, text, status }) => {
    const el = show(state, loading);
    const p = el.querySelector('.status');
    expect(p?.textContent).toContain(text);
    expect(p?.getAttribute('data-status')).toBe(status);
    expect(el.querySelector('.title')).toBeNull();
  });
});

describe('Popup with an analysed article', () => {
  test('title, site, date and age', () => {
    const el = show(tab(FULL));
    expect(el.querySelector('h1.title')?.textContent).toBe('US concerned over Pakistan’s military operation');
    const meta = el.querySelector('.meta')?.textContent ?? '';
    expect(meta.startsWith('Dawn · ')).toBe(true);
    expect(meta).toMatch(/19/); // 19 Nov 2014, in the test runner's locale
    expect(meta).toContain('2014');
    expect(meta.endsWith(' · 12 years old')).toBe(true);
    expect(el.querySelector('.byline')?.textContent).toBe('By Anwar Iqbal');
  });

  test.each([
    ['PER', 'People', 'Jeff Rathke', '×3'],
    ['ORG', 'Organisations', 'State Department', '×2'],
    ['LOC', 'Places', 'North Waziristan', '×1'],
  ])('entity group %s', (type, heading, name, count) => {
    const el = show(tab(FULL));
    const group = el.querySelector(`.entity-group[data-type="${type}"]`);
    expect(group?.querySelector('h3')?.textContent).toBe(heading);
    expect(texts(group as Element, '.entity-name')).toEqual([name]);
    expect(texts(group as Element, '.count')).toEqual([count]);
  });

  test('entity groups follow the type order and skip empty types', () => {
    const el = show(tab(FULL));
    expect([...el.querySelectorAll('.entity-group')].map((g) => g.getAttribute('data-type'))).toEqual(['PER', 'ORG', 'LOC']);
  });

  test('entities within a group are sorted by mention count', () => {
    const result = { ...FULL, entities: [entity('a', 'Low', 'PER', 1), entity('b', 'High', 'PER', 5), entity('c', 'Mid', 'PER', 2)] };
    const el = show(tab(result));
    expect(texts(el, '.entity-group[data-type="PER"] .entity-name')).toEqual(['High', 'Mid', 'Low']);
  });

  test('quotes are grouped by speaker, unattributed last', () => {
    const el = show(tab(FULL));
    const groups = [...el.querySelectorAll('.speaker-group')];
    expect(groups.map((g) => g.getAttribute('data-speaker'))).toEqual(['Jeff Rathke', 'Unattributed']);
    expect(groups.map((g) => g.querySelector('h3')?.textContent)).toEqual(['Jeff Rathke', 'Unattributed']);
    const [rathke, unattributed] = groups as [Element, Element];
    expect(rathke.querySelectorAll('.quote')).toHaveLength(2);
    expect(unattributed.querySelectorAll('.quote')).toHaveLength(1);
    expect(texts(rathke, '.quote')).toEqual(['“We are monitoring the situation.” (Rathke)', '“We urge restraint.” (the spokesman)']);
    expect(unattributed.textContent).toContain('Some unattributed words.');
  });

  test('the sentence pieces of one quotation are shown as one passage', () => {
    const pieces = [
      quote(0, '"The effects depend on it.', 'Dora Whitlock', 'e9'),
      { ...quote(27, 'So if we go on,"', 'Dora Whitlock', 'e9'), continuesPrevious: true },
    ];
    const el = show(tab({ ...FULL, quotes: pieces }));
    expect(texts(el, '.speaker-group[data-speaker="Dora Whitlock"] .quote')).toEqual(['"The effects depend on it. So if we go on,"']);
  });

  test('one group per speaker entity: a shorter form of a person’s name joins the fuller one', () => {
    const entities = [entity('e1', 'Jeff Rathke', 'PER', 3), entity('e7', 'Rathke', 'PER', 2), entity('e2', 'State Department', 'ORG', 2)];
    const quotes = [
      quote(0, '“One.”', 'Rathke', 'e7'),
      quote(10, '“Two.”', 'Jeff Rathke', 'e1', 'he'),
      quote(20, '“Three.”', 'Rathke', null),
      quote(30, '“Four.”', 'State Department', 'e2'),
      quote(40, '“Five.”', 'a US official', null),
      quote(50, '“Six.”', 'A US official', null),
    ];
    const el = show(tab({ ...FULL, entities, quotes }));
    const groups = [...el.querySelectorAll('.speaker-group')].map((g) => [g.getAttribute('data-speaker'), g.querySelectorAll('.quote').length]);
    expect(groups).toEqual([
      ['Jeff Rathke', 3],
      ['a US official', 2],
      ['State Department', 1],
    ]);
    expect(texts(el, '.speaker-group[data-speaker="Jeff Rathke"] .quote')).toEqual(['“One.” (Rathke)', '“Two.” (he)', '“Three.” (Rathke)']);
  });

  test('different people who share a surname stay apart', () => {
    const entities = [entity('e1', 'Jeff Rathke', 'PER', 3), entity('e5', 'Anna Rathke', 'PER', 1)];
    const quotes = [quote(0, '“One.”', 'Jeff Rathke', 'e1'), quote(10, '“Two.”', 'Anna Rathke', 'e5')];
    const el = show(tab({ ...FULL, entities, quotes }));
    expect([...el.querySelectorAll('.speaker-group')].map((g) => g.getAttribute('data-speaker'))).toEqual(['Jeff Rathke', 'Anna Rathke']);
  });

  test('the unattributed group is last even when it is the largest', () => {
    const quotes = [quote(0, 'a', null, null), quote(10, 'b', null, null), quote(20, 'c', null, null), quote(30, 'd', 'Jeff Rathke', 'e1')];
    const el = show(tab({ ...FULL, quotes }));
    expect([...el.querySelectorAll('.speaker-group')].map((g) => g.getAttribute('data-speaker'))).toEqual(['Jeff Rathke', 'Unattributed']);
  });

  test('the speaker as written is not repeated when it equals the group name', () => {
    const el = show(tab({ ...FULL, quotes: [quote(0, '“Yes.”', 'Jeff Rathke', 'e1', 'Jeff Rathke')] }));
    expect(el.querySelector('.as-written')).toBeNull();
  });

  test('related links', () => {
    const el = show(tab(FULL));
    const links = [...el.querySelectorAll('.related-link')];
    expect(links).toHaveLength(2);
    expect(links.map((l) => l.querySelector('.label')?.textContent)).toEqual(['Read:', 'Also read:']);
    expect(links.map((l) => l.querySelector('a')?.textContent)).toEqual(['Operation Zarb-i-Azb begins', 'Displaced families return']);
    expect(links.map((l) => l.querySelector('a')?.getAttribute('href'))).toEqual([
      'https://www.dawn.com/news/1112345',
      'https://www.dawn.com/news/1123456',
    ]);
    for (const link of links) {
      expect(link.querySelector('.source')?.textContent).toBe('from the article');
      expect(link.querySelector('a')?.getAttribute('rel')).toContain('noopener');
    }
    expect(el.querySelector('.coverage')?.textContent).not.toContain('no earlier coverage');
    expect(el.querySelector('.quotes')?.textContent).not.toContain('No quotes');
  });

  test('no quotes, no links, no entities', () => {
    const el = show(tab({ ...FULL, entities: [], quotes: [], article: article({ relatedLinks: [] }) }));
    expect(el.querySelector('.quotes')?.textContent).toContain('No quotes in this article.');
    expect(el.querySelector('.coverage')?.textContent).toContain('The article links to no earlier coverage.');
    expect(el.querySelector('.entities')?.textContent).toContain('No names found.');
    expect(el.querySelectorAll('.speaker-group, .related-link, .entity-group')).toHaveLength(0);
  });

  test('missing metadata: untitled, no byline, no date', () => {
    const el = show(tab({ ...FULL, article: article({ title: null, byline: null, published: null }) }));
    expect(el.querySelector('.title')?.textContent).toBe('Untitled article');
    expect(el.querySelector('.meta')?.textContent).toBe('Dawn');
    expect(el.querySelector('.byline')).toBeNull();
  });

  test('HTML in the title, names, quotes and links is rendered as text', () => {
    const xss = '<img src=x onerror="globalThis.__xss=1"><script>globalThis.__xss=2</script>';
    const result: AnalysisResult = {
      ...FULL,
      article: article({ title: `Breaking ${xss}`, siteName: xss, relatedLinks: [{ label: xss, text: xss, href: 'https://example.com/' }] }),
      entities: [entity('x', xss, 'PER', 1)],
      quotes: [quote(0, xss, xss, 'x')],
    };
    const el = show(tab(result));
    expect(el.querySelector('.title')?.textContent).toBe(`Breaking ${xss}`);
    expect(el.querySelector('.entity-name')?.textContent).toBe(xss);
    expect(el.querySelector('.quote')?.textContent).toBe(xss);
    expect(el.querySelector('img')).toBeNull();
    expect(el.querySelector('script')).toBeNull();
    expect((globalThis as { __xss?: unknown }).__xss).toBeUndefined();
  });
});

describe('a page in a language the rules do not know', () => {
  test('names the languages whose names and quotes are read, on an article in another', () => {
    const container = document.createElement('div');
    const result: AnalysisResult = {
      ...FULL,
      nlp: { language: 'es', supported: false, notice: 'Names and quotes: English, German, French, Portuguese and Russian only for now.' },
      entities: [],
      quotes: [],
    };
    render(
      <Popup
        state={{ url: 'https://x.example/a', isArticle: true, reason: 'r', result, analysedAt: 1 }}
        loading={false}
        now={new Date('2026-11-28T12:00:00Z')}
      />,
      container,
    );
    // The supported languages named in the reader's language, as it lists them (lib/analyze/language.ts has them).
    expect(container.querySelector('.notice')?.textContent).toMatch(
      /^Names and quotes: English, German, French, Portuguese,? and Russian only for now\.$/,
    );
    expect(container.querySelector('.notice')?.getAttribute('data-language')).toBe('es');
  });
});

describe('a page past the analysis’ limits', () => {
  test('says how much of it was read', () => {
    const limited = { paragraphs: 2000, totalParagraphs: 50_000, chars: 199_860, totalChars: 9_700_000 };
    const el = show(tab({ ...FULL, article: { ...(FULL.article as NonNullable<AnalysisResult['article']>), limited } }));
    expect(el.querySelector('.notice.limited')?.textContent).toBe(
      'This page is very long: Backstory read its first 2,000 paragraphs (200 thousand characters, its limit) and highlighted the names in those only.',
    );
    render(null, container);
    expect(show(tab(FULL)).querySelector('.notice.limited')).toBeNull();
  });
});

describe('speakers', () => {
  test('each speaker group says who the speaker is, from the entity', () => {
    const container = document.createElement('div');
    render(
      <Popup
        state={{ url: 'https://x.example/a', isArticle: true, reason: 'r', result: FULL, analysedAt: 1 }}
        loading={false}
        now={new Date('2026-11-28T12:00:00Z')}
      />,
      container,
    );
    const meta = container.querySelector('.speaker-group[data-speaker="Jeff Rathke"] .speaker-meta')?.textContent ?? '';
    expect(meta).toContain('Person');
    expect(meta).toContain('named 3×');
    expect(container.querySelector('.speaker-group[data-speaker="Unattributed"] .speaker-meta')).toBeNull();
  });
});

describe('background notes in the entity list', () => {
  test('opening a name asks for its note once and shows it when it comes', async () => {
    const { act } = await import('preact/test-utils');
    const container = document.createElement('div');
    const onExpand = vi.fn();
    const state = { url: 'https://x.example/a', isArticle: true, reason: 'r', result: FULL, analysedAt: 1 };
    const show = (backgrounds: Record<string, BackgroundState>) =>
      render(<Popup state={state} loading={false} now={new Date('2026-11-28T12:00:00Z')} backgrounds={backgrounds} onExpand={onExpand} />, container);
    show({});
    const toggle = container.querySelector('li[data-entity-id="e1"] .entity-toggle') as HTMLButtonElement;
    await act(() => toggle.click());
    expect(onExpand).toHaveBeenCalledTimes(1);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(container.querySelector('li[data-entity-id="e1"] .background')?.getAttribute('data-state')).toBe('loading');
    await act(() => show({ e1: { status: 'no-match', searchUrl: 'https://en.wikipedia.org/w/index.php?search=Jeff%20Rathke' } }));
    expect(container.querySelector('li[data-entity-id="e1"] .background')?.textContent).toContain('No confident match.');
    await act(() => toggle.click());
    expect(container.querySelector('li[data-entity-id="e1"] .background')).toBeNull();
    expect(onExpand).toHaveBeenCalledTimes(1);
  });
});

describe('the publisher', () => {
  test('is shown under the byline when known', () => {
    const container = document.createElement('div');
    const publisher = {
      qid: 'Q1',
      label: 'Dawn',
      description: 'Pakistani English-language newspaper',
      summary: null,
      thumbnail: null,
      wikipediaUrl: null,
      wikidataUrl: 'https://www.wikidata.org/wiki/Q1',
      attribution: null,
      facts: ['Newspaper', 'Founded Oct 1941'],
      offices: [],
    };
    render(
      <Popup
        state={{ url: 'https://x.example/a', isArticle: true, reason: 'r', result: FULL, analysedAt: 1 }}
        loading={false}
        now={new Date('2026-11-28T12:00:00Z')}
        publisher={publisher}
      />,
      container,
    );
    expect(container.querySelector('.publisher')?.textContent).toBe('Dawn · Pakistani English-language newspaper · Founded Oct 1941');
  });
});

describe('the first screen', () => {
  const many: AnalysisResult = {
    ...FULL,
    article: article({ byline: 'By By ROBERT BURNS', siteName: 'https://www.dawn.com' }),
    entities: [
      entity('p1', 'Jeff Rathke', 'PER', 5),
      entity('p2', 'Sartaj Aziz', 'PER', 4),
      entity('p3', 'Raheel Sharif', 'PER', 3),
      entity('o1', 'State Department', 'ORG', 3),
      entity('o2', 'Haqqani network', 'ORG', 2),
      entity('o3', 'Foreign Office', 'ORG', 1),
      entity('o4', 'BBCUrdu', 'ORG', 1),
      entity('l1', 'Pakistan', 'LOC', 9),
      entity('m1', 'American', 'MISC', 2),
      entity('m2', 'World Cup', 'MISC', 1),
    ],
  };

  test('the central people and organisations (five to eight, by salience), then every list folded', () => {
    const el = show(tab(many));
    const central = texts(el, '.central-list .entity-name');
    expect(central.length).toBeGreaterThanOrEqual(5);
    expect(central.length).toBeLessThanOrEqual(8);
    expect(central.slice(0, 3)).toEqual(['Jeff Rathke', 'Sartaj Aziz', 'Raheel Sharif']);
    expect(central).not.toContain('Pakistan');
    const folds = [...el.querySelectorAll('details.fold')] as HTMLDetailsElement[];
    expect(folds.map((d) => [d.className, d.open])).toEqual([
      ['fold central', true],
      ['fold all-names', false],
      ['fold all-quotes', false],
      ['fold earlier', false],
    ]);
    expect(texts(el, 'details.fold > summary h2')).toEqual(['Who is in it', 'All names', 'Who said what', 'Earlier coverage']);
  });

  test('the byline and the publisher are cleaned before display: no doubled “By”, no address as a name', () => {
    const el = show(tab(many));
    expect(el.querySelector('.byline')?.textContent).toBe('By Robert Burns');
    expect(el.querySelector('.meta')?.textContent?.startsWith('dawn.com · ')).toBe(true);
  });

  test('“Other names” keeps names of things, not adjectives', () => {
    const el = show(tab(many));
    expect(texts(el, '.entity-group[data-type="MISC"] .entity-name')).toEqual(['World Cup']);
  });

  test('the toolbar number is explained', () => {
    const el = show(tab(many));
    expect(el.querySelector('.badge-note')?.textContent).toBe(
      '8 people, organisations and places highlighted on this page: the number on the Backstory button.',
    );
  });
});

describe('control from the popup', () => {
  const controls = (overrides = {}) => ({
    site: 'dawn.com',
    siteOn: true,
    paused: false,
    onSite: vi.fn(),
    onPause: vi.fn(),
    ...overrides,
  });
  const mount = (props: Partial<Parameters<typeof Popup>[0]>) => {
    container = document.createElement('div');
    document.body.append(container);
    act(() => {
      render(<Popup state={tab(FULL)} loading={false} now={NOW} {...props} />, container);
    });
    return container;
  };

  test('the site switch and the pause say what they do and call back', () => {
    const c = controls();
    const el = mount({ controls: c });
    const site = el.querySelector('[name="siteOn"]') as HTMLInputElement;
    expect(site.closest('label')?.textContent).toBe('Highlight names on this site (dawn.com)');
    expect(site.checked).toBe(true);
    act(() => site.click());
    expect(c.onSite).toHaveBeenCalledWith(false);
    act(() => (el.querySelector('[name="paused"]') as HTMLInputElement).click());
    expect(c.onPause).toHaveBeenCalledWith(true);
    expect(el.querySelector('button.analyse')).toBeNull();
  });

  test('a page left alone (site off, paused) says why and offers “Analyse this page”', () => {
    const onAnalyse = vi.fn();
    for (const [off, reason, status] of [
      ['site', 'Highlighting is off on this site', 'off-site'],
      ['paused', 'Backstory is paused', 'off-paused'],
    ] as const) {
      const el = mount({
        state: { url: '', isArticle: false, reason, result: null, analysedAt: 1, off },
        controls: controls({ siteOn: off !== 'site', paused: off === 'paused', onAnalyse }),
      });
      expect(el.querySelector('.status')?.getAttribute('data-status')).toBe(status);
      expect(el.querySelector('.status')?.textContent).toBe(`${reason}.`);
      act(() => (el.querySelector('button.analyse') as HTMLButtonElement).click());
      render(null, container);
      container.remove();
    }
    expect(onAnalyse).toHaveBeenCalledTimes(2);
    container = document.createElement('div');
  });

  test('“Analyse this page” on a page that is not an article, and its failure said plainly', () => {
    const el = mount({ state: tab(null, false), controls: controls({ onAnalyse: () => {}, analysing: 'failed' }) });
    expect(el.querySelector('.status')?.textContent).toBe('Not a news article.');
    expect(el.querySelector('button.analyse')?.textContent).toBe('Analyse this page');
    expect(el.querySelector('.analyse-row .problem')?.textContent).toBe(' This page cannot be analysed.');
  });

  test('the settings link opens the settings', () => {
    const onOpenSettings = vi.fn();
    const el = mount({ onOpenSettings });
    const link = el.querySelector('a.settings-link') as HTMLAnchorElement;
    expect(link.textContent).toBe('Settings: what is stored and sent');
    act(() => link.click());
    expect(onOpenSettings).toHaveBeenCalledTimes(1);
  });

  test('a name looked up from the context menu is shown first, or said not to be one of the article’s', () => {
    let el = mount({ askedName: 'Rathke' });
    expect(el.querySelector('.asked h2')?.textContent).toBe('You looked up “Rathke”');
    expect(el.querySelector('.asked .entity-name')?.textContent).toBe('Jeff Rathke');
    render(null, container);
    container.remove();
    el = mount({ askedName: 'militant groups' });
    expect(el.querySelector('.asked')?.textContent).toContain('It is not one of the names Backstory found in this article.');
  });
});
