import { render } from 'preact';
import { describe, expect, test, vi } from 'vitest';
import { BackgroundSection } from '../../components/BackgroundSection';
import type { BackgroundState } from '../../components/background';
import type { BackgroundNote } from '../../lib/knowledge';

const NOTE: BackgroundNote = {
  qid: 'Q1',
  label: 'Raheel Sharif',
  description: 'Pakistani general <img src=x onerror="globalThis.__xss=1">',
  summary: 'General Raheel Sharif is a retired general.',
  thumbnail: null,
  wikipediaUrl: 'https://en.wikipedia.org/wiki/Raheel_Sharif',
  wikidataUrl: 'https://www.wikidata.org/wiki/Q1',
  attribution: 'Text from Wikipedia, CC BY-SA 4.0',
  facts: ['Aged 58 at the time', 'Citizenship: Pakistan'],
  offices: [
    { title: 'Chief of Army Staff', start: 'Nov 2013', end: 'Nov 2016', atDate: true },
    { title: 'Corps Commander', start: 'Oct 2010', end: 'Nov 2013', atDate: false },
  ],
};

function show(state: BackgroundState, onRetry = () => {}) {
  const container = document.createElement('div');
  render(<BackgroundSection state={state} onRetry={onRetry} />, container);
  return container;
}

describe('BackgroundSection', () => {
  test.each<[BackgroundState, string]>([
    [{ status: 'idle' }, 'Looking it up…'],
    [{ status: 'loading' }, 'Looking it up…'],
    [{ status: 'no-match', searchUrl: 'https://en.wikipedia.org/w/index.php?search=X' }, 'No confident match.'],
    [{ status: 'error', message: 'HTTP 500' }, 'could not be loaded'],
    [{ status: 'offline' }, 'Background notes need a connection.'],
  ])('%o says %s', (state, text) => {
    const el = show(state);
    expect(el.textContent).toContain(text);
    expect(el.querySelector('section')?.getAttribute('data-state')).toBe(state.status);
  });

  test('a note: offices with the one held at the date marked, facts, summary, sources and attribution, all as text', () => {
    const el = show({ status: 'loaded', note: NOTE });
    expect(el.querySelector('.office.at-date')?.textContent).toBe('Chief of Army Staff, Nov 2013 – Nov 2016 · in office at the time');
    expect(el.querySelectorAll('.office')).toHaveLength(2);
    expect(el.querySelector('.facts')?.textContent).toBe('Aged 58 at the time · Citizenship: Pakistan');
    expect(el.querySelector('.attribution')?.textContent).toContain('CC BY-SA 4.0');
    expect([...el.querySelectorAll('.sources a')].map((a) => a.getAttribute('href'))).toEqual([NOTE.wikipediaUrl, NOTE.wikidataUrl]);
    expect(el.querySelector('img')).toBeNull();
    expect(el.querySelector('.description')?.textContent).toContain('<img');
  });

  test('offline is a quiet line with a way to try again, not an error', () => {
    const onRetry = vi.fn();
    const el = show({ status: 'offline' }, onRetry);
    expect(el.querySelector('.problem')).toBeNull();
    expect(el.querySelector('.offline')?.classList.contains('muted')).toBe(true);
    (el.querySelector('.retry') as HTMLButtonElement).click();
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  test('the picture shows only once the background has fetched it, as the data: URL it gave, with an alternative text', () => {
    const container = document.createElement('div');
    render(
      <BackgroundSection state={{ status: 'loaded', note: { ...NOTE, thumbnail: 'https://upload.wikimedia.org/x.jpg' } }} onRetry={() => {}} />,
      container,
    );
    expect(container.querySelector('img')).toBeNull();
    const data = 'data:image/png;base64,iVBORw0KGgo=';
    render(
      <BackgroundSection
        state={{ status: 'loaded', note: { ...NOTE, thumbnail: 'https://upload.wikimedia.org/x.jpg' } }}
        onRetry={() => {}}
        thumbnail={data}
      />,
      container,
    );
    expect(container.querySelector('img.thumbnail')?.getAttribute('src')).toBe(data);
    expect(container.querySelector('img.thumbnail')?.getAttribute('alt')).toContain('picture from Wikipedia');
  });

  test('retry calls back', () => {
    const onRetry = vi.fn();
    const el = show({ status: 'error', message: 'x' }, onRetry);
    (el.querySelector('.retry') as HTMLButtonElement).click();
    expect(onRetry).toHaveBeenCalledTimes(1);
  });
});
