import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, test, vi } from 'vitest';
import { Coverage, type CoverageProps } from '../../components/Coverage';
import { formatDate } from '../../lib/analyze';
import type { HistoryRecord } from '../../lib/coverage';

const XSS = '<img src=x onerror="window.__xss=1">';
const record = (n: number, published: string): HistoryRecord => ({
  url: `https://a.example/${n}`,
  title: `Earlier story ${n}`,
  publisher: 'Example',
  published,
  lang: 'en',
  entities: [],
  readAt: Date.parse('2026-11-20T10:00:00Z'),
  lastReadAt: Date.parse('2026-11-20T10:00:00Z'),
});

function mount(props: Partial<CoverageProps> = {}) {
  const container = document.createElement('div');
  document.body.append(container);
  const all: CoverageProps = {
    links: [{ label: 'Also read', text: 'Linked story', href: 'https://dawn.example/2014/11/02/linked' }],
    history: { matches: [{ record: record(1, '2014-11-10'), score: 1, shared: ['Jeff Rathke', 'Haqqani network'] }], recording: 'on' },
    search: { status: 'idle' },
    onSearch: vi.fn(),
    searchPreview: { names: ['Jeff Rathke', 'Haqqani network'], before: '2014-11-19' },
    current: { url: 'https://dawn.example/news/3', title: 'The article', date: '2014-11-19' },
    ...props,
  };
  render(<Coverage {...all} />, container);
  return { container, ...all };
}

describe('Coverage', () => {
  test('the article links, then earlier articles the reader read with when and the shared names', () => {
    const { container } = mount();
    expect(container.querySelector('.related-link a')?.textContent).toBe('Linked story');
    const match = container.querySelector('.history-match');
    expect(match?.querySelector('a')?.getAttribute('href')).toBe('https://a.example/1');
    expect(match?.querySelector('.read-on')?.textContent).toBe(`You read this on ${formatDate('2026-11-20T10:00:00Z')}`);
    expect(match?.querySelector('.shared')?.textContent).toBe('Shared: Jeff Rathke, Haqqani network');
  });

  test('says when history is paused and when nothing matches', () => {
    const { container } = mount({ history: { matches: [], recording: 'paused' } });
    expect(container.textContent).toContain('No article you read before shares people with this one.');
    expect(container.querySelector('.recording')?.textContent).toContain('History is paused');
  });

  test('news search waits for the click, says what it sends, and shows results with source labels', async () => {
    const { container, onSearch } = mount();
    expect(container.querySelector('.search-note')?.textContent).toBe(
      "Sends only “Jeff Rathke” and “Haqqani network” and the dates; never this page's address or text.",
    );
    await act(() => (container.querySelector('.search-news') as HTMLButtonElement).click());
    expect(onSearch).toHaveBeenCalledOnce();
    const done = mount({
      search: {
        status: 'done',
        response: {
          query: null,
          results: [{ url: 'https://n.example/1', title: XSS, publisher: 'Example Wire', date: '2014-11-10T14:00:00Z', source: 'google-news' }],
          failed: [{ source: 'guardian', label: 'The Guardian', message: 'api answered 500' }],
          skipped: [{ source: 'nyt', label: 'The New York Times', message: 'Needs your key.' }],
        },
      },
    });
    const result = done.container.querySelector('.news-result');
    expect(result?.querySelector('a')?.textContent).toBe(XSS);
    expect(result?.querySelector('img')).toBeNull();
    expect(result?.textContent).toContain(`Example Wire · ${formatDate('2014-11-10T14:00:00Z')} · Google News`);
    expect(done.container.querySelector('.problem[data-source="guardian"]')?.textContent).toContain('The Guardian: api answered 500');
    await act(() => (done.container.querySelector('.problem .retry') as HTMLButtonElement).click());
    expect(done.onSearch).toHaveBeenCalledOnce();
    expect(done.container.querySelector('.skipped')?.textContent).toBe('Not asked: The New York Times. Needs your key.');
  });

  test('a service that needs the reader’s API key links to the settings, where it goes', async () => {
    const onOpenSettings = vi.fn();
    const { container } = mount({
      onOpenSettings,
      search: {
        status: 'done',
        response: {
          query: null,
          results: [],
          failed: [],
          skipped: [
            { source: 'nyt', label: 'The New York Times', message: 'Needs your New York Times API key.', needsKey: true },
            { source: 'gdelt', label: 'GDELT', message: 'GDELT covers only the last three months; this article is older.' },
          ],
        },
      },
    });
    const items = [...container.querySelectorAll('.skipped li')];
    expect(items.map((li) => li.querySelector('.link-button')?.textContent ?? null)).toEqual(['Add it in the settings', null]);
    const link = container.querySelector('.skipped .link-button') as HTMLButtonElement;
    await act(() => link.click());
    expect(onOpenSettings).toHaveBeenCalledOnce();
  });

  test('the timeline puts every dated item in order with the current article marked', async () => {
    const { container } = mount({
      search: {
        status: 'done',
        response: {
          query: null,
          results: [{ url: 'https://n.example/later', title: 'Later', publisher: null, date: '2014-11-25', source: 'gdelt' }],
          failed: [],
          skipped: [],
        },
      },
    });
    await act(() => (container.querySelectorAll('.view-switch button')[1] as HTMLButtonElement).click());
    const entries = [...container.querySelectorAll('.timeline-entry')];
    expect(entries.map((e) => e.querySelector('a, .this-article')?.textContent)).toEqual([
      'Linked story',
      'Earlier story 1',
      'This article: The article',
      'Later',
    ]);
    expect(entries[2]?.getAttribute('data-current')).toBe('true');
  });

  test('an article that names nobody offers no search', () => {
    const { container } = mount({ searchPreview: null });
    expect(container.querySelector('.search-news')).toBeNull();
    expect(container.textContent).toContain('names nobody to search for');
  });
});
